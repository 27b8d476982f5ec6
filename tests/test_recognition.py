"""Recognition on forms the first text does not have, each case small and
read by hand: what a careful reader sees in it is written out below. The real
texts are in the corpus (tests/test_corpus.py); these pin down one convention
each, as the rules in handbook.patterns state them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support import collection_of, paragraphs, removed

from handbook import patterns
from handbook.chars import HAN_CHAR
from handbook.model import Collection, Heading
from handbook.patterns import Rule
from handbook.reader import normalise

RULES = [
    r
    for value in vars(patterns).values()
    for r in (value if isinstance(value, list) else [value])
    if isinstance(r, Rule)
]


def names(collection: Collection) -> list[str]:
    return [a.name for e in collection.essays for a in e.authors]


# --- the rules themselves ------------------------------------------------------------


def test_there_are_rules_in_every_table():
    assert len(RULES) > 60
    assert len({r.name for r in RULES}) > 55  # a few rules share a name (one meaning, two halves)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_every_rule_matches_its_own_example(rule: Rule):
    assert rule.needs in rule.example, "the example must hold what every match holds"
    assert rule.search(rule.example), rule.name


# The lines as the rules meet them: after the reader's repairs (a narrow
# colon after Han is wide by then, as every rule's `needs` expects).
CORPUS_LINES = [
    line
    for path in sorted((Path(__file__).parent / "corpus").glob("*.txt"))
    for line in normalise(path.read_text(encoding="utf-8").split("\n"))[0]
]


@pytest.mark.parametrize("rule", [r for r in RULES if r.needs], ids=lambda r: r.name)
def test_a_rule_that_needs_text_finds_nothing_without_it(rule: Rule):
    """A rule is not tried on a line without its `needs`: no line it would
    match may lack them, and its example without them is no match."""
    assert rule.pattern.search(rule.example.replace(rule.needs, "")) is None
    assert all(rule.needs in line for line in CORPUS_LINES if rule.pattern.search(line))


# --- one line, pieces glued together ---------------------------------------------------


COLUMN = (
    "编者按：讲真话，是做人品质。本期的两篇文章，与读者探讨交流。 "
    "党内应该“打开天窗说亮话” ■刘师苑 “假话全不说、真话不全说”，有人以此为做人处世的信条。 "
    "对共产党员而言，应该是无话不对党说。 （作者单位：无锡联勤保障中心） "
    "实践要义在于“老实” ■廖福安 我们党一贯倡导“说老实话、办老实事、做老实人”。 "
    "（作者单位：武警安徽省总队）"
)


def test_a_column_on_one_line_gives_its_articles_authors_and_units(tmp_path):
    collection = collection_of(tmp_path, COLUMN)
    [essay] = collection.essays
    assert essay.title == ""  # the column's own title was not pasted
    assert [a.title for a in essay.articles] == [
        None,
        "党内应该“打开天窗说亮话”",
        "实践要义在于“老实”",
    ]
    authors = [(a.name, a.unit) for art in essay.articles for b in art.bylines for a in b.authors]
    assert authors == [("刘师苑", "无锡联勤保障中心"), ("廖福安", "武警安徽省总队")]
    assert essay.articles[0].paragraphs[0].text.startswith("编者按：")


def test_wide_space_runs_break_a_line_but_not_a_spaced_label(tmp_path):
    text = "材料汇编\n第一篇：题目\n第一段。\u2002\u2002第二段。\n出\u3000\u3000版：吉林出版集团\n"
    collection = collection_of(tmp_path, text)
    assert paragraphs(collection) == ["第一段。", "第二段。", "出\u3000\u3000版：吉林出版集团"]


def test_a_marker_glued_after_a_date_starts_its_essay(tmp_path):
    text = "汇编\n第一篇：甲\n正文一。申请人：张三2012年10月28日篇二：乙\n正文二。\n"
    collection = collection_of(tmp_path, text)
    assert [(e.marker, e.title) for e in collection.essays] == [("第一篇", "甲"), ("篇二", "乙")]
    first = collection.essays[0]
    assert (first.date, names(collection)) == ("2012年10月28日", ["张三"])


def test_no_break_spaces_separate_pieces_where_the_text_uses_them(tmp_path):
    text = "学习材料\n系列学习材料\u00a0 第二专题\u00a0在会议上的讲话（2020年2月3日）习近平同志们，今天开会。我讲三点。\n"
    collection = collection_of(tmp_path, text)
    [essay] = collection.essays
    assert essay.subtitle == "系列学习材料 第二专题"
    [article] = essay.articles
    assert (article.title, article.date) == ("在会议上的讲话", "2020年2月3日")
    assert [a.name for b in article.bylines for a in b.authors] == ["习近平"]
    assert article.paragraphs[0].text == "同志们，今天开会。我讲三点。"


# --- broken lines -----------------------------------------------------------------------


def test_a_line_broken_after_a_comma_is_joined(tmp_path):
    text = "标题\n今天，我们在这里隆重举行会议，\n主要目的是贯彻落实精神。\n"
    assert paragraphs(collection_of(tmp_path, text)) == [
        "今天，我们在这里隆重举行会议，主要目的是贯彻落实精神。"
    ]


def test_a_hard_wrapped_text_is_joined_inside_words(tmp_path):
    width = "我于二〇一二年七月成为公司的试用员工，到今天三个月试用期已满，根据公司的规"
    text = f"转正申请\n{width}\n章制度，现申请转为公司正式员工。在此期间我学到了很多的东西，也有一些不\n足需要改进，今后我会继续努力学习，积极向各位师傅请教自己所欠缺的知识和技能\n。\n"
    joined = paragraphs(collection_of(tmp_path, text))
    assert joined[0].startswith(width + "章制度，现申请")
    assert "也有一些不足需要改进" in joined[0]


def test_list_items_ending_in_semicolons_stay_apart(tmp_path):
    text = "标题\n只有坚持党的领导，才能永葆本色；\n只有坚持理论武装，才能确保方向；\n只有服务群众，才能找准定位。\n"
    assert len(paragraphs(collection_of(tmp_path, text))) == 3


# --- essays -------------------------------------------------------------------------------


def test_a_marker_alone_takes_a_short_title_from_the_next_line(tmp_path):
    text = (
        "民间故事\n【第一篇】\n牛郎织女\n相传，天帝有六个女儿。\n【第二篇】\n孟姜女\n相传在秦朝。\n"
    )
    collection = collection_of(tmp_path, text)
    assert [(e.marker, e.title) for e in collection.essays] == [
        ("【第一篇】", "牛郎织女"),
        ("【第二篇】", "孟姜女"),
    ]


def test_a_contents_list_is_front_matter_not_essays(tmp_path):
    contents = "".join(f"【第{n}篇】题目{n}\n" for n in "一二三四")
    text = f"故事集\n目录\n{contents}【第一篇】\n题目一\n正文一。\n【第二篇】\n题目二\n正文二。\n"
    collection = collection_of(tmp_path, text)
    assert [e.title for e in collection.essays] == ["题目一", "题目二"]
    assert [p.text for p in collection.preface][-4:] == contents.split()
    assert not [d for d in collection.doubts if d.rule == "essay-numbering"]


def test_a_marker_alone_with_no_title_gives_no_title(tmp_path):
    text = "贺词\n【篇一】\n天增岁月人增寿，春满乾坤福满门。\n【篇二】\n又是一年春来到，祝你新年大吉。\n"
    collection = collection_of(tmp_path, text)
    assert [(e.marker, e.title, e.label) for e in collection.essays] == [
        ("【篇一】", "", "【篇一】"),
        ("【篇二】", "", "【篇二】"),
    ]


# --- bylines, sources, dates ------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("校长兼书记马德尧", ("马德尧", "校长兼书记", "")),
        ("记者 张莺", ("张莺", "记者", "")),
        ("·株洲市委书记曹慧泉（2024年10 月23 日下午）", ("曹慧泉", "书记", "株洲市委")),
    ],
)
def test_bylines_that_look_like_titles_are_bylines(tmp_path, line, author):
    collection = collection_of(
        tmp_path, f"汇编\n第一篇：学校的故事\n{line}\n这是第一段正文，讲述了学校的故事。\n"
    )
    [essay] = collection.essays
    assert essay.title == "学校的故事"
    assert [(a.name, a.role, a.unit) for a in essay.authors] == [author]
    assert line not in paragraphs(collection)


def test_a_source_line_goes_with_the_title_above_it(tmp_path):
    text = (
        "学习材料\n本月推荐的是一篇重要讲话，请大家认真学习领会。\n"
        "使每名党员都成为一面鲜红的旗帜\n来源：人民日报\n习近平\n2个“最”\n中央和国家机关离党中央最近。\n"
        "2个“必须”\n中央和国家机关党的建设必须走在前。\n"
    )
    [essay] = collection_of(tmp_path, text).essays
    first, second = essay.articles
    assert (first.title, first.bylines) == (None, [])
    assert second.title == "使每名党员都成为一面鲜红的旗帜"
    assert [(a.name, a.role) for b in second.bylines for a in b.authors] == [
        ("人民日报", "来源"),
        ("习近平", ""),
    ]
    assert [h.text for h in second.blocks if isinstance(h, Heading)] == ["2个“最”", "2个“必须”"]


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("2018年10月31日", "2018年10月31日"),
        ("（2018年9月3日）", "2018年9月3日"),
        ("2017年08月22日09:55", "2017年08月22日09:55"),
        ("（一九四一年四月十五日）", "一九四一年四月十五日"),
    ],
)
def test_other_date_forms_date_the_text(tmp_path, line, date):
    collection = collection_of(tmp_path, f"论群众路线\n{line}\n群众路线是党的生命线。\n")
    assert collection.essays[0].date == collection.date == date
    assert paragraphs(collection) == ["群众路线是党的生命线。"]


def test_a_news_dateline_gives_date_and_source(tmp_path):
    text = "立志做新时代好青年\n——广大青年认真学习贯彻精神\n2022年10月27日08:26   来源：人民网－人民日报\n青年强，则国家强。\n"
    [essay] = collection_of(tmp_path, text).essays
    assert essay.subtitle == "——广大青年认真学习贯彻精神"
    assert essay.date == "2022年10月27日08:26"
    assert [(a.name, a.role) for a in essay.authors] == [("人民网－人民日报", "来源")]


# --- site debris -------------------------------------------------------------------------


def test_other_sites_debris_is_removed_by_whole_lines_and_spans(tmp_path):
    text = (
        "推荐阅读\n当前位置：首页 >\n新闻中心>\n学校新闻\n学校新闻\n"
        "学校的故事\n文章来源：本站原创 作者：佚名 发布时间：2018-10-31 点击数：\n次\n"
        "本站热搜的文章里，群众路线是大家最关心的题目。以下是小编为您整理的《学习心得》，希望大家能够喜欢。\n"
        "【打印正文】\n上一篇：没有了！\n下一篇：学习材料汇编[ 03-26 ]\n"
    )
    collection = collection_of(tmp_path, text)
    assert collection.title == "学校的故事"
    assert collection.date == "2018-10-31"
    assert paragraphs(collection) == ["本站热搜的文章里，群众路线是大家最关心的题目。"]
    rules = [rule for rule, _ in removed(collection)]
    assert rules == [
        "related-links",
        "breadcrumb",
        "breadcrumb",
        "breadcrumb",
        "breadcrumb",
        "cms-properties",
        "hit-count-unit",
        "site-preamble",
        "page-tools",
        "prev-or-next-link",
        "prev-or-next-link",
    ]
    assert collection.essays[0].description == "本站热搜的文章里，群众路线是大家最关心的题目。"


CRUMB_BODY = "会议指出，要把学习成果转化为推动工作的实际行动，切实解决群众反映强烈的突出问题。\n"
CRUMB_TITLE = "某某中学2023年度财务收支情况公示"


@pytest.mark.parametrize("arrow", [">", "＞", "»", "›"])
def test_a_breadcrumb_is_debris_whichever_arrow_parts_its_steps(tmp_path, arrow):
    trail = f"首页 {arrow} 新闻中心 {arrow} 正文"
    collection = collection_of(tmp_path, f"{trail}\n{CRUMB_TITLE}\n{CRUMB_BODY}")
    assert removed(collection) == [("breadcrumb", trail)]
    assert collection.title == CRUMB_TITLE


@pytest.mark.parametrize("arrow", [">", "＞", "»", "›"])
def test_a_trail_over_several_lines_is_debris_whichever_arrow_parts_its_steps(tmp_path, arrow):
    # 'you are here' and its first step; a step a line; the last step given
    # again alone under a trail on one line
    lines = [f"当前位置{arrow}首页", f"新闻中心 {arrow}", "学校新闻"]
    collection = collection_of(tmp_path, "\n".join([*lines, CRUMB_TITLE, CRUMB_BODY]))
    assert removed(collection) == [("breadcrumb", line) for line in lines]
    assert collection.title == CRUMB_TITLE
    trail = f"当前位置：首页 {arrow} 党建引领{arrow} 学习专栏"
    collection = collection_of(tmp_path, f"{trail}\n学习专栏\n{CRUMB_TITLE}\n{CRUMB_BODY}")
    assert removed(collection) == [("breadcrumb", trail), ("breadcrumb", "学习专栏")]


@pytest.mark.parametrize("arrow", [">", "＞"])
def test_a_sentence_comparing_with_an_arrow_is_text_under_a_trail_too(tmp_path, arrow):
    sentence = f"今年学校收入{arrow}支出，结余用于改善办学条件。"
    trail = f"当前位置：首页 {arrow} 财务公开 {arrow}"
    for text in (f"{CRUMB_TITLE}\n{sentence}\n", f"{trail}\n{sentence}\n{CRUMB_BODY}"):
        collection = collection_of(tmp_path, text)
        assert sentence in paragraphs(collection)
        assert sentence not in [t for _, t in removed(collection)]


def test_the_line_under_a_more_link_is_no_step_of_a_trail(tmp_path):
    # two arrows close a 'more' link (查看更多 ››); a trail's step ends in one
    text = f"{CRUMB_TITLE}\n{CRUMB_BODY}查看更多 ››\n大案\n关于 大案\n"
    assert ("breadcrumb", "大案") not in removed(collection_of(tmp_path, text))


def test_running_heads_above_every_chapter_are_debris(tmp_path):
    chapter = "中国\n民间故事\n【第{n}篇】\n题目{n}\n正文{n}。\n"
    text = "故事集\n" + "".join(chapter.format(n=n) for n in "一二三")
    collection = collection_of(tmp_path, text)
    assert sorted({t for r, t in removed(collection) if r == "running-head"}) == [
        "中国",
        "民间故事",
    ]
    assert len(collection.essays) == 3


def test_a_property_line_that_names_its_authors_is_their_byline(tmp_path):
    text = "会议召开\n发布日期：2016-11-15\u00a0\u00a0作者：于珊珊\u00a0马明花\u00a0\u00a0点击：1324\n会议认真学习了全会精神。\n"
    collection = collection_of(tmp_path, text)
    assert names(collection) == ["于珊珊", "马明花"]
    assert collection.date == "2016-11-15"
    assert removed(collection) == [("hit-counter", "点击：1324")]


# --- nothing vanishes ----------------------------------------------------------------------


def test_a_short_title_above_a_title_unit_author_line_stays(tmp_path):
    text = (
        "汇编\n第三篇：党群众路线\n浅谈如何践行群众路线\n"
        "大学生党员如何实施群众路线 会展二支部 会展1102 高子茵\n身为大学生的我们是党员中坚强的后盾。\n"
    )
    collection = collection_of(tmp_path, text)
    [essay] = collection.essays
    assert essay.subtitle == "浅谈如何践行群众路线"
    assert essay.articles[0].title == "大学生党员如何实施群众路线"
    shown = (
        essay.subtitle
        + "".join(a.title or "" for a in essay.articles)
        + "".join(paragraphs(collection))
    )
    assert "".join(HAN_CHAR.findall("浅谈如何践行群众路线大学生党员如何实施群众路线")) in shown


# --- doubts ---------------------------------------------------------------------------------


def doubts(collection: Collection) -> list[str]:
    return [d.rule for d in collection.doubts]


def test_a_title_over_fifty_characters_is_doubted(tmp_path):
    collection = collection_of(tmp_path, f"汇编\n第一篇：{'长' * 51}\n正文。\n")
    assert "long-title" in doubts(collection)
    assert collection.doubts[0].line == 2


def test_an_empty_essay_and_numbering_that_skips_are_doubted(tmp_path):
    text = "汇编\n第一篇：甲\n正文一。\n第二篇：乙\n第四篇：丁\n正文四。\n"
    found = doubts(collection_of(tmp_path, text))
    assert "empty-essay" in found and "essay-numbering" in found


def test_headings_whose_numbering_restarts_are_doubted(tmp_path):
    text = "标题\n一、甲\n正文一。\n二、乙\n正文二。\n一、丙\n正文三。\n"
    assert "heading-numbering" in doubts(collection_of(tmp_path, text))


def test_a_marker_left_in_the_text_is_doubted(tmp_path):
    text = "汇编\n第一篇：甲\n正文一，接着是篇二：乙的内容没有分开。\n"
    assert "marker-in-text" in doubts(collection_of(tmp_path, text))


def test_a_byline_used_as_a_title_is_doubted(tmp_path):
    assert "byline-as-title" in doubts(
        collection_of(tmp_path, "汇编\n第一篇：来源：人民网\n正文。\n")
    )


def test_a_clean_text_raises_no_doubt(tmp_path):
    text = "汇编\n第一篇：甲\n一、提高认识\n正文一。\n二、查找问题\n正文二。\n第二篇：乙\n正文。\n"
    assert collection_of(tmp_path, text).doubts == []


def test_doubts_are_in_the_report(tmp_path):
    from support import run_handbook

    source = tmp_path / "text.txt"
    source.write_text("汇编\n第一篇：甲\n正文一。\n第二篇：乙\n", encoding="utf-8")
    result = run_handbook("convert", source, "--out", tmp_path / "docs")
    assert result.returncode == 0, result.stderr
    assert re.search(r"doubts .*: 1\n +line 4: empty-essay: essay 2 has no text", result.stdout)


def test_a_markdown_exports_front_matter_is_debris_that_gives_title_and_date(tmp_path):
    text = (
        "---\ntitle: '学习读后感'\ndate: 2019-09-26 03:08:39\ntags:\n- cn\n---\n\n"
        "![图](https://example.org/a.jpg)\n\n一、履职尽责\n\n习主席讲，要把“两个维护”体现在实效上。\n\n- - -\n"
    )
    collection = collection_of(tmp_path, text)
    # the date as written, time included
    assert (collection.title, collection.date) == ("学习读后感", "2019-09-26 03:08:39")
    [essay] = collection.essays
    assert essay.title == "学习读后感"
    assert [h.text for a in essay.articles for h in a.blocks if isinstance(h, Heading)] == [
        "一、履职尽责"
    ]
    assert {rule for rule, _ in removed(collection)} == {
        "front-matter",
        "markdown-image",
        "markdown-rule",
    }


def test_a_title_under_a_byline_stays_where_it_stands_when_another_title_follows(tmp_path):
    # Two titles in a row make the first the essay's subtitle, which the page
    # shows over the bylines: not when a byline stands over that first title
    # (the near miss, no byline over it: test_a_short_title_above_a_title_unit_author_line_stays).
    collection = collection_of(tmp_path, "田局授课\n\n一万\n\n一万\n\n一万")
    [essay] = collection.essays
    assert essay.subtitle is None
    assert [b.text for b in essay.bylines] == ["田局授课"]
    assert [a.title for a in essay.articles] == ["一万", "一万"]
