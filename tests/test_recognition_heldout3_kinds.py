"""The kinds of error first met on the third held-out set, each as a general
rule a careful reader uses on any web page: small texts written by hand in
the same forms (not the corpus texts), and what a reader sees in them."""

from __future__ import annotations

import pytest
from support import (
    articles,
    authors,
    collection_of,
    doubts,
    headings,
    kept_words,
    removed,
    texts,
)

from handbook.chars import han
from handbook.model import Heading, Paragraph

# --- a page's furniture: a sidebar of dated links, the column label, the CMS line ------

COLUMN_PAGE = """相关阅读
街道开展垃圾分类宣传周活动…[03-12]
社区志愿服务队走进养老院[03-08]
镇党委召开一季度工作推进会[03-01]
当前位置：首页 > 理论学习>     学习园地
学习园地
社区治理的新探索
文章来源：本站原创 作者：刘文清 发布时间：2021年03月05日 点击数：          次
社区治理的新探索
刘文清
2021年03月01日08:30    来源：某某网-理论频道
近年来，各地在社区治理上做了大量探索，积累了不少经验，值得认真总结和推广。
社区治理的关键在于发动群众，让居民从旁观者变成参与者，共同建设美好家园。
【打印正文】
"""


def test_a_sidebar_of_dated_links_above_the_page_is_debris_not_articles(tmp_path):
    collection = collection_of(tmp_path, COLUMN_PAGE)
    links = [t for rule, t in removed(collection) if rule == "sidebar-links"]
    assert links == [
        "街道开展垃圾分类宣传周活动…[03-12]",
        "社区志愿服务队走进养老院[03-08]",
        "镇党委召开一季度工作推进会[03-01]",
    ]
    assert ("related-links", "相关阅读") in removed(collection)
    assert collection.title == "社区治理的新探索"  # not a link of the sidebar
    assert len(collection.essays) == 1 and len(articles(collection)) == 1


def test_the_breadcrumbs_last_step_alone_is_the_column_label(tmp_path):
    collection = collection_of(tmp_path, COLUMN_PAGE)
    assert ("breadcrumb", "学习园地") in removed(collection)
    assert "学习园地" not in texts(collection)


def test_a_property_line_naming_the_author_given_again_below_is_read_whole(tmp_path):
    collection = collection_of(tmp_path, COLUMN_PAGE)
    cms = "文章来源：本站原创 作者：刘文清 发布时间：2021年03月05日 点击数：          次"
    assert ("cms-properties", cms) in removed(collection)  # whole, nothing left half
    assert collection.date == "2021年03月05日"  # its date is still the page's
    (article,) = articles(collection)
    assert article.title == "社区治理的新探索"  # the title given again
    assert authors(article) == [("刘文清", ""), ("某某网-理论频道", "来源")]
    assert article.date == "2021年03月01日08:30"
    assert texts(collection)[-1].startswith("社区治理的关键在于发动群众")


@pytest.mark.parametrize(
    "counter, body",
    [
        # the author found nowhere else: the line is the byline, its counter cut out
        (
            "点击数：120",
            "近年来，各地在社区治理上做了大量探索，积累了不少经验，值得认真总结和推广。",
        ),
        # the author only mentioned in the text, never alone on a line
        (
            "点击数：",
            "近年来，刘文清所在的社区在治理上做了大量探索，积累了不少经验，值得认真总结。",
        ),
    ],
)
def test_a_property_line_whose_author_stands_nowhere_alone_stays_the_byline(
    tmp_path, counter, body
):
    cms = f"文章来源：本站原创 作者：刘文清 发布时间：2021年03月05日 {counter}"
    collection = collection_of(tmp_path, f"社区治理的新探索\n{cms}\n{body}\n")
    [essay] = collection.essays
    assert [a.name for b in essay.bylines for a in b.authors] == ["刘文清"]
    assert ("cms-properties", cms) not in removed(collection)
    if counter.removeprefix("点击数："):
        assert ("hit-counter", counter) in removed(collection)


