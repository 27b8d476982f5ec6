"""Where the Traditional conversion had to choose, for a maintainer to review.

For each line of a text, every word holding a character with several
Traditional forms (one_to_many_characters: 干 发 复 准 系 里 后 只 台 …) is a
place where the converter chose, unless a reviewed phrase (the override file)
settles it. Places are grouped by phrase and chosen form, one `Choice` each,
and ranked by doubt:

- DISAGREES (3): OpenCC over the whole text writes something else there (its
  phrase table reached across a word boundary, or the words kept a phrase it
  lost): one of the two is wrong;
- BY_PHRASE (2): a phrase chose a form other than the character's own (头发 →
  頭髮): right if the phrase is the word the text means;
- OWN_FORM (1): each character took its own first form (发展 → 發展).

A choice made a hundred times is one decision: it carries how many places it
was made at, on which lines, and a few of its contexts (SAMPLES, each a
different one). Every line is examined where it stands, and all of them are
converted together, in one call each way.

Accepting a choice writes its phrase and form to the override file, correcting
one writes the phrase with the form given; either way a row goes to the review
log (source/hant-review.md), and the places are settled from then on.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..chars import HAN_CHAR

if TYPE_CHECKING:
    from .converter import HantConverter

DISAGREES, BY_PHRASE, OWN_FORM = 3, 2, 1
DOUBT_NAMES = {DISAGREES: "disagrees", BY_PHRASE: "by phrase", OWN_FORM: "own form"}
DOUBTFUL = BY_PHRASE  # doubt from which a place counts against the threshold
CONTEXT = 8  # characters shown on each side of a place
SAMPLES = 3  # contexts shown for a choice, each a different one
LINES_SHOWN = 10  # line numbers listed for a choice; the rest are counted
BATCH_LINES = 2000  # lines converted together: few calls, and memory bounded at any length
LOG_HEADING = "## Review log"
LOG_COLUMNS = "| ID | text | phrase | form | decision | OpenCC over the whole text |"


@dataclass(frozen=True)
class Place:
    """One occurrence: its line and its context in both scripts."""

    line: int
    simplified: str
    traditional: str


@dataclass
class Choice:
    """A phrase, the form the converter chose for it, and where it occurs:
    `count` places on `lines` (each line once, in order), `samples` the first
    places with a context of their own (SAMPLES at most)."""

    phrase: str
    form: str
    doubt: int
    whole: str  # what OpenCC over the whole text writes at the first most doubtful place
    count: int = 0
    lines: list[int] = field(default_factory=list)
    samples: list[Place] = field(default_factory=list)

    @property
    def id(self) -> str:
        """Six hex digits naming the phrase and its form, the same in every run."""
        return hashlib.sha1(f"{self.phrase}\t{self.form}".encode()).hexdigest()[:6]


def review_lines(lines: list[tuple[int, str]], converter: HantConverter) -> list[Choice]:
    """The choices in numbered `lines`, most doubtful first.

    Every line holding a one-to-many character is examined where it stands,
    BATCH_LINES at a time: each batch is converted together, joined by line
    breaks, with one call to OpenCC for the words, one for OpenCC over the
    whole text (its runs holding a context phrase, where alone it writes
    other than each character's own form) and one to the segmenter. No
    phrase holds a line break and jieba cuts at every one, so each line comes
    out as it would alone, and a place's span, found in the joined text, is
    the one it has in its line (a line break is no Han neighbour)."""
    from .tables import one_to_many_characters  # OpenCC's tables: loaded for a review only

    many = one_to_many_characters()
    choosing = [(number, text) for number, text in lines if not many.keys().isdisjoint(text)]
    if not choosing:
        return []
    own = dict(zip(many, converter.convert_plain("\n".join(many)).split("\n"), strict=True))
    review = _Review(converter, own, re.compile(f"[{''.join(sorted(many))}]"))
    for first in range(0, len(choosing), BATCH_LINES):
        review.add(choosing[first : first + BATCH_LINES])
    for choice in review.choices.values():
        choice.lines = sorted(set(choice.lines))
    return sorted(review.choices.values(), key=lambda c: (-c.doubt, -c.count, c.phrase))


class _Review:
    """The choices found so far, batch after batch of lines."""

    def __init__(self, converter: HantConverter, own: dict[str, str], choosing: re.Pattern) -> None:
        self.converter, self.own, self.choosing = converter, own, choosing
        self.choices: dict[tuple[str, str], Choice] = {}
        self.by_phrase: dict[tuple[str, str], int] = {}  # doubt of a phrase OpenCC agrees on

    def add(self, batch: list[tuple[int, str]]) -> None:
        """The places of numbered lines, left to right: the first place met of
        a choice is its first in the text."""
        converter, choices, by_phrase = self.converter, self.choices, self.by_phrase
        numbers = [number for number, _ in batch]
        text = "\n".join(line for _, line in batch)
        chosen, whole = converter.convert_both(text)
        words = converter.segmented.words(text)
        ends = list(itertools.accumulate(map(len, words)))
        starts = [0, *(m.end() for m in re.finditer("\n", text))]  # each line's first character
        reviewed = settled(text, converter, words)
        at = (m.start() for m in self.choosing.finditer(text))
        # The words holding a choice no reviewed phrase made, each once, in order.
        word_of = functools.partial(bisect.bisect_right, ends)
        holding = sorted(set(map(word_of, (i for i in at if i not in reviewed))))
        line, next_line = -1, 0  # the line of the place, and where the next one starts
        for k in holding:
            b = ends[k]
            a = b - len(words[k])
            if b - a == 1:
                a, b = _phrase_span(text, a, b)
            phrase, form = text[a:b], chosen[a:b]
            key = (phrase, form)
            if (opencc := whole[a:b]) != form:
                doubt = DISAGREES
            elif (doubt := by_phrase.get(key, 0)) == 0:
                mine = any(self.own.get(c, f) != f for c, f in zip(phrase, form, strict=True))
                doubt = by_phrase[key] = BY_PHRASE if mine else OWN_FORM
            if a >= next_line:
                line = bisect.bisect_right(starts, a) - 1
                next_line = starts[line + 1] if line + 1 < len(starts) else len(text) + 1
            choice = choices.get(key)
            if choice is None:
                choice = choices[key] = Choice(phrase, form, doubt, opencc)
            elif doubt > choice.doubt:
                choice.doubt, choice.whole = doubt, opencc
            choice.count += 1
            choice.lines.append(numbers[line])
            if len(choice.samples) < SAMPLES:
                lo, hi = max(starts[line], a - CONTEXT), min(next_line - 1, b + CONTEXT)
                if all(s.simplified != text[lo:hi] for s in choice.samples):
                    choice.samples.append(Place(numbers[line], text[lo:hi], chosen[lo:hi]))


def settled(text: str, converter: HantConverter, words: list[str] | None = None) -> set[int]:
    """Positions inside a reviewed phrase (an override) where it applies."""
    return {i for a, b in converter.override_spans(text, words) for i in range(a, b)}


def _phrase_span(text: str, a: int, b: int) -> tuple[int, int]:
    """The phrase an override would take for the word text[a:b]: the word, or
    a one-character word with its Han neighbour (只 in 他只说 → 只说), since an
    override of one character would change it everywhere."""
    if b - a > 1:
        return a, b
    if b < len(text) and HAN_CHAR.match(text[b]):
        return a, b + 1
    if a > 0 and HAN_CHAR.match(text[a - 1]):
        return a - 1, b
    return a, b


def doubtful(choices: list[Choice]) -> list[Choice]:
    """The choices that count against the threshold."""
    return [c for c in choices if c.doubt >= DOUBTFUL]


def report(name: str, choices: list[Choice], limit: int | None = None) -> str:
    """A text's choices as the review lists them, most doubtful first: each
    with its count, its samples, and the lines it is on (LINES_SHOWN of them,
    "and N more")."""
    places = sum(c.count for c in choices)
    head = (
        f"{name}: {len(choices)} choices at {places} places, "
        f"{len(doubtful(choices))} doubtful (by phrase or disagreeing)"
    )
    out = [head]
    for choice in choices[:limit]:
        alone = f"; OpenCC over the whole text: {choice.whole}" if choice.doubt == DISAGREES else ""
        out.append(
            f"  [{choice.id}] {choice.phrase} → {choice.form}  "
            f"({DOUBT_NAMES[choice.doubt]}, ×{choice.count}{alone})"
        )
        for place in choice.samples:
            out.append(f"      line {place.line}: {place.simplified}  |  {place.traditional}")
        if len(choice.lines) > len(choice.samples):
            more = len(choice.lines) - LINES_SHOWN
            listed = ", ".join(map(str, choice.lines[:LINES_SHOWN]))
            out.append(f"      on lines {listed}" + (f" and {more} more" if more > 0 else ""))
    if limit is not None and len(choices) > limit:
        out.append(f"  … {len(choices) - limit} more: handbook hant --review {name}")
    return "\n".join(out)


def report_data(choices: list[Choice]) -> list[dict]:
    """A text's choices as the JSON report holds them: every choice, with its
    count, its samples and its first LINES_SHOWN lines (`more_lines`: how many
    others), so that the report grows with the choices, not with the text."""
    return [
        {
            "id": c.id,
            "phrase": c.phrase,
            "form": c.form,
            "doubt": DOUBT_NAMES[c.doubt],
            "whole_text": c.whole,
            "count": c.count,
            "samples": [vars(p) for p in c.samples],
            "lines": c.lines[:LINES_SHOWN],
            "more_lines": max(0, len(c.lines) - LINES_SHOWN),
        }
        for c in choices
    ]


def decide(
    choice: Choice,
    form: str | None,
    text: str,
    overrides: Path,
    log: Path,
    standard: Callable[[str], str] = str,
) -> str:
    """Accept `choice` (form None) or correct it to `form`: a line in the
    override file, with the form in OpenCC's standard forms (`standard`: 裡 →
    裏, since the override file is written so), and a row in the review log.
    Returns what was written. Raises ValueError for a form that cannot be the
    phrase's."""
    from .overrides import set_override

    chosen = form or choice.form
    decision = (
        "accepted" if form is None or form == choice.form else f"corrected from {choice.form}"
    )
    line = set_override(overrides, choice.phrase, standard(chosen), f"reviewed in {text}")
    _log(
        log, f"| {choice.id} | {text} | {choice.phrase} | {chosen} | {decision} | {choice.whole} |"
    )
    return f"{overrides}:{line.line}: {choice.phrase}\t{chosen} ({decision})"


def _log(log: Path, row: str) -> None:
    """Append a row to the review log's table, starting the table if need be."""
    text = log.read_text(encoding="utf-8") if log.exists() else ""
    if LOG_HEADING not in text:
        text = (
            text.rstrip("\n") + f"\n\n{LOG_HEADING}\n\n{LOG_COLUMNS}\n|---|---|---|---|---|---|\n"
        )
    log.write_text(text.rstrip("\n") + "\n" + row + "\n", encoding="utf-8")
