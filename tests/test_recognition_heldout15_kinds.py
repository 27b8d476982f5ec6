"""The page furniture first met on the fifteenth held-out set (a wire
service's, a national paper's, a news portal's and a creators' platform's
pages), judged by one mechanism (structure/page.py): hand-written lines in
the same forms, and a near miss each that must be left alone."""

from __future__ import annotations

from support import (
    NEWS_BODY,
    TITLE,
    articles,
    collection_of,
    doubts,
    headings,
    lines,
    paragraphs,
    removed,
)

POSTED = "2024-05-13 13:48"
SOURCE = "来源：中国网"
# A page's menus over its headline: a share hint, language links, a menu
# given twice, a search box.
MENU = [
    "点击右上角微信好友",
    "朋友圈",
    "English",
    "时政",
    "国际",
    "理论",
    "时政",
    "国际",
    "理论",
    "站内搜索",
]


# Fewer lines than a masthead's run (news_masthead takes all lines over the
# headline, a kicker too): the page's head judged line by line.
SHORT_MENU = ["English", "时政", "国际", "时政", "国际", "站内搜索"]


def removed_texts(collection) -> list[str]:
    return [t for _, t in removed(collection)]


# --- the lines over a marked headline -------------------------------------------------


def test_the_lines_over_a_headline_with_its_date_under_it_are_the_page_s(tmp_path):
    collection = collection_of(tmp_path, lines(SHORT_MENU, TITLE, POSTED, SOURCE, NEWS_BODY))
    assert removed_texts(collection)[: len(SHORT_MENU)] == SHORT_MENU
    assert collection.title == TITLE
    assert paragraphs(collection)[0] == NEWS_BODY[0]


def test_a_headline_no_date_or_source_line_marks_keeps_the_lines_over_it(tmp_path):
    collection = collection_of(tmp_path, lines(MENU, TITLE, NEWS_BODY))
    assert "理论" not in removed_texts(collection)


def test_a_headline_echoed_in_the_page_s_head_is_marked_by_the_echo(tmp_path):
    reading = f"正在阅读：{TITLE}"
    collection = collection_of(tmp_path, lines(MENU, reading, TITLE, "X", NEWS_BODY))
    assert removed_texts(collection)[: len(MENU) + 2] == [*MENU, reading, "X"]
    assert collection.title == TITLE


def test_a_kicker_right_over_the_headline_is_the_story_s_head(tmp_path):
    kicker = "青春心向党 建功新时代"
    text = lines(SHORT_MENU, kicker, TITLE, POSTED, SOURCE, NEWS_BODY)
    collection = collection_of(tmp_path, text)
    assert removed_texts(collection)[: len(SHORT_MENU)] == SHORT_MENU
    assert kicker not in removed_texts(collection)


def test_a_sentence_over_the_menus_keeps_itself_and_what_stands_over_it(tmp_path):
    note = "本页转载自合作媒体，内容以原文为准，转载请注明出处。"
    text = lines("校园要闻", note, MENU, TITLE, POSTED, SOURCE, NEWS_BODY)
    collection = collection_of(tmp_path, text)
    assert note in paragraphs(collection) or note in [a.title for a in articles(collection)]
    assert "校园要闻" not in removed_texts(collection)
    assert "站内搜索" in removed_texts(collection)


def test_a_hidden_copy_of_the_story_s_first_paragraph_over_the_menus_goes(tmp_path):
    collection = collection_of(tmp_path, lines(NEWS_BODY[0], MENU, TITLE, POSTED, NEWS_BODY))
    assert removed_texts(collection)[0] == NEWS_BODY[0]
    assert paragraphs(collection)[0] == NEWS_BODY[0]  # the story keeps its own


def test_a_few_plain_short_lines_over_a_headline_are_no_web_page_s_head(tmp_path):
    head = ["学习材料", "第一期", "理论学习"]
    collection = collection_of(tmp_path, lines(head, TITLE, POSTED, NEWS_BODY))
    assert not set(head) & set(removed_texts(collection))


# --- between the headline and the story -------------------------------------------------


def test_a_player_s_labels_under_the_headline_go_its_byline_stays(tmp_path):
    player = ["Play Video", "0:00", "/2:54"]
    byline = "记者 张明"
    text = lines(MENU, TITLE, POSTED, SOURCE, byline, player, NEWS_BODY)
    collection = collection_of(tmp_path, text)
    assert set(player) <= set(removed_texts(collection))
    assert byline not in removed_texts(collection)


def test_a_platform_s_posting_place_under_the_headline_goes(tmp_path):
    collection = collection_of(tmp_path, lines(MENU, TITLE, POSTED, "发布于：北京市", NEWS_BODY))
    assert "发布于：北京市" in removed_texts(collection)
    kept = collection_of(tmp_path, lines(MENU, TITLE, POSTED, "发布于基层一线", NEWS_BODY))
    assert "发布于基层一线" not in removed_texts(kept)


# --- after the staff's credit -------------------------------------------------------------

BOX = [
    "推荐阅读",
    "江苏无锡：梁溪河景观带成市民休闲胜地",
    "2024年4月20日，江苏省无锡市梁溪河景观带绿意盎然，市民在河边散步、骑行、放风筝，"
    "尽享春日时光，景观带已成为市民休闲的好去处。",
    "2024-04-20 17:03",
    "版权保护：本网登载的内容（包括文字、图片、多媒体资讯等）版权属本网独家所有使用。"
    "未经本网事先协议授权，禁止转载使用，违者必究。",
]


def test_after_a_broken_credit_a_box_of_teasers_and_the_notices_go(tmp_path):
    text = lines(MENU, TITLE, POSTED, SOURCE, NEWS_BODY, "[", "责编：杨煜 ]", BOX)
    collection = collection_of(tmp_path, text)
    assert {"责编：杨煜 ]", *BOX} <= set(removed_texts(collection))
    assert paragraphs(collection)[-1] == NEWS_BODY[-1]


def test_a_long_paragraph_after_the_credit_keeps_the_page_s_tail(tmp_path):
    more = (
        "会议强调，各党支部要把培训成果转化为工作成效，切实推动基层党建工作提质增效，"
        "以高质量党建引领学院事业高质量发展，为学院发展提供坚强保障。"
    )
    text = lines(MENU, TITLE, POSTED, SOURCE, NEWS_BODY, "责编：杨煜", more, BOX)
    collection = collection_of(tmp_path, text)
    assert more in paragraphs(collection)


# --- a guess is said ---------------------------------------------------------------------


def test_a_line_of_no_weight_among_the_furniture_is_a_doubt(tmp_path):
    owner = "某某通讯社主办公司官网股票代码：603888"
    collection = collection_of(tmp_path, lines(MENU, owner, MENU, TITLE, POSTED, NEWS_BODY))
    assert owner in removed_texts(collection)
    assert "page-furniture-guess" in [rule for _, rule in doubts(collection)]
    plain = collection_of(tmp_path, lines(MENU, TITLE, POSTED, NEWS_BODY))
    assert "page-furniture-guess" not in [rule for _, rule in doubts(plain)]


# --- a story's source over its date -------------------------------------------------------


def test_a_source_over_the_date_still_makes_the_page_one_story(tmp_path):
    subhead = "培训内容贴近实际"
    text = lines(TITLE, "来源：", "中国日报网", POSTED, NEWS_BODY[:2], subhead, NEWS_BODY[2:])
    collection = collection_of(tmp_path, text)
    assert subhead in headings(collection)
    assert len(articles(collection)) == 1
