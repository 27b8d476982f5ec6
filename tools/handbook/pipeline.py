"""The stages put together: sources → Handbook → pages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .addresses import assign_addresses, collection_slug
from .enrich import enrich
from .glossary import check_citations, handbook_lines, link_terms, load_glossary
from .markdown import render
from .model import Handbook, SourceLine, Term
from .reader import read_source
from .settings import Settings
from .structure import build_collection

GLOSSARY_FILE = "glossary.yml"


# Called with a short message as each stage starts; the CLI shows it on a terminal.
Progress = Callable[[str], None]


def quiet(message: str) -> None:
    """The default Progress: say nothing."""


def build_handbook(
    sources: list[Path],
    settings: Settings,
    encoding: str | None = None,
    progress: Progress = quiet,
    replace_invalid: bool = False,
) -> Handbook:
    handbook = Handbook()
    taken: set[str] = set()
    for source in sources:
        progress(f"reading {source.name}")
        lines, repairs = read_source(source, encoding, replace_invalid, settings.max_source_bytes)
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
    replace_invalid: bool = False,
) -> tuple[Handbook, dict[str, str]]:
    """The handbook and its pages; with a glossary, terms are linked and listed."""
    handbook = build_handbook(sources, settings, encoding, progress, replace_invalid)
    progress(f"making pages for {sum(len(c.essays) for c in handbook.collections)} essays")
    if glossary is not None and glossary.exists():
        link_terms(handbook, load_terms(glossary, handbook))
    return handbook, render(handbook)
