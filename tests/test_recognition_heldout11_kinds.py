"""Kinds of line the eleventh held-out set taught the converter (the evening
news transcript, the review sheet, the manifesto, the commentary, the study
card), each with a near miss that must not be read so."""

from __future__ import annotations

from support import (
    NEWS_BODY,
    articles,
    authors,
    collection_of,
    headings,
    lines,
    paragraphs,
    removed,
)

HEADLINE = "国务院新闻办公室举行新闻发布会"

# --- a crawler's furniture around each story -------------------------------------------------


def test_a_crawlers_comments_link_back_and_stamp_are_removed(tmp_path):
    furniture = [
        "<!--repaste.body.begin-->",
        "[查看原文](https://tv.cctv.com/2022/03/01/VIDEFGKjOEgUTsnXtYpPsGbs220301.shtml)",
        "更新时间：2023-09-04T14:22:24.183Z",
    ]
    text = lines(HEADLINE, furniture[0], NEWS_BODY[0], NEWS_BODY[1], furniture[1:])
    collection = collection_of(tmp_path, text)
    assert [t for _, t in removed(collection)] == furniture
    assert paragraphs(collection) == NEWS_BODY[:2]


def test_a_comment_inside_a_line_and_a_link_in_a_sentence_stay(tmp_path):
    kept = [
        "节目的网页用<!--说明-->这样的注释标出正文的开头，读者看不见它。",
        "详见[查看原文](https://tv.cctv.com/2022/03/01/a.shtml)中的视频。",
    ]
    text = lines(HEADLINE, NEWS_BODY[0], kept, NEWS_BODY[1])
    collection = collection_of(tmp_path, text)
    assert removed(collection) == []
    kept_lines = paragraphs(collection)[1:3]
    assert kept_lines[0] == kept[0]
    assert kept_lines[1].startswith("详见[查看原文]") and kept_lines[1].endswith("中的视频。")


# --- a time word glossed by its day: a sentence, no head line --------------------------------


def test_a_time_word_with_its_bracketed_day_cuts_no_paragraph(tmp_path):
    stories = [
        "### 央视快评：在新时代新征程上留下无悔的奋斗足迹",
        "本台今天（3月1日）播发央视快评《在新时代新征程上留下无悔的奋斗足迹》。",
        "### 中国制造业采购经理指数连续4个月稳定在50%以上",
        "中国物流与采购联合会、国家统计局今天（3月1日）公布：2月份中国制造业采购经理指数为50.2%。",
    ]
    collection = collection_of(tmp_path, lines("# 新闻联播", stories))
    assert [a.title for a in articles(collection)] == [stories[0][4:], stories[2][4:]]
    assert paragraphs(collection) == [stories[1], stories[3]]


def test_a_head_line_with_its_full_date_is_still_cut(tmp_path):
    head = "在全市工作会议上的讲话（2020年2月3日）同志们，今天开会。我讲三点。"
    collection = collection_of(tmp_path, lines("学习材料", head, NEWS_BODY[0]))
    assert articles(collection)[0].title == "在全市工作会议上的讲话"
    assert "同志们，今天开会。我讲三点。" in paragraphs(collection)
    assert headings(collection) == []


# --- an outlet's credit opening each story -----------------------------------------------------


def test_an_outlets_credit_opening_a_story_names_its_source(tmp_path):
    story = (
        "**央视网消息**（新闻联播）：政协第十三届全国委员会常务委员会第二十次会议1日上午在京开幕。"
    )
    collection = collection_of(
        tmp_path, lines("# 新闻联播", "### " + HEADLINE, story, NEWS_BODY[1])
    )
    (article,) = articles(collection)
    assert authors(article) == [("央视网", "来源")]
    assert paragraphs(collection) == [
        "政协第十三届全国委员会常务委员会第二十次会议1日上午在京开幕。",
        NEWS_BODY[1],
    ]


def test_a_bold_line_under_a_credit_alone_heads_the_round_ups_first_item(tmp_path):
    roundup = [
        "**央视网消息**（新闻联播）：",
        "**新版《跨境电子商务零售进口商品清单》正式实施**",
        "今天（3月1日）起，新版《跨境电子商务零售进口商品清单》正式实施，新增29项商品。",
        "**河北省1680个亿元以上项目开工**",
        "3月1日，河北省2022年第一批亿元以上项目集中开工。",
    ]
    collection = collection_of(tmp_path, lines("# 新闻联播", "### 国内联播快讯", roundup))
    assert headings(collection) == [roundup[1][2:-2], roundup[3][2:-2]]
    assert paragraphs(collection) == [roundup[2], roundup[4]]


def test_a_message_in_a_sentence_and_a_bold_line_under_a_name_are_no_credit_and_no_heading(
    tmp_path,
):
    said = "人民网消息灵通人士称，会议将于下月召开。"
    collection = collection_of(tmp_path, lines(HEADLINE, said, NEWS_BODY[1]))
    assert [authors(a) for a in articles(collection)] == [[]]
    assert said in paragraphs(collection)
    post = ["**习近平总书记强调**", "**用好红色资源**", NEWS_BODY[0]]
    (tmp_path / "post").mkdir()
    collection = collection_of(tmp_path / "post", lines("# 学习笔记", "张明", post))
    assert headings(collection) == []
