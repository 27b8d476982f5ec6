"""The families of convention first met on the sixth held-out set (HTML
boxes in Markdown, trails and menus around the headline, property lines,
a book's numbered pieces, Markdown lists): hand-written texts in the same
forms, never the corpus texts, two wordings or more a family."""

from __future__ import annotations

import pytest
from support import (
    BODY,
    TITLE,
    articles,
    collection_of,
    headings,
    kept_words,
    people,
    removed,
    texts,
)

from handbook.corpus.scoring import Source, matched_hans

# --- HTML in Markdown: the tags go, the reader's text in them stays -----------------------


@pytest.mark.parametrize(
    "box, words",
    [
        (
            [
                '<div class="study-box">',
                "  <h4>学习体会</h4>",
                "  <p>要把理论学习同实际工作结合起来。</p>",
                "</div>",
            ],
            ["学习体会", "要把理论学习同实际工作结合起来。"],
        ),
        (
            [
                '<section class="note">',
                "<p><strong>一点认识：</strong> 理论武装是思想建设的根本，须常抓不懈。</p>",
                "<ul>",
                "  <li>坚持读原著学原文</li>",
                "</ul>",
                "</section>",
            ],
            ["一点认识：", "理论武装是思想建设的根本，须常抓不懈。", "坚持读原著学原文"],
        ),
    ],
)
def test_html_boxes_in_markdown_lose_their_tags_and_keep_their_text(tmp_path, box, words):
    text = "\n".join([f"# {TITLE}", "", *box, "", BODY])
    collection = collection_of(tmp_path, text)
    kept = kept_words(collection)
    for word in words:
        assert word in kept
    assert "<" not in kept and ">" not in kept
    assert {rule for rule, _ in removed(collection)} == {"html-tag"}


def test_an_embedded_player_is_no_box_and_stays(tmp_path):
    embed = '<iframe src="https://example.org/v/1" width="720"></iframe>'
    collection = collection_of(tmp_path, f"# {TITLE}\n\n{BODY}\n- {embed}\n")
    assert removed(collection) == []
    assert any(embed in t for t in texts(collection))


# --- a page's own heading beside its breadcrumb is kept ---------------------------------


@pytest.mark.parametrize(
    "trail, heading",
    [
        ("您的位置：首页 > 党建工作 > 支部动态 支部动态", "支部动态"),
        ("当前位置：网站首页 » 新闻中心 » 工作简报 工作简报", "工作简报"),
    ],
)
def test_the_last_step_given_again_beside_the_trail_is_the_pages_heading(tmp_path, trail, heading):
    collection = collection_of(tmp_path, f"{trail}\n{TITLE}\n{BODY}")
    [(rule, cut)] = removed(collection)
    assert rule == "breadcrumb" and cut.endswith(heading) and cut.count(heading) == 1
    assert heading in [
        collection.title,
        *(e.title for e in collection.essays),
        *headings(collection),
    ]


def test_a_title_kept_beside_the_same_words_removed_is_counted_where_it_stands():
    source = Source("首页 > 支部动态 支部动态\n正文在这里。\n")
    removed_step = set(range(2, 6))  # 首页 is 0–1, the step 2–5, the heading 6–9
    seen = matched_hans(source, [(2, "正文在这里")], [(1, "支部动态")], removed_step)
    assert seen == set(range(6, 15))


# --- menus: a side menu under its heading in two languages, sections over the headline -----


@pytest.mark.parametrize(
    "menu",
    [
        ["about us 关于我们", "公司简介", "组织机构", "联系我们"],
        ["Party Building 党建园地", "支部风采", "学习园地", "党员之家", "廉政建设"],
    ],
)
def test_the_side_menu_under_its_two_language_heading_is_debris(tmp_path, menu):
    collection = collection_of(tmp_path, "\n".join([TITLE, BODY.strip(), *menu]) + "\n")
    assert removed(collection) == [("side-menu", m) for m in menu]
    assert [e.title for e in collection.essays] == [TITLE]
    assert [a.title for a in articles(collection)] == [None]


