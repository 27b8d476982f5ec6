"""The glossary's enrichment step: find every term in the text once, and
mark what was found in the model.

- a term's first use in each section (an article, restarted by every
  heading) becomes a `TermLink` inline of its paragraph; headings and titles
  are never linked;
- each essay gets the terms its page uses, in order of first use;
- the handbook gets its `Glossary`: every occurrence of every term (the
  concordance) and the passage each term's citation quotes.

The writers then render what the model holds.
"""

from __future__ import annotations

from ..addresses import essay_page
from ..model import (
    Glossary,
    Handbook,
    Heading,
    Inline,
    Occurrence,
    Paragraph,
    Term,
    TermLink,
    Text,
)
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
        used = page_terms.setdefault(passage.page, {})
        for match in matches:
            occurrences[match.term.slug].append(Occurrence(passage, match.start, match.end))
            used.setdefault(match.term.term)
        if isinstance(passage.block, Paragraph):
            in_paragraph[passage.page, passage.anchor] = matches
    for collection in handbook.collections:
        for essay in collection.essays:
            page = essay_page(collection.slug, essay.slug)
            essay.terms = list(page_terms.get(page, {}))
            for article in essay.articles:
                seen: set[str] = set()  # terms linked in this section
                for block in article.blocks:
                    if isinstance(block, Heading):
                        seen = set()
                    elif isinstance(block, Paragraph):
                        firsts = []
                        for match in in_paragraph.get((page, block.anchor), []):
                            if match.term.slug not in seen:
                                seen.add(match.term.slug)
                                firsts.append(match)
                        if firsts:
                            block.inlines = with_links(block.inlines, firsts)
    handbook.glossary = Glossary(terms, occurrences, definition_sites(texts, terms))


def with_links(inlines: list[Inline], matches: list[Match]) -> list[Inline]:
    """The inlines with each match inside a Text made a TermLink. Matches are
    in text order, with offsets into the inlines' plain text; one that is not
    inside a single Text (it crosses into another inline) stays unlinked."""
    out: list[Inline] = []
    pending = iter(matches)
    match = next(pending, None)
    offset = 0  # of the current inline in the plain text
    for inline in inlines:
        end = offset + len(inline.text)
        if not isinstance(inline, Text):
            out.append(inline)
        else:
            position = offset
            while match is not None and match.start < end:
                if match.start >= position and match.end <= end:
                    if match.start > position:
                        out.append(Text(inline.text[position - offset : match.start - offset]))
                    term = match.term
                    out.append(TermLink(match.phrase, term.slug, term.definition))
                    position = match.end
                match = next(pending, None)
            if position < end:
                out.append(Text(inline.text[position - offset :]))
        while match is not None and match.start < end:  # skipped: not inside a Text
            match = next(pending, None)
        offset = end
    return out
