"""The handbook in a real browser: exact Chinese search in both editions, on
localhost and opened from disk out of the offline zip; nothing fetched from
another host; readable on a phone, in dark mode, at a larger text size; and
the pieces a hosted site needs (sitemap, 404 page, meta descriptions).

Expected search results come from the built HTML, not from the search index:
each section is a heading with an id and what follows it up to the next one.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from conftest import ROOT, SITE_URL
from mkdocs.exceptions import PluginError

HANT = "zh-Hant"
# Elements that end a run of text: a query never matches across them.
BLOCKS = {"p", "li", "dt", "dd", "td", "th", "pre", "div", "blockquote", "figcaption", "summary"}
BLOCKS |= {"ul", "ol", "dl", "table", "tr", "figure", "details", "section", "nav", "hr", "br"}
BLOCKS |= {"h1", "h2", "h3", "h4", "h5", "h6"}
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr"}
HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
# (what it shows, query): every query must find something, except the last two
QUERIES = [
    ("word", "四风"),
    ("word", "生命线"),
    ("part of a word", "主义"),
    ("part of a word", "跋涉"),
    ("phrase across words", "党的生命"),
    ("phrase across words", "路线是我们"),
    ("single character", "奢"),
    ("single character in most sections", "党"),
    ("two terms", "群众 生命线"),
    ("two terms", "四风 享乐"),
    ("not in the text: runs either side of a quote mark", "四风形式"),
    ("not in the text", "量子力学"),
]


class Sections(HTMLParser):
    """The text of each section of a page's article, keyed by anchor
    ('' for the page's first section); blocks end with a line break."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # >0 inside the article
        self.skip = 0  # >0 inside a permalink
        self.heading: str | None = None  # id of the heading being read
        self.sections: dict[str, list[str]] = {"": []}
        self.current = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if not self.depth:
            if tag == "article" and "md-content__inner" in (attributes.get("class") or ""):
                self.depth = 1
            return
        if tag not in VOID:
            self.depth += 1
            if self.skip or "headerlink" in (attributes.get("class") or "").split():
                self.skip += 1
        if tag in HEADINGS and attributes.get("id"):
            self.current = attributes["id"] or ""
            self.sections[self.current] = []
        if tag in BLOCKS:
            self.sections[self.current].append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in VOID:
            self.depth -= 1
            if self.skip:
                self.skip -= 1
            if tag in BLOCKS:
                self.sections[self.current].append("\n")

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.sections[self.current].append(data)


@dataclass
class Edition:
    """One edition of a build: where its files are and how its pages are addressed."""

    root: Path  # the edition's directory in the build
    base: str  # the URL the browser opens the edition at
    site_url: str

    def pages(self) -> list[str]:
        """Page paths, relative to the edition, from its sitemap."""
        tree = ET.parse(self.root / "sitemap.xml")
        locs = [
            el.text or "" for el in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
        ]
        assert all(loc.startswith(self.site_url) for loc in locs), locs
        return [loc.removeprefix(self.site_url) for loc in locs]

    def sections(self) -> dict[str, str]:
        """Location (page, or page#anchor) → text of every section of every
        page that is not excluded from search."""
        found: dict[str, str] = {}
        for page in self.pages():
            if front_matter(source_of(page)).get("search", {}).get("exclude"):
                continue
            file = self.root / (page + "index.html" if page.endswith("/") or not page else page)
            parser = Sections()
            parser.feed(file.read_text(encoding="utf-8"))
            for anchor, parts in parser.sections.items():
                text = re.sub(r"[^\S\n]+", " ", "".join(parts))
                found[f"{page}#{anchor}" if anchor else page] = re.sub(r"\s*\n\s*", "\n", text)
        return found

    def expected(self, query: str) -> set[str]:
        terms = query.lower().split()
        return {
            loc for loc, text in self.sections().items() if all(t in text.lower() for t in terms)
        }

    def location(self, href: str) -> str:
        """A result link as an index location: page path, and #anchor if any."""
        url, base = urlsplit(href), urlsplit(self.base)
        assert url.path.startswith(base.path), href
        page = unquote(url.path.removeprefix(base.path))
        return f"{page}#{url.fragment}" if url.fragment else page


def source_of(page: str) -> Path:
    """The Markdown file under docs/ a built page comes from."""
    stem = re.sub(r"(index)?(\.html)?$", "", page).rstrip("/")
    for candidate in (f"{stem}.md", f"{stem}/index.md".lstrip("/")):
        if (ROOT / "docs" / candidate).is_file():
            return ROOT / "docs" / candidate
    raise AssertionError(f"no source for {page!r}")


def front_matter(md: Path) -> dict[str, Any]:
    text = md.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---")[1]) or {} if text.startswith("---") else {}


def require_traditional(root: Path) -> None:
    """The Traditional edition is built unless EDITIONS leaves it out."""
    if HANT not in os.environ.get("EDITIONS", HANT).split():
        pytest.skip("EDITIONS leaves out the Traditional edition")
    assert root.is_dir(), "the build has no Traditional edition"


def served(built_site: Path, server: str, hant: bool = False) -> Edition:
    if not hant:
        return Edition(built_site, server, SITE_URL)
    require_traditional(built_site / HANT)
    return Edition(built_site / HANT, f"{server}{HANT}/", f"{SITE_URL}{HANT}/")


def from_disk(offline_site: Path, hant: bool = False) -> Edition:
    root = offline_site / HANT if hant else offline_site
    if hant:
        require_traditional(root)
    return Edition(root, root.as_uri() + "/", f"{SITE_URL}{HANT}/" if hant else SITE_URL)


def traditional(query: str) -> str:
    from handbook.hant import HantConverter

    return HantConverter("s2tw", None).convert(query)


# --- searching in the browser -------------------------------------------------


def search(page: Any, query: str) -> list[tuple[str, float, bool]]:
    """Type the query into Material's search box; every result link, its score
    and whether it shows a highlighted match (a page heading its sections
    shows only the page title), after loading all results."""
    box = page.locator("input[data-md-component=search-query]")
    # on a phone the box opens from a button; on a desktop it is in the header
    page.locator("header label[for=__search]:visible").or_(box).first.click()
    box.fill(query)
    box.press("End")  # Material searches on keyup, as a phone's IME sends it
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function(
        "q => document.querySelector('[data-md-component=search-query]').value === q"
        " && !/键入|鍵入|正在|初始化/.test(document.querySelector('.md-search-result__meta').textContent)",
        arg=query,
    )
    shown = re.search(r"\d+", meta.text_content() or "")
    groups = int(shown.group()) if shown else 0
    items = page.locator(".md-search-result__item")
    while items.count() < groups:  # results beyond the first ten load on scroll
        page.locator(".md-search__scrollwrap").evaluate("el => el.scrollTo(0, el.scrollHeight)")
        page.wait_for_timeout(100)
    return page.eval_on_selector_all(
        ".md-search-result__item a.md-search-result__link",
        """links => links.map(a => [
            a.href,
            parseFloat(a.firstElementChild.dataset.mdScore),
            a.querySelector('mark') !== null
              || (a.querySelector('h1') !== null && a.querySelector('p') === null),
        ])""",
    )


def check_results(edition: Edition, results: list[tuple[str, float, bool]], query: str) -> None:
    found = {edition.location(href) for href, score, _ in results if score > 0}
    assert found == edition.expected(query)
    for href, score, marked in results:
        if score > 0:
            assert marked, f"{href}: no highlighted match"
        else:  # a page heading its matching sections
            page = edition.location(href)
            assert "#" not in page and any(f.startswith(page + "#") for f in found)


@pytest.mark.parametrize(("kind", "query"), QUERIES, ids=[q for _, q in QUERIES])
def test_search_finds_exactly_the_sections_holding_the_query(
    open_page: Any, built_site: Path, server: str, kind: str, query: str
) -> None:
    edition = served(built_site, server)
    if not kind.startswith("not in the text"):
        assert edition.expected(query), f"{query!r} should occur in the text"
    page = open_page(edition.base, server)
    check_results(edition, search(page, query), query)


@pytest.mark.parametrize("query", ["生命线", "主义", "党的生命", "四风 享乐", "奢"])
def test_traditional_edition_searches_in_its_own_script(
    open_page: Any, built_site: Path, server: str, query: str
) -> None:
    edition = served(built_site, server, hant=True)
    query = traditional(query)
    assert edition.expected(query), f"{query!r} should occur in the Traditional text"
    page = open_page(edition.base, server)
    check_results(edition, search(page, query), query)


def test_a_result_opens_its_section(
    open_page: Any, built_site: Path, server: str, screenshots: Path
) -> None:
    edition = served(built_site, server)
    page = open_page(edition.base, server, viewport={"width": 1280, "height": 800})
    results = search(page, "跋涉")
    page.screenshot(path=screenshots / "desktop-search.png")
    [href] = [h for h, score, _ in results if score > 0 and "/essay-02/" in h]
    page.click(f".md-search-result__link[href='{href}']")
    page.wait_for_url(href)
    anchor = urlsplit(page.url).fragment
    assert f"{edition.location(page.url)}" == edition.location(href)
    top = page.eval_on_selector(f"[id='{anchor}']", "el => el.getBoundingClientRect().top")
    assert 0 <= top < 800, "the section's heading is in view"
    assert page.locator("mark[data-md-highlight]").first.text_content() == "跋涉"
    page.screenshot(path=screenshots / "desktop-section.png")


def test_edition_switch_keeps_the_page_and_the_host(
    open_page: Any, built_site: Path, server: str
) -> None:
    hant = served(built_site, server, hant=True)
    page = open_page(f"{server}mass-line-essays/essay-01/", server)
    page.locator(".md-header__option .md-select").hover()
    page.locator(f".md-select a[hreflang^='{HANT}']").click()
    page.wait_for_url(re.compile(f"/{HANT}/"))
    assert hant.location(page.url) == "mass-line-essays/essay-01/"
    results = search(page, traditional("生命线"))
    check_results(hant, results, traditional("生命线"))


# --- offline edition ------------------------------------------------------------


def test_offline_zip_holds_a_site_to_open_from_disk(offline_zip: Path) -> None:
    with zipfile.ZipFile(offline_zip) as zf:
        names = set(zf.namelist())
    assert {"handbook/index.html", "handbook/search/search_index.js"} <= names
    assert "handbook/assets/javascripts/file-worker.js" in names


@pytest.mark.parametrize("hant", [False, True], ids=["simplified", "traditional"])
def test_offline_search_from_disk(open_page: Any, offline_site: Path, hant: bool) -> None:
    edition = from_disk(offline_site, hant)
    query = traditional("主义 形式") if hant else "主义 形式"
    page = open_page(edition.base + "index.html", "file://")
    results = search(page, query)
    check_results(edition, results, query)
    href = next(h for h, score, _ in results if score > 0 and "#" in h)
    page.click(f".md-search-result__link[href='{href}']")
    page.wait_for_url(href)
    assert page.locator("article.md-content__inner h1").count() == 1


def test_offline_edition_switch_from_disk(open_page: Any, offline_site: Path) -> None:
    from_disk(offline_site, hant=True)
    page = open_page((offline_site / "mass-line-essays/essay-01.html").as_uri(), "file://")
    page.locator(".md-header__option .md-select").hover()
    page.locator(f".md-select a[hreflang^='{HANT}']").click()
    page.wait_for_url(f"**/{HANT}/mass-line-essays/essay-01.html")


# --- reading ------------------------------------------------------------------------

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}


