"""The book's table of contents, twice: the EPUB 3 navigation document and
the NCX that older readers (EPUB 2 apps, some e-ink devices) read instead.

One tree of entries feeds both: each collection when there are several, each
essay, and under an essay its article titles and sections, nested as their
heading levels nest; then the glossary and the colophon. The navigation
document also has landmarks (cover, title page, contents, text, glossary,
colophon) so a reader's "go to" menu finds them.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from .chapters import document
from .pages import Page

NAV_FILE = "nav.xhtml"
NCX_FILE = "toc.ncx"


@dataclass
class Entry:
    title: str
    href: str
    children: list[Entry] = field(default_factory=list)


def essay_entry(page: Page, file: str) -> Entry:
    """An essay and its sections, a section under the nearest heading above it
    of a higher level (an h3 before any h2 sits under the essay)."""
    essay = Entry(page.title, file)
    stack: list[tuple[int, Entry]] = [(1, essay)]
    for section in page.sections:
        while stack[-1][0] >= section.level:
            stack.pop()
        entry = Entry(section.title, f"{file}#{section.id}")
        stack[-1][1].children.append(entry)
        stack.append((section.level, entry))
    return essay


def walk(entries: list[Entry]) -> list[Entry]:
    return [e for entry in entries for e in (entry, *walk(entry.children))]


def nav_list(entries: list[Entry], indent: str = "") -> str:
    items = []
    for entry in entries:
        title = html.escape(entry.title, quote=False)
        children = (
            f"\n{nav_list(entry.children, indent + '  ')}\n{indent}" if entry.children else ""
        )
        items.append(f'{indent}<li><a href="{entry.href}">{title}</a>{children}</li>')
    return f"{indent}<ol>\n" + "\n".join(items) + f"\n{indent}</ol>"


def nav_document(
    lang: str, title: str, entries: list[Entry], landmarks: list[tuple[str, str, str]]
) -> str:
    """The navigation document: contents, and (epub:type, title, href) landmarks."""
    marks = "\n".join(
        f'<li><a epub:type="{kind}" href="{href}">{html.escape(name, quote=False)}</a></li>'
        for kind, name, href in landmarks
    )
    body = (
        f'<nav epub:type="toc" role="doc-toc" id="toc">\n<h1>{html.escape(title, quote=False)}</h1>\n'
        f"{nav_list(entries)}\n</nav>\n"
        f'<nav epub:type="landmarks" hidden="hidden">\n<ol>\n{marks}\n</ol>\n</nav>'
    )
    return document(lang, title, body)


def ncx(identifier: str, title: str, entries: list[Entry]) -> str:
    """The NCX: the same tree, its entries numbered in reading order."""
    order = {id(entry): n for n, entry in enumerate(walk(entries), start=1)}

    def points(items: list[Entry], indent: str) -> str:
        out = []
        for entry in items:
            n = order[id(entry)]
            inner = points(entry.children, indent + "  ")
            out.append(
                f'{indent}<navPoint id="point-{n}" playOrder="{n}">'
                f"<navLabel><text>{html.escape(entry.title, quote=False)}</text></navLabel>"
                f'<content src="{entry.href}"/>'
                + (f"\n{inner}\n{indent}" if inner else "")
                + "</navPoint>"
            )
        return "\n".join(out)

    depth = 0
    stack = [(entry, 1) for entry in entries]
    while stack:
        entry, level = stack.pop()
        depth = max(depth, level)
        stack += [(child, level + 1) for child in entry.children]
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">\n'
        f'<head>\n<meta name="dtb:uid" content="{html.escape(identifier)}"/>\n'
        f'<meta name="dtb:depth" content="{depth}"/>\n'
        '<meta name="dtb:totalPageCount" content="0"/>\n'
        '<meta name="dtb:maxPageNumber" content="0"/>\n</head>\n'
        f"<docTitle><text>{html.escape(title, quote=False)}</text></docTitle>\n"
        f"<navMap>\n{points(entries, '')}\n</navMap>\n</ncx>\n"
    )
