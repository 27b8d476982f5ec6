"""The kinds of error first met on the fifth held-out set, each as a family
of page furniture or a convention a careful reader knows on any page: small
texts written by hand in the same forms (not the corpus texts), at least two
wordings a family, and what a reader sees in them."""

from __future__ import annotations

import pytest
from support import (
    BODY,
    TITLE,
    articles,
    collection_of,
    essay_authors,
    headings,
    people,
    removed,
    texts,
)

from handbook.model import Collection
from handbook.patterns import FOOTER_CONTACTS
from handbook.punctuation import restore_full_width


def units(collection: Collection) -> list[str]:
    return [x.unit for x in essay_authors(collection)]


# --- a property line keeps what a reader keeps ---------------------------------------


@pytest.mark.parametrize(
    "line, date, counter",
    [
        ("更新时间：2023-05-06 浏览：56", "2023-05-06", "浏览：56"),
        ("发布日期：2021年3月2日  阅读数：1024", "2021年3月2日", "阅读数：1024"),
    ],
)
def test_a_property_line_of_date_and_counter_keeps_its_date(tmp_path, line, date, counter):
    collection = collection_of(tmp_path, f"{TITLE}\n{line}\n{BODY}")
    assert collection.date == date
    # the counter goes, nothing else: the date's label is no debris
    assert removed(collection) == [("hit-counter", restore_full_width(counter))]


def test_a_template_property_line_with_empty_fields_is_debris_whole(tmp_path):
    line = "文章来源： 作者： 发布时间：2021年12月06日 点击数："
    collection = collection_of(tmp_path, f"{TITLE}\n{line}\n{BODY}")
    assert [rule for rule, _ in removed(collection)] == ["cms-properties"]
    assert collection.date == "2021年12月06日"


@pytest.mark.parametrize(
    "line, writer, date",
    [
        (
            "作者：张红梅    添加时间：2019/5/8 9:30:12    来源：宣传科",
            "张红梅",
            "2019/5/8 9:30:12",
        ),
        ("作者：李建国 录入时间：2020-11-02 来源：团委 浏览次数：88", "李建国", "2020-11-02"),
    ],
)
def test_a_byline_property_line_names_its_writer_and_source(tmp_path, line, writer, date):
    collection = collection_of(tmp_path, f"{TITLE}\n{line}\n{BODY}")
    source = line.split("来源：")[1].split()[0]
    assert sorted(people(collection)) == sorted([(writer, "作者"), (source, "来源")])
    assert collection.date == date  # the time label is no name of the byline


def test_a_source_alone_on_a_property_line_makes_no_byline(tmp_path):
    line = "来源：学习平台 | 日期：2024-10-09"
    collection = collection_of(tmp_path, f"{TITLE}\n{line}\n{BODY}")
    assert people(collection) == []
    assert [rule for rule, _ in removed(collection)] == ["cms-properties"]


# --- the site's contact line beside its footer --------------------------------------------


@pytest.mark.parametrize(
    "contacts",
    [
        "学校地址：某某市人民路1号 邮编：100000 电话：010-12345678",
        "联系电话(总机):0571-88888888 网站维护：某某科技有限公司",
    ],
)
def test_the_contact_line_by_the_footer_is_debris(tmp_path, contacts):
    footer = "某某市第一中学版权所有 备案号：京ICP备00000000号"
    collection = collection_of(tmp_path, f"{TITLE}\n{BODY}{contacts}\n{footer}\n")
    assert FOOTER_CONTACTS.match(restore_full_width(contacts))
    assert [rule for rule, _ in removed(collection)] == ["site-contacts", "site-footer"]


def test_contacts_in_the_text_are_kept(tmp_path):
    contacts = "报名地址：社区服务中心二楼 联系电话：0571-88888888"
    collection = collection_of(tmp_path, f"{TITLE}\n{BODY}{contacts}\n")
    assert removed(collection) == []
    assert restore_full_width(contacts) in texts(collection)


# --- a front matter's title is the page's, wherever the note keeps it ----------------------


@pytest.mark.parametrize(
    "front, line",
    [
        (["aliases:", f"  - {TITLE}"], 3),  # a note-taking app's aliases: the first item
        ([f"alias: {TITLE}", "tags:", "  - 党建"], 2),
        (["aliases:", "  - 主题党日", f"title: '{TITLE}'"], 4),  # a title key wins
    ],
)
def test_the_front_matter_title_is_the_pages_and_no_line_below_is_taken_for_it(
    tmp_path, front, line
):
    opening = "**坚定理想信念**"  # a display line opening the text, no title
    text = "\n".join(["---", *front, "---", "", opening, "", BODY])
    collection = collection_of(tmp_path, text)
    assert (collection.title, collection.title_line) == (TITLE, line)
    assert [e.title for e in collection.essays] == [TITLE]
    assert [a.title for a in articles(collection)] == [None]
    assert texts(collection)[0] == "坚定理想信念"