def text_size(page: Any) -> float:
    return page.eval_on_selector(
        "article.md-content__inner p:not(.byline)", "p => parseFloat(getComputedStyle(p).fontSize)"
    )


def test_phone_reading(open_page: Any, server: str, screenshots: Path) -> None:
    page = open_page(f"{server}mass-line-essays/essay-02/", server, **PHONE)
    assert text_size(page) >= 16
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= 390, "nothing wider than the screen"
    page.screenshot(path=screenshots / "phone.png")
    results = search(page, "群众 生命线")
    assert results
    page.wait_for_timeout(500)  # the search panel slides in
    page.screenshot(path=screenshots / "phone-search.png")


def test_reader_can_enlarge_the_text(open_page: Any, server: str, screenshots: Path) -> None:
    page = open_page(f"{server}mass-line-essays/essay-02/", server, **PHONE)
    normal = text_size(page)
    button = page.locator("button.handbook-text-size")
    button.click()
    assert text_size(page) == pytest.approx(normal * 1.15, rel=0.02)
    button.click()
    page.reload()  # the choice is kept
    assert text_size(page) == pytest.approx(normal * 1.3, rel=0.02)
    page.screenshot(path=screenshots / "phone-large-text.png")
    for _ in range(2):  # round to the start
        page.locator("button.handbook-text-size").click()
    assert text_size(page) == pytest.approx(normal, rel=0.02)


