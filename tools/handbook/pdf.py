"""The print edition: one typeset PDF per edition, made from the built site.

The book is assembled from the HTML that `mkdocs build` wrote, not from the
Markdown, so the PDF carries exactly the text of the site. Pages are taken in
navigation order: the home page becomes the cover, collection index pages
become part titles (only when there is more than one collection), every other
page a chapter, glossary pages go last. WeasyPrint lays the book out with CSS
paged media (book.css beside this module): table of contents with page
numbers, running headers, bookmarks.

Nothing is fetched from the network: the fetcher accepts file: and data: URLs
only, and fonts come from the system through fontconfig.
"""

from __future__ import annotations

import argparse
import html
import os
import posixpath
import sys
import time
import xml.etree.ElementTree as ET
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import tinyhtml5
from weasyprint import CSS, HTML
from weasyprint.urls import FatalURLFetchingError, URLFetcher

from .addresses import DOWNLOADS, GLOSSARY_DIR, pdf_name
from .editions import Edition, built_editions
from .fonts import check_book

BOOK_CSS = Path(__file__).with_name("book.css")
GLOSSARY = f"{GLOSSARY_DIR}/"  # the glossary's folder URL in the site

# Words the book itself adds, per script.
LABELS = {
    "Hans": {"toc": "目录", "edition": "简体中文版"},
    "Hant": {"toc": "目錄", "edition": "繁體中文版"},
}


@dataclass
class SitePage:
    url: str  # site-relative folder URL, e.g. "mass-line-essays/essay-01/"; "" for home
    article: ET.Element
    # cover, part, chapter; back (the glossary's index) and entry (a glossary
    # term: printed as a run-on entry, not as a chapter of its own)
    kind: str = "chapter"
    prefix: str = ""  # prefix that keeps this page's ids unique in the book
    title: str = ""
    sections: list[tuple[str, str]] = field(default_factory=list)  # (id, text) of h2s


def classes(el: ET.Element) -> list[str]:
    return (el.get("class") or "").split()


def text_of(el: ET.Element) -> str:
    return " ".join("".join(el.itertext()).split())


def parse(path: Path) -> ET.Element:
    return tinyhtml5.parse(path.read_bytes(), namespace_html_elements=False)


def page_file(root: Path, url: str) -> Path:
    return root / url / "index.html" if not url.endswith(".html") else root / url


def nav_links(page: ET.Element, url: str, root: Path) -> tuple[list[str], set[str]]:
    """Site-relative URLs of the pages the primary navigation of the page at
    `url` links to, in order, and those of them that stand for a pruned
    section (Material's `navigation.prune`: a link to its first page)."""
    nav = next(n for n in page.iter("nav") if "md-nav--primary" in classes(n))
    pruned_links = {
        id(a)
        for li in nav.iter("li")
        if "md-nav__item--pruned" in classes(li)
        for a in li.iter("a")
    }
    urls: list[str] = []
    pruned: set[str] = set()
    for a in nav.iter("a"):
        href = a.get("href") or ""
        if "md-nav__link" not in classes(a) or href.startswith("#") or urlsplit(href).scheme:
            continue
        if href.endswith(".html") and not href.endswith("index.html"):
            # The book follows the site's folder URLs (essay-01/), not file URLs.
            raise ValueError(
                f"{root}: built without use_directory_urls ({href}); build the site normally"
            )
        target = posixpath.normpath(posixpath.join(url, urldefrag(href)[0] or "."))
        target = "" if target == "." else target.removesuffix("/index.html").strip("/") + "/"
        if target not in urls and page_file(root, target).is_file():
            urls.append(target)
            if id(a) in pruned_links:
                pruned.add(target)
    return urls, pruned


def nav_urls(home: ET.Element, root: Path) -> list[str]:
    """Site-relative URLs of the pages in the primary navigation, in order.
    With `navigation.prune` no page shows the whole navigation: a pruned
    section is a link to its first page, whose own navigation opens it, so
    that page is read in turn and the pages it adds go after the link
    before them."""
    urls, pruned = nav_links(home, "", root)
    while pruned:
        url = min(pruned, key=urls.index)
        pruned.discard(url)
        links, more = nav_links(parse(page_file(root, url)), url, root)
        at = -1
        for link in links:
            if link in urls:
                at = urls.index(link)
            else:
                at += 1
                urls.insert(at, link)
                pruned |= {link} & more
    return urls


