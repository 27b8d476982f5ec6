"""The families of convention first met on the ninth held-out set, part B
(a hospital's report on its party branch, a national law on a discipline
office's page, the party constitution as an app ships it, a guide to
joining the party): hand-written texts in the same forms, or real lines of
them, and a near miss each that must not be taken; and the scorer's
finding of a piece joined across a span the converter removed."""

from __future__ import annotations

from support import (
    NEWS_BODY,
    articles,
    authors,
    collection_of,
    headings,
    kept_words,
    lines,
    paragraphs,
    removed,
)

from handbook.corpus.outline import Essay, Outline
from handbook.corpus.scoring import Source, matched_hans, starts
from handbook.model import SourceLine
from handbook.patterns import STATUTE_ARTICLE
from handbook.structure.glued import candidates


def all_authors(collection) -> list[tuple[str, str]]:
    """The names and roles of every byline, the essays' and their articles'."""
    return [x for e in collection.essays for item in (e, *e.articles) for x in authors(item)]


# --- the scorer: a piece joined across a removed span ---------------------------------------

DATE_LINE = "时间：2019年10月31日 23:00  浏览： 33"
LEAD = "本站讯（职工通讯员 李琴雯 刘会）为深入推进主题教育。"


def counter_removed(source: Source) -> set[int]:
    at = source.hans.index("浏览")
    return {at, at + 1}


def test_a_piece_joined_across_a_removed_counter_is_found():
    source = Source(f"{DATE_LINE}\n{LEAD}\n")
    joined = "时间：2019年10月31日 23:00" + LEAD
    removed = counter_removed(source)
    seen = matched_hans(source, [(1, joined)], (), removed)
    assert seen | removed == set(range(len(source.hans)))


def test_a_character_the_joined_piece_lacks_still_counts_as_lost():
    source = Source(f"{DATE_LINE}\n{LEAD}\n")
    joined = "时间：2019年10月31日 23:00" + LEAD.replace("深入", "深")
    removed = counter_removed(source)
    seen = matched_hans(source, [(1, joined)], (), removed)
    assert source.hans.index("深入") + 1 not in seen
    assert len(set(range(len(source.hans))) - seen - removed) > 0


# --- a statute: chapter heads, articles, the items of a list ------------------------------

STATUTE = [
    "中国共产党党章",
    "中国共产党是中国工人阶级的先锋队，同时是中国人民和中华民族的先锋队，是中国特色社会主义事业的领导核心。",
    "第一章党员",
    "第一条年满十八岁的中国工人、农民、军人、知识分子和其他社会阶层的先进分子，可以申请加入中国共产党。",
    "第二条中国共产党党员是中国工人阶级的有共产主义觉悟的先锋战士。",
    "中国共产党党员必须全心全意为人民服务，不惜牺牲个人的一切，为实现共产主义奋斗终身。",
    "第三条党员必须履行下列义务：",
    "(一)认真学习马克思列宁主义、毛泽东思想、邓小平理论和“三个代表”重要思想，学习科学发展观。",
    "(二)贯彻执行党的基本路线和各项方针、政策，带头参加改革开放和社会主义现代化建设。",
    "(三)坚持党和人民的利益高于一切。",
    "第二章党的组织制度",
    "第十条党是根据自己的纲领和章程，按照民主集中制组织起来的统一整体。",
    "严重触犯刑律的党员必须开除党籍。",
    "第十一章党徽党旗",
    "第五十二条中国共产党党旗为旗面缀有金黄色党徽图案的红旗。",
]


def test_a_statutes_chapter_heads_are_its_headings_and_its_articles_text(tmp_path):
    collection = collection_of(tmp_path, lines(STATUTE))
    assert headings(collection) == ["第一章党员", "第二章党的组织制度", "第十一章党徽党旗"]
    [article] = articles(collection)
    assert article.title is None
    body = paragraphs(collection)
    for line in [STATUTE[4], STATUTE[6], STATUTE[9], STATUTE[12], STATUTE[14]]:
        assert line.replace("(", "（").replace(")", "）") in body


