"""How often a conversion writes what Taiwan writes, measured on real texts.

The reference (tests/hant_reference/) holds real Traditional texts from
Taiwan. Each is converted to Simplified with OpenCC's t2s and back with the
conversion measured; the share of its Han characters that come back as the
original is the conversion's accuracy. A conversion that changes the number
of characters (s2twp's vocabulary: 資訊 for 信息) is aligned line by line.
The texts come from several outlets, which write some words two ways (台灣
and 臺灣, 一周 and 一週), so no converter reaches 100 %: `best_possible` is the
ceiling of one writing each word one way, over the whole reference or within
each outlet, and `share_of_achievable` a conversion's accuracy against it.
`traditional_table` is `make bench`'s section: OpenCC's s2tw and s2twp and the
handbook's converter side by side, against the ceilings, per outlet, with
their speed.
"""

from __future__ import annotations

import difflib
import functools
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import opencc

from ..chars import HAN_CHAR
from .converter import HantConverter
from .segmented import SegmentedConverter


@dataclass
class Accuracy:
    """Han characters of the originals, how many came back, and what the others became."""

    characters: int = 0
    wrong: int = 0
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def share(self) -> float:
        return 1 - self.wrong / self.characters if self.characters else 1.0

    def add(self, original: str, converted: str) -> None:
        if len(original) == len(converted):
            pairs: Iterable[tuple[str, str]] = zip(original, converted, strict=True)
        else:
            pairs = _aligned(original, converted)
        for a, b in pairs:
            if HAN_CHAR.match(a):
                self.characters += 1
                if a != b:
                    self.wrong += 1
                    self.confusions[a, b] += 1