def read_article(root: Path, url: str) -> ET.Element:
    page = parse(page_file(root, url))
    article = next(a for a in page.iter("article") if "md-content__inner" in classes(a))
    drop = {"headerlink", "md-content__button", "md-source-file"}
    for parent in list(article.iter()):
        for child in list(parent):
            if child.tag in {"script", "style", "form"} or drop & set(classes(child)):
                parent.remove(child)
    return article


def page_key(base_url: str, href: str) -> tuple[str, str] | None:
    """(page URL, fragment) a site-internal link points to; None for external links."""
    if urlsplit(href).scheme or href.startswith("//"):
        return None
    target, fragment = urldefrag(urljoin(f"/{base_url}", href))
    path = target.lstrip("/").removesuffix("index.html")
    return path, fragment


def rewrite(page: SitePage, pages: dict[str, SitePage], root: Path) -> None:
    """Make ids unique in the book, point links inside the book at book anchors."""
    for el in page.article.iter():
        if el.get("id"):
            el.set("id", page.prefix + el.get("id"))
        if el.tag == "img" and el.get("src") and not urlsplit(el.get("src")).scheme:
            el.set("src", (root / page.url / el.get("src")).resolve().as_uri())
        href = el.get("href")
        if el.tag != "a" or not href:
            continue
        key = page_key(page.url, href)
        if key is None:
            el.set("class", " ".join([*classes(el), "external"]))
        elif key[0] in pages:
            target = pages[key[0]]
            el.set("href", f"#{target.prefix}{key[1] or 'top'}")
            el.set("class", " ".join([*classes(el), "xref"]))
        else:  # a page of the site that is not in the book: keep the words only
            del el.attrib["href"]


def inner_html(el: ET.Element) -> str:
    head = html.escape(el.text or "", quote=False)
    return head + "".join(ET.tostring(c, encoding="unicode", method="html") for c in el)


def drop_page_lists(article: ET.Element, pages: dict[str, SitePage], base_url: str) -> None:
    """Remove the lists of links to pages in the book (an index page's essay list)."""
    for ul in [c for c in article if c.tag in {"ul", "ol"}]:
        keys = [page_key(base_url, a.get("href") or "") for a in ul.iter("a")]
        if keys and all(k is not None and k[0] in pages for k in keys):
            article.remove(ul)


def collect(root: Path) -> tuple[list[SitePage], str]:
    """The pages of the book in reading order, and the site's name."""
    home_doc = parse(root / "index.html")
    title = next(iter(home_doc.iter("title")), None)
    site_name = text_of(title).rsplit(" - ", 1)[-1] if title is not None else ""
    urls = nav_urls(home_doc, root)
    if "" not in urls:
        urls.insert(0, "")
    pages = {url: SitePage(url, read_article(root, url)) for url in urls}
    parts = [u for u in urls if u and (root / u / "index.html").is_file()]
    parts = [u for u in parts if any(o != u and o.startswith(u) for o in urls)]
    for n, page in enumerate(pages.values()):
        page.prefix = f"c{n}-"
        if page.url == "":
            page.kind = "cover"
        elif page.url.startswith(GLOSSARY):
            page.kind = "back" if page.url == GLOSSARY else "entry"
        elif page.url in parts:
            page.kind = "part"
    if len([p for p in parts if not p.startswith(GLOSSARY)]) < 2:
        # One collection: its index page would repeat the cover.
        for url in parts:
            if pages[url].kind == "part":
                del pages[url]
    for page in pages.values():
        if page.kind in {"cover", "part"}:
            drop_page_lists(page.article, pages, page.url)
    for page in pages.values():
        rewrite(page, pages, root)
        h1 = next(page.article.iter("h1"), None)
        page.title = text_of(h1) if h1 is not None else ""
        page.sections = [(h.get("id") or "", text_of(h)) for h in page.article if h.tag == "h2"]
    # Stable sort: the glossary goes last, in navigation order (its index first).
    ordered = sorted(pages.values(), key=lambda p: p.kind in {"back", "entry"})
    return ordered, site_name


