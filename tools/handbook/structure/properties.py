"""A page's property line, field by field: `发布日期：2016-11-15  作者：于珊珊
马明花  编辑：于珊珊  点击：1324`.

It is site debris unless it names the authors, and then it is their byline
(with the source it names beside them), its hit counter cut out; a line of
the date and the counter alone is the text's date line, its counter cut out.
Its date is the page's either way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Author
from ..patterns import (
    ANONYMOUS,
    AUTHOR_LABELS,
    CATEGORY_LABELS,
    COUNTER_LABELS,
    DATE_LABELS,
    DATE_PART,
    FIELD_SEPARATORS,
    NAME_SEPARATORS,
    OUTLET,
    PAPER_REPORTERS,
    PROPERTY_FIELD,
    PROPERTY_LINE,
    SOURCE_LABELS,
    SOURCE_SOCIETY,
)
from ..patterns.debris import STAFF_LABELS

DATE = re.compile(DATE_PART)  # a date anywhere in a value: the stage's one finder of dates
SEPARATOR_TAIL = re.compile(rf"[\s{re.escape(FIELD_SEPARATORS)}]+$")
SEPARATOR_HEAD = re.compile(rf"^[\s{re.escape(FIELD_SEPARATORS)}]+")
BOOKKEEPING = COUNTER_LABELS | CATEGORY_LABELS  # the site's fields, debris even in a byline


@dataclass(frozen=True)
class Field:
    label: str
    value: str  # stripped
    start: int  # of the label, in the line
    end: int  # of the value


def fields(text: str) -> list[Field]:
    """The line's fields, or none when it is not a property line."""
    if not PROPERTY_LINE.pattern.match(text):
        return []
    found = list(PROPERTY_FIELD.finditer(text))
    out = []
    for m, after in zip(found, [*found[1:], None], strict=True):
        end = after.start() if after else len(text)
        value = text[m.end() : end]
        out.append(Field(m["label"], bare(value), m.start(), m.end() + len(trimmed(value))))
    return out


def trimmed(value: str) -> str:
    """A field's value up to its last word: the spaces and the bar that part
    it from the next field (`赵明昊\u00a0\u00a0|\u00a0\u00a0责任编辑：…`) are not
    the field's, nor a name."""
    return SEPARATOR_TAIL.sub("", value)


def authors(found: list[Field]) -> list[Author]:
    """The names the line's author fields give, and then its source's (role
    来源); with no author, a source that names a paper, an agency or a site
    (来源：中国石化报), or a society its own news (来源：中国地理学会), is the
    text's byline, a platform (来源：学习平台) none."""
    writers = named(found, AUTHOR_LABELS)
    sources = [Author(a.name, role="来源") for a in named(found, SOURCE_LABELS)]
    if writers:
        return [*writers, *sources]
    return [a for a in sources if OUTLET.match(a.name) or SOURCE_SOCIETY.pattern.match(a.name)]


def named(found: list[Field], labels: set[str]) -> list[Author]:
    return [author for f in found if f.label in labels for author in field_names(f)]


def field_names(f: Field) -> list[Author]:
    """The names a field gives, each with its label as its role; a paper's
    reporters (某某日报记者 张三 李四) with their role, the paper their unit."""
    press = PAPER_REPORTERS.match(f.value)
    names = press["names"] if press else f.value
    role, unit = (press["role"], press["unit"]) if press else (f.label, "")
    return [
        Author(name, unit=unit, role=role)
        for name in NAME_SEPARATORS.split(names)
        if name and name not in ANONYMOUS
    ]


def dated_only(found: list[Field]) -> bool:
    """Whether the line holds the date and the hit counter or the category
    the site files it under and nothing else (`发布时间：2024-06-03 点击数：138 次`,
    `发布日期：2019-09-23 14:34:05  所属分类：`), but fields left empty
    (`来源: | 发布时间: 2018-05-17 | 浏览次数: 2168`): the date is the text's,
    kept as its date line with its label; only the counter and the empty
    fields are debris."""
    return (
        all(
            f.label in BOOKKEEPING
            or (f.label in DATE_LABELS and DATE.fullmatch(f.value))
            or names_nothing(f)
            for f in found
        )
        and any(f.label in DATE_LABELS for f in found)
        and any(f.value or f.label in CATEGORY_LABELS for f in counters(found))
    )


def bare(value: str) -> str:
    """A field's value without the spaces and separators beside it."""
    return SEPARATOR_HEAD.sub("", trimmed(value))


def names_nothing(f: Field) -> bool:
    """A field left empty (来源: |) or naming no one (来源：本站原创, 作者：佚名)."""
    value = f.value
    return not value or value in ANONYMOUS


def date(found: list[Field]) -> str | None:
    for f in found:
        if f.label in DATE_LABELS and (m := DATE.search(f.value)):
            return m.group(0).strip()
    return None


def counters(found: list[Field]) -> list[Field]:
    """The hit counter's and the category's fields, debris even in a byline."""
    return [f for f in found if f.label in BOOKKEEPING]


def cut_fields(found: list[Field]) -> list[Field]:
    """What a property line kept as a date line or a byline loses: its hit
    counter, the fields that name nothing (来源: |, 来源：本站原创), and, on a
    line that credits the text to its source alone, the reposting site's
    staff (来源：巴彦淖尔日报    编辑：苏亮); beside the writers (作者：… 编辑：…)
    the staff worked on the story with them, and stay."""
    cut = BOOKKEEPING | (set() if named(found, AUTHOR_LABELS) else STAFF_LABELS)
    return [f for f in found if f.label in cut or names_nothing(f)]
