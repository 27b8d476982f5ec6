"""Writing the pages into the output folder, all at once.

- **All or nothing.** A conversion is a transaction: the changed pages and
  the new manifest are written into `.handbook-staging/` beside the old pages
  and synced to disk; then a commit record is written, atomically; then the
  pages are moved into place and the manifest last. Killed before the commit
  record exists, the folder holds the old handbook and a staging folder the
  next run removes; killed after, the next run first finishes the switch.
- **One at a time.** A conversion holds an exclusive lock on the folder; a
  second one stops with a clear message instead of mixing the two.

What may be written and removed is decided first, and checked, by
`output_plan.py`. New files get the permissions the umask allows, like any
file a user creates.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .errors import OutputError
from .output_plan import (
    GENERATOR,
    MANIFEST,
    REPORT_GENERATOR,
    WritePlan,
    digest,
    inside,
    manifest_bytes,
    page_parts,
    plan_writes,
    read_regular,
    stale_path,
)

STAGING = ".handbook-staging"  # the next conversion, until it is switched in
COMMIT = "commit.json"  # in STAGING: present once the switch may begin
SYNC_THREADS = 16


@contextlib.contextmanager
def locked(out: Path, shared: bool = False) -> Iterator[None]:
    """Hold the folder's lock: exclusive to convert, shared to check."""
    fd = os.open(out, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        try:
            fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError(
                out,
                "another conversion is writing to this folder; run again when it has finished",
            ) from None
        yield
    finally:
        os.close(fd)


def write_pages(
    pages: dict[str, str],
    out: Path,
    force: bool = False,
    progress: Callable[[str], None] | None = None,
) -> WritePlan:
    """Write pages into `out` as one transaction; refuses (and changes
    nothing) when a file is unsafe to touch."""
    created = False
    try:
        if (out.exists() or out.is_symlink()) and not out.is_dir():
            raise OutputError(out, "not a folder")
        created = not out.exists()
        out.mkdir(parents=True, exist_ok=True)
        with locked(out):
            try:
                finish_interrupted(out)
            except OSError as err:
                raise _error(err, out, "an interrupted conversion could not be finished") from None
            plan = plan_writes(pages, out, force)
            if plan.changes:
                _stage(out, plan, progress)
                try:
                    _switch(out)
                except OSError as err:
                    raise _error(err, out, UNFINISHED) from None
            return plan
    except OSError as err:
        raise _error(err, out, "nothing was changed") from None
    finally:
        if created:  # a first conversion that failed leaves no empty folder
            with contextlib.suppress(OSError):
                out.rmdir()  # only if empty


UNFINISHED = (
    f"the switch to the new pages stopped half way (they wait in {STAGING}/); "
    "run the conversion again to finish it"
)


def _error(err: OSError, out: Path, consequence: str) -> OutputError:
    where = Path(err.filename) if err.filename else out
    reason = err.strerror or str(err)
    if err.errno == errno.ENOSPC:
        reason = "the disk is full"
    return OutputError(where, f"cannot write: {reason}; {consequence}")


def _write_file(path: Path, data: bytes, sync: bool = True) -> None:
    """A new file, mode as the umask allows; with sync, its data on disk."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        if sync:
            os.fsync(fd)
    except OSError as err:  # name the file: write and fsync errors carry no name
        raise OSError(err.errno, err.strerror, str(path)) from None
    finally:
        os.close(fd)


def _write_synced(files: list[tuple[Path, bytes]]) -> None:
    """Write new files and put their data on disk, several at a time: many
    fsyncs at once share the file system's journal commits (500 pages on a
    busy disk took 0.1–0.6 s so, 0.7–3 s one after the other). Errors of
    delayed writes (a full disk) surface here."""
    with ThreadPoolExecutor(max_workers=SYNC_THREADS) as pool:
        list(pool.map(lambda file: _write_file(*file), files))


def _sync_folder(path: Path) -> None:
    """Make the folder's entries (new, renamed, removed files) durable."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _stage(out: Path, plan: WritePlan, progress: Callable[[str], None] | None) -> None:
    """Write the new pages, the manifest and last the commit record into the
    staging folder. Until the record exists, nothing of the handbook changed."""
    staging = out / STAGING
    try:
        staging.mkdir()
        pages = staging / "pages"
        folders = {staging, *_folders(pages, plan.write)} if plan.write else {staging}
        for folder in sorted(folders, key=lambda f: len(f.parts)):  # parents first
            if folder != staging:
                folder.mkdir()
        files = [(pages / rel, data) for rel, data in plan.write.items()]
        if progress:
            progress(f"writing {len(files)} files")
        _write_synced([*files, (staging / MANIFEST, manifest_bytes(plan.digests))])
        for folder in folders:
            _sync_folder(folder)
        record = {
            "generator": GENERATOR,
            "write": sorted(plan.write),
            "delete": plan.delete,
            "stale": plan.stale,
        }
        _write_file(staging / f"{COMMIT}.tmp", json.dumps(record, ensure_ascii=False).encode())
        os.replace(staging / f"{COMMIT}.tmp", staging / COMMIT)
        _sync_folder(staging)  # the commit point
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def finish_interrupted(out: Path) -> None:
    """Finish the switch of a committed conversion that was interrupted, or
    remove the staging folder of one that was not committed."""
    staging = out / STAGING
    if not staging.exists() and not staging.is_symlink():
        return
    if staging.is_symlink() or not staging.is_dir():
        raise OutputError(staging, "not the converter's staging folder: remove it")
    if (staging / COMMIT).is_file():
        _switch(out)
    else:
        shutil.rmtree(staging)