def test_chapter_heads_spaced_as_printed_laws_are_headings(tmp_path):
    law = [
        "中华人民共和国监察法",
        "第一章　总　则",
        "第一条　为了深化国家监察体制改革，加强对所有行使公权力的公职人员的监督，制定本法。",
        "第二条　坚持中国共产党对国家监察工作的领导，构建集中统一、权威高效的中国特色国家监察体制。",
        "第二章　监察机关及其职责",
        "第七条　中华人民共和国国家监察委员会是最高监察机关。",
        "第九章　附　则",
        "第六十九条　本法自公布之日起施行。",
    ]
    collection = collection_of(tmp_path, lines(law))
    assert headings(collection) == ["第一章　总　则", "第二章　监察机关及其职责", "第九章　附　则"]


def test_a_point_numbered_as_an_article_of_another_text_is_no_statute_article():
    assert STATUTE_ARTICLE.match("第二条中国共产党党员是中国工人阶级的有共产主义觉悟的先锋战士。")
    assert STATUTE_ARTICLE.match("第三条　党员必须履行下列义务：")
    assert not STATUTE_ARTICLE.match("第一条体会")
    assert not STATUTE_ARTICLE.match("第一条：坚持学习。")


LAW_ITEMS = [
    "第十五条　监察机关对下列公职人员和有关人员进行监察：",
    "（一）中国共产党机关、人民代表大会及其常务委员会机关的公务员；",
    "（二）法律、法规授权或者受国家机关依法委托管理公共事务的组织中从事公务的人员；",
    "（三）国有企业管理人员；",
    "（六）其他依法履行公职的人员。",
    "第十六条　各级监察机关按照管理权限管辖本辖区内本法第十五条规定的人员所涉监察事项。",
]


def test_the_last_item_of_a_list_is_an_item_not_a_heading(tmp_path):
    law = ["中华人民共和国监察法", "第三章　监察范围和管辖", *LAW_ITEMS]
    law[6] = "（四）其他依法履行公职的人员。"  # the list goes on in order
    collection = collection_of(tmp_path, lines(law))
    assert headings(collection) == ["第三章　监察范围和管辖"]
    assert "（四）其他依法履行公职的人员。" in paragraphs(collection)


def test_run_in_items_of_a_guide_are_items_and_a_head_over_a_new_list_a_heading(tmp_path):
    guide = [
        "入党流程",
        "1、 团员推优的基本条件：已提交入党申请书，端正的入党动机，无挂科现象，关心同学、热爱集体等",
        "2、 推优时间：每年4月、11月",
        (
            "3、 推优程序：团总支下达团员推优的通知→年级大班、小班组织、民主决定推优人员→辅导员提供意见→院组"
            "织部审查→校团委审批→推优名单公示"
        ),
        "4、 推优名额：无特别限制，无固定的参考比例",
        "1、 成为发展对象程序：",
        "成为入党积极分子后的经过一年以上的培养考察→党支部听取联系人和党内外群众意见→支委会研究决定。",
    ]
    collection = collection_of(tmp_path, lines(guide))
    assert headings(collection) == ["1、 成为发展对象程序："]
    assert "2、 推优时间：每年4月、11月" in paragraphs(collection)
    assert "4、 推优名额：无特别限制，无固定的参考比例" in paragraphs(collection)


def test_numbered_headings_each_over_their_text_stay_headings_to_the_last(tmp_path):
    essay = [
        "学习心得",
        "一、提高认识",
        NEWS_BODY[0],
        "二、查找问题",
        NEWS_BODY[1],
        "三、整改落实。",
        NEWS_BODY[2],
    ]
    collection = collection_of(tmp_path, lines(essay))
    assert headings(collection) == ["一、提高认识", "二、查找问题", "三、整改落实。"]


# --- a sentence glued after another is no heading -----------------------------------------

GLUED_SENTENCE = (
    "各级纪律检查委员会要把处理特别重要或复杂的案件中的问题和处理的结果，向同级党的委员会报告。"
    "党的地方各级纪律检查委员会和基层纪律检查委员会要同时向上级纪律检查委员会报告。"
)


