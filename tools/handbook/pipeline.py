"""The stages put together: sources → Handbook → pages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .addresses import assign_addresses, collection_slug
from .enrich import enrich
from .glossary import check_citations, handbook_lines, link_terms, load_glossary
from .markdown import render
from .model import Doubt, Handbook, SourceLine, Term
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
    read: dict[Path, list[SourceLine]] | None = None,
    doubts: bool = True,
) -> Handbook:
    """The handbook of `sources`; `read`, if given, receives each source's
    normalised lines, so that the Traditional review need not read it again;
    `doubts`: find what looks wrong, for the report (`build_collection`)."""
    handbook = Handbook()
    taken: set[str] = set()
    for source in sources:
        progress(f"reading {source.name}")
        lines, repairs = read_source(source, encoding, replace_invalid, settings.max_source_bytes)
        if read is not None:
            read[source] = lines
        progress(f"recognising {source.name}: {len(lines)} lines")
        collection = build_collection(
            source, lines, repairs, collection_slug(source.stem, taken), doubts
        )
        assign_addresses(collection)
        handbook.collections.append(collection)
    enrich(handbook, settings)
    return handbook


def load_terms(path: Path, handbook: Handbook) -> tuple[list[Term], list[Doubt]]:
    """The curated glossary, its citations checked against the text; a term
    whose quote is not on the line it cites loses its citation, reported:
    the line belongs to a text no longer in the handbook (`citation-gone`),
    or the words stand only on other lines (`citation-elsewhere`)."""
    terms = load_glossary(path)
    doubts = []
    for term, elsewhere in check_citations(terms, handbook_lines(handbook)):
        cited = term.defined_at
        if elsewhere:
            where = ", ".join(map(str, elsewhere))
            doubt = Doubt(
                term.line,
                "citation-elsewhere",
                f"{term.term}: the quote is not on line {cited.line}; it stands on line {where}",
            )
        else:
            doubt = Doubt(
                term.line,
                "citation-gone",
                f"{term.term}: line {cited.line} of a text no longer here",
            )
        doubts.append(doubt)
        term.defined_at = None
    return terms, doubts


def convert(
    sources: list[Path],
    settings: Settings,
    encoding: str | None = None,
    glossary: Path | None = None,
    progress: Progress = quiet,
    replace_invalid: bool = False,
    read: dict[Path, list[SourceLine]] | None = None,
    doubts: bool = True,
) -> tuple[Handbook, dict[str, str]]:
    """The handbook and its pages; with a glossary, terms are linked and listed.
    `read` receives the sources' lines, `doubts` says whether to find them
    (`build_handbook`)."""
    handbook = build_handbook(sources, settings, encoding, progress, replace_invalid, read, doubts)
    progress(f"making pages for {sum(len(c.essays) for c in handbook.collections)} essays")
    if glossary is not None and glossary.exists():
        terms, citations = load_terms(glossary, handbook)
        link_terms(handbook, terms)
        handbook.glossary.doubts = citations
    return handbook, render(handbook)
