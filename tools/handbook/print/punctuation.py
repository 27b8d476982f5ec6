"""How each region's books set punctuation, and the book's text prepared for it.

Mainland books (GB/T 15834, W3C clreq §3.1.6) set a full-width mark's blank
half away where two marks meet and at the end of a line; Taiwan's set every
mark full width and centred, and compress nothing. A `Convention` says which
an edition follows; `prepare` applies the between-marks rule to the book's
HTML before WeasyPrint lays it out (a span with the font's `halt` feature,
book.css), and `justify` the line-end rule while it justifies.

`prepare` also gives Pango the break opportunities Chinese allows around
curly quotes: Unicode's line-breaking rules class “ ” ‘ ’ as ambiguous
quotation marks and forbid a break on either side of them, so "的“唯一标准”是"
could break nowhere. A zero-width space, which WeasyPrint draws as no glyph
(the PDF's text stays the book's), lets the line break before an opening
quote and after a closing one.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ..chars import CHINESE, NO_LINE_END, NO_LINE_START

ZERO_WIDTH_SPACE = "\u200b"
HALT_CLASS = "halt"  # book.css: font-feature-settings: "halt"


@dataclass(frozen=True)
class Convention:
    """A region's punctuation compression."""

    lang: str  # BCP 47 prefix it applies to
    line_end: str  # marks set half-width at the end of a line ("" for none)
    between_marks: bool  # a mark's blank half removed where two marks meet
    example: str


CONVENTIONS = (
    Convention(
        "zh-Hans",
        line_end=NO_LINE_START,
        between_marks=True,
        example="“唯一标准”、“第一标准” sets ”、“ in two widths, not three; "
        "a line ending in ， ends flush at the margin",
    ),
    Convention(
        "zh-Hant-HK",
        line_end=NO_LINE_START,
        between_marks=True,
        example="Hong Kong books compress as the mainland's do, round centred marks",
    ),
    Convention(
        "zh-Hant",
        line_end="",
        between_marks=False,
        example="Taiwan (and unregional Traditional) sets 」，「 in three full widths",
    ),
)


def convention(lang: str) -> Convention | None:
    """The convention for a language tag, by its longest matching prefix; None
    for text that is not Chinese."""
    lang = lang.lower()
    found = [
        c for c in CONVENTIONS if lang == c.lang.lower() or lang.startswith(c.lang.lower() + "-")
    ]
    if not found and lang.startswith("zh"):
        found = [CONVENTIONS[0]]
    return max(found, key=lambda c: len(c.lang), default=None)


@dataclass(frozen=True)
class MarkRule:
    """Which of two adjacent marks gives up its blank half."""

    first: str
    second: str
    halve: int  # 0: the first, 1: the second
    example: str


MARK_RULES = (
    MarkRule(NO_LINE_START, NO_LINE_START + NO_LINE_END, 0, "”、 。” ）： 、“: the first"),
    MarkRule(NO_LINE_END, NO_LINE_END, 1, "（“ 《「: the second"),
)
# Two marks, perhaps with a break opportunity (below) between them.
_PAIR = re.compile(
    "|".join(
        f"(?=([{re.escape(r.first)}]){ZERO_WIDTH_SPACE}?([{re.escape(r.second)}]))"
        for r in MARK_RULES
    )
)
# Where Unicode forbids a break Chinese allows: before an opening curly quote
# after a character that may end a line, after a closing one before a
# character that may start a line.
_BREAK_BEFORE = re.compile(f"(?<=[{CHINESE}])(?<![{re.escape(NO_LINE_END)}])(?=[“‘])")
_BREAK_AFTER = re.compile(f"(?<=[”’])(?=[{CHINESE}])(?![{re.escape(NO_LINE_START)}…—])")


def halved(text: str) -> list[int]:
    """Positions of the marks in `text` that give up their blank half.

    >>> halved("“唯一标准”、“第一标准”。")
    [5, 6, 12]
    """
    found = set()
    for match in _PAIR.finditer(text):
        for number, rule in enumerate(MARK_RULES):
            if match.group(2 * number + 1):
                found.add(match.start(2 * number + 1 + rule.halve))
    return sorted(found)


def with_breaks(text: str) -> str:
    """The text with zero-width spaces where a line may break at a curly quote.

    >>> with_breaks("的“唯一标准”是").count(ZERO_WIDTH_SPACE)
    2
    """
    return _BREAK_AFTER.sub(ZERO_WIDTH_SPACE, _BREAK_BEFORE.sub(ZERO_WIDTH_SPACE, text))


# Text not set in the body font (book.css): headings, bold text, bylines keep their marks whole.
NOT_BODY = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "th"})
NOT_BODY_CLASSES = frozenset({"byline", "essay-subtitle", "collection-date"})


def prepare(root: ET.Element, lang: str) -> None:
    """Mark the book's text for its convention, in place: halved marks in
    spans, break opportunities at curly quotes."""
    rules = convention(lang)
    _prepare(root, rules is not None and rules.between_marks)


def _prepare(element: ET.Element, compress: bool) -> None:
    if element.tag in {"style", "script"}:
        return
    compress = (
        compress
        and element.tag not in NOT_BODY
        and not NOT_BODY_CLASSES.intersection((element.get("class") or "").split())
    )
    children = list(element)
    element.text = _mark(element, None, element.text, compress)
    for child in children:
        _prepare(child, compress)
        child.tail = _mark(element, child, child.tail, compress)


def _mark(parent: ET.Element, after: ET.Element | None, text: str | None, compress: bool):
    """What stays of the text in .text or .tail; each halved mark becomes a
    span, inserted in `parent` after `after` (first if None), carrying the
    text up to the next one as its tail."""
    if not text:
        return text
    text = with_breaks(text)
    positions = halved(text) if compress else []
    if not positions:
        return text
    at = 0 if after is None else list(parent).index(after) + 1
    ends = [*positions[1:], len(text)]
    for offset, (position, end) in enumerate(zip(positions, ends, strict=True)):
        span = ET.Element("span", {"class": HALT_CLASS})
        span.text, span.tail = text[position], text[position + 1 : end]
        parent.insert(at + offset, span)
    return text[: positions[0]]
