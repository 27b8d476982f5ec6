"""The kinds of error first met on the second held-out set, each as a general
rule: small texts written by hand in the same forms (not the corpus texts),
and what a careful reader sees in them."""

from __future__ import annotations

from support import articles, authors, collection_of

from handbook.model import Essay, Heading

# --- a headline of clauses over a source line heads its piece ---------------------

HEADLINE_OVER_SOURCE = """学习材料汇编
乡村振兴的一次调研
来源：某某日报
调研组上周走访了三个村庄，听取了村民对道路和水利建设的意见，并形成了报告。
大家一致认为，基础设施仍是当前最突出的短板，需要持续加大投入力度才能补齐。
省长就做好冬季供暖工作作出批示强调：把群众冷暖放在心上 把供暖责任落实到位
来源：某某网
批示指出，各地要提前谋划，确保每一户群众都能温暖过冬，不留死角和盲区。
"""


def test_a_headline_of_clauses_over_a_source_line_is_the_next_pieces_title(tmp_path):
    collection = collection_of(tmp_path, HEADLINE_OVER_SOURCE)
    titles = [a.title for a in articles(collection)]
    assert titles == [
        "乡村振兴的一次调研",
        "省长就做好冬季供暖工作作出批示强调：把群众冷暖放在心上 把供暖责任落实到位",
    ]
    first, second = articles(collection)
    assert authors(first) == [("某某日报", "来源")]
    assert authors(second) == [("某某网", "来源")]


# --- an author's name alone under the title is the byline ---------------------------

NAME_UNDER_TITLE = """学习材料汇编
基层治理的几点思考
张明远
2019年03月05日10:20    来源：某某网-理论频道
基层是国家治理的基础，基层治理水平直接关系到群众的获得感和幸福感，不可忽视。
"""


def test_a_name_alone_between_the_title_and_its_dateline_is_the_author(tmp_path):
    collection = collection_of(tmp_path, NAME_UNDER_TITLE)
    (article,) = articles(collection)
    assert article.title == "基层治理的几点思考"
    assert ("张明远", "") in authors(article)
    assert article.date == "2019年03月05日10:20"


# --- a contents list of bare titles, a book export ----------------------------------

BOOK_EXPORT = """山乡故事集
目录
序
卷上
石桥
古井
龙
卷下
老槐树
序
写这些故事的时候，我常想起小时候在山乡听老人们讲古的夜晚，灯火很暗，故事很长。
那些故事后来大多散失了，这里记下的只是其中很少的一部分，聊以纪念那段时光。
李明山
2015年6月1日
part-1
卷上
石桥
村口有一座石桥，传说是一位过路的石匠一夜之间修成的，至今没有人知道他的名字。
[1]石匠：以凿石为业的人。ft
古井
古井在祠堂后面，水很甜，旱年也不干，村里人都说井底通着东海的龙宫。
龙
那年大旱，有人看见一条龙从山后飞过，第二天便下起了大雨，一连下了三天。
book book книга книга livre libro libro9
"""


def test_a_contents_list_of_bare_titles_is_front_matter_and_its_entries_start_the_essays(
    tmp_path,
):
    collection = collection_of(tmp_path, BOOK_EXPORT)
    assert collection.title == "山乡故事集"
    assert [e.title for e in collection.essays] == ["序", "石桥", "古井", "龙"]
    preface = [p.text for p in collection.preface]
    assert preface == ["目录", "序", "卷上", "石桥", "古井", "龙", "卷下", "老槐树"]


def test_a_name_and_a_date_closing_a_preface_sign_it(tmp_path):
    preface = build_handbook_essay(tmp_path, BOOK_EXPORT, "序")
    assert authors(preface.articles[0]) == [("李明山", "")]
    assert preface.date == "2015年6月1日"


def test_a_book_exports_marks_are_reported_debris(tmp_path):
    collection = collection_of(tmp_path, BOOK_EXPORT)
    gone = [(r.rule, r.text) for r in collection.removals]
    assert ("export-part-mark", "part-1") in gone
    assert ("export-note-tail", "ft") in gone
    assert ("export-closing-words", "book book книга книга livre libro libro9") in gone
    kept = [b.text for e in collection.essays for a in e.articles for b in a.blocks]
    assert "[1]石匠：以凿石为业的人。" in kept


def build_handbook_essay(tmp_path, text: str, title: str) -> Essay:
    return next(e for e in collection_of(tmp_path, text).essays if e.title == title)


def test_the_report_warns_that_essays_were_started_from_a_contents_list(tmp_path):
    collection = collection_of(tmp_path, BOOK_EXPORT)
    warned = [d for d in collection.doubts if d.rule == "essays-from-contents"]
    assert [d.line for d in warned] == [2]  # 目录
    assert "4 of its titles" in warned[0].what


# --- a byline glued before the title --------------------------------------------------

