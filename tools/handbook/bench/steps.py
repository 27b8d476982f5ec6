"""What every section of `make bench` shares: the repository's paths and a
measured step (wall seconds, CPU seconds and peak memory of a command and
its children)."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SOURCE = ROOT / "source" / "mass-line-essays.txt"


@dataclass
class Sample:
    """One measured step: wall seconds, CPU seconds (user and system, of the
    command and its children: what the step costs, however busy the machine
    is with other work) and peak resident memory (MiB)."""

    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)
    peak_mib: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu_seconds)

    @property
    def memory(self) -> float:
        return max(self.peak_mib)


def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Run a command; its wall time and the peak memory of it and its children."""
    seconds, _, mib = run_measured(cmd, cwd, env)
    return seconds, mib


def run_measured(
    cmd: list[str], cwd: Path, env: dict[str, str] | None = None
) -> tuple[float, float, float]:
    """Run a command; its wall time, its CPU time and the peak memory of it and
    its children."""
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
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def measure(sample: Sample, cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> None:
    seconds, cpu, mib = run_measured(cmd, cwd, env)
    sample.seconds.append(seconds)
    sample.cpu_seconds.append(cpu)
    sample.peak_mib.append(mib)
