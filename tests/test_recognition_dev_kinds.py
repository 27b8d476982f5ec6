"""The kinds of error still left on the development texts, each as a family
of conventions a careful reader knows: small texts written by hand in the
same forms (not the corpus texts), at least two wordings a family, and what
a reader sees in them."""

from __future__ import annotations

import pytest
from support import (
    BODY,
    articles,
    authors,
    collection_of,
    headings,
    kept_words,
    removed,
    texts,
)

from handbook.chars import han
from handbook.corpus.scoring import Source, matched_hans

LEAD = BODY.replace("\n", "")  # the same two sentences as one paragraph
PAGE = "每周一学（第十二期）"  # the page's title, over the reports


# --- a dateline's day without its year ----------------------------------------------


SITE_DATELINES = [
    ("某某在线5月12日讯（记者 王明）", "5月12日"),
    ("某某新闻网杭州10月3日讯（记者 李华、赵强）", "10月3日"),
]


@pytest.mark.parametrize("dateline, day", SITE_DATELINES)
def test_a_site_dateline_dates_its_report(tmp_path, dateline, day):
    text = f"某某县召开基层党建工作推进会\n{dateline}{LEAD}\n"
    essay = collection_of(tmp_path, text).essays[0]  # one report: its head is the essay's
    assert essay.date == day
    named = authors(essay)
    assert named[0][1] == "记者"
    assert named[-1] == (dateline.split("讯")[0].removesuffix(day).rstrip("杭州"), "来源")


@pytest.mark.parametrize(
    "credit",
    ["时间：2019年05月12日", "发布日期：2019-5-12"],
)
def test_a_day_without_its_year_takes_the_year_of_the_same_day_on_the_page(tmp_path, credit):
    text = f"某某县召开基层党建工作推进会\n某某在线5月12日讯（记者 王明）{LEAD}\n{credit}\n"
    collection = collection_of(tmp_path, text)
    full = credit.split("：")[1]
    assert collection.essays[0].date == full
    assert collection.date == full


def test_a_day_without_its_year_stays_where_the_page_gives_another_day(tmp_path):
    text = f"某某县召开基层党建工作推进会\n某某在线5月12日讯（记者 王明）{LEAD}\n时间：2019年05月14日\n"
    collection = collection_of(tmp_path, text)
    assert collection.essays[0].date == "5月12日"  # the report's own day, no year given it


# --- a newspaper's headline over its sub-head, byline and lead ----------------------------


@pytest.mark.parametrize(
    "byline, name, role",
    [
        ("■ 首席记者 张科", "张科", "首席记者"),
        ("■本报记者 王小明", "王小明", "本报记者"),
        ("■ 通讯员 李强", "李强", "通讯员"),
    ],
)
def test_a_headline_over_a_line_cut_into_sub_head_byline_and_lead(tmp_path, byline, name, role):
    first = "某某区召开党史学习教育动员大会"
    second = "某某市委常委会议上强调 以更实举措抓好基层治理"
    text = (
        f"{PAGE}\n{first}\n{BODY}{second}\n"
        f"推动各项工作落到实处\u00a0\u00a0\u3000\u3000{byline}\u3000\u3000本报讯 {LEAD}\n"
    )
    collection = collection_of(tmp_path, text)
    found = articles(collection)
    assert [a.title for a in found] == [first, second]
    assert authors(found[1]) == [(name, role)]
    assert "推动各项工作落到实处" in "".join(texts(collection))  # the sub-head stays, below
    assert headings(collection) == []
    assert han(text) == han(kept_words(collection)).replace(han(PAGE), "", 1)  # nothing lost


def test_a_sentence_above_is_no_headline_the_short_line_over_the_byline_is_the_title(tmp_path):
    text = (
        f"{PAGE}\n{BODY}要坚持问题导向，推动各项工作落到实处。\n"
        f"以更实举措抓好基层治理\u3000\u3000■ 记者 王明\u3000\u3000{LEAD}\n"
    )
    last = articles(collection_of(tmp_path, text))[-1]
    assert last.title == "以更实举措抓好基层治理"
    assert authors(last) == [("王明", "记者")]


