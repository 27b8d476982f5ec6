"""The families of page furniture first met on the tenth held-out set, part
B (an evening paper's channel menu, a digital edition's calendar, a
disclosure platform's property table given twice, a portal's menu bar and
buttons, the boxes and footers after the text): hand-written lines in the
same forms, or real lines of those pages, and a near miss each that must be
left alone, above all the headline under the furniture."""

from __future__ import annotations

from support import NEWS_BODY, collection_of, lines, removed

from handbook.patterns import DEBRIS
from handbook.patterns.debris import HOME_LINK
from handbook.structure.debris import ANY_DEBRIS, first_match


def rule_of(text: str) -> str | None:
    found = first_match(DEBRIS, text) if ANY_DEBRIS.search(text) else None
    return found[0].name if found else None


# --- a menu one item a line over the headline and its date -----------------------------

CHANNELS = ["紫牛头条", "时政", "文娱", "体育", "科技", "财汇", "房产", "社会", "汽车", "国际"]
ROUNDUP_HEADLINE = "书记市长这一周 | 奋马扬鞭争春色，“虎”力全开向未来"
POSTED = "2022-02-13 20:04:17"


def masthead(collection) -> list[str]:
    return [t for r, t in removed(collection) if r == HOME_LINK.name]


def test_a_channel_menu_one_item_a_line_over_headline_and_date_is_the_masthead(tmp_path):
    collection = collection_of(tmp_path, lines(CHANNELS, ROUNDUP_HEADLINE, POSTED, NEWS_BODY))
    assert masthead(collection) == CHANNELS
    assert collection.title == ROUNDUP_HEADLINE
    [essay] = collection.essays
    assert essay.date == POSTED
    assert essay.authors == []  # the menu's second item is no byline


def test_the_channel_menu_stops_over_a_headline_short_enough_for_an_item(tmp_path):
    headline = "春潮涌动开新局"  # a menu entry's shape: still the headline over the date
    collection = collection_of(tmp_path, lines(CHANNELS, headline, POSTED, NEWS_BODY))
    assert masthead(collection) == CHANNELS
    assert collection.title == headline


def test_short_lines_with_a_sentence_among_them_are_no_channel_menu(tmp_path):
    run = [*CHANNELS[:5], "会议强调，要抓好落实。", *CHANNELS[5:]]
    collection = collection_of(tmp_path, lines(run, ROUNDUP_HEADLINE, POSTED, NEWS_BODY))
    assert masthead(collection) == []
    too_few = collection_of(tmp_path, lines(CHANNELS[:5], ROUNDUP_HEADLINE, POSTED, NEWS_BODY))
    assert masthead(too_few) == []


# --- a digital edition's calendar and buttons, its issue date over the headline -------

EDITION_HEAD = ["往期数字报刊", "《西藏日报》 《西藏商报》", "日", "历", "按日期查询", "‹", "›"]
EDITION_HEAD += ["日", "一", "二", "三", "四", "五", "六", "上", "一", "期", "返", "回"]
ISSUE_DATE = "2022年02月13日"
EDITION_HEADLINE = "“厕所革命”改善农牧区人居环境"


def test_a_digital_edition_s_calendar_cells_over_its_issue_date_are_the_masthead(tmp_path):
    collection = collection_of(
        tmp_path, lines(EDITION_HEAD, ISSUE_DATE, EDITION_HEADLINE, NEWS_BODY)
    )
    assert masthead(collection) == EDITION_HEAD
    assert collection.title == EDITION_HEADLINE
    assert collection.date == ISSUE_DATE
    [essay] = collection.essays
    assert essay.title == EDITION_HEADLINE


def test_a_few_one_character_lines_make_no_calendar(tmp_path):
    # a short list of one-character lines (fewer than a calendar's cells) stays
    head = ["往期数字报刊", "《西藏日报》 《西藏商报》", "按日期查询", "往期回顾", "本期导读"]
    head += ["上", "下", "左", "右"]
    collection = collection_of(tmp_path, lines(head, ISSUE_DATE, EDITION_HEADLINE, NEWS_BODY))
    assert masthead(collection) == []


def test_an_issue_date_over_a_sentence_titles_nothing(tmp_path):
    collection = collection_of(tmp_path, lines(ISSUE_DATE, *NEWS_BODY))
    assert collection.title_line == 0  # no headline: the text is untitled


# --- what follows the text: boxes marked by a bar, a paper's publisher line ---------------

LATEST_BOX = [
    "| 最新",
    "2月14日冬奥看点 谷爱凌再度出战",
    "猜灯谜讲故事玩游戏，“传承＋创新”营造欢乐元宵节",
    "| 美图",
    "【紫牛头条】中国独臂船长积极备赛，“航海人的奥林匹克”将迎来首位中国人",
    "【视评】让青春在冰雪运动中“燃”起来",
    "版权所有 江苏扬子晚报有限公司",
]


def test_a_box_named_after_a_bar_ends_the_text(tmp_path):
    collection = collection_of(tmp_path, lines(ROUNDUP_HEADLINE, POSTED, NEWS_BODY, LATEST_BOX))
    assert [t for _, t in removed(collection)] == LATEST_BOX
    assert rule_of("| 最新") == "link-box-head"


def test_a_bar_before_words_of_the_text_is_no_box():
    assert rule_of("| 说明：本表数据截至2021年底。") is None
    assert rule_of("| 最新消息显示，工程已全面开工") is None


def test_a_paper_s_publisher_line_with_its_serial_number_is_the_footer():
    assert rule_of("西藏日报社出版|国内统一刊号：CN54—0002|邮发代号：67—1") == "site-footer"
    assert rule_of("该报于1956年创刊，获得国内统一刊号后发行量逐年增长。") is None
