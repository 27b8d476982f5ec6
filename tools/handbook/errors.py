"""The one error the converter reports to users: a problem in an input file."""

from __future__ import annotations

from pathlib import Path


class ConversionError(Exception):
    """Bad input: reported as `error: FILE:LINE: message`, exit status 1."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path = Path(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else str(self.path)
        super().__init__(f"{where}: {message}")