def toc_html(pages: list[SitePage], label: str) -> str:
    items = []
    for page in pages:
        if page.kind in {"cover", "entry"} or not page.title:
            continue
        subs = ""
        if page.kind == "chapter" and page.sections:
            subs = "".join(
                f'<li class="toc-section"><a href="#{html.escape(i)}">{html.escape(t)}</a></li>'
                for i, t in page.sections
            )
            subs = f"<ol>{subs}</ol>"
        items.append(
            f'<li class="toc-{page.kind}"><a href="#{page.prefix}top">'
            f"{html.escape(page.title)}</a>{subs}</li>"
        )
    return f'<nav class="toc"><h1 class="toc-title">{label}</h1><ol>{"".join(items)}</ol></nav>'


def book_html(site: Path, edition: Edition) -> tuple[str, str]:
    """One HTML document holding the whole edition, ready for book.css, and the site's name."""
    pages, site_name = collect(edition.root(site))
    labels = LABELS[edition.script]
    body = []
    for page in pages:
        if page.kind == "cover":
            body.append(
                f'<section class="cover" id="{page.prefix}top">'
                f'<p class="series">{html.escape(site_name)}</p>{inner_html(page.article)}'
                f'<p class="edition">{labels["edition"]}</p></section>'
            )
            body.append(toc_html(pages, labels["toc"]))
        else:
            body.append(
                f'<section class="{page.kind}" id="{page.prefix}top">'
                f"{inner_html(page.article)}</section>"
            )
    document = (
        f'<!DOCTYPE html><html lang="{html.escape(edition.lang)}"><head><meta charset="utf-8">'
        f"<title>{html.escape(pages[0].title or site_name)}</title>"
        f"</head><body>{''.join(body)}</body></html>"
    )
    return document, site_name


def write_edition(site: Path, edition: Edition, keep_html: bool = False) -> Path:
    """Render one edition's book into its downloads/ folder; return the PDF's path."""
    document, site_name = book_html(site, edition)
    check_book(document, edition.lang)  # FontError (a ValueError) before anything is written
    root = edition.root(site)
    target = root / DOWNLOADS / pdf_name(site_name)
    target.parent.mkdir(parents=True, exist_ok=True)
    if keep_html:
        target.with_suffix(".html").write_text(document, encoding="utf-8")
    typeset(document, root.resolve().as_uri() + "/", target)
    return target


class LocalOnlyFetcher(URLFetcher):
    """WeasyPrint's fetcher, refusing anything but file: and data: URLs."""

    def fetch(self, url: str, headers: dict | None = None):  # type: ignore[override]
        if urlsplit(url).scheme not in {"file", "data"}:
            raise FatalURLFetchingError(f"the print edition fetches nothing remote: {url}")
        return super().fetch(url, headers)


def typeset(document: str, base_url: str, target: Path) -> None:
    """Lay the book out with WeasyPrint; only file: and data: URLs are fetched."""
    fetcher = LocalOnlyFetcher()
    HTML(string=document, base_url=base_url, url_fetcher=fetcher).write_pdf(
        target, stylesheets=[CSS(filename=str(BOOK_CSS), url_fetcher=fetcher)]
    )


def timed_edition(site: Path, edition: Edition, keep_html: bool) -> tuple[Path, float]:
    start = time.monotonic()
    return write_edition(site, edition, keep_html), time.monotonic() - start


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m handbook.pdf",
        description="Make the print edition: one PDF per edition of the built site, "
        f"written to each edition's {DOWNLOADS}/ folder.",
    )
    p.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site)")
    p.add_argument("--html", action="store_true", help="also write the book's HTML beside the PDF")
    p.add_argument("--script", choices=["Hans", "Hant"], help="make only this edition's PDF")
    args = p.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"error: {args.site}/index.html not found: build the site first", file=sys.stderr)
        return 1
    editions = [e for e in built_editions(args.site) if args.script in (None, e.script)]
    # One process per edition: layout is CPU-bound and the editions are independent.
    with ProcessPoolExecutor(max_workers=min(len(editions), os.cpu_count() or 1)) as pool:
        jobs = [pool.submit(timed_edition, args.site, e, args.html) for e in editions]
        for edition, job in zip(editions, jobs, strict=True):
            try:
                target, seconds = job.result()
            except ValueError as err:
                print(f"error: {err}", file=sys.stderr)
                return 1
            print(f"{target} ({edition.lang}, {seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
