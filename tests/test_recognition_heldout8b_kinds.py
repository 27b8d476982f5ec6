"""The families of convention first met on the eighth held-out set, part B
(a department site's pages, an IT centre's news page: a menu over the
headline with nothing above it naming the site, a footer of boxes, photo
captions between paragraphs, a paper's reporters in the property line, a
source credited in brackets after the text, a pair of brackets cut by a
hard wrap): hand-written texts in the same forms, never the corpus texts,
two wordings or more a family, and a near miss each that must not be
taken."""

from __future__ import annotations

import pytest
from support import (
    NEWS_BODY,
    articles,
    authors,
    collection_of,
    headings,
    kept_words,
    lines,
    paragraphs,
    removed,
    texts,
)

from handbook.model import Paragraph

HEADLINE = "我院召开基层党组织书记培训会"


# --- a menu over the headline, nothing above it naming the site -------------------------

MENU = [
    "本科生服务",
    "研究生服务",
    "首页",
    "关于我们",
    "中心概况",
    "规章制度",
    "正版软件",
    "Office365",
    "Windows、Office",
    "使用指南及常见问题",
    "Matlab",
    "帮助",
]


@pytest.mark.parametrize(
    "properties",
    ["发布时间：2023-05-12浏览次数：88", "发布日期：2022年3月1日", "时间：2021-10-09"],
)
def test_a_menu_one_item_a_line_over_the_headline_and_its_property_line_is_debris(
    tmp_path, properties
):
    collection = collection_of(tmp_path, lines(MENU, HEADLINE, properties, NEWS_BODY))
    assert [t for _, t in removed(collection)][: len(MENU)] == MENU  # the masthead's
    assert collection.title == HEADLINE
    [essay] = collection.essays
    assert essay.title == HEADLINE
    assert headings(collection) == []
    assert [a.title for a in articles(collection)] == [None]


def test_a_short_headline_ends_the_menu_where_its_property_line_stands(tmp_path):
    collection = collection_of(tmp_path, lines(MENU, "党务培训", "发布时间：2023-05-12", NEWS_BODY))
    assert [t for _, t in removed(collection)] == MENU
    assert collection.title == "党务培训"


def test_numbered_heads_or_a_few_short_lines_over_a_headline_are_no_menu(tmp_path):
    numbered = [
        "一、学习",
        "二、调研",
        "三、检视",
        "四、整改",
        "五、总结",
        "六、巩固",
        "七、提高",
        "八、评估",
    ]
    collection = collection_of(
        tmp_path, lines(numbered, HEADLINE, "发布时间：2023-05-12", NEWS_BODY)
    )
    assert not any(r == "site-menu" for r, _ in removed(collection))
    assert all(head in kept_words(collection) for head in numbered)
    deck = ["聚焦主责主业", "提升履职本领", "建强战斗堡垒"]  # a deck of three over the headline
    collection = collection_of(tmp_path, lines(deck, HEADLINE, "发布时间：2023-05-12", NEWS_BODY))
    assert not any(r == "site-menu" for r, _ in removed(collection))
    assert all(line in kept_words(collection) for line in deck)


def test_short_section_heads_between_paragraphs_are_the_texts_outline(tmp_path):
    heads = ["提高认识", "查找问题", "整改落实", "建章立制"]
    text = lines(HEADLINE, *[part for head in heads for part in (head, NEWS_BODY[0])])
    collection = collection_of(tmp_path, text)
    assert removed(collection) == []
    assert all(head in kept_words(collection) for head in heads)


# --- the footer: the copyright line, the boxes over it, the contacts under it -------------


@pytest.mark.parametrize(
    "copyright",
    [
        "Copyright © 2019 某某大学党委宣传部 技术支持某某大学 网站工作室 管理后台",
        "Copyright(c) 2015-2023 某某学院 版权所有",
        "© 2020 某某中心 All Rights Reserved",
    ],
)
def test_a_copyright_line_and_the_contacts_under_it_are_debris(tmp_path, copyright):
    address = "地址：某某省某某市某某路1号 邮编：100001 电话：010-12345678"
    collection = collection_of(tmp_path, lines(HEADLINE, NEWS_BODY, copyright, address))
    assert removed(collection) == [("site-footer", copyright), ("site-contacts", address)]
    assert texts(collection) == NEWS_BODY


