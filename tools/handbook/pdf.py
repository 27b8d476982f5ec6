"""The print edition: one typeset, tagged PDF per edition, made from the built site.

`python -m handbook.pdf --site site` reads each edition of the built site
(print/site.py), lays out its front and body — cover, contents, essays —
then its back — the glossary with the essays' page numbers, the colophon —
(print/book.py, book.css beside this module), joins them and writes a
PDF/UA-1 file with its metadata, page labels and bookmarks
(print/finish.py). WeasyPrint does the layout, taught inter-character
justification and line-end compression (print/justify.py); the punctuation
conventions are in print/punctuation.py, the book's identity in
publication.py.

Nothing is fetched from the network: the fetcher accepts file: and data: URLs
only, and fonts come from the system through fontconfig.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

from weasyprint import CSS, HTML
from weasyprint import __version__ as WEASYPRINT_VERSION
from weasyprint.document import Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher

from .addresses import DOWNLOADS, pdf_name
from .built_site import book_maker_arguments, editions_to_make
from .editions import HANT, Edition
from .errors import HandbookError, report_error
from .fonts import check_book
from .print import book, justify
from .print.finish import Numbering, finisher
from .print.glossary import PrintGlossary
from .print.pages import PageFinder
from .print.site import Site, collect
from .publication import Publication

BOOK_CSS = Path(__file__).with_name("book.css")
VARIANT = "pdf/ua-1"  # tagged, with the structure tree and metadata it asks for


class LocalOnlyFetcher(URLFetcher):
    """WeasyPrint's fetcher, refusing anything but file: and data: URLs."""

    def fetch(self, url: str, headers: dict | None = None):  # type: ignore[override]
        if urlsplit(url).scheme not in {"file", "data"}:
            raise FatalURLFetchingError(f"the print edition fetches nothing remote: {url}")
        return super().fetch(url, headers)


def render(document: str, base_url: str, font_config: FontConfiguration | None = None) -> Document:
    """Lay one HTML document out with book.css; only file: and data: URLs are fetched."""
    justify.install()
    fetcher = LocalOnlyFetcher()
    return HTML(string=document, base_url=base_url, url_fetcher=fetcher).render(
        stylesheets=[CSS(filename=str(BOOK_CSS), url_fetcher=fetcher, font_config=font_config)],
        font_config=font_config,
        pdf_variant=VARIANT,
    )


def page_names(document: Document) -> tuple[str, ...]:
    """Each page's name in book.css (cover, front, opening …)."""
    return tuple(page._page_box.page_type.name or "" for page in document.pages)


# The site generator's packages, by the names their projects use.
PROJECT_NAMES = {"mkdocs": "MkDocs", "mkdocs-material": "Material for MkDocs"}


def tools(site: Site, edition: Edition) -> tuple[str, ...]:
    """The software the edition was made with, as its colophon names it."""
    made = []
    for package in filter(None, (g.strip() for g in site.built.generator.split(","))):
        name, _, version = package.rpartition("-")
        made.append(f"{PROJECT_NAMES.get(name, name)} {version}")
    if edition.code == HANT:
        made.append(f"OpenCC {importlib.metadata.version('opencc')}")
    return (*made, f"WeasyPrint {WEASYPRINT_VERSION}")


def publication(site: Site, edition: Edition, docs: Path) -> Publication:
    """The edition as a book (publication.py), from its built site and the pages in `docs`."""
    return Publication.of(
        site.built,
        edition,
        site.collections,
        docs,
        keywords=tuple(book.keywords(site)),
        tools=tools(site, edition),
        typeset=True,
    )


def write_edition(site: Path, edition: Edition, docs: Path, keep_html: bool = False) -> Path:
    """Render one edition's book into its downloads/ folder; return the PDF's path."""
    root = edition.root(site)
    pages = collect(root, docs)
    pub = publication(pages, edition, docs)
    base_url = root.resolve().as_uri() + "/"
    font_config = FontConfiguration()

    glossary = PrintGlossary(pages, edition.script)
    front_html = book.front(pages, pub)
    check_book(front_html, edition.lang)  # FontError (a ValueError) before anything is written
    front = render(front_html, base_url, font_config)
    labels = Numbering(page_names(front), pub.words).labels()
    # The front's last page holds the back's anchor only: the back starts there.
    back_html = book.back(glossary, pub, PageFinder(front, labels), int(labels[-1]))
    check_book(back_html, edition.lang)
    back = render(back_html, base_url, font_config)
    document = front.copy([*front.pages[:-1], *back.pages])

    target = root / DOWNLOADS / pdf_name(pub.title)
    target.parent.mkdir(parents=True, exist_ok=True)
    if keep_html:
        target.with_suffix(".html").write_text(front_html, encoding="utf-8")
        target.with_suffix(".back.html").write_text(back_html, encoding="utf-8")
    numbering = Numbering(page_names(document), pub.words)
    document.write_pdf(target, pdf_variant=VARIANT, finisher=finisher(pub, numbering))
    return target


def timed_edition(site: Path, edition: Edition, docs: Path, keep_html: bool) -> tuple[Path, float]:
    start = time.monotonic()
    return write_edition(site, edition, docs, keep_html), time.monotonic() - start


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m handbook.pdf",
        description="Make the print edition: one PDF per edition of the built site, "
        f"written to each edition's {DOWNLOADS}/ folder.",
    )
    book_maker_arguments(p, "PDF")
    p.add_argument("--html", action="store_true", help="also write the book's HTML beside the PDF")
    args = p.parse_args(argv)
    try:
        return make_pdfs(args)
    except (HandbookError, ValueError) as error:  # ValueError: a font or page the book cannot use
        return report_error(error)


def make_pdfs(args: argparse.Namespace) -> int:
    editions = editions_to_make(args.site, args.script)
    if not args.docs.is_dir():
        raise HandbookError(args.docs, None, "not found: the pages the site was built from")
    # One process per edition: layout is CPU-bound and the editions are independent.
    with ProcessPoolExecutor(max_workers=min(len(editions), os.cpu_count() or 1)) as pool:
        jobs = [pool.submit(timed_edition, args.site, e, args.docs, args.html) for e in editions]
        for edition, job in zip(editions, jobs, strict=True):
            target, seconds = job.result()
            print(f"{target} ({edition.lang}, {seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
