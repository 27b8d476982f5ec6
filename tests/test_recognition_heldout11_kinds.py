"""Kinds of line the eleventh held-out set taught the converter (the evening
news transcript, the review sheet, the manifesto, the commentary, the study
card), each with a near miss that must not be read so."""

from __future__ import annotations

from support import (
    NEWS_BODY,
    articles,
    authors,
    collection_of,
    doubts,
    headings,
    lines,
    paragraphs,
    removed,
)

HEADLINE = "国务院新闻办公室举行新闻发布会"

# --- a crawler's furniture around each story -------------------------------------------------


def test_a_crawlers_comments_link_back_and_stamp_are_removed(tmp_path):
    furniture = [
        "<!--repaste.body.begin-->",
        "[查看原文](https://tv.cctv.com/2022/03/01/VIDEFGKjOEgUTsnXtYpPsGbs220301.shtml)",
        "更新时间：2023-09-04T14:22:24.183Z",
    ]
    text = lines(HEADLINE, furniture[0], NEWS_BODY[0], NEWS_BODY[1], furniture[1:])
    collection = collection_of(tmp_path, text)
    assert [t for _, t in removed(collection)] == furniture
    assert paragraphs(collection) == NEWS_BODY[:2]


def test_a_comment_inside_a_line_and_a_link_in_a_sentence_stay(tmp_path):
    kept = [
        "节目的网页用<!--说明-->这样的注释标出正文的开头，读者看不见它。",
        "详见[查看原文](https://tv.cctv.com/2022/03/01/a.shtml)中的视频。",
    ]
    text = lines(HEADLINE, NEWS_BODY[0], kept, NEWS_BODY[1])
    collection = collection_of(tmp_path, text)
    assert removed(collection) == []
    kept_lines = paragraphs(collection)[1:3]
    assert kept_lines[0] == kept[0]
    assert kept_lines[1].startswith("详见[查看原文]") and kept_lines[1].endswith("中的视频。")


# --- a time word glossed by its day: a sentence, no head line --------------------------------


def test_a_time_word_with_its_bracketed_day_cuts_no_paragraph(tmp_path):
    stories = [
        "### 央视快评：在新时代新征程上留下无悔的奋斗足迹",
        "本台今天（3月1日）播发央视快评《在新时代新征程上留下无悔的奋斗足迹》。",
        "### 中国制造业采购经理指数连续4个月稳定在50%以上",
        "中国物流与采购联合会、国家统计局今天（3月1日）公布：2月份中国制造业采购经理指数为50.2%。",
    ]
    collection = collection_of(tmp_path, lines("# 新闻联播", stories))
    assert [a.title for a in articles(collection)] == [stories[0][4:], stories[2][4:]]
    assert paragraphs(collection) == [stories[1], stories[3]]


def test_a_head_line_with_its_full_date_is_still_cut(tmp_path):
    head = "在全市工作会议上的讲话（2020年2月3日）同志们，今天开会。我讲三点。"
    collection = collection_of(tmp_path, lines("学习材料", head, NEWS_BODY[0]))
    assert articles(collection)[0].title == "在全市工作会议上的讲话"
    assert "同志们，今天开会。我讲三点。" in paragraphs(collection)
    assert headings(collection) == []


# --- an outlet's credit opening each story -----------------------------------------------------


def test_an_outlets_credit_opening_a_story_names_its_source(tmp_path):
    story = (
        "**央视网消息**（新闻联播）：政协第十三届全国委员会常务委员会第二十次会议1日上午在京开幕。"
    )
    collection = collection_of(
        tmp_path, lines("# 新闻联播", "### " + HEADLINE, story, NEWS_BODY[1])
    )
    (article,) = articles(collection)
    assert authors(article) == [("央视网", "来源")]
    assert paragraphs(collection) == [
        "政协第十三届全国委员会常务委员会第二十次会议1日上午在京开幕。",
        NEWS_BODY[1],
    ]


