"""What the EPUB takes from one edition of the built site.

The book is made from the HTML that `mkdocs build` wrote, as the PDF is: the
Traditional edition's text is then exactly the site's, converted once by the
site's own converter and overrides. Pages are taken in navigation order and
sorted by what they are: collection pages (a part title when there is more
than one collection), essays, the glossary's index (its categories and their
order) and one entry per term.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from ..built_site import GLOSSARY, BuiltSite, collection_date, read_site, site_url, text_of
from ..publication import CollectionFacts

HEADING = re.compile(r"h([1-6])")


@dataclass(frozen=True)
class Section:
    level: int  # 2 for an h2 …
    id: str
    title: str


@dataclass
class Page:
    """One page of the site in the book: an essay or a collection's own page."""

    url: str  # site-relative folder URL: "mass-line-essays/essay-01/"
    title: str  # its h1
    article: ET.Element  # the page's text, browser-only parts removed
    sections: list[Section] = field(default_factory=list)  # headings with an id, below the h1


@dataclass
class Collection:
    """A text of the handbook: its own page, and its essays in order."""

    page: Page
    date: str  # as the site shows it, "" when the text gives none
    essays: list[Page] = field(default_factory=list)


@dataclass
class Entry:
    """A glossary term: its page's slug, the term, the rest of its page."""

    slug: str
    term: str
    article: ET.Element


@dataclass
class Category:
    title: str
    slugs: list[str]


@dataclass
class SiteEdition:
    """One edition of the built site as the EPUB reads it."""

    built: BuiltSite  # the edition's facts: name, editor, language …
    collections: list[Collection]
    glossary_title: str  # the glossary index's h1; "" without a glossary
    categories: list[Category]  # the glossary's index: categories and their terms, in order
    entries: dict[str, Entry]  # by slug

    @property
    def essays(self) -> list[Page]:
        return [essay for collection in self.collections for essay in collection.essays]

    @property
    def facts(self) -> tuple[CollectionFacts, ...]:
        """What the book says of its collections (publication.py)."""
        return tuple(CollectionFacts(c.page.title, c.date, len(c.essays)) for c in self.collections)


def read_page(site: BuiltSite, url: str) -> Page:
    article = site.article(url)
    h1 = next(article.iter("h1"), None)
    sections = [
        Section(int(m[1]), el.get("id") or "", text_of(el))
        for el in article.iter()
        if (m := HEADING.fullmatch(str(el.tag))) and m[1] != "1" and el.get("id")
    ]
    return Page(url, text_of(h1) if h1 is not None else "", article, sections)


def read_glossary(site: BuiltSite) -> tuple[str, list[Category], dict[str, Entry]]:
    """The glossary's title, its categories (from its index, in order) and its entries."""
    urls = site.glossary
    if GLOSSARY not in urls:
        return "", [], {}
    index = site.article(GLOSSARY)
    heading = next(index.iter("h1"), None)
    categories: list[Category] = []
    for el in index:
        if el.tag == "h2":
            categories.append(Category(text_of(el), []))
        elif el.tag == "ul" and categories:
            for a in el.iter("a"):
                found = site_url(GLOSSARY, a.get("href") or "")
                if found and found[0] in urls:
                    categories[-1].slugs.append(found[0].removeprefix(GLOSSARY).strip("/"))
    entries = {}
    for slugs in (c.slugs for c in categories):
        for slug in slugs:
            article = site.article(f"{GLOSSARY}{slug}/")
            h1 = next(article.iter("h1"))
            article.remove(h1)
            entries[slug] = Entry(slug, text_of(h1), article)
    return (text_of(heading) if heading is not None else ""), categories, entries


def read_edition(root: Path) -> SiteEdition:
    """Read the edition of the built site whose home page is root/index.html."""
    site = read_site(root)
    collections = []
    for url in site.collections:
        page = read_page(site, url)
        members = [read_page(site, u) for u in site.essays(url)]
        collections.append(Collection(page, collection_date(page.article), members))
    glossary_title, categories, entries = read_glossary(site)
    return SiteEdition(site, collections, glossary_title, categories, entries)
