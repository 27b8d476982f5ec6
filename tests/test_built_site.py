"""Reading the built site (handbook.built_site), as the PDF, the EPUB, the
search and the Traditional check read it: the expected pages come from the
pages the site is built from (docs/), its facts from mkdocs.yml and the home
page's front matter, the small cases from their HTML as written here."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from support import ROOT

from handbook.built_site import (
    html_texts,
    page_lists,
    plain_text,
    read_article,
    read_site,
    site_url,
    text_of,
)

DOCS = ROOT / "docs"


def setting(name: str) -> str:
    return re.search(rf"^{name}: (.+)$", (ROOT / "mkdocs.yml").read_text("utf-8"), re.M)[1]


def test_an_edition_is_read_from_its_navigation(built_site: Path) -> None:
    site = read_site(built_site)
    assert (site.name, site.editor) == (setting("site_name"), setting("site_author"))
    home = yaml.safe_load((DOCS / "index.md").read_text("utf-8").split("---\n")[1])
    assert site.description == home["description"]  # the home page's own
    assert site.lang == "zh-Hans"
    assert site.generator.startswith("mkdocs-")
    # Every collection of docs/ (a folder with its list of essays), its essays in order.
    folders = sorted(p.parent.name for p in DOCS.glob("*/index.md") if p.parent.name != "glossary")
    assert site.collections == [f"{f}/" for f in folders]
    for folder in folders:
        essays = sorted(p.stem for p in (DOCS / folder).glob("essay-*.md"))
        assert site.essays(f"{folder}/") == [f"{folder}/{e}/" for e in essays]
    terms = yaml.safe_load((ROOT / "source" / "glossary.yml").read_text("utf-8"))
    assert site.glossary[0] == "glossary/"
    assert set(site.glossary[1:]) == {f"glossary/{t['slug']}/" for t in terms}


def test_the_traditional_edition_has_the_same_pages(built_site: Path) -> None:
    hans, hant = read_site(built_site), read_site(built_site / "zh-Hant")
    assert hant.lang.startswith("zh-Hant") and hant.name != hans.name
    assert hant.urls == hans.urls


def test_an_article_keeps_the_text_around_what_the_browser_alone_needs(tmp_path: Path):
    """Permalinks, edit buttons, forms and scripts are left out of a page's
    article; the text that follows them in the same element stays."""
    (tmp_path / "index.html").write_text(
        '<html><head><meta charset="utf-8"></head><body><article class="md-content__inner">'
        '<a class="md-content__button" href="edit">编辑</a>标题前'
        '<h2 id="s1">一、标题<a class="headerlink" href="#s1">#</a>（续）</h2>'
        "<p>正文<form><input></form>未完，<script>x()</script>接着说。</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    article = read_article(tmp_path, "")
    assert text_of(article) == "标题前一、标题（续）正文未完，接着说。", text_of(article)


def test_a_page_without_an_article_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<html><body><p>正文</p></body></html>", "utf-8")
    try:
        read_article(tmp_path, "")
    except ValueError as err:
        assert "no article" in str(err) and str(tmp_path) in str(err)
    else:
        raise AssertionError("a page without Material's article was read")


def test_links_lead_to_site_pages_or_out_of_the_site() -> None:
    base = "texts/essay-01/"
    assert site_url(base, "../essay-02/#p3") == ("texts/essay-02/", "p3")
    assert site_url(base, "../../glossary/si-feng/") == ("glossary/si-feng/", "")
    assert site_url(base, "../index.html") == ("texts/", "")
    assert site_url(base, "https://example.org/") is None
    assert site_url(base, "//example.org/") is None


def test_a_list_of_pages_is_told_from_a_list_in_the_text(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<html><body><article class="md-content__inner"><h1>文集</h1>'
        '<ul><li><a href="essay-01/">第一篇</a></li><li><a href="essay-02/">第二篇</a></li></ul>'
        '<ul><li><a href="essay-01/">第一篇</a></li><li><a href="essay-03/">不在书中</a></li></ul>'
        '<ul><li><a href="https://example.org/">外链</a></li></ul>'
        "</article></body></html>",
        "utf-8",
    )
    article = read_article(tmp_path, "")
    lists = page_lists(article, "texts/", {"texts/essay-01/", "texts/essay-02/"})
    assert [text_of(ul) for ul in lists] == ["第一篇第二篇"]


def test_the_readable_text_of_html() -> None:
    # A search section: one line per block, no zero-width separators, entities read.
    assert plain_text("<p>群\u200b众路线</p>\n<p>  要 &amp; 不要 </p>") == "群众路线\n要 & 不要"
    # A whole page: text nodes and readable attributes, never code or scripts.
    page = (
        "<html><head><title>标题</title><script>var 这 = 1</script></head><body>"
        '<img alt="图说"><p>正文<code>代码</code></p></body></html>'
    )
    assert [t for t in html_texts(page) if t.strip()] == ["标题", "图说", "正文"]
