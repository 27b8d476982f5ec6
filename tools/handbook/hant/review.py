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

Accepting a choice writes its phrase and form to the override file, correcting
one writes the phrase with the form given; either way a row goes to the review
log (source/hant-review.md), and the places are settled from then on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..chars import HAN_CHAR
from .converter import HantConverter
from .overrides import set_override
from .tables import one_to_many_characters

DISAGREES, BY_PHRASE, OWN_FORM = 3, 2, 1
DOUBT_NAMES = {DISAGREES: "disagrees", BY_PHRASE: "by phrase", OWN_FORM: "own form"}
DOUBTFUL = BY_PHRASE  # doubt from which a place counts against the threshold
CONTEXT = 8  # characters shown on each side of a place
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
    """A phrase, the form the converter chose for it, and where it occurs."""

    phrase: str
    form: str
    doubt: int
    whole: str  # what OpenCC over the whole text writes at the first place
    places: list[Place] = field(default_factory=list)

    @property
    def id(self) -> str:
        """Six hex digits naming the phrase and its form, the same in every run."""
        return hashlib.sha1(f"{self.phrase}\t{self.form}".encode()).hexdigest()[:6]


def review_lines(lines: list[tuple[int, str]], converter: HantConverter) -> list[Choice]:
    """The choices in numbered `lines`, most doubtful first."""
    choices: dict[tuple[str, str], Choice] = {}
    many = one_to_many_characters()
    own = {c: converter.convert_plain(c) for c in many}
    for number, text in lines:
        if many.keys().isdisjoint(text):
            continue
        chosen, whole = converter.convert_words(text), converter.convert_whole(text)
        reviewed = settled(text, converter)
        start = 0
        words = converter.segmented.words(text)
        for word in words:
            a, b = start, start + len(word)
            start = b
            choosing = [i for i in range(a, b) if text[i] in many]
            if reviewed.issuperset(choosing):  # no choice, or all made by reviewed phrases
                continue
            a, b = _phrase_span(text, a, b)
            phrase, form = text[a:b], chosen[a:b]
            if whole[a:b] != form:
                doubt = DISAGREES
            elif any(own.get(c, f) != f for c, f in zip(phrase, form, strict=True)):
                doubt = BY_PHRASE
            else:
                doubt = OWN_FORM
            choice = choices.setdefault((phrase, form), Choice(phrase, form, doubt, whole[a:b]))
            if doubt > choice.doubt:
                choice.doubt, choice.whole = doubt, whole[a:b]
            lo, hi = max(0, a - CONTEXT), b + CONTEXT
            choice.places.append(Place(number, text[lo:hi], chosen[lo:hi]))
    return sorted(choices.values(), key=lambda c: (-c.doubt, -len(c.places), c.phrase))


def settled(text: str, converter: HantConverter) -> set[int]:
    """Positions inside a reviewed phrase (an override) where it applies."""
    return {i for a, b in converter.override_spans(text) for i in range(a, b)}


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
    """A text's choices as the review lists them, most doubtful first."""
    places = sum(len(c.places) for c in choices)
    head = (
        f"{name}: {len(choices)} choices at {places} places, "
        f"{len(doubtful(choices))} doubtful (by phrase or disagreeing)"
    )
    out = [head]
    for choice in choices[:limit]:
        alone = f"; OpenCC over the whole text: {choice.whole}" if choice.doubt == DISAGREES else ""
        out.append(
            f"  [{choice.id}] {choice.phrase} → {choice.form}  "
            f"({DOUBT_NAMES[choice.doubt]}, ×{len(choice.places)}{alone})"
        )
        for place in choice.places[:3]:
            out.append(f"      line {place.line}: {place.simplified}  |  {place.traditional}")
        if len(choice.places) > 3:
            out.append(f"      … and {len(choice.places) - 3} more")
    if limit is not None and len(choices) > limit:
        out.append(f"  … {len(choices) - limit} more: handbook hant --review {name}")
    return "\n".join(out)


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