def _switch(out: Path) -> None:
    """Move the staged pages into place, remove the pages no longer
    generated, then the manifest; every step can be done again after a kill."""
    staging = out / STAGING
    record = _commit_record(staging)
    touched = {out}
    checked: set[Path] = set()  # folders on the way found to be real folders or missing
    for rel in record["write"]:
        target = inside(out, rel, checked)
        if target.parent not in touched:
            target.parent.mkdir(parents=True, exist_ok=True)
            touched.update(_folders(out, [rel]))
        try:
            os.replace(staging / "pages" / rel, target)
        except FileNotFoundError:
            if target.parent.is_dir():
                continue  # moved before an interruption
            raise
    for rel, found in record["delete"].items():
        target = inside(out, rel)
        if target.is_file() and digest(target.read_bytes()) == found:
            target.unlink()
            touched.add(target.parent)
        folder = target.parent  # the folder of a text no longer converted, once empty
        while folder != out and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            touched.add(folder.parent)
            folder = folder.parent
    for rel in record["stale"]:
        with contextlib.suppress(FileNotFoundError):
            stale_path(out, rel).unlink()
    if (staging / MANIFEST).exists():
        os.replace(staging / MANIFEST, out / MANIFEST)
    for folder in touched:
        if folder.is_dir():
            _sync_folder(folder)
    (staging / COMMIT).unlink()
    shutil.rmtree(staging)
    _sync_folder(out)


def _folders(root: Path, pages: Iterable[str]) -> set[Path]:
    """`root` and the folders under it holding the pages, and those on the way."""
    folders = {root}
    for rel in pages:
        parts = rel.split("/")[:-1]
        folders.update(root.joinpath(*parts[:n]) for n in range(1, len(parts) + 1))
    return folders


def _commit_record(staging: Path) -> dict:
    path = staging / COMMIT
    try:
        record = json.loads(read_regular(path, "the commit record").decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        record = None
    valid = (
        isinstance(record, dict)
        and record.get("generator") == GENERATOR
        and isinstance(record.get("write"), list)
        and isinstance(record.get("delete"), dict)
        and isinstance(record.get("stale"), list)
        and all(page_parts(rel) for rel in [*record["write"], *record["delete"]])
        and all(isinstance(d, str) for d in record["delete"].values())
        and all(isinstance(rel, str) for rel in record["stale"])
    )
    if not valid:
        raise OutputError(path, "not a commit record of the converter: remove the staging folder")
    return record


def is_pending(out: Path) -> bool:
    """Whether a committed conversion waits to be switched in."""
    return (out / STAGING / COMMIT).is_file()


# --- the report ------------------------------------------------------------------------


def write_report(path: Path, data: dict) -> None:
    """Replace the report atomically: a temporary file beside it, renamed."""
    text = json.dumps({"generator": REPORT_GENERATOR, **data}, ensure_ascii=False, indent=1)
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()  # left by an interrupted run
        _write_file(temporary, (text + "\n").encode("utf-8"))
        os.replace(temporary, path)
        _sync_folder(path.parent)
    except OSError as err:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise _error(err, path.parent, "the pages were written, the report was not") from None