def test_dark_theme_follows_the_system_and_the_toggle(
    open_page: Any, server: str, screenshots: Path
) -> None:
    page = open_page(f"{server}mass-line-essays/essay-01/", server, color_scheme="dark", **PHONE)
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    page.screenshot(path=screenshots / "phone-dark.png")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.get_attribute("body", "data-md-color-scheme") == "default"


def test_desktop_shows_navigation_beside_the_text(
    open_page: Any, server: str, screenshots: Path
) -> None:
    page = open_page(
        f"{server}mass-line-essays/essay-01/", server, viewport={"width": 1280, "height": 800}
    )
    # Beside, not behind a menu button: the essays and the glossary are one click away.
    # (A phone keeps the same list off screen, in a drawer.)
    link = page.locator(".md-sidebar--primary a", has_text="第二篇").first
    where, text = link.bounding_box(), page.locator("article.md-content__inner").bounding_box()
    assert where is not None and where["x"] >= 0 and where["x"] + where["width"] <= text["x"]
    page.screenshot(path=screenshots / "desktop.png")


def test_404_page_speaks_chinese(open_page: Any, server: str, screenshots: Path) -> None:
    page = open_page(f"{server}404.html", server, **PHONE)
    assert page.locator("article h1").text_content() == "找不到这个页面"
    page.screenshot(path=screenshots / "phone-404.png")
    page.click("article a")
    assert page.url == server


