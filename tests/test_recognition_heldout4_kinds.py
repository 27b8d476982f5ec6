"""The kinds of error first met on the fourth held-out set, each as a family
of page furniture or a convention a careful reader knows on any web page:
small texts written by hand in the same forms (not the corpus texts), at
least two wordings a family, and what a reader sees in them."""

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
from handbook.punctuation import restore_full_width

# --- a breadcrumb that ends in the page's headline keeps the headline ---------------


@pytest.mark.parametrize(
    "trail, headline",
    [
        # the last step, then a space, then the headline: two spans of one block
        ("当前位置：首页 > 新闻中心 > 学院新闻", "某某学院召开2021年党史学习教育动员大会"),
        # the headline is the last step itself
        ("您的位置：首页 > 通知公告 >", "某某大学关于开展2021年度安全生产大检查的通知"),
        # a trail with no 'you are here', parted by »
        ("首页 » 工作动态 »", "某某县召开乡村振兴工作推进会议部署下阶段任务"),
    ],
)
def test_a_breadcrumb_ending_in_the_headline_keeps_the_headline(tmp_path, trail, headline):
    collection = collection_of(tmp_path, f"{trail} {headline}\n2021-04-02\n{BODY}")
    assert collection.title == headline
    assert [e.title for e in collection.essays] == [headline]
    assert ("breadcrumb", trail) in removed(collection)  # the furniture before it, reported
    assert collection.date == "2021-04-02"
    assert han(headline) in han(kept_words(collection))  # not a character of it lost


def test_a_breadcrumb_whose_headline_stands_again_below_is_debris_whole(tmp_path):
    headline = "某某学院召开2021年党史学习教育动员大会"
    line = f"首页 > 学院新闻 > {headline}"
    collection = collection_of(tmp_path, f"{line}\n{headline}\n{BODY}")
    assert ("breadcrumb", line) in removed(collection)
    assert collection.title == headline
    assert kept_words(collection).count(headline) == 2  # the collection's and the essay's title


def test_a_breadcrumb_ending_in_a_short_step_is_debris_whole(tmp_path):
    line = "当前位置：首页 > 理论学习 > 学习园地"
    collection = collection_of(tmp_path, f"{line}\n社区治理的新探索\n{BODY}")
    assert ("breadcrumb", line) in removed(collection)
    assert collection.title == "社区治理的新探索"


# --- breadcrumbs, menus and link boxes are the page's furniture ------------------------


@pytest.mark.parametrize(
    "trail",
    [
        ["首页", "学校新闻", "正文"],  # down to the step naming the text itself
        ["网站首页", "党建工作", "支部风采", "详细内容"],
        ["首页", "工作动态"],  # no closing step: the column labels under the home link
    ],
)
def test_a_trail_set_one_step_a_line_at_the_top_is_debris(tmp_path, trail):
    text = "\n".join([*trail, "社区开展垃圾分类宣传周活动", BODY])
    collection = collection_of(tmp_path, text)
    assert [t for rule, t in removed(collection) if rule == "breadcrumb"] == trail
    assert collection.title == "社区开展垃圾分类宣传周活动"


def test_a_home_link_over_no_trail_is_kept_when_text_follows_it(tmp_path):
    collection = collection_of(tmp_path, f"首页\n社区开展垃圾分类宣传周活动\n{BODY}")
    assert [t for rule, t in removed(collection) if rule == "breadcrumb"] == ["首页"]
    assert collection.title == "社区开展垃圾分类宣传周活动"  # a title is no column label


@pytest.mark.parametrize(
    "lines",
    [
        ["学习园地 > 理论文章 > 社区治理的新探索", "热点专题", "理论学习 >", "> 文章详情"],
        ["当前位置：首页 > 工作动态", "通知", "› 正文"],
    ],
)
def test_menu_steps_and_the_items_between_them_are_debris(tmp_path, lines):
    collection = collection_of(tmp_path, "\n".join([*lines, "社区治理的新探索", BODY]))
    assert [t for _, t in removed(collection)] == lines
    assert collection.title == "社区治理的新探索"


