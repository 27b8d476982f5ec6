"""The report's doubts: each kind is raised on a result of its example's
shape and not on its near miss, and the shapes they match find their
examples. The results are built by hand as the converter gave them on
corpus texts (a kicker taken for the title, a byline kept as text …), so
that the doubts are tested whatever the recognition stage makes of a text."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.enrich import Settings
from handbook.model import Article, Author, Block, Byline, Collection, Essay, Heading, Paragraph
from handbook.patterns import Rule
from handbook.patterns import doubts as shapes
from handbook.pipeline import build_handbook
from handbook.structure.doubts import MEANING, find_doubts
from handbook.structure.essays import Layout

RULES = [r for r in vars(shapes).values() if isinstance(r, Rule)]
PROSE = "“好十连”老兵退伍仪式如期举行。队列里，上等兵兰熙泪流满面。"


def paragraphs(lines: list[str], first: int = 2) -> list[Block]:
    return [Paragraph(text, n) for n, text in enumerate(lines, start=first)]


def result(
    blocks: list[Block],
    title: str = "学习体会",
    title_line: int = 1,
    bylines: list[Byline] = (),
    more: list[Article] = (),
) -> Collection:
    """One essay under the text's title (untitled when the title is the file's
    name), its first article the blocks given, then the articles in `more`."""
    essay = Essay(
        1,
        title if title_line else "",
        "",
        1,
        bylines=list(bylines),
        articles=[Article(None, blocks, 2), *more],
    )
    return Collection(Path("t.txt"), title, None, "t", [essay], title_line=title_line)


def as_title(text: str) -> Collection:
    return result([Paragraph(PROSE, 2)], title=text)


def as_paragraphs(text: str) -> Collection:
    return result([*paragraphs(text.split("\n")), Paragraph(PROSE, 9)])


def as_top_of_untitled(text: str) -> Collection:
    return result([*paragraphs(text.split("\n"), first=1), Paragraph(PROSE, 9)], "t", 0)


def as_cells(text: str) -> Collection:
    """Labels and values one a line, some labels read as headings."""
    lines = text.split("\n")
    blocks = [
        Heading(t, 1, "box-label", n) if n % 2 and n > 1 else Paragraph(t, n)
        for n, t in enumerate(lines, start=1)
    ]
    return result([*blocks, Paragraph(PROSE, len(lines) + 1)], "t", 0)


def as_byline_over_text(text: str) -> Collection:
    name, body = text.split("\n")
    return result([Paragraph(body, 3)], bylines=[Byline(name, [Author(name)], "bare-name", 2)])


def as_credit(name: str) -> Collection:
    credit = Byline(f"作者：{name}", [Author(name, role="作者")], "author-credit", 2)
    return result([Paragraph(PROSE, 3)], bylines=[credit])


def as_article_title(text: str) -> Collection:
    return result(
        [Paragraph(PROSE, 2)], more=[Article(text, [Paragraph(PROSE, 4)], 3, "title-line")]
    )


def as_title_under(text: str) -> Collection:
    *above, title = text.split("\n")
    nxt = Article(title, [Paragraph(PROSE, 9)], 8, "title-line")
    return result([Paragraph(PROSE, 2), *paragraphs(above, first=3)], more=[nxt])


def as_title_over(text: str) -> Collection:
    title, *lines = text.split("\n")
    return result([*paragraphs(lines), Paragraph(PROSE, 9)], title=title)


BUILT_AS = {
    "open-ended-title": as_title,
    "title-affix": as_title,
    "menu-as-title": as_title,
    "site-as-title": as_article_title,
    "title-from-file-name": as_top_of_untitled,
    "table-cells": as_cells,
    "byline-as-text": as_paragraphs,
    "date-as-title": as_article_title,
    "word-as-byline": as_byline_over_text,
    "names-in-one": as_credit,
    "title-label": as_paragraphs,
    "broken-headline": as_paragraphs,
    "essay-opens-at-furniture": as_top_of_untitled,
    "title-over-menu": as_title_over,
    "title-after-like-lines": as_title_under,
}


def raised(collection: Collection) -> list[str]:
    return [d.rule for d in find_doubts(collection, Layout([], [], False))]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_every_shape_finds_its_example(rule: Rule):
    assert rule.search(rule.example), rule.name


@pytest.mark.parametrize(
    ("rule", "line"),
    [
        (shapes.OPEN_END_TITLE, "红色之旅——韶山、井冈山"),
        (shapes.DATE_TITLE, "三月的春风"),
        (shapes.SITE_AFFIX_TITLE, "学思想、强党性、重实践、建新功"),
        (shapes.MENU_TITLE, "首页设计大赛圆满结束"),
        (shapes.SITE_NAME_TITLE, "我市新闻网站建设取得新进展"),
        (shapes.BYLINE_AS_TEXT, "■守在山沟沟里，他们是一群不穿军装的军人"),
        (shapes.NAMES_ONLY, "守在山沟 他们是军人"),
        (shapes.TITLE_LABEL, "标题党的危害不容小觑"),
        (shapes.LABEL_ALONE, "各省、自治区、直辖市人民政府，国务院各部委、各直属机构："),
        (shapes.LATIN_FURNITURE, "VW001.042.20210305"),
        (shapes.DOCUMENT_NAME, "共建交流西北工业大学碳材料师生融合党支部作报告"),
    ],
    ids=lambda x: x.name if isinstance(x, Rule) else "",
)
def test_a_shape_misses_its_near_miss(rule: Rule, line: str):
    assert rule.search(line) is None


@pytest.mark.parametrize("kind", shapes.DOUBT_KINDS, ids=lambda k: k.name)
def test_each_doubt_is_raised_on_its_example(kind):
    assert kind.name in raised(BUILT_AS[kind.name](kind.example))


@pytest.mark.parametrize("kind", shapes.DOUBT_KINDS, ids=lambda k: k.name)
def test_no_doubt_on_its_near_miss(kind):
    assert kind.name not in raised(BUILT_AS[kind.name](kind.near_miss))


def test_the_kinds_are_named_once_and_worded():
    names = [k.name for k in shapes.DOUBT_KINDS]
    assert len(names) == len(set(names)) == len(MEANING) == len(BUILT_AS)


def test_a_doubt_names_the_line_and_its_text():
    (doubt,) = find_doubts(as_paragraphs("■邵 敏 谷永敏 武元晋"), Layout([], [], False))
    assert (doubt.line, doubt.what) == (
        2,
        "a paragraph that looks like a byline, kept as text: ■邵 敏 谷永敏 武元晋",
    )


@pytest.mark.parametrize("names", ["邵敏 谷永敏 武元晋", "邵敏、谷永敏、武元晋"])
def test_names_alone_are_doubted_however_they_are_separated(names: str):
    # each checked for a family name, split as the shape splits them (、 too)
    assert raised(as_paragraphs(names)) == ["byline-as-text"]


def test_a_table_is_reported_once_at_its_first_label():
    example = next(k.example for k in shapes.DOUBT_KINDS if k.name == "table-cells")
    cells = [
        d for d in find_doubts(as_cells(example), Layout([], [], False)) if d.rule == "table-cells"
    ]
    assert [(d.line, d.what.split(": ", 1)[1]) for d in cells] == [
        (1, "索 引 号： 主题分类： 发文机关：")
    ]


def test_a_file_name_that_looks_like_a_date_is_not_doubted_as_a_title(tmp_path):
    source = tmp_path / "2018.txt"
    source.write_text(PROSE + "\n", encoding="utf-8")  # no line could title it
    collection = build_handbook([source], Settings()).collections[0]
    assert (collection.title, collection.title_line) == ("2018", 0)
    assert collection.doubts == []


def test_a_title_over_the_menu_it_heads_is_doubted_and_a_title_over_its_steps_is_not():
    menu = ["医院概况", "医院介绍", "历史沿革", "医院领导", "组织机构", "花园医院"]
    assert "title-over-menu" in raised(as_title_over("\n".join(["首页", *menu])))
    steps = [
        "入党流程",
        "1.递交入党申请 2.团员推优 3.入党积极分子",
        "1、 递交入党申请书的时间：没有固定的时间，在大学期间均可亲自向辅导员递交入党申请书，并说明自己的入党动机。",
    ]
    assert "title-over-menu" not in raised(as_title_over("\n".join(steps)))
