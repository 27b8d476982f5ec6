"""The kinds of error first met on the twelfth held-out set (news and
commentary pages of portals and creators' platforms), each as a general
rule: small texts written by hand in the same forms, not the corpus texts,
and what a careful reader sees in them."""

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

COMMENT_HEADLINE = "评论员：以实干实绩推动高质量发展"

# --- a platform's posting line under the headline ------------------------------


PORTAL_MENU = [
    "首页",
    "要闻",
    "热问",
    "上海",
    "财经",
    "科技",
    "云游戏",
    "更多",
    "搜索",
    "登录",
    "收藏",
    "分享",
]


def test_a_posting_line_dates_the_piece_and_ends_the_menu_over_the_headline(tmp_path):
    text = lines(
        PORTAL_MENU, COMMENT_HEADLINE, "2024-05-13 06:16发布于北京某某日报官方账号", NEWS_BODY
    )
    collection = collection_of(tmp_path, text)
    assert collection.title == COMMENT_HEADLINE  # the headline, not a menu item
    assert collection.date == "2024-05-13 06:16"
    assert [t for _, t in removed(collection)][: len(PORTAL_MENU)] == PORTAL_MENU
    assert headings(collection) == []


def test_the_account_posting_from_a_place_is_the_source(tmp_path):
    text = lines(COMMENT_HEADLINE, "2022-06-02 09:52:19某某观察 来自北京市", NEWS_BODY)
    [essay] = collection_of(tmp_path, text).essays
    assert essay.date == "2022-06-02 09:52:19"
    assert ("某某观察", "来源") in authors(essay)


def test_a_sentence_that_begins_with_a_date_and_a_posting_is_no_posting_line(tmp_path):
    line = "2024-05-13 06:16发布于北京的通知，要求各单位认真落实。"
    collection = collection_of(tmp_path, lines(COMMENT_HEADLINE, NEWS_BODY[0], line))
    assert collection.date is None
    assert line in [p.text for a in articles(collection) for p in a.paragraphs]


def test_the_menu_stops_over_a_headline_as_short_as_a_menu_item(tmp_path):
    # a headline a menu item could be (no sentence, a few words) stays the title
    text = lines(PORTAL_MENU, "稳就业", "2024-05-13 06:16发布于北京某某日报官方账号", NEWS_BODY)
    collection = collection_of(tmp_path, text)
    assert collection.title == "稳就业"
    assert "稳就业" not in [t for _, t in removed(collection)]


# --- a few of the site's buttons over the headline -----------------------------


def test_the_sites_buttons_over_a_dated_headline_are_removed(tmp_path):
    text = lines(
        "栏目首页", "搜索", "登录", COMMENT_HEADLINE, "2022-06-02 09:52:19来源：某某网", NEWS_BODY
    )
    collection = collection_of(tmp_path, text)
    assert collection.title == COMMENT_HEADLINE
    assert removed(collection)[:3] == [
        ("site-buttons", "栏目首页"),
        ("site-buttons", "搜索"),
        ("site-buttons", "登录"),
    ]


def test_buttons_over_a_line_with_no_dateline_under_it_stay(tmp_path):
    # no dateline under the line after them: nothing shows it a headline
    text = lines("首页", "登录", "登录系统使用说明", NEWS_BODY)
    assert ("site-buttons", "登录") not in removed(collection_of(tmp_path, text))


# --- a column's furniture after its text ---------------------------------------

COLUMN_HEAD = ["某某谈丨稳就业要跑出加速度", "2022-06-02 09:52:19某某谈 来自北京市"]
EARLIER = [
    "往期回顾",
    "某某谈丨城市为何频频出圈？",
    "某某谈丨消费回暖靠什么",
    "某某谈｜让营商环境稳定透明",
]
FOOTER = "某某新媒体版权所有Copyright © 2019 All Rights Reserved"


