"""The kinds of error first met on the fifth held-out set, each as a family
of page furniture or a convention a careful reader knows on any page: small
texts written by hand in the same forms (not the corpus texts), at least two
wordings a family, and what a reader sees in them."""

from __future__ import annotations

import pytest
from test_recognition_heldout_kinds import articles, collection_of, removed, texts

from handbook.model import Collection
from handbook.patterns import FOOTER_CONTACTS
from handbook.punctuation import restore_full_width

TITLE = "社区党支部开展主题党日活动"
BODY = (
    "会议指出，要把学习成果转化为推动工作的实际行动，切实解决群众反映强烈的突出问题。\n"
    "会议要求，各部门要按照分工抓好落实，确保各项任务按时保质完成，不打折扣。\n"
)


def people(collection: Collection) -> list[tuple[str, str]]:
    """Every author the converter read, the essays' and the articles', with roles."""
    bylines = [b for e in collection.essays for b in e.bylines]
    bylines += [b for a in articles(collection) for b in a.bylines]
    return [(x.name, x.role) for b in bylines for x in b.authors]


def units(collection: Collection) -> list[str]:
    bylines = [b for e in collection.essays for b in e.bylines]
    bylines += [b for a in articles(collection) for b in a.bylines]
    return [x.unit for b in bylines for x in b.authors]


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
