"""Look at the whole document before reading any line of it.

The raw texts differ in their conventions: one line a paragraph or lines
broken at a fixed width; paragraphs separated by line breaks, by runs of
wide spaces or by no-break spaces; a Markdown export; short lines repeated
above every chapter (a book's running heads). What the survey finds here
decides how the later passes read each line.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..model import SourceLine
from ..patterns import (
    ADMONITION,
    ADMONITION_OPENERS,
    BYLINES,
    CODE_FENCE,
    ESSAY_MARKERS,
    FRONT_MATTER_FENCE,
    HTML_HEADING,
    HTML_LABEL_CLASS,
    MARKDOWN_HEADING,
    MARKDOWN_LIST_ITEM,
    NBSP_BREAK,
    NUMBERED_QUESTION,
    QUESTIONS_MIN,
    SPEAKER_LINES_MIN,
    SPEAKERS,
)
from ..patterns.base import any_of
from .shapes import CLAUSE_MARK, ends_mid_word, name_like, plain_title_like, prose

NBSP_BREAKS_MIN = 2  # no-break spaces between pieces of text that make it a convention
IMAGE_LINE = re.compile(r"^!\[[^\]]*\]\([^)]*\)$")
WRAPPED_MIN = 20  # characters of a line of running text
RUNNING_HEAD_MAX = 8  # characters of a running head
MARKER_REACH = 3  # lines between a running head and the marker below it
# Any essay marker at a line's start, tried first: most lines start none.
ANY_MARKER = any_of(ESSAY_MARKERS)


@dataclass
class Conventions:
    """What the document's own habits are, found by looking at all of it."""

    markdown: bool = False  # a Markdown export: `# ` headings, rules, images
    nbsp_breaks: bool = False  # no-break spaces separate its paragraphs
    hard_wrapped: bool = False  # long lines break inside sentences
    running_heads: set[str] = field(default_factory=set)
    speakers: bool = False  # statements stand under their speakers' lines (队长   王双成：)
    indented: frozenset[int] = frozenset()  # the numbers of the lines the text indents
    code: frozenset[int] = frozenset()  # the lines of Markdown code blocks, fences too
    boxes: frozenset[int] = frozenset()  # the lines opening Markdown admonition boxes
    items: frozenset[int] = frozenset()  # the lines opening Markdown list items
    text: str = ""  # every line, for counting how often a phrase recurs

    @functools.cached_property
    def markup(self) -> frozenset[int]:
        """The lines of Markdown markup a reader takes whole: code blocks and
        the lines opening admonition boxes."""
        return self.code | self.boxes

    @functools.cached_property
    def lines(self) -> frozenset[str]:
        """Every distinct line, for asking whether a phrase stands alone on one."""
        return frozenset(self.text.split("\n"))

    @functools.cached_property
    def html_headings(self) -> dict[str, str]:
        """The text of each line set alone in an HTML heading element (its tag,
        h1 to h4) or in a box whose class names it a label (`label`)."""
        found: dict[str, str] = {}
        for line in self.text.split("\n"):
            m = HTML_HEADING.match(line) if line.startswith("<") else None
            if m and m["tag"][0] == "h":
                found.setdefault(m["text"].strip(), m["tag"])
            elif m and m["cls"] and HTML_LABEL_CLASS.search(m["cls"]):
                found.setdefault(m["text"].strip(), "label")
        return found

    @functools.cached_property
    def question_sheet(self) -> bool:
        """A sheet of numbered questions: enough of them alone on their lines
        that those with their answer run on after them are heads too."""
        asked = (line for line in self.lines if NUMBERED_QUESTION.match(line.strip()))
        return sum(1 for _ in asked) >= QUESTIONS_MIN

    def describe(self) -> str:
        """The conventions as the report states them."""
        found = [
            "Markdown export" if self.markdown else "",
            "no-break spaces separate paragraphs" if self.nbsp_breaks else "",
            "lines hard-wrapped inside sentences" if self.hard_wrapped else "",
            "running heads " + "、".join(sorted(self.running_heads)) if self.running_heads else "",
            "statements under their speakers' lines" if self.speakers else "",
        ]
        return "; ".join(f for f in found if f) or "one line a paragraph"


