"""The bylines first met on the eighteenth held-out set (six news and
institution pages of six sites), read by the general byline and property
readers: hand-written lines in the same forms, and a near miss each that
must be left alone."""

from __future__ import annotations

from support import NEWS_BODY, TITLE, collection_of, headings, lines, paragraphs, people, removed

STATEMENT = [
    "女士们、先生们：",
    "受会议组委会委托，今天由我向大家通报本次活动筹备工作的有关情况，欢迎各位媒体朋友光临。",
    "目前，各项筹备工作已基本就绪，参会代表将于明日上午报到，届时将有详细的日程安排。",
]

# --- a spokesperson's line over their statement -------------------------------------


def test_a_body_s_spokesperson_over_the_statement_is_its_byline(tmp_path):
    speaker = "某某工程新闻发言人 武平"
    collection = collection_of(tmp_path, lines(TITLE, "2024年5月13日", speaker, STATEMENT))
    assert ("武平", "新闻发言人") in people(collection)
    assert speaker not in headings(collection) + paragraphs(collection)


def test_a_spokesperson_named_by_no_name_is_no_byline(tmp_path):
    line = "各代表团推选发言人 轮流"
    collection = collection_of(tmp_path, lines(TITLE, "2024年5月13日", line, STATEMENT))
    assert not [p for p in people(collection) if p[0] == "轮流"]


# --- the reporter's work named in the dateline's credit ------------------------------


def test_the_reporter_s_work_in_the_dateline_s_credit_is_no_second_reporter(tmp_path):
    lead = f"某某网5月12日讯（记者张明 整合） {NEWS_BODY[0]}"
    collection = collection_of(tmp_path, lines(TITLE, lead, NEWS_BODY[1:]))
    reporters = [p for p in people(collection) if p[1] == "记者"]
    assert reporters == [("张明", "记者")]


def test_two_reporters_in_the_dateline_s_credit_are_both_read(tmp_path):
    lead = f"某某网5月12日讯（记者张明 李华） {NEWS_BODY[0]}"
    collection = collection_of(tmp_path, lines(TITLE, lead, NEWS_BODY[1:]))
    reporters = [p for p in people(collection) if p[1] == "记者"]
    assert reporters == [("张明", "记者"), ("李华", "记者")]


# --- a society's site credits its own news ----------------------------------------


def society_page(source: str) -> str:
    properties = f"发布时间：2024-05-13 来源：{source}"
    footer = ["联系我们", "某某省测绘学会", "地 址：某某市某某路1号"]
    return lines(TITLE, properties, NEWS_BODY, footer)


def test_a_society_named_as_the_source_on_its_own_site_is_the_text_s_source(tmp_path):
    collection = collection_of(tmp_path, society_page("某某省测绘学会"))
    assert ("某某省测绘学会", "来源") in people(collection)
    assert collection.date == "2024-05-13"


def test_a_society_s_office_named_as_the_source_is_no_byline(tmp_path):
    collection = collection_of(tmp_path, society_page("学会秘书处"))
    assert not [p for p in people(collection) if p[1] == "来源"]
    assert collection.date == "2024-05-13"


# --- the writers' credit closing the text -----------------------------------------


def test_the_writers_credit_names_each_writer_with_its_label(tmp_path):
    last = f"{NEWS_BODY[-1]}（文/图 刘明 易华）"
    collection = collection_of(tmp_path, lines(TITLE, NEWS_BODY[:-1], last))
    assert [p for p in people(collection) if p[0] in ("刘明", "易华")] == [
        ("刘明", "文/图"),
        ("易华", "文/图"),
    ]


def test_a_bracketed_note_of_words_is_no_writers_credit(tmp_path):
    last = f"{NEWS_BODY[-1]}（文 见附件 原文）"
    collection = collection_of(tmp_path, lines(TITLE, NEWS_BODY[:-1], last))
    assert not [p for p in people(collection) if p[0] in ("见附件", "原文")]


# --- the category the site files the text under ---------------------------------------


def test_a_date_line_with_the_site_s_category_is_the_text_s_date_line(tmp_path):
    properties = "发布日期：2024-05-13 14:34:05  所属分类："
    collection = collection_of(tmp_path, lines(TITLE, NEWS_BODY, properties, "头条"))
    assert collection.date == "2024-05-13 14:34:05"
    assert "所属分类：" in [t for _, t in removed(collection)]
    assert properties not in [t for _, t in removed(collection)]  # its date is kept


def test_a_date_line_with_a_unit_of_its_own_is_no_date_line_with_a_category(tmp_path):
    properties = "发布日期：2024-05-13 14:34:05  所属单位："
    collection = collection_of(tmp_path, lines(TITLE, NEWS_BODY, properties, "头条"))
    assert "所属单位：" not in [t for _, t in removed(collection)]
