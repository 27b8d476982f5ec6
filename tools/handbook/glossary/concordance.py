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
    for text in (essay.title, essay.subtitle):
        if text:
            yield Passage(page, "", text, essay.line, essay)
    for article in essay.articles:
        if article.title:
            yield Passage(page, article.anchor, article.title, article.first_line, essay)
        for block in article.blocks:
            if isinstance(block, Heading | Paragraph):
                yield Passage(page, block.anchor, block.text, block.line, essay, block)


def handbook_lines(handbook: Handbook) -> list[SourceLine]:
    """The essays' text as lines for the candidate miner and the citation
    check: repaired, joined and without site debris, unlike the raw lines."""
    return [SourceLine(p.line, p.text) for p in passages(handbook)]


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