def test_a_footer_in_a_hard_wrapped_text_is_never_joined_to_it(tmp_path):
    wrapped = [
        "学院党委坚持把理论学习作为首要政治任务，组织全体党员深入学习党的创新理论，推动学习往深",
        "里走、往实里走。各党支部结合实际开展主题党日活动，引导党员在岗位上建功立业，争做",
        "先锋模范。广大党员纷纷表示，要把学习成果转化为推动学院事业发展的实际行动，以实际",
        "行动践行初心使命，为学院高质量发展贡献力量。",
    ]
    copyright = "Copyright © 2021 某某学院党委 技术支持某某网络工作室 管理后台"
    address = "地址：某某市某某大道8号 邮编：200000"
    collection = collection_of(tmp_path, lines(HEADLINE, wrapped, copyright, address))
    assert ("site-footer", copyright) in removed(collection)
    [paragraph] = texts(collection)
    assert paragraph == "".join(wrapped)


def test_copyright_in_a_sentence_is_text(tmp_path):
    line = "Copyright 2019年修订的条款规定，作者对其作品依法享有署名权和修改权。"
    collection = collection_of(tmp_path, lines(HEADLINE, NEWS_BODY[0], line))
    assert removed(collection) == []
    assert line in texts(collection)


FOOTER = [
    "某某大学网络信息中心",
    "东校区：信息楼一层",
    "地点：图书馆东侧",
    "关于我们",
    "服务电话",
    "010-62751234",
    "服务时间：每个工作日",
    "服务邮箱",
    "its@example.edu.cn",
    "常用链接",
    "教务系统",
    "学生邮箱",
]


@pytest.mark.parametrize(
    "copyright",
    ["© 2021 版权所有 某某大学网络信息中心 京ICP备00000000号", "Copyright © 2022 某某大学"],
)
def test_the_footers_boxes_over_its_copyright_line_are_debris(tmp_path, copyright):
    collection = collection_of(tmp_path, lines(HEADLINE, NEWS_BODY, FOOTER, copyright))
    gone = removed(collection)
    assert [t for r, t in gone if r == "page-footer"] == FOOTER
    assert gone[-1] == ("site-footer", copyright)
    assert texts(collection) == NEWS_BODY
    assert headings(collection) == []


def test_a_notices_own_contact_lines_over_the_copyright_line_are_kept(tmp_path):
    contacts = ["联系人：王老师", "联系电话：0371-12345678"]
    copyright = "Copyright © 2022 某某大学"
    collection = collection_of(tmp_path, lines(HEADLINE, NEWS_BODY, contacts, copyright))
    assert removed(collection) == [("site-footer", copyright)]
    assert all(line in kept_words(collection) for line in contacts)


def test_a_telephone_number_in_a_sentence_is_text(tmp_path):
    line = "咨询电话：010-62751234，欢迎各党支部来电咨询平台使用中的问题。"
    collection = collection_of(
        tmp_path, lines(HEADLINE, NEWS_BODY, line, "Copyright © 2022 某某大学")
    )
    assert line in texts(collection)


# --- photo captions between paragraphs -----------------------------------------------------


@pytest.mark.parametrize(
    "captions",
    [
        ["培训会现场", "党委副书记张明讲话", "答疑现场"],
        ["座谈会现场", "校长李华致辞", "与会人员合影留念"],
    ],
)
def test_photo_captions_between_paragraphs_are_lines_of_the_text(tmp_path, captions):
    text = lines(HEADLINE, "发布时间：2023-05-12", NEWS_BODY[0], captions[0], NEWS_BODY[1])
    text += lines(captions[1], NEWS_BODY[2], captions[2], NEWS_BODY[0])
    collection = collection_of(tmp_path, text)
    [article] = articles(collection)
    assert article.title is None
    assert headings(collection) == []
    paragraphs = [b.text for b in article.blocks if isinstance(b, Paragraph)]
    assert all(caption in paragraphs for caption in captions)


@pytest.mark.parametrize("line", ["在全校干部大会上的讲话", "深入学习总书记重要讲话"])
def test_a_speechs_title_or_a_topic_between_paragraphs_is_no_caption(tmp_path, line):
    collection = collection_of(tmp_path, lines(HEADLINE, NEWS_BODY[0], line, NEWS_BODY[0]))
    assert [a.title for a in articles(collection)] == [None, line]  # a piece's title, as before


# --- a paper's reporters in the property line ---------------------------------------------


@pytest.mark.parametrize(
    "field, expected",
    [
        (
            "作者：某某日报记者 张三 李四",
            [("张三", "记者", "某某日报"), ("李四", "记者", "某某日报")],
        ),
        ("作者：新华社特约记者 王五", [("王五", "特约记者", "新华社")]),
        (
            "作者：某某晚报通讯员 赵六、钱七",
            [("赵六", "通讯员", "某某晚报"), ("钱七", "通讯员", "某某晚报")],
        ),
    ],
)
def test_a_papers_reporters_in_the_property_line_are_its_reporters(tmp_path, field, expected):
    properties = f"发布时间：2020-03-18 10:15:43 \u2003 {field}"
    [essay] = collection_of(tmp_path, lines(HEADLINE, properties, NEWS_BODY)).essays
    assert [(a.name, a.role, a.unit) for a in essay.authors] == expected