def test_a_line_that_only_mentions_a_step_is_text(tmp_path):
    text = f"社区治理的新探索\n首页改版以后，居民可以在网上提交意见，也能查看办理结果。\n{BODY}"
    collection = collection_of(tmp_path, text)
    assert removed(collection) == []


@pytest.mark.parametrize(
    "box",
    [
        ["相关信息", "更多", "某某中学举办教师节表彰大会", "某某中学召开家长会"],
        ["相关链接", "更多>>", "街道开展消防演练", "社区举办重阳节敬老活动"],
    ],
)
def test_a_box_of_related_links_after_the_text_is_debris(tmp_path, box):
    collection = collection_of(tmp_path, "\n".join(["社区治理的新探索", BODY, *box]))
    assert [t for _, t in removed(collection)] == box
    assert texts(collection) == BODY.split()


@pytest.mark.parametrize(
    "line", ["上一篇 下一篇", "上一条：没有了", "【下一篇】社区举办重阳节敬老活动", "上一页 下一页"]
)
def test_the_previous_and_next_links_are_debris(tmp_path, line):
    collection = collection_of(tmp_path, f"社区治理的新探索\n{BODY}{line}\n")
    assert [t for _, t in removed(collection)] == [line]


def test_a_sentence_that_opens_with_the_previous_piece_is_text(tmp_path):
    line = "上一篇文章讲了社区治理，这一篇讲居民自治"
    collection = collection_of(tmp_path, f"社区治理的新探索\n{BODY}{line}\n")
    assert removed(collection) == []


@pytest.mark.parametrize(
    "after", ["新闻中心\n最新公告\n集团新闻\n", "信息中心\n通知公告\n工作动态\n"]
)
def test_a_sidebar_of_section_names_after_the_text_is_debris(tmp_path, after):
    collection = collection_of(tmp_path, f"社区治理的新探索\n{BODY}{after}")
    assert [t for _, t in removed(collection)] == after.split()
    assert len(articles(collection)) == 1 and texts(collection) == BODY.split()
    assert collection.doubts == []


# --- labelled property lines -----------------------------------------------------------


@pytest.mark.parametrize(
    "props, who, role",
    [
        (["学校: 某某县第三中学", "|", "日期: 2019年05月14日 10:30"], "某某县第三中学", "学校"),
        (
            ["发布单位：某某街道办事处", "｜", "日期：2019年05月14日 10:30"],
            "某某街道办事处",
            "发布单位",
        ),
    ],
)
def test_labelled_property_lines_give_the_byline_and_the_date(tmp_path, props, who, role):
    collection = collection_of(tmp_path, "\n".join(["社区治理的新探索", *props, BODY]))
    [essay] = collection.essays
    assert authors(essay) == [(who, role)]
    assert essay.date == collection.date == "2019年05月14日 10:30"
    assert [t for _, t in removed(collection)] == [props[1]]  # the bar between them
    assert texts(collection) == BODY.split()


@pytest.mark.parametrize("line", ["项目编号:ZB2019-017", "索引号：11330000/2019-00123"])
def test_a_pages_reference_number_is_debris(tmp_path, line):
    collection = collection_of(tmp_path, f"社区治理的新探索\n{line}\n2019-05-14\n{BODY}")
    assert [t for _, t in removed(collection)] == [restore_full_width(line)]  # its colon widened
    assert collection.title == "社区治理的新探索" and collection.date == "2019-05-14"


@pytest.mark.parametrize(
    "line, source, day",
    [
        ("来源：《光明日报》  2019年5月14日", "《光明日报》", "2019年5月14日"),
        ("来源：某某新闻网 2019-05-14", "某某新闻网", "2019-05-14"),
    ],
)
def test_a_source_line_with_a_date_gives_the_source_and_the_date(tmp_path, line, source, day):
    collection = collection_of(tmp_path, f"社区治理的新探索\n{line}\n{BODY}")
    [essay] = collection.essays
    assert [(a.name, a.role) for a in essay.authors] == [(source, "来源")]
    assert essay.date == collection.date == day