def test_a_lone_dated_line_in_the_text_is_no_sidebar(tmp_path):
    text = (
        "会议纪要\n"
        "本次会议讨论了三项议题，形成了一致意见，并明确了各项工作的责任人和完成时限。\n"
        "下次会议时间另行通知[03-12]\n"
        "会议要求，各部门要按照分工抓好落实，确保各项任务按时保质完成，不打折扣。\n"
    )
    collection = collection_of(tmp_path, text)
    assert not any(rule == "sidebar-links" for rule, _ in removed(collection))
    assert "下次会议时间另行通知[03-12]" in texts(collection)


def test_undated_links_between_a_boxs_heading_and_its_more_link_are_debris(tmp_path):
    text = (
        "热门文章\n"
        "学习贯彻党的二十大精神心得体会\n"
        "如何做好新时代基层党建工作\n"
        "更多>>\n"
        "社区治理的新探索\n"
        "近年来，各地在社区治理上做了大量探索，积累了不少经验，值得认真总结和推广。\n"
    )
    collection = collection_of(tmp_path, text)
    assert [t for rule, t in removed(collection) if rule == "sidebar-links"] == [
        "学习贯彻党的二十大精神心得体会",
        "如何做好新时代基层党建工作",
    ]
    assert collection.title == "社区治理的新探索"


def test_short_lines_under_a_boxs_heading_that_nothing_closes_stay(tmp_path):
    text = (
        "相关阅读\n"
        "社区治理的新探索\n"
        "近年来，各地在社区治理上做了大量探索，积累了不少经验，值得认真总结和推广。\n"
    )
    collection = collection_of(tmp_path, text)
    assert removed(collection) == [("related-links", "相关阅读")]
    assert collection.title == "社区治理的新探索"


def test_a_more_link_is_debris(tmp_path):
    text = (
        "学习心得\n通过学习，我深刻认识到理论武装的重要性，决心在今后的工作中学以致用。\n更多>>\n"
    )
    collection = collection_of(tmp_path, text)
    assert ("site-boilerplate", "更多>>") in removed(collection)


# --- a lone byline under the title --------------------------------------------------


def test_a_name_alone_between_a_title_and_the_text_is_the_byline_not_a_title(tmp_path):
    text = (
        "学习简报\n"
        "基层治理的几点思考\n"
        "张明远\n"
        "基层是国家治理的基础，基层治理水平直接关系到人民群众的获得感、幸福感和安全感，不可忽视。\n"
        "治理的关键在于发动群众，让居民从旁观者变成参与者，共同建设美好家园，这是各地的经验。\n"
    )
    collection = collection_of(tmp_path, text)
    (article,) = articles(collection)
    assert article.title == "基层治理的几点思考"
    assert authors(article) == [("张明远", "")]
    assert texts(collection)[1].startswith("基层是国家治理的基础")


# --- a column label over the title --------------------------------------------------

LABELLED_PAGE = """工作动态
市档案馆开展档案开放鉴定工作
本月以来，市档案馆组织专门力量，对到期档案开展开放鉴定，确保档案利用安全有序。
鉴定工作按照先易后难的原则分批推进，预计年底前完成全部到期档案的鉴定任务。
"""


def test_a_column_label_over_the_title_is_not_the_title(tmp_path):
    collection = collection_of(tmp_path, LABELLED_PAGE)
    assert collection.title == "市档案馆开展档案开放鉴定工作"
    assert ("column-label", "工作动态") in removed(collection)
    assert (1, "column-label") in doubts(collection)  # a guess from the page's shape


def test_a_column_label_over_a_title_and_its_date_is_not_the_title(tmp_path):
    text = LABELLED_PAGE.replace("工作\n本月以来", "工作\n2021-03-05 10:20\n本月以来", 1)
    collection = collection_of(tmp_path, text)
    assert (collection.title, collection.date) == (
        "市档案馆开展档案开放鉴定工作",
        "2021-03-05 10:20",
    )
    assert ("column-label", "工作动态") in removed(collection)


def test_a_column_name_with_the_text_right_under_it_is_the_title(tmp_path):
    text = (
        "工作动态\n本月以来，市档案馆组织专门力量，对到期档案开展开放鉴定，确保档案利用安全有序。\n"
    )
    collection = collection_of(tmp_path, text)
    assert collection.title == "工作动态"
    assert removed(collection) == []