def test_a_columns_writer_counters_credits_and_earlier_pieces_are_read(tmp_path):
    text = lines(
        COLUMN_HEAD,
        "5人参与2评论",
        "文丨某某谈特约评论员 韩涵",
        NEWS_BODY,
        ["总监制：邹 明", "监 制：高明勇", "审 读：崔向升", "责编：黄忆南 PN269"],
        EARLIER,
        FOOTER,
    )
    collection = collection_of(tmp_path, text)
    [essay] = collection.essays
    assert essay.title == COLUMN_HEAD[0]
    assert len(essay.articles) == 1  # no earlier piece opens an article
    assert ("韩涵", "特约评论员") in authors(essay)
    assert [a.unit for a in essay.authors if a.name == "韩涵"] == ["某某谈"]
    gone = removed(collection)
    assert ("post-counters", "5人参与2评论") in gone
    assert [r for r, t in gone if t in ("总监制：邹 明", "监 制：高明勇", "审 读：崔向升")] == [
        "production-credit"
    ] * 3
    assert set(EARLIER) <= {t for r, t in gone if r == "page-furniture"}  # after the credit
    assert headings(collection) == []


def test_a_credit_in_a_sentence_and_a_writer_with_no_label_stay_text(tmp_path):
    kept = ["监制：高明勇同志对节目提出了意见。", "文化特约评论员 韩涵"]
    collection = collection_of(tmp_path, lines(COLUMN_HEAD, NEWS_BODY, kept))
    assert ("production-credit", kept[0]) not in removed(collection)
    assert all(name != "韩涵" for name, _ in authors(collection.essays[0]))


def test_earlier_pieces_with_text_after_them_stay(tmp_path):
    # a section headed 往期回顾 that goes on with sentences is the text's own
    body = "回顾往期，我们看到各地的做法各有不同，值得认真总结。"
    collection = collection_of(tmp_path, lines(COLUMN_HEAD, NEWS_BODY, EARLIER, body))
    assert not set(EARLIER) & {t for _, t in removed(collection)}


# --- a national paper's briefing: kicker, two reporters, a barred dateline -----

PAPER_MENU = ["首页", "党政", "人事", "反腐", "理论", "党史", "党建", "要闻", "国际", "军事"]
KICKER = "某省着力培育新动能塑造新优势"
LABELLED = "在新时代崛起中争先出彩（推动高质量发展·权威发布）"
REPORTERS = "本报记者 王乐文 方 敏"
BARRED_DATELINE = "2024年05月10日06:58 | 来源：某某网－某某日报"


def test_a_briefings_kicker_reporters_and_barred_dateline_are_read(tmp_path):
    text = lines(
        PAPER_MENU, "某某网>>经济·科技", KICKER, LABELLED, REPORTERS, BARRED_DATELINE, NEWS_BODY
    )
    collection = collection_of(tmp_path, text)
    [essay] = collection.essays
    assert (collection.title, essay.subtitle) == (LABELLED, KICKER)
    assert authors(essay) == [("王乐文", "记者"), ("方 敏", "记者"), ("某某网－某某日报", "来源")]
    assert essay.date == "2024年05月10日06:58"
    gone = [t for _, t in removed(collection)]
    assert KICKER not in gone and LABELLED not in gone  # the menu stops at the trail
    assert headings(collection) == []


def test_a_plain_headline_keeps_its_deck_under_it(tmp_path):
    # no series label ends the second line: the first is the headline, not a kicker
    text = lines(KICKER, "在新时代崛起中争先出彩", REPORTERS, BARRED_DATELINE, NEWS_BODY)
    collection = collection_of(tmp_path, text)
    assert collection.title == KICKER
    assert collection.essays[0].subtitle != KICKER


def test_reporters_in_a_sentence_and_a_bar_before_text_are_no_byline(tmp_path):
    said = "本报记者 王乐文 方 敏 走访了当地多家企业。"
    barred = "2024年05月10日06:58 | 来源于群众的意见建议，要认真研究"
    collection = collection_of(tmp_path, lines(LABELLED, NEWS_BODY, said, barred))
    assert authors(collection.essays[0]) == []
    assert {said, barred} <= {p.text for a in articles(collection) for p in a.paragraphs}


# --- a wire story reposted under the portal's headline ---------------------------