# --- a report's headline, sub-head and deck glued to its lead --------------------------


@pytest.mark.parametrize(
    "title, subhead, deck, lead",
    [
        (
            "张明在全区基层党建工作会议上强调以组织振兴引领乡村全面振兴",
            "不断提升基层党组织的组织力",
            "李华主持 王强出席",
            "18日上午，",
        ),
        (
            "赵刚在全市优化营商环境大会上指出以更优服务激发市场主体活力",
            "进一步擦亮营商环境金字招牌",
            "孙丽主持并讲话 周敏吴凯出席",
            "昨天下午，",
        ),
    ],
)
def test_a_headline_glued_to_its_deck_and_lead(tmp_path, title, subhead, deck, lead):
    opening = "某某区召开党史学习教育动员大会"
    text = f"{PAGE}\n{opening}\n{BODY}{title}{subhead}{deck}{lead}{LEAD}\n"
    collection = collection_of(tmp_path, text)
    found = articles(collection)
    assert [a.title for a in found] == [opening, title]
    second = [b.text for b in found[1].blocks]
    assert second[:3] == [subhead, deck, lead + LEAD]
    assert han(text) == han(kept_words(collection)).replace(han(PAGE), "", 1)


def test_a_deck_with_no_time_after_it_is_prose(tmp_path):
    """`…王强主持会议并讲话` is a sentence's subject and verb, not a deck."""
    line = "全区基层党建工作会议在区委大楼召开区委书记王强主持会议并讲话，会议部署了下阶段工作。"
    text = f"{PAGE}\n某某区召开党史学习教育动员大会\n{BODY}{line}\n"
    assert line in texts(collection_of(tmp_path, text))


# --- a page copied whole: its headline's two parts, its dateline and wire glued -------------

NBSP = "\u00a0"
# Paragraphs parted by pairs of no-break spaces: the page's convention.
NBSP_BODY = (
    f"会议指出，要把学习成果转化为推动工作的实际行动。{NBSP}{NBSP}"
    f"会议要求，各部门要按照分工抓好落实，不打折扣。{NBSP}{NBSP}"
    "会议强调，要以钉钉子精神推动各项任务落地见效。\n"
)


@pytest.mark.parametrize(
    "first, second",
    [
        ("某某市第五次党代会隆重开幕", "市委书记张明代表市委作报告"),
        ("全省组织工作会议在杭召开", "省委书记王华出席会议并讲话"),
    ],
)
def test_a_headline_in_two_parts_joined_by_one_no_break_space_is_one_title(tmp_path, first, second):
    headline = f"{first}{NBSP}{second}"
    text = f"{PAGE}\n学习推荐材料\n{headline}\n{NBSP_BODY}"
    collection = collection_of(tmp_path, text)
    assert articles(collection)[0].title == headline
    assert not [t for t in texts(collection) if second in t]  # the second part in no block


def test_two_no_break_spaces_after_a_sentence_still_part_paragraphs(tmp_path):
    collection = collection_of(
        tmp_path, f"{PAGE}\n学习推荐材料\n某某市第五次党代会隆重开幕\n{NBSP_BODY}"
    )
    assert len([t for t in texts(collection) if t.startswith("会议")]) == 3


@pytest.mark.parametrize(
    "title, label",
    [
        ("以新发展理念引领高质量发展 推动经济行稳致远", "某某关于经济工作的重要论述学习纲要（3）"),
        ("坚持人民至上 把群众冷暖放在心上", "某某关于群众工作的重要论述学习读本（十二）"),
    ],
)
def test_a_series_label_glued_after_the_title_is_cut_where_its_book_is_named(
    tmp_path, title, label
):
    book = label[: label.index("学习")]
    body = f"\u3000\u3000{book}是一个整体，要全面系统学习，做到学思用贯通、知信行统一。"
    text = f"{PAGE}\n{BODY}{title}{label}{body}\n"
    found = articles(collection_of(tmp_path, text))
    assert found[-1].title == title
    assert found[-1].blocks[0].text == label


