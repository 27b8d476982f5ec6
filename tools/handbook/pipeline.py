"""The stages put together: sources → Handbook → pages."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from .enrich import enrich
from .glossary import (
    GlossaryLinker,
    Term,
    TermMatcher,
    check_citations,
    glossary_pages,
    handbook_lines,
    load_glossary,
)
from .model import Handbook, SourceLine
from .reader import read_source
from .settings import Settings
from .site import DOWNLOADS, GLOSSARY_DIR
from .structure import build_collection
from .writer import render

# Folders of the site that a text's folder must not take: the glossary, the
# hand-written assets, the PDFs (handbook.pdf) and the search index (Material).
RESERVED_FOLDERS = {GLOSSARY_DIR, "assets", DOWNLOADS, "search"}
GLOSSARY_FILE = "glossary.yml"


def slug_for(path: Path, taken: set[str]) -> str:
    """An ASCII folder name for a source file, distinct from the others."""
    base = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")[:60] or "text"
    slug, n = base, 2
    while slug in taken or slug in RESERVED_FOLDERS:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


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
        handbook.collections.append(
            build_collection(source, lines, repairs, slug_for(source, taken))
        )
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
    if glossary is None or not glossary.exists():
        return handbook, render(handbook)
    terms = load_terms(glossary, handbook)
    linker = GlossaryLinker(TermMatcher(terms))
    pages = render(handbook, inline=linker.inline, extra_meta=linker.meta)
    return handbook, pages | glossary_pages(handbook, terms, linker.matcher)
