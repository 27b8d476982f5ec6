"""The families of page furniture first met on the tenth held-out set, part
B (an evening paper's channel menu, a digital edition's calendar, a
disclosure platform's property table given twice, a portal's menu bar and
buttons, the boxes and footers after the text): hand-written lines in the
same forms, or real lines of those pages, and a near miss each that must be
left alone, above all the headline under the furniture."""

from __future__ import annotations

from support import NEWS_BODY, TITLE, collection_of, kept_words, lines, removed

from handbook.patterns import DEBRIS
from handbook.patterns.debris import DOUBLE_ARROW_TRAIL, HOME_LINK
from handbook.patterns.doubts import MENU_TITLE, SITE_NAME_TITLE
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


# --- a disclosure platform's head: trail, property table given twice, share box ---------

PLATFORM_TRAIL = (
    "吉林省政府信息公开专栏\u00a0>>\u00a0吉林省人民政府\u00a0>>\u00a0政府信息公开基础平台"
)
NOTICE_TITLE = ["吉林省人民政府关于禁止在", "吉林省嫩江干流补充治理工程建设"]
NOTICE_TITLE += ["征占地范围内新增建设项目", "和迁入人口的通告"]
WHOLE_TITLE = "".join(NOTICE_TITLE)
TABLE = ["索 \u00a0引 号：", "11220000013544357T/2022-00426", "分\u00a0\u00a0类：", "通告"]
TABLE += ["发文机关：", "吉林省人民政府", "成文日期：", "2022年01月27日"]
TABLE += [
    "标\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0题：",
    WHOLE_TITLE,
    "发文字号：",
    "吉政明电〔2022〕1号",
]
TABLE += ["发布日期：", "2022年01月28日"]
NOTICE_BODY = [
    "为做好吉林省嫩江干流补充治理工程建设，确保工程前期建设征地实物调查工作顺利进行，"
    "维护相关单位和人民群众的合法权益，现就有关事项通告如下。",
    "特此通告。",
]


def test_a_property_table_given_twice_with_labels_spread_by_no_break_spaces(tmp_path):
    head = ["登录", "注册", PLATFORM_TRAIL, *TABLE, *TABLE, "X", "分享到\u00a0-\u00a0微信"]
    collection = collection_of(tmp_path, lines(head, NOTICE_TITLE, NOTICE_BODY))
    assert [t for _, t in removed(collection)] == head
    assert collection.title == WHOLE_TITLE
    assert collection.date == "2022年01月28日"  # the table's 发布日期, the page's date
    joins = [r for r in collection.repairs if r.rule == "document-title-broken"]
    assert [r.line for r in joins] == [len(head) + 1, len(head) + 2, len(head) + 3]


def test_an_empty_title_cell_over_the_document_s_own_title_leaves_the_title(tmp_path):
    # the value under the last label begins the title the table gave: the
    # document's own head, not a cell, for no label follows it
    table = ["索 引 号：", "000014349/2022-00426", "标　　题：", WHOLE_TITLE, "发文字号："]
    collection = collection_of(tmp_path, lines(table, WHOLE_TITLE, NOTICE_BODY))
    assert collection.title == WHOLE_TITLE
    assert [t for _, t in removed(collection)] == table


def test_a_double_arrow_trail_is_steps_to_its_end():
    assert rule_of(PLATFORM_TRAIL) is None  # a trail is tried only by the arrow rules
    collection_trail = (
        "北京\u00a0>>\u00a0走近北京市妇女儿童工作委员会\u00a0>>\u00a0首页\u00a0>>\u00a0研究集萃"
    )
    assert DOUBLE_ARROW_TRAIL.match(collection_trail)
    assert DOUBLE_ARROW_TRAIL.match(PLATFORM_TRAIL)
    assert not DOUBLE_ARROW_TRAIL.match("更多>>")
    assert not DOUBLE_ARROW_TRAIL.match("点击进入 >> 查看详情，了解 >> 更多内容")


