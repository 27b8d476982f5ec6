"""Cut lines into pieces and mend lines broken inside sentences.

A piece is what a reader sees as one line: a line holding several paragraphs
(separated by a space after a sentence, by a run of wide spaces, or in some
texts by no-break spaces) is cut into them, and an essay marker glued to the
previous essay's last sentence or closing date starts its own piece. Then a
line that stops inside a sentence is joined to the next one. Every cut and
every join is a repair, reported.
"""

from __future__ import annotations

import itertools
import re

from ..chars import COLON, COMMA, SEMICOLON, WIDE_SPACES
from ..model import Removal, Repair, SourceLine
from ..patterns import (
    DATE_LINE,
    DATELINE,
    DEFINED_TERM,
    ESSAY_MARKERS,
    GLUED_CAPTION,
    GLUED_ESSAY_MARKER,
    HEADING_MARKERS,
    HEADLINE_PARTS,
    NBSP_BREAK,
    NUMBERED_START,
    PARAGRAPH_BREAK_SPACE,
    PARTICLE_START,
    PHOTOGRAPHER_CREDIT,
    PROPERTY_ALONE,
    PROPERTY_DATE,
    SPACED_BYLINE,
    SPACED_LABEL,
)
from ..patterns.body import BRACKET_CLOSED, BRACKET_REACH, OPEN_BRACKET_CUT
from ..patterns.bylines import STAFF_IN_CREDIT
from ..patterns.head import DATELINE_OPEN, SOURCE_BELOW
from ..punctuation import restore_full_width, widened
from .debris import first_match, piece_debris
from .properties import fields
from .shapes import (
    LABEL_LEAD,
    LIST_ITEM_END,
    STARTS_AS_TEXT,
    ends_in_han,
    ends_mid_word,
    head_title_like,
    plain_title_like,
)
from .survey import Conventions

SPACE = re.compile(f"[ \u00a0{WIDE_SPACES}]")
SUMMARY_CUT = "summary-cut"  # the debris rule of a blog's summary cut (<!--more-->)
SUMMARY_CUT_JOIN = "joined-at-summary-cut"  # the repair joining the lines round it
CLOSING_BRACKETS = ")\uff09"
STAFF_CREDIT = "staff-credit-in-credit"  # the debris rule of a staff credit inside a credit


def split_repair(number: int, rule: str, left: str, right: str, mark: str = "|") -> Repair:
    """A line cut in two; the report shows a few characters either side."""
    return Repair(number, rule, f"{left[-8:]} {right[:8]}", f"{left[-8:]} {mark} {right[:8]}")


def segment(
    lines: list[SourceLine],
    conventions: Conventions,
    repairs: list[Repair],
    removals: list[Removal],
) -> list[SourceLine]:
    """The lines as pieces, debris pieces (a photo's caption) removed, broken
    lines joined."""
    pieces: list[SourceLine] = []
    whole = conventions.markup  # never cut, never joined
    for line in lines:
        if line.number in whole:
            pieces.append(line)
            continue
        parts = [
            p
            for chunk in glued_captions(line, repairs, removals)
            for p in paragraph_pieces(chunk, conventions, repairs)
        ]
        for part in parts:
            for piece in split_glued_markers(part, repairs):
                rule = piece_debris(piece)
                if rule and not goes_on(pieces, piece, conventions.hard_wrapped):
                    removals.append(Removal(piece.number, rule, piece.text))
                else:
                    pieces.append(piece)
    return join_broken_lines(
        pieces, repairs, conventions.hard_wrapped, removals, whole, conventions.items
    )


def glued_captions(
    line: SourceLine, repairs: list[Repair], removals: list[Removal]
) -> list[SourceLine]:
    """The line without the photo captions glued inside its prose (…挫折。
    2018年7月3日至4日，…讲话。 新华社记者 鞠鹏/摄党的十八大以来…), each
    removed, the prose on either side a piece of its own, the cuts reported."""
    if GLUED_CAPTION.needs not in line.text:
        return [line]
    parts, start = [], 0
    for m in GLUED_CAPTION.pattern.finditer(line.text):
        removals.append(Removal(line.number, GLUED_CAPTION.name, m.group(0)))
        repairs.append(
            split_repair(line.number, "split-at-caption", line.text[: m.start()], m.group(0))
        )
        parts.append(line.text[start : m.start()])
        start = m.end()
    if not parts:
        return [line]
    parts.append(line.text[start:])
    return [SourceLine(line.number, p) for p in parts if p]