@pytest.mark.parametrize(
    "head",
    [["传承红色基因，争做时代新人", "——某某中学2019年成人礼活动"], ["——记某某社区志愿服务队"]],
)
def test_a_deck_opened_by_a_dash_under_the_headlines_is_the_subtitle(tmp_path, head):
    text = "\n".join(["青春向党", *head, "学校：某某中学", BODY])
    [essay] = collection_of(tmp_path, text).essays
    assert essay.title == "青春向党"
    assert essay.subtitle == " ".join(head)
    assert [(a.name, a.role) for a in essay.authors] == [("某某中学", "学校")]
    assert [a.title for a in essay.articles] == [None]


# --- credits glued in brackets to the last sentence are bylines -----------------------


@pytest.mark.parametrize(
    "credit, name, role, unit",
    [
        ("（文/张晓明  区委宣传部）", "张晓明", "文", "区委宣传部"),
        ("(文/李华 某某街道办事处)", "李华", "文", "某某街道办事处"),
        ("（文/王芳）", "王芳", "文", ""),
        ("（某某区委组织部供稿）", "某某区委组织部", "供稿", ""),
        ("（某某公司党建工作部 供稿）", "某某公司党建工作部", "供稿", ""),
    ],
)
def test_a_credit_glued_after_the_last_sentence_is_the_byline(tmp_path, credit, name, role, unit):
    collection = collection_of(tmp_path, f"社区治理的新探索\n{BODY.rstrip()}{credit}\n")
    (article,) = articles(collection)
    assert [(a.name, a.role, a.unit) for b in article.bylines for a in b.authors] == [
        (name, role, unit)
    ]
    assert texts(collection)[-2] == BODY.split()[-1]  # the sentence, the credit cut off


def test_a_note_in_brackets_that_is_no_credit_stays_text(tmp_path):
    line = "会议还通报了上半年的工作情况。（根据会议记录整理）"
    collection = collection_of(tmp_path, f"社区治理的新探索\n{BODY}{line}\n")
    (article,) = articles(collection)
    assert article.bylines == [] and texts(collection)[-1] == line


# --- a title may end in a question or an exclamation -----------------------------------


@pytest.mark.parametrize("title", ["为什么要坚持群众路线？", "奋斗的青春最美丽！"])
def test_a_title_ending_in_a_question_or_exclamation_mark_is_the_title(tmp_path, title):
    collection = collection_of(tmp_path, f"{title}\n（一九五七年二月二十七日）\n{BODY}")
    assert collection.title == title and [e.title for e in collection.essays] == [title]
    assert collection.date == "一九五七年二月二十七日"
    assert texts(collection) == BODY.split()


def test_a_question_with_a_sentence_before_it_is_no_title(tmp_path):
    line = "群众路线是党的生命线。为什么这样说？"
    collection = collection_of(tmp_path, f"{line}\n{BODY}")
    assert collection.title != line and texts(collection)[0] == line


# --- a label spread with wide spaces is one line ---------------------------------------


@pytest.mark.parametrize("label", ["注\u3000\u3000释", "附\u3000注", "备\u3000\u3000注"])
def test_a_label_spread_with_wide_spaces_is_one_heading(tmp_path, label):
    text = f"社区治理的新探索\n{BODY}{label}\n〔1〕垃圾分类：指按一定规定将垃圾分类储存、投放和搬运。\n"
    collection = collection_of(tmp_path, text)
    assert headings(collection) == [label]
    assert texts(collection)[-2:] == [
        label,
        "〔1〕垃圾分类：指按一定规定将垃圾分类储存、投放和搬运。",
    ]


# --- a feed of reports under headlines led by their place -----------------------------


def feed(records: list[tuple[str, list[str]]], indent: str = "\u3000\u3000") -> str:
    """A feed's text: each record's headline (none when empty), its first
    paragraph flush, the others indented."""
    lines = []
    for headline, (first, *rest) in records:
        lines += [headline] if headline else []
        lines += [first, *(indent + p for p in rest)]
    return "\n".join(lines) + "\n"


