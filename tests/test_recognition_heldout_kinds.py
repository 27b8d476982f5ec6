"""The kinds of error first met on the held-out texts, each as a general rule:
small texts written by hand in the same forms (not the corpus texts), and what
a careful reader sees in them."""

from __future__ import annotations

from support import articles, authors, collection_of, doubts, headings, removed, texts

from handbook.model import Byline, Heading, Paragraph
from handbook.punctuation import restore_full_width

# --- a source line closes its piece ----------------------------------------------


ONE_LINE_PIECES = (
    "\u3000\u3000我受委托，现对这个条例作简要说明。\u3000\u3000注释"
    "\u3000\u3000〔1〕这个条例于一九八〇年八月通过。"
    "\u3000\u3000出处：某某文选第一卷;;;;人民出版社2006年8月第1版"
    "\u3000\u3000在新的挑战面前，人们十分关注电子工业的建设和发展。\n"
)


def test_a_source_line_after_the_text_closes_the_piece_and_the_next_starts_untitled(tmp_path):
    collection = collection_of(tmp_path, ONE_LINE_PIECES)
    first, second = articles(collection)
    assert (first.title, second.title) == (None, None)
    assert authors(first) == [("某某文选第一卷", "出处")]  # the book, not its imprint
    assert second.paragraphs[0].text.startswith("在新的挑战面前")
    assert authors(second) == []
    assert (1, "untitled-after-source") in doubts(collection)  # a guess: reported


def test_a_source_line_under_a_title_opens_its_article_and_closes_nothing(tmp_path):
    text = "学习体会\n来源：人民网\n第一段写在这里。\n第二段写在这里。\n"
    [essay] = collection_of(tmp_path, text).essays
    [article] = essay.articles  # one: the source line stands above the text
    assert [(a.name, a.role) for a in essay.authors] == [("人民网", "来源")]
    assert [p.text for p in article.paragraphs] == ["第一段写在这里。", "第二段写在这里。"]


def test_a_lone_notes_label_is_a_heading(tmp_path):
    collection = collection_of(tmp_path, ONE_LINE_PIECES)
    assert headings(collection) == ["注释"]
    text = "标题\n正文的第一段写在这里。\n附：\n附上的材料写在这里。\n"
    assert headings(collection_of(tmp_path, text)) == ["附："]


# --- crawler junk glued into the text --------------------------------------------


def test_glued_crawler_junk_is_reported_debris_and_never_widened(tmp_path):
    text = (
        "电子工业的发展\n"
        "深圳特区筹建以来进展良好，已显示出一些好的前景。オ\u3000\u3000第二段从这里开始。\n"
        "制品的发展。&amp;amp;nbsp;我们相信电子工业一定能够振兴。\n"
        "\u3000\u3000;*这是作者当时所作的说明。\n"
        "出处：某某文选第一卷;;;;人民出版社\n"
    )
    collection = collection_of(tmp_path, text)
    assert set(removed(collection)) == {
        ("stray-kana", "オ"),
        ("escaped-space", "&amp;amp;nbsp;"),
        ("stray-semicolon", ";"),
        ("crawler-separator", ";;;;"),
    }
    body = "".join(texts(collection))
    assert not any(junk in body for junk in ("オ", "&amp;", ";", "；"))
    assert "好的前景。" in body and "*这是作者当时所作的说明。" in body


def test_the_reader_leaves_crawler_junk_narrow_and_widens_the_rest():
    assert restore_full_width("第一卷;;;;人民出版社,好") == "第一卷;;;;人民出版社，好"
    assert restore_full_width("的发展。&amp;amp;nbsp;我们,") == "的发展。&amp;amp;nbsp;我们，"
    assert restore_full_width("决定。\u3000\u3000;*这是") == "决定。\u3000\u3000;*这是"
    assert restore_full_width("甲;乙") == "甲；乙"  # a semicolon between clauses is punctuation


def test_an_entity_for_a_character_is_text_not_debris(tmp_path):
    text = "标题\n新闻的正文写在这里。\n&gt;&gt;背景资料\n背景的正文写在这里。\n"
    collection = collection_of(tmp_path, text)
    assert removed(collection) == []
    assert any(t.startswith("&gt;&gt") for t in texts(collection))


# --- property lines wherever they stand ----------------------------------------------