def test_a_bold_line_under_a_credit_alone_heads_the_round_ups_first_item(tmp_path):
    roundup = [
        "**央视网消息**（新闻联播）：",
        "**新版《跨境电子商务零售进口商品清单》正式实施**",
        "今天（3月1日）起，新版《跨境电子商务零售进口商品清单》正式实施，新增29项商品。",
        "**河北省1680个亿元以上项目开工**",
        "3月1日，河北省2022年第一批亿元以上项目集中开工。",
    ]
    collection = collection_of(tmp_path, lines("# 新闻联播", "### 国内联播快讯", roundup))
    assert headings(collection) == [roundup[1][2:-2], roundup[3][2:-2]]
    assert paragraphs(collection) == [roundup[2], roundup[4]]


def test_a_message_in_a_sentence_and_a_bold_line_under_a_name_are_no_credit_and_no_heading(
    tmp_path,
):
    said = "人民网消息灵通人士称，会议将于下月召开。"
    collection = collection_of(tmp_path, lines(HEADLINE, said, NEWS_BODY[1]))
    assert [authors(a) for a in articles(collection)] == [[]]
    assert said in paragraphs(collection)
    post = ["**习近平总书记强调**", "**用好红色资源**", NEWS_BODY[0]]
    (tmp_path / "post").mkdir()
    collection = collection_of(tmp_path / "post", lines("# 学习笔记", "张明", post))
    assert headings(collection) == []


# --- a review sheet of numbered questions --------------------------------------------------

SHEET = [
    "毛概大题复习",
    "3.如何科学认识毛泽东思想的历史地位？",
    "①是马克思主义中国化的第一个重大理论成果；",
    "②是中国革命和建设的科学指南；",
    "7.新民主主义革命三大法宝？及其关系？",
    "统一战线、武装斗争、党的建设是中国革命的三大法宝。",
    "25.习近平新时代中国特色社会主义思想的历史地位：",
    "①是当代中国的马克思主义，21世纪的马克思主义",
    "29.习近平经济思想的主要内容：（七个坚持）",
    "①坚持加强党对经济工作的集中统一领导",
    "12.党在社会主义建设道路初步探索中取得了那些重要的理论成果？",
    "①调动一切积极因素为社会主义事业服务的思想；",
]


def test_numbered_questions_and_topics_alone_on_their_lines_head_their_answers(tmp_path):
    collection = collection_of(tmp_path, lines(SHEET))
    assert headings(collection) == [SHEET[1], SHEET[4], SHEET[6], SHEET[8], SHEET[10]]
    assert SHEET[2] in paragraphs(collection)


def test_on_a_sheet_of_questions_an_answer_run_on_after_its_question_is_cut_off(tmp_path):
    run_on = [
        "9.怎么理解党在过渡时期的总路线？主要内容：概括为“一化三改”。",
        "43.新时代中国共产党的历史使命：统揽伟大斗争、伟大工程、伟大事业、伟大梦想。",
    ]
    collection = collection_of(tmp_path, lines(SHEET, run_on))
    assert headings(collection)[-2:] == [
        "9.怎么理解党在过渡时期的总路线？",
        "43.新时代中国共产党的历史使命：",
    ]
    assert paragraphs(collection)[-2:] == [
        "主要内容：概括为“一化三改”。",
        "统揽伟大斗争、伟大工程、伟大事业、伟大梦想。",
    ]


def test_numbered_sentences_and_run_in_items_outside_a_sheet_stay_text(tmp_path):
    items = [
        "1.会议时间：2022年5月12日下午。",
        "2.会议地点：行政楼三楼会议室。",
        "3.为什么要开展这次学习？因为形势发生了变化。",
        "10．没收一切流亡分子和叛乱分子的财产。",
        "11.全国政协十三届常委会第二十次会议开幕：",
        "（1）新版《跨境电子商务零售进口商品清单》正式实施。",
    ]
    collection = collection_of(tmp_path, lines("学习通知", NEWS_BODY[0], items, NEWS_BODY[1]))
    assert headings(collection) == []
    assert all(item in paragraphs(collection) for item in items)