@pytest.mark.parametrize(
    "menu",
    [["新闻中心", "集团要闻", "基层动态"], ["信息中心", "通知公告", "工作动态", "媒体聚焦"]],
)
def test_section_names_opening_the_page_over_its_headline_are_its_menu(tmp_path, menu):
    text = "\n".join([*menu, f"{TITLE}来源：集团报  发布时间：2021-05-06", BODY.strip()]) + "\n"
    collection = collection_of(tmp_path, text)
    assert [cut for rule, cut in removed(collection) if rule == "site-section"] == menu
    assert collection.title == TITLE


# --- pieces titled by lone lines over their paragraph ----------------------------------------


def test_lone_title_lines_title_their_pieces_though_a_space_cuts_the_paragraph(tmp_path):
    pieces = [
        (
            "重温入党誓词",
            "2019年7月1日，支部全体党员来到纪念馆重温入党誓词。 大家面对党旗庄严宣誓，表示要不忘初心、牢记使命。",
        ),
        (
            "走访困难党员",
            "2020年春节前夕，支部委员分头走访慰问困难党员，送去慰问金和生活用品，倾听他们的心声。",
        ),
        (
            "慰问退休老党员",
            "2020年重阳节，支部委员看望慰问退休老党员，听取他们对支部工作的意见和建议，送上节日祝福。",
        ),
        (
            "参观井冈山、瑞金",
            "2021年5月，支部组织党员到井冈山、瑞金等地参观学习，接受革命传统教育，大家深受教育。",
        ),
    ]
    text = "\n".join(f"{title}\n{body}" for title, body in pieces)
    collection = collection_of(tmp_path, f"支部活动\n{text}\n")
    assert [a.title for a in articles(collection)] == [title for title, _ in pieces]
    assert headings(collection) == []


def test_a_listing_line_heads_no_piece_where_the_text_has_no_habit_of_titles(tmp_path):
    line = "井冈山、瑞金、延安"
    collection = collection_of(tmp_path, f"{TITLE}\n{BODY}{line}\n{BODY}")
    assert [a.title for a in articles(collection)] == [None]


# --- property lines: the poster is a byline, a property alone is a line of its own ----------


@pytest.mark.parametrize(
    "line, poster, role",
    [
        ("发布时间：2019-03-05 发布人：市委宣传部", "市委宣传部", "发布人"),
        ("发布者：区融媒体中心  发布日期：2022年6月1日", "区融媒体中心", "发布者"),
    ],
)
def test_the_poster_on_a_property_line_is_its_byline(tmp_path, line, poster, role):
    collection = collection_of(tmp_path, f"{TITLE}\n{line}\n{BODY}")
    assert people(collection) == [(poster, role)]
    assert collection.date and collection.date in line  # the line's date, not an empty one


@pytest.mark.parametrize(
    "properties",
    [["发布时间：2017-05-06", "发布者：党群工作部"], ["发布日期：2020年9月1日", "发布人：团委"]],
)
def test_properties_alone_on_their_lines_are_never_joined_to_a_wrapped_paragraph(
    tmp_path, properties
):
    wrapped = (
        "为深入学习贯彻党的二十大精神，进一步推动基层党组织建设，本月以来，公司党委组织开展了\n"
        "形式多样的主题学习活动，各支部结合实际，制定学习计划，确保学习教育取得实实在在的成\n"
        "效，广大党员纷纷表示，要把学习成果转化为推动企业高质量发展的强大动力，在本职岗位上\n"
        "建功立业。\n"
    )
    collection = collection_of(tmp_path, "\n".join([TITLE, *properties]) + "\n" + wrapped)
    assert texts(collection)[0].startswith("为深入学习贯彻")
    assert people(collection) == [(properties[1].split("：")[1], properties[1][:3])]


# --- notes on a book's pieces: 第N篇《…》 in a Markdown head opens an essay -----------------

NOTE = "这一篇读来很受启发，作者从实际出发分析问题，给人以深刻的印象，值得反复研读。\n"


