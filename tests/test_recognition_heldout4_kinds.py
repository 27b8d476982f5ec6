"""The kinds of error first met on the fourth held-out set, each as a family
of page furniture or a convention a careful reader knows on any web page:
small texts written by hand in the same forms (not the corpus texts), at
least two wordings a family, and what a reader sees in them."""

from __future__ import annotations

import pytest
from test_recognition_heldout_kinds import (
    articles,
    collection_of,
    removed,
    texts,
)

from handbook.chars import HAN_CHAR
from handbook.model import Collection
from handbook.punctuation import restore_full_width

BODY = (
    "会议指出，要把学习成果转化为推动工作的实际行动，切实解决群众反映强烈的突出问题。\n"
    "会议要求，各部门要按照分工抓好落实，确保各项任务按时保质完成，不打折扣。\n"
)


def hans(text: str) -> str:
    return "".join(HAN_CHAR.findall(text))


def kept_text(collection: Collection) -> str:
    """Everything the page keeps, title and blocks, in order."""
    heads = [collection.title] + [e.title for e in collection.essays]
    return "".join(heads + [a.title or "" for a in articles(collection)] + texts(collection))


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
    assert hans(headline) in hans(kept_text(collection))  # not a character of it lost


def test_a_breadcrumb_whose_headline_stands_again_below_is_debris_whole(tmp_path):
    headline = "某某学院召开2021年党史学习教育动员大会"
    line = f"首页 > 学院新闻 > {headline}"
    collection = collection_of(tmp_path, f"{line}\n{headline}\n{BODY}")
    assert ("breadcrumb", line) in removed(collection)
    assert collection.title == headline
    assert kept_text(collection).count(headline) == 2  # the collection's and the essay's title


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
    assert [(a.name, a.role) for b in essay.bylines for a in b.authors] == [(who, role)]
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
