"""`make` itself, in a copy of the repository: what a maintainer waits for."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from .steps import ROOT, Sample, measure, run

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