def goes_on(pieces: list[SourceLine], piece: SourceLine, hard_wrapped: bool) -> bool:
    """Whether `piece` opens its line inside the sentence the line above broke
    off (…2015年12月31 / 日。新华社记者罗晓光 摄): the end of the text's
    sentence, though a caption's credit closes it, is no caption of its own."""
    above = pieces[-1] if pieces else None
    return (
        above is not None
        and above.number != piece.number
        and bool(broken_between(above, piece, hard_wrapped))
    )


def paragraph_pieces(
    line: SourceLine, conventions: Conventions, repairs: list[Repair]
) -> list[SourceLine]:
    """Cut a line at the spaces that stand for lost paragraph breaks."""
    text, number = line.text, line.number
    if not SPACE.search(text) or fields(text):
        return [line]  # no space to break at, or a byline of fields spaced apart
    breaks = list(PARAGRAPH_BREAK_SPACE.finditer(text))
    if conventions.nbsp_breaks:
        taken = {m.start() for m in breaks}
        breaks += [m for m in NBSP_BREAK.finditer(text) if m.start() not in taken]
        breaks.sort(key=lambda m: m.start())
    bylines = (
        [m.span() for m in re.finditer(SPACED_BYLINE, text)]  # compiled once, if ever
        if "记者" in text or "通讯员" in text
        else []
    )
    breaks = [b for b in breaks if not any(start < b.start() < end for start, end in bylines)]
    if breaks and (credit := PHOTOGRAPHER_CREDIT.search(text)):
        breaks = [b for b in breaks if b.end() != credit.start("credit")]
    if breaks and (parts := HEADLINE_PARTS.match(text)) and headline_parts(parts, breaks):
        breaks = breaks[1:]
    label = SPACED_LABEL.match(text)
    if not breaks or (label and len(breaks) == 1 and breaks[0].end() <= label.end()):
        return [line]
    parts, start = [], 0
    for space in breaks:
        if space.start() < start or (label and space.end() <= label.end()):
            continue
        end = space.start() + len(space.group(1) or "")  # closing quotes stay with their sentence
        parts.append(text[start:end])
        start = space.end()
        repairs.append(
            split_repair(number, "split-paragraph-at-space", text[:end], text[space.end() :], "¶")
        )
    parts.append(text[start:])
    return [SourceLine(number, p) for p in parts if p]


def headline_parts(parts: re.Match[str], breaks: list[re.Match[str]]) -> bool:
    """Whether the line's first break is the one no-break space between a
    headline's two parts: both title-like, no sentence ended before it."""
    first = breaks[0]
    if first.start() != parts.end("first") or first.group(0) != "\u00a0":
        return False
    end = breaks[1].start() if len(breaks) > 1 else len(parts.string)
    return head_title_like(parts["first"]) and head_title_like(parts.string[first.end() : end])


def split_glued_markers(line: SourceLine, repairs: list[Repair]) -> list[SourceLine]:
    """`…最后一句。第二篇:标题` → two pieces: the marker starts its own."""
    if "篇" not in line.text and "范文" not in line.text:  # every marker has one
        return [line]
    pieces = GLUED_ESSAY_MARKER.pattern.split(line.text)
    if len(pieces) == 1:
        return [line]
    for before, after in itertools.pairwise(pieces):
        repairs.append(split_repair(line.number, GLUED_ESSAY_MARKER.name, before, after))
    return [SourceLine(line.number, p.strip()) for p in pieces if p.strip()]


def is_marker(text: str) -> bool:
    return first_match(ESSAY_MARKERS, text) is not None


