"""Score every corpus text: the table in the terminal and in build/corpus.md,
and with --record the floors in tests/corpus/scores.yml.

    python -m handbook.corpus [NAME ...] [--corpus DIR] [--out FILE] [--record]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from .converted import converter_outline
from .outline import CORPUS, DOUBT_COUNTS, METRICS, REPORT, SCORES, CorpusError, load_outline
from .scoring import NEAR, Source, score


@dataclass
class Result:
    name: str
    scores: dict[str, float]
    held_out: bool = False


def texts(corpus: Path, wanted: list[str] | None = None) -> list[Path]:
    paths = sorted(corpus.glob("*.txt"))
    if wanted:
        missing = set(wanted) - {p.stem for p in paths}
        if missing:
            raise CorpusError(f"no such corpus text: {', '.join(sorted(missing))}")
        paths = [p for p in paths if p.stem in wanted]
    return paths


def measure(path: Path) -> Result:
    data, expected = load_outline(path.with_suffix(".yml"))
    source = Source(path.read_text(encoding="utf-8"))
    scores = score(source, expected, converter_outline(path))
    return Result(path.stem, scores, bool(data.get("held_out")))


def table(results: list[Result]) -> str:
    """A Markdown table: one row a text, the mean of each score at the foot
    (apart, too, for the held-out texts and the others when there are both)."""
    head = [
        "text",
        "essays P/R",
        "articles P/R",
        "titles",
        "authors",
        "roles",
        "dates",
        "headings P/R",
        "debris P/R",
        "lost",
        "lost*",
        "flagged",
        "false alarms",
    ]

    def row(name: str, s: dict[str, float]) -> list[str]:
        def pair(a: str, b: str) -> str:
            return f"{s[a]:.2f}/{s[b]:.2f}"

        return [
            name,
            pair("essays_p", "essays_r"),
            pair("articles_p", "articles_r"),
            f"{s['titles']:.2f}",
            f"{s['authors']:.2f}",
            f"{s['roles']:.2f}",
            f"{s['dates']:.2f}",
            pair("headings_p", "headings_r"),
            pair("debris_p", "debris_r"),
            f"{s['lost']:g}",
            f"{s['lost_outside_debris']:g}",
            f"{s['flagged']:g}/{s['errors']:g}",
            f"{s['false_alarms']:g}",
        ]

    def mean(group: list[Result]) -> dict[str, float]:
        """The scores' means; the doubts' counts summed."""
        means = {m: sum(r.scores[m] for r in group) / len(group) for m in METRICS}
        return means | {m: sum(r.scores[m] for r in group) for m in DOUBT_COUNTS}

    rows = [row(r.name, r.scores) for r in results]
    if results:
        rows.append(row("mean", mean(results)))
    held_out = [r for r in results if r.held_out]
    if held_out and len(held_out) < len(results):
        rows.append(row("mean, developed on", mean([r for r in results if not r.held_out])))
        rows.append(row("mean, held out", mean(held_out)))
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    return "\n".join([*lines, *("| " + " | ".join(r) + " |" for r in rows)])


LEGEND = (
    "P/R: precision/recall. Boundaries are positions in the text's Han characters. "
    "titles, authors (names), roles (names with roles) and dates: share exact. "
    "debris: characters removed against the reader's debris. lost: Han characters "
    "outside the reported debris missing from the output (must be 0); lost*: the same "
    "outside the reader's debris. flagged: of the converter's errors (essay and article "
    "boundaries missed or invented, titles and authors not exact), those the report "
    f"raises a doubt on within {NEAR} lines of a line the error concerns (an article's "
    "authors: its first and last lines); false alarms: doubts near no wrong result "
    "(those errors, or a heading invented or missed). In the mean rows, both are totals."
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="corpus texts to score (default: all)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=REPORT)
    parser.add_argument("--record", action="store_true", help=f"write the scores to {SCORES}")
    args = parser.parse_args(argv)
    try:
        results = [measure(p) for p in texts(args.corpus, args.names)]
    except CorpusError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    text = table(results)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(f"# The converter on the corpus\n\n{text}\n\n{LEGEND}\n", encoding="utf-8")
    if args.record:
        record(args.corpus / SCORES, results)
    return 0


def record(path: Path, results: list[Result]) -> None:
    old = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    old = old or {}
    old.update({r.name: {m: round(r.scores[m], 4) for m in METRICS} for r in results})
    header = (
        "# The converter's scores on each corpus text, recorded with\n"
        "# `python -m handbook.corpus --record`. tests/test_corpus.py fails when a text\n"
        "# scores below its record (above it, for the lost characters); record again\n"
        "# only when the converter really got better.\n"
    )
    path.write_text(
        header + yaml.safe_dump(old, allow_unicode=True, sort_keys=True), encoding="utf-8"
    )
