"""The families of convention first met on the tenth held-out set, part A
(news and government pages from a web-extraction dataset: a college
report, a weekly round-up, a portal's editorial, a radio's wire item, a
committee's survey report): the credits that close a text and the datelines
that open one, the site's pointers to links the page no longer holds, the
section heads of one piece, the findings that head their paragraphs. Each
family from a real line of those pages, and a near miss the rule must
leave alone."""

from __future__ import annotations

from support import (
    NEWS_BODY,
    TITLE,
    articles,
    authors,
    collection_of,
    doubts,
    headings,
    lines,
    paragraphs,
    removed,
)

# A last paragraph long enough to stand as a piece's text.
CLOSING = (
    "会议强调，各党支部要把握新时代党建工作总要求，结合实际制定年度工作计划，"
    "推动各项任务落地见效，以党建引领学院事业高质量发展。"
)


# --- closing credits ------------------------------------------------------------------


def test_the_writers_names_in_brackets_after_the_last_sentence_are_its_byline(tmp_path):
    last = NEWS_BODY[-1]
    collection = collection_of(tmp_path, lines(TITLE, NEWS_BODY[:-1], last + "（常书香 马丹阳 ）"))
    [article] = articles(collection)
    assert authors(article) == [("常书香", ""), ("马丹阳", "")]
    assert paragraphs(collection)[-1] == last  # the sentence whole, the names cut off


def test_words_in_brackets_after_the_last_sentence_that_are_not_names_stay_text(tmp_path):
    last = NEWS_BODY[-1] + "（图片 视频 ）"  # no family name opens 图片 or 视频
    collection = collection_of(tmp_path, lines(TITLE, NEWS_BODY[:-1], last))
    [article] = articles(collection)
    assert authors(article) == []
    assert paragraphs(collection)[-1] == last


def test_a_compiler_s_credit_and_the_material_s_source_close_a_round_up(tmp_path):
    # labels parted from the names by a space, no colon
    text = lines(
        TITLE, NEWS_BODY, "整合 新华日报·交汇点记者 徐睿翔", "素材来源 江苏13个设区市党报及官方发布"
    )
    [article] = articles(collection_of(tmp_path, text))
    assert authors(article) == [("徐睿翔", "记者"), ("江苏13个设区市党报及官方发布", "来源")]
    assert article.bylines[0].authors[0].unit == "新华日报·交汇点"


def test_a_line_that_opens_with_the_compiler_s_label_but_names_no_reporter_stays_text(tmp_path):
    # no reporter named; the source's label run into a sentence
    near = ["整合 各方资源力量，形成工作合力。", "素材来源于基层一线的生动实践。"]
    collection = collection_of(tmp_path, lines(TITLE, NEWS_BODY, near))
    [article] = articles(collection)
    assert authors(article) == []
    assert paragraphs(collection)[-2:] == near


def test_the_writers_named_after_their_label_and_parted_by_spaces_are_each_a_writer(tmp_path):
    text = lines(TITLE, NEWS_BODY, "执笔人：闵乐夫 赵兰波 刘韬 刘晋芳 胡玉顺")
    [article] = articles(collection_of(tmp_path, text))
    writers = ["闵乐夫", "赵兰波", "刘韬", "刘晋芳", "胡玉顺"]
    assert authors(article) == [(name, "执笔人") for name in writers]


def test_a_writer_and_a_unit_after_the_label_are_no_list_of_writers(tmp_path):
    # 学生会 looks like no name: the writer's unit
    [article] = articles(collection_of(tmp_path, lines(TITLE, NEWS_BODY, "作者：张明 学生会")))
    assert authors(article) == [("张明", "作者")]
    assert article.bylines[0].authors[0].unit == "学生会"


def test_a_body_s_research_group_and_the_month_under_it_sign_the_report(tmp_path):
    group = "北京市妇女儿童工作委员会儿童心理调研课题组"
    [essay] = collection_of(tmp_path, lines(TITLE, group, "2003年5月", NEWS_BODY)).essays
    assert authors(essay) == [(group, "")]  # under the title, the whole piece's
    assert essay.date == "2003年5月"