def join_broken_lines(
    pieces: list[SourceLine],
    repairs: list[Repair],
    hard_wrapped: bool,
    removals: list[Removal],
    whole: frozenset[int] = frozenset(),
    items: frozenset[int] = frozenset(),
) -> list[SourceLine]:
    """Join a line's last piece, when it stops inside a sentence, to the next
    line's first; so too the two lines right above and under a blog's
    summary cut (removed), which stood inside their paragraph, and a line
    cut inside a bracket (a credit's staff in it removed). The lines in
    `whole` are joined to neither neighbour, a list's `items` to none above."""
    cuts = frozenset(r.line for r in removals if r.rule == SUMMARY_CUT)
    joined: list[SourceLine] = []
    for i, piece in enumerate(pieces):
        previous = joined[-1] if joined else None
        how = (
            previous
            and pieces[i - 1].number != piece.number
            and not {previous.number, piece.number} & whole
            and piece.number not in items
            and (
                (not in_list(pieces, i) and broken_between(previous, piece, hard_wrapped))
                or (cuts and across_cut(pieces[i - 1], piece, cuts))
                or bracket_across(previous.text, piece.text)
                or source_below(previous.text, piece.text)
            )
        )
        if not how:
            joined.append(piece)
            continue
        text = previous.text + piece.text
        if how == OPEN_BRACKET_CUT.name:
            text = staff_across(text, len(previous.text), (pieces[i - 1], piece), removals)
        repairs.append(
            Repair(
                previous.number,
                how,
                f"{previous.text[-6:]} / {piece.text[:6]} (line {piece.number})",
                previous.text[-6:] + piece.text[:6],
            )
        )
        if cut_pair(previous.text, piece.text):
            text = widened_across(text, previous.number, repairs)
        joined[-1] = SourceLine(previous.number, text)
    return joined


def across_cut(last: SourceLine, piece: SourceLine, cuts: frozenset[int]) -> str:
    """`SUMMARY_CUT_JOIN` when a summary cut stands alone between the two
    lines, with no blank line either side: inside their paragraph; else ""."""
    return SUMMARY_CUT_JOIN if piece.number - 1 in cuts and last.number + 2 == piece.number else ""


def bracket_across(first: str, second: str) -> str:
    """`OPEN_BRACKET_CUT`'s name when `first` ends inside a bracket it opened
    (a credit, `（记者 蓝芳 摄影`) and `second` closes it (`宗琪琪）在…`): one
    line cut inside the bracket; else ""."""
    tail = first[-BRACKET_REACH:]  # the only part the rule can match: most lines hold no bracket
    opened = "(" in tail or "\uff08" in tail
    cut = OPEN_BRACKET_CUT.search(tail) if opened and tail[-1] not in CLOSING_BRACKETS else None
    return OPEN_BRACKET_CUT.name if cut and BRACKET_CLOSED.match(second) else ""


def staff_across(
    text: str, junction: int, parts: tuple[SourceLine, SourceLine], removals: list[Removal]
) -> str:
    """A credit joined across its bracket (at `junction`) without the staff
    credited in it (`…摄影` / `宗琪琪）`: the pictures'); each part of theirs
    reported as debris on the line it stands on."""
    opening = max(text.rfind("(", 0, junction), text.rfind("（", 0, junction))
    found = re.compile(STAFF_IN_CREDIT).search(text, opening)  # compiled once, if ever
    if not found or found.end() <= junction:
        return text
    start, end = found.span()
    for line, part in ((parts[0], text[start:junction]), (parts[1], text[junction:end])):
        if part.strip():
            removals.append(Removal(line.number, STAFF_CREDIT, part.strip()))
    return text[:start] + text[end:]


def source_below(first: str, second: str) -> str:
    """`DATELINE_OPEN`'s name when `first` ends in the source's label and
    `second` is the source alone (… 来源: / 新华网): one dateline; else ""."""
    return DATELINE_OPEN.name if DATELINE_OPEN.match(first) and SOURCE_BELOW.match(second) else ""


