"""The errors the converter reports to users: `error: FILE[:LINE]: message`,
exit status 1, never a traceback."""

from __future__ import annotations

import sys
from pathlib import Path


class HandbookError(Exception):
    """A problem with one file, shown as `error: FILE[:LINE]: message`."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path = Path(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else str(self.path)
        super().__init__(f"{where}: {message}")

    def lines(self) -> list[str]:
        """What the command prints, one `error: …` line each."""
        return [str(self)]


class ConversionError(HandbookError):
    """Bad input: a source text, the settings or the glossary."""


class OutputError(HandbookError):
    """The output folder or the report cannot be written safely; nothing was
    changed. May carry further problems found in the same check."""

    def __init__(
        self, path: Path | str, message: str, more: list[OutputError] | None = None
    ) -> None:
        super().__init__(path, None, message)
        self.more = more or []

    def lines(self) -> list[str]:
        return [str(self)] + [str(other) for other in self.more]


def report_error(error: Exception) -> int:
    """Print `error` on stderr as the command's `error: …` lines (a
    HandbookError's own, else its message); the exit status, 1."""
    lines = error.lines() if isinstance(error, HandbookError) else [str(error)]
    for line in lines:
        print(f"error: {line}", file=sys.stderr)
    return 1