# --- a dateline glued to its source ---------------------------------------------------

GLUED_DATELINE = """某某集团召开安全生产专题会议
2020-05-06来源：某某集团有限公司
5月6日上午，某某集团有限公司召开安全生产专题会议，会议以压实责任为主题，集团领
导班子成员和各部门负责人参加会议，会议传达了上级关于安全生产的最新部署和要
求，分析了当前面临的形势，对下一阶段的重点工作作出了安排，要求各单位层层压
实责任，确保不发生安全事故。
"""


def test_a_date_glued_to_its_source_is_a_dateline_never_a_hard_wrap(tmp_path):
    collection = collection_of(tmp_path, GLUED_DATELINE)
    [essay] = collection.essays
    assert essay.date == "2020-05-06"
    assert [(a.name, a.role) for b in essay.bylines for a in b.authors] == [
        ("某某集团有限公司", "来源")
    ]
    body = texts(collection)
    assert body[0].startswith("5月6日上午")  # not joined to the dateline
    assert body[0].endswith("确保不发生安全事故。")  # the wrapped lines still joined


def test_a_date_is_kept_as_written_with_its_time(tmp_path):
    text = (
        "学习体会\n"
        "发布时间：2021-03-05 14:20:11\n"
        "通过学习，我深刻认识到理论武装的重要性，决心在今后的工作中学以致用。\n"
    )
    collection = collection_of(tmp_path, text)
    assert collection.date == "2021-03-05 14:20:11"


# --- titles that hold a quoted slogan's commas, or end in a full stop ------------------

QUOTED_SLOGANS = """学习简报
街道召开“学思想、强党性”专题会
本周一，街道党工委召开专题会议，传达学习上级精神，部署下一阶段的重点工作任务。
会议要求，各社区要结合实际，制定具体措施，确保学习教育取得实实在在的成效。
社区开展“亮身份，作表率”主题党日
本周三，社区党委组织全体党员开展主题党日活动，党员们佩戴党徽，走进网格服务群众。
活动中，党员们帮助居民清理楼道杂物，宣传垃圾分类知识，受到居民的一致好评。
"""


def test_a_title_may_quote_a_slogan_with_its_commas(tmp_path):
    collection = collection_of(tmp_path, QUOTED_SLOGANS)
    assert [a.title for a in articles(collection)] == [
        "街道召开“学思想、强党性”专题会",
        "社区开展“亮身份，作表率”主题党日",
    ]


def test_a_sentence_with_a_comma_outside_quotes_stays_a_paragraph(tmp_path):
    text = QUOTED_SLOGANS.replace("社区开展“亮身份，作表率”主题党日", "社区开展活动，党员亮身份")
    collection = collection_of(tmp_path, text)
    assert [a.title for a in articles(collection)] == ["街道召开“学思想、强党性”专题会"]
    assert "社区开展活动，党员亮身份" in texts(collection)


# --- a text of records, one under each title line ---------------------------------------

RECORDS = """区里召开春季植树造林动员大会
3月1日，区里召开春季植树造林动员大会，全面部署今年的国土绿化工作，各街道主要负责人参会。
会议要求，各单位要早谋划、早动手，确保植树任务按时完成，成活率达到规定标准。
街道组织开展文明城市创建志愿服务活动
3月5日，街道组织机关干部和社区志愿者走上街头，清理卫生死角，劝导不文明行为，为创城助力。
主任王某主持活动。
社区志愿者表示，将把志愿服务坚持下去。
守住底线不放松   把安全生产责任落到实处。
3月8日，区安委会召开安全生产工作会议，通报了近期安全检查中发现的问题，部署了整改工作。
会议强调，各单位要牢固树立安全发展理念，守住安全底线，坚决遏制各类事故的发生。
两位区领导到基层联系点讲党课慰问党员
两位区领导到基层联系点讲党课慰问党员
张建国到东村讲党课
3月10日，区委副书记张建国到联系点东村为党员讲党课，勉励大家发挥先锋模范作用，带头干事创业。
李卫东到西村讲党课
3月11日，区委常委李卫东到联系点西村为党员讲党课，并看望慰问了生活困难的老党员，送去慰问品。
"""


