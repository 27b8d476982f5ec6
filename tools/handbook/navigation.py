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
- The glossary follows the texts it explains.
"""

from __future__ import annotations

import html
import re
from typing import Any

from .addresses import GLOSSARY_INDEX

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


# A cut-off title whose text holds `<` (escaped in the page as &lt;).
ELLIPSIS_WITH_MARKUP = re.compile(r'<(span|div) class="md-ellipsis">([^<]*&lt;[^<]*)</\1>')


def without_markup_tooltips(output: str) -> str:
    """A built page or template whose cut-off titles holding `<` lose
    Material's tooltip (class handbook-ellipsis instead of md-ellipsis)."""
    return ELLIPSIS_WITH_MARKUP.sub(r'<\1 class="handbook-ellipsis">\2</\1>', output)
