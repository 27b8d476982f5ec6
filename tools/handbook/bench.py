"""`make bench`: how fast and how big, side by side with a bare Material build.

For each scale (×1, ×10, ×100 copies of the source's essays, renumbered), in
one run: conversion time and throughput, each edition's build next to a bare
Material build of the same Markdown (stock config for a Chinese site:
language and search in zh), PDF time per edition, EPUB time and size per edition
(with embedded fonts at ×1), search index and page
weight, and each step's peak memory; the search on a throttled phone and its
inexact answers, beside Material's own search and, with --pagefind,
Pagefind's (handbook.search.measure). Then the Traditional conversion: its
accuracy on real Taiwan texts and its speed, beside OpenCC's own
(`hant/accuracy.py`). Then `make` itself, in a copy of the repository: from
scratch, serial and with -j2, and with nothing to do. Every measurement is
repeated and the median reported; the machine is noisy, so the ratios matter
more than the seconds.

    python -m handbook.bench [--scales 1,10,100] [--runs 3] [--out build/bench]
        [--only make|traditional] [--epub-max 100] [--fonts-max 1] [--pagefind]
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from .chars import NUMERAL
from .hant.accuracy import traditional_table
from .patterns import ESSAY_MARKERS
from .search.measure import index_bytes

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "source" / "mass-line-essays.txt"
REFERENCE = ROOT / "tests" / "hant_reference"  # real Taiwan texts
OVERRIDES = ROOT / "source" / "hant-overrides.tsv"
BARE_CONFIG = "site_name: bare\ndocs_dir: docs\nsite_dir: {site}\ntheme:\n  name: material\n  language: zh\nplugins:\n  - search:\n      lang: zh\n"


@dataclass
class Sample:
    """One measured step: wall seconds and peak resident memory (MiB)."""

    seconds: list[float] = field(default_factory=list)
    peak_mib: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def memory(self) -> float:
        return max(self.peak_mib)


def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Run a command; its wall time and the peak memory of it and its children."""
    start = time.perf_counter()
    process = subprocess.Popen(
        cmd,
        cwd=cwd,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"bench: {' '.join(cmd)} failed:\n{stderr[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


def measure(sample: Sample, cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> None:
    seconds, mib = run(cmd, cwd, env)
    sample.seconds.append(seconds)
    sample.peak_mib.append(mib)


def scaled_text(scale: int) -> str:
    """The source with its essays repeated `scale` times and numbered on."""
    lines = SOURCE.read_text(encoding="utf-8").split("\n")
    first = next(
        i for i, line in enumerate(lines) if any(r.pattern.match(line) for r in ESSAY_MARKERS)
    )
    head, body = lines[:first], lines[first:]
    out, number = list(head), 0
    marker = re.compile(f"^第(?:{NUMERAL})篇")
    for _ in range(scale):
        for line in body:
            if marker.match(line):
                number += 1
                line = marker.sub(f"第{number}篇", line)
            out.append(line)
    return "\n".join(out)


def make_project(folder: Path, scale: int) -> Path:
    """A handbook folder for one scale: the source scaled, the repository's
    data, hooks and theme shared."""
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "source").mkdir(parents=True)
    for data in (ROOT / "source").iterdir():
        if data.suffix != ".txt":
            shutil.copy(data, folder / "source" / data.name)
    text = folder / "source" / "text.txt"
    text.write_text(scaled_text(scale), encoding="utf-8")
    (folder / "tools").symlink_to(ROOT / "tools")
    (folder / "mkdocs.yml").write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\n", encoding="utf-8")
    return text


class PageAssets(HTMLParser):
    """The stylesheets, scripts and images a page loads."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "link" and a.get("rel") in ("stylesheet", "icon") and a.get("href"):
            self.urls.append(a["href"])
        elif tag in ("script", "img") and a.get("src"):
            self.urls.append(a["src"])


def page_weight(site: Path, page: Path) -> tuple[int, int]:
    """Bytes of a page and what it loads (CSS, JS, fonts, images), raw and gzipped."""
    parser = PageAssets()
    html = page.read_text(encoding="utf-8")
    parser.feed(html)
    files = [page]
    for url in parser.urls:
        if "//" in url:
            continue
        asset = (page.parent / url.split("?")[0]).resolve()
        if asset.is_file():
            files.append(asset)
            if asset.suffix == ".css":  # fonts and images the stylesheet pulls in
                for ref in re.findall(r"url\(['\"]?([^)'\"]+)", asset.read_text(encoding="utf-8")):
                    font = (asset.parent / ref.split("?")[0].split("#")[0]).resolve()
                    if font.is_file() and font.is_relative_to(site) and font not in files:
                        files.append(font)
    raw = sum(f.stat().st_size for f in files)
    zipped = sum(len(gzip.compress(f.read_bytes(), 6)) for f in files)
    return raw, zipped


def bench_epub(site: Path, project: Path, runs: int, fonts: bool) -> dict[str, tuple]:
    """Per edition: the EPUB's time (a Sample) and size in bytes, and with
    `fonts` the time and size of one build with its fonts embedded."""
    python = sys.executable
    found: dict[str, tuple] = {}
    for edition, root in (("zh-Hans", site), ("zh-Hant", site / "zh-Hant")):
        script = edition.removeprefix("zh-")
        command = [python, "-m", "handbook.epub", "--site", str(site), "--script", script]
        sample = Sample()
        for _ in range(runs):
            measure(sample, command, project)
        size = next((root / "downloads").glob("*.epub")).stat().st_size
        embedded: tuple[float, int] | None = None
        if fonts:
            seconds, _ = run([*command, "--fonts", "embed"], project)
            embedded = seconds, next((root / "downloads").glob("*.epub")).stat().st_size
            run(command, project)  # the book as make makes it
        found[edition] = (sample, size, embedded)
    return found


def epub_table(results: list[dict], runs: int) -> str:
    out = [
        f"EPUB per edition, medians of {runs} runs; with fonts: one run, subsets embedded.",
        "",
        "| scale | edition | EPUB s | EPUB MiB | EPUB KB | with fonts s | with fonts KB |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in results:
        for edition, (sample, size, embedded) in r.get("epub", {}).items():
            fonts = (f"{embedded[0]:.1f}", f"{embedded[1] / 1e3:.0f}") if embedded else ("—", "—")
            out.append(
                f"| ×{r['scale']} | {edition} | {sample.median:.2f} | {sample.memory:.0f} "
                f"| {size / 1e3:.0f} | {fonts[0]} | {fonts[1]} |"
            )
    return "\n".join(out) + "\n"


def bench_scale(
    scale: int, runs: int, work: Path, pdf_max: int, epub_max: int = 100, fonts_max: int = 1
) -> dict:
    project = work / f"x{scale}"
    text = make_project(project, scale)
    docs = project / "docs"
    python = sys.executable
    result: dict = {
        "scale": scale,
        "text bytes": text.stat().st_size,
    }

    convert = Sample()
    # Each run writes a new, empty folder. Deleting the last run's pages just
    # before made creating files up to 0.3 s slower on an ext4 disk mounted
    # with discard: a cost of the disk, not of the converter.
    outs = [project / f"docs-{n}" for n in range(runs)]
    for out in outs:
        measure(
            convert,
            [python, "-m", "handbook.cli", "convert", str(text), "--out", str(out), "--quiet"],
            project,
        )
    outs[-1].rename(docs)
    for out in outs[:-1]:
        shutil.rmtree(out)
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    result["convert"] = convert

    mkdocs = [python, "-m", "mkdocs", "build", "--strict", "--quiet"]
    for edition in ("zh-Hans", "zh-Hant"):
        sample = Sample()
        for _ in range(runs):
            measure(
                sample,
                [*mkdocs, "--site-dir", str(project / "site")],
                project,
                {"EDITIONS": edition},
            )
        result[edition] = sample
    bare = Sample()
    (project / "bare.yml").write_text(
        BARE_CONFIG.format(site=project / "bare-site"), encoding="utf-8"
    )
    for _ in range(runs):
        measure(bare, [python, "-m", "mkdocs", "build", "--quiet", "-f", "bare.yml"], project)
    result["bare"] = bare

    both = [*mkdocs, "--site-dir", str(project / "site")]
    run(both, project)  # the full site, both editions, for the PDFs and the sizes
    site = project / "site"
    for edition, path in (("zh-Hans", site), ("zh-Hant", site / "zh-Hant")):
        sample = Sample()
        for _ in range(runs if scale <= pdf_max else 0):  # a ×100 book is thousands of pages
            script = edition.removeprefix("zh-")
            measure(
                sample,
                [python, "-m", "handbook.pdf", "--site", str(site), "--script", script],
                project,
            )
        result[f"pdf {edition}"] = sample
        result[f"index {edition}"] = index_bytes(path / "search")
    result["index bare"] = (project / "bare-site" / "search" / "search_index.json").stat().st_size
    if scale <= epub_max:
        result["epub"] = bench_epub(site, project, runs, fonts=scale <= fonts_max)
    first_essay = min((site / "text").glob("essay-*/index.html"))  # essay-01, or essay-001
    result["page"] = page_weight(site, first_essay)
    return result


def table(results: list[dict], runs: int) -> str:
    def row(*cells: object) -> str:
        return "| " + " | ".join(str(c) for c in cells) + " |"

    out = [f"Medians of {runs} runs; memory is the peak of the step (MiB).", ""]
    out.append(row("scale", "input MB", "convert s", "MB/s", "convert MiB"))
    out.append(row(*["---"] * 5))
    for r in results:
        c = r["convert"]
        out.append(
            row(
                f"×{r['scale']}",
                f"{r['text bytes'] / 1e6:.2f}",
                f"{c.median:.2f}",
                f"{r['text bytes'] / 1e6 / c.median:.1f}",
                f"{c.memory:.0f}",
            )
        )
    out += [
        "",
        row("scale", "edition", "build s", "bare s", "ratio", "build MiB", "PDF s", "PDF MiB"),
    ]
    out.append(row(*["---"] * 8))
    for r in results:
        for edition in ("zh-Hans", "zh-Hant"):
            b, bare, pdf = r[edition], r["bare"], r[f"pdf {edition}"]
            pdf_cells = (f"{pdf.median:.2f}", f"{pdf.memory:.0f}") if pdf.seconds else ("—", "—")
            out.append(
                row(
                    f"×{r['scale']}",
                    edition,
                    f"{b.median:.2f}",
                    f"{bare.median:.2f}",
                    f"{b.median / bare.median:.2f}",
                    f"{b.memory:.0f}",
                    *pdf_cells,
                )
            )
    out += [
        "",
        row(
            "scale",
            "text KB",
            "index zh-Hans KB",
            "ratio",
            "index zh-Hant KB",
            "bare index KB",
            "bare ratio",
            "essay page KB (gzip)",
        ),
    ]
    out.append(row(*["---"] * 8))
    for r in results:
        text, hans, hant, bare = (
            r["text bytes"],
            r["index zh-Hans"],
            r["index zh-Hant"],
            r["index bare"],
        )
        raw, zipped = r["page"]
        out.append(
            row(
                f"×{r['scale']}",
                f"{text / 1e3:.0f}",
                f"{hans / 1e3:.0f}",
                f"{hans / text:.2f}",
                f"{hant / 1e3:.0f}",
                f"{bare / 1e3:.0f}",
                f"{bare / text:.2f}",
                f"{raw / 1e3:.0f} ({zipped / 1e3:.0f})",
            )
        )
    return "\n".join(out) + "\n"


# --- make: what a maintainer waits for ------------------------------------------

# Top-level folders of the repository that are output or caches, never copied.
NOT_PROJECT = {".git", ".venv", "site", "build", ".pytest_cache", ".ruff_cache", ".hypothesis"}


def copy_repository(folder: Path) -> Path:
    """The repository's own files in a folder of their own, modification times kept
    (so this virtual environment counts as up to date there)."""
    if folder.exists():
        shutil.rmtree(folder)

    def ignore(directory: str, names: list[str]) -> set[str]:
        top = Path(directory) == ROOT
        return {n for n in names if (top and n in NOT_PROJECT) or n == "__pycache__"}

    shutil.copytree(ROOT, folder, ignore=ignore, symlinks=True)
    return folder


def bench_make(runs: int, work: Path) -> dict[str, Sample]:
    """`make` from scratch, serial and with -j2, and a `make` with nothing to do,
    in a copy of the repository using this virtual environment."""
    project = copy_repository(work / "make")
    bin_dir = Path(sys.executable).parent
    # Outside make's own options: a `make bench` passes its flags down otherwise.
    env = {"MAKEFLAGS": "", "MFLAGS": "", "MAKELEVEL": ""}
    make = ["make", f"BIN={bin_dir}", "-o", str(bin_dir / "handbook")]
    result = {"make": Sample(), "make -j2": Sample(), "no-op make": Sample()}
    for _ in range(runs):
        for name, jobs in (("make", []), ("make -j2", ["-j2"])):
            for output in ("site", "build"):
                shutil.rmtree(project / output, ignore_errors=True)
            measure(result[name], [*make, *jobs], project, env)
    for _ in range(runs):
        measure(result["no-op make"], make, project, env)
    run([*make, "-q", "all"], project, env)  # fails the bench if anything is left to do
    return result


def make_table(result: dict[str, Sample], runs: int) -> str:
    serial, parallel, noop = result["make"], result["make -j2"], result["no-op make"]
    return (
        f"`make` in a copy of the repository, medians of {runs} runs (s):\n\n"
        "| make from scratch | make -j2 from scratch | ratio | no-op make |\n"
        "| --- | --- | --- | --- |\n"
        f"| {serial.median:.2f} | {parallel.median:.2f} | {parallel.median / serial.median:.2f} "
        f"| {noop.median:.3f} |\n"
    )


# --- search: first result on a phone, inexact answers -----------------------------


def search_figures(results: list[dict], work: Path, pagefind: bool) -> list[dict] | None:
    """Each scale's search figures (handbook.search.measure), searching from
    its first essay, over the query set drawn from the ×1 handbook; None
    without a ×1 run to draw it from."""
    from .hant import HantConverter
    from .search.index import read_sections
    from .search.measure import measure_site
    from .search.queries import Corpus, query_set

    if not any(r["scale"] == 1 for r in results):
        return None
    corpus = Corpus(read_sections(work / "x1" / "site" / "search"))
    queries = query_set(corpus, HantConverter("s2tw").convert)
    figures = []
    for r in results:
        print(f"bench: search at ×{r['scale']} …", file=sys.stderr, flush=True)
        site = work / f"x{r['scale']}" / "site"
        essay = min((site / "text").glob("essay-*/")).relative_to(site).as_posix() + "/"
        found = measure_site(site, site.parent / "bare-site", queries, pagefind, essay)
        figures.append({"scale": r["scale"], "queries": queries, **found})
    return figures


def search_table(figures: list[dict]) -> str:
    from .search.measure import CPU_SLOWDOWN, NETWORK, summary

    def row(*cells: object) -> str:
        return "| " + " | ".join(str(c) for c in cells) + " |"

    kbps = NETWORK["downloadThroughput"] * 8 / 1e3
    out = [
        f"Search on a phone ({CPU_SLOWDOWN}× slower CPU, {kbps:.0f} kbit/s, "
        f"{NETWORK['latency']} ms latency): the search's bytes (gzip) before the first "
        "result is shown, and seconds from the query typed to it.",
        "",
        row("scale", "search", "queries", "KB median", "KB most", "s median"),
        row(*["---"] * 6),
    ]
    for f in figures:
        for engine, (median, most, seconds) in summary(f["first"]).items():
            n = sum(1 for x in f["first"] if x.engine == engine)
            out.append(
                row(f"×{f['scale']}", engine, n, f"{median:.0f}", f"{most:.0f}", f"{seconds:.2f}")
            )
    queries = figures[0]["queries"]
    kinds = list(queries)
    out += [
        "",
        "Inexact answers (results other than what the pages hold), of "
        + ", ".join(f"{len(queries[k])} {k}" for k in kinds)
        + ".",
        "",
        row("scale", "search", *kinds),
        row(*["---"] * (2 + len(kinds))),
    ]
    for f in figures:
        for engine, counts in f["inexact"].items():
            out.append(row(f"×{f['scale']}", engine, *(counts[k] for k in kinds)))
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m handbook.bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--scales", default="1,10,100", help="copies of the source's essays (default 1,10,100)"
    )
    p.add_argument(
        "--runs", type=int, default=3, help="repetitions of each measurement (default 3)"
    )
    p.add_argument(
        "--pdf-max", type=int, default=10, help="largest scale to make PDFs at (default 10)"
    )
    p.add_argument(
        "--out", type=Path, default=ROOT / "build" / "bench", help="work and results folder"
    )
    p.add_argument(
        "--only",
        choices=["make", "traditional"],
        help="measure one section only: make itself, or the Traditional conversion",
    )
    p.add_argument(
        "--epub-max", type=int, default=100, help="largest scale to make EPUBs at (default 100)"
    )
    p.add_argument(
        "--fonts-max", type=int, default=1, help="largest scale to embed EPUB fonts at (default 1)"
    )
    p.add_argument(
        "--pagefind",
        action="store_true",
        help="measure Pagefind's search too (pip install 'pagefind[extended]')",
    )
    args = p.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    results = []
    for scale in (int(s) for s in args.scales.split(",")) if args.only is None else ():
        print(f"bench: ×{scale} …", file=sys.stderr, flush=True)
        results.append(
            bench_scale(scale, args.runs, args.out, args.pdf_max, args.epub_max, args.fonts_max)
        )
    sections = [table(results, args.runs), epub_table(results, args.runs)] if results else []
    if results:
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


if __name__ == "__main__":
    sys.exit(main())
