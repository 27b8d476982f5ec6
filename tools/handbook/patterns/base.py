"""What every rule is made of: the Rule itself, and the pattern fragments the
tables share (a colon of either width, brackets, a name, a date)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

from ..chars import (
    CN_DIGITS,
    COLON,
    HAN,
    LPAREN,
    RPAREN,
)


@dataclass(frozen=True)
class Rule:
    name: str
    source: str  # the pattern as written
    example: str
    meaning: str
    needs: str = ""  # text every match holds: a line without it is not tried (speed)

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The pattern, compiled when a line first tries the rule: compiling
        every table's patterns (their classes of Han characters above all)
        cost each conversion 0.05 s, and a text tries only some of the
        rules (the corpus's first text 85 of 148), never those whose needed
        text it lacks."""
        return re.compile(self.source)

    @cached_property
    def ends(self) -> str:
        """The characters one of which ends every text the rule matches, but
        for spaces after it ('' when the pattern does not say): a tail rule
        (…（供稿）$) need not search a text that ends otherwise, as most
        pieces do, told by its last character alone (`last_characters`)."""
        return last_characters(self.source)

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self.needs in text else None

    def match(self, text: str) -> re.Match[str] | None:
        return self.pattern.match(text) if self.needs in text else None


REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
SPACE = (sre.IN, [(sre.CATEGORY, sre.CATEGORY_SPACE)])  # \s


def last_characters(source: str) -> str:
    """The characters one of which a match of `source` holds as the text's
    last but spaces, read from how `re` parses it: a pattern that ends in
    `$` after a character or a class of characters, spaces (`\\s*`) between,
    inside groups or alternatives (`[)）])\\s*$`); '' for any other."""
    tree = _parser.parse(source)
    if tree.state.flags & (re.IGNORECASE | re.MULTILINE):
        return ""
    items = list(tree.data)
    if not items or items[-1] not in ((sre.AT, sre.AT_END), (sre.AT, sre.AT_END_STRING)):
        return ""
    return "".join(sorted(_last(items[:-1]) or ""))


def _last(items: list) -> set[str] | None:
    """The characters one of which the last item but spaces matches; None
    when that is not one character of a few (or may be empty)."""
    while items and (
        items[-1] == SPACE or (items[-1][0] in REPEATS and list(items[-1][1][2].data) == [SPACE])
    ):
        items = items[:-1]
    if not items:
        return None
    op, av = items[-1]
    if op is sre.LITERAL:
        return {chr(av)}
    if op is sre.IN and all(kind is sre.LITERAL for kind, _ in av):
        return {chr(code) for _, code in av}
    if op is sre.SUBPATTERN and not (av[1] & re.IGNORECASE):
        return _last(list(av[3].data))
    if op is sre.BRANCH:
        branches = [_last(list(branch.data)) for branch in av[1]]
        if all(branches):
            return set().union(*branches)
    return None


NAMED_GROUP = re.compile(r"\(\?P<\w+>")  # a group's name, (?P<date>


def any_of(rules: list[Rule]) -> re.Pattern[str]:
    """One pattern that finds a match in a text wherever one of `rules` would
    (not which, nor where): a line none of them matches, as most lines, is
    told by one search instead of one a rule. Their groups lose their names,
    which two rules may share."""
    return re.compile("|".join(f"(?:{NAMED_GROUP.sub('(?:', r.source)})" for r in rules))


C = f"[:{COLON}]"  # a colon, either width
OPEN, CLOSE = f"[({LPAREN}]", f"[){RPAREN}]"
NAME = rf"[{HAN}]{{2,4}}"
# A date as the texts write it: 2022-08-28, 2018年10月31日 (also with spaces
# inside, 2024年10 月23 日), 2017年08月22日09:55 with the time glued on or after a
# space (2019-09-26 03:08:39: kept as written, seconds too, and their
# fraction where a front matter's timestamp gives one: 01:21:55.190571), or in
# Chinese numerals (一九七八年十二月十三日, 二○一二年六月十二日 with a circle for zero).
DATE_PART = (
    r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}(?:\s*日)?(?:\s*至\s*\d{1,2}\s*日)?"
    r"(?:\s*\d{1,2}[:\uff1a]\d{2}(?:[:\uff1a]\d{2}(?:\.\d{1,9})?)?)?"
    rf"|[〇○零一二三四五六七八九]{{4}}年[{CN_DIGITS}]{{1,3}}月[{CN_DIGITS}]{{1,3}}日"
)
SHORT_DATE = r"\d{1,2}月\d{1,2}日"  # 4月5日, in datelines without a year
# The kinds of an official document, the last word of its title (…的意见).
DOCUMENT_KINDS = r"公报|决定|决议|意见|条例|规定|办法|纲要|宣言|公告|通告|通知"
# The kinds of publisher a source's name ends in (人民网, 中国石化报, 新华社,
# 某某电视台, 某某杂志, 某某客户端, 央视新闻): every list of them is made from this.
PUBLISHER_KINDS = ("网", "报", "社", "台", "刊", "杂志", "客户端", "新闻")
