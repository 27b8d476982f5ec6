"""The reading rules that need no browser: the reading order previous/next
follow, the Traditional interface's wording, Material's language selector
kept from looking up sitemaps."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from handbook.editions import REGION_TAGS
from handbook.hant import HantConverter
from handbook.navigation import reading_order
from handbook.traditional import (
    NO_LOOKUP,
    TAIWAN_WORDING,
    interface_wording,
    quiet_language_selector,
)

PAGES = [  # as MkDocs lists them: folders by name, the glossary moved last
    "index.md",
    "a/index.md",
    "a/essay-01.md",
    "a/essay-02.md",
    "b/index.md",
    "b/essay-01.md",
    "glossary/index.md",
    "glossary/jiao-yu-lu-jing-shen.md",
    "glossary/jiao-yu-lu.md",
]


def test_reading_order_runs_home_essays_glossary():
    order = reading_order(PAGES)
    chain, page = [], "index.md"
    while page:
        chain.append(page)
        page = order[page][1]
    assert chain == [
        "index.md",
        "a/essay-01.md",
        "a/essay-02.md",
        "b/essay-01.md",
        "glossary/index.md",
        "glossary/jiao-yu-lu.md",
        "glossary/jiao-yu-lu-jing-shen.md",
    ]
    assert all(order[after][0] == before for before, after in itertools.pairwise(chain))
    assert order["index.md"][0] is None and order[chain[-1]][1] is None
    # a collection's own page: off the chain, leading on to its first essay
    assert order["a/index.md"] == ("index.md", "a/essay-01.md")
    assert order["b/index.md"] == ("a/essay-02.md", "b/essay-01.md")


@pytest.fixture(scope="module")
def s2tw() -> HantConverter:
    return HantConverter("s2tw", None)


@pytest.mark.parametrize("wording", TAIWAN_WORDING, ids=[w.usage for w in TAIWAN_WORDING])
def test_every_taiwan_wording_mends_its_example(s2tw: HantConverter, wording) -> None:
    converted = s2tw.convert(wording.example)
    assert wording.opencc in converted, "OpenCC's s2tw leaves the mainland word"
    taiwan = interface_wording(converted, REGION_TAGS["tw"])
    assert wording.usage in taiwan and wording.opencc not in taiwan
    # Hong Kong and plain Traditional editions keep OpenCC's words
    assert interface_wording(converted, REGION_TAGS["hk"]) == converted


def test_the_interface_strings_a_reader_sees(s2tw: HantConverter) -> None:
    tw = REGION_TAGS["tw"]
    assert interface_wording(s2tw.convert("下载 PDF 打印版"), tw) == "下載 PDF 列印版"
    assert interface_wording(s2tw.convert("本节链接"), tw) == "本節連結"


def test_language_selector_loses_its_sitemap_lookups(tmp_path: Path) -> None:
    bundle = 'e.pipe(b(()=>M("link[rel=alternate]")),m(r=>new URL(r.href)))'
    assert NO_LOOKUP in quiet_language_selector(bundle)
    with pytest.raises(ValueError, match="link\\[rel=alternate\\]"):
        quiet_language_selector("a Material that changed")


def test_the_built_bundle_looks_nothing_up(built_site: Path) -> None:
    for bundle in built_site.rglob("assets/javascripts/bundle.*.min.js"):
        text = bundle.read_text(encoding="utf-8")
        assert NO_LOOKUP in text and '"link[rel=alternate]"' not in text, bundle
