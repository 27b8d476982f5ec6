"""MkDocs hook: navigation titles a reader recognises.

- A folder's section is named after its index page's title (the collection's
  title), not after the folder (`mass-line-essays`).
- An essay is listed with its marker, `第一篇 我们党群众路线内容`, as the text
  numbers it; the front matter keeps the bare title.
"""

from __future__ import annotations

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data


def on_nav(nav: Navigation, config, files: Files) -> Navigation:
    for item in nav.items:
        if isinstance(item, Section):
            index = next((c for c in item.children if getattr(c, "is_index", False)), None)
            if index is not None:
                _, meta = get_data(index.file.content_string)
                item.title = meta.get("title", item.title)
    return nav


def on_page_markdown(markdown: str, page: Page, config, files: Files) -> str:
    marker = page.meta.get("marker")
    if marker and page.title and not page.title.startswith(marker):
        # Material takes the <title> from the front matter, the nav from page.title
        page.title = page.meta["title"] = f"{marker} {page.title}"
    return markdown
