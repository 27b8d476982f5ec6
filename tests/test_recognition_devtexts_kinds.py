"""The shapes of the development texts still read wrong after their tuning
(a mini-program's feed of headline and teaser records, a Markdown page of
admonition boxes, a headline naming its commentator before its colon):
hand-written lines in the same forms, and a near miss each that must be read
otherwise."""

from __future__ import annotations

from support import NEWS_BODY, TITLE, collection_of, doubts, headings, lines, paragraphs, people

# --- a feed of headline and teaser records, one record with no headline --------------

FEED = [
    "机械工程学院举行“青春心向党”主题团日活动",
    "为庆祝建团节，机械工程学院于5月4日在报告厅举行主题团日活动，学院团委书记主持，"
    "各团支部书记和团员代表一百余人参加，大家重温入团誓词，分享青春故事。",
    "5月9日，学校团委组织青年志愿者走进社区，开展义务维修、健康咨询和文明宣讲等服务，"
    "共服务居民三百余人次，受到社区群众的欢迎和好评。",
    "图书馆开展“书香校园”读书月系列活动",
    "读书月期间，图书馆先后举办名家讲座、经典诵读和好书推荐等活动，吸引全校两千余名"
    "师生参与，营造了爱读书、读好书的浓厚氛围。",
    "外国语学院师生热议青年工作重要论述",
    "连日来，外国语学院师生通过集中学习、专题研讨等形式，认真学习青年工作重要论述，"
    "大家纷纷表示要把个人理想融入国家发展，在新征程上奋勇争先。",
    "学校召开2022届毕业生就业工作推进会",
    "会议通报了当前毕业生就业进展情况，分析了存在的困难和问题，对下一阶段就业工作作出"
    "部署，要求各学院压实责任，全力以赴促进毕业生充分就业。",
]


def test_a_feed_s_teasers_are_records_one_with_no_headline(tmp_path):
    collection = collection_of(tmp_path, lines(FEED))
    assert [e.title for e in collection.essays] == [FEED[0], "", FEED[3], FEED[5], FEED[7]]
    assert [e.articles[0].paragraphs[0].text for e in collection.essays] == FEED[1:3] + FEED[4::2]
    assert (3, "feed-record") in doubts(collection)
    assert headings(collection) == []


def test_records_of_two_paragraphs_have_no_record_without_a_headline(tmp_path):
    # Every headline stands over two paragraphs: records of two paragraphs
    # each, not a feed in which half the records have no headline.
    text = [FEED[0], FEED[1], FEED[2], FEED[3], FEED[4], FEED[2], FEED[5], FEED[6], FEED[2]]
    collection = collection_of(tmp_path, lines(text))
    assert [e.title for e in collection.essays] == [FEED[0], FEED[3], FEED[5]]
    assert [len(e.articles[0].paragraphs) for e in collection.essays] == [2, 2, 2]
    assert "feed-record" not in [rule for _, rule in doubts(collection)]


def test_numbered_sections_of_one_paragraph_are_no_feed(tmp_path):
    heads = [
        "一、坚持用党的创新理论武装头脑",
        "二、坚持把为民服务落到实处",
        "三、坚持把制度建设贯穿始终",
    ]
    text = [FEED[0], FEED[1], heads[0], FEED[4], heads[1], FEED[6], heads[2], FEED[8]]
    collection = collection_of(tmp_path, lines(text))
    assert [e.title for e in collection.essays] == [FEED[0]]
    assert headings(collection) == heads


# --- a commentator signing the commentary in brackets ----------------------------------

COMMENTARY = [
    "某某日报评论员：以实干担当推动高质量发展",
    "高质量发展是新时代的硬道理。面对复杂严峻的外部环境，我们更要保持战略定力，"
    "集中精力办好自己的事。",
    "推动高质量发展，关键在实干。各地要把各项部署落到实处，以钉钉子精神抓好落实，"
    "让发展成果更多更公平惠及全体人民。",
]
SIGNATURE = "（某某日报评论员）"


def test_a_commentator_in_brackets_after_the_last_sentence_is_the_author(tmp_path):
    collection = collection_of(tmp_path, lines(COMMENTARY[:2], COMMENTARY[2] + SIGNATURE))
    assert collection.title == COMMENTARY[0]  # the headline kept whole, its lead in it
    assert people(collection) == [("某某日报评论员", "作者")]
    assert paragraphs(collection)[-1] == COMMENTARY[2]


def test_commentators_named_inside_a_sentence_are_no_signature(tmp_path):
    said = "一些评论员（包括几位特约评论员）认为，这一做法值得推广。"
    collection = collection_of(tmp_path, lines(COMMENTARY, said))
    assert people(collection) == []
    assert paragraphs(collection)[-1] == said


# --- a source's bureau in brackets after its name ---------------------------------------

POSTED = "2015-07-02 23:15:34\u3000来源:"


def test_the_place_bracketed_after_a_source_is_its_bureau(tmp_path):
    text = lines(COMMENTARY[0], POSTED, "某某证券报·某某财经网(上海)", COMMENTARY[1:])
    [source] = [x for e in collection_of(tmp_path, text).essays for x in e.authors]
    assert (source.name, source.unit, source.role) == ("某某证券报·某某财经网", "上海", "来源")


def test_an_edition_bracketed_after_a_source_is_part_of_its_name(tmp_path):
    text = lines(COMMENTARY[0], POSTED, "人民网(人民日报海外版)", COMMENTARY[1:])
    [source] = [x for e in collection_of(tmp_path, text).essays for x in e.authors]
    assert (source.name, source.unit) == ("人民网（人民日报海外版）", "")  # widened as read


# --- a Markdown page's admonition boxes as its sections ---------------------------------

BOXES = [
    "!!! 要求",
    "\t1. 六月底前提交实践报告，字数不少于两千字",
    "\t2. 团队命名：学院名加小分队名",
    '!!! note "党的全国代表大会"',
    "\t- 每五年举行一次",
    "\t\t- `x大`：第 x 次全国代表大会",
    "```mermaid",
    "gantt title 三个时期",
    "一、新民主主义革命时期\t:1921, 28y",
    "```",
    '!!! note "全国人民代表大会"',
    "\t- 每届任期五年",
    '!!! note "中央委员会全体会议"',
    "\t- 每年至少举行一次",
    "!!! question",
    "\t1. 怎么报名？",
]


def test_admonition_boxes_are_sections_headed_by_their_titles(tmp_path):
    collection = collection_of(tmp_path, lines(BOXES))
    assert headings(collection) == [
        "要求",
        "党的全国代表大会",
        "全国人民代表大会",
        "中央委员会全体会议",
        "question",
    ]
    assert any(p.startswith("一、新民主主义革命时期") for p in paragraphs(collection))  # a chart's
    assert "2. 团队命名：学院名加小分队名" in paragraphs(collection)


def test_a_line_opening_with_exclamation_marks_is_no_box(tmp_path):
    said = "!!! 注意：明天上午九点在三楼会议室开会。"
    collection = collection_of(tmp_path, lines(TITLE, said, NEWS_BODY))
    assert headings(collection) == []
    assert any(said[4:] in p for p in paragraphs(collection))