# --- the built site -------------------------------------------------------------


def test_search_index_is_plain_utf8_text(built_site: Path) -> None:
    raw = (built_site / "search" / "search_index.json").read_bytes()
    data = json.loads(raw)
    assert b"\\u" not in raw.replace(b"\\\\u", b"")  # the separator's regex keeps its \u
    text = "".join(doc["title"] + doc["text"] for doc in data["docs"])
    assert "\u200b" not in text and "<p>" not in text
    # what remains besides the text is locations and JSON syntax
    assert len(raw) < 1.15 * len(text.encode("utf-8"))


def test_search_index_holds_the_sections_of_the_pages(built_site: Path, server: str) -> None:
    edition = served(built_site, server)
    data = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    index = {doc["location"]: doc["title"] + doc["text"] for doc in data["docs"]}
    sections = edition.sections()
    assert set(index) == set(sections)
    for location, text in sections.items():
        assert re.sub(r"\s", "", index[location]) == re.sub(r"\s", "", text), location


def test_pages_describe_themselves(built_site: Path) -> None:
    for md in (ROOT / "docs").rglob("*.md"):
        meta = front_matter(md)
        if not meta.get("description"):
            continue
        page = md.relative_to(ROOT / "docs").with_suffix("")
        html_file = built_site / (page.parent if page.name == "index" else page) / "index.html"
        html = html_file.read_text(encoding="utf-8")
        wanted = meta["description"].replace("&", "&amp;").replace('"', "&#34;")
        assert f'<meta name="description" content="{wanted}">' in html, md


def test_sitemap_lists_every_page_under_site_url(built_site: Path, server: str) -> None:
    pages = served(built_site, server).pages()
    assert "" in pages and "mass-line-essays/essay-01/" in pages
    for page in pages:
        assert (built_site / page / "index.html").is_file()


def test_search_hook_fails_loudly_when_material_changes() -> None:
    spec = importlib.util.spec_from_file_location("search_hook", ROOT / "tools/hooks/search.py")
    assert spec and spec.loader
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    renamed = '<script id="__config">{"search": "assets/javascripts/workers/lunr.js"}</script>'
    with pytest.raises(PluginError, match="worker URL not found"):
        hook.use_handbook_worker(renamed, "page.md")
    with pytest.raises(PluginError, match="is not"):
        hook.rewrite_index({"docs": []})
    with pytest.raises(PluginError, match="index entry without"):
        hook.rewrite_index({"config": {"separator": " "}, "docs": [{"location": ""}]})
    assert hook.plain_text("<p>\u200b四风\u200b&amp;</p> <p>b</p>") == "四风&\nb"
