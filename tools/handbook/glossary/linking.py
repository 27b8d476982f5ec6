"""The glossary's enrichment step: find every term in the text once, and
mark what was found in the model.

- a term's first use in each article becomes a `TermLink` inline of its
  paragraph (once an article, not once a section: a reader who met the term
  a few paragraphs up needs no second mark); headings and titles are never
  linked;
- each essay gets the terms its page uses, in order of first use;
- the handbook gets its `Glossary`: every occurrence of every term (the
  concordance) and the passage each term's citation quotes.

The writers then render what the model holds.
"""

from __future__ import annotations

from ..addresses import essay_page
from ..model import Glossary, Handbook, Occurrence, Paragraph, Term, TermLink, mark
from .concordance import definition_sites, passages
from .matcher import Match, TermMatcher


def link_terms(handbook: Handbook, terms: list[Term]) -> None:
    """Match every passage once; link, list and index what was found."""
    matcher = TermMatcher(terms)
    texts = list(passages(handbook))
    occurrences: dict[str, list[Occurrence]] = {t.slug: [] for t in terms}
    page_terms: dict[str, dict[str, None]] = {}  # by page: terms in order of first use
    in_paragraph: dict[tuple[str, str], list[Match]] = {}  # by page and paragraph anchor
    for passage in texts:
        matches = matcher.find(passage.text)
        if not matches:
            continue
        used = page_terms.setdefault(passage.page, {})
        for match in matches:
            term = match.term
            occurrences[term.slug].append(Occurrence(passage, match.start, match.end))
            used.setdefault(term.term)
        if isinstance(passage.block, Paragraph):
            in_paragraph[passage.page, passage.anchor] = matches
    for collection in handbook.collections:
        for essay in collection.essays:
            page = essay_page(collection.slug, essay.slug)
            essay.terms = list(page_terms.get(page, {}))
            for article in essay.articles:
                seen: set[str] = set()  # terms linked in this article
                for block in article.blocks:
                    if isinstance(block, Paragraph) and (
                        matches := in_paragraph.get((page, block.anchor))
                    ):
                        firsts = []
                        for match in matches:
                            if match.term.slug not in seen:
                                seen.add(match.term.slug)
                                firsts.append(match)
                        block.inlines = mark(block.inlines, [link_of(m) for m in firsts])
    handbook.glossary = Glossary(terms, occurrences, definition_sites(texts, terms))


def link_of(match: Match) -> tuple[int, int, TermLink]:
    term = match.term
    name = "" if match.phrase == term.term else term.term
    return match.start, match.end, TermLink(match.phrase, term.slug, term.definition, name)
