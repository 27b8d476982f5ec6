"""Writing the pages into the output folder, safely and all at once.

- **Only inside the folder.** Pages and manifest entries are plain relative
  paths of `.md` files; none may pass through a symbolic link. A file the
  converter did not write is never overwritten or removed, nor one edited by
  hand since it was written (unless --force).
- **All or nothing.** A conversion is a transaction: the changed pages and
  the new manifest are written into `.handbook-staging/` beside the old pages
  and synced to disk; then a commit record is written, atomically; then the
  pages are moved into place and the manifest last. Killed before the commit
  record exists, the folder holds the old handbook and a staging folder the
  next run removes; killed after, the next run first finishes the switch.
- **One at a time.** A conversion holds an exclusive lock on the folder; a
  second one stops with a clear message instead of mixing the two.

New files get the permissions the umask allows, like any file a user creates.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import re
import shutil
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .errors import OutputError

MANIFEST = ".handbook-manifest.json"
STAGING = ".handbook-staging"  # the next conversion, until it is switched in
COMMIT = "commit.json"  # in STAGING: present once the switch may begin
GENERATOR = "handbook"
DIGEST = re.compile(r"[0-9a-f]{64}")
# Temporary files earlier versions of the converter left behind when killed.
LEGACY_TEMPORARY = re.compile(r"\.tmp-[a-z0-9_]{8}\.md")
MANIFEST_MAX_BYTES = 100_000_000
SYNC_THREADS = 16


@dataclass
class WritePlan:
    write: dict[str, bytes] = field(default_factory=dict)  # encoded pages to write
    unchanged: list[str] = field(default_factory=list)
    delete: dict[str, str] = field(default_factory=dict)  # page → its digest as found
    digests: dict[str, str] = field(default_factory=dict)  # of every page, for the manifest
    stale: list[str] = field(default_factory=list)  # temporary files of interrupted runs
    manifest_changed: bool = True

    @property
    def changes(self) -> bool:
        return bool(self.write or self.delete or self.stale or self.manifest_changed)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- paths ---------------------------------------------------------------------


def page_parts(rel: object) -> tuple[str, ...] | None:
    """The parts of a page's path relative to the output folder, or None if
    it is not one: absolute, with `..` or `.`, hidden, or not `.md`."""
    if not isinstance(rel, str) or "\\" in rel or "\x00" in rel or not rel.endswith(".md"):
        return None
    parts = PurePosixPath(rel).parts
    if not parts or PurePosixPath(rel).as_posix() != rel or rel.startswith("/"):
        return None
    if any(part in (".", "..") or part.startswith(".") for part in parts):
        return None
    return parts


def inside(out: Path, rel: str) -> Path:
    """The page's path under `out`, refused when it is no page path, when a
    folder on the way is a symbolic link or a file, or when the page itself
    is a link or a folder."""
    parts = page_parts(rel)
    if parts is None:
        raise OutputError(out / str(rel), f"not a page inside {out}; nothing was changed")
    path = out
    for part in parts[:-1]:
        path = path / part
        if path.is_symlink():
            raise OutputError(path, f"a symbolic link: the converter writes only inside {out}")
        if path.exists() and not path.is_dir():
            raise OutputError(path, "a file where the converter needs a folder")
    path = path / parts[-1]
    if path.is_symlink():
        raise OutputError(path, f"a symbolic link: the converter writes only inside {out}")
    if path.is_dir():
        raise OutputError(path, "a folder where the converter writes a page")
    return path


# --- the manifest ----------------------------------------------------------------


def load_manifest(out: Path) -> dict[str, str]:
    """What the last conversion wrote: {page: digest}. Every entry must be a
    page inside `out`, or nothing is done."""
    path = out / MANIFEST
    if not path.exists() and not path.is_symlink():
        return {}
    data = _read_regular(path, "the manifest")
    problem = "a handbook manifest"
    try:
        manifest = json.loads(data.decode("utf-8")) if data.strip() else None
    except (UnicodeDecodeError, ValueError):
        manifest = None
        problem = "valid JSON"
    files = manifest.get("files") if isinstance(manifest, dict) else None
    if (
        not isinstance(files, dict)
        or manifest.get("generator") != GENERATOR
        or not all(isinstance(v, str) and DIGEST.fullmatch(v) for v in files.values())
    ):
        raise OutputError(
            path,
            f"not {problem} (empty, cut off or edited): the record of the pages the converter "
            f"wrote is lost. Restore it (git checkout {path}) or remove it with the pages it "
            "listed; nothing was changed",
        )
    for rel in files:
        if page_parts(rel) is None:
            raise OutputError(
                path,
                f"lists {rel!r}, which is not a page inside {out}: the manifest was edited; "
                "restore it; nothing was changed",
            )
    return files


def _read_regular(path: Path, what: str) -> bytes:
    if path.is_symlink() or not path.is_file():
        kind = "a folder" if path.is_dir() and not path.is_symlink() else "not a regular file"
        raise OutputError(path, f"{kind}, where the converter keeps {what}")
    try:
        with path.open("rb") as handle:
            return handle.read(MANIFEST_MAX_BYTES)
    except OSError as err:
        raise OutputError(path, f"cannot read: {err.strerror}") from None


def manifest_bytes(digests: dict[str, str]) -> bytes:
    manifest = {"generator": GENERATOR, "files": digests}
    return (json.dumps(manifest, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


# --- planning ----------------------------------------------------------------------


def plan_writes(pages: dict[str, str], out: Path, force: bool = False) -> WritePlan:
    """Decide every change before making one, refusing the unsafe ones."""
    if out.exists() and not out.is_dir():
        raise OutputError(out, "not a folder")
    manifest = load_manifest(out)
    plan = WritePlan()
    problems = []
    for rel, text in sorted(pages.items()):
        data = text.encode("utf-8")
        plan.digests[rel] = digest(data)
        target = inside(out, rel)
        if not target.exists():
            plan.write[rel] = data
            continue
        current = _read_regular(target, "a page")
        if current == data:
            plan.unchanged.append(rel)
        elif rel not in manifest:
            problems.append(
                OutputError(target, "not written by handbook; it will not be overwritten")
            )
        elif digest(current) != manifest[rel] and not force:
            problems.append(
                OutputError(
                    target, "edited by hand since it was generated (use --force to overwrite)"
                )
            )
        else:
            plan.write[rel] = data
    for rel in sorted(set(manifest) - set(pages)):
        target = inside(out, rel)
        if not target.exists():
            continue
        found = digest(_read_regular(target, "a page"))
        if found != manifest[rel] and not force:
            problems.append(
                OutputError(
                    target, "no longer generated but edited by hand (use --force to remove)"
                )
            )
        else:
            plan.delete[rel] = found
    if problems:
        raise OutputError(problems[0].path, problems[0].message, problems[1:])
    plan.stale = stale_temporary_files(out, [*pages, *manifest])
    current = out / MANIFEST
    plan.manifest_changed = not (
        current.is_file() and current.read_bytes() == manifest_bytes(plan.digests)
    )
    return plan


def stale_temporary_files(out: Path, pages: list[str]) -> list[str]:
    """Temporary files an earlier, interrupted version of the converter left
    in the folders it writes to."""
    folders = {PurePosixPath(rel).parent for rel in pages}
    found = []
    for folder in sorted(folders):
        path = out / folder
        if path.is_dir() and not path.is_symlink():
            for entry in os.scandir(path):
                if LEGACY_TEMPORARY.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                    found.append((folder / entry.name).as_posix())
    return found


# --- writing ---------------------------------------------------------------------------


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


def _sync_files(paths: list[Path]) -> None:
    """Put the files' data on disk. Many fsyncs at once share the file
    system's journal commits: 500 pages on a busy disk took 0.1–0.6 s so,
    0.7–3 s one after the other. Errors of delayed writes (a full disk)
    surface here."""

    def sync(path: Path) -> None:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    with ThreadPoolExecutor(max_workers=SYNC_THREADS) as pool:
        list(pool.map(sync, paths))


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
        folders, written = {staging}, []
        for n, (rel, data) in enumerate(plan.write.items(), start=1):
            if progress and n % 50 == 0:
                progress(f"writing {n}/{len(plan.write)} files")
            path = staging / "pages" / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            folders.update(p for p in path.parents if p.is_relative_to(staging))
            _write_file(path, data, sync=False)
            written.append(path)
        _write_file(staging / MANIFEST, manifest_bytes(plan.digests), sync=False)
        _sync_files([*written, staging / MANIFEST])
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
    for rel in record["write"]:
        staged = staging / "pages" / rel
        if not staged.exists():
            continue  # moved before an interruption
        target = inside(out, rel)  # the folders on the way are real folders or missing
        target.parent.mkdir(parents=True, exist_ok=True)
        touched.update(p for p in target.parents if p.is_relative_to(out))
        os.replace(staged, target)
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
            _stale_path(out, rel).unlink()
    if (staging / MANIFEST).exists():
        os.replace(staging / MANIFEST, out / MANIFEST)
    for folder in touched:
        if folder.is_dir():
            _sync_folder(folder)
    (staging / COMMIT).unlink()
    shutil.rmtree(staging)
    _sync_folder(out)


def _commit_record(staging: Path) -> dict:
    path = staging / COMMIT
    try:
        record = json.loads(_read_regular(path, "the commit record").decode("utf-8"))
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


def _stale_path(out: Path, rel: str) -> Path:
    """A legacy temporary file's path, checked like a page's."""
    name = PurePosixPath(rel).name
    if not LEGACY_TEMPORARY.fullmatch(name):
        raise OutputError(out / rel, "not a temporary file of the converter")
    return inside(out, str(PurePosixPath(rel).with_name("page.md"))).with_name(name)


def is_pending(out: Path) -> bool:
    """Whether a committed conversion waits to be switched in."""
    return (out / STAGING / COMMIT).is_file()


# --- the report ------------------------------------------------------------------------

REPORT_GENERATOR = "handbook report"


def check_report_path(path: Path, inputs: list[Path], out: Path) -> None:
    """Refuse, before anything is written, a report path that would overwrite
    an input, a file the converter did not write, or a folder, or that lies
    in a missing folder or inside the output folder."""
    if path.is_dir() and not path.is_symlink():
        raise OutputError(path, "a folder: give the report a file name, such as report.json")
    parent = path.parent
    if not parent.is_dir():
        raise OutputError(path, f"the folder {parent} does not exist")
    if _within(path, out):
        raise OutputError(path, f"inside the output folder {out}: write the report elsewhere")
    if not path.exists() and not path.is_symlink():
        return
    if any(_same_file(path, source) for source in inputs):
        raise OutputError(path, "an input of the conversion: the report never overwrites it")
    if path.is_symlink() or not path.is_file():
        raise OutputError(path, "not a regular file: the report will not replace it")
    try:
        with path.open("rb") as handle:
            data = json.loads(handle.read(MANIFEST_MAX_BYTES).decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        data = None
    if not _is_report(data):
        raise OutputError(
            path, "exists and is not a report of the converter: it will not be overwritten"
        )


def _within(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or os.path.samefile(a, b)
    except OSError:
        return False


def _is_report(data: object) -> bool:
    # Reports written before they carried the marker have exactly these keys.
    return isinstance(data, dict) and (
        data.get("generator") == REPORT_GENERATOR or set(data) == {"output", "collections"}
    )


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
