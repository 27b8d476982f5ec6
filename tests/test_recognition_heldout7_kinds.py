"""The kinds of error first met on the seventh held-out set (a newspaper
feature's head, bylines of other shapes, a photo report's captions, section
heads alone on their lines, a government page's property table): small
texts written by hand in the same forms, never the corpus texts, and what a
careful reader sees in them, with a near-miss for each that must not be taken."""

from __future__ import annotations

import pytest
from support import (
    articles,
    authors,
    collection_of,
    headings,
    kept_words,
    paragraphs,
    people,
    removed,
    texts,
)

from handbook.model import Byline

LEAD = "连队组织官兵开展专项训练，大家克服风雪严寒，圆满完成了各项任务。"
MORE = "训练结束后，连队及时组织讲评，梳理问题，明确下一步的努力方向和具体措施。"
STORY = "这支队伍常年奋战在一线，官兵们用实际行动诠释了忠诚和担当，赢得了驻地群众的称赞。"


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
        ("■ 王海涛 李娜", ["王海涛", "李娜"]),  # no name spread: one byline all the same
    ],
)
def test_a_square_byline_names_every_writer_parted_by_spaces(tmp_path, line, names):
    collection = collection_of(tmp_path, f"守边人的坚守\n{line}\n{LEAD}\n{MORE}\n")
    assert people(collection) == [(name, "") for name in names]
    assert [b.text for b in collection.essays[0].bylines] == [line]
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


def test_a_square_byline_of_several_writers_is_one_byline_in_the_model(tmp_path):
    line = "■邵 敏 谷永敏 武元晋"
    collection = collection_of(tmp_path, f"守边人的坚守\n{line}\n{LEAD}\n{MORE}\n")
    [essay] = collection.essays
    [byline] = essay.bylines
    assert isinstance(byline, Byline)
    assert (byline.text, byline.rule) == (line, "square-byline-names")


# --- a government page's property table, read one cell a line ---------------------------------

DOCUMENT = [
    "各区人民政府，市政府各委、办、局：",
    "为进一步做好政务公开工作，经市政府同意，现就有关事项通知如下。",
    "一、提高认识",
    "各单位要充分认识政务公开工作的重要意义，切实加强组织领导，落实工作责任。",
    "二、狠抓落实",
    "各单位要对照要求逐项抓好落实，确保各项任务按时完成，取得实效。",
    "某某市人民政府办公厅",
    "2021年3月5日",
]
TABLE = [
    "索 引 号：",
    "11223344/2021-00015",
    "发文机关：",
    "某某市人民政府办公厅",
    "成文日期：",
    "2021年03月05日",
    "标　　题：",
    "某某市人民政府办公厅关于进一步做好政务公开工作的通知",
    "发文字号：",
    "某政办发〔2021〕15号",
    "发布日期：",
    "2021年03月12日",
    "主 题 词：",
]


@pytest.mark.parametrize(
    "title_lines",
    [
        ["某某市人民政府办公厅关于进一步", "做好政务公开工作的通知"],
        ["某某市人民政府办公厅关于进一步做好政务公开工作的通知"],
    ],
)
def test_a_property_table_read_cell_by_cell_is_debris_its_publication_date_the_pages(
    tmp_path, title_lines
):
    text = "\n".join([*TABLE, *title_lines, "某政办发〔2021〕15号", *DOCUMENT]) + "\n"
    collection = collection_of(tmp_path, text)
    assert [cut for _, cut in removed(collection)] == TABLE
    assert {rule for rule, _ in removed(collection)} == {"property-table"}
    assert collection.date == "2021年03月12日"  # published, not written (成文日期)
    [essay] = collection.essays
    assert collection.title == essay.title == "某某市人民政府办公厅关于进一步做好政务公开工作的通知"
    [article] = essay.articles
    assert article.title is None  # the document's number titles nothing
    assert "某政办发〔2021〕15号" in paragraphs(collection)
    assert article.date == "2021年3月5日"  # the date it is signed with
    assert authors(article) == [("某某市人民政府办公厅", "")]
    assert headings(collection) == ["一、提高认识", "二、狠抓落实"]


def test_labels_alone_over_text_are_no_property_table(tmp_path):
    """Too few cells, and labels of the text's own boxes, make no table."""
    lines = [
        "学习体会",
        "内容简介：",
        "本书收录了作者的读书笔记。",
        "发布日期：",
        "2021年03月12日",
        *DOCUMENT,
    ]
    collection = collection_of(tmp_path, "\n".join(lines) + "\n")
    assert "property-table" not in {rule for rule, _ in removed(collection)}
    assert "本书收录了作者的读书笔记。" in paragraphs(collection)


def test_a_first_line_with_about_over_a_sentence_is_no_broken_title(tmp_path):
    lines = ["关于进一步", "做好政务公开工作，各单位要高度重视。", *DOCUMENT]
    collection = collection_of(tmp_path, "\n".join(lines) + "\n")
    assert collection.title != "关于进一步做好政务公开工作，各单位要高度重视。"
    assert not any(r.rule == "document-title-broken" for r in collection.repairs)


def test_a_document_number_in_a_sentence_stays_the_sentence(tmp_path):
    line = "根据某政办发〔2021〕15号文件要求，各单位要抓好落实。"
    collection = collection_of(tmp_path, "\n".join(["学习体会", LEAD, line, MORE]) + "\n")
    assert line in paragraphs(collection)
