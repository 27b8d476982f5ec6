"""Navigation titles a reader recognises, whatever builds the site.

- A folder's section is named after its index page's title (the
  collection's title), not after the folder (`mass-line-essays`).
- An essay is listed with its marker, `第一篇 我们党群众路线内容`, as the text
  numbers it; the front matter keeps the bare title.
- Front-matter text reaches the HTML unescaped (MkDocs' templates do not
  autoescape), so a title like `<script>…` from a source is escaped here.
- Material shows a title cut off by its width (`.md-ellipsis`) in full in a
  tooltip, which it fills in as HTML from the title's text: a title holding
  `<` keeps its look (handbook.css) without that tooltip.
- The glossary follows the texts it explains, its terms in pinyin order.
- Reading order, which previous/next follow: the home page, the essays in
  order, then the glossary's index and its terms. A collection's own page
  lists what the home page lists; it is reached from the navigation and
  leads on to its first essay, but the chain does not pass through it.
"""

from __future__ import annotations

import html
import re
from typing import Any

from .addresses import GLOSSARY_DIR, GLOSSARY_INDEX, HOME, slug_order

# Front-matter values the site's templates print.
TEMPLATE_TEXT = ("title", "subtitle", "description")


def section_title(index_meta: dict[str, Any], folder_title: str) -> str:
    """A section's title: its index page's title, escaped; else the folder's."""
    return html.escape(index_meta["title"]) if "title" in index_meta else folder_title


def is_glossary(index_page: str | None) -> bool:
    """Whether a section whose index page is `index_page` is the glossary."""
    return index_page == GLOSSARY_INDEX


def page_title(meta: dict[str, Any]) -> str | None:
    """Escape the front matter's printed text, in place, and return the page's
    title as navigation and <title> show it: the marker, then the title."""
    for key in TEMPLATE_TEXT:
        if isinstance(meta.get(key), str):
            meta[key] = html.escape(meta[key])
    if "title" not in meta:
        return None
    marker = meta.get("marker")
    return f"{marker} {meta['title']}" if marker else meta["title"]


def glossary_order(page: str) -> tuple[int, tuple[str, ...]]:
    """Sort key of the glossary's pages: the index, then the terms in pinyin
    order of the term (its slug, syllable by syllable)."""
    if page == GLOSSARY_INDEX:
        return 0, ()
    return 1, slug_order(page.removeprefix(f"{GLOSSARY_DIR}/").removesuffix(".md"))


def is_collection_index(page: str) -> bool:
    return page.endswith("/index.md") and not is_glossary(page)


def reading_order(pages: list[str]) -> dict[str, tuple[str | None, str | None]]:
    """Each page's previous and next page (paths under docs/), given the
    pages in navigation order: home → essays → glossary."""
    chain = [p for p in pages if p == HOME]
    chain += [p for p in pages if p != HOME and not p.startswith(f"{GLOSSARY_DIR}/")]
    chain += sorted((p for p in pages if p.startswith(f"{GLOSSARY_DIR}/")), key=glossary_order)
    read = [p for p in chain if not is_collection_index(p)]
    links = {
        page: (read[i - 1] if i else None, read[i + 1] if i + 1 < len(read) else None)
        for i, page in enumerate(read)
    }
    for i, page in enumerate(chain):  # a collection's page: on to its first essay
        if is_collection_index(page):
            after = next((p for p in chain[i + 1 :] if p in links), None)
            links[page] = (links[after][0] if after else None, after)
    return links


# A cut-off title whose text holds `<` (escaped in the page as &lt;).
ELLIPSIS_WITH_MARKUP = re.compile(r'<(span|div) class="md-ellipsis">([^<]*&lt;[^<]*)</\1>')


def without_markup_tooltips(output: str) -> str:
    """A built page or template whose cut-off titles holding `<` lose
    Material's tooltip (class handbook-ellipsis instead of md-ellipsis)."""
    return ELLIPSIS_WITH_MARKUP.sub(r'<\1 class="handbook-ellipsis">\2</\1>', output)


def link_reading_order(pages: list[Any]) -> None:
    """Set the previous_page and next_page of each page (MkDocs' Page: its
    file's src_uri names it) to follow `reading_order`."""
    by_path = {page.file.src_uri: page for page in pages}
    for path, (before, after) in reading_order(list(by_path)).items():
        by_path[path].previous_page = by_path[before] if before else None
        by_path[path].next_page = by_path[after] if after else None