def test_a_group_set_up_and_a_month_heading_a_chronicle_sign_nothing(tmp_path):
    # 成立调研课题组 names no body's group; 1921年7月 under no byline heads its entry
    text = lines(TITLE, NEWS_BODY[0], "成立调研课题组", NEWS_BODY[1], "1921年7月", NEWS_BODY[2])
    collection = collection_of(tmp_path, text)
    assert [(a.name, a.role) for e in collection.essays for a in e.authors] == []
    assert [a.date for a in articles(collection)] == [None] * len(articles(collection))
    assert collection.essays[0].date is None


def test_the_reposting_site_s_editor_after_the_source_is_cut_from_the_credit(tmp_path):
    credit = "来源：巴彦淖尔日报\u2002\u2002\u2002编辑：苏亮"  # the page's spans, en spaces between
    collection = collection_of(tmp_path, lines(TITLE, NEWS_BODY, credit))
    [article] = articles(collection)
    assert authors(article) == [("巴彦淖尔日报", "来源")]
    assert ("editor-credit", "编辑：苏亮") in removed(collection)


def test_the_editor_beside_the_writers_stays_in_their_credit(tmp_path):
    credit = "发布日期：2016-11-15\u00a0\u00a0作者：于珊珊\u00a0\u00a0编辑：于珊珊"
    collection = collection_of(tmp_path, lines(TITLE, credit, NEWS_BODY))
    assert not any("编辑" in text for _, text in removed(collection))


# --- datelines ------------------------------------------------------------------------


def test_a_broadcaster_s_dateline_with_news_gives_its_source(tmp_path):
    lead = "据中央广播电视总台中国之声《新闻和报纸摘要》报道，中央军委主席习近平日前签署命令，发布规定。"
    text = lines(TITLE, "央广网北京2月13日消息 " + lead, NEWS_BODY[1:])
    [essay] = collection_of(tmp_path, text).essays
    assert authors(essay) == [("央广网", "来源")]
    assert paragraphs(collection_of(tmp_path, text))[0] == lead


def test_news_in_the_middle_of_a_sentence_is_no_dateline(tmp_path):
    lead = "人民网北京2月13日消息称，学院党委召开会议。"  # no space after 消息: its own sentence
    collection = collection_of(tmp_path, lines(TITLE, lead, NEWS_BODY))
    assert [a for e in collection.essays for a in e.authors] == []
    assert paragraphs(collection)[0] == lead


# --- pointers to links the saved page lost --------------------------------------------


def test_a_lost_link_s_pointer_and_its_close_on_the_next_line_are_the_site_s(tmp_path):
    pointer = "（详情请点击链接："
    first, second = NEWS_BODY[0], NEWS_BODY[1]
    text = lines(TITLE, first + pointer, "）" + second, NEWS_BODY[2] + pointer, "）", CLOSING)
    collection = collection_of(tmp_path, text)
    assert paragraphs(collection) == [first, second, NEWS_BODY[2], CLOSING]
    assert [t for r, t in removed(collection) if r == "link-pointer"] == [pointer, "）"] * 2


def test_a_bracket_opening_a_line_after_no_pointer_stays(tmp_path):
    # a pointer that names its link is the text's words; a bracket opening a
    # line under an ordinary paragraph is the writer's
    named = NEWS_BODY[0] + "（详情请点击链接：www.example.cn）"
    text = lines(TITLE, named, NEWS_BODY[1], "）" + CLOSING)
    collection = collection_of(tmp_path, text)
    assert not any(r == "link-pointer" for r, _ in removed(collection))
    assert paragraphs(collection)[-1] == "）" + CLOSING


# --- section heads of one story -------------------------------------------------------

HEADS = ["打造更具吸引力和竞争力的营商环境", "全面增强高质量发展驱动力"]


def test_lone_lines_in_a_news_page_s_story_under_its_date_head_its_sections(tmp_path):
    text = lines(
        TITLE, "2022-02-13 20:04:17", NEWS_BODY[0], HEADS[0], NEWS_BODY[1], HEADS[1], CLOSING
    )
    collection = collection_of(tmp_path, text)
    [article] = articles(collection)
    assert article.title is None
    assert headings(collection) == HEADS


