"""Addresses: page names that sort in reading order, links between any two
pages, folders a text may not take."""

from __future__ import annotations

import posixpath

import pytest

from handbook.addresses import (
    RESERVED_FOLDERS,
    collection_slug,
    counterpart,
    essay_slug,
    link,
    paragraph_number,
    relative,
    slug_order,
)


@pytest.mark.parametrize("count", [1, 9, 99, 100, 1000, 12345])
def test_essay_pages_sort_in_reading_order_at_any_count(count: int):
    names = [essay_slug(n, count) for n in range(1, count + 1)]
    assert sorted(names) == names
    assert len(set(names)) == count


def test_a_short_text_keeps_two_digit_names():
    assert [essay_slug(n, 5) for n in (1, 5)] == ["essay-01", "essay-05"]


PAGES = [
    "index.md",
    "mass-line-essays/index.md",
    "mass-line-essays/essay-02.md",
    "glossary/index.md",
    "glossary/si-feng.md",
    "a/b/c.md",
]


@pytest.mark.parametrize("source", PAGES)
@pytest.mark.parametrize("target", PAGES)
def test_a_relative_link_resolves_to_its_target(source: str, target: str):
    # Resolved as a browser resolves it against the page's folder.
    resolved = posixpath.normpath(
        posixpath.join(posixpath.dirname(source), relative(source, target))
    )
    assert resolved == target


def test_links_carry_their_anchor():
    assert link("glossary/si-feng.md", "mass-line-essays/essay-02.md", "p24") == (
        "../mass-line-essays/essay-02.md#p24"
    )
    assert link("mass-line-essays/essay-01.md", "glossary/si-feng.md") == "../glossary/si-feng.md"
    assert link("index.md", "mass-line-essays/essay-01.md") == "mass-line-essays/essay-01.md"


@pytest.mark.parametrize(
    ("url", "from_root", "to_root", "expected"),
    [
        ("", "", "zh-Hant", "zh-Hant/"),
        ("", "zh-Hant", "", "../"),
        ("mass/essay-01/", "", "zh-Hant", "../../zh-Hant/mass/essay-01/"),
        ("mass/essay-01/", "zh-Hant", "", "../../../mass/essay-01/"),
        ("404.html", "zh-Hant", "zh-Hant", "404.html"),
        ("", "", "", "./"),
    ],
)
def test_counterpart_links_between_editions(url, from_root, to_root, expected):
    assert counterpart(url, from_root, to_root) == expected


def test_a_text_never_takes_a_site_folder_or_another_texts():
    taken: set[str] = set()
    names = [
        collection_slug(stem, taken)
        for stem in ["Mass_Line essays", "mass-line-essays", "glossary", "群众"]
    ]
    assert names == ["mass-line-essays", "mass-line-essays-2", "glossary-2", "text"]
    assert not RESERVED_FOLDERS & set(names)


def test_a_paragraph_anchor_gives_its_number_as_a_reader_counts():
    assert paragraph_number("p12") == 12
    assert paragraph_number("s3") is None and paragraph_number("") is None
    assert paragraph_number("pa") is None


def test_terms_sort_syllable_by_syllable():
    # a file name's ".md" would put jiao-yu-lu-jing-shen.md before jiao-yu-lu.md
    slugs = ["jiao-yu-lu-jing-shen", "qun-zhong-lu-xian-jiao-yu", "jiao-yu-lu", "qun-zhong-lu-xian"]
    assert sorted(slugs, key=slug_order) == [
        "jiao-yu-lu",
        "jiao-yu-lu-jing-shen",
        "qun-zhong-lu-xian",
        "qun-zhong-lu-xian-jiao-yu",
    ]
