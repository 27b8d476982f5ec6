"""The report's doubts: each kind is raised on its example text and not on
its near miss, and the shapes they match find their examples. The texts are
small ones written for the purpose, each of the shape a corpus text showed
the converter getting wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.enrich import Settings
from handbook.model import Collection
from handbook.patterns import Rule
from handbook.patterns import doubts as shapes
from handbook.pipeline import build_handbook
from handbook.structure.doubts import MEANING

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


@pytest.mark.parametrize("kind", shapes.DOUBT_KINDS, ids=lambda k: k.name)
def test_each_doubt_is_raised_on_its_example(tmp_path, kind):
    assert kind.name in raised(tmp_path, kind.example)


@pytest.mark.parametrize("kind", shapes.DOUBT_KINDS, ids=lambda k: k.name)
def test_no_doubt_on_its_near_miss(tmp_path, kind):
    assert kind.name not in raised(tmp_path, kind.near_miss)


def test_the_kinds_are_named_once_and_worded():
    names = [k.name for k in shapes.DOUBT_KINDS]
    assert len(names) == len(set(names)) == len(MEANING)
