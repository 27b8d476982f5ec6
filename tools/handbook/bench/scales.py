"""The scales: the source's essays ×1, ×10, ×100, converted, built beside a bare
Material build, printed (with another checkout's PDF maker in turn, given
one), their search index and page weight."""

from __future__ import annotations

import gzip
import re
import shutil
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ..chars import NUMERAL
from ..patterns import ESSAY_MARKERS
from ..search.measure import index_bytes
from .epub import bench_epub
from .steps import ROOT, SOURCE, Sample, measure, run

BARE_CONFIG = "site_name: bare\ndocs_dir: docs\nsite_dir: {site}\ntheme:\n  name: material\n  language: zh\nplugins:\n  - search:\n      lang: zh\n"


@dataclass(frozen=True)
class BenchRun:
    """The settings of one `make bench` run, the same at every scale."""

    work: Path  # the scales' folders and the results
    runs: int = 3  # repetitions of each measurement
    pdf_max: int = 10  # largest scale to make PDFs at (a ×100 book is thousands of pages)
    epub_max: int = 100  # largest scale to make EPUBs at
    fonts_max: int = 1  # largest scale to embed EPUB fonts at
    baseline: Path | None = None  # another checkout, whose PDF maker is timed in turn
    sites: bool = True  # the builds and sizes, not the conversion only
    full: bool = True  # also the whole site the PDFs and the search measurements read


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


PRIMARY_NAVIGATION = re.compile(
    r'<div class="md-sidebar md-sidebar--primary".*?(?=<div class="md-sidebar md-sidebar--secondary")',
    re.S,
)


def navigation_bytes(page: Path) -> tuple[int, int]:
    """Bytes of a page's primary navigation (the sidebar Material renders into
    every page), and the number of entries it lists."""
    html = page.read_text(encoding="utf-8")
    found = PRIMARY_NAVIGATION.search(html)
    nav = found.group(0) if found else ""
    return len(nav.encode("utf-8")), nav.count('class="md-nav__item')


def bench_scale(scale: int, bench: BenchRun) -> dict:
    """One scale's figures, measured as `bench` sets."""
    project = bench.work / f"x{scale}"
    text = make_project(project, scale)
    docs = project / "docs"
    python = sys.executable
    result: dict = {
        "scale": scale,
        "text bytes": text.stat().st_size,
    }

    # The conversion bare (--quiet, no report), and as `make` runs it: with
    # the report (its Traditional review) and the text report printed; in
    # turn, so that both share the load of the moment. Each run writes a new,
    # empty folder. Deleting the last run's pages just before made creating
    # files up to 0.3 s slower on an ext4 disk mounted with discard: a cost of
    # the disk, not of the converter.
    convert, reported = Sample(), Sample()
    handbook = [python, "-m", "handbook.cli", "convert", str(text), "--out"]
    report = project / "report.json"
    outs = []
    for n in range(bench.runs):
        outs += [project / f"docs-{n}", project / f"docs-{n}-report"]
        measure(convert, [*handbook, str(outs[-2]), "--quiet"], project)
        measure(reported, [*handbook, str(outs[-1]), "--report", str(report)], project)
    outs[-1].rename(docs)
    for out in outs[:-1]:
        shutil.rmtree(out)
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    result["convert"], result["convert with report"] = convert, reported
    result["report bytes"] = report.stat().st_size
    if not bench.sites:
        return result

    mkdocs = [python, "-m", "mkdocs", "build", "--strict", "--quiet"]
    (project / "bare.yml").write_text(
        BARE_CONFIG.format(site=project / "bare-site"), encoding="utf-8"
    )
    alone = {edition: project / f"site-{edition}" for edition in ("zh-Hans", "zh-Hant")}
    builds = {
        **{e: ([*mkdocs, "--site-dir", str(out)], {"EDITIONS": e}) for e, out in alone.items()},
        "bare": ([python, "-m", "mkdocs", "build", "--quiet", "-f", "bare.yml"], {}),
    }
    for name in builds:
        result[name] = Sample()
    # Interleaved, so that each edition and the bare build share the machine's
    # load of the moment: the ratio is the figure, more than the seconds.
    for n in range(bench.runs):
        for name, (cmd, env) in builds.items():
            measure(result[name], cmd, project, env)
            seconds, cpu = result[name].seconds[-1], result[name].cpu_seconds[-1]
            print(
                f"bench: ×{scale} {name} build {n + 1}: {seconds:.1f} s ({cpu:.1f} s CPU)",
                file=sys.stderr,
            )

    for edition, out in alone.items():
        result[f"index {edition}"] = index_bytes(next(out.rglob("search/manifest.json")).parent)
    result["index bare"] = (project / "bare-site" / "search" / "search_index.json").stat().st_size
    first_essay = min((alone["zh-Hans"] / "text").glob("essay-*/index.html"))  # essay-01, -001
    result["page"] = page_weight(alone["zh-Hans"], first_essay)
    result["navigation"] = navigation_bytes(first_essay)
    for edition in alone:
        result[f"pdf {edition}"], result[f"baseline {edition}"] = Sample(), Sample()
    if not bench.full:
        return result
    # Both editions in one site, for the PDFs and the search measurements.
    run([*mkdocs, "--site-dir", str(project / "site")], project)
    site = project / "site"
    # The PDF maker of another checkout (its tools/ first on the path), timed on
    # the same site in turn with this one's: a change's cost as a ratio in one run.
    makers = {
        "pdf": {},
        **({"baseline": {"PYTHONPATH": str(bench.baseline / "tools")}} if bench.baseline else {}),
    }
    for edition in alone:
        samples = {name: Sample() for name in makers}
        for _ in range(bench.runs if scale <= bench.pdf_max else 0):
            script = edition.removeprefix("zh-")
            for name, env in makers.items():
                pdf = [python, "-m", "handbook.pdf", "--site", str(site), "--script", script]
                measure(samples[name], pdf, project, env)
        result[f"pdf {edition}"] = samples["pdf"]
        result[f"baseline {edition}"] = samples.get("baseline", Sample())
    if scale <= bench.epub_max:
        result["epub"] = bench_epub(site, project, bench.runs, fonts=scale <= bench.fonts_max)
    return result


