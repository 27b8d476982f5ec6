"""The site's pages as the book's XHTML documents.

An essay page becomes one chapter: its headings and paragraphs as the site
has them (ids kept, so a place in the text has the same anchor in the book as
on the site), bylines and subtitles with their classes, and every term link
made an EPUB 3 noteref to a footnote at the chapter's end. The footnote holds
the term's definition and links to the glossary's entry; readers that show
footnotes in a pop-up show it at a tap, the others have its back link. The
glossary's pages become one glossary document, a definition list by category.

Links between pages become links between the book's files; a link to a page
that is not in the book keeps its words only.
"""

from __future__ import annotations

import copy
import html
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ..built_site import GLOSSARY, site_url
from .pages import Entry, Page, SiteEdition

XHTML = "http://www.w3.org/1999/xhtml"
OPS = "http://www.idpf.org/2007/ops"
STYLESHEET = "style.css"
GLOSSARY_FILE = "glossary.xhtml"
# Attributes of the site's markup that the book keeps; the rest is the browser's.
KEPT_ATTRIBUTES = ("id", "class", "href")


def chapter_file(url: str) -> str:
    """The book's file for a site page: mass-line-essays/essay-01/ → mass-line-essays.essay-01.xhtml.

    Slugs hold no dot, so no page's file can take the name of the book's own
    documents (cover.xhtml, glossary.xhtml …); a collection's own page is
    <collection>.index.xhtml."""
    parts = url.strip("/").split("/")
    return ".".join(parts if len(parts) > 1 else [*parts, "index"]) + ".xhtml"


def document(lang: str, title: str, body: str, body_type: str = "") -> str:
    """A complete XHTML content document of the book."""
    typed = f' epub:type="{body_type}"' if body_type else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        f'<html xmlns="{XHTML}" xmlns:epub="{OPS}" xml:lang="{lang}" lang="{lang}">\n'
        f"<head>\n<title>{html.escape(title, quote=False)}</title>\n"
        f'<link rel="stylesheet" type="text/css" href="{STYLESHEET}"/>\n</head>\n'
        f"<body{typed}>\n{body}\n</body>\n</html>\n"
    )


def serialize(el: ET.Element) -> str:
    return ET.tostring(el, encoding="unicode", method="xml")


def inner(el: ET.Element) -> str:
    """An element's content, as XHTML."""
    head = html.escape(el.text or "", quote=False)
    return head + "".join(serialize(child) for child in el)


@dataclass
class Book:
    """Where each site page lives in the book."""

    files: dict[str, str]  # site URL → the book's file
    entries: dict[str, Entry]  # glossary entries by slug

    def target(self, base_url: str, href: str) -> str | None:
        """The book's link for a link on the site page at `base_url`; None if
        its target is not in the book."""
        found = site_url(base_url, href)
        if found is None:
            return None
        url, fragment = found
        if url.startswith(GLOSSARY):
            slug = url.removeprefix(GLOSSARY).strip("/")
            return f"{GLOSSARY_FILE}#{slug}" if slug in self.entries else GLOSSARY_FILE
        if url not in self.files:
            return None
        return self.files[url] + (f"#{fragment}" if fragment else "")


def clean(el: ET.Element, book: Book, base_url: str, keep_ids: bool = True) -> None:
    """The site's markup made the book's: browser-only attributes dropped,
    links pointed into the book (or dropped, their words kept)."""
    for node in el.iter():
        if "epub:type" in node.attrib:  # made by the book
            continue
        attrs = {k: v for k, v in node.attrib.items() if k in KEPT_ATTRIBUTES}
        if not keep_ids:
            attrs.pop("id", None)
        if "href" in attrs:
            target = book.target(base_url, attrs["href"])
            if target is None:
                del attrs["href"]
            else:
                attrs["href"] = target
        node.attrib.clear()
        node.attrib.update(attrs)