def test_a_sentence_glued_after_a_sentence_is_never_cut_into_a_title(tmp_path):
    text = lines(
        "中国共产党党章",
        NEWS_BODY[0],
        "党的各级纪律检查委员会每届任期和同级党的委员会相同。党的中央纪律检查委员会在党的中央委员会领导下进行工作。",
        GLUED_SENTENCE,
        "党的总支部委员会和支部委员会设纪律检查委员。党的基层委员会设立纪律检查委员会。",
    )
    collection = collection_of(tmp_path, text)
    assert GLUED_SENTENCE in paragraphs(collection)
    assert [a.title for a in articles(collection)] == [None]


def test_a_head_glued_before_a_sentence_opened_by_a_time_is_still_cut():
    pieces = [
        SourceLine(
            1,
            "这次来调研也是听听大家的意见。习近平：既要保证生产任务还要保证身体健康29日下午，他来到车间。",
        )
    ]
    cuts = candidates(0, pieces[0].text)
    assert [pieces[0].text[c.start : c.end] for c in cuts] == [
        "习近平：既要保证生产任务还要保证身体健康"
    ]


# --- a box's label over a list of points ---------------------------------------------------


def test_a_label_that_leads_into_numbered_points_is_text(tmp_path):
    label = "党的建设必须坚决实现以下四项基本要求："
    text = lines(
        "中国共产党党章",
        NEWS_BODY[0],
        label,
        "第一，坚持党的基本路线。全党要用邓小平理论、“三个代表”重要思想和党的基本路线统一思想。",
        "第二，坚持解放思想，实事求是，与时俱进。",
        NEWS_BODY[1],
    )
    collection = collection_of(tmp_path, text)
    assert headings(collection) == []
    assert label in paragraphs(collection)


def test_a_boxs_label_over_its_text_stays_a_heading(tmp_path):
    text = lines("人大代表话发展", NEWS_BODY[0], "代表委员小资料：", NEWS_BODY[1], NEWS_BODY[2])
    collection = collection_of(tmp_path, text)
    assert headings(collection) == ["代表委员小资料："]


# --- the property line: the date kept with its label, the rest removed --------------------

LAW_HEAD = [
    "中华人民共和国监察法",
    "来源: | 发布时间: 2018-05-17 | 浏览次数: 2168",
    "中华人民共和国监察法",
]


def test_a_property_line_of_an_empty_source_a_date_and_a_counter_keeps_its_dated_label(tmp_path):
    collection = collection_of(tmp_path, lines(LAW_HEAD, NEWS_BODY))
    gone = removed(collection)
    assert ("empty-property", "来源： |") in gone
    assert ("hit-counter", "| 浏览次数： 2168") in gone
    assert collection.date == "2018-05-17"
    assert "发布时间： 2018-05-17" in kept_words(collection)


def test_a_property_line_that_names_its_source_is_its_byline_no_field_cut_but_the_counter(
    tmp_path,
):
    head = [LAW_HEAD[0], "来源: 新华网 | 发布时间: 2018-05-17 | 浏览次数: 2168", *NEWS_BODY]
    collection = collection_of(tmp_path, lines(head))
    assert [rule for rule, _ in removed(collection)] == ["hit-counter"]
    assert ("新华网", "来源") in all_authors(collection)


def test_the_title_given_again_under_the_date_line_is_noticed(tmp_path):
    collection = collection_of(tmp_path, lines("学习资料", NEWS_BODY[0], LAW_HEAD, NEWS_BODY[1:]))
    assert any(r.rule == "repeated-title" for r in collection.recognitions)
    assert [a.title for a in articles(collection)][-1] == LAW_HEAD[0]


def test_a_headline_over_its_date_and_the_text_is_the_title(tmp_path):
    collection = collection_of(
        tmp_path, lines("学习资料", NEWS_BODY[0], LAW_HEAD[:2], NEWS_BODY[1:])
    )
    assert not any(r.rule == "repeated-title" for r in collection.recognitions)
    assert [a.title for a in articles(collection)][-1] == LAW_HEAD[0]


