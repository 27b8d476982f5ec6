"""MkDocs hook: navigation titles a reader recognises.

- A folder's section is named after its index page's title (the collection's
  title), not after the folder (`mass-line-essays`).
- An essay is listed with its marker, `第一篇 我们党群众路线内容`, as the text
  numbers it; the front matter keeps the bare title.
- Front-matter text reaches the HTML unescaped (MkDocs' templates do not
  autoescape), so a title like `<script>…` from a source is escaped here.
- Material shows a title cut off by its width (`.md-ellipsis`) in full in a
  tooltip, which it fills in as HTML from the title's text: a title holding
  `<` keeps its look (handbook.css) without that tooltip.
"""

from __future__ import annotations

import html
import re

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from handbook.site import GLOSSARY_DIR


def on_nav(nav: Navigation, config, files: Files) -> Navigation:
    for item in nav.items:
        if isinstance(item, Section):
            index = next((c for c in item.children if getattr(c, "is_index", False)), None)
            if index is not None:
                _, meta = get_data(index.file.content_string)
                item.title = html.escape(meta["title"]) if "title" in meta else item.title
    # The glossary follows the texts it explains (MkDocs sorts folders by name).
    nav.items.sort(key=lambda item: is_glossary(item))
    return nav


def is_glossary(item) -> bool:
    return isinstance(item, Section) and any(
        getattr(c, "file", None) and c.file.src_uri == f"{GLOSSARY_DIR}/index.md"
        for c in item.children
    )


# Front-matter values Material's templates print.
TEMPLATE_TEXT = ("title", "subtitle", "description")


def on_page_markdown(markdown: str, page: Page, config, files: Files) -> str:
    for key in TEMPLATE_TEXT:
        if isinstance(page.meta.get(key), str):
            page.meta[key] = html.escape(page.meta[key])
    if "title" in page.meta:
        marker = page.meta.get("marker")
        title = f"{marker} {page.meta['title']}" if marker else page.meta["title"]
        # Material takes the <title> from the front matter, the nav from page.title
        page.title = page.meta["title"] = title
    return markdown


# A cut-off title whose text holds `<` (escaped in the page as &lt;).
ELLIPSIS_WITH_MARKUP = re.compile(r'<(span|div) class="md-ellipsis">([^<]*&lt;[^<]*)</\1>')


def without_markup_tooltips(output: str) -> str:
    return ELLIPSIS_WITH_MARKUP.sub(r'<\1 class="handbook-ellipsis">\2</\1>', output)


def on_post_page(output: str, page: Page, config) -> str:
    return without_markup_tooltips(output)


def on_post_template(output: str, template_name: str, config) -> str:
    return without_markup_tooltips(output)
