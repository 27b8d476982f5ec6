"""MkDocs hook: name each folder's section after its index page's title.

MkDocs names a section after its folder (`mass-line-essays`); the reader
should see the collection's title instead, which its index.md carries.
"""

from __future__ import annotations

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.utils.meta import get_data


def on_nav(nav: Navigation, config, files: Files) -> Navigation:
    for item in nav.items:
        if isinstance(item, Section):
            index = next((c for c in item.children if getattr(c, "is_index", False)), None)
            if index is not None:
                _, meta = get_data(index.file.content_string)
                item.title = meta.get("title", item.title)
    return nav