def _aligned(original: str, converted: str) -> Iterable[tuple[str, str]]:
    """Character pairs of two versions of a line; a character with no counterpart
    is paired with ''."""
    matcher = difflib.SequenceMatcher(None, original, converted, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op in ("equal", "replace") and a2 - a1 == b2 - b1:
            yield from zip(original[a1:a2], converted[b1:b2], strict=True)
        else:
            yield from ((c, "") for c in original[a1:a2])


@functools.cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def round_trip(texts: Iterable[str], convert: Callable[[str], str]) -> Accuracy:
    """Accuracy of `convert` on Traditional `texts` (each converted to Simplified first)."""
    accuracy = Accuracy()
    for text in texts:
        converted = convert(_t2s().convert(text))
        if len(converted) == len(text):
            accuracy.add(text, converted)
        else:
            for original, line in zip(text.split("\n"), converted.split("\n"), strict=True):
                accuracy.add(original, line)
    return accuracy


def _spellings(
    texts: list[str], words: Callable[[str], list[str]]
) -> tuple[dict[str, Counter[str]], list[tuple[str, str, list[str]]]]:
    """How often the reference writes each Simplified word each way (its `t2s`
    cut into `words`), and each line as (original, Simplified, words); lines
    whose Simplified form has another length are left out."""
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    cut = []
    for text in texts:
        for original in text.split("\n"):
            simplified = _t2s().convert(original)
            if len(simplified) != len(original):
                continue
            pieces = words(simplified)
            cut.append((original, simplified, pieces))
            for word, start in zip(pieces, _starts(pieces), strict=True):
                spellings[word][original[start : start + len(word)]] += 1
    return spellings, cut


def consistent_round_trip(
    texts: list[str], convert: Callable[[str], str], words: Callable[[str], list[str]]
) -> Accuracy:
    """Accuracy of `convert` on the places where the reference is consistent:
    only the characters of Simplified `words` that the reference always writes
    one way (the texts write 台灣 and 臺灣, 一周 and 一週, 瞭解 and 了解; no
    converter can match both). A second figure beside `round_trip`'s, never
    instead of it."""
    spellings, cut = _spellings(texts, words)
    accuracy = Accuracy()
    for original, simplified, pieces in cut:
        converted = convert(simplified)
        if len(converted) != len(original):
            continue
        for word, start in zip(pieces, _starts(pieces), strict=True):
            if len(spellings[word]) == 1:
                end = start + len(word)
                accuracy.add(original[start:end], converted[start:end])
    return accuracy


def best_possible(texts: list[str], words: Callable[[str], list[str]]) -> Accuracy:
    """The round trip of the best converter that writes each Simplified word
    one way: each word in the spelling the reference uses most for it, so that
    only the reference's other spellings of it differ (台灣 ×300 and 臺灣 ×87:
    the 87). Given one text, the ceiling of that outlet consistent with itself.
    A conversion that writes a word by its context (里 as 裡 or a borough's 里)
    may pass it where the reference does so too."""
    spellings, cut = _spellings(texts, words)
    accuracy = Accuracy()
    for original, _, pieces in cut:
        for word, start in zip(pieces, _starts(pieces), strict=True):
            spelled = original[start : start + len(word)]
            accuracy.add(spelled, spellings[word].most_common(1)[0][0])
    return accuracy


def _starts(words: list[str]) -> list[int]:
    return [0, *itertools.accumulate(map(len, words))][:-1]


def halves(text: str) -> tuple[str, str]:
    """The first and the second half of a text's lines: the region's words
    (usage.TAIWAN_WORDS) were chosen on the first halves, the second are held out."""
    lines = text.split("\n")
    return "\n".join(lines[: len(lines) // 2]), "\n".join(lines[len(lines) // 2 :])


def reference_texts(folder: Path) -> dict[str, str]:
    """The reference texts by file name (ORIGINS.md says where each comes from)."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}


def share_of_achievable(accuracy: Accuracy, ceiling: Accuracy) -> float:
    """The characters `accuracy` got right against those the `ceiling`
    (best_possible on the same texts) gets right: (total − misses) against
    (total − the ceiling's misses). Above 1 where a conversion writes a word
    two ways as the reference does."""
    reachable = ceiling.characters - ceiling.wrong
    return (accuracy.characters - accuracy.wrong) / reachable if reachable else 1.0


def plain_words() -> Callable[[str], list[str]]:
    """jieba's words with its own dictionary alone: the fixed cut of the
    reference that the ceiling and the consistent places are counted on,
    whatever words a converter adds to its segmenter."""
    return SegmentedConverter("s2tw").words


def traditional_table(reference: Path, overrides: Path, runs: int) -> str:
    """The Traditional conversion as Markdown: accuracy on the `reference`
    texts for OpenCC's s2tw and s2twp and the handbook's converter (with the
    `overrides`), against the most a converter writing each word one way can
    reach (the whole reference, and each outlet consistent with itself), the
    characters each gets wrong most, and conversion speed (Simplified input MB
    per CPU second, medians of `runs`, each converting the reference ten times
    over, one call each); per outlet; on the studied and held-out halves; then
    the converter's start-up."""
    named = reference_texts(reference)
    texts = list(named.values())
    ours = HantConverter("s2tw", overrides)
    ours_label = "handbook (s2tw, words, usage, overrides)"
    conversions = {
        "OpenCC s2tw": opencc.OpenCC("s2tw").convert,
        "OpenCC s2twp": opencc.OpenCC("s2twp").convert,
        ours_label: ours.convert_words,
    }
    simplified = _t2s().convert("\n".join(texts))
    megabytes = 10 * len(simplified.encode()) / 1e6
    seconds: dict[str, list[float]] = {name: [] for name in conversions}
    for _ in range(runs):  # the conversions in turn, so that each run meets the same load
        for name, convert in conversions.items():
            begin = time.process_time()
            for _ in range(10):
                convert(simplified)
            seconds[name].append(time.process_time() - begin)
    words = plain_words()
    ceiling = best_possible(texts, words)
    by_outlet = {name: best_possible([text], words) for name, text in named.items()}
    outlet_ceiling = Accuracy(
        sum(a.characters for a in by_outlet.values()), sum(a.wrong for a in by_outlet.values())
    )
    out = [
        "Traditional conversion: the reference of real Taiwan texts converted to "
        "Simplified (t2s) and back. *Achievable*: the share of the characters that "
        "the best converter writing each word one way gets right, (total − differ) "
        "against (total − its differ).",
        "",
        "| conversion | Han characters | differ | accuracy | of the achievable | MB/s "
        "| speed ratio | most often wrong (original → written) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    baseline = None
    per_outlet: dict[str, dict[str, Accuracy]] = {name: {} for name in named}
    for name, convert in conversions.items():
        for outlet, text in named.items():
            per_outlet[outlet][name] = round_trip([text], convert)
        accuracy = _summed(per_outlet[outlet][name] for outlet in named)
        speed = megabytes / statistics.median(seconds[name])
        baseline = baseline or speed
        worst = ", ".join(
            f"{a}→{b or '∅'} ×{n}" for (a, b), n in accuracy.confusions.most_common(8)
        )
        out.append(
            f"| {name} | {accuracy.characters:,} | {accuracy.wrong:,} | "
            f"{100 * accuracy.share:.3f} % | {100 * share_of_achievable(accuracy, ceiling):.3f} % "
            f"| {speed:.1f} | {speed / baseline:.2f} | {worst} |"
        )
    for label, best in (
        ("ceiling: each word one way, whole reference", ceiling),
        ("ceiling: each word one way within each outlet", outlet_ceiling),
    ):
        out.append(
            f"| {label} | {best.characters:,} | {best.wrong:,} | {100 * best.share:.3f} % | | | | |"
        )
    ours_all = _summed(per_outlet[outlet][ours_label] for outlet in named)
    out += [
        "",
        f"Against the outlets' own ceilings (each outlet writing each word one way, "
        f"{outlet_ceiling.wrong:,} differ) the handbook's converter reaches "
        f"{100 * share_of_achievable(ours_all, outlet_ceiling):.3f} % of the achievable.",
        "",
        "Per outlet (each text one outlet; its ceiling: each word as that text "
        "writes it most often):",
        "",
        "| outlet | Han characters | s2tw differ | s2twp differ | handbook differ "
        "| handbook accuracy | ceiling differ | handbook of the achievable |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for outlet, results in per_outlet.items():
        s2tw, s2twp, handbook = results.values()
        best = by_outlet[outlet]
        out.append(
            f"| {outlet.removesuffix('.txt')} | {handbook.characters:,} | {s2tw.wrong:,} "
            f"| {s2twp.wrong:,} | {handbook.wrong:,} | {100 * handbook.share:.3f} % "
            f"| {best.wrong:,} | {100 * share_of_achievable(handbook, best):.3f} % |"
        )
    studied, held_out = ([halves(text)[i] for text in texts] for i in (0, 1))
    halves_line = []
    for label, part in (
        ("first halves (rules chosen here)", studied),
        ("second halves (held out)", held_out),
    ):
        accuracy = round_trip(part, ours.convert_words)
        best = best_possible(part, words)
        halves_line.append(
            f"{label}: {100 * accuracy.share:.3f} % ({accuracy.wrong:,} of "
            f"{accuracy.characters:,} differ; ceiling {best.wrong:,}; "
            f"{100 * share_of_achievable(accuracy, best):.3f} % of the achievable)"
        )
    consistent = consistent_round_trip(texts, ours.convert_words, words)
    out += [
        "",
        "The handbook's converter on the halves of each text's lines (Taiwan's words "
        "and rules were chosen on the first halves only): " + "; ".join(halves_line) + ".",
        "",
        f"A second figure, not the accuracy: the handbook's converter on the places "
        f"where the reference is consistent (the Simplified words it always writes one "
        f"way): {100 * consistent.share:.3f} % ({consistent.wrong:,} of "
        f"{consistent.characters:,} Han characters differ).",
        "",
        f"{megabytes:.1f} MB converted per run. Starting the handbook's converter:",
        "",
    ]
    out += _startup_table(overrides, runs)
    return "\n".join(out) + "\n"


def _summed(parts: Iterable[Accuracy]) -> Accuracy:
    total = Accuracy()
    for part in parts:
        total.characters += part.characters
        total.wrong += part.wrong
        total.confusions.update(part.confusions)
    return total


# Run in a fresh Python: start the converter, convert a line; CPU seconds so
# far, with those of the child processes (OpenCC's dictionary tool).
_STARTUP = """
import resource, sys, time
from pathlib import Path
from handbook.hant import HantConverter
converter = HantConverter("s2tw", Path(sys.argv[1]))
ready = time.process_time() + resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
converter.convert("牢牢把握发展主动权")
print(ready, time.process_time() + resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime)
"""


def _startup_table(overrides: Path, runs: int) -> list[str]:
    """CPU seconds of a fresh process until its converter is ready and until it
    has converted one line, with no cached tables and with them (medians)."""
    rows = [
        "| cached tables | converter ready (s CPU) | one line converted (s CPU) |",
        "|---|---|---|",
    ]
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "XDG_CACHE_HOME": cache}
        for case in ("none (first run)", "cached"):
            samples = []
            for _ in range(1 if case.startswith("none") else runs):
                done = subprocess.run(
                    [sys.executable, "-c", _STARTUP, str(overrides)],
                    env=env,
                    capture_output=True,
                    text=True,
                    check=True,
                )
                samples.append([float(x) for x in done.stdout.split()])
            ready, line = (statistics.median(column) for column in zip(*samples, strict=True))
            rows.append(f"| {case} | {ready:.2f} | {line:.2f} |")
    return rows
