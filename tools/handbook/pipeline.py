"""The stages put together: sources → Handbook → pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from pathlib import Path

import yaml

from .addresses import assign_addresses, collection_slug
from .enrich import Settings, enrich
from .errors import ConversionError
from .glossary import check_citations, handbook_lines, link_terms, load_glossary
from .markdown import render
from .model import Handbook, SourceLine, Term
from .reader import read_source
from .structure import build_collection

SETTINGS_FILE = "handbook.yml"
GLOSSARY_FILE = "glossary.yml"


def load_settings(path: Path) -> Settings:
    """Read source/handbook.yml; a missing file means the defaults."""
    if not path.exists():
        return Settings()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise ConversionError(path, mark.line + 1 if mark else None, "invalid YAML") from None
    known = {f.name: f.type for f in fields(Settings)}
    for key, value in data.items():
        if key not in known:
            raise ConversionError(
                path, None, f"unknown setting {key!r} (known: {', '.join(known)})"
            )
        if not isinstance(value, int) or value <= 0:
            raise ConversionError(path, None, f"{key} must be a positive whole number")
    return Settings(**data)


# Called with a short message as each stage starts; the CLI shows it on a terminal.
Progress = Callable[[str], None]


def quiet(message: str) -> None:
    """The default Progress: say nothing."""


def build_handbook(
    sources: list[Path], settings: Settings, encoding: str | None = None, progress: Progress = quiet
) -> Handbook:
    handbook = Handbook()
    taken: set[str] = set()
    for source in sources:
        progress(f"reading {source.name}")
        lines, repairs = read_source(source, encoding)
        progress(f"recognising {source.name}: {len(lines)} lines")
        collection = build_collection(source, lines, repairs, collection_slug(source.stem, taken))
        assign_addresses(collection)
        handbook.collections.append(collection)
    enrich(handbook, settings)
    return handbook


def load_terms(path: Path, handbook: Handbook) -> list[Term]:
    """The curated glossary, its citations checked against the text."""
    terms = load_glossary(path)
    cited = {t.defined_at.line for t in terms if t.defined_at}
    by_line: dict[int, list[str]] = {}
    for line in handbook_lines(handbook):
        if line.number in cited:
            by_line.setdefault(line.number, []).append(line.text)
    # a line may hold several passages, and with several sources several lines
    check_citations(path, terms, [SourceLine(n, "\n".join(t)) for n, t in by_line.items()])
    return terms


def convert(
    sources: list[Path],
    settings: Settings,
    encoding: str | None = None,
    glossary: Path | None = None,
    progress: Progress = quiet,
) -> tuple[Handbook, dict[str, str]]:
    """The handbook and its pages; with a glossary, terms are linked and listed."""
    handbook = build_handbook(sources, settings, encoding, progress)
    progress(f"making pages for {sum(len(c.essays) for c in handbook.collections)} essays")
    if glossary is not None and glossary.exists():
        link_terms(handbook, load_terms(glossary, handbook))
    return handbook, render(handbook)
