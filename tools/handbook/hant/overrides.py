"""The override dictionary (source/hant-overrides.tsv): reviewed phrases and
the Traditional form chosen for each, which win over every other rule."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

from ..decoding import read_utf8
from ..errors import ConversionError
from .tables import opencc_converter, opencc_table, simplified_only_characters

OVERRIDES_MAX_BYTES = 10_000_000  # reviewed phrases, one a line


@dataclass(frozen=True)
class Override:
    """One line of the override dictionary: a Simplified phrase and its chosen form."""

    source: str
    target: str
    line: int


class ReviewedPhrases:
    """The override phrases with their final forms (`targets`), and where they apply."""

    def __init__(self, targets: dict[str, str]) -> None:
        self.targets = targets
        by_length = sorted(targets, key=len, reverse=True)
        self.pattern = re.compile("|".join(map(re.escape, by_length))) if targets else None
        # Each phrase with the phrases it begins with, longest first (密切联系: 密切联系, 密切).
        self.prefixes = {p: [q for q in by_length if p.startswith(q)] for p in by_length}

    def spans(self, text: str, words: list[str]) -> list[tuple[int, int]]:
        """Where the phrases apply in `text`, cut into `words`: wherever one covers
        whole words (an accepted 金表 is no part of 基金|表现), leftmost, then longest."""
        ranges, ends = self._ranges(text, words)
        return [(ends[i], ends[j]) for i, j in ranges]

    def word_ranges(self, text: str, words: list[str]) -> list[tuple[int, int]]:
        """The same places as `spans`, as ranges of word indexes."""
        return self._ranges(text, words)[0]

    def _ranges(self, text: str, words: list[str]) -> tuple[list[tuple[int, int]], list[int]]:
        """`word_ranges`, and where each word ends (0 first), if a phrase occurs at all."""
        match = self.pattern.search(text) if self.pattern else None
        if match is None:
            return [], []
        ends = [0, *itertools.accumulate(map(len, words))]

        def words_before(position: int) -> int | None:
            """How many words end at `position`, if one ends there."""
            i = bisect.bisect_right(ends, position) - 1
            return i if ends[i] == position else None

        ranges: list[tuple[int, int]] = []
        while match:
            a = match.start()
            # The longest phrase starting here that ends between two words, if any
            # (the pattern matches the longest one starting here).
            first = words_before(a)
            last = None
            if first is not None:
                for phrase in self.prefixes[match.group()]:
                    if (last := words_before(a + len(phrase))) is not None:
                        break
            if last is not None:
                ranges.append((first, last))
                match = self.pattern.search(text, a + len(phrase))
            else:
                match = self.pattern.search(text, a + 1)
        return ranges, ends


def check_form(source: str, target: str) -> str | None:
    """Why `target` cannot be the Traditional form of `source`, or None if it can."""
    if len(source) != len(target):
        return f"{source} → {target}: one Traditional character per Simplified one"
    bad = sorted(set(target) & simplified_only_characters())
    if bad:
        return f"{target} contains Simplified-only characters: {''.join(bad)}"
    if (
        not all(t in traditional_forms(c) for c, t in zip(source, target, strict=True))
        and opencc_converter("t2s").convert(target) != source
    ):
        # Catches typos: the chosen form must be a Traditional spelling of the phrase.
        return f"{target} is not a Traditional form of {source}"
    return None


@functools.cache
def traditional_forms(character: str) -> frozenset[str]:
    """A Simplified character's Traditional forms, with their Taiwan and Hong
    Kong variants (着 → 著 着; 里 → 裏 里 哩 裡)."""
    forms = {character, *opencc_table("STCharacters").get(character, ())}
    for name in ("TWVariants", "HKVariants"):
        variants = opencc_table(name)
        forms.update(v for f in list(forms) for v in variants.get(f, ()))
    return frozenset(forms)


def load_overrides(path: Path) -> list[Override]:
    """Read the override dictionary; every bad line raises ConversionError(path, line, …)."""
    found: dict[str, Override] = {}
    text = read_utf8(path, OVERRIDES_MAX_BYTES)
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        fields = line.split()
        if len(fields) != 2:
            raise ConversionError(
                path, number, "expected two fields, Simplified phrase and Traditional form"
            )
        source, target = fields
        if problem := check_form(source, target):
            raise ConversionError(path, number, problem)
        if source in found:
            raise ConversionError(
                path, number, f"{source} is already overridden on line {found[source].line}"
            )
        found[source] = Override(source, target, number)
    return list(found.values())


def set_override(path: Path, source: str, target: str, note: str) -> Override:
    """Write `source → target` into the override dictionary, replacing the line
    of `source` if it has one, else appending; returns the line written.
    Raises ValueError if `target` cannot be a Traditional form of `source`."""
    if problem := check_form(source, target):
        raise ValueError(problem)
    existing = {o.source: o for o in load_overrides(path)} if path.exists() else {}
    lines = path.read_text(encoding="utf-8-sig").splitlines() if path.exists() else []
    entry = f"{source}\t{target}\t# {note}" if note else f"{source}\t{target}"
    if source in existing:
        number = existing[source].line
        lines[number - 1] = entry
    else:
        lines.append(entry)
        number = len(lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Override(source, target, number)