WIRE_TITLE = "某某主持召开深入推进区域一体化发展座谈会"
WIRE_BODY = [
    "新华社上海11月30日电 某某30日上午在上海主持召开深入推进区域一体化发展座谈会并发表重要讲话。",
    "会议指出，要把学习成果转化为推动工作的实际行动，切实解决群众反映强烈的突出问题。",
]
WIRE_BLOCK = [f"{WIRE_TITLE}强调", "推动区域一体化发展取得新的重大突破", "某某某某出席"]


def test_a_wire_storys_headline_block_and_an_empty_author_label_are_read(tmp_path):
    text = lines(WIRE_TITLE, "来源：新华社", "作者：", "2023-12-01 14:43", WIRE_BLOCK, WIRE_BODY)
    collection = collection_of(tmp_path, text)
    [article] = articles(collection)  # no deck opens an article
    assert headings(collection) == []
    assert [p.text for p in article.paragraphs][:3] == WIRE_BLOCK
    assert ("property-unfilled", "作者：") in removed(collection)
    assert collection.date == "2023-12-01 14:43"


def test_a_storys_own_headline_over_its_dateline_still_titles_it(tmp_path):
    # short lines over the dateline that do not give the page's headline again:
    # the story's own headline and deck: the lines over the dateline title its article
    story = ["区域协同发展会议在沪召开", "某某某某出席"]
    text = lines("本周要闻", NEWS_BODY, story, WIRE_BODY)
    collection = collection_of(tmp_path, text)
    assert articles(collection)[-1].title in story


def test_an_author_label_with_its_name_on_the_next_line_stays(tmp_path):
    text = lines(WIRE_TITLE, "作者：", "张明", "2023-12-01 14:43", NEWS_BODY)
    assert ("property-unfilled", "作者：") not in removed(collection_of(tmp_path, text))


# --- a book-length report given whole on one page --------------------------------

BOOK = "中国式发展之路研究报告"
BOOK_HEADS = [
    "导 言",
    "第一章 发展的历程",
    "一、百年征程铸就新辉煌",
    "二、现代化改变了面貌",
    "第二章 发展的路径",
    "一、坚持以人民为中心",
    "二、加快发展新质生产力",
    "结语",
]
QUOTATION = "“我们要坚定不移走自己的路，把发展的主动权牢牢掌握在自己手中。”"


def report(*, headline: str = f"《{BOOK}》全文", contents: str = "目 录：") -> str:
    body: list[str] = []
    for head in BOOK_HEADS:
        body += [head, f"关于{head[-4:]}，报告作了系统的阐述和深入的分析，提出了明确的要求。"]
    body[3:3] = [QUOTATION, "——习近平"]  # a chapter opening with a leader's words
    return lines(
        headline,
        "发布时间：2024年05月05日 |",
        "字体放大",
        "| 字体缩小",
        BOOK,
        contents,
        BOOK_HEADS,
        body,
        [
            "上一篇",
            "以人类前途为怀 以人民福祉为念",
            "下一篇",
            "重点推荐",
            "王毅：一个中国原则是定海神针",
        ],
        ["友情链接", "求是网", "旗帜网"],
    )


def test_a_books_contents_list_is_front_matter_and_its_heads_head_one_text(tmp_path):
    collection = collection_of(tmp_path, report())
    assert len(collection.essays) == 1  # one report, however many heads
    assert (collection.title, collection.date) == (BOOK, "2024年05月05日")
    assert [p.text for p in collection.preface] == ["目 录：", *BOOK_HEADS]
    assert headings(collection) == BOOK_HEADS
    gone = removed(collection)
    assert ("full-text-headline", f"《{BOOK}》全文") in gone
    assert ("font-size-buttons", "字体放大") in gone
    assert [t for r, t in gone if r == "boxes-after-neighbours"] == [
        "以人类前途为怀 以人民福祉为念",
        "重点推荐",
        "王毅：一个中国原则是定海神针",
        "友情链接",
        "求是网",
        "旗帜网",
    ]
    assert "——习近平" in [p.text for a in articles(collection) for p in a.paragraphs]


