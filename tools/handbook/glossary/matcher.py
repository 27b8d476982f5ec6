"""Finding terms in unspaced Chinese: one Aho-Corasick pass, longest term first."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

import ahocorasick_rs

from ..model import Term


class Match(NamedTuple):  # a tuple: one is made for every occurrence of every term
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
        # The phrases' trie, for the occurrences that overlap others; and an
        # Aho-Corasick automaton (in Rust) that finds, in one pass left to
        # right, the longest phrase at each place, never overlapping.
        self._trie: dict = {}
        for phrase in self._phrases:
            node = self._trie
            for char in phrase:
                node = node.setdefault(char, {})
            node[""] = True  # a phrase ends here
        phrases = list(self._phrases)
        self._terms = [self._phrases[p] for p in phrases]
        self._overlaps = [_overlaps(p, self._trie) for p in phrases]
        self._longest = (
            ahocorasick_rs.AhoCorasick(phrases, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
            if phrases
            else None
        )

    def find(self, text: str) -> list[Match]:
        """All non-overlapping occurrences, in text order."""
        found = self._longest.find_matches_as_indexes(text) if self._longest else []
        # The automaton's matches never overlap. Another occurrence can only
        # start inside a match and run on past its end, or hide inside one:
        # each phrase knows where (`_overlaps`). One hidden inside a match
        # is shorter and loses to it, unless an occurrence running on has
        # taken the match's place: so most texts need no more than the pass.
        run_on = []
        for k, start, end in found:
            if overlaps := self._overlaps[k]:
                for offset in overlaps[1]:
                    node, position = self._trie, start + offset
                    while position < len(text) and (node := node.get(text[position])):
                        position += 1
                        if "" in node and position > end:
                            run_on.append((start + offset, position))
        if not run_on:
            terms = self._terms
            return [
                Match(start, end, text[start:end], term)
                for k, start, end in found
                if (term := terms[k]) is not None
            ]
        spans = run_on
        for k, start, end in found:
            spans.append((start, end))
            if overlaps := self._overlaps[k]:
                spans += [(start + a, start + b) for a, b in overlaps[0]]
        matches = []
        for start, end in _longest_first(spans, len(text)):
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