def test_reports_under_lone_title_lines_with_no_title_of_the_whole_are_essays(tmp_path):
    collection = collection_of(tmp_path, RECORDS)
    assert [e.title for e in collection.essays] == [
        "区里召开春季植树造林动员大会",
        "街道组织开展文明城市创建志愿服务活动",
        "守住底线不放松   把安全生产责任落到实处。",  # short, alone, over the text
        "两位区领导到基层联系点讲党课慰问党员",
    ]
    assert collection.title_line == 0  # no title of the whole
    assert (1, "records") in doubts(collection)  # read from the text's shape: a guess
    assert (8, "title-ends-sentence") in doubts(collection)
    second = collection.essays[1].articles[0]
    # short sentences under a report (captions of lost pictures) stay its text
    assert [b.text for b in second.blocks][-2:] == [
        "主任王某主持活动。",
        "社区志愿者表示，将把志愿服务坚持下去。",
    ]


def test_a_title_given_twice_is_one_title_and_no_character_is_lost(tmp_path):
    collection = collection_of(tmp_path, RECORDS)
    record = collection.essays[-1]
    (article,) = record.articles
    title = "两位区领导到基层联系点讲党课慰问党员"
    assert (record.title, article.title) == (title, title)  # the repeat: the article's title
    first = next(b for b in article.blocks if isinstance(b, Paragraph))
    assert first.text.startswith("3月10日")
    assert han(kept_words(collection)) == han(RECORDS)


def test_part_heads_under_a_title_given_twice_are_headings_not_records(tmp_path):
    collection = collection_of(tmp_path, RECORDS)
    assert len(collection.essays) == 4
    assert headings(collection) == ["张建国到东村讲党课", "李卫东到西村讲党课"]
    assert [d for d in doubts(collection) if d[1] == "part-head"] == [
        (13, "part-head"),
        (15, "part-head"),
    ]
    assert all(
        h.depth == 1 for a in articles(collection) for h in a.blocks if isinstance(h, Heading)
    )


def test_an_essay_with_short_section_heads_is_no_text_of_records(tmp_path):
    text = (
        "学习党史的几点体会\n"
        "通过这段时间的党史学习，我对党的奋斗历程有了更深的认识，也更加坚定了理想信念。\n"
        "坚定理想信念\n"
        "理想信念是共产党人的精神之钙，只有坚定理想信念，才能经受住各种风浪的考验。\n"
        "践行初心使命\n"
        "初心使命是激励共产党人不断前进的根本动力，我们要把初心使命落实到具体工作中。\n"
    )
    collection = collection_of(tmp_path, text)
    assert [e.title for e in collection.essays] == ["学习党史的几点体会"]
    assert collection.title == "学习党史的几点体会"


def test_a_study_materials_title_over_its_reports_stays_the_title_of_the_whole(tmp_path):
    text = RECORDS.replace(
        "区里召开春季植树造林动员大会\n3月1日", "三月份党员学习参考材料\n3月1日", 1
    )
    collection = collection_of(tmp_path, text)
    assert collection.title == "三月份党员学习参考材料"
    assert len(collection.essays) == 1


def test_the_parts_of_a_speech_are_headings_not_articles(tmp_path):
    text = (
        "在全县教育工作会议上的讲话\n"
        "同志们：\n"
        "今天我们召开全县教育工作会议，主要任务是总结去年工作，部署今年的重点任务。\n"
        "第一部分\n"
        "过去一年，全县教育系统攻坚克难，办学条件明显改善，教育质量稳步提升，成绩来之不易。\n"
        "第二部分 今年的重点任务\n"
        "今年的工作，要聚焦立德树人根本任务，深化教育改革，补齐农村学校短板，办好每一所学校。\n"
    )
    collection = collection_of(tmp_path, text)
    assert [e.title for e in collection.essays] == ["在全县教育工作会议上的讲话"]
    assert len(articles(collection)) == 1
    assert headings(collection) == ["第一部分", "第二部分 今年的重点任务"]
