"""The kinds of error first met on the seventh held-out set (a newspaper
feature's head, bylines of other shapes, a photo report's captions, section
heads alone on their lines, a government page's property table): small
texts written by hand in the same forms, never the corpus texts, and what a
careful reader sees in them, with a near-miss for each that must not be taken."""

from __future__ import annotations

import pytest
from test_recognition_heldout_kinds import (
    articles,
    authors,
    collection_of,
    headings,
    kept_words,
    texts,
)

from handbook.model import Byline, Paragraph

LEAD = "连队组织官兵开展专项训练，大家克服风雪严寒，圆满完成了各项任务。"
MORE = "训练结束后，连队及时组织讲评，梳理问题，明确下一步的努力方向和具体措施。"
STORY = "这支队伍常年奋战在一线，官兵们用实际行动诠释了忠诚和担当，赢得了驻地群众的称赞。"


def paragraphs(collection) -> list[str]:
    return [b.text for a in articles(collection) for b in a.blocks if isinstance(b, Paragraph)]


def people(collection) -> list[tuple[str, str]]:
    return [(x.name, x.role) for e in collection.essays for x in e.authors]


# --- a kicker above the title -------------------------------------------------------------


@pytest.mark.parametrize(
    "kicker, title",
    [
        ("扎根边防二十年，他们把青春写在雪线上——", "守边人的坚守"),
        ("从戈壁到海岛、从高原到密林，某部官兵转战南北——", "路在脚下 情在心中"),
    ],
)
def test_a_kicker_ending_in_a_dash_is_the_subtitle_over_the_title(tmp_path, kicker, title):
    collection = collection_of(tmp_path, f"{kicker}\n{title}\n{LEAD}\n{MORE}\n")
    [essay] = collection.essays
    assert collection.title == essay.title == title
    assert essay.subtitle == kicker
    assert essay.line == 1  # the essay starts at its kicker
    assert kicker not in texts(collection)


def test_a_line_ending_in_a_dash_under_the_title_is_no_kicker(tmp_path):
    text = f"守边人的坚守\n他们用行动回答了一个问题——\n{LEAD}\n{MORE}\n"
    collection = collection_of(tmp_path, text)
    [essay] = collection.essays
    assert collection.title == essay.title == "守边人的坚守"
    assert not essay.subtitle
    assert "他们用行动回答了一个问题——" in kept_words(collection)


# --- bylines of other shapes --------------------------------------------------------------


@pytest.mark.parametrize(
    "line, names",
    [
        ("■邵 敏 谷永敏 武元晋", ["邵 敏", "谷永敏", "武元晋"]),
        ("■ 王海涛 李 娜", ["王海涛", "李 娜"]),
    ],
)
def test_a_square_byline_names_every_writer_parted_by_spaces(tmp_path, line, names):
    collection = collection_of(tmp_path, f"守边人的坚守\n{line}\n{LEAD}\n{MORE}\n")
    assert people(collection) == [(name, "") for name in names]
    assert line not in texts(collection)


def test_a_square_mark_before_a_sentence_is_no_byline(tmp_path):
    line = "■ 连队的训练场上，口号声此起彼伏。"
    collection = collection_of(tmp_path, f"守边人的坚守\n{LEAD}\n{line}\n{MORE}\n")
    assert people(collection) == []


@pytest.mark.parametrize(
    "line, names",
    [
        ("作者：沙凌云、许小赛", ["沙凌云", "许小赛"]),
        ("文/张明、李红、王刚", ["张明", "李红", "王刚"]),
    ],
)
def test_a_writers_label_over_several_names_gives_each_writer(tmp_path, line, names):
    collection = collection_of(tmp_path, f"守边人的坚守\n{line}\n{LEAD}\n{MORE}\n")
    role = line[: line.index("：") if "：" in line else line.index("/")]
    assert people(collection) == [(name, role) for name in names]


def test_a_writers_label_naming_an_outlet_stays_one_name(tmp_path):
    collection = collection_of(tmp_path, f"守边人的坚守\n作者：中国国防报社\n{LEAD}\n{MORE}\n")
    assert people(collection) == [("中国国防报社", "作者")]