def test_a_title_ending_in_a_numbered_label_the_text_never_names_again_stays_whole(tmp_path):
    line = "以新发展理念引领高质量发展学习纲要（3）"
    text = (
        f"{PAGE}\n{BODY}{line}\u3000\u3000要全面系统学习，做到学思用贯通、知信行统一，不断提高。\n"
    )
    found = articles(collection_of(tmp_path, text))
    assert line not in [a.title for a in found]  # cut where nothing names its book: not cut


@pytest.mark.parametrize(
    "dateline, source",
    [("2020年05月09日08:15", "来源：人民网－人民日报"), ("2021-3-2 10:05:31", "来源：新华网")],
)
def test_a_dateline_glued_after_the_deck_above_it_dates_the_article(tmp_path, dateline, source):
    deck = "会议号召，全市上下要更加紧密地团结起来，为实现奋斗目标而努力奋斗"
    text = (
        f"{PAGE}\n学习推荐材料\n某某市第五次党代会隆重开幕\n"
        f"{deck}{dateline}{NBSP}{NBSP}{NBSP}{source}某某市第五次党代会9日上午在市会议中心隆重开幕，大会为期三天。{NBSP}{NBSP}"
        f"{NBSP_BODY}"
    )
    collection = collection_of(tmp_path, text)
    article = articles(collection)[0]
    assert article.date == dateline
    assert deck in texts(collection)
    assert (source.split("：")[1], "来源") in authors(article)


@pytest.mark.parametrize("wire", ["新华社北京5月9日电", "中新社上海2020年5月9日电"])
def test_a_wire_dateline_glued_after_the_text_is_a_source_and_opens_no_article(tmp_path, wire):
    before = "要以钉钉子精神推动各项任务落地见效，确保优越性充分展现"
    text = (
        f"{PAGE}\n学习推荐材料\n某某市第五次党代会隆重开幕\n{NBSP_BODY}"
        f"{before}{wire}{NBSP}{NBSP}会议于5月8日至9日在某某举行。\n"
    )
    collection = collection_of(tmp_path, text)
    assert len(articles(collection)) == 1
    assert (wire[:3], "来源") in authors(articles(collection)[0])
    assert before in texts(collection)


def test_a_wire_dateline_cited_after_a_comma_stays_an_attribution(tmp_path):
    line = "王明对职业教育工作作出的重要指示，据新华社北京2021年4月13日电"
    text = f"{PAGE}\n{BODY}{line}\n"
    collection = collection_of(tmp_path, text)
    essay = collection.essays[0]
    rules = [b.rule for b in essay.bylines + [b for a in essay.articles for b in a.bylines]]
    assert "attribution-wire" in rules
    assert "wire-dateline-tail" not in rules


@pytest.mark.parametrize(
    "title, note",
    [
        (
            "中国共产党某某市第五届委员会第三次全体会议公报",
            "（2020年5月9日中国共产党某某市第五届委员会第三次全体会议通过）",
        ),
        ("某某县关于加强基层治理的实施意见", "（2021年3月2日县委常委会议审议通过）"),
    ],
)
def test_a_document_title_with_its_note_of_adoption_glued_to_its_text_is_a_heading(
    tmp_path, title, note
):
    rest = "会议听取和讨论了常委会的工作报告，审议通过了有关文件。"
    text = f"{PAGE}\n某某市召开全会\n{BODY}{title}{note}{rest}\n"
    collection = collection_of(tmp_path, text)
    assert headings(collection) == [title]
    assert [note, rest] == texts(collection)[-2:]


# --- a study page's label, and a banner's lines ----------------------------------------------


@pytest.mark.parametrize("label", ["【5月学习材料】", "【第三期学习资料】"])
def test_a_series_label_alone_in_brackets_on_the_first_line_is_no_heading(tmp_path, label):
    text = f"【2020年5月学习材料】\n{label}\n村里修路的故事\n来源：某某日报\n{BODY}"
    collection = collection_of(tmp_path, text)
    essay = collection.essays[0]
    assert essay.subtitle == label
    assert headings(collection) == []
    assert [a.title for a in essay.articles] == ["村里修路的故事"]
    assert "" not in texts(collection)