# --- credits: the writer is a byline, the staff's credits are furniture ---------------------


@pytest.mark.parametrize(
    "credits, writer",
    [
        (
            ["来源：某某学院团委", "文字：刘洋", "图片：陈晨", "审核：王某某、李某"],
            ("刘洋", "文字"),
        ),
        (["撰文：周杰", "摄影：孙丽", "校对：赵敏", "责编：钱进"], ("周杰", "撰文")),
    ],
)
def test_a_posts_credit_lines_give_the_writer_and_drop_the_staff(tmp_path, credits, writer):
    collection = collection_of(tmp_path, "\n".join([TITLE, BODY, *credits]))
    assert writer in people(collection)
    staff = [c for c in credits if not c.startswith(("来源", writer[1]))]
    assert [t for rule, t in removed(collection) if rule == "editor-credit"] == staff


@pytest.mark.parametrize(
    "credit, unit, name, staff",
    [
        ("（供稿：宣传科党支部 李明  审核：张华）", "宣传科党支部", "李明", "审核：张华"),
        ("（撰稿：团委办公室 赵小雨 编辑：孙某）", "团委办公室", "赵小雨", "编辑：孙某"),
    ],
)
def test_a_closing_credit_in_brackets_names_unit_and_writer(tmp_path, credit, unit, name, staff):
    collection = collection_of(tmp_path, f"{TITLE}\n{BODY}{credit}\n")
    assert people(collection) == [(name, credit[1:3])]
    assert units(collection) == [unit]
    cut = [t.strip() for rule, t in removed(collection) if rule == "staff-credit-in-credit"]
    assert cut == [staff]


# --- pictures and rules drawn in characters are no text ----------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "<center>====================</center>",
        "<p>---------------</p>",
        "<div>＝＝＝＝＝＝＝＝＝＝</div>",
        r"![图片](data:image/svg+xml,%3Csvg%20transform='translate\(-1,%20-2\)'%3E%3C/svg%3E)",
    ],
)
def test_drawn_rules_and_pictures_are_debris_and_the_text_starts_below(tmp_path, line):
    text = f"---\nsource: 某某网\n---\n{line}\n{line}\n发布时间：2022-09-01 浏览：12\n{BODY}"
    collection = collection_of(tmp_path, text)
    assert [t for _, t in removed(collection)].count(line) == 2
    (essay,) = collection.essays
    assert essay.title == "" and essay.date == "2022-09-01"
    assert essay.line == 7  # the first words, not the rules nor the date over them


# --- a line set in bold: a section's heading after text, a display line before any -------


@pytest.mark.parametrize(
    "stanza, heads",
    [
        (["**不忘初心**", "**牢记使命**", "**奋力开创新局面**"], ["学习成效", "下步打算"]),
        (["__青春向党__", "__奋斗强国__"], ["一次难忘的参观", "几点体会"]),
    ],
)
def test_bold_lines_open_a_post_as_display_lines_and_head_its_sections(tmp_path, stanza, heads):
    mark = stanza[0][:2]
    sections = [f"{mark}{h}{mark}\n\n{BODY}" for h in heads]
    text = "\n\n".join(["---", f"title: {TITLE}", "---", *stanza, BODY, *sections])
    collection = collection_of(tmp_path, text)
    assert [a.title for a in articles(collection)] == [None]  # one untitled piece
    assert headings(collection) == heads  # without their marks
    assert texts(collection)[: len(stanza)] == [s.strip("*_") for s in stanza]
    marks = [r for r in collection.repairs if r.rule == "markdown-emphasis"]
    assert len(marks) == len(stanza) + len(heads)  # each reported


def test_bold_inside_a_line_or_outside_markdown_is_left_as_written(tmp_path):
    text = f"{TITLE}\n**不忘初心**\n{BODY}这是**重点**内容，要牢牢把握。\n"
    collection = collection_of(tmp_path, text)
    kept = [a.title for a in articles(collection)] + texts(collection)
    assert "**不忘初心**" in kept and "这是**重点**内容，要牢牢把握。" in kept
    assert not [r for r in collection.repairs if r.rule == "markdown-emphasis"]


# --- a group's name over its members is their byline, not a title ------------------------