PLACE_FEED = [
    (
        "甘肃某某县：“三个强化”做好党建工作",
        [
            "某某县积极贯彻落实全面从严治党要求，通过强化顶层设计等方式，扎实推进基层党组织建设。",
            "强化党委领导，夯实工作基础。将党建工作放在全局的战略地位抓，严格落实党建工作责任制。"
            "（某某县委组织部供稿）",
        ],
    ),
    (
        "某某大学：“四个注重”加强党员教育管理",
        [
            "今年以来，某某大学以学习教育为龙头，从发展党员质量、落实党员教育制度入手，严格党员日常教育管理。",
            "注重发展党员工作质量。按照发展党员方针，注重改善党员队伍结构，把质量作为发展党员的生命线。",
        ],
    ),
    (
        "某某市某某区：“两选派”推进党的工作有效覆盖",
        [
            "一是选派党建联络员抓组建。选派党建联络员到社会组织挂联指导党建工作，原则上一人挂联一个组织。"
        ],
    ),
]
UNTITLED_LAST = [
    (
        "浙江某某县：“五个一”抓实党员教育",
        [
            "今年以来，某某县以“五个一”为抓手，推动党员教育常态化、制度化，取得了明显成效，受到群众好评。",
            "每月一次主题党日。各支部固定每月十五日开展主题党日活动，内容由县委组织部统一指导。",
        ],
    ),
    (
        "湖南某某市：“三张清单”压实党建责任",
        [
            "某某市把党建责任细化为三张清单，明确书记、班子成员和支部各自的责任，层层传导压力，形成合力。",
            "责任清单一年一定，年底对照清单逐项考核，考核结果与评先评优挂钩，真正做到奖优罚劣。",
        ],
    ),
    (
        "某某大学：“双带头人”培育工程见实效",
        [
            "某某大学实施教师党支部书记“双带头人”培育工程，选拔学术骨干担任支部书记，成效明显。",
            "学校每年举办支部书记培训班，邀请专家授课，提高支部书记的理论水平和工作能力。",
        ],
    ),
    (
        "",
        [
            "某某镇在抓农村党建工作中，坚持“一村一品”的思路，循序渐进，不断提高村级组织的服务能力。",
            "镇党委为每个村配备一名党建指导员，定期上门指导，帮助解决实际困难。",
        ],
    ),
]


@pytest.mark.parametrize("records", [PLACE_FEED, UNTITLED_LAST[:3]])
def test_a_feed_of_place_headlines_is_a_text_of_records(tmp_path, records):
    collection = collection_of(tmp_path, feed(records))
    assert [e.title for e in collection.essays] == [title for title, _ in records]


def test_a_records_closing_credit_is_its_byline(tmp_path):
    collection = collection_of(tmp_path, feed(PLACE_FEED))
    assert [[(a.name, a.role) for a in e.authors] for e in collection.essays] == [
        [("某某县委组织部", "供稿")],
        [],
        [],
    ]


def test_one_line_led_by_a_place_and_a_colon_in_an_essay_is_no_title(tmp_path):
    text = (
        "社区治理的新探索\n"
        "近年来，各地在社区治理上做了大量探索，积累了不少经验，值得认真总结和推广。\n"
        "某某街道：以党建引领社区治理\n"
        "街道党工委坚持把社区治理作为基层党建的重要内容，建立了街道、社区、网格三级联动机制。\n"
    )
    collection = collection_of(tmp_path, text)
    assert len(articles(collection)) == 1
    assert "某某街道：以党建引领社区治理" in texts(collection)


def test_a_flush_paragraph_after_indented_ones_opens_a_record_with_no_headline(tmp_path):
    collection = collection_of(tmp_path, feed(UNTITLED_LAST))
    assert [e.title for e in collection.essays] == [title for title, _ in UNTITLED_LAST]
    assert collection.essays[-1].articles[0].blocks[0].text == UNTITLED_LAST[-1][1][0]
    assert "flush-record" in {d.rule for d in collection.doubts}


def test_with_every_paragraph_flush_no_record_is_read_from_the_margin(tmp_path):
    collection = collection_of(tmp_path, feed(UNTITLED_LAST, indent=""))
    assert [e.title for e in collection.essays] == [title for title, _ in UNTITLED_LAST[:3]]
    assert "flush-record" not in {d.rule for d in collection.doubts}
