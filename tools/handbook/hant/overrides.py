"""The override dictionary (source/hant-overrides.tsv): reviewed phrases and
the Traditional form chosen for each, which win over every other rule."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import opencc

from ..decoding import read_utf8
from ..errors import ConversionError
from .tables import opencc_table, simplified_only_characters

OVERRIDES_MAX_BYTES = 10_000_000  # reviewed phrases, one a line


@dataclass(frozen=True)
class Override:
    """One line of the override dictionary: a Simplified phrase and its chosen form."""

    source: str
    target: str
    line: int


def check_form(source: str, target: str) -> str | None:
    """Why `target` cannot be the Traditional form of `source`, or None if it can."""
    if len(source) != len(target):
        return f"{source} → {target}: one Traditional character per Simplified one"
    bad = sorted(set(target) & simplified_only_characters())
    if bad:
        return f"{target} contains Simplified-only characters: {''.join(bad)}"
    if _t2s().convert(target) != source and not all(
        t in traditional_forms(c) for c, t in zip(source, target, strict=True)
    ):
        # Catches typos: the chosen form must be a Traditional spelling of the phrase.
        return f"{target} is not a Traditional form of {source}"
    return None


@functools.cache
def traditional_forms(character: str) -> frozenset[str]:
    """A Simplified character's Traditional forms, with their Taiwan and Hong
    Kong variants (着 → 著 着; 里 → 裏 里 哩 裡)."""
    forms = {character, *opencc_table("STCharacters").get(character, ())}
    for name in ("TWVariants", "HKVariants"):
        variants = opencc_table(name)
        forms.update(v for f in list(forms) for v in variants.get(f, ()))
    return frozenset(forms)


@functools.cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def load_overrides(path: Path) -> list[Override]:
    """Read the override dictionary; every bad line raises ConversionError(path, line, …)."""
    found: dict[str, Override] = {}
    text = read_utf8(path, OVERRIDES_MAX_BYTES)
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        fields = line.split()
        if len(fields) != 2:
            raise ConversionError(
                path, number, "expected two fields, Simplified phrase and Traditional form"
            )
        source, target = fields
        if problem := check_form(source, target):
            raise ConversionError(path, number, problem)
        if source in found:
            raise ConversionError(
                path, number, f"{source} is already overridden on line {found[source].line}"
            )
        found[source] = Override(source, target, number)
    return list(found.values())


def set_override(path: Path, source: str, target: str, note: str) -> Override:
    """Write `source → target` into the override dictionary, replacing the line
    of `source` if it has one, else appending; returns the line written.
    Raises ValueError if `target` cannot be a Traditional form of `source`."""
    if problem := check_form(source, target):
        raise ValueError(problem)
    existing = {o.source: o for o in load_overrides(path)} if path.exists() else {}
    lines = path.read_text(encoding="utf-8-sig").splitlines() if path.exists() else []
    entry = f"{source}\t{target}\t# {note}" if note else f"{source}\t{target}"
    if source in existing:
        number = existing[source].line
        lines[number - 1] = entry
    else:
        lines.append(entry)
        number = len(lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Override(source, target, number)
