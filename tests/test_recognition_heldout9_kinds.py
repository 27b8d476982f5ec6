"""The families of convention first met on the ninth held-out set, part A
(news pages: a portal's repost of a wire digest, a national paper's
discipline report, a theory column on a news agency's site): the site's
masthead over the headline, a kicker, the source alone under the headline,
the page's tools, what follows the story, no-break spaces in the page's
furniture, the dateline hidden for spiders, a writer glued to the unit, a
counted point. Each family from a real line of those pages, and a near miss
the rule must leave alone."""

from __future__ import annotations

from support import articles, authors, collection_of, headings, lines, removed, texts

from handbook.patterns import (
    COPYRIGHT_LINE,
    DEBRIS,
    FONT_SIZE,
    HIDDEN_DATELINE,
    HOME_LINK,
    NAME_GLUED_UNIT,
    ORDINAL_POINT,
    SPAN_DEBRIS,
)
from handbook.patterns.debris import SITE_ADDRESS_LINE, SOURCE_UNDER_CREDIT
from handbook.structure.debris import ANY_DEBRIS, first_match
from handbook.structure.survey import nbsp_breaks

BODY = [
    "安徽省司法厅日前出台《领导干部廉洁自律预警告诫工作暂行办法》，以加强对司法行政系统领导干部的"
    "监督管理，完善惩治和预防腐败体系。",
    "办法提出，开展领导干部廉洁自律预警告诫工作，旨在对反映领导干部廉洁自律问题的来信来访、"
    "社会舆论和群众意见澄清情况；对发现苗头性、倾向性问题的领导干部，及时警示提醒、训诫纠错，"
    "逐步建立起集提醒防范、动态监督和保护挽救于一体的干部监督机制。",
]


def rule_of(text: str) -> str | None:
    found = first_match(DEBRIS, text) if ANY_DEBRIS.search(text) else None
    return found[0].name if found else None


# --- the site's masthead over the headline --------------------------------------------

MASTHEAD = [
    "报料 注册 登录",
    "下载APP",
    "一级视场",
    "及时现场，洞察财经事件",
    "湃客科技",
    "聚焦前沿，展现新兴企业",
    "问政",
    "记录公益发展，共建责任生态。",
    "首页 > 中南海",
]
HEADLINE = "新年伊始，习近平的重要文章谈了啥？"


def test_a_news_masthead_over_the_headline_and_its_dateline_is_debris(tmp_path):
    text = lines(MASTHEAD, HEADLINE, "新华社", "2020-01-03 18:13", BODY)
    collection = collection_of(tmp_path, text)
    assert collection.title == HEADLINE
    assert {t for _, t in removed(collection)} >= set(MASTHEAD)
    [essay] = collection.essays
    assert authors(essay) == [("新华社", "来源")]  # the outlet alone over the date
    assert essay.date == "2020-01-03 18:13"
    assert headings(collection) == []


def test_the_masthead_needs_the_home_link_and_the_dateline(tmp_path):
    no_home = [t for t in MASTHEAD if not t.startswith("首页")]
    collection = collection_of(tmp_path, lines(no_home, HEADLINE, "2020-01-03 18:13", BODY))
    assert not any(r == HOME_LINK.name for r, _ in removed(collection))
    undated = collection_of(tmp_path, lines(MASTHEAD, HEADLINE, BODY))
    assert not any(r == HOME_LINK.name for r, _ in removed(undated))


def test_the_masthead_stops_over_the_headline_its_deck_and_the_site_s_address(tmp_path):
    # a portal's page: the headline, its deck, the site's name and address,
    # then the date (a repost of a city paper's editorial)
    headline, deck = "为现代化巴彦淖尔建设凝聚强大智慧和力量", "——热烈祝贺市政协五届一次会议开幕"
    site = "巴彦淖尔市政府门户网站 www.bynr.gov.cn"
    menu = ["中央政府门户网站", "中国内蒙古", "首页", "市情概况", "信息公开", "政务服务"]
    menu += ["互动交流", "投资指南", "三农服务"]
    collection = collection_of(
        tmp_path, lines(menu, headline, deck, site, "2022-02-11 09:52", BODY)
    )
    assert collection.title == headline
    assert {t for r, t in removed(collection) if r == HOME_LINK.name} == set(menu)
    assert SITE_ADDRESS_LINE.match(site) and not SITE_ADDRESS_LINE.match("巴彦淖尔市政府门户网站")


def test_the_home_link_opens_a_bar_or_a_trail_not_a_sentence():
    assert HOME_LINK.match("首页 滚动 国内 国际 军事 社会 财经 产经 房产")
    assert HOME_LINK.match("首页")
    assert not HOME_LINK.match("首页设计大赛圆满结束")


def test_a_law_page_s_header_links_and_menu_over_its_removed_property_line(tmp_path):
    menu = ["添加收藏夹 | 设为首页 | 关于我们", "首页", "机构职能", "校内制度", "学思践悟"]
    menu += ["警钟长鸣", "宣传教育", "文献资料", "中纪委监察部", "教育部", "■ 纪检监察"]
    text = lines(
        menu, "中华人民共和国监察法", "来源: | 发布时间: 2018-05-17 | 浏览次数: 2168", BODY
    )
    collection = collection_of(tmp_path, text)
    assert collection.title == "中华人民共和国监察法"
    assert {t for _, t in removed(collection)} >= set(menu)