# --- the guide's trail: an icon font's glyph, the last step given again ---------------------

STEP_BAR = "1.递交入党申请 2.团员推优 3.入党积极分子 4.参加党校学习 5.成为发展对象"
GUIDE_ITEMS = [
    "1、 递交入党申请书的时间：没有固定的时间，在大学期间均可亲自向辅导员递交入党申请书，并说明自己的入党动机。",
    "2、 入党申请书所包含的内容：入党动机，对党的认识，本人成长过程中思想、学习、工作等情况。",
]


def test_a_trail_after_an_icon_glyph_ending_in_its_last_step_again_titles_the_page(tmp_path):
    trail = "\ue67f 首页 >入党流程 >入党流程"
    collection = collection_of(tmp_path, lines(trail, STEP_BAR, GUIDE_ITEMS))
    assert removed(collection) == [("breadcrumb", "\ue67f 首页 >入党流程 >")]
    assert collection.title == "入党流程"
    assert "\ue67f" not in kept_words(collection)


def test_a_trail_whose_last_steps_differ_is_removed_whole(tmp_path):
    trail = "\ue67f 首页 >党建工作 >入党流程"
    collection = collection_of(tmp_path, lines(trail, "入党流程指南", STEP_BAR, GUIDE_ITEMS))
    assert removed(collection)[0] == ("breadcrumb", trail)
    assert collection.title == "入党流程指南"


def test_the_scorer_places_a_title_where_it_stands_outside_removed_words():
    source = Source(f"\ue67f 首页 >入党流程 >入党流程\n{STEP_BAR}\n")
    outline = Outline("入党流程", None, [Essay(None, "入党流程", line=1)])
    trail = set(range(2, 6))  # 首页 0–1, the step 2–5, the page's heading 6–9
    [essay], _ = starts(source, outline, trail)
    assert essay.at == 6
    [unplaced], _ = starts(source, outline)
    assert unplaced.at == 2


# --- a hospital's report: its property lines, the site's lead, the closing credit, the footer

HOSPITAL_HEADLINE = (
    "【不忘初心 牢记使命】我院医技药剂党支部举办2019年中药、药学理论知识与专业技能大赛"
)
HOSPITAL = [
    HOSPITAL_HEADLINE,
    "来源：本站原创\u00a0\u00a0作者：医技药剂党支部",
    "时间：2019年10月31日 23:00\u00a0\u00a0浏览： 33",
    "本站讯（职工通讯员 李琴雯 刘会）为深入推进党建与业务工作紧密结合，弘扬我院中药特色，"
    "培养优秀的药学技能型人才，10月30日，我院医技药剂党支部联合药剂科举办了技能大赛。",
    "比赛伊始，吴玉华副院长作了赛前动员，她指出，要深入贯彻党中央、国务院决策部署，大力发展中医药事业。",
    "医技药剂党支部、药剂科供稿\u00a0 摄影/张艳\u00a0 编辑/苏芳",
    "版权所有 湖南省中医药研究院附属医院\u3000Copyright © 2018 All rights reserved. "
    "\u3000湘ICP备14002927号-5 \u3000 湘公安网备号43010402000231号",
    "医院地址：湖南省长沙市麓山路58号 \u300024小时急救电话：0731-88866120",
    "传真：0731-88854265 \u3000联系邮箱： zyyfy2016@163.com",
]


def test_the_sites_lead_names_its_correspondents_and_the_credit_the_bodies_that_supplied_it(
    tmp_path,
):
    collection = collection_of(tmp_path, lines(HOSPITAL))
    assert sorted(all_authors(collection)) == sorted(
        [
            ("医技药剂党支部", "作者"),
            ("李琴雯", "职工通讯员"),
            ("刘会", "职工通讯员"),
            ("医技药剂党支部", "供稿"),
            ("药剂科", "供稿"),
        ]
    )
    gone = removed(collection)
    assert ("empty-property", "来源：本站原创") in gone
    assert ("hit-counter", "浏览： 33") in gone
    cut = " ".join(text for _, text in gone)
    assert "摄影/张艳" in cut and "编辑/苏芳" in cut


