"""What search reads of each page: its kind, and the text of its sections.

A section is a heading with an id and what follows it up to the next such
heading; the page's first section starts at its title (anchor ""). Its text
is what a reader sees, one line per block, so that a query never matches
across two paragraphs.
"""

from __future__ import annotations

import enum
import html
import re
from dataclasses import dataclass

from handbook.addresses import GLOSSARY_DIR


class Kind(enum.Enum):
    ESSAY = "essay"  # every section is searched
    TERM = "term"  # a glossary entry: its first section, before the concordance
    NAVIGATION = "navigation"  # home, collection and glossary lists: not searched


@dataclass(frozen=True)
class KindRule:
    name: str
    kind: Kind
    example: str  # a page path under docs/ the rule names

    def matches(self, path: str) -> bool:
        if self.kind is Kind.NAVIGATION:
            return path == "index.md" or path.endswith("/index.md")
        if self.kind is Kind.TERM:
            return path.startswith(f"{GLOSSARY_DIR}/")
        return True


# The first rule that matches names the page's kind.
KIND_RULES = (
    KindRule("lists of pages", Kind.NAVIGATION, "mass-line-essays/index.md"),
    KindRule("glossary entry", Kind.TERM, f"{GLOSSARY_DIR}/si-feng.md"),
    KindRule("essay", Kind.ESSAY, "mass-line-essays/essay-02.md"),
)


def page_kind(path: str) -> Kind:
    """The kind of the page built from `path` under docs/."""
    return next(rule.kind for rule in KIND_RULES if rule.matches(path))


@dataclass(frozen=True)
class Section:
    anchor: str  # "" for the page's first section
    title: str
    text: str


TAG = re.compile(r"<[^>]*>")
# Breaks between blocks keep a query from matching across paragraphs.
BLOCK_BREAK = re.compile(r"\s*\n\s*")
SPACES = re.compile(r"[^\S\n]+")


def plain_text(value: str) -> str:
    """The reader-visible text of an HTML fragment whose blocks are tags:
    markup and zero-width word separators gone, one line per block."""
    text = html.unescape(TAG.sub("\n", value.replace("\u200b", "")))
    return BLOCK_BREAK.sub("\n", SPACES.sub(" ", text)).strip()
