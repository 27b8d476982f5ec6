"""The families of page furniture first met on the fourteenth held-out set
(a finance portal's reposts, a wire service's and a national paper's site
pages): hand-written lines in the same forms, and a near miss each that must
be left alone."""

from __future__ import annotations

from support import (
    NEWS_BODY,
    TITLE,
    collection_of,
    essay_authors,
    headings,
    lines,
    paragraphs,
    removed,
)

# --- the share box's count under its label ------------------------------------------

SHARE_LABEL = "分享到："


def test_the_count_under_the_share_label_is_the_share_box_s(tmp_path):
    collection = collection_of(tmp_path, lines(TITLE, SHARE_LABEL, "0", NEWS_BODY))
    assert [t for _, t in removed(collection)] == [SHARE_LABEL, "0"]
    assert paragraphs(collection)[0] == NEWS_BODY[0]


def test_a_number_under_a_kept_line_is_no_share_count(tmp_path):
    collection = collection_of(tmp_path, lines(TITLE, "本次共有参会代表：", "120", NEWS_BODY))
    assert "120" not in [t for _, t in removed(collection)]


# --- the page's header over a trail down to the text --------------------------------

PORTAL_HEADER = [
    "应用",
    "网易新闻",
    "有道云笔记",
    "登录",
    "账号：",
    "十天内免登录 忘记密码？",
    "免费邮箱",
]
TEXT_TRAIL = "网易首页 > 财经频道 > 证券新闻 > 正文"


def test_the_lines_over_a_trail_down_to_the_text_are_the_page_s_header(tmp_path):
    collection = collection_of(tmp_path, lines(PORTAL_HEADER, TEXT_TRAIL, TITLE, NEWS_BODY))
    assert [t for _, t in removed(collection)] == [*PORTAL_HEADER, TEXT_TRAIL]
    assert collection.title == TITLE


def test_a_sentence_over_the_trail_keeps_the_lines_over_it(tmp_path):
    note = "本页转载自合作媒体，内容以原文为准。"
    collection = collection_of(tmp_path, lines(TITLE, note, TEXT_TRAIL, NEWS_BODY))
    assert note in paragraphs(collection)
    kept = collection_of(
        tmp_path, lines(PORTAL_HEADER, "网易首页 > 财经频道 > 证券新闻", TITLE, NEWS_BODY)
    )
    assert "应用" not in [t for _, t in removed(kept)]  # no step names the text


# --- a dateline cut before its source -------------------------------------------------

HEADLINE = "李克强：培育长期稳定健康发展的资本市场"
POSTED = "2015-07-02 23:15:34"


def test_a_dateline_whose_source_stands_on_the_next_line_is_one_dateline(tmp_path):
    text = lines(HEADLINE, f"{POSTED}\u3000来源:", "上海证券报·中国证券网", NEWS_BODY)
    collection = collection_of(tmp_path, text)
    assert collection.title == HEADLINE  # not run into the date line
    [essay] = collection.essays
    assert essay.date == POSTED
    assert [a.name for a in essay_authors(collection)] == ["上海证券报·中国证券网"]
    assert "上海证券报·中国证券网" not in headings(collection)


def test_a_sentence_under_a_source_s_label_is_no_source(tmp_path):
    sentence = "据新华社报道，学院党委近日召开专题会议。"
    collection = collection_of(tmp_path, lines(TITLE, "来源：", sentence, NEWS_BODY))
    assert sentence in paragraphs(collection)


# --- the share box's open and close buttons ------------------------------------------

SHARE_BOX = ["分享", "分享到", "分享到微信", "关闭"]


def test_the_buttons_beside_the_share_box_s_lines_are_the_box_s(tmp_path):
    collection = collection_of(tmp_path, lines(TITLE, SHARE_BOX, NEWS_BODY))
    assert [t for _, t in removed(collection)] == SHARE_BOX
    [essay] = collection.essays
    assert [a.title for a in essay.articles] == [None]  # 分享 titles no article
    assert essay_authors(collection) == []  # 关闭 is no byline


def test_a_share_heading_away_from_a_share_box_stays(tmp_path):
    text = lines(TITLE, NEWS_BODY[0], "分享", NEWS_BODY[1:])
    assert "分享" not in [t for _, t in removed(collection_of(tmp_path, text))]


# --- an editor named by a code closes the story ------------------------------------

BOXED = ["重点推荐", "证券要闻", "沪指3周重挫近30% 券商大佬齐聚证监会", "行业动态"]


def test_an_editor_s_code_is_the_staff_s_credit_and_the_boxes_after_it_the_page_s(tmp_path):
    collection = collection_of(tmp_path, lines(TITLE, NEWS_BODY, "责任编辑：NF041", BOXED))
    assert [t for _, t in removed(collection)] == ["责任编辑：NF041", *BOXED]
    assert headings(collection) == []


def test_a_code_in_a_sentence_after_the_role_is_no_credit(tmp_path):
    sentence = "编辑：NF041号文件已经下发，各部门要认真学习。"
    collection = collection_of(tmp_path, lines(TITLE, NEWS_BODY, sentence))
    assert sentence in paragraphs(collection)


# --- the pager under a text cut into pages ------------------------------------------

PAGER = ["<", "1", "2", "3", ">"]
BOX = ["关键词阅读：", "网友评论仅供其表达个人看法，并不表明网易立场。"]


def test_the_pager_closes_a_paged_text_and_the_boxes_after_it_are_the_page_s(tmp_path):
    collection = collection_of(tmp_path, lines(TITLE, NEWS_BODY, PAGER, BOX))
    assert [t for _, t in removed(collection)] == [*PAGER, *BOX]
    assert paragraphs(collection) == NEWS_BODY


def test_page_numbers_with_no_arrow_are_no_pager(tmp_path):
    collection = collection_of(tmp_path, lines(TITLE, NEWS_BODY, ["1", "2", "3"]))
    assert "pager" not in [r for r, _ in removed(collection)]
