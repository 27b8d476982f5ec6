"""Reading the handbook in Chromium as a reader would: a glossary term's
definition at a touch, previous/next in reading order, the edition switch
that keeps the place, the Traditional edition's own wording, and no
accessibility violation (axe-core, pinned in package.json) on any page type,
in both themes, both editions, at phone and desktop width.

Expected values come from the input: terms and definitions from
source/glossary.yml, the reading order from the essays' files and the terms'
pinyin (pypinyin), the wording from what Taiwan writes.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypinyin import lazy_pinyin
from support import ROOT, front_matter

from handbook.chars import COLON
from handbook.chromium import PHONE
from handbook.editions import EditionSettings

pytestmark = pytest.mark.browser

SIMPLIFIED, TRADITIONAL = EditionSettings().all
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
ESSAY = "mass-line-essays/essay-02/"  # several articles, many terms
GLOSSARY = {t["slug"]: t for t in yaml.safe_load((ROOT / "source/glossary.yml").read_text())}


def edition_base(server: str, hant: bool) -> str:
    return f"{server}{TRADITIONAL.path}/" if hant else server


def widened(text: str) -> str:
    """glossary.yml types ASCII punctuation; the handbook widens it (README)."""
    return (
        text.replace(",", "，")
        .replace(";", "；")
        .replace(":", COLON)
        .replace("(", "（")
        .replace(")", "）")
    )


# --- the glossary at a touch ---------------------------------------------------


def test_tapping_a_term_on_a_phone_shows_its_definition_and_keeps_the_place(
    open_page: Any, server: str, screenshots: Path
) -> None:
    page = open_page(server + ESSAY, server, **PHONE)
    term = page.locator("article a.term").nth(5)
    term.scroll_into_view_if_needed()
    before = page.evaluate("window.scrollY")
    slug = (term.get_attribute("href") or "").strip("/").split("/")[-1]
    entry = GLOSSARY[slug]
    term.tap()
    popover = page.locator(".handbook-term")
    assert popover.is_visible()
    assert popover.locator(".handbook-term__name").text_content() == widened(entry["term"])
    assert popover.locator(".handbook-term__definition").text_content() == widened(
        entry["definition"]
    )
    assert popover.locator("a").get_attribute("href") == term.get_attribute("href")
    assert page.url == server + ESSAY, "the address stays"
    assert page.evaluate("window.scrollY") == before, "the essay stays where it was"
    # legible: the definition at the text's size, and on the screen
    size = "el => parseFloat(getComputedStyle(el).fontSize)"
    body = page.locator("article p:not(.byline)").first.evaluate(size)
    assert popover.locator(".handbook-term__definition").evaluate(size) >= body >= 16
    box = popover.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390
    page.screenshot(path=screenshots / "phone-term-popover.png")
    # a tap outside closes it
    page.locator("article h1").tap()
    assert popover.is_hidden()
    assert page.url == server + ESSAY


def test_the_popover_is_reached_by_keyboard_and_closed_by_escape(
    open_page: Any, server: str
) -> None:
    page = open_page(server + ESSAY, server, **DESKTOP)
    term = page.locator("article a.term").first
    term.focus()
    page.keyboard.press("Enter")
    popover = page.locator(".handbook-term")
    assert popover.is_visible()
    assert popover.get_attribute("role") == "dialog"
    assert term.get_attribute("aria-expanded") == "true"
    focused = page.evaluate("document.activeElement.closest('.handbook-term') !== null")
    assert focused, "the popover's link has the focus"
    page.keyboard.press("Escape")
    assert popover.is_hidden()
    assert page.evaluate("document.activeElement.classList.contains('term')")
    assert page.url == server + ESSAY


def test_hovering_a_term_shows_its_definition(open_page: Any, server: str) -> None:
    page = open_page(server + ESSAY, server, **DESKTOP)
    term = page.locator("article a.term").nth(2)
    term.hover()
    popover = page.locator(".handbook-term")
    popover.wait_for(state="visible")
    assert not term.get_attribute("title"), "no second, native tooltip"
    page.mouse.move(5, 790)  # away from the term and the popover
    popover.wait_for(state="hidden")


def test_terms_are_marked_lightly_once_an_article(open_page: Any, server: str) -> None:
    page = open_page(server + ESSAY, server, **DESKTOP)
    marks = page.eval_on_selector_all(
        "article a.term",
        """links => links.map(a => {
            const style = getComputedStyle(a), text = getComputedStyle(a.parentElement);
            return [style.color === text.color, style.textDecorationStyle, style.fontWeight];
        })""",
    )
    assert marks and all(m == [True, "dotted", marks[0][2]] for m in marks)
    # once an article: no term is linked twice between two article titles (h2)
    repeats = page.evaluate(
        """() => {
            let seen = new Set(), twice = [];
            for (const el of document.querySelectorAll('article h2, article a.term')) {
                if (el.tagName === 'H2') { seen = new Set(); continue; }
                const href = el.getAttribute('href');
                if (seen.has(href)) twice.push(href);
                seen.add(href);
            }
            return twice;
        }"""
    )
    assert repeats == []


# --- reading order --------------------------------------------------------------


def expected_order() -> list[str]:
    """Home, the essays in file order, the glossary's index, its terms in
    pinyin order of the term itself (焦裕禄 before 焦裕禄精神)."""
    essays = sorted(p for p in (ROOT / "docs/mass-line-essays").glob("essay-*.md"))
    terms = sorted(
        (front_matter(p)["title"], p.stem)
        for p in (ROOT / "docs/glossary").glob("*.md")
        if p.name != "index.md"
    )
    terms.sort(key=lambda t: (lazy_pinyin(t[0]), t[0]))
    return (
        [""]
        + [f"mass-line-essays/{p.stem}/" for p in essays]
        + ["glossary/"]
        + [f"glossary/{slug}/" for _, slug in terms]
    )


@pytest.mark.parametrize("hant", [False, True], ids=["simplified", "traditional"])
def test_previous_and_next_follow_the_reading_order(
    open_page: Any, server: str, hant: bool
) -> None:
    order = expected_order()
    terms = [p.split("/")[1] for p in order if p.startswith("glossary/") and p != "glossary/"]
    names = [front_matter(ROOT / "docs/glossary" / f"{slug}.md")["title"] for slug in terms]
    assert names.index("焦裕禄") < names.index("焦裕禄精神")
    assert names.index("群众路线") < names.index("群众路线教育实践活动")
    base = edition_base(server, hant)
    page = open_page(base, server)
    walked, back = [], []
    while True:
        walked.append(page.url.removeprefix(base))
        back.append(page.eval_on_selector_all(".md-footer__link--prev", "a => a.map(l => l.href)"))
        after = page.eval_on_selector_all(".md-footer__link--next", "a => a.map(l => l.href)")
        if not after:
            break
        assert len(walked) <= len(order), walked
        page.goto(after[0], wait_until="domcontentloaded")  # the footer is in the HTML
    assert walked == order
    assert back == [[]] + [[base + p] for p in order[:-1]]
    # a collection's own page leads on to its first essay
    page.goto(base + "mass-line-essays/")
    assert page.eval_on_selector(".md-footer__link--next", "a => a.href") == base + order[1]


# --- the edition switch keeps the place --------------------------------------------


def tap(page: Any, selector: str) -> None:
    """A click where the element is on the screen, as a finger or a mouse
    makes it (Playwright's own click may scroll the page first)."""
    box = page.locator(selector).bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def open_switch(page: Any) -> None:
    tap(page, ".md-header__option .md-select button")
    page.locator(".md-select a[hreflang]").first.wait_for(state="visible")


def choose_edition(page: Any, hant: bool) -> None:
    lang = TRADITIONAL.lang if hant else SIMPLIFIED.lang
    tap(page, f".md-select a[hreflang='{lang}']")
    page.wait_for_url(re.compile(f"/{TRADITIONAL.path}/" if hant else r"^(?!.*/zh-Hant/)"))
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)  # the place is restored after load