def test_a_circled_item_over_a_paragraph_titles_no_piece_and_a_headline_does(tmp_path):
    items = ["①是由国家性质所决定的", "②是由国家宪法所确立的", "④是推进伟大事业的根本保证"]
    text = lines(HEADLINE, NEWS_BODY[0], items, NEWS_BODY[1], NEWS_BODY[2])
    collection = collection_of(tmp_path, text)
    assert [a.title for a in articles(collection)] == [None]
    assert items[2] in paragraphs(collection)
    (tmp_path / "one").mkdir()
    text = lines(HEADLINE, NEWS_BODY[0], items[2], NEWS_BODY[1], NEWS_BODY[2])
    assert [a.title for a in articles(collection_of(tmp_path / "one", text))] == [None]
    (tmp_path / "two").mkdir()
    text = lines(HEADLINE, NEWS_BODY[0], "学院举办党史知识竞赛", NEWS_BODY[1], NEWS_BODY[2])
    collection = collection_of(tmp_path / "two", text)
    assert [a.title for a in articles(collection)] == [None, "学院举办党史知识竞赛"]


# --- a book's sub-parts: 1．… and (甲)… ---------------------------------------------------

PART = [
    "1．反动的社会主义",
    "(甲)封建的社会主义",
    "法国和英国的贵族，按照他们的历史地位所负的使命，就是写一些抨击现代资产阶级社会的作品。",
    "(乙)小资产阶级的社会主义",
    "封建贵族并不是被资产阶级所推翻的、其生活条件在现代资产阶级社会里日益恶化和消失的唯一阶级。",
    "2．保守的或资产阶级的社会主义",
    "资产阶级中的一部分人想要消除社会的弊病，以便保障资产阶级社会的生存。",
]


def test_a_books_parts_counted_with_a_wide_dot_and_its_stems_are_headings(tmp_path):
    collection = collection_of(tmp_path, lines("共产党宣言", NEWS_BODY[0], PART))
    assert headings(collection) == [
        PART[0],
        "（甲）封建的社会主义",
        "（乙）小资产阶级的社会主义",
        PART[5],
    ]


def test_points_counted_with_a_wide_dot_and_closed_by_a_stop_are_text(tmp_path):
    measures = ["1．剥夺地产，把地租用于国家支出。", "2．征收高额累进税。", "3．废除继承权。"]
    collection = collection_of(tmp_path, lines("共产党宣言", NEWS_BODY[0], measures, NEWS_BODY[1]))
    assert headings(collection) == []
    assert all(m in paragraphs(collection) for m in measures)


# --- an indented line after a clause opens its own paragraph -----------------------------------

CONCLUSIONS = [
    "共产主义已经被欧洲的一切势力公认为一种势力；",
    "现在是共产党人向全世界公开说明自己的观点、自己的目的、自己的意图的时候了。",
]


def test_an_indented_line_under_a_clause_ending_in_a_semicolon_is_a_paragraph(tmp_path):
    text = lines("共产党宣言", *["\u3000\u3000" + p for p in [NEWS_BODY[0], *CONCLUSIONS]])
    assert paragraphs(collection_of(tmp_path, text)) == [NEWS_BODY[0], *CONCLUSIONS]


def test_a_flush_line_under_a_clause_ending_in_a_semicolon_goes_on_with_it(tmp_path):
    text = lines("共产党宣言", NEWS_BODY[0], CONCLUSIONS)
    assert paragraphs(collection_of(tmp_path, text)) == [NEWS_BODY[0], "".join(CONCLUSIONS)]


# --- a programme's title closed by its day as eight figures ----------------------------------


def test_a_title_closed_by_its_day_in_eight_figures_dates_the_text(tmp_path):
    collection = collection_of(tmp_path, lines("# 《新闻联播》（20220301）", NEWS_BODY))
    assert (collection.title, collection.date) == ("《新闻联播》（20220301）", "20220301")


def test_a_title_closed_by_a_number_that_is_no_day_is_undated(tmp_path):
    for i, title in enumerate(["党的二十大报告学习辅导（20）", "招标公告（20221345）"]):
        (tmp_path / str(i)).mkdir()
        collection = collection_of(tmp_path / str(i), lines(title, NEWS_BODY))
        assert (collection.title, collection.date) == (title, None)


