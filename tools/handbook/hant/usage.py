"""How a region writes what OpenCC converts: characters its readers write
otherwise, and its quotation marks.

OpenCC's Taiwan configuration writes the Ministry of Education's standard
characters; Taiwan's press and most of its government write three of them
otherwise. Measured on the reference of real Taiwan texts in
tests/hant_reference/ (`make bench`), these are the characters where s2tw
most often differs from what Taiwan writes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class UsageRule:
    """A character (or word) OpenCC writes, and what the region's usage writes instead."""

    opencc: str
    usage: str
    example: str
    why: str


TAIWAN = (
    UsageRule(
        "臺",
        "台",
        "台湾 → 台灣 (not 臺灣), 平台 → 平台",
        "台 is how Taiwan's press and most official texts write it; 臺 is the "
        "Ministry of Education's form, kept in official names by an override",
    ),
    UsageRule(
        "佈",
        "布",
        "宣布 → 宣布 (not 宣佈), 公布, 发布, 分布",
        "布 is the Ministry of Education's standard form; 佈 is its variant",
    ),
    UsageRule(
        "溼",
        "濕",
        "湿地 → 濕地, 潮湿 → 潮濕",
        "OpenCC's Taiwan variant 溼 occurs nowhere in the reference; Taiwan writes 濕",
    ),
)


def in_usage(text: str, rules: tuple[UsageRule, ...]) -> str:
    """`text` with each rule's OpenCC form written as the usage writes it."""
    for rule in rules:  # a few rules: str.replace beats str.translate
        text = text.replace(rule.opencc, rule.usage)
    return text


@dataclass(frozen=True)
class Usage:
    """A region's usage: its character rules and whether it writes 「」 quotation marks."""

    rules: tuple[UsageRule, ...] = ()
    corner_quotes: bool = False


# By region of the OpenCC configuration (editions.opencc_region). Taiwan and Hong Kong
# both quote with 「」 and 『』 inside; OpenCC's unregional standard keeps “”.
REGIONS = {
    "tw": Usage(TAIWAN, corner_quotes=True),
    "hk": Usage(corner_quotes=True),
    "": Usage(),
}

# “” and ‘’ in Simplified text; ’ between two Latin letters is an apostrophe (don’t).
_QUOTE_MARK = re.compile(r"[“”‘\n]|(?<![A-Za-z])’|’(?![A-Za-z])")
_CORNERS = (("「", "」"), ("『", "』"))


def corner_quotes(text: str, depth: int = 0) -> tuple[str, int]:
    """“” and ‘’ as 「」 and 『』, by nesting: the outermost quotation takes 「」,
    one inside it 『』, one inside that 「」 again. `depth` is the nesting at the
    start of `text` (for a document converted in pieces); returns the text and
    the depth at its end. A line break ends every quotation (a quotation running
    over several paragraphs opens each of them again). A closing mark with no
    opening one keeps its own level: ” → 」, ’ → 』.

    >>> corner_quotes("他说：“要‘实事求是’。”")
    ('他说：「要『实事求是』。」', 0)
    """
    level = depth

    def replace(match: re.Match[str]) -> str:
        nonlocal level
        mark = match.group()
        if mark == "\n":
            level = 0
            return mark
        if mark in "“‘":
            level += 1
            return _CORNERS[(level - 1) % 2][0]
        if level:
            level -= 1
            return _CORNERS[level % 2][1]
        return "」" if mark == "”" else "』"

    return _QUOTE_MARK.sub(replace, text), level