def test_writers_named_without_a_paper_keep_the_fields_label(tmp_path):
    properties = "发布时间：2020-03-18 10:15:43 \u2003 作者：张三 李四"
    [essay] = collection_of(tmp_path, lines(HEADLINE, properties, NEWS_BODY)).essays
    assert [(a.name, a.role, a.unit) for a in essay.authors] == [
        ("张三", "作者", ""),
        ("李四", "作者", ""),
    ]


# --- a source credited in brackets after the last sentence --------------------------------


@pytest.mark.parametrize(
    "credit, source",
    [("(来自大河网)", "大河网"), ("（转自人民网）", "人民网"), ("(摘自某某日报)", "某某日报")],
)
def test_a_source_credited_after_the_last_sentence_is_the_texts_source(tmp_path, credit, source):
    last = "孙某、李某、王某参加座谈会。"
    collection = collection_of(tmp_path, lines(HEADLINE, NEWS_BODY, last + credit))
    assert paragraphs(collection)[-1] == last
    assert (source, "来源") in [(a.name, a.role) for e in collection.essays for a in e.authors]


@pytest.mark.parametrize(
    "line", ["各界代表参加座谈会。（来自各地的基层代表）", "据（来自大河网）的消息，会议如期召开。"]
)
def test_a_bracket_naming_no_source_or_inside_the_text_stays_text(tmp_path, line):
    collection = collection_of(tmp_path, lines(HEADLINE, NEWS_BODY, line))
    assert [a.role for e in collection.essays for a in e.authors] == []
    assert paragraphs(collection)[-1] == line


# --- a pair of brackets cut by a hard wrap --------------------------------------------------

WRAPPED = [
    "他在读书期间深受进步思想影响，积极参加新文化运动，国文教员李某(中共某某",
    "市委书记)等人公开在讲坛上宣传新思想，讲解辩证唯物主义观点。他就是在这时候接受了",
    "马克思主义理论的，从此毫不犹豫地选择了革命道路，经李某介绍加入青年团，投身",
    "革命工作，直到晚年仍心系祖国统一。",
]


def test_a_pair_cut_by_a_hard_wrap_is_widened_once_joined_and_reported(tmp_path):
    collection = collection_of(tmp_path, lines(HEADLINE, WRAPPED))
    [paragraph] = texts(collection)
    assert "李某（中共某某市委书记）等人" in paragraph
    widenings = [r for r in collection.repairs if r.rule == "full-width-punctuation"]
    assert [(r.line, r.before, r.after, r.count) for r in widenings] == [
        (2, "(×1 )×1", "（×1 ）×1", 2)
    ]


def test_a_pair_cut_by_a_wrap_that_no_chinese_stands_by_stays_narrow(tmp_path):
    wrapped = [
        WRAPPED[0].replace("李某(中共某某", "NumPy(v1"),
        "26)release" + WRAPPED[1][9:],
        *WRAPPED[2:],
    ]
    collection = collection_of(tmp_path, lines(HEADLINE, wrapped))
    [paragraph] = texts(collection)
    assert "NumPy(v126)release" in paragraph
    assert not any(r.rule == "full-width-punctuation" for r in collection.repairs)


# --- ■ and several writers -----------------------------------------------------------------


@pytest.mark.parametrize(
    "byline, names",
    [
        ("■王海涛 李娜 张三", ["王海涛", "李娜", "张三"]),
        ("■欧阳明 李娜 张 三 赵四", ["欧阳明", "李娜", "张 三", "赵四"]),
    ],
)
def test_a_square_byline_of_several_writers_with_no_space_after_the_square(tmp_path, byline, names):
    collection = collection_of(tmp_path, lines(HEADLINE, byline, NEWS_BODY))
    [essay] = collection.essays
    bylines = essay.bylines + [b for a in essay.articles for b in a.bylines]
    assert [(b.rule, [a.name for a in b.authors]) for b in bylines] == [
        ("square-byline-names", names)
    ]


def test_a_title_unit_and_author_on_one_line_is_still_read_so(tmp_path):
    byline = "如何当好一名合格党员 会展二支部 会展1102 高子茵"
    collection = collection_of(tmp_path, lines(HEADLINE, byline, NEWS_BODY))
    assert [a.title for a in articles(collection)] == ["如何当好一名合格党员"]
    assert authors(articles(collection)[0]) == [("高子茵", "")]