# --- a commentary's long section heads -----------------------------------------------------

LONG_HEAD = "理解把握习近平新时代中国特色社会主义思想的创新性，以创新思维推动伟大事业的发展进步"


def test_a_section_head_of_over_forty_characters_heads_its_section(tmp_path):
    essay = [NEWS_BODY[0], LONG_HEAD, NEWS_BODY[1], "以学为先，牢筑信仰之魂", NEWS_BODY[2]]
    collection = collection_of(tmp_path, lines("把握新思想的创新性", essay))
    assert len(LONG_HEAD) == 41
    assert headings(collection) == [LONG_HEAD, essay[3]]


def test_a_phrase_of_some_fifty_characters_between_paragraphs_stays_text(tmp_path):
    phrase = LONG_HEAD + "和中华民族伟大复兴的历史进程"
    essay = [NEWS_BODY[0], phrase, NEWS_BODY[1], "以学为先，牢筑信仰之魂", NEWS_BODY[2]]
    essay += ["以干为要，勇担时代之责", NEWS_BODY[0]]
    collection = collection_of(tmp_path, lines("把握新思想的创新性", essay))
    assert headings(collection) == [essay[3], essay[5]]
    assert phrase in paragraphs(collection)


# --- a label between two numbered lists ------------------------------------------------------

FIRST_LIST = [
    "1、两个确立：确立习近平同志党中央的核心、全党的核心地位，确立习近平新时代中国特色社会主义思想的指导地位。",
    "2、四个意识：指政治意识、大局意识、核心意识、看齐意识。",
    "3、四个自信：中国特色社会主义道路自信、理论自信、制度自信、文化自信。",
]
SECOND_LIST = [
    "1、中央政治局全体同志要改进调查研究，到基层调研要深入了解真实情况。",
    "2、要精简会议活动，切实改进会风，严格控制以中央名义召开的各类全国性会议。",
]


def test_a_label_over_a_list_starting_again_at_one_heads_its_section(tmp_path):
    text = lines("全心全意为人民服务", NEWS_BODY[0], FIRST_LIST, "中央八项规定：", SECOND_LIST)
    assert headings(collection_of(tmp_path, text)) == ["中央八项规定："]


def test_a_label_over_the_texts_first_list_leads_into_it(tmp_path):
    text = lines("全心全意为人民服务", NEWS_BODY[0], NEWS_BODY[1], "中央八项规定：", SECOND_LIST)
    collection = collection_of(tmp_path, text)
    assert headings(collection) == []
    assert "中央八项规定：" in paragraphs(collection)


# --- the doubt on a file-name title, and a list item under the text's first heading ----------


def test_a_list_item_under_the_first_heading_raises_no_doubt_on_the_file_name_title(tmp_path):
    sheet = ["1.毛泽东思想形成和发展的社会历史条件：", "（1） 时代背景：战争与革命", *SHEET[1:]]
    collection = collection_of(tmp_path, lines(sheet))
    assert collection.title_line == 0  # titled by the file's name
    assert headings(collection)[0] == sheet[0]
    assert "title-from-file-name" not in [rule for _, rule in doubts(collection)]


def test_a_headline_shaped_line_over_the_first_heading_still_raises_it(tmp_path):
    text = lines(
        "同志们：",
        "铁肩担道义坚持正确的政治方向与舆论导向",
        NEWS_BODY,
        "一、坚持正确的政治方向",
        NEWS_BODY[0],
    )
    collection = collection_of(tmp_path, text)
    assert collection.title_line == 0
    assert (2, "title-from-file-name") in doubts(collection)


# --- a wrap cut before the particle 的 ---------------------------------------------------------


def test_a_line_opened_by_the_particle_de_goes_on_with_the_line_above(tmp_path):
    wrapped = [
        "活的灵魂：贯穿于毛泽东思想的各个组成部分的立场、观点和方法，是毛泽东思想",
        "的活的灵魂，三个方面，即实事求是，群众路线，独立自主。",
    ]
    collection = collection_of(tmp_path, lines("毛概复习", NEWS_BODY[0], wrapped))
    assert paragraphs(collection) == [NEWS_BODY[0], "".join(wrapped)]


