"""Headings glued into the prose, cut out when the text makes a habit of it.

Some pages lose every break around their headings: `…几点。一、关于保持经济
平稳运行目前看，…`, `…的意见。习近平：既要保证生产任务还要保证身体健康29日
下午，…`. After a sentence's end, the words up to the next comma are a heading
glued to the next sentence when they can be cut where that sentence begins:
where the heading's first words are taken up again (习近平…习近平总书记), at a
time (29日下午), at an opening word (目前, 当前), or before a phrase the heading
ends with and the sentence repeats (…重点工作做好疫情防控工作). One such cut
is a guess; the text's habit is a numbered series in order (一、二、) or
several heads alike in their first words.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..chars import COMMA, SENTENCE_END
from ..model import Repair, SourceLine
from ..patterns import CLAUSE_OPENER, GLUED_HEADING, GLUED_HEADING_SERIES, HEADING_MARKERS
from .numbers import parse_number
from .segment import split_repair
from .shapes import TITLE_MAX

CLAUSE_END = re.compile(f"[{SENTENCE_END}{COMMA}、；]")
NUMBERED = re.compile(r"(?P<num>[零〇一二三四五六七八九十]+)、")  # matched at a position
HEAD_MIN = 6  # characters of a glued heading
REPEAT_MIN = 4  # characters of a phrase the sentence repeats from its heading
SUBJECT = slice(0, 3)  # a heading's first words, as the next sentence takes them up


@dataclass(frozen=True)
class Cut:
    piece: int  # index into the pieces
    start: int  # where the heading starts in the piece's text
    end: int  # where it ends (the next sentence starts)


def split_glued_headings(
    pieces: list[SourceLine], repairs: list[Repair], whole: frozenset[int] = frozenset()
) -> list[SourceLine]:
    """The pieces with the headings glued into them cut out; the lines in
    `whole` (Markdown markup) left as they are."""
    cuts = [
        cut
        for i, piece in enumerate(pieces)
        if piece.number not in whole
        for cut in candidates(i, piece.text)
    ]
    heads = [pieces[c.piece].text[c.start : c.end] for c in cuts]
    series = Series(heads)
    cuts = [c for c, head in zip(cuts, heads, strict=True) if series.holds(head)]
    if not cuts:
        return pieces
    by_piece: dict[int, list[Cut]] = {}
    for cut in cuts:
        by_piece.setdefault(cut.piece, []).append(cut)
    out: list[SourceLine] = []
    for i, piece in enumerate(pieces):
        position = 0
        for cut in by_piece.get(i, []):
            text = piece.text
            out.append(SourceLine(piece.number, text[position : cut.start]))
            out.append(SourceLine(piece.number, text[cut.start : cut.end]))
            repairs.append(
                split_repair(piece.number, GLUED_HEADING.name, text[: cut.start], text[cut.start :])
            )
            position = cut.end
        out.append(SourceLine(piece.number, piece.text[position:]) if position else piece)
    return [p for p in out if p.text.strip()]


def candidates(index: int, text: str) -> list[Cut]:
    cuts = []
    for m in GLUED_HEADING.pattern.finditer(text):
        start = m.end()
        number = NUMBERED.match(text, start)
        clause = CLAUSE_END.search(text, number.end() if number else start)
        if clause and clause.group() in SENTENCE_END:
            continue  # one clause to the sentence's end: a sentence (…要同时向上级…报告。), no head
        segment = text[start : clause.start() if clause else len(text)]
        end = cut_point(segment, at_end=clause is None)
        if end:
            cuts.append(Cut(index, start, start + end))
    return cuts


def cut_point(segment: str, at_end: bool) -> int:
    """Where the heading at the start of `segment` ends, or 0."""
    subject = segment[SUBJECT]
    again = segment.find(subject, HEAD_MIN)
    if again > 0 and not NUMBERED.match(segment):
        return again if again <= TITLE_MAX else 0
    opener = CLAUSE_OPENER.search(segment, HEAD_MIN)
    if opener:
        return opener.start() if opener.start() <= TITLE_MAX else 0
    repeat = repeated(segment) if NUMBERED.match(segment) else 0
    if repeat:
        return repeat
    return len(segment) if at_end and HEAD_MIN <= len(segment) <= TITLE_MAX else 0


def repeated(segment: str) -> int:
    """Before the second copy of the longest phrase the segment repeats."""
    for size in range(len(segment) // 2, REPEAT_MIN - 1, -1):
        for i in range(len(segment) - 2 * size + 1):
            again = segment.find(segment[i : i + size], i + size)
            if again >= HEAD_MIN:
                return again if again <= TITLE_MAX else 0
    return 0


class Series:
    """What the candidate heads have in common, counted once for them all:
    the numbers they carry, and how many unnumbered ones open alike."""

    def __init__(self, heads: list[str]) -> None:
        self.numbers: set[int] = set()
        self.openings: Counter[str] = Counter()
        for head in heads:
            if m := NUMBERED.match(head):
                self.numbers.add(parse_number(m["num"]))
            else:
                self.openings[head[:2]] += 1

    def holds(self, head: str) -> bool:
        """A numbered head among others numbered in order, or one of several
        heads alike in their first words."""
        number = NUMBERED.match(head)
        if number and any(r.pattern.match(head) for r in HEADING_MARKERS):
            value = parse_number(number["num"])
            return value - 1 in self.numbers or value + 1 in self.numbers
        return self.openings[head[:2]] >= GLUED_HEADING_SERIES
