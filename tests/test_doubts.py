"""The report's doubts: each kind is raised on its example text and not on
its near miss, and the shapes they match find their examples. The texts are
small ones written for the purpose, each of the shape a corpus text showed
the converter getting wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.enrich import Settings
from handbook.model import Author, Byline, Collection, Essay
from handbook.patterns import Rule
from handbook.patterns import doubts as shapes
from handbook.pipeline import build_handbook
from handbook.structure.doubts import MEANING, bylines_doubts

RULES = [r for r in vars(shapes).values() if isinstance(r, Rule)]


def collection_of(tmp_path: Path, text: str) -> Collection:
    source = tmp_path / "text.txt"
    source.write_text(text, encoding="utf-8")
    return build_handbook([source], Settings()).collections[0]


def raised(tmp_path: Path, text: str) -> list[str]:
    return [d.rule for d in collection_of(tmp_path, text).doubts]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_every_shape_finds_its_example(rule: Rule):
    assert rule.search(rule.example), rule.name


@pytest.mark.parametrize(
    ("rule", "line"),
    [
        (shapes.OPEN_END_TITLE, "红色之旅——韶山、井冈山"),
        (shapes.DATE_TITLE, "三月的春风"),
        (shapes.BYLINE_AS_TEXT, "■守在山沟沟里，他们是一群不穿军装的军人"),
        (shapes.NAMES_ONLY, "守在山沟 他们是军人"),
        (shapes.TITLE_LABEL, "标题党的危害不容小觑"),
        (shapes.LABEL_ALONE, "各省、自治区、直辖市人民政府，国务院各部委、各直属机构："),
        (shapes.LATIN_FURNITURE, "VW001.042.20210305"),
        (shapes.DOCUMENT_NAME, "共建交流西北工业大学碳材料师生融合党支部作报告"),
    ],
    ids=lambda x: x.name if isinstance(x, Rule) else "",
)
def test_a_shape_misses_its_near_miss(rule: Rule, line: str):
    assert rule.search(line) is None


@pytest.mark.parametrize("kind", shapes.DOUBT_KINDS, ids=lambda k: k.name)
def test_each_doubt_is_raised_on_its_example(tmp_path, kind):
    assert kind.name in raised(tmp_path, kind.example)


@pytest.mark.parametrize("kind", shapes.DOUBT_KINDS, ids=lambda k: k.name)
def test_no_doubt_on_its_near_miss(tmp_path, kind):
    assert kind.name not in raised(tmp_path, kind.near_miss)


def test_the_kinds_are_named_once_and_worded():
    names = [k.name for k in shapes.DOUBT_KINDS]
    assert len(names) == len(set(names)) == len(MEANING)


def test_a_name_spread_with_spaces_is_one_name():
    essay = Essay(1, "实兵对抗演练", "", 1)
    spread = Byline("作者：邓  艳", [Author("邓  艳")], "author-credit", 2)
    listed = Byline("作者：沙凌云、许小赛", [Author("沙凌云、许小赛")], "author-credit", 2)
    assert bylines_doubts([spread], essay) == []
    assert [d.rule for d in bylines_doubts([listed], essay)] == ["names-in-one"]


def test_a_file_name_that_looks_like_a_date_is_not_doubted_as_a_title(tmp_path):
    source = tmp_path / "2018.txt"
    untitled = next(k for k in shapes.DOUBT_KINDS if k.name == "title-from-file-name")
    source.write_text(untitled.near_miss, encoding="utf-8")  # no line could title it
    collection = build_handbook([source], Settings()).collections[0]
    assert (collection.title, collection.title_line) == ("2018", 0)
    assert collection.doubts == []