def test_a_paragraph_opened_by_the_word_di_que_is_a_paragraph_of_its_own(tmp_path):
    two = [
        "会上，党委副书记张明围绕党支部标准化规范化建设作专题辅导，讲解了工作要求",
        "的确，这次培训让大家收获很大。",
    ]
    collection = collection_of(tmp_path, lines("毛概复习", NEWS_BODY[0], two))
    assert paragraphs(collection) == [NEWS_BODY[0], *two]


# --- a Markdown page's summary of the pieces below ---------------------------------------------

STORIES = [
    "全国政协十三届常委会第二十次会议开幕",
    "北京冬残奥会火炬传递即将启动",
    "国家卫生健康委通报最新疫情",
]


def news_page(entries: list[str]) -> str:
    below = [
        line
        for story, body in zip(STORIES, NEWS_BODY, strict=True)
        for line in ("### " + story, body)
    ]
    return lines(
        "# 《新闻联播》（20220301）",
        "## 新闻摘要",
        "本期节目主要内容：",
        entries,
        "## 详细新闻",
        below,
    )


def test_a_summary_whose_entries_name_the_pieces_below_is_front_matter(tmp_path):
    entries = [f"{n}.{story}；" for n, story in enumerate(STORIES, start=1)]
    collection = collection_of(tmp_path, news_page(entries))
    assert [a.title for a in articles(collection)] == STORIES
    front = [p.text for p in collection.preface]
    assert front == ["新闻摘要", "本期节目主要内容：", *entries, "详细新闻"]


def test_a_section_whose_entries_name_no_piece_below_is_a_piece(tmp_path):
    entries = ["1.学习贯彻会议精神；", "2.开展专题研讨；", "3.抓好整改落实。"]
    collection = collection_of(tmp_path, news_page(entries))
    assert articles(collection)[0].title == "新闻摘要"
    assert collection.preface == []


# --- a long headline the writer set as a Markdown heading -------------------------------------

LONG_HEADLINE = (
    "习近平在中央党校（国家行政学院）中青年干部培训班开班式上发表重要讲话强调 "
    "筑牢理想信念根基树立践行正确政绩观 在新时代新征程上留下无悔的奋斗足迹"
)


def test_a_long_headline_set_as_a_markdown_heading_raises_no_doubt(tmp_path):
    page = ["# 新闻联播", "### " + HEADLINE, NEWS_BODY[0], "### " + LONG_HEADLINE, NEWS_BODY[1]]
    collection = collection_of(tmp_path, lines(page))
    assert [a.title for a in articles(collection)] == [HEADLINE, LONG_HEADLINE]
    assert "long-title" not in [rule for _, rule in doubts(collection)]


def test_a_long_title_line_the_converter_guessed_still_raises_it(tmp_path):
    text = lines("汇编", "第一篇：" + LONG_HEADLINE.replace(" ", ""), NEWS_BODY[0])
    assert (2, "long-title") in doubts(collection_of(tmp_path, text))


# --- items defining quoted terms ------------------------------------------------------------


def test_items_defining_quoted_terms_stay_lines_of_their_own(tmp_path):
    items = [
        "“一化”即社会主义工业化；",
        "“三改”即对个体农业、手工业、资本主义工商业的社会主义改造。",
    ]
    collection = collection_of(tmp_path, lines("毛概复习", NEWS_BODY[0], items))
    assert paragraphs(collection) == [NEWS_BODY[0], *items]


def test_a_clause_closed_by_a_semicolon_goes_on_into_the_next_line(tmp_path):
    clauses = [
        "党在过渡时期的总路线是逐步实现社会主义工业化；",
        "逐步实现对个体农业、手工业和资本主义工商业的社会主义改造。",
    ]
    collection = collection_of(tmp_path, lines("毛概复习", NEWS_BODY[0], clauses))
    assert paragraphs(collection) == [NEWS_BODY[0], "".join(clauses)]
