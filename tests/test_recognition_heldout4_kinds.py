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