@pytest.mark.parametrize("label", ["【写在前面】", "【编者按】"])
def test_a_bracketed_label_alone_that_names_no_series_stays_a_heading(tmp_path, label):
    text = f"某某学习心得\n{label}\n{BODY}"
    collection = collection_of(tmp_path, text)
    assert headings(collection) == [label]
    assert "" not in texts(collection)  # nothing glued to it: no empty paragraph after it


@pytest.mark.parametrize(
    "banner, second, section",
    [
        ("纪念某某工作法推广十周年", "某某工作法坚持发展五周年", "某某工作法简介"),
        ("庆祝某某学校建校六十周年", "某某学校扎根山区办学一甲子", "学校发展概况"),
    ],
)
def test_a_banners_second_line_is_its_subtitle_and_its_last_heads_a_section(
    tmp_path, banner, second, section
):
    text = (
        "学习材料汇编\n村里修路的故事\n来源：某某日报\n"
        "去年秋天，村里终于修通了进山的公路，几十年来村民出行难的问题得到了解决。\n"
        f"{banner}\n{second}\n{section}\n{BODY}"
    )
    collection = collection_of(tmp_path, text)
    last = articles(collection)[-1]
    assert last.title == banner
    assert headings(collection) == [section]
    assert last.blocks[0].text == second


# --- a label given again right under itself --------------------------------------------------


@pytest.mark.parametrize(
    "label, repeat",
    [("精彩书摘", "精彩书摘："), ("作者简介", "作者简介："), ("内容简介：", "内容简介")],
)
def test_a_label_given_again_under_itself_is_one_heading(tmp_path, label, repeat):
    text = (
        "我读《平凡的世界》\n读后感言\n"
        "这本书写的是普通人的奋斗，读来让人感动，也让人深思自己的工作和生活。\n"
        f"{label}\n{repeat}\n"
        "路遥用六年时间写成这部书，书中的孙少平和孙少安兄弟让无数读者难忘。\n"
    )
    collection = collection_of(tmp_path, text)
    assert headings(collection) == ["读后感言", label]
    assert repeat in texts(collection)


# --- a date in an era's reckoning -------------------------------------------------------------

PREFACE = (
    "余少嗜读书，长而好游，所见所闻，辄笔记之，积久成帙，因名之曰杂记。\n"
    "今将付梓，略述缘起如此，以告读者诸君。\n"
)


@pytest.mark.parametrize(
    "line, date",
    [
        ("乾隆丙午秋日[12]", "乾隆丙午秋日"),
        ("光绪二十六年五月", "光绪二十六年五月"),
        ("民国十年春", "民国十年春"),
    ],
)
def test_a_date_in_an_eras_reckoning_closing_a_preface_dates_it(tmp_path, line, date):
    text = f"某某杂记\n自序\n{PREFACE}{line}\n【注释】\n[12]丙午：乾隆五十一年。\n"
    collection = collection_of(tmp_path, text)
    assert collection.essays[0].date == date
    assert line in texts(collection)  # the line stays, its note mark too


def test_a_sentence_that_opens_with_a_reign_is_no_date(tmp_path):
    line = "康熙年间，此地商旅往来，十分繁华。"
    text = f"某某杂记\n{PREFACE}{line}\n"
    collection = collection_of(tmp_path, text)
    assert collection.essays[0].date is None
    assert line in texts(collection)


# --- a reading note's numbered pieces in Markdown ----------------------------------------------


def note(head: str, words: str) -> str:
    return f"{head}\n\n{words}这一篇讲的是调查研究的方法，值得反复阅读。\n\n"


