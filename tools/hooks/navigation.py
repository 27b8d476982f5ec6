"""MkDocs hook over handbook.navigation: titles a reader recognises (sections
after their collection, essays with their markers, front matter escaped), the
glossary last in pinyin order, previous/next in reading order (home, essays,
glossary), a long section's pages in runs, no HTML tooltip for a cut-off
title holding `<`."""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from handbook.navigation import (
    NavigationSettings,
    glossary_order,
    is_glossary,
    link_reading_order,
    list_in_runs,
    page_title,
    pages_in,
    section_title,
    without_markup_tooltips,
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
    link_reading_order(nav.pages)
    # Last, once the order is set: runs regroup the navigation, not the reading order.
    try:
        settings = NavigationSettings.from_extra(config.extra)
    except ValueError as error:
        raise PluginError(str(error)) from None
    for section in (item for item in nav.items if isinstance(item, Section)):
        kind = "glossary" if any(section is g for g in glossary) else "essays"
        list_in_runs(section, index_of(section), settings, kind, Section)
    return nav


def on_page_markdown(markdown: str, page: Page, config, files: Files) -> str:
    if (title := page_title(page.meta)) is not None:
        # Material takes the <title> from the front matter, the nav from page.title
        page.title = page.meta["title"] = title
    return markdown


def on_post_page(output: str, page: Page, config) -> str:
    return without_markup_tooltips(output)


def on_post_template(output: str, template_name: str, config) -> str:
    return without_markup_tooltips(output)
