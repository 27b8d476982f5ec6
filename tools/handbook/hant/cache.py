"""Tables derived from OpenCC's dictionaries, computed once and kept on disk.

Reading OpenCC's dictionaries takes its dictionary tool, and deriving the
converter's tables from them most of a second; every conversion that writes
the Traditional report and every Traditional build would pay it again. So each
table is kept as a JSON file in the user's cache folder
($XDG_CACHE_HOME/study-handbook, else ~/.cache/study-handbook), never beside
the texts or the pages. A file's name holds a digest of OpenCC's version, of
its dictionaries and of this package's code: a new OpenCC or a changed
converter computes its tables afresh (and a week on, the outdated files are
removed). The cache only saves time: a missing,
unreadable or damaged file is computed again, and a cache folder that cannot
be written is done without.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import opencc

FOLDER_NAME = "study-handbook"
# Another version of a table is removed when it is this old (seconds): two
# checkouts of different versions on one machine do not undo each other's work.
OUTDATED_AFTER = 7 * 24 * 3600


def cache_folder() -> Path | None:
    """Where the tables are kept, or None where the user has no home to keep them in."""
    if base := os.environ.get("XDG_CACHE_HOME"):
        return Path(base) / FOLDER_NAME
    try:
        return Path.home() / ".cache" / FOLDER_NAME
    except RuntimeError:  # no home directory to be found
        return None


@functools.cache
def _digest() -> str:
    """What the cached tables depend on: OpenCC's version, its dictionaries and
    configurations, this package's code."""
    digest = hashlib.sha256(opencc.__version__.encode())
    installed = Path(opencc.__file__).parent
    opencc_data = [*installed.rglob("*.ocd2"), *installed.rglob("*.json")]
    for path in sorted(opencc_data) + sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def cached(name: str, compute: Callable[[], Any]) -> Any:
    """The JSON value `compute()` returns, from the cache file of `name` when there is one."""
    folder = cache_folder()
    if folder is None:
        return compute()
    path = folder / f"{name}-{_digest()}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # not there yet, or damaged
        pass
    value = compute()
    with contextlib.suppress(OSError):  # a read-only or full disk: the next run computes it again
        _write(path, json.dumps(value, ensure_ascii=False))
    return value


def _write(path: Path, text: str) -> None:
    """Write `path` whole or not at all, and remove its versions written more
    than OUTDATED_AFTER ago."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
    name = path.name.rsplit("-", 1)[0]
    for old in path.parent.glob(f"{name}-*.json"):
        with contextlib.suppress(OSError):  # gone already, or not ours to remove
            if old != path and old.stat().st_mtime < time.time() - OUTDATED_AFTER:
                old.unlink()