def cut_pair(first: str, second: str) -> bool:
    """Whether a narrow bracket or quote opened before a wrap may close after it."""
    return ("(" in first and ")" in second) or ('"' in first and '"' in second)


def widened_across(text: str, number: int, repairs: list[Repair]) -> str:
    """A joined line with the narrow pair the wrap cut (`江某(中共开封` /
    `市委书记)等`) widened as the reader widens a pair on one line, reported
    as its other widenings are."""
    after = restore_full_width(text)
    if after != text:
        changed = widened(text, after)
        repairs.append(
            Repair(
                number,
                WIDENED_PAIR,
                " ".join([f"{narrow}×{n}" for narrow, _, n in changed]),
                " ".join([f"{wide}×{n}" for _, wide, n in changed]),
                sum([n for _, _, n in changed]),
            )
        )
    return after


WIDENED_PAIR = "full-width-punctuation"  # the reader's repair, made again across a wrap


def in_list(pieces: list[SourceLine], i: int) -> bool:
    """Whether the line before piece `i` is an item of a list of clauses:
    it and its neighbour, before or after, end in a semicolon (只有…；只有…；)."""
    ends = [p.text[-1:] == SEMICOLON for p in pieces[max(0, i - 2) : i + 1]]
    return len(ends) >= 2 and ends[-2] and (ends[-1] or (len(ends) == 3 and ends[0]))


def property_line(text: str) -> bool:
    """A line of the page's properties: a dateline (2017-08-10来源：…), fields,
    one property alone (发布者：科捷物流; the date and time a counter was
    cut from, 时间：2019年10月31日 23:00), or a date and time alone with no
    label (2019-09-26 10:56:28)."""
    if COLON not in text and ":" not in text:
        return False  # every property has its label's colon, every time its own
    alone = (
        PROPERTY_ALONE.match(text)
        or PROPERTY_DATE.match(text)
        or DATELINE_OPEN.match(text)
        or DATE_LINE.match(text)
    )
    return bool(DATELINE.match(text) or alone) or bool(fields(text))


def broken_between(first: SourceLine, second: SourceLine, hard_wrapped: bool) -> str:
    """Why `first` and `second` are one sentence broken in two (a rule name), or ""."""
    a, b = first.text, second.text
    open_end = a[-1] in f"{COMMA}、{SEMICOLON}" or ends_mid_word(a)
    if not open_end or is_marker(a) or is_marker(b) or not STARTS_AS_TEXT.match(b):
        return ""  # most lines end a sentence
    if NUMBERED_START.match(b):
        return ""  # a numbered point of its own (…工业化； / 7.…)
    if property_line(a) or property_line(b):
        return (
            ""  # a dateline or a page's properties is a line of its own, though it ends in a word
        )
    heading = first_match(HEADING_MARKERS, b)
    if heading:
        # `形式主义:知行不` + `一、不求实效…等;`: the first stops in a word (知行不一),
        # the second ends like a list item, which no heading does.
        return (
            "joined-broken-line" if ends_in_han(a) and COLON in a and b[-1] in LIST_ITEM_END else ""
        )
    if a[-1] in f"{COMMA}、":  # a comma never ends a paragraph
        return "joined-broken-line"
    if a[-1] == SEMICOLON and second.indented:
        return ""  # an indented line after a clause opens a paragraph (…一种势力； / 　　现在是…)
    item_opens = (LABEL_LEAD, DEFINED_TERM.pattern)  # 主要内容：…, “三改”即…: an item's own line
    if a[-1] == SEMICOLON and not any(p.match(t) for p in item_opens for t in (a, b)):
        return "joined-broken-line"  # one clause of a sentence, not a list item
    if ends_mid_word(a) and PARTICLE_START.match(b) and not plain_title_like(a, 2):
        return "joined-broken-line"  # …是泽东思想 / 的活的灵魂…: no sentence opens with 的
    if (
        hard_wrapped
        and ends_mid_word(a)
        and not plain_title_like(a, 2)
        and not plain_title_like(b, 2)
    ):
        return "joined-broken-line"  # a text broken at a width, inside a word
    return ""
