"""The rules that recognise structure, as named data.

Each rule has a name (it appears in the report), a pattern and an example the
tests check the pattern against. To teach the converter a new form, add a row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .chars import (
    CLOSING_QUOTES,
    CN_DIGITS,
    COLON,
    COMMA,
    HAN,
    LPAREN,
    NUMERAL,
    RPAREN,
    SENTENCE_END,
    WIDE_SPACES,
)


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    example: str
    meaning: str


def rule(name: str, pattern: str, example: str, meaning: str) -> Rule:
    return Rule(name, re.compile(pattern), example, meaning)


# Lines the source site added around the text. Removed and reported.
DEBRIS = [
    rule(
        "prev-next-links",
        r"^上一篇[:\uff1a].*下一篇[:\uff1a]",
        f"上一篇{COLON}五年级上册教学计划下一篇{COLON}五年级科学教案下册",
        "links to the neighbouring pages of the source site",
    ),
    rule("hot-searches", r"^本站热搜", "本站热搜", "the site's 'popular searches' box"),
    rule(
        "site-boilerplate",
        r"^(相关推荐|热门推荐|猜你喜欢|返回顶部|扫一扫|分享到[:\uff1a]?|版权所有|版权声明[:\uff1a]?)\s*$",
        "相关推荐",
        "navigation and sharing widgets",
    ),
]

# The date of the collection, on a line of its own before the first essay.
DATE = rule("date", r"^\s*(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)\s*$", "2022-08-28", "a date line")

# What ends an essay marker: a colon or stop, a space, or the line's end (so
# that prose such as 第一篇的正文 is not taken for a marker).
MARKER_END = r"(?:\s*[:\uff1a、.．]\s*|\s+|$)"

# Essay markers. Group `num` is the essay number, `title` the rest of the line.
ESSAY_MARKERS = [
    rule(
        "di-n-pian",
        rf"^第(?P<num>{NUMERAL})篇{MARKER_END}(?P<title>.*)$",
        f"第一篇{COLON}我们党群众路线内容",
        "第N篇 followed by the essay's title",
    ),
    rule(
        "bracketed",
        rf"^【\s*(?:第(?P<num>{NUMERAL})篇|篇(?P<num2>{NUMERAL}))\s*】\s*(?P<title>.*)$",
        "【篇一】学习心得",
        "【篇N】 or 【第N篇】",
    ),
    rule(
        "pian-n",
        rf"^篇(?P<num>{NUMERAL})\s*[:\uff1a、.]\s*(?P<title>.*)$",
        f"篇一{COLON}学习心得",
        "篇N: title",
    ),
    rule(
        "fan-wen-n",
        rf"^范文(?P<num>{NUMERAL}){MARKER_END}(?P<title>.*)$",
        f"范文一{COLON}学习心得",
        "范文N title",
    ),
]

# Headings inside an article, one family per numbering style. The family met
# first in an article becomes the outer level.
HEADING_MARKERS = [
    rule(
        "cn-numeral-comma",
        rf"^[{CN_DIGITS}]+、",
        "一、党的群众路线的基本内涵及其重大意义",
        "一、 二、",
    ),
    rule(
        "cn-numeral-paren",
        rf"^[(\uff08][{CN_DIGITS}]+[)\uff09]",
        f"{LPAREN}一{RPAREN}扎实开展学习培训{COMMA}切实提高思想认识",
        "(一) (二)",
    ),
    rule(
        "ordinal",
        rf"^第[{CN_DIGITS}]+[,\uff0c、]",
        f"第一{COMMA}更深刻了解了群众路线的内涵",
        "第一, 第二,",
    ),
    rule("arabic-comma", r"^\d{1,2}、", "1、坚持群众路线", "1、 2、"),
]

NAME = rf"[{HAN}]{{2,4}}"

# Bylines and attributions: metadata, kept apart from the body text.
BYLINES = [
    rule(
        "lecture",
        rf"^(?P<name>{NAME}?)(?P<role>授课|讲课|主讲|讲话|发言)$",
        "田局授课",
        "a lecturer's name followed by 授课",
    ),
    rule(
        "excerpt-from-speech",
        rf"^(?P<byline>——\s*摘自(?P<name>{NAME}?)(?:同志)?在\S*?上的(?P<role>发言|讲话|报告))(?:\s+(?P<rest>.+))?$",
        "——摘自贺同新同志在集团党组理论中心组群众路线教育实践活动专题学习会议上的发言 总书记在…",
        "——摘自X同志在…上的发言, possibly glued to the first sentence",
    ),
    rule(
        "written-by-tail",
        r"(?P<byline>[(\uff08](?P<role>文|作者)\s*[/\uff0f:\uff1a]\s*(?P<name>[^()\uff08\uff09]{1,20})[)\uff09])\s*$",
        f"……新铜梁。{LPAREN}文/闻琼{RPAREN}",
        "(文/X) closing an article",
    ),
    rule(
        "author-label",
        rf"^(?P<role>作者|文|撰稿|供稿)\s*[:\uff1a/\uff0f]\s*(?P<name>{NAME})(?:\s+(?P<unit>.+))?$",
        f"作者{COLON}张三 某某支部",
        "作者:X, 文/X, optionally followed by a unit",
    ),
    rule(
        "source-label",
        r"^(?P<role>来源|出处|转载自)\s*[:\uff1a]\s*(?P<name>\S.{0,40})$",
        f"来源{COLON}人民网",
        "来源:X, where the text was taken from",
    ),
    rule(
        "title-unit-author",
        rf"^(?P<title>[^\s,\uff0c。;\uff1b:\uff1a]{{4,40}})\s+"
        rf"(?P<byline>(?P<unit>[^\s,\uff0c。;\uff1b:\uff1a]{{1,20}}(?:\s+[^\s,\uff0c。;\uff1b:\uff1a]{{1,20}}){{0,3}}?)\s+(?P<name>{NAME}))$",
        "大学生党员如何实施群众路线 会展二支部 会展1102 高子茵",
        "article title, unit and author on one line",
    ),
]

# A line naming a speaker and a title: "田局——群众路线是我们党的生命线".
SUBTITLE = rule(
    "name-dash-title",
    rf"^{NAME}——[^,\uff0c。]+$",
    "田局——群众路线是我们党的生命线",
    "speaker——title under an essay marker",
)

# Spaces that stand for a lost paragraph break: one after a sentence's end, or
# a run of two full-width or en spaces (a paragraph's indent) anywhere.
PARAGRAPH_BREAK_SPACE = re.compile(
    rf"(?<=[{SENTENCE_END}])([{CLOSING_QUOTES}]*)[ {WIDE_SPACES}]+(?=\S)|()[{WIDE_SPACES}]{{2,}}(?=\S)"
)

# An essay marker glued to the end of the previous essay's last sentence.
GLUED_ESSAY_MARKER = rule(
    "glued-essay-marker",
    rf"(?<=[{SENTENCE_END}”])\s*(?=(?:第(?:{NUMERAL})篇|篇(?:{NUMERAL})|范文(?:{NUMERAL}))[:\uff1a]|【\s*(?:第(?:{NUMERAL})篇|篇(?:{NUMERAL}))\s*】)",
    f"……的落脚点。第二篇{COLON}学习心得",
    "an essay marker after a sentence's end, on the same line",
)