def test_without_the_page_s_date_under_the_headline_lone_lines_title_pieces(tmp_path):
    text = lines(TITLE, NEWS_BODY[0], HEADS[0], NEWS_BODY[1], HEADS[1], CLOSING)
    collection = collection_of(tmp_path, text)
    titles = {e.title for e in collection.essays} | {a.title for a in articles(collection)}
    assert headings(collection) == []
    assert set(HEADS) <= titles


# --- a survey report's heads ----------------------------------------------------------

FINDINGS = [
    "1.对人和事都有比较正确的认识",
    "表现一：能够接受自己的生理变化，知道自己已经长大了。",
    "表现二：在与同性朋友的交往中，有正确的择友标准。",
    "2.情绪情感反应适度，正面情绪相对较多",
    "表现一：对外在的自我满意度较高。",
]


def test_dot_numbered_heads_and_the_findings_counted_under_them_are_headings(tmp_path):
    body = [part for head in FINDINGS for part in (head, NEWS_BODY[0])]
    collection = collection_of(tmp_path, lines(TITLE, NEWS_BODY[1], body))
    assert headings(collection) == FINDINGS


def test_a_step_bar_of_dot_numbered_items_and_a_decimal_are_no_heads(tmp_path):
    bar = "1.递交入党申请 2.团员推优 3.入党积极分子 4.参加党校学习"
    decimal = "1.5亿元资金已全部到位，惠及全市二十余万户家庭。"
    finding = "表现为：学生的负面情绪比较多，需要及时疏导。"  # no count after 表现
    collection = collection_of(tmp_path, lines(TITLE, bar, NEWS_BODY, decimal, finding, NEWS_BODY))
    assert headings(collection) == []


def test_an_inner_series_restarting_under_the_next_outer_head_is_no_doubt(tmp_path):
    parts = ["一、基本情况", "（一）生理发展方面", "（二）心理素质发展方面"]
    again = ["二、调查中发现的问题", "（一）生理发展方面", "（二）心理素质发展方面"]
    body = [part for head in parts + again for part in (head, NEWS_BODY[0])]
    assert doubts(collection_of(tmp_path, lines(TITLE, body))) == []
    restart = [part for head in parts + again[1:] for part in (head, NEWS_BODY[0])]
    assert [rule for _, rule in doubts(collection_of(tmp_path, lines(TITLE, restart)))] == [
        "heading-numbering"
    ]


# --- a list whose numbering slips between its marks ------------------------------------

# A study card's points, as the eleventh held-out set's card gives them: one
# list, its mark slipping from 、 to a dot at the 25th point.
CARD_POINTS = [
    "23、社会主义核心价值观：富强、民主、文明、和谐，自由、平等、公正、法治，爱国、敬业、诚信、友善。",
    "24、“两不愁三保障”：不愁吃、不愁穿，义务教育、基本医疗、住房安全有保障。",
    "25.六稳：稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。",
    "六保：保居民就业、保基本民生、保市场主体、保粮食能源安全，保产业链供应链稳定、保基层运转。",
    "26、新时代“三农”工作总抓手：实施乡村振兴战略。",
]


def test_a_point_whose_mark_slips_to_a_dot_is_the_next_item_of_its_list(tmp_path):
    collection = collection_of(tmp_path, lines(TITLE, NEWS_BODY[0], CARD_POINTS))
    assert headings(collection) == []
    assert CARD_POINTS[2] in paragraphs(collection)


def test_a_dot_numbered_head_that_goes_on_no_list_still_heads_its_text(tmp_path):
    head = "1.对人和事都有比较正确的认识"  # right under a list that ends at 24、: no next item
    body = [*CARD_POINTS[:2], head, NEWS_BODY[1], "2.能够正确认识自己", NEWS_BODY[2]]
    collection = collection_of(tmp_path, lines(TITLE, NEWS_BODY[0], body))
    assert headings(collection) == [head, "2.能够正确认识自己"]
