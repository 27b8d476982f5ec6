"""The page furniture first met on the seventeenth held-out set (a
provincial party paper's, a portal's and a study site's pages), judged by
one mechanism (structure/page.py): hand-written lines in the same forms,
and a near miss each that must be left alone."""

from __future__ import annotations

from support import (
    NEWS_BODY,
    TITLE,
    articles,
    collection_of,
    essay_authors,
    lines,
    paragraphs,
    removed,
)

POSTED = "2024-05-13 13:48"

TOP_BAR = "某某日报网邮箱  某某日报数字报  某某晚报数字报  更多"
REPORT = "网上有害信息举报专区"
TRAIL = "首页 > 要闻 > 正文"
PROPERTIES = "发布时间：2024-05-13 04:22:18   来源：某某日报"
KICKER = "六十余人参训"


def removed_texts(collection) -> list[str]:
    return [t for _, t in removed(collection)]


# --- the headline set again over the story ----------------------------------------------


def test_a_headline_with_the_page_s_property_line_under_it_is_the_head_not_its_copy(tmp_path):
    text = lines(
        TOP_BAR, REPORT, TRAIL, TITLE, PROPERTIES, "分享到：", "×", KICKER, TITLE, NEWS_BODY
    )
    collection = collection_of(tmp_path, text)
    assert collection.title == TITLE
    assert PROPERTIES not in removed_texts(collection)  # the page's own head: read
    assert ("某某日报", "来源") in [(a.name, a.role) for a in essay_authors(collection)]
    assert removed_texts(collection).count(TITLE) == 1  # the copy, said again
    assert KICKER in removed_texts(collection)  # the copy's own head
    assert paragraphs(collection)[0] == NEWS_BODY[0]


def test_the_property_line_right_over_the_copy_is_no_head_of_the_copy(tmp_path):
    collection = collection_of(tmp_path, lines(TRAIL, TITLE, PROPERTIES, TITLE, NEWS_BODY))
    assert PROPERTIES not in removed_texts(collection)
    assert ("某某日报", "来源") in [(a.name, a.role) for a in essay_authors(collection)]


def test_a_copy_of_the_headline_with_no_property_line_under_it_is_no_head(tmp_path):
    text = lines(TOP_BAR, REPORT, TRAIL, TITLE, "分享到：", KICKER, TITLE, PROPERTIES, NEWS_BODY)
    collection = collection_of(tmp_path, text)
    assert KICKER not in removed_texts(collection)  # over the headline itself: its kicker
    assert paragraphs(collection)[0] == NEWS_BODY[0]


# --- the page's writer alone under the headline ----------------------------------------------

WRITER = "吴桂韩"
CREDITED = f"文章来源：本站原创 作者：{WRITER} 发布时间：2018年10月24日"
DATELINE = "2017年08月22日09:55    来源：人民网-理论频道"
MENU = ["推荐阅读", "学习专栏", "当前位置：首页 > 党建引领 > 学习专栏"]


def test_a_name_the_page_s_property_line_gives_as_writer_is_no_headline(tmp_path):
    text = lines(MENU, TITLE, CREDITED, TITLE, WRITER, DATELINE, NEWS_BODY)
    collection = collection_of(tmp_path, text)
    assert collection.title == TITLE
    assert WRITER in [a.name for a in essay_authors(collection)]  # its byline
    assert TITLE not in removed_texts(collection)


# --- what other passes took over the headline ----------------------------------------------


def test_a_trail_another_pass_took_marks_the_page_s_head(tmp_path):
    collection = collection_of(
        tmp_path, lines(TOP_BAR, REPORT, TRAIL, TITLE, PROPERTIES, NEWS_BODY)
    )
    assert removed_texts(collection)[:2] == [TOP_BAR, REPORT]
    assert collection.title == TITLE