GLUED_BYLINE = """机务三队党支部书记王海涛：读《平凡的世界》有感
这本书讲述了一群普通人在时代变迁中的奋斗与坚守，读来令人感慨万千，久久不能平静。
书中的孙少平让我看到了一个普通人面对苦难时的尊严，也让我重新思考工作和生活的意义。
"""


def test_a_byline_glued_before_the_title_is_cut_off_as_the_byline(tmp_path):
    collection = collection_of(tmp_path, GLUED_BYLINE)
    (essay,) = collection.essays
    assert collection.title == essay.title == "读《平凡的世界》有感"
    assert [(a.name, a.role, a.unit) for b in essay.bylines for a in b.authors] == [
        ("王海涛", "党支部书记", "机务三队")
    ]
    assert [b.text for b in essay.bylines] == ["机务三队党支部书记王海涛："]
    cut = [r for r in collection.repairs if r.rule == "split-byline-before-title"]
    assert [r.line for r in cut] == [1]


# --- heads of no known title shape; signatures glued to the last sentence ------------

BANNER_AND_SIGNATURES = """学习材料汇编
村里修路的故事
来源：某某日报
去年秋天，村里终于修通了进山的公路，几十年来村民出行难的问题得到了解决。（记者 刘明华）
纪念某某工作法推广十周年
某某工作法坚持发展五周年
某某工作法简介
某某工作法是当地干部群众在长期实践中创造的一种工作方法，得到了广泛推广和认可。
这一方法的核心是依靠群众，就地化解矛盾，做到小事不出村、大事不出镇，成效显著。
基层治理的几点思考
张明远
2019年03月05日10:20    来源：某某网-理论频道
基层是国家治理的基础，基层治理水平直接关系到群众的获得感和幸福感。（作者单位：某某大学马克思主义学院）
"""


def test_a_reporters_signature_glued_to_the_last_sentence_is_the_byline(tmp_path):
    first = articles(collection_of(tmp_path, BANNER_AND_SIGNATURES))[0]
    assert first.title == "村里修路的故事"
    assert authors(first) == [("某某日报", "来源"), ("刘明华", "记者")]
    assert first.blocks[-2].text.endswith("得到了解决。")  # the sentence keeps its words


def test_short_lines_after_a_pieces_end_head_a_new_piece_and_the_report_says_so(tmp_path):
    collection = collection_of(tmp_path, BANNER_AND_SIGNATURES)
    second = articles(collection)[1]
    assert second.title == "纪念某某工作法推广十周年"
    assert [d.rule for d in collection.doubts if d.line == 5] == ["banner-title"]


def test_an_authors_unit_glued_to_the_last_sentence_is_read(tmp_path):
    last = articles(collection_of(tmp_path, BANNER_AND_SIGNATURES))[-1]
    assert last.title == "基层治理的几点思考"
    units = [(a.name, a.unit) for b in last.bylines for a in b.authors if a.role != "来源"]
    assert units == [("张明远", "某某大学马克思主义学院")]


# --- two heading levels; an issuer and a date in Chinese numerals -------------------

NOTICE = """某某县教育局关于做好秋季开学工作的通知
各乡镇中心学校：
为做好今年秋季开学工作，现将有关事项通知如下，请各校认真贯彻落实，确保平稳有序。
一、做好开学准备
各校要提前检查校舍和设施设备，及时消除安全隐患，保障师生安全，做到万无一失。
（一）排查校舍安全
各校要对教室、宿舍、食堂逐一排查，建立台账，发现问题立即整改，不留任何死角。
（二）检查设施设备
各校要对消防、供电和饮水设施逐项检查，确保正常运行，检查结果按时报送教育局。
二、加强组织领导
各校要成立开学工作领导小组，明确责任分工，层层抓好落实，确保各项工作落到实处。
某某县教育局
二○一九年八月二十日
"""


def test_numbered_parts_over_bracketed_sub_heads_are_two_heading_levels(tmp_path):
    (article,) = articles(collection_of(tmp_path, NOTICE))
    levels = [(b.text[:4], b.depth) for b in article.blocks if isinstance(b, Heading)]
    assert levels == [("一、做好", 1), ("（一）排", 2), ("（二）检", 2), ("二、加强", 1)]


def test_an_issuer_and_a_date_in_chinese_numerals_close_a_notice(tmp_path):
    (article,) = articles(collection_of(tmp_path, NOTICE))
    assert authors(article) == [("某某县教育局", "")]
    assert article.date == "二○一九年八月二十日"


# --- a report pasted as one line, cut at wide spaces ----------------------------------

ONE_LINE_REPORT = (
    "学习材料汇编\n"
    "市委召开专题会议研究部署冬季安全生产工作\u3000\u3000坚决守住安全底线\u3000\u3000"
    "市长主持 副市长出席\u3000\u3000某某在线12月3日讯（记者 赵文杰）2日下午，"
    "市委召开专题会议，研究部署冬季安全生产工作，要求各地各部门压实责任、排查隐患。"
    "\u3000\u3000会议强调，要以最严的要求、最实的举措抓好各项工作，确保全市安全形势稳定。\n"
)


