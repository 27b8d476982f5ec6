"""MkDocs hook: download entries for the print edition and the EPUB in every page's navigation.

`python -m handbook.pdf` and `python -m handbook.epub` write each edition's
book to downloads/<site name>.pdf and .epub in that edition's root; these
entries link there, relative to each page. The Traditional edition's build
converts the entries' titles like every nav title.
"""

from __future__ import annotations

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Link, Navigation

from handbook.addresses import epub_url, pdf_url

DOWNLOADS = (("下载 PDF 打印版", pdf_url), ("下载 EPUB", epub_url))


def on_nav(nav: Navigation, config, files: Files) -> Navigation:
    nav.items += [Link(title, url(config.site_name)) for title, url in DOWNLOADS]
    return nav