# --- a kicker over the headline the page names again ---------------------------------

KICKER = "安徽司法行政系统推行领导干部训诫预警"
PAPER_HEADLINE = "安徽司法行政系训诫预警：“揪揪耳朵”防腐败"
DATELINE = "2009年11月09日00:00  来源：人民网-《人民日报》"
RECORD = f"1001|||10339009|||{PAPER_HEADLINE}|||2009年11月09日00:00"


def test_a_kicker_over_the_headline_named_again_is_the_subtitle(tmp_path):
    collection = collection_of(tmp_path, lines(KICKER, PAPER_HEADLINE, DATELINE, BODY, RECORD))
    [essay] = collection.essays
    assert (essay.title, essay.subtitle) == (PAPER_HEADLINE, KICKER)


def test_two_title_lines_with_neither_named_again_keep_the_first_as_title(tmp_path):
    collection = collection_of(tmp_path, lines(KICKER, PAPER_HEADLINE, DATELINE, BODY))
    assert collection.essays[0].title == KICKER  # no evidence which is the headline


# --- the page's tools under the dateline -------------------------------------------------


def test_the_font_size_control_and_the_tools_under_it_are_debris(tmp_path):
    tools = ["【字号 大 中 小】", "打印", "留言", "论坛", "网摘", "手机点评", "纠错", "E-mail推荐:"]
    collection = collection_of(tmp_path, lines(PAPER_HEADLINE, DATELINE, tools, BODY))
    assert [t for r, t in removed(collection) if r == FONT_SIZE.name] == [
        *tools[:-1],
        "E-mail推荐：",
    ]
    assert texts(collection)[0] == BODY[0]


def test_the_font_size_control_stops_at_a_numbered_heading():
    assert (
        FONT_SIZE.match("字号")
        and FONT_SIZE.match("字号：")
        and FONT_SIZE.match("【字号 大 中 小】")
    )
    assert not FONT_SIZE.match("字号大小的规定")


# --- what follows a news story ------------------------------------------------------------

RELATED = [
    "“计件反腐”是指标思维下的政绩阴谋",
    "公众反腐愿通过何渠道？调查显示“网络曝光”列第一",
    "中国检察机关加大查办职务犯罪力度 保持高压反腐",
]
AFTER = [
    "相关专题",
    "我要发表留言",
    "小飞侠sk 14小时前",
    "这三方面论述简单明了，支持习总书记",
    "16 | 回复",
    "工程院院士李宁犯贪污罪一审获刑十二年，罚款300万",
    "本网站所刊载信息，不代表中新社和中新网观点。",
]


def test_the_staff_s_credit_closes_the_story_and_the_rest_is_the_page(tmp_path):
    text = lines(PAPER_HEADLINE, DATELINE, BODY, RELATED, "（责任编辑：刘则华）", RECORD, AFTER)
    collection = collection_of(tmp_path, text)
    assert texts(collection) == BODY
    got = dict((t, r) for r, t in removed(collection))
    assert {got[t] for t in RELATED} == {"related-headlines"}
    assert got["（责任编辑：刘则华）"] == "editor-credit"
    assert all(t in got for t in AFTER)


def test_a_paragraph_after_the_credit_keeps_the_page_s_end_open(tmp_path):
    more = (
        "这是另一篇报道的正文第一段，它比一条评论或者一条标题要长得多，讲的是另外一件事情，"
        "不是网页的栏目，读者会把它当作正文来读。"
    )
    text = lines(PAPER_HEADLINE, DATELINE, BODY, "（责任编辑：刘则华）", AFTER[:2], more)
    collection = collection_of(tmp_path, text)
    assert more in texts(collection)


def test_the_source_under_the_closing_credit_is_the_text_s(tmp_path):
    credit, source = "编辑： 吕峥", "来源： 千龙网"
    text = lines(PAPER_HEADLINE, DATELINE, BODY, credit, source, "我要说说 　 打印 　 推荐")
    collection = collection_of(tmp_path, text)
    got = dict((t, r) for r, t in removed(collection))
    assert got[credit] == "editor-credit" and got["我要说说 　 打印 　 推荐"] == "page-buttons"
    assert source not in got
    assert not SOURCE_UNDER_CREDIT.match("来源：本站原创 作者：佚名")  # a property line
    credits = [a for item in (*collection.essays, *articles(collection)) for a in authors(item)]
    assert ("千龙网", "来源") in credits


def test_two_closing_lines_before_the_credit_are_the_text_s(tmp_path):
    closing = ["某某党支部", "2020年5月1日"]
    text = lines(PAPER_HEADLINE, DATELINE, BODY, closing, "（责任编辑：刘则华）")
    collection = collection_of(tmp_path, text)
    assert not any(r == "related-headlines" for r, _ in removed(collection))