def term_slug(a: ET.Element, base_url: str) -> str | None:
    """The glossary entry a link of the site's text names, if it is a term link."""
    found = site_url(base_url, a.get("href") or "")
    if a.tag != "a" or found is None or not found[0].startswith(GLOSSARY):
        return None
    return found[0].removeprefix(GLOSSARY).strip("/") or None


@dataclass(frozen=True)
class Note:
    number: int
    slug: str
    term: str
    definition: str


def make_noterefs(article: ET.Element, page: Page, book: Book) -> list[Note]:
    """Turn each term link into a noteref to a numbered footnote; the notes in order."""
    notes: list[Note] = []
    for a in article.iter("a"):
        slug = term_slug(a, page.url)
        if slug is None or slug not in book.entries:
            continue
        n = len(notes) + 1
        notes.append(Note(n, slug, book.entries[slug].term, a.get("title") or ""))
        a.attrib.clear()
        a.attrib.update(
            {"id": f"ref-{n}", "href": f"#note-{n}", "epub:type": "noteref", "role": "doc-noteref"}
        )
    return notes


def footnotes(notes: list[Note], back: str) -> str:
    asides = []
    for note in notes:
        term = html.escape(note.term, quote=False)
        definition = html.escape(note.definition, quote=False)
        asides.append(
            f'<aside epub:type="footnote" role="doc-footnote" id="note-{note.number}">'
            f'<p><a class="note-term" href="{GLOSSARY_FILE}#{note.slug}">{term}</a>'
            f"{'：' + definition if definition else ''}"
            f' <a class="note-back" href="#ref-{note.number}" role="doc-backlink">{back}</a></p>'
            "</aside>"
        )
    return f'<section class="notes">\n{chr(10).join(asides)}\n</section>' if asides else ""


def chapter(page: Page, book: Book, lang: str, back: str, body_type: str = "bodymatter") -> str:
    """An essay's (or a collection's own) page as a chapter of the book."""
    article = copy.deepcopy(page.article)
    notes = make_noterefs(article, page, book)
    clean(article, book, page.url)
    kind = "chapter" if body_type == "bodymatter" else "part"
    section = (
        f'<section epub:type="{kind}" role="doc-{kind}">\n{inner(article).strip()}\n</section>'
    )
    notes_html = footnotes(notes, back)
    return document(
        lang, page.title, section + ("\n" + notes_html if notes_html else ""), body_type
    )


def entry_html(entry: Entry, book: Book) -> str:
    """One glossary entry: the term, then its page's text (headings made run-in labels)."""
    body = copy.deepcopy(entry.article)
    clean(body, book, f"{GLOSSARY}{entry.slug}/", keep_ids=False)
    for el in body.iter():
        if el.tag in {"h2", "h3", "h4"}:
            el.tag = "p"
            el.set("class", "entry-heading")
    term = html.escape(entry.term, quote=False)
    return (
        f'<dt id="{entry.slug}" epub:type="glossterm">{term}</dt>\n'
        f'<dd epub:type="glossdef">{inner(body).strip()}</dd>'
    )


def category_id(n: int) -> str:
    """The anchor of the glossary's n-th category (from 1)."""
    return f"category-{n}"


def glossary(site: SiteEdition, book: Book) -> str:
    """The glossary document: its categories in the site's order, each a definition list."""
    title = site.glossary_title
    out = [f"<h1>{html.escape(title, quote=False)}</h1>"]
    for n, category in enumerate(site.categories, start=1):
        out.append(f'<h2 id="{category_id(n)}">{html.escape(category.title, quote=False)}</h2>')
        items = [entry_html(site.entries[slug], book) for slug in category.slugs]
        out.append("<dl>\n" + "\n".join(items) + "\n</dl>")
    section = (
        '<section epub:type="glossary" role="doc-glossary">\n' + "\n".join(out) + "\n</section>"
    )
    return document(site.built.lang, title, section, "backmatter")