def top_of(page: Any, element_id: str) -> float:
    return page.eval_on_selector(f"[id='{element_id}']", "el => el.getBoundingClientRect().top")


TOP_ELEMENT = """() => {
    const top = document.querySelector('.md-header').getBoundingClientRect().bottom;
    for (const el of document.querySelectorAll('article p[id], article [id^=s]')) {
        const r = el.getBoundingClientRect();
        if (r.bottom > top) return [el.id, r.top];
    }
}"""


@pytest.mark.parametrize("device", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_edition_switch_from_a_section_lands_on_that_section(
    open_page: Any, server: str, device: dict
) -> None:
    page = open_page(server + ESSAY + "#s2", server, **device)
    current = page.locator(".md-select a[aria-current=true]")
    assert current.get_attribute("hreflang") == SIMPLIFIED.lang, "the current edition is marked"
    open_switch(page)
    before = top_of(page, "s2")
    assert 0 <= before < 400, "the section is at the top of the screen"
    choose_edition(page, hant=True)
    assert page.url == edition_base(server, True) + ESSAY + "#s2"
    assert abs(top_of(page, "s2") - before) <= 8
    assert current.get_attribute("hreflang") == TRADITIONAL.lang


@pytest.mark.parametrize("device", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_edition_switch_from_a_scroll_position_keeps_it(
    open_page: Any, server: str, screenshots: Path, device: dict
) -> None:
    page = open_page(server + ESSAY, server, **device)
    page.mouse.wheel(0, 4321)
    page.wait_for_timeout(300)
    open_switch(page)
    # the paragraph or heading at the top of the screen, and where it is
    spot = page.evaluate(TOP_ELEMENT)
    choose_edition(page, hant=True)
    assert page.url.startswith(edition_base(server, True) + ESSAY)
    assert abs(top_of(page, spot[0]) - spot[1]) <= 8, "the same text at the same height"
    if device is PHONE:
        page.screenshot(path=screenshots / "phone-traditional-kept-place.png")
    open_switch(page)
    spot = page.evaluate(TOP_ELEMENT)
    choose_edition(page, hant=False)  # and back
    assert page.url.startswith(server + ESSAY)
    assert abs(top_of(page, spot[0]) - spot[1]) <= 8


def test_pages_request_no_missing_file(open_page: Any, server: str) -> None:
    failed: list[str] = []
    page = open_page(server, server, **PHONE)
    page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
    # (a request cut short by the next page's load is not a missing file)
    page.on(
        "requestfailed",
        lambda r: r.failure != "net::ERR_ABORTED" and failed.append(f"failed {r.url}"),
    )
    for hant in (False, True):
        for path in ("", ESSAY, "glossary/", "glossary/si-feng/"):
            page.goto(edition_base(server, hant) + path)
            page.wait_for_load_state("networkidle")
    assert failed == []


def test_offline_pages_request_nothing_missing_from_disk(
    open_page: Any, offline_site: Path
) -> None:
    errors: list[str] = []
    page = open_page((offline_site / "index.html").as_uri(), "file://")
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on(
        "requestfailed",
        lambda r: r.failure != "net::ERR_ABORTED" and errors.append(f"{r.failure} {r.url}"),
    )
    for path in ("mass-line-essays/essay-02.html", "zh-Hant/glossary/si-feng.html"):
        page.goto((offline_site / path).as_uri())
        page.wait_for_load_state("networkidle")
    assert errors == []


# --- the Traditional edition's own wording -------------------------------------------


def test_traditional_interface_speaks_taiwan(
    open_page: Any, server: str, screenshots: Path
) -> None:
    page = open_page(edition_base(server, True) + ESSAY, server, **PHONE)
    assert page.get_attribute("html", "lang") == TRADITIONAL.lang
    text_size = page.locator("button.handbook-text-size").get_attribute("aria-label")
    assert text_size == "字號：標準"
    permalink = page.locator("article .headerlink").first.get_attribute("title")
    assert permalink == "本節連結"
    download = page.locator(".md-nav--primary a[href$='.pdf']").first
    assert (download.text_content() or "").strip() == "下載 PDF 列印版"
    page.locator("article a.term").first.tap()
    assert page.locator(".handbook-term a").text_content() == "查看詞條"
    page.screenshot(path=screenshots / "phone-traditional-popover.png")
    page.goto(edition_base(server, True))
    page.screenshot(path=screenshots / "phone-traditional-home.png", full_page=True)


def test_home_page_introduces_the_handbook(open_page: Any, server: str, screenshots: Path) -> None:
    page = open_page(server, server, **PHONE)
    guide = page.locator("article").inner_text()
    for what in ("检索", "术语", "简体与繁体", "PDF", "离线", "mass-line-essays.txt"):
        assert what in guide, what
    # the guide comes before the texts, and every essay is listed
    assert guide.index("使用说明") < guide.index("第一篇")
    essays = len(list((ROOT / "docs/mass-line-essays").glob("essay-*.md")))
    assert page.locator("article a[href*='essay-']").count() == essays
    title = page.locator(".md-header__topic .md-ellipsis").first
    assert title.evaluate("el => el.scrollWidth <= el.clientWidth"), "the name is not cut"
    page.screenshot(path=screenshots / "phone-home.png", full_page=True)


def test_lines_are_even_or_ragged_never_stretched(open_page: Any, server: str) -> None:
    page = open_page(server + ESSAY, server, **PHONE)
    align, justify, supported = page.eval_on_selector(
        "article p[id]",
        """p => [getComputedStyle(p).textAlign, getComputedStyle(p).textJustify,
                 CSS.supports('text-justify', 'inter-character')]""",
    )
    if supported:
        assert (align, justify) == ("justify", "inter-character")
    else:
        assert align == "start"


# --- accessibility: axe-core on every page type -------------------------------------

PAGE_TYPES = {
    "home": "",
    "collection": "mass-line-essays/",
    "essay": ESSAY,
    "glossary index": "glossary/",
    "term": "glossary/qun-zhong-lu-xian/",
    "404": "404.html",
    "search open": "search",
}


def open_search(page: Any, query: str) -> None:
    box = page.locator("input[data-md-component=search-query]")
    page.locator("header label[for=__search]:visible").or_(box).first.click()
    box.fill(query)
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("device", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("hant", [False, True], ids=["simplified", "traditional"])
def test_no_accessibility_violations(
    browser: Any, server: str, axe: Path, hant: bool, device: dict, scheme: str
) -> None:
    """One browser context per edition, width and theme; every page type in it."""
    context = browser.new_context(color_scheme=scheme, **device)
    page = context.new_page()
    found = {}
    try:
        for name, path in PAGE_TYPES.items():
            page.goto(edition_base(server, hant) + ("" if path == "search" else path))
            if path == "search":
                open_search(page, "群眾" if hant else "群众")
                # the result under the pointer has a tinted background: its
                # text must keep its contrast there too
                page.hover(".md-search-result__link >> nth=0")
                page.wait_for_function("() => document.getAnimations().length === 0")
            page.add_script_tag(path=str(axe))
            # target-size (WCAG 2.2 AA) is off in axe by default, on in Lighthouse
            violations = page.evaluate(
                """() => axe.run({rules: {"target-size": {enabled: true}}}).then(r =>
                    r.violations.map(v =>
                    `${v.id}: ${v.nodes.length} × ${v.nodes[0].target.join(' ')}`))"""
            )
            if violations:
                found[name] = violations
    finally:
        context.close()
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)


def test_heading_outline_of_an_essay_with_several_articles(open_page: Any, server: str) -> None:
    """The articles, then their sections: never a level skipped (h1 → h3)."""
    page = open_page(server + ESSAY, server, **DESKTOP)
    levels = page.eval_on_selector_all(
        "article h1, article h2, article h3, article h4", "hs => hs.map(h => +h.tagName[1])"
    )
    assert levels[0] == 1 and all(b <= a + 1 for a, b in itertools.pairwise(levels))
    articles = front_matter(ROOT / "docs" / f"{ESSAY.rstrip('/')}.md")["articles"]
    titles = page.eval_on_selector_all(
        "article h2", "hs => hs.map(h => h.firstChild.textContent.trim())"
    )
    later = [re.sub(r"\s+", "", a["title"]) for a in articles[1:]]
    assert [t for t in (re.sub(r"\s+", "", t) for t in titles) if t in later] == later
