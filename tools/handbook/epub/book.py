"""One edition of the built site as an EPUB 3 book.

The reading order: the cover, the title page, the contents, each essay as a
chapter (with a part page per collection when there are several), the
glossary, the colophon. The package lists them with the stylesheet, the
cover image and, when embedded, the fonts; the navigation document and the
NCX give the same contents.
"""

from __future__ import annotations

import copy
import html
from dataclasses import dataclass
from pathlib import Path

from ..addresses import DOWNLOADS, epub_name
from ..built_site import page_lists
from ..editions import Edition
from ..publication import Publication
from . import chapters, contents
from .chapters import GLOSSARY_FILE, Book, chapter_file, document
from .cover import cover_png
from .package import Item, opf, write_ocf
from .pages import Page, SiteEdition, read_edition
from .typefaces import STYLE_CSS, book_font, embedded_fonts

COVER, TITLE_PAGE, COLOPHON, COVER_IMAGE = (
    "cover.xhtml",
    "title.xhtml",
    "colophon.xhtml",
    "cover.png",
)
FONT_CHOICES = ("none", "embed")


@dataclass(frozen=True)
class Settings:
    fonts: str = "none"  # embed: subsets of the book's fonts go into the file


def e(text: str) -> str:
    return html.escape(text, quote=False)


def cover_document(pub: Publication) -> str:
    alt = " ".join([pub.title, *(c.title for c in pub.collections), pub.edition])
    body = (
        f'<section epub:type="cover" class="cover">'
        f'<img src="{COVER_IMAGE}" alt="{html.escape(alt)}"/></section>'
    )
    return document(pub.lang, pub.words["cover"], body)


def title_document(pub: Publication) -> str:
    out = [f'<p class="series">{e(pub.title)}</p>']
    for collection in pub.collections:
        out.append(f"<h1>{e(collection.title)}</h1>")
        if collection.date:
            out.append(f'<p class="collection-date">{e(collection.chinese_date)}</p>')
    if pub.editor:
        out.append(f'<p class="editor">{e(pub.editor)}</p>')
    out.append(f'<p class="edition">{e(pub.edition)}</p>')
    body = f'<section epub:type="titlepage" class="title-page">\n{chr(10).join(out)}\n</section>'
    return document(pub.lang, pub.title, body, "frontmatter")


def colophon_document(pub: Publication) -> str:
    title = pub.words["colophon"]
    lines = [
        f"<dt>{e(label)}</dt><dd>{e(text)}</dd>" if label else f"<dd>{e(text)}</dd>"
        for label, text in pub.colophon()
    ]
    body = (
        f'<section epub:type="colophon" class="colophon">\n<h1>{e(title)}</h1>\n'
        f"<dl>\n{chr(10).join(lines)}\n</dl>\n</section>"
    )
    return document(pub.lang, title, body, "backmatter")


def part_page(page: Page, book: Book) -> Page:
    """A collection's own page as a part title: its list of essays is the contents' job."""
    article = copy.deepcopy(page.article)
    for ul in page_lists(article, page.url, book.files):
        article.remove(ul)
    return Page(page.url, page.title, article, page.sections)


def toc_entries(site: SiteEdition, pub: Publication) -> list[contents.Entry]:
    several = len(site.collections) > 1
    entries: list[contents.Entry] = []
    for collection in site.collections:
        essays = [contents.essay_entry(p, chapter_file(p.url)) for p in collection.essays]
        if several:
            part = collection.page
            entries.append(contents.Entry(part.title, chapter_file(part.url), essays))
        else:
            entries += essays
    if site.entries:
        categories = [
            contents.Entry(c.title, f"{GLOSSARY_FILE}#{chapters.category_id(n)}")
            for n, c in enumerate(site.categories, start=1)
        ]
        entries.append(contents.Entry(site.glossary_title, GLOSSARY_FILE, categories))
    entries.append(contents.Entry(pub.words["colophon"], COLOPHON))
    return entries


def text_documents(site: SiteEdition, pub: Publication) -> list[tuple[str, str]]:
    """(file, XHTML) of the reading order after the contents: parts and
    essays, the glossary, the colophon."""
    several = len(site.collections) > 1
    pages = [c.page for c in site.collections if several] + site.essays
    book = Book({p.url: chapter_file(p.url) for p in pages}, site.entries)
    back = pub.words["back"]
    out = []
    for collection in site.collections:
        if several:
            part = part_page(collection.page, book)
            out.append(
                (
                    chapter_file(part.url),
                    chapters.chapter(part, book, site.built.lang, back, "part"),
                )
            )
        for page in collection.essays:
            out.append(
                (chapter_file(page.url), chapters.chapter(page, book, site.built.lang, back))
            )
    if site.entries:
        out.append((GLOSSARY_FILE, chapters.glossary(site, book)))
    out.append((COLOPHON, colophon_document(pub)))
    return out


def landmarks(site: SiteEdition, words: dict[str, str]) -> list[tuple[str, str, str]]:
    """(epub:type, title, file) of the places a reader's "go to" menu lists."""
    first = chapter_file(site.essays[0].url) if site.essays else COLOPHON
    marks = [
        ("cover", words["cover"], COVER),
        ("titlepage", words["title_page"], TITLE_PAGE),
        ("toc", words["contents"], f"{contents.NAV_FILE}#toc"),
        ("bodymatter", words["text"], first),
    ]
    if site.entries:
        marks.append(("glossary", site.glossary_title, GLOSSARY_FILE))
    return [*marks, ("colophon", words["colophon"], COLOPHON)]


def book_items(site: SiteEdition, pub: Publication, settings: Settings) -> list[Item]:
    """Every file of the book, in reading order where it is read."""
    words, entries = pub.words, toc_entries(site, pub)
    nav = contents.nav_document(site.built.lang, words["contents"], entries, landmarks(site, words))
    documents = [
        (COVER, cover_document(pub)),
        (TITLE_PAGE, title_document(pub)),
        (contents.NAV_FILE, nav),
        *text_documents(site, pub),
    ]
    style = STYLE_CSS.read_bytes()
    fonts: list[tuple[str, bytes]] = []
    if settings.fonts == "embed":
        faces, fonts = embedded_fonts([x for _, x in documents], site.built.lang)
        style = faces.encode() + style
    items = [
        Item(name, data.encode(), "nav" if name == contents.NAV_FILE else "", spine=True)
        for name, data in documents
    ]
    ncx = contents.ncx(pub.identifier, pub.title, entries)
    items += [
        Item(contents.NCX_FILE, ncx.encode()),
        Item(chapters.STYLESHEET, style),
        Item(COVER_IMAGE, cover_png(pub, book_font(site.built.lang)), "cover-image"),
    ]
    return items + [Item(name, data) for name, data in fonts]


def write_book(site_dir: Path, edition: Edition, docs: Path, settings: Settings) -> Path:
    """Make one edition's EPUB in its downloads/ folder; return its path."""
    site = read_edition(edition.root(site_dir))
    pub = Publication.of(site.built, edition, site.facts, docs)
    items = book_items(site, pub, settings)
    package = opf(pub, items, contents.NCX_FILE, COVER_IMAGE)
    files = [("package.opf", package.encode())] + [(i.name, i.data) for i in items]
    target = edition.root(site_dir) / DOWNLOADS / epub_name(pub.title)
    write_ocf(target, files, pub.built)
    return target
