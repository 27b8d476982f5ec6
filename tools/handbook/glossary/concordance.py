"""The essays' text as passages, and where in it each term is used or defined."""

from __future__ import annotations

from collections.abc import Iterator

from ..addresses import essay_page
from ..model import Essay, Handbook, Heading, Paragraph, Passage, SourceLine, Term


def passages(handbook: Handbook) -> Iterator[Passage]:
    """The essays' text in page order: titles, headings, paragraphs. Bylines
    are attributions, not text, and are left out."""
    for collection in handbook.collections:
        for essay in collection.essays:
            yield from essay_passages(essay_page(collection.slug, essay.slug), essay)


def essay_passages(page: str, essay: Essay) -> Iterator[Passage]:
    for anchor, text, line, block in _pieces(essay):
        yield Passage(page, anchor, text, line, essay, block)


def _pieces(essay: Essay) -> Iterator[tuple[str, str, int, Heading | Paragraph | None]]:
    """An essay's passages as (anchor, text, line, block)."""
    for text in (essay.title, essay.subtitle):
        if text:
            yield "", text, essay.line, None
    for article in essay.articles:
        if article.title:
            yield article.anchor, article.title, article.first_line, None
        for block in article.blocks:
            if isinstance(block, Heading | Paragraph):
                yield block.anchor, block.text, block.line, block


def handbook_lines(handbook: Handbook) -> list[SourceLine]:
    """The essays' text as lines for the candidate miner and the citation
    check: repaired, joined and without site debris, unlike the raw lines."""
    return [
        SourceLine(line, text)
        for collection in handbook.collections
        for essay in collection.essays
        for _, text, line, _ in _pieces(essay)
    ]


def definition_sites(texts: list[Passage], terms: list[Term]) -> dict[str, Passage | None]:
    """For each term, by slug, the passage holding its defined_at quote,
    nearest the cited line: almost always on it, so that line is read first."""
    on_line: dict[int, list[Passage]] = {}
    for passage in texts:
        on_line.setdefault(passage.line, []).append(passage)
    sites: dict[str, Passage | None] = {}
    for term in terms:
        cited, site = term.defined_at, None
        if cited:
            holding = [p for p in on_line.get(cited.line, []) if cited.quote in p.text]
            holding = holding or [p for p in texts if cited.quote in p.text]
            site = min(holding, key=lambda p: abs(p.line - cited.line), default=None)
        sites[term.slug] = site
    return sites
