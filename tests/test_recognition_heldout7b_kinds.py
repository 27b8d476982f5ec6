"""The families of convention first met on the seventh held-out set, part B
(a blog template's furniture round its headline and deck, an app page's
header bar over its title, a course paper's notes over it): hand-written texts in the same forms, never
the corpus texts, two wordings or more a family, and a near miss each that
must not be taken."""

from __future__ import annotations

import pytest
from support import (
    articles,
    authors,
    collection_of,
    headings,
    kept_words,
    removed,
    texts,
)

HEADLINE = "守正创新：做党的政策主张的传播者"
LEAD = "新闻工作者要牢记职责使命，坚持正确导向，把党的声音传播到千家万户。"
BODY = "基层党支部要把理论学习同实际工作结合起来，做到学以致用、用以促学，推动各项工作落地见效。"

# --- a blog template's furniture ----------------------------------------------------------


@pytest.mark.parametrize("credit", ["Collect from", "Collect from 网页模板"])
def test_a_templates_credit_line_is_debris_and_the_headline_titles_the_text(tmp_path, credit):
    collection = collection_of(tmp_path, f"{credit}\n{HEADLINE}\n{BODY}\n")
    assert removed(collection) == [("template-credit", credit)]
    assert collection.title == HEADLINE


def test_a_sentence_beginning_with_the_same_words_is_kept(tmp_path):
    line = "Collect from the garden what the season gives"
    collection = collection_of(tmp_path, f"{HEADLINE}\n{line}\n{BODY}\n")
    assert removed(collection) == []
    assert line in kept_words(collection)


@pytest.mark.parametrize("button", ["更多博客", "查看更多通知公告"])
def test_a_more_button_after_the_text_is_debris_and_so_is_the_sidebar_after_it(tmp_path, button):
    text = f"{HEADLINE}\n{BODY}\n{button}\nwordpress提供\n"
    collection = collection_of(tmp_path, text)
    assert removed(collection) == [("more-link", button), ("page-chrome", "wordpress提供")]
    assert texts(collection) == [BODY]


def test_more_in_a_sentence_is_text(tmp_path):
    line = "更多的青年党员加入了志愿服务队伍。"
    collection = collection_of(tmp_path, f"{HEADLINE}\n{BODY}\n{line}\n")
    assert removed(collection) == []
    assert line in texts(collection)


TEASERS = [
    "习近平在中央经济工作会议上强调，做好经济工作是我们党治国理政的重大任务，要坚持稳中求进...",
    "国家统计局服务业调查中心发布数据，4月份中国制造业采购经理指数为51.2%，较上月回落0.6个…",
]


@pytest.mark.parametrize("badges", [["三月28", "5月31"], ["十二月3", "1月15"]])
def test_a_sidebars_teasers_under_date_badges_are_debris(tmp_path, badges):
    listing = [line for pair in zip(badges, TEASERS, strict=True) for line in pair]
    collection = collection_of(tmp_path, "\n".join([HEADLINE, BODY, *listing]) + "\n")
    assert removed(collection) == [("dated-teasers", line) for line in listing]
    assert [a.title for a in articles(collection)] == [None]


def test_one_teaser_or_a_full_date_makes_no_listing(tmp_path):
    text = "\n".join([HEADLINE, BODY, "5月31日", TEASERS[0], "三月28", TEASERS[1]]) + "\n"
    collection = collection_of(tmp_path, text)
    assert not any(rule == "dated-teasers" for rule, _ in removed(collection))


# --- a deck the lead takes up ----------------------------------------------------------------


@pytest.mark.parametrize(
    "deck, lead",
    [
        (
            "习近平总书记对新闻工作者提出四点希望",
            "习近平总书记对新闻工作者提出四点希望：坚持正确方向，坚持正确导向。",
        ),
        (
            "全市基层党建工作会议召开",
            "全市基层党建工作会议召开，会议总结了一年来的工作，部署了明年的任务。",
        ),
    ],
)
def test_a_deck_that_the_lead_opens_with_is_the_subtitle(tmp_path, deck, lead):
    collection = collection_of(tmp_path, f"{HEADLINE}\n{deck}\n{lead}\n{BODY}\n")
    [essay] = collection.essays
    assert essay.title == HEADLINE and essay.subtitle == deck
    assert [a.title for a in essay.articles] == [None]
    assert texts(collection) == [lead, BODY]


