"""MkDocs hook over handbook.navigation: titles a reader recognises (sections
after their collection, essays with their markers, front matter escaped
once), the glossary last in pinyin order, previous/next in reading order
(home, essays, glossary), a long section's pages in runs, no HTML tooltip
for a cut-off title holding `<`."""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from handbook.navigation import NavigationSettings, arrange, page_title, without_markup_tooltips


def on_nav(nav: Navigation, config, files: Files) -> Navigation:
    try:
        settings = NavigationSettings.from_extra(config.extra)
    except ValueError as error:
        raise PluginError(str(error)) from None
    front_matter = lambda page: get_data(page.file.content_string)[1]  # noqa: E731
    nav.pages = arrange(nav.items, front_matter, settings, Section)
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
