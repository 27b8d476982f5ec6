"""The tables derived from OpenCC's dictionaries, kept in the user's cache folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import OVERRIDES

from handbook.hant import cache


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / cache.FOLDER_NAME


def counting(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def compute() -> object:
        calls.append(1)
        return value

    return calls, compute


def test_a_table_is_computed_once_and_read_back(folder: Path) -> None:
    calls, compute = counting({"发": ["發", "髮"]})
    assert cache.cached("example", compute) == {"发": ["發", "髮"]}
    assert cache.cached("example", compute) == {"发": ["發", "髮"]}
    assert len(calls) == 1
    (written,) = folder.glob("example-*.json")
    assert json.loads(written.read_text(encoding="utf-8")) == {"发": ["發", "髮"]}
    assert not list(folder.glob(".tmp-*"))


def test_a_damaged_table_is_computed_again(folder: Path) -> None:
    calls, compute = counting([1, 2, 3])
    cache.cached("example", compute)
    (written,) = folder.glob("example-*.json")
    written.write_text("[1, 2", encoding="utf-8")  # cut off
    assert cache.cached("example", compute) == [1, 2, 3]
    assert len(calls) == 2
    assert json.loads(written.read_text(encoding="utf-8")) == [1, 2, 3]


def test_outdated_tables_are_removed_a_week_on(folder: Path) -> None:
    folder.mkdir(parents=True)
    week_old, recent, other = (
        folder / name
        for name in (
            "example-0123456789abcdef.json",
            "example-fedcba9876543210.json",  # another checkout's, in use
            "example_other-0123456789abcdef.json",
        )
    )
    for path in (week_old, recent, other):
        path.write_text("[0]", encoding="utf-8")
    long_ago = time.time() - cache.OUTDATED_AFTER - 60
    os.utime(week_old, (long_ago, long_ago))
    os.utime(other, (long_ago, long_ago))
    assert cache.cached("example", lambda: [1]) == [1]
    assert not week_old.exists() and recent.exists() and other.exists()


def test_a_cache_folder_that_cannot_be_written_is_done_without(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    calls, compute = counting("value")
    assert cache.cached("example", compute) == "value"
    assert cache.cached("example", compute) == "value"
    assert len(calls) == 2


def test_a_fresh_converter_reads_its_tables_and_loads_no_segmenter(tmp_path: Path) -> None:
    """Once the tables are cached, starting the converter neither runs OpenCC's
    dictionary tool nor loads jieba; a text that needs words loads it."""
    script = f"""
import subprocess, sys
from pathlib import Path
runs = []
real_run = subprocess.run
subprocess.run = lambda *a, **k: runs.append(a) or real_run(*a, **k)
from handbook.hant import HantConverter
converter = HantConverter("s2tw", Path({str(OVERRIDES)!r}))
assert converter.convert("我们") == "我們"  # no context character: no words needed
print(len(runs), "rjieba" in sys.modules, converter.convert("把握发展"))
"""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    first, second = (
        subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
        for _ in range(2)
    )
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    tools_run, _, converted = first.stdout.split()
    assert int(tools_run) > 0 and converted == "把握發展"
    assert second.stdout.split() == ["0", "False", "把握發展"]
