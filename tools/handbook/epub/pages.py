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
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import tinyhtml5

from ..addresses import GLOSSARY_DIR
from ..print.site import nav_urls

GLOSSARY = f"{GLOSSARY_DIR}/"  # the glossary's folder URL in the site
HEADING = re.compile(r"h([1-6])")
# What a built page carries for the browser only.
DROPPED_CLASSES = {"headerlink", "md-content__button", "md-source-file"}
ARTICLE = '<article class="md-content__inner'
DROPPED_TAGS = {"script", "style", "form", "noscript", "iframe", "object", "embed"}


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

    root: Path
    lang: str  # the pages' <html lang>
    name: str  # the site's name, in the edition's script
    description: str
    editor: str  # the site's author, "" when none is set
    collections: list[Collection]
    glossary_title: str  # the glossary index's h1; "" without a glossary
    categories: list[Category]  # the glossary's index: categories and their terms, in order
    entries: dict[str, Entry]  # by slug

    @property
    def essays(self) -> list[Page]:
        return [essay for collection in self.collections for essay in collection.essays]


def classes(el: ET.Element) -> set[str]:
    return set((el.get("class") or "").split())


def text_of(el: ET.Element) -> str:
    return " ".join("".join(el.itertext()).split())


def parse(path: Path) -> ET.Element:
    return tinyhtml5.parse(path.read_bytes(), namespace_html_elements=False)


def page_file(root: Path, url: str) -> Path:
    return root / url / "index.html"


def site_url(base_url: str, href: str) -> tuple[str, str] | None:
    """(site-relative folder URL, fragment) of a link on the page at
    `base_url`; None for a link out of the site."""
    if urlsplit(href).scheme or href.startswith("//"):
        return None
    target, fragment = urldefrag(urljoin(f"/{base_url}", href))
    path = unquote(target).lstrip("/").removesuffix("index.html")
    return path, fragment


def remove(parent: ET.Element, child: ET.Element) -> None:
    """Remove an element, keeping the text that follows it."""
    if child.tail:
        at = list(parent).index(child)
        if at:
            parent[at - 1].tail = (parent[at - 1].tail or "") + child.tail
        else:
            parent.text = (parent.text or "") + child.tail
    parent.remove(child)


def read_article(root: Path, url: str) -> ET.Element:
    """The page's article, browser-only parts removed. Only the article is
    parsed: the rest of a page is mostly navigation, and parsing it would
    take most of the book's time."""
    page = page_file(root, url).read_text(encoding="utf-8")
    start = page.find(ARTICLE)
    end = page.find("</article>", start)  # the text's own markup is escaped: no other one
    if start < 0 or end < 0:
        raise ValueError(f"{page_file(root, url)}: no article; build the site with Material")
    document = tinyhtml5.parse(page[start : end + 10], namespace_html_elements=False)
    article = next(document.iter("article"))
    for parent in list(article.iter()):
        for child in list(parent):
            if child.tag in DROPPED_TAGS or DROPPED_CLASSES & classes(child):
                remove(parent, child)
    return article


def read_page(root: Path, url: str) -> Page:
    article = read_article(root, url)
    h1 = next(article.iter("h1"), None)
    sections = [
        Section(int(m[1]), el.get("id") or "", text_of(el))
        for el in article.iter()
        if (m := HEADING.fullmatch(str(el.tag))) and m[1] != "1" and el.get("id")
    ]
    return Page(url, text_of(h1) if h1 is not None else "", article, sections)


def read_glossary(root: Path, urls: list[str]) -> tuple[str, list[Category], dict[str, Entry]]:
    """The glossary's title, its categories (from its index, in order) and its entries."""
    if GLOSSARY not in urls:
        return "", [], {}
    index = read_article(root, GLOSSARY)
    heading = next(index.iter("h1"), None)
    categories: list[Category] = []
    for el in index:
        if el.tag == "h2":
            categories.append(Category(text_of(el), []))
        elif el.tag == "ul" and categories:
            for a in el.iter("a"):
                found = site_url(GLOSSARY, a.get("href") or "")
                if found and found[0].startswith(GLOSSARY) and found[0] in urls:
                    categories[-1].slugs.append(found[0].removeprefix(GLOSSARY).strip("/"))
    entries = {}
    for slugs in (c.slugs for c in categories):
        for slug in slugs:
            article = read_article(root, f"{GLOSSARY}{slug}/")
            h1 = next(article.iter("h1"))
            article.remove(h1)
            entries[slug] = Entry(slug, text_of(h1), article)
    return (text_of(heading) if heading is not None else ""), categories, entries


def meta(document: ET.Element, name: str) -> str:
    found = next((m for m in document.iter("meta") if m.get("name") == name), None)
    return (found.get("content") or "") if found is not None else ""


def read_edition(root: Path) -> SiteEdition:
    """Read the edition of the built site whose home page is root/index.html."""
    home = parse(root / "index.html")
    urls = nav_urls(home, root)  # the print edition's reading of a pruned navigation
    title = next(iter(home.iter("title")), None)
    name = text_of(title).rsplit(" - ", 1)[-1] if title is not None else ""
    essays = [u for u in urls if u and not u.startswith(GLOSSARY)]
    parts = [u for u in essays if any(o != u and o.startswith(u) for o in essays)]
    collections = []
    for url in parts:
        page = read_page(root, url)
        date = next(
            (text_of(p) for p in page.article.iter("p") if "collection-date" in classes(p)), ""
        )
        members = [read_page(root, u) for u in essays if u != url and u.startswith(url)]
        collections.append(Collection(page, date, members))
    glossary_title, categories, entries = read_glossary(root, urls)
    return SiteEdition(
        root=root,
        lang=home.get("lang") or "",
        name=name,
        description=meta(home, "description"),
        editor=meta(home, "author"),
        collections=collections,
        glossary_title=glossary_title,
        categories=categories,
        entries=entries,
    )