@pytest.mark.parametrize(
    "credit, desk",
    [
        ("（某某日报·某某新闻传播中心融媒体出品）", "某某日报·某某新闻传播中心融媒体"),
        ("（某某报记者部·某某工作室出品）", "某某报记者部·某某工作室"),
    ],
)
def test_the_producing_desks_credit_in_brackets_is_the_pieces_source(tmp_path, credit, desk):
    collection = collection_of(tmp_path, f"守边人的坚守\n{LEAD}\n{MORE}\n{credit}\n")
    [article] = articles(collection)
    assert authors(article) == [(desk, "出品")]
    assert credit not in paragraphs(collection)


def test_a_film_produced_by_a_company_in_a_sentence_is_no_credit(tmp_path):
    line = "晚上，连队组织观看了一部纪录片（由某影视公司出品）。"
    collection = collection_of(tmp_path, f"守边人的坚守\n{LEAD}\n{line}\n{MORE}\n")
    assert people(collection) == []
    assert line in paragraphs(collection)


# --- a photo's caption and its photographer ------------------------------------------------


@pytest.mark.parametrize(
    "caption",
    ["官兵在执行任务中。 谷永敏摄", "“好十连”老兵向军旗告别。\u3000\u3000张晓东摄"],
)
def test_a_caption_and_its_photographer_after_a_space_are_one_line(tmp_path, caption):
    collection = collection_of(tmp_path, f"守边人的坚守\n{LEAD}\n{caption}\n{MORE}\n")
    assert caption in paragraphs(collection)


def test_a_sentence_after_a_space_is_still_a_paragraph_of_its_own(tmp_path):
    line = "官兵在执行任务中。 张连长说这是他们的日常。"
    collection = collection_of(tmp_path, f"守边人的坚守\n{LEAD}\n{line}\n{MORE}\n")
    assert "张连长说这是他们的日常。" in paragraphs(collection)


# --- section heads alone on their lines, and captions that head nothing ----------------------


@pytest.mark.parametrize(
    "heads",
    [
        ["以学为先，筑牢信仰之基", "知行合一，在“做”上见真章"],
        # a plain phrase (a quotation here) heads a section too, where the others do
        ["守在深山里，他们是一群无名的兵", "见到阳光就像过节，真想晒个够", "“我守的是祖国的大门”"],
    ],
)
def test_phrases_alone_between_paragraphs_head_sections_where_that_is_the_habit(tmp_path, heads):
    body = [LEAD, MORE]
    for head in heads:
        body += [head, STORY, MORE]
    collection = collection_of(tmp_path, "\n".join(["一年来的学习教育", *body]) + "\n")
    assert headings(collection) == heads
    assert len(articles(collection)) == 1


def test_one_phrase_alone_between_paragraphs_is_no_habit_and_stays_text(tmp_path):
    text = "\n".join(["一年来的学习教育", LEAD, "以学为先，筑牢信仰之基", STORY, MORE]) + "\n"
    collection = collection_of(tmp_path, text)
    assert headings(collection) == []
    assert "以学为先，筑牢信仰之基" in paragraphs(collection)


@pytest.mark.parametrize(
    "captions",
    [
        ["战机出击", "空中即将展开对抗", "双机编队", "战机归来", "精心维护"],
        ["晨光中的训练场", "冲刺"],
    ],
)
def test_a_run_of_photo_captions_heads_nothing(tmp_path, captions):
    text = "\n".join(["某旅开展实兵对抗演练", LEAD, *captions, STORY, MORE]) + "\n"
    collection = collection_of(tmp_path, text)
    assert len(articles(collection)) == 1
    assert articles(collection)[0].title is None
    assert headings(collection) == []
    for caption in captions:
        assert caption in paragraphs(collection)


def test_a_short_line_between_paragraphs_still_titles_a_piece(tmp_path):
    """The near-miss of the captions: one line alone, not a run, titles the next piece."""
    text = "\n".join(["某旅开展实兵对抗演练", LEAD, "精心维护", STORY, MORE]) + "\n"
    collection = collection_of(tmp_path, text)
    assert [a.title for a in articles(collection)] == [None, "精心维护"]


def test_bylines_read_here_are_bylines_in_the_model(tmp_path):
    collection = collection_of(tmp_path, f"守边人的坚守\n■ 王海涛 李 娜\n{LEAD}\n{MORE}\n")
    [essay] = collection.essays
    assert all(isinstance(b, Byline) for b in essay.bylines)
