"""What search reads of each page: its kind, and the text of its sections.

A section is a heading with an id and what follows it up to the next such
heading; the page's first section starts at its title (anchor ""). Its text
is what a reader sees, one line per block, so that a query never matches
across two paragraphs.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from handbook.addresses import GLOSSARY_DIR, HOME, collection_index, essay_page, term_page


class Kind(enum.Enum):
    ESSAY = "essay"  # every section is searched
    TERM = "term"  # a glossary entry: its first section, before the concordance
    NAVIGATION = "navigation"  # home, collection and glossary lists: not searched


@dataclass(frozen=True)
class KindRule:
    name: str
    kind: Kind
    pattern: re.Pattern[str]  # matches the page's path under docs/
    example: str


def rule(name: str, kind: Kind, pattern: str, example: str) -> KindRule:
    return KindRule(name, kind, re.compile(pattern), example)


# The first rule whose pattern matches names the page's kind.
KIND_RULES = (
    rule("the home page", Kind.NAVIGATION, rf"^{re.escape(HOME)}$", HOME),
    # a collection's list of essays, and the glossary's index
    rule("a list of pages", Kind.NAVIGATION, r"/index\.md$", collection_index("texts")),
    rule("glossary entry", Kind.TERM, rf"^{GLOSSARY_DIR}/", term_page("si-feng")),
    rule("essay", Kind.ESSAY, r"", essay_page("texts", "essay-02")),
)


def page_kind(path: str) -> Kind:
    """The kind of the page built from `path` under docs/."""
    return next(r.kind for r in KIND_RULES if r.pattern.search(path))


@dataclass(frozen=True)
class Section:
    anchor: str  # "" for the page's first section
    title: str
    text: str