def survey(lines: list[SourceLine]) -> Conventions:
    texts = [line.text for line in lines]
    boxes = frozenset(line.number for line in lines if admonition(line.text))
    markdown = is_markdown(texts) or bool(boxes)
    return Conventions(
        markdown=markdown,
        nbsp_breaks=nbsp_breaks(texts),
        hard_wrapped=is_hard_wrapped(texts),
        running_heads=running_heads(texts),
        speakers=speaker_lines(texts) >= SPEAKER_LINES_MIN,
        indented=frozenset(line.number for line in lines if line.indented),
        code=code_lines(lines) if markdown else frozenset(),
        boxes=boxes,
        items=frozenset(n.number for n in lines if MARKDOWN_LIST_ITEM.match(n.text))
        if markdown
        else frozenset(),
        text="\n".join(texts),
    )


def code_lines(lines: list[SourceLine]) -> frozenset[int]:
    """The lines of a Markdown text's code blocks, from the fence opening
    each to the fence closing it (a block left open runs to the end)."""
    found, inside = set(), False
    for line in lines:
        fence = CODE_FENCE.match(line.text) is not None
        if inside or fence:
            found.add(line.number)
        inside ^= fence
    return frozenset(found)


SPEAKER_RULES = [r for r in BYLINES if r.name in SPEAKERS]
SPEAKER_LINE_MAX = 16  # characters of a speaker's line


def speaker_lines(texts: list[str]) -> int:
    """Lines that name a statement's speaker: an office and a name, or a name
    spread with spaces."""
    return sum(
        1
        for t in texts
        if len(t) <= SPEAKER_LINE_MAX
        for r in SPEAKER_RULES
        if (m := r.pattern.match(t)) and name_like(m["name"])
    )


def nbsp_breaks(texts: list[str]) -> bool:
    """Counted on lines that hold a sentence only: a page's furniture spaced
    with them (a date line, a trail, a copyright line spread letter by
    letter) makes no paragraph."""
    text = "\n".join(t for t in texts if "\u00a0" in t and prose(t))
    return len(NBSP_BREAK.findall(text)) >= NBSP_BREAKS_MIN


def is_markdown(texts: list[str]) -> bool:
    """Its first line a `# ` heading, or headings beside image references (a
    documentation page's admonition boxes, !!! note "…", tell it too: `survey`)."""
    if not texts:
        return False
    headings = sum(bool(MARKDOWN_HEADING.match(t)) for t in texts)
    return bool(MARKDOWN_HEADING.match(texts[0]) or FRONT_MATTER_FENCE.match(texts[0])) or (
        headings > 0 and any(IMAGE_LINE.match(t) for t in texts)
    )


def admonition(text: str) -> bool:
    """Whether the line opens a Markdown admonition box (!!! note "…")."""
    return text[:1] in ADMONITION_OPENERS and ADMONITION.match(text) is not None


def is_hard_wrapped(texts: list[str]) -> bool:
    """Most lines of running text end inside a word: the text was broken at a
    width, not at the end of its paragraphs."""
    prose = [t for t in texts if len(t) >= WRAPPED_MIN and CLAUSE_MARK.search(t)]
    broken = sum(ends_mid_word(t) for t in prose)
    return len(prose) >= 3 and broken * 2 > len(prose)


def running_heads(texts: list[str]) -> set[str]:
    """Short lines that recur, each time just above an essay marker."""
    markers = {
        i
        for i, t in enumerate(texts)
        if ANY_MARKER.match(t) and any(r.match(t) for r in ESSAY_MARKERS)
    }
    places: dict[str, list[int]] = {}
    for i, t in enumerate(texts):
        if len(t) <= RUNNING_HEAD_MAX and plain_title_like(t, 2) and i not in markers:
            places.setdefault(t, []).append(i)
    return {
        text
        for text, found in places.items()
        if len(found) >= 2
        and all(any(i + k in markers for k in range(1, MARKER_REACH + 1)) for i in found)
    }
