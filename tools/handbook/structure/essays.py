"""Where the essays are: essay markers, and what only looks like them.

A run of markers with nothing between them is a contents list, front matter
rather than essays. So is a run of bare titles without markers whose entries
stand again, in the list's order, over the text below: there they start the
essays. When the first marker numbers its essay 2 or more and a
whole letter or essay stands before it, that text is the first essay, whose
marker the page lost.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ..chars import COMMA, HAN_CHAR, SEMICOLON, SENTENCE_END
from ..model import SourceLine
from ..patterns import (
    BOOK_CONTENTS_HEADING,
    CONTENTS_ENTRY,
    CONTENTS_HEADING,
    ESSAY_MARKERS,
    HEADING_MARKERS,
    LISTED_TITLE,
    LISTED_TITLE_MAX,
    MARKDOWN_HEADING,
    PREFIXED_BOOK_PIECE,
    SUMMARY_ENTRY,
    Rule,
)
from .debris import first_match
from .numbers import parse_number
from .shapes import long_prose, plain_title_like

CONTENTS_MIN = 3  # markers in a row that make a contents list
SUMMARY_LINES_MAX = 2  # lines of an unnumbered summary over a page's pieces
LISTED_CONTENTS_MIN = 5  # bare titles in a row that can be a contents list
LISTED_STARTS_MIN = 2  # of its entries standing again below, in order
# Chapters a contents list names (第一章 …, 第二章 …) that make it one book's:
# its entries stand again below as the book's heads, not as essays.
BOOK_CHAPTERS_MIN = 2
CHAPTER_HEAD = "chapter-head"  # the heading marker of a book's chapter


@dataclass
class Start:
    """An essay marker: where it stands among the pieces, and what it says."""

    index: int
    rule: Rule
    match: re.Match[str]

    @property
    def number(self) -> int | None:
        numeral = self.match.group("num") or self.match.groupdict().get("num2")
        return parse_number(numeral) if numeral else None

    @property
    def title(self) -> str:
        return self.match.group("title").strip()


@dataclass
class Layout:
    """The essays' starts; the contents lists, as (first, last) piece indices;
    whether the text before the first marker is an essay of its own."""

    starts: list[Start]
    contents: list[tuple[int, int]]
    unmarked_first: bool


def find_essays(pieces: list[SourceLine]) -> Layout:
    marks = []
    for i, piece in enumerate(pieces):
        found = first_match(ESSAY_MARKERS, piece.text)
        if found:
            marks.append(Start(i, *found))
    if not marks and (listed := listed_contents(pieces)):
        return Layout(listed[1], [listed[0]], False)
    contents = contents_lists(marks, pieces)
    listed = {m.index for first, last in contents for m in marks if first <= m.index <= last}
    starts = gaps_filled([m for m in marks if m.index not in listed], pieces)
    first = starts[0] if starts else None
    before = pieces[: first.index] if first else []
    unmarked = bool(
        first
        and (first.number or 1) >= 2
        and not contents
        and sum(long_prose(p.text) for p in before) >= 2
    )
    return Layout(starts, contents, unmarked)


def gaps_filled(starts: list[Start], pieces: list[SourceLine]) -> list[Start]:
    """The starts, with the marker of a piece the numbering misses where a
    word stands glued before it (第十篇 … 毛选第十一篇《…》 … 第十二篇): there
    it starts the missing essay."""
    filled: list[Start] = []
    for a, b in itertools.pairwise(starts):
        filled.append(a)
        if a.number is None or b.number is None or b.number - a.number < 2:
            continue
        wanted = set(range(a.number + 1, b.number))
        for i in range(a.index + 1, b.index):
            m = PREFIXED_BOOK_PIECE.match(pieces[i].text)
            if m and parse_number(m["num"]) in wanted:
                filled.append(Start(i, PREFIXED_BOOK_PIECE, m))
    return filled + starts[-1:]


def entry_like(text: str) -> bool:
    """Short enough for a bare title in a contents list, and no sentence."""
    return (
        len(text) <= LISTED_TITLE_MAX
        and HAN_CHAR.search(text) is not None
        and not any(c in text for c in SENTENCE_END + COMMA + SEMICOLON)
    )


def listed_contents(pieces: list[SourceLine]) -> tuple[tuple[int, int], list[Start]] | None:
    """A contents list of bare titles (its 目录 heading, if any, with it) and
    the essays it announces: the later lines that repeat its entries in its
    order, each over a line that is no entry (卷一 over 考城隍 groups, it
    heads no text). The list ends where its first entry stands again (a list
    given twice, or the first essay's own title)."""
    start = 0
    while start < len(pieces):
        end = start
        while end < len(pieces) and entry_like(pieces[end].text):
            end += 1
        if end - start >= LISTED_CONTENTS_MIN:
            break
        start = end + 1
    else:
        return None
    heading = next(
        (i for i in range(start, end) if CONTENTS_HEADING.pattern.match(pieces[i].text)), None
    )
    if heading is not None:  # the book's title above it is no entry
        start = heading
    first = start + (heading is not None)
    again = [i for i in range(first + 1, end) if pieces[i].text == pieces[first].text]
    body = again[-1] if again else end - 1
    order = {}
    for i in range(first, body):
        order.setdefault(pieces[i].text, i)
    starts, reached = [], -1
    for i in range(body, len(pieces) - 1):
        place = order.get(pieces[i].text, -1)
        if place > reached and pieces[i + 1].text not in order:
            starts.append(Start(i, LISTED_TITLE, LISTED_TITLE.pattern.match(pieces[i].text)))
            reached = place
    if (
        len(starts) < LISTED_STARTS_MIN
        or body - first < LISTED_CONTENTS_MIN
        or book_contents(pieces[first:body])
    ):
        return None
    return (start, body - 1), starts


def book_contents(entries: list[SourceLine]) -> bool:
    """Whether a contents list names a book's chapters (第一章 …, 第二章 …)."""
    chapters = (first_match(HEADING_MARKERS, p.text) for p in entries)
    return sum(c is not None and c[0].name == CHAPTER_HEAD for c in chapters) >= BOOK_CHAPTERS_MIN


def bulleted_contents(pieces: list[SourceLine]) -> int:
    """How many pieces at the start a contents list without markers takes:
    its heading (目录) and its bulleted entries, a stray line among them."""
    if not pieces or not CONTENTS_HEADING.pattern.match(pieces[0].text):
        return 0
    end, i = 1, 1
    while i < len(pieces):
        if CONTENTS_ENTRY.pattern.match(pieces[i].text):
            end = i + 1
        elif i + 1 >= len(pieces) or not CONTENTS_ENTRY.pattern.match(pieces[i + 1].text):
            break
        i += 1
    return end if end - 1 >= CONTENTS_MIN else 0


def summary_section(pieces: list[SourceLine]) -> int:
    """How many pieces at the start a Markdown page's summary takes: a
    section (## 新闻摘要) whose numbered entries name the headlines of
    `CONTENTS_MIN` or more pieces below (1.…； / ### …), with the label of the
    section of pieces right after it (## 详细新闻) when one heads them."""
    if not pieces or not MARKDOWN_HEADING.match(pieces[0].text):
        return 0
    heads = [i for i, p in enumerate(pieces) if i and MARKDOWN_HEADING.match(p.text)]
    if not heads:
        return 0
    end = heads[0]
    below = {MARKDOWN_HEADING.sub("", pieces[i].text) for i in heads}
    entries = [SUMMARY_ENTRY.match(p.text) for p in pieces[1:end]]
    if sum(1 for m in entries if m and m["entry"] in below) >= CONTENTS_MIN:
        return end + 1 if end + 1 in heads else end  # the pieces' section label with it
    unnumbered = not any(entries)  # numbered entries are judged by what they name
    return end + 1 if unnumbered and labels_over_pieces(pieces, end) else 0


def labels_over_pieces(pieces: list[SourceLine], end: int) -> bool:
    """Whether the page opens with two section labels of one level, the
    second right over the pieces' deeper headings (## 新闻摘要 / a short
    summary / ## 详细新闻 / ### …): the summary then is front matter though it
    names no headline (one sentence on a story that failed to download)."""
    if not 1 < end <= SUMMARY_LINES_MAX + 1 or end + 1 >= len(pieces):
        return False
    first, label, piece = (MARKDOWN_HEADING.match(pieces[i].text) for i in (0, end, end + 1))
    level = len(first.group(0).strip())
    return (
        len(label.group(0).strip()) == level and bool(piece) and len(piece.group(0).strip()) > level
    )


def book_contents_list(pieces: list[SourceLine]) -> int:
    """How many pieces at the start a book's contents list takes: its
    heading (目 录：), then its entries, chapters among them (导 言 / 第一章 … /
    一、… / 结语), up to where its first entry stands again over the text."""
    if not pieces or not BOOK_CONTENTS_HEADING.match(pieces[0].text) or len(pieces) < 2:
        return 0
    first = pieces[1].text
    again = next((i for i in range(2, len(pieces)) if pieces[i].text == first), None)
    if (
        again is None
        or again - 1 < LISTED_CONTENTS_MIN
        or not all(entry_like(p.text) for p in pieces[1:again])
        or not book_contents(pieces[1:again])
    ):
        return 0
    return again


def contents_lists(marks: list[Start], pieces: list[SourceLine]) -> list[tuple[int, int]]:
    """Runs of markers whose essays would be empty (a marker directly after
    the previous one, or after one short title on the next line), with the
    marker that closes the run when it numbers on (the list's last entry)."""
    runs: list[list[Start]] = []
    for a, b in itertools.pairwise(marks):
        between = pieces[a.index + 1 : b.index]
        empty = not between or (
            len(between) == 1 and not a.title and plain_title_like(between[0].text, 2)
        )
        if not empty:
            continue
        if runs and runs[-1][-1] is a:
            runs[-1].append(b)
        else:
            runs.append([a, b])
    for run in runs:
        last, before = run[-1], run[-2]
        closes = last.number is not None and before.number is not None
        if closes and last.number != before.number + 1:
            run.pop()  # a new series starts: the essays themselves
    return [(r[0].index, r[-1].index) for r in runs if len(r) >= CONTENTS_MIN]