def test_trailing_property_lines_give_byline_date_and_debris(tmp_path):
    text = (
        "某代表：医保应向两端延伸\n"
        "某某网北京3月9日讯（记者 张文华）全国人大代表李四对规划的举措表示赞同。\n"
        "代表委员小资料：\n"
        "李四，男，1959年出生，现为主任医师。\n"
        "作者：中国经济网\n"
        "链接：http://www.example.cn/a/t20160309_1.shtml\n"
        "时间：2016年03月09日\n"
        "责任编辑：宋岩\n"
    )
    collection = collection_of(tmp_path, text)
    [essay] = collection.essays
    [article] = essay.articles
    people = [(a.name, a.role) for a in essay.authors]
    # the outlet the dateline names is the article's source
    assert sorted(people) == [("中国经济网", "作者"), ("张文华", "记者"), ("某某网", "来源")]
    assert collection.date == essay.date == "2016年03月09日"
    assert article.paragraphs[0].text.startswith("全国人大代表")  # the dateline cut off
    assert headings(collection) == ["代表委员小资料："]
    assert removed(collection) == [
        ("source-link", "链接：http://www.example.cn/a/t20160309_1.shtml"),
        ("editor-credit", "责任编辑：宋岩"),
    ]
    assert (3, "box-label") in doubts(collection)


def test_a_greeting_or_a_lead_in_ending_in_a_colon_is_no_heading(tmp_path):
    text = (
        "讲话\n同志们：\n今天我们在这里开会。\n具体的运用是：\n第一，要细心地研究政策。\n"
        "有几个方面：\n形式主义：知行不一；\n官僚主义：脱离实际。\n"
    )
    assert headings(collection_of(tmp_path, text)) == []


# --- a Markdown export's front matter ------------------------------------------------


def test_front_matter_gives_title_and_date_and_the_rest_is_debris(tmp_path):
    text = (
        "\n---\ntitle: '读后感 After Reading'\ndate: 2019-09-26 03:08:39\n"
        "widgets:\n    -\n        type: toc\n---\n\n"
        "一、履职尽责\n\n习主席讲，要体现在实效上。\n\n"
        "注：图片来自网络。\n\n- - -\n\n"
        "This page is synchronized from the post: ['读后感'](https://example.org/@a/p)\n"
    )
    collection = collection_of(tmp_path, text)
    [essay] = collection.essays
    assert (collection.title, essay.title) == ("读后感 After Reading", "读后感 After Reading")
    assert collection.date == "2019-09-26 03:08:39"  # the date as written, time included
    rules = removed(collection)
    assert ("front-matter", "-") in rules and ("front-matter", "type: toc") in rules
    assert not any(t.startswith(("title:", "date:")) for _, t in rules)  # read, not debris
    assert ("image-credit", "注：图片来自网络。") in rules
    assert rules[-1][0] == "mirror-note"
    assert texts(collection) == ["一、履职尽责", "习主席讲，要体现在实效上。"]


# --- speakers' lines -------------------------------------------------------------------


SPEAKERS = (
    "学习传达党代会精神\n"
    "党代会召开后，大家认真学习了会议精神，自豪感油然而生。\n"
    "下面是部分同志的感想：\n"
    "党总支书记  邓  艳\n"
    "这次党代会是我们段的一件大事，\n"
    "我们深感自豪。\n"
    "队长   王双成：\n"
    "这次参加党代会，感触颇深。\n"
    "王  凯\n"
    "本次党代会是新的起点。\n"
    "焦文娟\n"
    "这次党代会鼓舞人心。\n"
)


def test_speakers_lines_are_the_bylines_of_the_statements_under_them(tmp_path):
    collection = collection_of(tmp_path, SPEAKERS)
    opening, *statements = articles(collection)
    assert [a.title for a in articles(collection)] == [None] * 5  # never a title
    assert [b.text for b in opening.blocks if isinstance(b, Heading)] == ["下面是部分同志的感想："]
    assert [authors(a) for a in statements] == [
        [("邓  艳", "党总支书记")],
        [("王双成", "队长")],
        [("王  凯", "")],
        [("焦文娟", "")],
    ]
    assert statements[0].paragraphs[0].text == "这次党代会是我们段的一件大事，我们深感自豪。"
    assert isinstance(statements[-1].blocks[0], Byline)
    assert (11, "speaker-by-habit") in doubts(collection)  # read from the text's habit: reported


def test_a_name_alone_is_no_speaker_where_the_text_sets_no_speakers(tmp_path):
    text = "标题\n这是第一段的话，写在这里。\n焦文娟\n这是另一段话，也写在这里。\n"
    collection = collection_of(tmp_path, text)
    assert not any(isinstance(b, Byline) for a in articles(collection) for b in a.blocks)
    assert "焦文娟" in [
        b.text for a in articles(collection) for b in a.blocks if isinstance(b, Paragraph)
    ]
