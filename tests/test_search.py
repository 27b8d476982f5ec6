"""The handbook's search: exact in either script, whole pages as well as
sections, the glossary entry a query names first, nothing loaded before the
reader opens it, on localhost and opened from disk.

Expected results come from the built HTML (searching.py), never from the
search index. The worker's code is run as it is, under Node for the property
tests and in Chromium behind Material's search box for the rest.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

import opencc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from searching import (
    NodeSearch,
    from_disk,
    meta,
    open_search,
    require_traditional,
    search,
    served,
)
from support import BuiltEdition

from handbook.editions import HANT
from handbook.hant import HantConverter
from handbook.search import material
from handbook.search.folding import fold, fold_table
from handbook.search.index import CLAUSE_BREAKS, SearchSettings, read_sections, vlq
from handbook.search.pages import KIND_RULES, Kind, page_kind
from handbook.traditional import simplified_only_in_html

TO_HANT = HantConverter("s2tw", None).convert
TO_HANS = opencc.OpenCC("t2s").convert


def other_script(query: str, traditional: bool) -> str:
    """The query as a reader of the other script types it."""
    return TO_HANS(query) if traditional else TO_HANT(query)


def is_traditional(edition: BuiltEdition) -> bool:
    return edition.edition.code == HANT


# --- the script fold ------------------------------------------------------------------


def test_fold_joins_each_character_with_its_other_forms() -> None:
    # A Simplified character with each of its Traditional forms (OpenCC's STCharacters)
    assert fold("干") == fold("幹") == fold("乾") == fold("榦")
    assert fold("发") == fold("發") == fold("髮")
    assert fold("里") == fold("裏") == fold("裡")  # and Taiwan's variant
    assert fold("群众路线") == fold("群眾路線") == fold("羣眾路線")  # Hong Kong's 羣
    assert fold("Ｗｅｂ ２０") == fold("WEB 20") == "web 20"
    assert fold("党") != fold("觉") and fold("后") != fold("厚")
    # Taiwan's quotation marks, which the Traditional edition writes by nesting
    assert fold("“四风”") == fold("「四風」") == fold("『四風』") == fold("‘四风’")
    assert fold("“") != fold("”")


def test_fold_keeps_every_position() -> None:
    assert all(len(c) == 1 and len(r) == 1 for c, r in fold_table().items())


def test_traditional_edition_folds_to_the_simplified_one(built_site: Path) -> None:
    """Both editions' texts fold to the same characters, position by position,
    so a query finds the same sections in both."""
    require_traditional(built_site / HANT)
    hans = read_sections(built_site / "search")
    hant = read_sections(built_site / HANT / "search")
    assert hans.keys() == hant.keys()
    for url in hans:
        for a, b in zip(hans[url], hant[url], strict=True):
            assert a.anchor == b.anchor and fold(a.title) == fold(b.title), url
            assert fold(a.text) == fold(b.text), f"{url}#{a.anchor}"


# --- what is searched ---------------------------------------------------------------------


def test_kind_rules_name_their_examples() -> None:
    for rule in KIND_RULES:
        assert page_kind(rule.example) is rule.kind, rule.name
    assert page_kind("index.md") is page_kind("glossary/index.md") is Kind.NAVIGATION


def test_numbers_are_written_as_base64_digits() -> None:
    assert vlq([0, 31, 32, 1024]) == "A" + "f" + "gB" + "ggB"
    assert vlq([1, 2], less=1) == "AB"


def test_settings_are_checked() -> None:
    assert SearchSettings.from_config({"text_shard_bytes": 9000}).text_shard_bytes == 9000
    with pytest.raises(ValueError, match="expected keys"):
        SearchSettings.from_config({"shards": 3})
    with pytest.raises(ValueError, match="positive"):
        SearchSettings.from_config({"key_shard_bytes": "big"})


def test_patches_fail_loudly_when_material_changes(tmp_path: Path) -> None:
    renamed = '<script id="__config">{"search": "assets/javascripts/workers/lunr.js"}</script>'
    with pytest.raises(material.MaterialChanged, match="worker URL"):
        material.patch_page(renamed, "page.md")
    with pytest.raises(material.MaterialChanged, match="offline plugin"):
        material.without_unpkg_shim([])
    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    (tmp_path / "assets/javascripts/bundle.0.min.js").write_text("fetch(index)", encoding="utf-8")
    with pytest.raises(material.MaterialChanged, match="set-up on page load"):
        material.patch_bundle(tmp_path)
    (tmp_path / "search").mkdir()
    for bad, message in (({"docs": []}, "is not"), ({"config": {}, "docs": [{}]}, "indexed")):
        (tmp_path / "search/search_index.json").write_text(json.dumps(bad), encoding="utf-8")
        with pytest.raises(material.MaterialChanged, match=message):
            material.read_index(tmp_path)
    with pytest.raises(material.MaterialChanged, match="add_entry_from_context"):
        material.stop_indexing({"material/search": object()})


def test_index_holds_what_the_pages_show(built_site: Path) -> None:
    edition = served(built_site, "/")
    index = {
        f"{url}#{s.anchor}" if s.anchor else url: s.title + s.text
        for url, sections in read_sections(built_site / "search").items()
        for s in sections
    }
    assert index.keys() == edition.texts.keys()
    for location, text in edition.texts.items():
        assert re.sub(r"\s", "", index[location]) == re.sub(r"\s", "", text), location


def test_index_is_split_and_loads_little(built_site: Path) -> None:
    folder = built_site / "search"
    stub = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))
    assert stub["docs"] == []  # Material's own index: no text
    manifest = (folder / "manifest.json").read_bytes()
    assert len(gzip.compress(manifest)) < 8_000
    shards = [p for part in "kpt" for p in (folder / part).glob("*.json")]
    assert len(shards) > 10
    settings = SearchSettings()
    for shard in shards:
        limit = settings.text_shard_bytes if shard.parent.name == "t" else settings.key_shard_bytes
        data = json.loads(shard.read_text(encoding="utf-8"))
        # a shard passes its size only by its last entry (a page, or a key's list)
        parts = data.get("keys") or data["pages"]
        assert len(parts) == 1 or shard.stat().st_size < 3 * limit, shard
    assert not (built_site / "assets/javascripts/lunr").exists()


# --- the worker's own code, under Node, against the pages --------------------------------


@pytest.fixture(scope="session")
def engines(built_site: Path) -> Iterator[dict[bool, tuple[BuiltEdition, NodeSearch]]]:
    editions = {False: served(built_site, "http://127.0.0.1/")}
    if (built_site / HANT).is_dir():
        editions[True] = served(built_site, "http://127.0.0.1/", hant=True)
    running = {hant: (e, NodeSearch(e.root)) for hant, e in editions.items()}
    yield running
    for _, node in running.values():
        node.close()


def check_match(edition: BuiltEdition, node: NodeSearch, query: str) -> None:
    answer = node.ask(match=query)
    assert set(answer["sections"]) == edition.expected(query), query
    assert set(answer["pages"]) == edition.expected_pages(query), query


def runs(text: str) -> list[str]:
    return [r for r in re.split(r"\s+", text) if r]


@st.composite
def queries(draw: st.DrawFn, edition: BuiltEdition) -> str:
    """A query a reader might type: part of a section's text (a few
    characters, or a phrase running across words), one to three of them, from
    one page or anywhere, in the edition's script, the other, or both mixed;
    now and then a term the text does not hold."""
    locations = sorted(edition.texts)
    page = draw(st.sampled_from(locations)).split("#")[0]
    same_page = [loc for loc in locations if loc.split("#")[0] == page]
    terms = []
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(same_page if draw(st.booleans()) else locations))
        run = draw(st.sampled_from(runs(edition.texts[where])))
        length = draw(st.sampled_from([1, 2, 3, 4, 6, 9]))
        start = draw(st.integers(0, max(0, len(run) - length)))
        term = run[start : start + length]
        script = draw(st.sampled_from(["own", "other", "mixed"]))
        if script == "other":
            term = other_script(term, is_traditional(edition))
        elif script == "mixed":
            term = "".join(
                other_script(c, is_traditional(edition)) if i % 2 else c for i, c in enumerate(term)
            )
        terms.append(term)
    if draw(st.integers(0, 9)) == 0:
        terms.append(draw(st.sampled_from(["量子力学", "熵", "Qx", "雍正"])))
    return " ".join(terms)


@pytest.mark.slow
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_results_are_exactly_what_the_pages_hold(
    engines: dict[bool, tuple[BuiltEdition, NodeSearch]], data: st.DataObject
) -> None:
    edition, node = engines[data.draw(st.sampled_from(sorted(engines)))]
    check_match(edition, node, data.draw(queries(edition)))


@pytest.mark.parametrize(
    "query",
    ["四风形式", "主义", "Web", "党", "群众 生命线", "生命线 焦裕禄", "1943年6月", "“四风”"],
)
def test_chosen_queries(engines: dict[bool, tuple[BuiltEdition, NodeSearch]], query: str) -> None:
    for hant, (edition, node) in engines.items():
        for typed in (query, other_script(query, hant)):
            check_match(edition, node, typed)


def test_glossary_entries_are_searched_but_not_their_concordance(
    engines: dict[bool, tuple[BuiltEdition, NodeSearch]],
) -> None:
    edition, node = engines[False]
    entries = {loc for loc in edition.sections if loc.startswith("glossary/")}
    assert len(entries) > 30 and all("#" not in loc for loc in entries)
    # Every entry starts with its category (类别：概念); the glossary's index does not.
    assert set(node.ask(match="类别")["sections"]) == entries
    # A heading of 第一篇 the entry 四风 quotes in its concordance: found in the essay only
    assert node.ask(match="不但人民群众不满意")["sections"] == ["mass-line-essays/essay-01/#s3"]


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("群众路线", "glossary/qun-zhong-lu-xian/"),
        ("群眾路線", "glossary/qun-zhong-lu-xian/"),
        ("党的群众路线", "glossary/qun-zhong-lu-xian/"),  # the entry's alias
        ("焦裕祿", "glossary/jiao-yu-lu/"),
        ("四风", "glossary/si-feng/"),
    ],
)
def test_the_entry_a_query_names_ranks_first(
    engines: dict[bool, tuple[BuiltEdition, NodeSearch]], query: str, entry: str
) -> None:
    for _, node in engines.values():
        first = node.ask(search=query)["items"][0][0]["location"]
        assert first.split("?")[0] == entry


def test_snippets_start_at_a_clause_and_show_the_match(
    engines: dict[bool, tuple[BuiltEdition, NodeSearch]],
) -> None:
    for hant, (edition, node) in engines.items():
        for query in ("主义", "生命线", "跋涉", "民主"):
            typed = TO_HANT(query) if hant else query
            for group in node.ask(search=typed)["items"]:
                for item in group:
                    if item["text"]:
                        check_snippet(edition, item, fold(query))


def check_snippet(edition: BuiltEdition, item: dict[str, Any], term: str) -> None:
    html = item["text"].removeprefix("<p>").removesuffix("</p>")
    assert "<mark>" in html, item
    shown = unescape(re.sub(r"<[^>]+>", "", html))
    assert fold(re.sub(r"</?mark>", "", re.search(r"<mark>.*?</mark>", html)[0])) == term
    location = re.sub(r"\?[^#]*", "", item["location"]).removesuffix("#")
    text = edition.texts[location].replace("\n", " ")
    body = shown.removeprefix("…").removesuffix("…")
    at = text.find(body)
    assert at >= 0, (body, location)
    before = text[at - 1] if at else "\n"
    starts_at_match = fold(body).startswith(term)
    assert before in CLAUSE_BREAKS + " " or starts_at_match, (before, body)


# --- in the browser, behind Material's search box -----------------------------------------

browser = pytest.mark.browser


def check_results(edition: BuiltEdition, groups: list[list[Any]], query: str) -> None:
    sections, pages = set(), set()
    for group in groups:
        if any(r.missing for r in group):  # a page holding the terms across sections
            pages.add(edition.location(group[0].href).split("#")[0])
            assert all(r.text and "<mark>" in r.text for r in group[1:]), group
            continue
        for r in group:
            if r.score > 0:
                sections.add(edition.location(r.href))
                assert "<mark>" in r.title + r.text, f"{r.href}: no highlighted match"
    assert sections == edition.expected(query)
    assert pages == edition.expected_pages(query)


@browser
@pytest.mark.parametrize(
    ("hant", "queries"),
    [
        (False, ["群眾路線", "黨的生命", "四風 享樂", "生命線 焦裕祿", "奢"]),
        (True, ["群众路线", "焦裕禄", "四风 享乐", "生命线 焦裕禄", "党的生命"]),
    ],
    ids=["Traditional queries, Simplified edition", "Simplified queries, Traditional edition"],
)
def test_either_script_in_either_edition(
    open_page: Any, built_site: Path, server: str, hant: bool, queries: list[str]
) -> None:
    edition = served(built_site, server, hant)
    page = open_page(edition.base, server)
    for query in queries:
        assert edition.expected(query) or edition.expected_pages(query), query
        check_results(edition, search(page, query), query)


@browser
@pytest.mark.parametrize("hant", [False, True], ids=["simplified", "traditional"])
def test_either_script_from_disk(open_page: Any, offline_site: Path, hant: bool) -> None:
    edition = from_disk(offline_site, hant)
    page = open_page(edition.base + "index.html", "file://")
    for query in ("主义 形式", TO_HANS("群眾") if hant else TO_HANT("群众"), "生命线 焦裕禄"):
        check_results(edition, search(page, query), query)
    first = page.locator(".md-search-result__item a.md-search-result__link[href*='#']").first
    href = first.get_attribute("href")
    first.click()
    page.wait_for_url(href)
    assert page.locator("article.md-content__inner h1").count() == 1


@browser
def test_terms_in_different_sections_find_the_page(
    open_page: Any, built_site: Path, server: str
) -> None:
    edition = served(built_site, server)
    # 血肉联系 early in 第二篇, 焦裕禄 in its last article; a term page citing
    # 第二篇 names it by its title (…生命线), so 生命线 would find term pages too.
    query = "血肉联系 焦裕禄"
    assert not edition.expected(query)
    assert edition.expected_pages(query) == {"mass-line-essays/essay-02/"}
    page = open_page(edition.base, server)
    [group] = search(page, query)
    assert edition.location(group[0].href) == "mass-line-essays/essay-02/"
    missing = {m for r in group[1:] for m in r.missing}
    assert missing == {"血肉联系", "焦裕禄"}  # each section listed says which term it lacks
    assert meta(page) == "0 节 · 1 页（1 页的词语分在不同节）"


@browser
def test_a_term_page_ranks_first(open_page: Any, built_site: Path, server: str) -> None:
    edition = served(built_site, server)
    page = open_page(edition.base, server)
    groups = search(page, "群众路线")
    assert edition.location(groups[0][0].href) == "glossary/qun-zhong-lu-xian/"
    sections = len(edition.expected("群众路线"))
    assert meta(page) == f"{sections} 节 · {len(groups)} 页"


@browser
def test_nothing_is_loaded_for_search_before_it_is_opened(
    open_page: Any, built_site: Path, server: str
) -> None:
    page = open_page(f"{server}mass-line-essays/essay-02/", server)
    page.wait_for_load_state("networkidle")
    searching = lambda: [u for u in page.requests if "/search" in u]  # noqa: E731
    assert searching() == []
    open_search(page)
    page.wait_for_function(
        "() => !/初始化/.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    assert {u.removeprefix(server) for u in searching()} >= {
        "assets/javascripts/search-worker.js",
        "search/manifest.json",
    }


@browser
def test_search_starts_without_a_keyup(open_page: Any, built_site: Path, server: str) -> None:
    """Text an IME commits, a paste from the menu or voice input sends no key."""
    edition = served(built_site, server)
    page = open_page(edition.base, server)
    check_results(edition, search(page, "跋涉", keyup=False), "跋涉")


@browser
def test_a_result_opens_its_section_with_the_match_marked(
    open_page: Any, built_site: Path, server: str, screenshots: Path
) -> None:
    edition = served(built_site, server, hant=True)
    page = open_page(edition.base, server, viewport={"width": 1280, "height": 800})
    groups = search(page, "长途跋涉")  # typed in Simplified, marked as the page writes it
    page.screenshot(path=screenshots / "desktop-search.png")
    [href] = [r.href for g in groups for r in g if "/essay-02/" in r.href and r.score > 0]
    page.click(f".md-search-result__link[href='{href}']")
    page.wait_for_url(href)
    anchor = href.split("#")[1]
    top = page.eval_on_selector(f"[id='{anchor}']", "el => el.getBoundingClientRect().top")
    assert 0 <= top < 800, "the section's heading is in view"
    assert page.locator("mark[data-md-highlight]").first.text_content() == "長途跋涉"
    page.screenshot(path=screenshots / "desktop-section.png")


def test_the_search_script_leaves_the_traditional_check_to_the_text() -> None:
    """The search's inline script holds both editions' words (节, 頁 …): the
    check for Simplified-only characters reads the page's text, not scripts."""
    script = "<script>const l = (s) => `${s} 节 · ${s} 页`;</script>"
    assert simplified_only_in_html(f"<html><body>{script}<p>群眾路線</p></body></html>") == set()
    page = (
        f"<html><body>{script}<p>群众路線</p><style>p::after{{content:'页'}}</style></body></html>"
    )
    assert simplified_only_in_html(page) == {"众"}