def test_a_headline_naming_another_text_and_a_contents_list_of_essays_stay_as_they_were(
    tmp_path,
):
    # the headline names a text that does not stand under it: it is the title
    collection = collection_of(tmp_path, report(headline="《另一部书》全文"))
    assert ("full-text-headline", "《另一部书》全文") not in removed(collection)
    # bare titles with no chapter among them: a collection's list of its essays
    stories = ["石桥", "古井", "老槐树"]
    body = [x for t in stories for x in (t, f"村口的{t}有一个很长的故事，老人们常在夜里讲起。")]
    text = lines(
        "山乡故事集", "目录", "序", "卷上", *stories, "序", "写这些故事的时候，我常想起山乡。", body
    )
    assert [e.title for e in collection_of(tmp_path, text).essays] == ["序", *stories]


def test_boxes_after_the_neighbours_links_stay_when_the_text_goes_on_under_them(tmp_path):
    text = lines(
        COMMENT_HEADLINE, NEWS_BODY, "上一篇", "重点推荐", "会议还强调，要把各项工作落到实处。"
    )
    assert [
        r for r, _ in removed(collection_of(tmp_path, text)) if r == "boxes-after-neighbours"
    ] == []


def test_a_dash_and_a_name_under_a_title_is_its_subtitle_not_a_quotations_speaker(tmp_path):
    text = lines(COMMENT_HEADLINE, "——记雷锋", NEWS_BODY)
    assert collection_of(tmp_path, text).essays[0].subtitle == "——记雷锋"


# --- the recommended stories after a story's closing credit ----------------------

RECOMMENDED = [
    "全球贸易投资促进峰会将于5月13日在京举办",
    "某某网北京5月9日电 （记者栗翘楚）记者今日从中国贸促会获悉，峰会将于下周举办。",
    "客户端下载",
]
PAGE_FOOTER = "Copyright © 1997-2024 by www.people.com.cn. all rights reserved"


def test_the_recommended_box_after_the_credit_is_the_pages_down_to_its_footer(tmp_path):
    text = lines(
        LABELLED,
        BARRED_DATELINE,
        NEWS_BODY,
        "(责编：胡永秋、杨光宇)",
        "分享让更多人看到",
        "推荐阅读",
        RECOMMENDED,
        PAGE_FOOTER,
    )
    collection = collection_of(tmp_path, text)
    assert [t for r, t in removed(collection) if r == "recommended-box"] == [
        "分享让更多人看到",
        *RECOMMENDED,
    ]
    assert len(articles(collection)) == 1  # no recommended story opens an article


def test_a_story_with_its_own_credit_under_the_box_head_stays(tmp_path):
    # a second story of the text, closed by its own credit: the text's, not a box
    text = lines(
        LABELLED,
        BARRED_DATELINE,
        NEWS_BODY,
        "(责编：胡永秋、杨光宇)",
        "推荐阅读",
        RECOMMENDED[:2],
        "(责编：王静)",
        PAGE_FOOTER,
    )
    assert [r for r, _ in removed(collection_of(tmp_path, text)) if r == "recommended-box"] == []


# --- a creators' platform's disclaimer and all under it ---------------------------

DISCLAIMER = "免责声明：本内容来自某某平台创作者，不代表某某新闻的观点和立场。"
PLATFORM_TAIL = [
    "举报",
    "评论 0文明上网理性发言",
    PAGE_FOOTER,
    "当前您处于未登录状态，请登录后进行广告设置。",
]


def test_a_platforms_disclaimer_and_all_it_sets_under_it_are_removed(tmp_path):
    text = lines(
        COMMENT_HEADLINE,
        "2024-05-13 06:16发布于北京某某日报官方账号",
        NEWS_BODY,
        DISCLAIMER,
        PLATFORM_TAIL,
    )
    collection = collection_of(tmp_path, text)
    gone = [t for r, t in removed(collection) if r == "platform-disclaimer"]
    assert gone == [DISCLAIMER, *[t for t in PLATFORM_TAIL if t != PAGE_FOOTER]]
    assert paragraphs(collection) == NEWS_BODY


def test_a_disclaimer_with_no_footer_under_it_stays(tmp_path):
    # no footer below: the disclaimer may be the text's own last words
    text = lines(COMMENT_HEADLINE, NEWS_BODY, DISCLAIMER)
    assert ("platform-disclaimer", DISCLAIMER) not in removed(collection_of(tmp_path, text))