def test_a_marker_with_a_word_before_it_starts_the_piece_the_numbering_misses(tmp_path):
    text = (
        "# 读书笔记\n\n"
        + note("### 第九篇《怎样分析农村阶级》", "其一")
        + note("选集第十篇《我们的经济政策》", "其二")
        + note("### 第十一篇《关心群众生活》", "其三")
    )
    collection = collection_of(tmp_path, text)
    assert [(e.marker, e.title) for e in collection.essays] == [
        ("第九篇", "《怎样分析农村阶级》"),
        ("第十篇", "《我们的经济政策》"),
        ("第十一篇", "《关心群众生活》"),
    ]
    assert collection.essays[1].subtitle == "选集"  # the volume's name, kept


def test_a_marker_with_a_word_before_it_where_no_piece_is_missing_is_text(tmp_path):
    line = "读完第十篇《我们的经济政策》"
    text = (
        "# 读书笔记\n\n"
        + note("### 第九篇《怎样分析农村阶级》", "其一")
        + note(line, "其二")
        + note("### 第十篇《我们的经济政策》", "其三")
    )
    collection = collection_of(tmp_path, text)
    assert [e.marker for e in collection.essays] == ["第九篇", "第十篇"]
    assert line in texts(collection)


@pytest.mark.parametrize("placeholder", ["* content", "- TOC"])
def test_kramdowns_contents_directive_and_its_placeholder_are_debris(tmp_path, placeholder):
    text = f"# 读书笔记\n\n{placeholder}\n{{:toc}}\n\n{BODY}\n"
    collection = collection_of(tmp_path, text)
    assert removed(collection) == [("toc-directive", placeholder), ("toc-directive", "{:toc}")]


def test_a_list_item_with_no_directive_under_it_stays(tmp_path):
    collection = collection_of(tmp_path, f"# 读书笔记\n\n* 第一条体会\n\n{BODY}\n")
    assert removed(collection) == []
    assert "* 第一条体会" in texts(collection)


@pytest.mark.parametrize("closing", ["# 结束", "## 完"])
def test_a_markdown_heading_that_ends_the_text_over_nothing_is_debris(tmp_path, closing):
    collection = collection_of(tmp_path, f"# 读书笔记\n\n{BODY}\n\n{closing}\n\n")
    assert removed(collection) == [("empty-closing-heading", closing)]


def test_a_closing_heading_over_text_stays(tmp_path):
    collection = collection_of(tmp_path, f"# 读书笔记\n\n{BODY}\n\n## 结语\n\n{NOTE_LEAD}\n")
    assert removed(collection) == []
    assert "结语" in kept_words(collection)


# --- the scorer: the pieces of one line ------------------------------------------------------


def test_a_piece_cut_from_before_the_marker_is_found_on_its_line_though_its_words_recur():
    source = Source("前言\n毛选第十一篇《关心群众生活》\n正文里又说到毛选。\n")
    output = [(2, "第十一篇"), (2, "《关心群众生活》"), (2, "毛选"), (3, "正文里又说到毛选。")]
    seen = matched_hans(source, output)
    line_two = range(2, 2 + len("毛选第十一篇关心群众生活"))
    assert set(line_two) <= seen
    assert len(seen) == len(source.hans) - len("前言")


# --- a study note's page in Markdown with HTML boxes --------------------------------------

NOTE_LEAD = "新时代青年要把个人理想融入国家发展大局，在学思践悟中坚定理想信念。"
NOTE = "深刻领会党的创新理论，准确把握精神实质，把学习成果转化为推动工作的实际行动。"


@pytest.mark.parametrize(
    "heads, sections",
    [
        (["# 读书笔记", "## 政治理论学习", "### 凝心聚力跟党走 青春奋进正当时"], ["政治理论学习"]),
        (["# 学习园地", "## 党史", "### 专题", "### 百年党史的光辉历程"], ["党史", "专题"]),
    ],
)
def test_headings_stacked_under_the_pages_title_give_the_sections_and_the_notes_title(
    tmp_path, heads, sections
):
    collection = collection_of(tmp_path, "\n\n".join([*heads, NOTE, NOTE_LEAD]) + "\n")
    [essay] = collection.essays
    assert collection.title == heads[0][2:]
    assert [p.text for p in collection.preface] == sections
    assert essay.title == heads[-1].split(" ", 1)[1]
    assert [a.title for a in essay.articles] == [None]