def test_the_date_line_a_counter_was_cut_from_is_not_joined_to_the_lead(tmp_path):
    collection = collection_of(tmp_path, lines(HOSPITAL))
    assert collection.date == "2019年10月31日 23:00"
    assert not any(
        t.startswith("时间") and "本站讯" in t for t in kept_words(collection).split("\n")
    )
    assert not any(r.rule == "joined-broken-line" for r in collection.repairs)


def test_a_footer_opened_by_its_owners_copyright_and_its_contacts_are_debris(tmp_path):
    collection = collection_of(tmp_path, lines(HOSPITAL))
    rules = dict((text[:4], rule) for rule, text in removed(collection))
    assert rules["版权所有"] == "site-footer"
    assert rules["医院地址"] == rules["传真：0"] == "site-contacts"
    assert "湘ICP备" not in kept_words(collection)


def test_a_source_a_property_line_names_is_kept_with_its_author(tmp_path):
    page = [HOSPITAL_HEADLINE, "来源：人民网\u00a0\u00a0作者：张明", *HOSPITAL[3:5]]
    found = all_authors(collection_of(tmp_path, lines(page)))
    assert ("人民网", "来源") in found and ("张明", "作者") in found


def test_near_misses_of_the_credits_and_the_footer_stay_text(tmp_path):
    kept = [
        "本站讯（图文）为深入推进党建与业务工作紧密结合，我院举办了中药、药学技能大赛。",
        "请各支部于月底前将活动材料整理供稿。",
        "本书版权所有，未经许可不得转载，翻印必究。",
        "摄影/张艳作品展在我院门诊大厅开幕，展出作品六十余幅。",
    ]
    collection = collection_of(tmp_path, lines(HOSPITAL_HEADLINE, NEWS_BODY[0], kept, NEWS_BODY[1]))
    assert removed(collection) == []
    assert all_authors(collection) == []
    assert all(line in paragraphs(collection) for line in kept)


# --- the doubt that should have fired: a title over a menu read as text ---------------------


# --- points run in with their sentence ----------------------------------------------------


def test_points_closed_by_a_full_stop_are_text_and_ordinal_heads_stay_headings(tmp_path):
    points = [
        "第一，中国特色社会主义制度和国家治理体系具有深厚的历史底蕴。",
        NEWS_BODY[0],
        "第二，中国特色社会主义制度和国家治理体系具有鲜明的制度优势。",
        NEWS_BODY[1],
    ]
    collection = collection_of(tmp_path, lines("学习心得", NEWS_BODY[2], points))
    assert headings(collection) == []
    assert points[0] in paragraphs(collection)
    heads = [
        "第一，更深刻了解了群众路线的内涵",
        NEWS_BODY[0],
        "第二，更清醒认识到自身的不足",
        NEWS_BODY[1],
    ]
    (tmp_path / "heads").mkdir()
    collection = collection_of(tmp_path / "heads", lines("学习心得", NEWS_BODY[2], heads))
    assert headings(collection) == [heads[0], heads[2]]


def test_two_headings_in_a_row_and_a_head_after_a_run_in_point_stay_headings(tmp_path):
    essay = [
        "学习心得",
        "一、中国共产党这次以为民务实清廉为主要内容的党的群众路线教育实践活动，是一次党内整党的活动，非常必要。",
        "二、现在“四风”方面的突出问题，不但人民群众不满意，就是党内的多数党员也不满意。",
        NEWS_BODY[0],
        "第五，实践是检验真理的唯一标准，而实践中最有发言权的是人民群众。因此，我们要深入基层，倾听群众的呼声。",
        "第六，群众路线在自身工作实践中的落实",
        NEWS_BODY[1],
    ]
    collection = collection_of(tmp_path, lines(essay))
    assert headings(collection) == [essay[1], essay[2], essay[5]]