@pytest.mark.parametrize(
    "group, members, names",
    [
        ("第三学习小组", "组员：张伟、李娜、王芳", ["张伟", "李娜", "王芳"]),
        ("“青春向党”宣讲队", "队员：赵磊，孙悦", ["赵磊", "孙悦"]),
    ],
)
def test_a_groups_name_over_its_members_is_their_byline(tmp_path, group, members, names):
    collection = collection_of(tmp_path, f"\n{group}  \n{members}\n\n{BODY}")
    role = members[:2]
    assert people(collection) == [(name, role) for name in names]
    assert units(collection) == [group] * len(names)
    assert collection.title == "text"  # untitled: the file's name, never the group's
    assert [e.title for e in collection.essays] == [""]
    assert collection.essays[0].line == 2  # the essay starts at its byline


def test_a_members_line_under_a_title_leaves_the_title(tmp_path):
    collection = collection_of(tmp_path, f"{TITLE}\n成员：张伟、李娜\n{BODY}")
    assert collection.title == TITLE
    assert people(collection) == [("张伟", "成员"), ("李娜", "成员")]


# --- a menu opening the page over its text is furniture -------------------------------------


@pytest.mark.parametrize(
    "menu",
    [
        ["学院概况", "机构设置", "师资队伍", "党建工作", "招生就业"],
        ["首页", "关于我们", "新闻动态", "业务领域", "人才招聘", "联系我们"],
    ],
)
def test_a_menu_opening_an_untitled_page_is_debris(tmp_path, menu):
    collection = collection_of(tmp_path, "\n".join([*menu, BODY]))
    assert [t for rule, t in removed(collection) if rule in ("site-menu", "breadcrumb")] == menu
    assert [e.title for e in collection.essays] == [""]
    assert [a.title for a in articles(collection)] == [None]


def test_short_lines_over_a_title_or_too_few_are_no_menu(tmp_path):
    lines = ["学院概况", "机构设置", "师资队伍", "党建工作", "招生就业", TITLE]
    collection = collection_of(tmp_path, "\n".join([*lines, BODY]))
    assert not [t for rule, t in removed(collection) if rule == "site-menu"]
    collection = collection_of(tmp_path, "\n".join([*lines[:3], BODY]))
    assert not [t for rule, t in removed(collection) if rule == "site-menu"]


# --- a mirrored post: the account's boxes, profile and tail are furniture --------------------

HEADLINE = "观察 | 基层治理要把群众的小事当作大事来办"


@pytest.mark.parametrize(
    "top",
    [
        ["排行榜", "客户端"],  # a mirror's links over the post's title
        ["登录", "注册", "首页"],
    ],
)
def test_links_over_a_headline_the_post_gives_again_are_debris(tmp_path, top):
    text = "\n".join([*top, HEADLINE, "来源：某某日报", HEADLINE, BODY])
    collection = collection_of(tmp_path, text)
    assert [t for rule, t in removed(collection) if rule == "site-links"] == top
    assert collection.title == HEADLINE


def test_short_lines_over_a_headline_given_once_are_kept(tmp_path):
    collection = collection_of(tmp_path, "\n".join(["通知", HEADLINE, BODY]))
    assert not [t for rule, t in removed(collection) if rule == "site-links"]


@pytest.mark.parametrize(
    "box",
    [
        ["今日推送：", "【头条】某某论坛 | 依法治理的几点看法", "【二条】聚焦 | 社区服务再升级"],
        [
            "往期精选：",
            "【头条】评论 | 把实事办到群众心坎上",
            "【次条】关注 | 乡村振兴新答卷",
            "【三条】一图读懂某某规划",
        ],
    ],
)
def test_an_accounts_box_of_posts_is_debris_and_opens_no_essay(tmp_path, box):
    text = "\n".join([HEADLINE, *box, BODY])
    collection = collection_of(tmp_path, text)
    assert [t for rule, t in removed(collection) if rule == "post-box"] == box
    assert len(collection.essays) == 1 and headings(collection) == []


@pytest.mark.parametrize(
    "tail",
    [
        # the box of yesterday's posts, a logo set two characters a line, the prompts
        [
            "昨日推送：",
            "【头条】评论 | 把实事办到群众心坎上",
            "【二条】关注 | 乡村振兴新答卷",
            "学习",
            "强国",
            "长按识别二维码关注我们！",
            "主编：王某",
            "投稿：someone@example.com",
            "点击左下角“阅读原文”查看更多精彩内容",
            "阅读原文",
            "分享到朋友圈",
        ],
        [
            "往期回顾：",
            "【头条】某某论坛 | 依法治理的几点看法",
            "【二条】聚焦 | 社区服务再升级",
            "扫描二维码关注本号",
            "主办：某某市法学会",
            "阅读",
            "点赞",
        ],
    ],
)
def test_everything_after_the_accounts_box_of_posts_is_the_pages_tail(tmp_path, tail):
    collection = collection_of(tmp_path, "\n".join([HEADLINE, BODY, *tail]))
    assert [t for _, t in removed(collection)] == [restore_full_width(t) for t in tail]
    assert texts(collection) == BODY.split()