def test_a_short_line_that_the_lead_does_not_take_up_is_no_deck(tmp_path):
    line = "新闻工作者的四点希望"
    collection = collection_of(tmp_path, f"{HEADLINE}\n{line}\n{LEAD}\n{BODY}\n")
    assert collection.essays[0].subtitle is None


# --- an app's header bar over the page's title -----------------------------------------------


@pytest.mark.parametrize(
    "label, title, text",
    [
        ("组织生活", "党课", "党课制度（每月一次）党课是党组织对党员进行教育的基本制度。"),
        ("支部建设", "三会一课", "三会一课是党的组织生活的基本制度，支部要按期召开、如实记录。"),
    ],
)
def test_a_header_bar_over_a_title_the_text_takes_up_is_debris(tmp_path, label, title, text):
    collection = collection_of(tmp_path, f"{label}\n{title}\n\u2003\u2003{text}\n{BODY}\n")
    assert removed(collection) == [("header-label", label)]
    [essay] = collection.essays
    assert collection.title == essay.title == title
    assert authors(essay) == []
    assert texts(collection) == [text, BODY]


def test_a_title_over_a_short_line_the_text_does_not_take_up_stays(tmp_path):
    text = "支部按照年度计划召开了党员大会，会议由支部书记主持。"
    collection = collection_of(tmp_path, f"组织生活\n党员大会\n{text}\n")
    assert removed(collection) == []
    assert "组织生活" in kept_words(collection)


# --- a title given as a note over a paper --------------------------------------------------


@pytest.mark.parametrize(
    "note, title",
    [
        ("标题：《文明传承与创新的伟大实践》", "文明传承与创新的伟大实践"),
        ("题目：身边的变化与时代的进步", "身边的变化与时代的进步"),
    ],
)
def test_a_title_given_as_a_note_titles_the_text_and_the_notes_are_front_matter(
    tmp_path, note, title
):
    notes = ["提纲：", "开头段", "结尾段", "要求：", "写身边具体的变化"]
    text = "\n".join([*notes, note, "总分总", BODY]) + "\n"
    collection = collection_of(tmp_path, text)
    [essay] = collection.essays
    assert collection.title == essay.title == title
    assert [p.text for p in collection.preface] == [*notes, note]
    assert essay.line == len(notes) + 1
    assert removed(collection) == []


@pytest.mark.parametrize(
    "lines",
    [
        ["要求：", "题目：请结合身边的变化谈谈你对现代化的认识。", BODY],  # an assignment
        ["提纲：", BODY + LEAD, "标题：身边的变化"],  # after the text has begun
    ],
)
def test_a_label_that_gives_no_title_or_stands_in_the_text_titles_nothing(tmp_path, lines):
    collection = collection_of(tmp_path, "\n".join(lines) + "\n")
    assert collection.preface == []
    assert collection.title == "text"  # the file's name: no line titles it


@pytest.mark.parametrize("label", ["开头段：", "结尾段：", "主体部分："])
def test_hyphens_before_a_label_alone_are_its_list_mark(tmp_path, label):
    text = f"{HEADLINE}\n---{label}\n{BODY}\n{LEAD}\n"
    collection = collection_of(tmp_path, text)
    assert headings(collection) == [label]
    assert ("label-dash-leader", "---") in [
        (r.rule, r.before) for r in collection.repairs if r.rule == "label-dash-leader"
    ]


def test_hyphens_before_a_sentence_stay_with_it(tmp_path):
    line = "---现代化意味着坚持以人民为中心。现代化的成果要由人民共享。"
    collection = collection_of(tmp_path, f"{HEADLINE}\n{line}\n{BODY}\n")
    assert headings(collection) == []
    assert line in texts(collection)
