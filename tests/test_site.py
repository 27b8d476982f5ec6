"""The built site, read from its files: nothing of the text lost or
reordered, nothing fetched from another host, pages a reader can find and
link to, the offline zip's contents. (The search index: test_search.py.)"""

from __future__ import annotations

import re
import zipfile
from html import escape
from pathlib import Path

import pytest
from support import ROOT, SOURCE, BuiltEdition, article_text, front_matter, kept_han, read_page

from handbook.chars import HAN_CHAR as HAN
from handbook.editions import HANS, EditionSettings
from handbook.navigation import page_title
from handbook.output_plan import MANIFEST

SIMPLIFIED = EditionSettings().edition(HANS)


@pytest.fixture(scope="module")
def site(built_site: Path) -> Path:
    """The committed handbook, built with --strict (shared with the other suites)."""
    return built_site


def test_every_chinese_character_survives_in_order(site: Path, collection):
    debris = {r.line for r in collection.removals}
    expected = kept_han(SOURCE.read_text(encoding="utf-8"), debris)
    # the home page carries the collection's title (and date); the rest of
    # it is the handbook's own guide and a list of the essays
    home = read_page(site / "index.html").elements
    heading = [e.text for e in home if e.tag == "h1" or "collection-date" in e.css]
    built = "".join(HAN.findall("".join(heading)))
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


def test_offline_zip_holds_a_site_to_open_from_disk(offline_zip: Path) -> None:
    with zipfile.ZipFile(offline_zip) as zf:
        names = set(zf.namelist())
    assert {"handbook/index.html", "handbook/search/search_index.js"} <= names
    assert {"handbook/assets/javascripts/search-worker.js", "handbook/search/manifest.js"} <= names


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


def test_sitemap_lists_every_page_under_site_url(built_site: Path) -> None:
    pages = BuiltEdition.of(built_site, SIMPLIFIED, "/").pages()
    assert "" in pages and "mass-line-essays/essay-01/" in pages
    for page in pages:
        assert (built_site / page / "index.html").is_file()


def test_page_titles_carry_the_marker_and_reach_the_html_escaped():
    meta = {"title": "<b>题</b>", "marker": "第一篇", "description": "甲&乙", "number": 1}
    assert page_title(meta) == "第一篇 &lt;b&gt;题&lt;/b&gt;"
    assert meta["description"] == "甲&amp;乙" and meta["number"] == 1
    assert page_title({"description": "无题"}) is None