def test_two_furniture_lines_alone_over_a_headline_are_not_enough(tmp_path):
    collection = collection_of(tmp_path, lines(TOP_BAR, REPORT, TITLE, PROPERTIES, NEWS_BODY))
    assert REPORT not in removed_texts(collection)


# --- a headline given again with its head (a phone layout's copy) ---------------------------------

HEAD = "自治区延续部分税收优惠政策助企纾困"
PHONE = ["首页", "政务公开", "政务服务", "首页", "政务公开", "政务服务"]


def test_the_head_given_again_with_the_headline_stays_over_it(tmp_path):
    text = lines(
        PHONE, HEAD, TITLE, "发布日期：2024-05-13 08:52", NEWS_BODY, HEAD, TITLE, NEWS_BODY
    )
    collection = collection_of(tmp_path, text)
    assert HEAD not in removed_texts(collection)[: len(PHONE) + 1]
    assert removed_texts(collection)[: len(PHONE)] == PHONE


def test_a_line_copied_below_over_a_headline_given_once_is_the_page_s(tmp_path):
    text = lines(PHONE, HEAD, TITLE, "发布日期：2024-05-13 08:52", NEWS_BODY, HEAD)
    collection = collection_of(tmp_path, text)
    assert HEAD in removed_texts(collection)[: len(PHONE) + 1]


# --- a district site's head: a trail, the channel, the column ------------------------------------

DISTRICT_TRAIL = "现在位置： 首页 >> 东区新闻 >> 正文"
CHANNEL = "东区办事处"
SOURCE_LINE = f"来源于：{CHANNEL}"


def test_a_trail_and_its_step_alone_are_the_page_s_head(tmp_path):
    text = lines(DISTRICT_TRAIL, CHANNEL, "东区新闻", TITLE, SOURCE_LINE, NEWS_BODY)
    collection = collection_of(tmp_path, text)
    assert removed_texts(collection)[:3] == [DISTRICT_TRAIL, CHANNEL, "东区新闻"]
    assert collection.title == TITLE


def test_a_column_label_no_trail_names_is_not_enough_with_the_trail(tmp_path):
    text = lines(DISTRICT_TRAIL, CHANNEL, "本地要闻", TITLE, SOURCE_LINE, NEWS_BODY)
    collection = collection_of(tmp_path, text)
    assert "本地要闻" not in removed_texts(collection)


def test_a_source_labelled_laiyuanyu_is_the_source(tmp_path):
    collection = collection_of(tmp_path, lines(TITLE, SOURCE_LINE, NEWS_BODY))
    assert (CHANNEL, "来源") in [(a.name, a.role) for a in essay_authors(collection)]


def test_a_sentence_opening_with_laiyuanyu_is_no_source(tmp_path):
    opening = "来源于群众的意见建议共十二条，已逐一答复并整改落实到位，群众满意度明显提升。"
    collection = collection_of(tmp_path, lines(TITLE, opening, NEWS_BODY))
    assert opening in paragraphs(collection)


# --- a finance portal's story: headline, date and source alone, one paragraph ----------------------

PORTAL_TRAIL = "某某网 > 股票 > 股市报道 > 正文"
HEADLINE = "交通运输部：着力打造区域综合立体交通网络"
STAMP = "2019-09-26 10:56:28"
OUTLET_ALONE = "证券时报网"
ONE_PARAGRAPH = (
    "据财联社9月26日消息，今日从交通运输部新闻发布会获悉，目前区域交通一体化发展取得显著成效，"
    "下一步将着力打造区域综合立体交通网络，推动各种运输方式融合发展。"
)
CREDIT = "（责任编辑： HN666）"
BOXES = ["扫码阅读全文", "写评论已有0条评论", "最新评论", "你可能会喜欢", "热门新闻排行榜"]


def portal_page(*story: str | list[str]) -> str:
    return lines(["首页", "新闻", "股票", "基金"], PORTAL_TRAIL, HEADLINE, STAMP, *story)


