"""The built site: nothing of the text lost or reordered, nothing fetched
from another host, pages a reader can find and link to."""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import SOURCE

from handbook.output import MANIFEST
from handbook.reader import HAN_CHAR as HAN
from handbook.reader import LINE_BREAK


class ArticleText(HTMLParser):
    """The text of a page's article, without permalink marks."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # >0 while inside the article
        self.skip = 0  # >0 while inside a headerlink
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if self.depth:
            self.depth += 1
            if self.skip or "headerlink" in classes:
                self.skip += 1
        elif tag == "article" and "md-content__inner" in classes:
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1
            if self.skip:
                self.skip -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.parts.append(data)


def article_text(html_file: Path) -> str:
    parser = ArticleText()
    parser.feed(html_file.read_text(encoding="utf-8"))
    return "".join(parser.parts)


@pytest.fixture(scope="module")
def site(built_site: Path) -> Path:
    """The committed handbook, built with --strict (shared with the other suites)."""
    return built_site


def test_every_chinese_character_survives_in_order(site: Path, collection):
    debris = {r.line for r in collection.removals}
    lines = LINE_BREAK.split(SOURCE.read_text(encoding="utf-8"))
    expected = "".join(
        "".join(HAN.findall(line))
        for number, line in enumerate(lines, start=1)
        if number not in debris
    )
    home = article_text(site / "index.html")
    # the home page carries the collection's title (and date); its list of essays is navigation
    built = "".join(HAN.findall(home.split("第一篇")[0]))
    for essay in collection.essays:
        built += "".join(
            HAN.findall(article_text(site / collection.slug / essay.slug / "index.html"))
        )
    assert built == expected
    # and the debris really is gone
    for removal in collection.removals:
        assert all(removal.text not in article_text(p) for p in site.rglob("*.html"))


def test_no_request_to_another_host(site: Path):
    external = re.compile(r"""(?:src|href)=["'](?:https?:)?//(?!localhost|127\.0\.0\.1)""")
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page
        links = [m.group(0) for m in external.finditer(html)]
        # absolute links that fetch nothing: <a> a reader may follow, the
        # canonical address and the other edition's address
        for link in links:
            start = html.index(link)
            tag = html[html.rindex("<", 0, start) : start]
            assert tag.startswith(("<a", '<link rel="canonical"', '<link rel="alternate"')), (
                page,
                link,
            )
    for css in site.rglob("*.css"):
        assert "@import url(" not in css.read_text(encoding="utf-8"), css


def test_pages_have_titles_descriptions_and_stable_anchors(site: Path, collection):
    for essay in collection.essays:
        html = (site / collection.slug / essay.slug / "index.html").read_text(encoding="utf-8")
        assert f"<title>{essay.marker} {essay.title} - " in html
        assert f'<meta name="description" content="{escape(essay.description)}">' in html
        for article in essay.articles:
            for block in article.blocks:
                if getattr(block, "anchor", ""):
                    assert f'id="{block.anchor}"' in html


def test_bylines_and_subtitles_are_set_apart(site: Path):
    first = (site / "mass-line-essays" / "essay-01" / "index.html").read_text(encoding="utf-8")
    assert '<p class="byline">田局授课</p>' in first
    assert '<p class="essay-subtitle">田局——群众路线是我们党的生命线</p>' in first


def test_navigation_names_the_collection(site: Path):
    home = (site / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('<nav class="md-nav md-nav--primary"') :]
    assert "我们党群众路线内容" in nav
    assert "mass-line-essays</" not in nav and "Mass line essays" not in nav


def test_manifest_is_not_published(site: Path):
    assert not (site / MANIFEST).exists()
