"""MkDocs hook: navigation titles a reader recognises and the reading order
(handbook.navigation): sections named after their collection, essays listed
with their markers, front-matter titles escaped, the glossary last with its
terms in pinyin order, previous/next from home through the essays to the
glossary."""

from __future__ import annotations

from collections.abc import Iterator

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from handbook.navigation import (
    glossary_order,
    is_glossary,
    page_title,
    reading_order,
    section_title,
)


def index_of(section: Section) -> Page | None:
    return next((c for c in section.children if getattr(c, "is_index", False)), None)


def on_nav(nav: Navigation, config, files: Files) -> Navigation:
    glossary = []
    for section in (item for item in nav.items if isinstance(item, Section)):
        if (index := index_of(section)) is not None:
            section.title = section_title(get_data(index.file.content_string)[1], section.title)
            if is_glossary(index.file.src_uri):
                glossary.append(section)
                section.children.sort(key=lambda page: glossary_order(page.file.src_uri))
    # MkDocs sorts folders by name; the glossary follows the texts it explains.
    nav.items.sort(key=lambda item: any(item is section for section in glossary))
    nav.pages = list(pages_in(nav.items))  # in the order the navigation now shows them
    pages = {page.file.src_uri: page for page in nav.pages}
    for src, (before, after) in reading_order(list(pages)).items():
        pages[src].previous_page = pages[before] if before else None
        pages[src].next_page = pages[after] if after else None
    return nav


def pages_in(items: list) -> Iterator[Page]:
    for item in items:
        if isinstance(item, Page):
            yield item
        elif isinstance(item, Section):
            yield from pages_in(item.children)


def on_page_markdown(markdown: str, page: Page, config, files: Files) -> str:
    if (title := page_title(page.meta)) is not None:
        # Material takes the <title> from the front matter, the nav from page.title
        page.title = page.meta["title"] = title
    return markdown