def test_a_story_of_one_paragraph_is_closed_by_the_staff_s_credit(tmp_path):
    collection = collection_of(tmp_path, portal_page(OUTLET_ALONE, ONE_PARAGRAPH, CREDIT, BOXES))
    assert set(BOXES) <= set(removed_texts(collection))
    assert paragraphs(collection) == [ONE_PARAGRAPH]


def test_a_paragraph_with_no_credit_or_control_under_it_keeps_what_follows(tmp_path):
    collection = collection_of(tmp_path, portal_page(OUTLET_ALONE, ONE_PARAGRAPH, BOXES[1:]))
    assert "热门新闻排行榜" not in removed_texts(collection)


# The paragraph broken at a width, inside its words: a text read as hard-wrapped.
WRAPPED = [ONE_PARAGRAPH[k : k + 24] for k in range(0, len(ONE_PARAGRAPH), 24)]


def test_a_date_alone_under_the_headline_stays_its_own_line(tmp_path):
    collection = collection_of(tmp_path, portal_page(OUTLET_ALONE, WRAPPED, CREDIT))
    assert collection.title == HEADLINE
    assert collection.essays[0].date == STAMP


def test_a_sentence_broken_before_its_date_is_still_joined(tmp_path):
    broken = [
        "为抓好基层党建工作，",
        "2024年5月12日上午，学院党委在行政楼召开基层党组织书记培训会。",
    ]
    collection = collection_of(tmp_path, lines(TITLE, POSTED, broken, NEWS_BODY))
    assert "".join(broken) in paragraphs(collection)


def test_an_outlet_alone_under_the_date_is_the_source(tmp_path):
    collection = collection_of(tmp_path, portal_page(OUTLET_ALONE, ONE_PARAGRAPH, CREDIT))
    assert (OUTLET_ALONE, "来源") in [(a.name, a.role) for a in essay_authors(collection)]
    assert articles(collection)[0].title in (None, HEADLINE)


def test_a_title_like_line_under_the_date_is_no_source(tmp_path):
    deck = "京津冀交通一体化取得显著成效"
    collection = collection_of(tmp_path, portal_page(deck, ONE_PARAGRAPH, CREDIT))
    assert deck not in [a.name for a in essay_authors(collection)]


# --- a provincial portal's story: a deck, the properties, controls, a caption ---------------------

DECK = "成功举办双向经贸投资推介会"
PROPERTY_DATE_LINE = "时间：2019-09-18 06:23"
CONTROLS = ["打印", "字体：", "放大", "正常", "缩小", "分享"]
CAPTION = "图为品牌丝路行启动仪式。（刘通摄）"
PORTAL_MENU = ["首页", "省政府", "要闻", "政策", "服务", "互动", "首页", "> 要闻", "> 本省要闻"]
LINK_LISTS = ["扫一扫在手机打开当前页面", "省政府", "领导动态", "政府工作报告", "省长", "简历"]


def test_a_portal_s_controls_and_caption_stand_between_headline_and_story(tmp_path):
    text = lines(PORTAL_MENU, TITLE, DECK, PROPERTY_DATE_LINE, CONTROLS, CAPTION, NEWS_BODY)
    collection = collection_of(tmp_path, text)
    assert set(CONTROLS) | {CAPTION} <= set(removed_texts(collection))
    assert collection.title == TITLE
    assert paragraphs(collection) == NEWS_BODY


def test_a_short_line_between_lines_that_are_no_controls_stays(tmp_path):
    text = lines(TITLE, PROPERTY_DATE_LINE, "编者", "正常", "按语", NEWS_BODY)
    collection = collection_of(tmp_path, text)
    assert "正常" not in removed_texts(collection)


def test_a_caption_with_its_photographer_in_brackets_is_debris(tmp_path):
    collection = collection_of(tmp_path, lines(TITLE, POSTED, CAPTION, NEWS_BODY))
    assert CAPTION in removed_texts(collection)


