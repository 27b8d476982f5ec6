"""`make bench`: how fast and how big, side by side with a bare Material build.

For each scale (×1, ×10, ×100 copies of the source's essays, renumbered), in
one run: conversion time and throughput, bare and as `make` runs it (with the
report and its Traditional review), each edition's build next to a bare
Material build of the same Markdown (stock config for a Chinese site:
language and search in zh), PDF time per edition, EPUB time and size per
edition (with embedded fonts at ×1), search index and page
weight, and each step's peak memory; the search on a throttled phone and its
inexact answers, beside Material's own search and, with --pagefind,
Pagefind's (handbook.search.measure). Then the Traditional conversion: its
accuracy on real Taiwan texts and its speed, beside OpenCC's own
(`hant/accuracy.py`). Then `make` itself, in a copy of the repository: from
scratch, serial and with -j2, and with nothing to do. Every measurement is
repeated and the median reported; the machine is noisy, so the ratios matter
more than the seconds.

    python -m handbook.bench [--scales 1,10,100] [--runs 3] [--out build/bench]
        [--only convert|sites|make|traditional] [--pdf-baseline CHECKOUT]
        [--epub-max 100] [--fonts-max 1] [--pagefind]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..hant.accuracy import traditional_table
from .epub import epub_table
from .make import bench_make, make_table
from .scales import BenchRun, bench_scale, convert_table, table
from .search import search_figures, search_table
from .steps import ROOT

REFERENCE = ROOT / "tests" / "hant_reference"  # real Taiwan texts
OVERRIDES = ROOT / "source" / "hant-overrides.tsv"
# The run's whole-number settings (BenchRun's fields, their defaults its own),
# each an option of the command line.
COUNTS = {
    "runs": "repetitions of each measurement",
    "pdf_max": "largest scale to make PDFs at",
    "epub_max": "largest scale to make EPUBs at",
    "fonts_max": "largest scale to embed EPUB fonts at",
}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m handbook.bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--scales", default="1,10,100", help="copies of the source's essays (default 1,10,100)"
    )
    for name, what in COUNTS.items():
        option, default = f"--{name.replace('_', '-')}", getattr(BenchRun, name)
        p.add_argument(option, type=int, default=default, help=f"{what} (default %(default)s)")
    p.add_argument(
        "--out", type=Path, default=ROOT / "build" / "bench", help="work and results folder"
    )
    p.add_argument(
        "--only",
        choices=["convert", "sites", "make", "traditional"],
        help="measure one section only: the conversion at each scale, the builds and sizes"
        " at each scale (no search or PDFs), make itself, or the Traditional conversion",
    )
    p.add_argument(
        "--pdf-baseline",
        type=Path,
        help="a checkout of another revision (git worktree add … main): its PDF maker is "
        "timed on the same sites, in turn with this one",
    )
    p.add_argument(
        "--pagefind",
        action="store_true",
        help="measure Pagefind's search too (pip install 'pagefind[extended]')",
    )
    args = p.parse_args(argv)
    args.out = args.out.resolve()  # the steps run in the scales' own folders
    args.out.mkdir(parents=True, exist_ok=True)
    bench = BenchRun(
        work=args.out,
        **{name: getattr(args, name) for name in COUNTS},
        baseline=args.pdf_baseline,
        sites=args.only != "convert",
        full=args.only is None,
    )
    results = []
    scales = (int(s) for s in args.scales.split(","))
    for scale in scales if args.only in (None, "convert", "sites") else ():
        print(f"bench: ×{scale} …", file=sys.stderr, flush=True)
        results.append(bench_scale(scale, bench))
    tabulate = convert_table if args.only == "convert" else table
    sections = [tabulate(results, args.runs)] if results else []
    if results and args.only is None:
        sections.append(epub_table(results, args.runs))
    if results and args.only is None:
        figures = search_figures(results, args.out, args.pagefind)
        sections.append(search_table(figures) if figures else "Search: measured with ×1 only.\n")
    if args.only in (None, "traditional"):
        print("bench: Traditional conversion …", file=sys.stderr, flush=True)
        sections.append(traditional_table(REFERENCE, OVERRIDES, args.runs))
    if args.only in (None, "make"):
        print("bench: make …", file=sys.stderr, flush=True)
        sections.append(make_table(bench_make(args.runs, args.out), args.runs))
    report = "\n".join(sections)
    (args.out / "results.md").write_text(report, encoding="utf-8")
    print(report)
    return 0