def test_the_share_box_and_its_close_mark_but_not_a_lone_letter(tmp_path):
    assert rule_of("分享到\u00a0-\u00a0微信") == "share-widget"
    assert rule_of("分享到朋友圈的照片引起了大家的共鸣。") is None
    # an X alone with no share box under it stays
    collection = collection_of(tmp_path, lines(TITLE, "X", NEWS_BODY))
    assert removed(collection) == []


def test_a_document_title_over_four_lines_is_joined_but_not_over_lines_of_text(tmp_path):
    collection = collection_of(tmp_path, lines(NOTICE_TITLE, NOTICE_BODY))
    assert collection.title == WHOLE_TITLE
    # no kind of document closes the lines: they are not one title
    unclosed = [*NOTICE_TITLE[:3], "和迁入人口的情况"]
    other = collection_of(tmp_path, lines(unclosed, NOTICE_BODY))
    assert other.title == NOTICE_TITLE[0]
    assert not [r for r in other.repairs if r.rule == "document-title-broken"]


# --- a portal's menu bar, buttons and property line; a site's name and address --------

MENU_BAR = (
    "首页\u3000组织机构\u3000工作动态\u3000纲要规划\u3000国际项目\u3000理论文摘\u3000为您服务"
)
REPORT_TITLE = "北京市儿童(13-15岁)心理素质发展现状调查研究报告"
PORTAL_DATE = "http://www.qianlong.com/ \u3000 2005-03-06 16:17:00"
REPORT_TRAIL = (
    "北京\u00a0>>\u00a0走近北京市妇女儿童工作委员会\u00a0>>\u00a0首页\u00a0>>\u00a0研究集萃"
)


def test_a_portal_s_menu_bar_trail_and_buttons_over_the_headline(tmp_path):
    head = [MENU_BAR, REPORT_TRAIL, "推荐 \u3000 我要说说"]
    collection = collection_of(tmp_path, lines(head, REPORT_TITLE, PORTAL_DATE, NEWS_BODY))
    assert [t for _, t in removed(collection)] == [*head, "http://www.qianlong.com/"]
    assert collection.title == REPORT_TITLE.replace("(", "（").replace(")", "）")
    assert collection.date == "2005-03-06 16:17:00"  # the property line's date is kept


def test_the_home_link_in_a_sentence_and_buttons_named_in_text_stay():
    assert rule_of(MENU_BAR) == "site-menu"
    assert rule_of("首页 今日 推出 专题") == "site-menu"
    assert rule_of("首页　新闻　公告") is None  # two items: too few for a bar
    assert rule_of("首页上线了新的栏目，欢迎大家推荐。") is None
    assert rule_of("我要说说 \u3000 打印 \u3000 推荐") == "page-buttons"
    assert rule_of("打印本页") == "page-buttons"
    assert rule_of("推荐") is None  # one word alone may be the text's
    assert rule_of("推荐优秀党员参加表彰") is None


def test_the_site_s_address_cut_before_a_date_but_not_from_a_sentence(tmp_path):
    collection = collection_of(tmp_path, lines(TITLE, PORTAL_DATE, NEWS_BODY))
    assert ("site-address", "http://www.qianlong.com/") in removed(collection)
    kept = collection_of(
        tmp_path, lines(TITLE, "详见www.qianlong.com 2005-03-06发布的通知。", NEWS_BODY)
    )
    assert not [r for r, _ in removed(kept) if r == "site-address"]


def test_the_site_s_name_and_address_line_and_the_count_under_the_buttons(tmp_path):
    headline, deck = "为现代化巴彦淖尔建设凝聚强大智慧和力量", "——热烈祝贺市政协五届一次会议开幕"
    site = "巴彦淖尔市政府门户网站 www.bynr.gov.cn \u2002\u2002\u2002"
    text = lines(headline, deck, site, "2022-02-11 09:52", "打印本页", "0", NEWS_BODY)
    collection = collection_of(tmp_path, text)
    assert [t for _, t in removed(collection)] == [site.rstrip(), "打印本页", "0"]
    [essay] = collection.essays
    assert [a.title for a in essay.articles] == [None]  # the site's name titles no article
    assert essay.date == "2022-02-11 09:52"