def test_a_sentence_opening_tuwei_with_no_photographer_is_text(tmp_path):
    said = "图为证，这一年来全县新建党群服务中心十二个，服务群众四万余人次。"
    collection = collection_of(tmp_path, lines(TITLE, POSTED, said, NEWS_BODY))
    assert said in paragraphs(collection)


def test_the_page_s_end_note_after_the_story_closes_it_with_its_link_lists(tmp_path):
    text = lines(PORTAL_MENU, TITLE, PROPERTY_DATE_LINE, NEWS_BODY, LINK_LISTS)
    collection = collection_of(tmp_path, text)
    assert set(LINK_LISTS) <= set(removed_texts(collection))
    assert paragraphs(collection) == NEWS_BODY


def test_a_paragraph_of_its_own_after_the_end_note_keeps_the_rest(tmp_path):
    own = "附：本次推介会共签约项目十二个，总金额超过五十亿元，涉及装备制造、能源和现代农业等领域。"
    text = lines(PORTAL_MENU, TITLE, PROPERTY_DATE_LINE, NEWS_BODY, LINK_LISTS, own)
    collection = collection_of(tmp_path, text)
    assert own in paragraphs(collection)
    assert "领导动态" not in removed_texts(collection)


def test_a_deck_between_the_headline_and_the_page_s_date_is_the_subtitle(tmp_path):
    collection = collection_of(
        tmp_path, lines(PORTAL_MENU, TITLE, DECK, PROPERTY_DATE_LINE, NEWS_BODY)
    )
    assert collection.essays[0].subtitle == DECK
    assert len(articles(collection)) == 1


def test_a_title_over_a_dateline_of_the_text_is_no_deck(tmp_path):
    text = lines(TITLE, DECK, "（一九三八年一月十二日）", NEWS_BODY)
    collection = collection_of(tmp_path, text)
    assert collection.essays[0].subtitle != DECK


def test_the_footer_s_hint_of_the_browser_goes_with_the_link_lists(tmp_path):
    hint = "本网提示：使用大于1366*768分辨率/IE10.0或以上浏览器可以获得最佳浏览效果！"
    text = lines(PORTAL_MENU, TITLE, PROPERTY_DATE_LINE, NEWS_BODY, LINK_LISTS, hint)
    collection = collection_of(tmp_path, text)
    assert hint in removed_texts(collection)


# --- a commission's report: properties one a line, one paragraph, the page's controls ---------------

REPORT_HEAD = ["当前位置：", "首页", ">发展改革工作", ">投资运行", TITLE, "发布日期：2016-11-22"]
FOOTER = ["打印", "关闭", "安全隐私 丨 版权保护 丨 联系我们 丨 网站地图", "Produced By 某某网络"]


def test_the_page_s_controls_under_a_story_of_one_paragraph_close_it(tmp_path):
    text = lines(REPORT_HEAD, "信息来源：省发改委", ONE_PARAGRAPH, FOOTER)
    collection = collection_of(tmp_path, text)
    assert collection.title == TITLE
    assert set(FOOTER) <= set(removed_texts(collection))
    assert paragraphs(collection)[-1] == ONE_PARAGRAPH


def test_a_long_line_naming_a_control_under_the_paragraph_anchors_nothing(tmp_path):
    notice = "请关注本网站首页发布的后续通知"
    text = lines(REPORT_HEAD, "信息来源：省发改委", ONE_PARAGRAPH, notice, FOOTER[2:])
    collection = collection_of(tmp_path, text)
    assert notice not in removed_texts(collection)


def test_a_sentence_opening_with_xinxi_laiyuan_is_no_property(tmp_path):
    said = "信息来源广泛是本次调研的特点，调研组共走访企业三十余家，收集意见建议一百余条。"
    collection = collection_of(tmp_path, lines(REPORT_HEAD, said, NEWS_BODY))
    assert said in paragraphs(collection)