def test_one_heading_under_the_pages_title_heads_a_piece(tmp_path):
    collection = collection_of(tmp_path, f"# 读书笔记\n\n## 一点体会\n\n{NOTE}\n")
    assert collection.preface == []
    assert [a.title for a in articles(collection)] == ["一点体会"]


@pytest.mark.parametrize(
    "span",
    ['<span class="date">近期学习</span>', '<span class="category">政治理论</span>'],
)
def test_a_pages_property_in_a_span_its_style_names_is_debris(tmp_path, span):
    collection = collection_of(tmp_path, f"# 读书笔记\n\n{span}\n\n{NOTE}\n")
    assert removed(collection) == [("meta-span", span)]


def test_a_span_of_another_class_keeps_its_text(tmp_path):
    span = '<span class="highlight">学而时习之</span>'
    collection = collection_of(tmp_path, f"# 读书笔记\n\n{NOTE}\n{span}\n")
    assert "学而时习之" in kept_words(collection)


def page(*box: str) -> str:
    heads = ["# 读书笔记", "## 政治理论学习", "### 凝心聚力跟党走 青春奋进正当时"]
    return "\n\n".join([*heads, *box]) + "\n"


@pytest.mark.parametrize(
    "box, label",
    [
        (['<div class="card">', "  <h4>核心认识</h4>", f"  <p>{NOTE}</p>", "</div>"], "核心认识"),
        (
            [
                '<div class="ctx">',
                '  <div class="context-label">时代背景</div>',
                f"  <p>{NOTE}</p>",
                "</div>",
            ],
            "时代背景",
        ),
        (["<h3>实践要求</h3>", "<ul>", "  <li>坚持党的全面领导</li>", "</ul>", NOTE], "实践要求"),
    ],
)
def test_a_line_set_in_an_html_heading_or_label_is_a_heading(tmp_path, box, label):
    collection = collection_of(tmp_path, page(*box))
    assert headings(collection) == [label]
    assert [a.title for a in articles(collection)] == [None]


def test_the_top_html_heading_under_the_title_is_its_subtitle(tmp_path):
    deck = "深入贯彻党的方针政策，谱写班级发展新篇章"
    collection = collection_of(tmp_path, page(f"<h1>{deck}</h1>", NOTE))
    assert collection.essays[0].subtitle == deck
    assert headings(collection) == []


def test_a_cards_smallest_label_heads_no_section(tmp_path):
    cards = [
        '<div class="item">',
        "  <h5>学业钻研</h5>",
        "  <p>在学业上刻苦钻研、追求卓越</p>",
        "</div>",
    ]
    collection = collection_of(tmp_path, page(NOTE, *cards))
    assert headings(collection) == []
    assert "学业钻研" in texts(collection)


@pytest.mark.parametrize("part", ["## 学习内容", "## 主要收获"])
def test_markdown_headings_numbered_as_sections_and_the_one_over_them_are_headings(tmp_path, part):
    text = page(
        NOTE, part, "### 一、深化理论武装 {#part1}", NOTE_LEAD, "### 二、坚持党的领导", NOTE
    )
    collection = collection_of(tmp_path, text)
    assert headings(collection) == [part[3:], "一、深化理论武装", "二、坚持党的领导"]
    assert [a.title for a in articles(collection)] == [None]


@pytest.mark.parametrize("label", ["学习收获：", "重点学习任务："])
def test_a_bold_lead_in_over_a_list_is_no_heading(tmp_path, label):
    text = page(NOTE, f"**{label}**", "- 更加清晰地认识到工作重心", "- 深切感受到历史责任")
    collection = collection_of(tmp_path, text)
    assert headings(collection) == []
    assert label in texts(collection)


def test_a_bold_line_without_a_colon_after_a_sentence_is_a_heading(tmp_path):
    collection = collection_of(tmp_path, page(NOTE, "**传承信仰力量，绘就青春底色**", NOTE_LEAD))
    assert headings(collection) == ["传承信仰力量，绘就青春底色"]