def test_a_number_alone_with_no_buttons_over_it_stays(tmp_path):
    collection = collection_of(tmp_path, lines(TITLE, "2022-02-11 09:52", "0", NEWS_BODY))
    assert removed(collection) == []


# --- the column and link boxes over the footer ----------------------------------------

COPYRIGHT = "© 2015-2020 Henan Daily, All Rights Reserved 河南日报版权所有 豫ICP备05013524号"
LINK_BOXES = [
    "数字报",
    "精彩专栏",
    "豫政双周 清风中原 美丽河南 河南制造 中原风 点赞河南",
    "豫见",
    "友情链接",
    "百度新闻 新华网 人民网 解放网 四川日报 重庆日报 云南日报 河南政府网 北京青年报 更多>>",
    "关于河南日报 河南日报联系方式 关于本网 友情链接 广告服务 邮箱登录 版权声明 联系我们",
]


def test_column_and_link_boxes_over_the_copyright_line_are_the_footer(tmp_path):
    collection = collection_of(tmp_path, lines(TITLE, NEWS_BODY, LINK_BOXES, COPYRIGHT))
    assert [t for _, t in removed(collection)] == [*LINK_BOXES, COPYRIGHT]
    assert not [a for a in collection.essays[0].articles if a.title]  # no column titles one


def test_a_text_s_closing_lines_over_the_copyright_line_stay(tmp_path):
    # one bar of names, and no box's heading among the closing lines
    closing = [
        "洛阳职业技术学院",
        "文化与旅游学院党总支",
        "常书香 马丹阳 张明 李华",
        "宣传部",
        "2022年1月20日",
    ]
    collection = collection_of(tmp_path, lines(TITLE, NEWS_BODY, closing, COPYRIGHT))
    assert [t for _, t in removed(collection)] == [COPYRIGHT]
    headed = collection_of(tmp_path, lines(TITLE, NEWS_BODY, "友情链接", closing, COPYRIGHT))
    assert [t for _, t in removed(headed)] == [COPYRIGHT]  # one bar is no footer's boxes


# --- doubts: a menu item or a site's name taken for a title --------------------------


def test_the_menu_items_and_site_names_the_tenth_set_was_titled_by_are_doubted():
    for title in ["紫牛头条", "往期数字报刊", "登录", MENU_BAR]:
        assert MENU_TITLE.match(title), title
    assert SITE_NAME_TITLE.match("巴彦淖尔市政府门户网站 www.bynr.gov.cn")
    # the headlines under them are not
    for headline in [ROUNDUP_HEADLINE, EDITION_HEADLINE, WHOLE_TITLE, REPORT_TITLE]:
        assert not MENU_TITLE.match(headline) and not SITE_NAME_TITLE.match(headline)


# --- the headline given again under the page's date line --------------------------------


def test_the_headline_again_under_the_page_s_date_titles_the_one_article(tmp_path):
    collection = collection_of(tmp_path, lines(REPORT_TITLE, PORTAL_DATE, REPORT_TITLE, NEWS_BODY))
    [essay] = collection.essays
    [article] = essay.articles
    assert article.title == collection.title == essay.title
    assert article.title_rule == "repeated-title"


def test_another_line_under_the_page_s_date_is_no_repeat(tmp_path):
    other = "北京市儿童心理调研课题组"
    collection = collection_of(tmp_path, lines(REPORT_TITLE, PORTAL_DATE, other, NEWS_BODY))
    assert not [a for a in collection.essays[0].articles if a.title_rule == "repeated-title"]


# --- a deck under the headline, over the wire dateline opening the story ----------------