@pytest.mark.parametrize(
    "profile",
    [
        ["某某法治", "微信号 fazhi2016", "功能介绍 关注个案，推动法治"],
        ["青春某某", "公众号：qingchun"],
    ],
)
def test_an_accounts_profile_box_and_its_name_are_debris(tmp_path, profile):
    collection = collection_of(tmp_path, "\n".join([HEADLINE, *profile, BODY]))
    got = [t for rule, t in removed(collection) if rule == "account-furniture"]
    assert got == [restore_full_width(t) for t in profile]


@pytest.mark.parametrize(
    "box",
    [
        [
            "最新文章:",
            "2020-03-01    评论 | 把实事办到群众心坎上",
            "2020-02-28    关注 | 乡村振兴新答卷",
        ],
        ["最新推送", "2021-07-01 一图读懂某某规划", "2021-06-30 聚焦 | 社区服务再升级"],
    ],
)
def test_a_box_of_latest_posts_is_debris(tmp_path, box):
    text = "\n".join([HEADLINE, BODY, *box, "查看更多 ››"])
    collection = collection_of(tmp_path, text)
    assert [t for _, t in removed(collection)][: len(box)] == [restore_full_width(t) for t in box]
    assert texts(collection) == BODY.split()


@pytest.mark.parametrize(
    "meta, date, accounts",
    [
        ("2019-08-02 人民日报 某某观察 某某观察", "2019-08-02", "某某观察 某某观察"),
        ("2021-11-11 原创 青春某某 青春某某", "2021-11-11", "青春某某 青春某某"),
    ],
)
def test_a_mirrored_posts_meta_line_dates_it_and_loses_the_account_names(
    tmp_path, meta, date, accounts
):
    collection = collection_of(tmp_path, "\n".join([HEADLINE, meta, BODY]))
    assert ("post-meta", accounts) in removed(collection)
    assert collection.date == date and collection.essays[0].date == date
    assert people(collection) == []  # the author field names no one
    assert [a.title for a in articles(collection)] == [None]


@pytest.mark.parametrize(
    "source, name, date",
    [
        ("来源：新华网  （2019年3月5日）（节录）", "新华网", "2019年3月5日"),
        ("来源：人民日报 （2020年1月8日）（摘编）", "人民日报", "2020年1月8日"),
    ],
)
def test_a_source_line_with_a_bracketed_date_dates_its_text(tmp_path, source, name, date):
    # under the page's headline: the date of the one essay, whose one article
    # (untitled, under the essay's title) has no date of its own
    collection = collection_of(tmp_path, "\n".join([HEADLINE, source, BODY]))
    assert people(collection) == [(name, "来源")]
    assert [e.date for e in collection.essays] == [date]
    assert [a.date for a in articles(collection)] == [None]


def test_a_line_of_invisible_characters_and_a_box_label_alone_leave_no_empty_block(tmp_path):
    text = "\n".join(
        [HEADLINE, "【编者按】", BODY.split()[0], "\u200d", "\u200b\u200d", BODY.split()[1]]
    )
    collection = collection_of(tmp_path, text)
    assert all(t.strip() for t in texts(collection))
    assert headings(collection) == ["【编者按】"]
    assert removed(collection) == []  # nothing to read, and no debris either
    assert [r.rule for r in collection.repairs].count("invisible-line") == 2


def test_a_bare_rule_in_a_plain_text_is_the_texts_own(tmp_path):
    collection = collection_of(tmp_path, f"{TITLE}\n{BODY}---\n＝＝＝＝\n{BODY}")
    assert removed(collection) == []
    assert "---" in texts(collection) and "＝＝＝＝" in texts(collection)


@pytest.mark.parametrize("writer", ["author: 李明", "authors: 王芳"])
def test_a_front_matters_writer_is_kept_when_its_settings_go(tmp_path, writer):
    text = "\n".join(["---", f"title: {TITLE}", "layout: post", writer, "---", BODY])
    collection = collection_of(tmp_path, text)
    gone = [t for _, t in removed(collection)]
    assert "layout: post" in gone and restore_full_width(writer) not in gone
    name = writer.split()[-1]
    kept = [p.text for p in collection.preface] + texts(collection)
    kept += [b.text for e in collection.essays for b in e.bylines]
    assert any(name in t for t in kept)  # the writer's name is not lost