def test_a_one_line_reports_headline_is_its_title_and_its_deck_no_other_title(tmp_path):
    collection = collection_of(tmp_path, ONE_LINE_REPORT)
    (article,) = articles(collection)
    assert article.title == "市委召开专题会议研究部署冬季安全生产工作"
    assert authors(article) == [("赵文杰", "记者"), ("某某在线", "来源")]  # the dateline's outlet
    kept = [b.text for b in article.blocks]
    assert "坚决守住安全底线" in kept and "市长主持 副市长出席" in kept


def test_the_report_warns_of_the_deck_kept_under_a_one_line_reports_headline(tmp_path):
    collection = collection_of(tmp_path, ONE_LINE_REPORT)
    warned = [d.what for d in collection.doubts if d.rule == "deck-under-headline"]
    assert len(warned) == 1
    assert warned[0].endswith("坚决守住安全底线 / 市长主持 副市长出席")


# --- photo and editors' credits; a study material's label alone ---------------------

CREDITS = """【2020年3月学习材料】
某某中学3月份党员学习推荐材料
全市春季植树活动在城郊举行
来源：某某日报
市领导和干部群众一起参加义务植树，共栽下树苗三千余株，为城市增添了新绿。
这是参加植树活动的干部群众在挥锹培土。
新华社记者 王 强摄
新华社记者 李 明摄植树现场，志愿者们为新栽的树苗浇水，现场气氛十分热烈。
活动号召全市干部群众积极参与国土绿化，共建美丽家园，让城市更加宜居宜业。(责编：张丽、王芳)
"""


def test_photographers_credits_are_reported_debris_never_a_title(tmp_path):
    collection = collection_of(tmp_path, CREDITS)
    gone = [(r.rule, r.text) for r in collection.removals]
    assert ("photo-credit", "新华社记者 王 强摄") in gone
    assert ("photo-credit", "新华社记者 李 明摄") in gone
    kept = [b.text for a in articles(collection) for b in a.blocks]
    assert "植树现场，志愿者们为新栽的树苗浇水，现场气氛十分热烈。" in kept
    assert all(a.title != "新华社记者" for a in articles(collection))


def test_the_editors_credit_in_brackets_after_the_text_is_reported_debris(tmp_path):
    collection = collection_of(tmp_path, CREDITS)
    gone = [(r.rule, r.text) for r in collection.removals]
    assert ("editor-credit", "（责编：张丽、王芳）") in gone  # brackets widened by the reader


def test_a_study_materials_label_alone_is_the_essays_subtitle_not_a_title(tmp_path):
    collection = collection_of(tmp_path, CREDITS)
    (essay,) = collection.essays
    assert essay.subtitle == "某某中学3月份党员学习推荐材料"
    assert [a.title for a in essay.articles] == ["全市春季植树活动在城郊举行"]


# --- a reading report's part labels; numbered quotations are a list -----------------

READING_REPORT = """读《围城》有感
内容简介：
《围城》是钱钟书的长篇小说，讲述了方鸿渐留学归来后在婚姻和事业上的种种遭遇。
精彩书摘
1、婚姻是一座围城，城外的人想进去，城里的人想出来。
2、天下只有两种人。
3、忠厚老实人的恶毒，像饭里的砂砾，出其不意地硌痛了你的牙齿，令人防不胜防。
读后感言
读完这本书，我对生活和婚姻有了新的认识，也更加懂得了珍惜眼前人的道理和意义。
"""


def test_a_reading_reports_part_labels_are_headings_and_its_quotations_a_list(tmp_path):
    collection = collection_of(tmp_path, READING_REPORT)
    (article,) = articles(collection)
    assert article.title is None  # 读后感言 heads a part, it titles no article
    heads = [b.text for b in article.blocks if isinstance(b, Heading)]
    assert heads == ["内容简介：", "精彩书摘", "读后感言"]


# --- a spaced byline is never cut into paragraphs ------------------------------------

SPACED_BYLINE_TEXT = (
    "学习材料汇编\n"
    "全市召开秋收工作会议\n"
    "抓好秋收秋种\xa0\xa0\u3000\u3000■\xa0首席记者\xa0王长河\u3000\u3000本报讯\xa0昨天上午，"
    "全市秋收工作会议召开。\xa0会议要求各地抢抓晴好天气，确保颗粒归仓。\xa0各地要做好农机调度。\n"
)


def test_a_reporters_byline_spaced_with_no_break_spaces_stays_one_piece(tmp_path):
    collection = collection_of(tmp_path, SPACED_BYLINE_TEXT)
    pieces = [b.text for a in articles(collection) for b in a.blocks]
    pieces += [b.text for e in collection.essays for b in e.bylines]
    assert "■\xa0首席记者\xa0王长河" in pieces
    assert not {"■", "首席记者", "王长河"} & set(pieces)