DECK = "去年改造户用卫生厕所4.66万座"
WIRE_LEAD = (
    "据新华社拉萨电（记者 格桑边觉）记者近日从西藏自治区农业农村厅召开的全区农牧业工作会议上了解到，"
    "2021年西藏改造户用卫生厕所4.66万座，农牧区人居环境持续改善。"
)


def test_a_deck_over_the_story_s_wire_dateline_is_the_subtitle(tmp_path):
    text = lines(ISSUE_DATE, EDITION_HEADLINE, DECK, WIRE_LEAD, NEWS_BODY)
    collection = collection_of(tmp_path, text)
    [essay] = collection.essays
    assert (essay.title, essay.subtitle) == (EDITION_HEADLINE, DECK)
    [article] = essay.articles
    assert article.title is None
    assert ("格桑边觉", "记者") in [(a.name, a.role) for a in essay.authors]


def test_short_lines_over_two_wire_stories_title_their_articles(tmp_path):
    second = "全区高标准农田建设完成年度任务"
    other_lead = WIRE_LEAD.replace("格桑边觉", "李华").replace("卫生厕所4.66万座", "高标准农田")
    text = lines(EDITION_HEADLINE, DECK, WIRE_LEAD, NEWS_BODY[0], second, other_lead)
    collection = collection_of(tmp_path, text)
    assert collection.essays[0].subtitle in (None, "")
    assert [a.title for a in collection.essays[0].articles] == [DECK, second]


def test_a_weekday_under_a_date_is_no_headline(tmp_path):
    text = lines("2022年1月1日", "星期六", NEWS_BODY)
    assert collection_of(tmp_path, text).title_line == 0


def test_calendar_cells_over_a_headline_and_the_date_under_it_leave_the_headline(tmp_path):
    # the cells show the masthead; the headline over its date is never part of it
    text = lines(EDITION_HEAD, EDITION_HEADLINE, DECK, ISSUE_DATE, NEWS_BODY)
    collection = collection_of(tmp_path, text)
    assert masthead(collection) == EDITION_HEAD
    assert collection.title == EDITION_HEADLINE
    assert DECK in kept_words(collection)


def test_a_bar_of_items_right_over_the_headline_is_the_masthead_s_not_a_headline(tmp_path):
    bar = "省委关注 豫政双周 省政府常务会 授权发布 人事任免 法治在线"
    text = lines(EDITION_HEAD, bar, EDITION_HEADLINE, ISSUE_DATE, NEWS_BODY)
    collection = collection_of(tmp_path, text)
    assert masthead(collection) == [*EDITION_HEAD, bar]
    assert collection.title == EDITION_HEADLINE


# --- the page's properties one a line between the headline and its date ----------------

PORTAL_MENU = [
    "热词：",
    "科普一下",
    "切换导航",
    "首页",
    "科普资讯",
    "科普视频",
    "科普大家",
    "科幻世界",
    "校园科普",
    "科普好书",
    "中国科普网",
]
SEMINAR_HEADLINE = "习近平主持召开深入推进长三角一体化发展座谈会"


def test_the_masthead_stops_over_a_headline_with_its_properties_under_it(tmp_path):
    # as the twelfth held-out set's science portal gives them: the source, the
    # author left empty, then the date
    properties = ["来源：新华社", "作者："]
    text = lines(PORTAL_MENU, SEMINAR_HEADLINE, properties, "2023-12-01 14:43", NEWS_BODY)
    collection = collection_of(tmp_path, text)
    assert masthead(collection) == PORTAL_MENU
    assert collection.title == SEMINAR_HEADLINE


def test_a_label_with_a_sentence_after_it_is_no_property_between_headline_and_date(tmp_path):
    # a line of text opened by a label is no property: no headline over the date
    label = "来源：本报综合报道，各地持续推进老旧小区改造工作。"
    text = lines(PORTAL_MENU, SEMINAR_HEADLINE, label, "2023-12-01 14:43", NEWS_BODY)
    assert masthead(collection_of(tmp_path, text)) == []
