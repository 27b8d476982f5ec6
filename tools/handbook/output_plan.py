"""What a conversion may do to the output folder, decided before it does
anything: the pages' paths, the manifest, the plan, the report's path.

- **Only inside the folder.** Pages and manifest entries are plain relative
  paths of `.md` files; none may pass through a symbolic link.
- **Never another's file.** A file the converter did not write is never
  overwritten or removed, nor one edited by hand since it was written
  (unless --force): the manifest records the digest of every page written.
- **The report** overwrites only a report written before, never an input
  of the conversion, and never lies inside the output folder.

`output.py` carries the plan out as one transaction.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .errors import OutputError

MANIFEST = ".handbook-manifest.json"
GENERATOR = "handbook"
DIGEST = re.compile(r"[0-9a-f]{64}")
# Temporary files earlier versions of the converter left behind when killed.
LEGACY_TEMPORARY = re.compile(r"\.tmp-[a-z0-9_]{8}\.md")
MANIFEST_MAX_BYTES = 100_000_000
REPORT_GENERATOR = "handbook report"


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
    parts = tuple(rel.split("/"))
    # an empty part: absolute, or `//`; `.`, `..` and hidden names start with a dot
    if any(not part or part.startswith(".") for part in parts):
        return None
    return parts


def inside(out: Path, rel: str, checked: set[Path] | None = None) -> Path:
    """The page's path under `out`, refused when it is no page path, when a
    folder on the way is a symbolic link or a file, or when the page itself
    is a link or a folder. `checked`: folders found fine before (within one
    plan), each then looked at once."""
    parts = page_parts(rel)
    if parts is None:
        raise OutputError(out / str(rel), f"not a page inside {out}; nothing was changed")
    path = out
    for part in parts[:-1]:
        path = path / part
        if checked is not None and path in checked:
            continue
        if path.is_symlink():
            raise OutputError(path, f"a symbolic link: the converter writes only inside {out}")
        if path.exists() and not path.is_dir():
            raise OutputError(path, "a file where the converter needs a folder")
        if checked is not None:
            checked.add(path)
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
    data = read_regular(path, "the manifest")
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


def read_regular(path: Path, what: str) -> bytes:
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
    checked: set[Path] = set()
    for rel, text in sorted(pages.items()):
        data = text.encode("utf-8")
        plan.digests[rel] = digest(data)
        target = inside(out, rel, checked)
        if not target.exists():
            plan.write[rel] = data
            continue
        current = read_regular(target, "a page")
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
        target = inside(out, rel, checked)
        if not target.exists():
            continue
        found = digest(read_regular(target, "a page"))
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
    folders = {rel.rpartition("/")[0] for rel in pages}  # "": the output folder itself
    found = []
    for folder in sorted(folders, key=lambda f: f.split("/") if f else []):
        path = out / folder
        if path.is_dir() and not path.is_symlink():
            for entry in os.scandir(path):
                if LEGACY_TEMPORARY.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                    found.append(f"{folder}/{entry.name}" if folder else entry.name)
    return found


def stale_path(out: Path, rel: str) -> Path:
    """A legacy temporary file's path, checked like a page's."""
    name = PurePosixPath(rel).name
    if not LEGACY_TEMPORARY.fullmatch(name):
        raise OutputError(out / rel, "not a temporary file of the converter")
    return inside(out, str(PurePosixPath(rel).with_name("page.md"))).with_name(name)


# --- the report ------------------------------------------------------------------------


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
