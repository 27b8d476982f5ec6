"""The sections search reads of each page as it is built (search/sections.py):
written by hand for the cases, and the same as Material's search plugin reads
from every page of the built handbook."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from material.plugins.search.plugin import Parser

from handbook.built_site import plain_text
from handbook.search.pages import Section
from handbook.search.sections import sections_of

PERMALINK = '<a class="headerlink" href="#{0}" title="本节链接">#</a>'
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)


def test_a_page_is_cut_at_its_headings() -> None:
    content = (
        f'<h1 id="t">第一篇 题目{PERMALINK.format("t")}</h1>\n'
        '<p class="byline">作者</p>\n'
        f'<h2 id="s1">一、小标题{PERMALINK.format("s1")}</h2>\n'
        '<p id="p1">第一段<a class="term" href="x/">群众</a>路线,\n接着写。</p>\n'
        "<ul>\n<li>甲</li>\n<li>乙</li>\n</ul>\n"
        "<h3>没有 id 的标题</h3><p>正文 &lt;b&gt;</p>"
    )
    assert sections_of(content, "页面标题") == [
        Section("", "第一篇 题目", "作者"),
        Section("s1", "一、小标题", "第一段群众路线, 接着写。\n甲\n乙\n没有 id 的标题\n正文 <b>"),
    ]


def test_what_comes_before_the_first_heading_is_titled_with_the_page() -> None:
    content = '<p>导言</p>\n<h2 id="a">甲</h2>\n<pre><code>一行\n二行</code></pre>'
    assert sections_of(content, "页面&lt;标题&gt;") == [
        Section("", "页面<标题>", "导言"),
        Section("a", "甲", "一行\n二行"),
    ]
    # A page beginning with a heading other than h1: an empty first section.
    assert sections_of('<h2 id="a">甲</h2><p>文</p>', "页") == [
        Section("", "页", ""),
        Section("a", "甲", "文"),
    ]
    assert sections_of("<p>只有一段<script>alert(1)</script></p>", "页") == [
        Section("", "页", "只有一段")
    ]


def material_sections(content: str, page_title: str) -> list[Section]:
    """What Material's search plugin reads of the same HTML, as the handbook
    read its search_index.json."""
    parser = Parser()
    parser.feed(content)
    parser.close()
    return [
        Section(
            s.id or "",
            plain_text("".join(s.title).strip() if s.title else page_title),
            plain_text("".join(s.text).strip()),
        )
        for s in parser.data
    ]


@pytest.mark.slow
def test_the_sections_are_those_material_reads(built_site: Path) -> None:
    pages = list(built_site.rglob("*.html"))
    assert any("zh-Hant" in p.parts for p in pages), "both editions are compared"
    compared = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if (article := ARTICLE.search(html)) is None:
            continue
        title = re.search(r"<title>(.*?)</title>", html, re.S)[1]
        assert sections_of(article[1], title) == material_sections(article[1], title), page
        compared += 1
    assert compared > 20
