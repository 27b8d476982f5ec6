"""Where every part of the handbook lives: slugs, anchors, page paths, links.

A page is named by its path under docs/ (`mass-line-essays/essay-01.md`), as
MkDocs names its files; a link from one page to another is the second path
relative to the first one's folder, as MkDocs' `File.url_relative_to` makes
it, so the same Markdown works in both editions and opened from disk. The
converter, the MkDocs hooks and the PDF maker all take their names from here.
"""

from __future__ import annotations

import functools
import posixpath
import re
from urllib.parse import quote

from .model import Collection, Heading, Paragraph

# Folders of the built site.
GLOSSARY_DIR = "glossary"  # the glossary's pages, docs/glossary/
DOWNLOADS = "downloads"  # each edition's PDF and EPUB
TRADITIONAL_DIR = "zh-Hant"  # the Traditional edition's nested build
# A text's folder must not take one of these: the glossary, the hand-written
# assets, the PDFs and the search index (Material's).
RESERVED_FOLDERS = frozenset({GLOSSARY_DIR, "assets", DOWNLOADS, "search"})

HOME = "index.md"
GLOSSARY_INDEX = f"{GLOSSARY_DIR}/index.md"

# Anchors on an essay page: sections s1 …, paragraphs p1 …, in page order.
SECTION_ANCHOR = "s"
PARAGRAPH_ANCHOR = "p"

NOT_SLUG = re.compile(r"[^a-z0-9]+")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SLUG_MAX = 60


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: `Mass_Line essays` → mass-line-essays."""
    return NOT_SLUG.sub("-", text.lower()).strip("-")


def is_slug(text: str) -> bool:
    """Whether a name given by hand (a glossary entry's slug) is one."""
    return SLUG.fullmatch(text) is not None


def collection_slug(stem: str, taken: set[str]) -> str:
    """A folder name for a source file (its stem), distinct from the others."""
    base = slug(stem)[:SLUG_MAX] or "text"
    name, n = base, 2
    while name in taken or name in RESERVED_FOLDERS:
        name, n = f"{base}-{n}", n + 1
    taken.add(name)
    return name


def essay_slug(position: int, count: int) -> str:
    """essay-01 …: numbered wide enough that file names sort in reading order
    (essay-100 after essay-099 when a text has a hundred essays or more)."""
    return f"essay-{position:0{max(2, len(str(count)))}d}"


def assign_addresses(collection: Collection) -> None:
    """Name each essay's page and give its sections and paragraphs stable
    anchors, numbered in page order (s1 …, p1 …): the same source gives the
    same addresses, in both editions."""
    for position, essay in enumerate(collection.essays, start=1):
        essay.slug = essay_slug(position, len(collection.essays))
        sections = paragraphs = 0
        for article in essay.articles:
            if article.title:
                sections += 1
                article.anchor = f"{SECTION_ANCHOR}{sections}"
            for block in article.blocks:
                if isinstance(block, Heading):
                    sections += 1
                    block.anchor = f"{SECTION_ANCHOR}{sections}"
                elif isinstance(block, Paragraph):
                    paragraphs += 1
                    block.anchor = f"{PARAGRAPH_ANCHOR}{paragraphs}"


def paragraph_number(anchor: str) -> int | None:
    """The paragraph's place on its page, as a reader counts (p12 → 12);
    None for a section's or the title's anchor."""
    number = anchor.removeprefix(PARAGRAPH_ANCHOR)
    return int(number) if number != anchor and number.isdigit() else None


def slug_order(term_slug: str) -> tuple[str, ...]:
    """Sort key of a term by its slug, syllable by syllable: the slug is the
    term's pinyin, so 焦裕禄 (jiao-yu-lu) comes before 焦裕禄精神
    (jiao-yu-lu-jing-shen), which a file name's `.md` would put first."""
    return tuple(term_slug.split("-"))


def collection_index(collection_slug: str) -> str:
    return f"{collection_slug}/index.md"


def essay_page(collection_slug: str, essay_slug: str) -> str:
    return f"{collection_slug}/{essay_slug}.md"


def term_page(term_slug: str) -> str:
    return f"{GLOSSARY_DIR}/{term_slug}.md"


@functools.cache
def relative(from_page: str, to_page: str) -> str:
    """The path of `to_page` from `from_page`'s folder: `../glossary/si-feng.md`."""
    here = from_page.split("/")[:-1]
    there = to_page.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


def link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A link on `from_page` to `to_page`, at `anchor` if given."""
    return anchored(relative(from_page, to_page), anchor)


def anchored(href: str, anchor: str) -> str:
    """A link to a page, made a link to a place on it (none for "")."""
    return f"{href}#{anchor}" if anchor else href


def pdf_name(site_name: str) -> str:
    """The PDF's file name inside an edition's downloads/ folder.

    Named after the site so that a file shared in a chat group says what it
    is; the PDF maker and the download link both use it.
    """
    return f"{site_name}.pdf"


def pdf_url(site_name: str) -> str:
    """The PDF's URL from the edition's root."""
    return f"{DOWNLOADS}/{quote(pdf_name(site_name))}"


def epub_name(site_name: str) -> str:
    """The EPUB's file name inside an edition's downloads/ folder, named as the PDF is."""
    return f"{site_name}.epub"


def epub_url(site_name: str) -> str:
    """The EPUB's URL from the edition's root."""
    return f"{DOWNLOADS}/{quote(epub_name(site_name))}"


def counterpart(url: str, from_root: str, to_root: str) -> str:
    """Link from page `url` of the edition at `from_root` to the same page of
    the edition at `to_root` (URL paths from the site's root, "" or zh-Hant)."""
    here = posixpath.join("/", from_root, url)
    there = posixpath.join("/", to_root, url)
    base = here if here.endswith("/") else posixpath.dirname(here)
    path = posixpath.relpath(there, base)
    if path == ".":
        return "./"
    return path + "/" if there.endswith("/") else path
