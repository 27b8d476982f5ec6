"""Finding terms in unspaced Chinese: one regex pass, longest term first."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Term


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    phrase: str
    term: Term


class TermMatcher:
    """Finds terms and aliases in unspaced Chinese, longest term first.

    No word boundaries: Chinese has none to offer. Every occurrence of every
    phrase is a candidate; longer ones claim their characters first, so 群众路线
    inside 群众路线教育实践活动 belongs to the longer term. A term's `not_in`
    words claim characters too but match nothing (毛泽东 in 毛泽东思想).
    """

    def __init__(self, terms: Iterable[Term]) -> None:
        self.terms = list(terms)
        self._phrases: dict[str, Term | None] = {}
        for term in self.terms:
            for phrase in term.phrases:
                self._phrases[phrase] = term
        for term in self.terms:
            for wider in term.not_in:
                self._phrases.setdefault(wider, None)
        # A trie of the phrases, and the same trie as a regex (四(?:风|种…)),
        # which re runs much faster than a flat alternation of every phrase.
        # The regex finds, left to right, the longest phrase at each place.
        self._trie: dict = {}
        for phrase in self._phrases:
            node = self._trie
            for char in phrase:
                node = node.setdefault(char, {})
            node[""] = True  # a phrase ends here
        self._longest = re.compile(_trie_regex(self._trie) or "(?!)")  # (?!) never matches
        self._overlaps = {phrase: _overlaps(phrase, self._trie) for phrase in self._phrases}

    def find(self, text: str) -> list[Match]:
        """All non-overlapping occurrences, in text order."""
        # The regex's matches never overlap. Other occurrences can only hide
        # inside a match or start inside it and run on: each phrase knows
        # where (`_overlaps`), so most texts need no more than the regex.
        spans, overlapping = [], False
        for match in self._longest.finditer(text):
            start, end = match.span()
            spans.append((start, end))
            if overlaps := self._overlaps[match.group()]:
                overlapping = True
                inner, run_on = overlaps
                spans += [(start + a, start + b) for a, b in inner]
                for offset in run_on:
                    node, position = self._trie, start + offset
                    while position < len(text) and (node := node.get(text[position])):
                        position += 1
                        if "" in node and position > end:
                            spans.append((start + offset, position))
        if overlapping:
            spans = _longest_first(spans, len(text))
        matches = []
        for start, end in spans:
            phrase = text[start:end]
            if (term := self._phrases[phrase]) is not None:
                matches.append(Match(start, end, phrase, term))
        return matches


def _overlaps(phrase: str, trie: dict) -> tuple[list[tuple[int, int]], list[int]] | None:
    """Where other phrases can overlap an occurrence of `phrase`: the spans of
    those inside it, and the offsets where one may start and run past its end.
    None for most phrases, which nothing can overlap."""
    inner, run_on = [], []
    for offset in range(len(phrase)):
        node = trie
        for end in range(offset, len(phrase)):
            node = node.get(phrase[end])
            if node is None:
                break
            if "" in node and (offset, end + 1) != (0, len(phrase)):
                inner.append((offset, end + 1))
        else:
            if offset and any(node):  # a longer phrase goes on from here
                run_on.append(offset)
    return (inner, run_on) if inner or run_on else None


def _longest_first(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Of overlapping spans, the longer claims its characters first (then the
    earlier); the spans that keep their characters, in text order."""
    taken = bytearray(length)
    kept = []
    for start, end in sorted(spans, key=lambda span: (span[0] - span[1], span[0])):
        if taken.find(1, start, end) == -1:
            taken[start:end] = b"\x01" * (end - start)
            kept.append((start, end))
    return sorted(kept)


def _trie_regex(node: dict) -> str:
    """A regex matching exactly the phrases of a trie, factored by prefix."""
    branches = [
        re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
