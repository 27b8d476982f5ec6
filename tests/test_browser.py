"""The handbook in a real browser: exact Chinese search in both editions, on
localhost and opened from disk out of the offline zip; nothing fetched from
another host; readable on a phone, in dark mode, at a larger text size; a
404 page in Chinese. (What can be read from the built files alone is in
test_site.py.)

Expected search results come from the built HTML, not from the search index:
each section is a heading with an id and what follows it up to the next one
(support.BuiltEdition).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from support import BuiltEdition

from handbook.editions import HANT, EditionSettings

pytestmark = pytest.mark.browser

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
SIMPLIFIED, TRADITIONAL = EditionSettings().all  # the editions as the handbook's build makes them


def require_traditional(root: Path) -> None:
    """The Traditional edition is built unless EDITIONS leaves it out."""
    if HANT not in os.environ.get("EDITIONS", HANT).split():
        pytest.skip("EDITIONS leaves out the Traditional edition")
    assert root.is_dir(), "the build has no Traditional edition"


def served(built_site: Path, server: str, hant: bool = False) -> BuiltEdition:
    if not hant:
        return BuiltEdition.of(built_site, SIMPLIFIED, server)
    require_traditional(TRADITIONAL.root(built_site))
    return BuiltEdition.of(built_site, TRADITIONAL, f"{server}{TRADITIONAL.path}/")


def from_disk(offline_site: Path, hant: bool = False) -> BuiltEdition:
    edition = TRADITIONAL if hant else SIMPLIFIED
    root = edition.root(offline_site)
    if hant:
        require_traditional(root)
    return BuiltEdition.of(offline_site, edition, root.as_uri() + "/")


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


def check_results(
    edition: BuiltEdition, results: list[tuple[str, float, bool]], query: str
) -> None:
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
