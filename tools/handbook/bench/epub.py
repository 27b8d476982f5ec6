"""The EPUB's figures at each scale: time and size per edition, and with its
fonts embedded (for `make bench`; handbook.bench.scales calls `bench_epub`)."""

from __future__ import annotations

import sys
from pathlib import Path

from .steps import Sample, measure, run


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
