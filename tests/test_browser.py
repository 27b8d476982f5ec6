"""The handbook in a real browser: the language switch on localhost and
opened from disk out of the offline zip; nothing fetched from another host;
readable on a phone, in dark mode, at a larger text size; a 404 page in
Chinese. (Search has its own tests, test_search.py; what can be read from
the built files alone is in test_site.py.)
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from searching import from_disk, search, served

from handbook.chromium import PHONE
from handbook.editions import HANT
from handbook.hant import HantConverter

pytestmark = pytest.mark.browser


def test_edition_switch_keeps_the_page_and_the_host(
    open_page: Any, built_site: Path, server: str
) -> None:
    hant = served(built_site, server, hant=True)
    page = open_page(f"{server}mass-line-essays/essay-01/", server)
    page.locator(".md-header__option .md-select").hover()
    page.locator(f".md-select a[hreflang^='{HANT}']").click()
    page.wait_for_url(re.compile(f"/{HANT}/"))
    assert hant.location(page.url) == "mass-line-essays/essay-01/"
    query = HantConverter("s2tw", None).convert("生命线")
    found = {hant.location(r.href) for group in search(page, query) for r in group if r.score > 0}
    assert found == hant.expected(query)


# --- offline edition ------------------------------------------------------------


def test_offline_edition_switch_from_disk(open_page: Any, offline_site: Path) -> None:
    from_disk(offline_site, hant=True)
    page = open_page((offline_site / "mass-line-essays/essay-01.html").as_uri(), "file://")
    page.locator(".md-header__option .md-select").hover()
    page.locator(f".md-select a[hreflang^='{HANT}']").click()
    page.wait_for_url(f"**/{HANT}/mass-line-essays/essay-01.html")


# --- reading ------------------------------------------------------------------------


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
