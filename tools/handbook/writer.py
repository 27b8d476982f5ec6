"""Writing the pages into the output folder safely.

`write_pages` checks everything first, then replaces files one by one, and
records what it wrote in a manifest so that it never touches a file it did
not write or one edited by hand since. (The pages themselves come from the
Markdown writer, `markdown.render`.)
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".handbook-manifest.json"


class OutputError(Exception):
    """The output folder holds something the converter must not touch."""


@dataclass
class WritePlan:
    write: dict[str, bytes] = field(default_factory=dict)  # encoded pages to write
    unchanged: list[str] = field(default_factory=list)
    delete: list[str] = field(default_factory=list)
    digests: dict[str, str] = field(default_factory=dict)  # of every page, for the manifest


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load_manifest(out: Path) -> dict[str, str]:
    path = out / MANIFEST
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))["files"]
    except (ValueError, KeyError) as err:
        raise OutputError(
            f"{path}: unreadable manifest ({err}); remove it to start afresh"
        ) from None


def plan_writes(pages: dict[str, str], out: Path, force: bool = False) -> WritePlan:
    """Decide every change before making one, refusing the unsafe ones."""
    manifest = load_manifest(out)
    plan = WritePlan()
    problems = []
    for rel, text in sorted(pages.items()):
        data = text.encode("utf-8")
        plan.digests[rel] = digest(data)
        target = out / rel
        if not target.exists():
            plan.write[rel] = data
            continue
        current = target.read_bytes()
        if current == data:
            plan.unchanged.append(rel)
        elif rel not in manifest:
            problems.append(f"{target}: not written by handbook; it will not be overwritten")
        elif digest(current) != manifest[rel] and not force:
            problems.append(
                f"{target}: edited by hand since it was generated (use --force to overwrite)"
            )
        else:
            plan.write[rel] = data
    for rel in sorted(set(manifest) - set(pages)):
        target = out / rel
        if not target.exists():
            continue
        if digest(target.read_bytes()) != manifest[rel] and not force:
            problems.append(
                f"{target}: no longer generated but edited by hand (use --force to remove)"
            )
        else:
            plan.delete.append(rel)
    if problems:
        raise OutputError("\n".join(problems))
    return plan


def write_pages(
    pages: dict[str, str],
    out: Path,
    force: bool = False,
    progress: Callable[[str], None] | None = None,
) -> WritePlan:
    """Write pages into `out`; refuses (and writes nothing) when a file is unsafe."""
    plan = plan_writes(pages, out, force)
    staged = []
    try:
        for n, (rel, data) in enumerate(plan.write.items(), start=1):
            if progress and n % 50 == 0:
                progress(f"writing {n}/{len(plan.write)} files")
            target = out / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".md")
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            staged.append((tmp, target))
    except OSError:
        for tmp, _ in staged:
            os.unlink(tmp)
        raise
    for tmp, target in staged:
        os.replace(tmp, target)
    for rel in plan.delete:
        (out / rel).unlink()
        folder = (out / rel).parent
        if folder != out and not any(folder.iterdir()):
            folder.rmdir()  # the folder of a text no longer converted
    manifest = {"generator": "handbook", "files": plan.digests}
    (out / MANIFEST).write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return plan
