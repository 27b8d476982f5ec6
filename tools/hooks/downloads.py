"""MkDocs hook: a download entry for the print edition in every page's navigation.

`python -m handbook.pdf` writes each edition's book to downloads/<site name>.pdf
in that edition's root; this entry links there, relative to each page. The
Traditional edition's build converts the entry's title like every nav title.
"""

from __future__ import annotations

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Link, Navigation

from handbook.addresses import pdf_url

TITLE = "下载 PDF 打印版"


def on_nav(nav: Navigation, config, files: Files) -> Navigation:
    nav.items.append(Link(TITLE, pdf_url(config.site_name)))
    return nav