def test_credits_and_promotion_after_a_story():
    assert rule_of("【编辑:陈海峰】") == "editor-credit"
    assert rule_of("（本文来自澎湃新闻，更多原创资讯请下载“澎湃新闻”APP）") == "app-promotion"
    assert rule_of("（来自大河网）") is None  # a source credited alone is the text's
    assert rule_of("编辑部的故事") is None
    slash = next(r for r in SPAN_DEBRIS if r.name == "staff-credit-slash")
    found = slash.pattern.search("医技药剂党支部、药剂科供稿  摄影/张艳  编辑/苏芳")
    assert found and found.group(0).strip() == "摄影/张艳  编辑/苏芳"
    assert not slash.pattern.search("图/文")


def test_the_copyright_line_owner_first_and_spread_letter_by_letter():
    assert COPYRIGHT_LINE.match(
        "版权所有 湖南省中医药研究院附属医院\u3000Copyright © 2018 All rights reserved."
    )
    assert COPYRIGHT_LINE.match(
        "Copyright © 2014~2020 The Paper All rights reserved.上海东方报业有限公司"
    )
    assert rule_of("人 民 网 版 权 所 有, 未 经 书 面 授 权 禁 止 使 用") == "site-footer"
    assert not COPYRIGHT_LINE.match("版权所有的问题需要认真对待。")


# --- no-break spaces in the page's furniture ---------------------------------------------


def test_no_break_spaces_in_the_furniture_make_no_paragraph_breaks():
    furniture = [
        "2009年11月09日00:00\u00a0 \u00a0 来源：人民网-《人民日报》",
        "人\u00a0 民\u00a0 网\u00a0 版\u00a0 权\u00a0 所\u00a0 有",
        "位置：首页\u00a0>\u00a0\u00a0新闻动态",
    ]
    assert not nbsp_breaks(furniture)
    prose = (
        "第一段写在这里，讲了很多事情。写得很长很长，一直写到这一句话的最后结束为止"
        "\u00a0\u00a0第二段从这里开始写，也写得很长很长，一直写到这里"
    )
    assert nbsp_breaks([prose, prose])


# --- the dateline hidden for spiders, the comment button -----------------------------------

HIDDEN = "2020-07-04 12:10:24 来源：求是网 作者：陈海峰 责任编辑：陈海峰"
SHOWN = "2020年07月04日 12:10\u3000来源：求是网参与互动"


def test_the_dateline_hidden_for_spiders_over_the_shown_one_is_debris(tmp_path):
    collection = collection_of(tmp_path, lines("坚定实施扩大内需战略", HIDDEN, SHOWN, BODY))
    assert (HIDDEN_DATELINE.name, HIDDEN) in removed(collection)
    [essay] = collection.essays
    assert authors(essay) == [("求是网", "来源")]
    assert essay.date == "2020年07月04日 12:10"


def test_a_dateline_with_its_editor_alone_is_kept(tmp_path):
    collection = collection_of(tmp_path, lines("坚定实施扩大内需战略", HIDDEN, BODY))
    assert not any(r == HIDDEN_DATELINE.name for r, _ in removed(collection))


# --- a writer's name glued to the unit ---------------------------------------------------


def test_a_writer_glued_to_the_unit_and_title_is_parted():
    glued = NAME_GLUED_UNIT.match("方敏北京大学经济学院教授")
    assert glued and (glued["name"], glued["unit"]) == ("方敏", "北京大学经济学院")
    assert not NAME_GLUED_UNIT.match(
        "方敏北京大学学生"
    )  # no title: nothing says where the name ends


def test_the_closing_credit_names_the_writer_alone(tmp_path):
    text = lines("坚定实施扩大内需战略", SHOWN, BODY, "（作者：方敏北京大学经济学院教授）")
    [article] = articles(collection_of(tmp_path, text))
    assert [(a.name, a.unit, a.role) for b in article.bylines for a in b.authors] == [
        ("方敏", "北京大学经济学院", "作者")
    ]


# --- a counted point that is one sentence ------------------------------------------------


def test_a_counted_point_of_one_sentence_is_text_not_a_heading(tmp_path):
    point = "第一，中国特色社会主义制度和国家治理体系具有深厚的历史底蕴。"
    assert ORDINAL_POINT.match(point)
    assert not ORDINAL_POINT.match("第三，严格遵守和执行制度。制度的生命力在于执行。")
    assert not ORDINAL_POINT.match("第一，更深刻了解了群众路线的内涵")
    text = lines("学习体会", BODY[0], point, BODY[1])
    assert headings(collection_of(tmp_path, text)) == []


def test_a_counted_head_glued_to_its_paragraph_still_heads_it(tmp_path):
    glued = "第六，群众路线在自身工作实践中的落实 （1）进入单位以来，努力提高自己的业务水平。"
    assert not ORDINAL_POINT.match(glued)
    text = lines("学习体会", BODY[0], glued, BODY[1])
    assert headings(collection_of(tmp_path, text)) == ["第六，群众路线在自身工作实践中的落实"]