@pytest.mark.parametrize(
    "heads",
    [
        ["## 第一篇《论持久战》", "## 第二篇《矛盾论》"],
        ["### 第一篇《实践论》。", "### 第二篇《为人民服务》", "### 第三篇《纪念白求恩》"],
    ],
)
def test_a_numbered_piece_of_a_book_in_a_markdown_head_opens_an_essay(tmp_path, heads):
    text = "# 读书笔记\n\n" + "\n".join(f"{h}\n{NOTE}" for h in heads)
    collection = collection_of(tmp_path, text)
    markers = [h.split()[1].split("《")[0] for h in heads]
    titles = ["《" + h.split("《")[1].rstrip("。") for h in heads]
    assert [(e.marker, e.title) for e in collection.essays] == list(
        zip(markers, titles, strict=True)
    )


def test_a_piece_named_in_a_sentence_is_no_marker(tmp_path):
    line = "我认为第二篇《矛盾论》最值得细读。"
    collection = collection_of(tmp_path, f"# 读书笔记\n\n{NOTE}{line}\n")
    assert [e.marker for e in collection.essays] == [""]


# --- Markdown bullet lists: their items head nothing ----------------------------------------


@pytest.mark.parametrize(
    "lead, items",
    [
        ("文章分为三个部分", ["- 一、提出问题", "- 二、分析问题 —— 五个阶级", "- 三、解决问题"]),
        ("全书结构如下：", ["* 第一章　总论", "   * 第一节　战争的规律", "* 第二章　战略防御"]),
    ],
)
def test_bullet_list_items_and_their_lead_in_head_nothing(tmp_path, lead, items):
    text = "\n".join([f"# {TITLE}", "", "## 一点体会", BODY.strip(), lead, *items, BODY.strip()])
    collection = collection_of(tmp_path, text + "\n")
    assert headings(collection) == []
    assert [a.title for a in articles(collection)] == ["一点体会"]
    kept = texts(collection)
    assert all(any(t == item.strip() for t in kept) for item in items)


# --- a trail parted by spaces on the headline's line ------------------------------------------


@pytest.mark.parametrize("steps", ["首页 新闻中心 基层动态", "网站首页 党建工作"])
def test_a_spaced_trail_ending_in_the_headline_given_again_is_debris(tmp_path, steps):
    collection = collection_of(tmp_path, f"{steps} {TITLE}\n{TITLE}\n{BODY}")
    assert removed(collection) == [("breadcrumb", f"{steps} {TITLE}")]
    assert collection.title == TITLE


def test_a_line_opening_with_home_whose_words_stand_nowhere_else_is_kept(tmp_path):
    line = "首页 改版 以后，栏目更加清晰了"
    collection = collection_of(tmp_path, f"{TITLE}\n{line}\n{BODY}")
    assert removed(collection) == []


@pytest.mark.parametrize("anchor", ["{#part1}", "{#study-notes}"])
def test_a_markdown_headings_anchor_is_no_word_of_it(tmp_path, anchor):
    text = f"# {TITLE}\n\n{BODY}\n## 一、提高认识 {anchor}\n\n{BODY}"
    collection = collection_of(tmp_path, text)
    assert ("markdown-anchor", f" {anchor}") in removed(collection)
    titled = [a.title for a in articles(collection)] + headings(collection)
    assert "一、提高认识" in titled


# --- the paper's own story: its reporter and its source ------------------------------------


@pytest.mark.parametrize(
    "lead, reporter",
    [("本报讯 记者李明报道：", "李明"), ("本报讯（记者 王海涛）", "王海涛")],
)
def test_the_reporter_of_a_papers_own_story_is_its_byline(tmp_path, lead, reporter):
    collection = collection_of(tmp_path, f"{TITLE}\n{lead}{BODY}")
    assert people(collection) == [(reporter, "记者")]
    assert texts(collection)[0].startswith("会议指出")


@pytest.mark.parametrize(
    "line, source",
    [
        ("来源：石化日报  发布时间：2021-03-04", "石化日报"),
        ("来源：新华网 日期：2022-01-05", "新华网"),
    ],
)
def test_a_source_naming_a_paper_or_a_site_is_the_texts_byline(tmp_path, line, source):
    collection = collection_of(tmp_path, f"{TITLE}\n{line}\n{BODY}")
    assert people(collection) == [(source, "来源")]