def row(*cells: object) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def convert_table(results: list[dict], runs: int) -> str:
    """The conversion at each scale, bare and as `make` runs it (with the report)."""
    out = [
        f"Medians of {runs} runs: wall seconds, and CPU seconds (user and system), which move"
        " less with the load of the machine; memory is the peak of the step (MiB).",
        "",
    ]
    heads = ["scale", "input MB", "convert s", "CPU s", "MB/s", "convert MiB"]
    heads += ["with report s", "CPU s", "MB/s", "ratio", "with report MiB", "report KB"]
    out += [row(*heads), row(*["---"] * len(heads))]
    for r in results:
        c, reported, mb = r["convert"], r["convert with report"], r["text bytes"] / 1e6
        out.append(
            row(
                f"×{r['scale']}",
                f"{mb:.2f}",
                f"{c.median:.2f}",
                f"{c.cpu_median:.2f}",
                f"{mb / c.median:.1f}",
                f"{c.memory:.0f}",
                f"{reported.median:.2f}",
                f"{reported.cpu_median:.2f}",
                f"{mb / reported.median:.1f}",
                f"{reported.median / c.median:.2f}",
                f"{reported.memory:.0f}",
                f"{r['report bytes'] / 1e3:.0f}",
            )
        )
    return "\n".join(out) + "\n"


def table(results: list[dict], runs: int) -> str:
    out = [convert_table(results, runs).rstrip("\n")]
    compared = any(r["baseline zh-Hans"].seconds for r in results)
    heads = ["scale", "edition", "build s", "bare s", "ratio", "build CPU s", "bare CPU s"]
    heads += ["CPU ratio", "build MiB", "PDF s", "PDF MiB"]
    heads += ["baseline PDF s", "PDF ratio"] if compared else []
    out += ["", "Builds: wall seconds, and CPU seconds (user and system, of the build and its"]
    out += ["children), whose ratio holds when other work shares the machine.", ""]
    out += [row(*heads), row(*["---"] * len(heads))]
    for r in results:
        for edition in ("zh-Hans", "zh-Hant"):
            b, bare, pdf = r[edition], r["bare"], r[f"pdf {edition}"]
            pdf_cells = (f"{pdf.median:.2f}", f"{pdf.memory:.0f}") if pdf.seconds else ("—", "—")
            if (base := r[f"baseline {edition}"]).seconds:
                pdf_cells += (f"{base.median:.2f}", f"{pdf.median / base.median:.2f}")
            out.append(
                row(
                    f"×{r['scale']}",
                    edition,
                    f"{b.median:.2f}",
                    f"{bare.median:.2f}",
                    f"{b.median / bare.median:.2f}",
                    f"{b.cpu_median:.2f}",
                    f"{bare.cpu_median:.2f}",
                    f"{b.cpu_median / bare.cpu_median:.2f}",
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
            "its navigation KB (entries)",
        ),
    ]
    out.append(row(*["---"] * 9))
    for r in results:
        keys = ("text bytes", "index zh-Hans", "index zh-Hant", "index bare")
        text, hans, hant, bare = (r[key] for key in keys)
        raw, zipped = r["page"]
        nav_bytes, nav_entries = r["navigation"]
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
                f"{nav_bytes / 1e3:.0f} ({nav_entries})",
            )
        )
    return "\n".join(out) + "\n"
