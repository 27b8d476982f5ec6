"""Reading the built site: one edition's pages as `mkdocs build` wrote them with Material.

Whatever is made from the built site reads it here — the PDF (print/site.py),
the EPUB (epub/pages.py), the search (the text of its index's sections) and
the Traditional edition's check (the readable text of a page):

- which editions a built site holds (`editions_to_make`), which pages an
  edition has, in reading order, from its primary navigation
  (`nav_urls`), each page's file (`page_file`) and where a link of a page
  leads in the site (`site_url`);
- the edition's facts (`read_site`): its name, editor, description, language,
  generator, its collections and their essays, the glossary's pages;
- a page's article with the parts for the browser only removed
  (`read_article`): only the article is parsed, as the rest of a page is
  mostly navigation and parsing it took most of a book's time;
- an element's text and classes, a page's meta values;
- the readable text of HTML: a fragment's, one line per block (`plain_text`),
  and a whole page's text nodes and readable attributes (`html_texts`).
"""

from __future__ import annotations

import argparse
import html
import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Container
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import tinyhtml5

from .addresses import GLOSSARY_DIR
from .editions import Edition, built_editions
from .errors import HandbookError

GLOSSARY = f"{GLOSSARY_DIR}/"  # the glossary's folder URL in the site
ARTICLE = '<article class="md-content__inner'  # where Material puts a page's text
# What a built page carries for the browser only: permalinks, edit buttons,
# the file's dates; scripts, forms and embedded objects.
BROWSER_CLASSES = frozenset({"headerlink", "md-content__button", "md-source-file"})
BROWSER_TAGS = frozenset({"script", "style", "form", "noscript", "iframe", "object", "embed"})
COLLECTION_DATE = "collection-date"  # the class of a collection page's date


# --- elements -------------------------------------------------------------------


def classes(el: ET.Element) -> list[str]:
    """The element's classes, in the order the page gives them."""
    return (el.get("class") or "").split()


def text_of(el: ET.Element) -> str:
    """The element's text, runs of white space made one space."""
    return " ".join("".join(el.itertext()).split())


def parse(path: Path) -> ET.Element:
    """A whole page (for its navigation and head; its text is `read_article`'s)."""
    return tinyhtml5.parse(path.read_bytes(), namespace_html_elements=False)


def meta(document: ET.Element, name: str) -> str:
    """The content of the page's <meta name=…>, "" without one."""
    found = next((m for m in document.iter("meta") if m.get("name") == name), None)
    return (found.get("content") or "") if found is not None else ""


def remove(parent: ET.Element, child: ET.Element) -> None:
    """Take `child` out of `parent`, keeping the text that follows it (its tail,
    which ElementTree keeps on the element: a plain remove would drop it)."""
    if child.tail:
        siblings = list(parent)
        at = siblings.index(child)
        if at:
            siblings[at - 1].tail = (siblings[at - 1].tail or "") + child.tail
        else:
            parent.text = (parent.text or "") + child.tail
    parent.remove(child)


# --- pages and links ------------------------------------------------------------


def page_file(root: Path, url: str) -> Path:
    """The file of the page at the site-relative `url` ("" for home)."""
    return root / url if url.endswith(".html") else root / url / "index.html"


def site_url(base_url: str, href: str) -> tuple[str, str] | None:
    """(site-relative folder URL, fragment) of a link on the page at
    `base_url`; None for a link out of the site."""
    if urlsplit(href).scheme or href.startswith("//"):
        return None
    target, fragment = urldefrag(urljoin(f"/{base_url}", href))
    return unquote(target).lstrip("/").removesuffix("index.html"), fragment


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
            # The books follow the site's folder URLs (essay-01/), not file URLs.
            raise ValueError(
                f"{root}: built without use_directory_urls ({href}); build the site normally"
            )
        target = posixpath.normpath(posixpath.join(url, unquote(urldefrag(href)[0]) or "."))
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
    """The text of the page at `url`: its article, the browser's parts removed."""
    file = page_file(root, url)
    page = file.read_text(encoding="utf-8")
    start = page.find(ARTICLE)
    end = page.find("</article>", start)  # the text's own markup is escaped: no other one
    if start < 0 or end < 0:
        raise ValueError(f"{file}: no article; build the site with Material")
    document = tinyhtml5.parse(page[start : end + len("</article>")], namespace_html_elements=False)
    article = next(document.iter("article"))
    for parent in list(article.iter()):
        for child in list(parent):
            if child.tag in BROWSER_TAGS or not BROWSER_CLASSES.isdisjoint(classes(child)):
                remove(parent, child)
    return article


def page_lists(article: ET.Element, base_url: str, pages: Container[str]) -> list[ET.Element]:
    """The lists of the article (at `base_url`) whose every link leads to one of
    `pages`: a collection's list of its essays, the home page's of collections."""
    found = []
    for ul in [c for c in article if c.tag in {"ul", "ol"}]:
        links = [site_url(base_url, a.get("href") or "") for a in ul.iter("a")]
        if links and all(link is not None and link[0] in pages for link in links):
            found.append(ul)
    return found


def collection_date(article: ET.Element) -> str:
    """The date a collection's page shows (ISO), "" when its text gives none."""
    return next((text_of(p) for p in article.iter("p") if COLLECTION_DATE in classes(p)), "")


# --- an edition ----------------------------------------------------------------


def book_maker_arguments(parser: argparse.ArgumentParser, book: str) -> None:
    """The options every book maker takes: the built site, the pages it was
    built from, and the one edition to make a `book` of."""
    parser.add_argument(
        "--site", type=Path, default=Path("site"), help="the built site (default: site)"
    )
    parser.add_argument(
        "--docs",
        type=Path,
        default=Path("docs"),
        help="the pages the site was built from: the sources the book names, "
        "and their date (default: docs)",
    )
    parser.add_argument(
        "--script", choices=["Hans", "Hant"], help=f"make only this edition's {book}"
    )


def editions_to_make(site: Path, script: str | None = None) -> list[Edition]:
    """The editions the built site `site` holds (only `script`'s when given), for
    a book maker; HandbookError when the site or that edition was not built."""
    if not (site / "index.html").is_file():
        raise HandbookError(site / "index.html", None, "not found: build the site first")
    editions = [e for e in built_editions(site) if script in (None, e.script)]
    if not editions:
        raise HandbookError(site, None, f"no {script} edition: build it first")
    return editions


@dataclass(frozen=True)
class BuiltSite:
    """One edition of the built site: its facts and its pages in reading order."""

    root: Path
    name: str  # the site's name, in the edition's script
    editor: str  # the site's author, "" when none is set
    description: str
    lang: str  # the pages' <html lang>
    generator: str  # "mkdocs-1.6.1, mkdocs-material-9.8.2"
    urls: tuple[str, ...]  # the navigation's pages, in order

    @property
    def collections(self) -> list[str]:
        """The collections' own pages: those with pages below them (not the glossary's)."""
        texts = [u for u in self.urls if u and not u.startswith(GLOSSARY)]
        return [u for u in texts if any(o != u and o.startswith(u) for o in texts)]

    def essays(self, collection: str) -> list[str]:
        """The pages of a collection's essays, in order ("" for home: every essay)."""
        parts = self.collections
        return [
            u
            for u in self.urls
            if u != collection
            and u.startswith(collection)
            and u not in parts
            and not u.startswith(GLOSSARY)
        ]

    @property
    def glossary(self) -> list[str]:
        """The glossary's pages, its index first."""
        return [u for u in self.urls if u.startswith(GLOSSARY)]

    def article(self, url: str) -> ET.Element:
        return read_article(self.root, url)


def read_site(root: Path) -> BuiltSite:
    """The edition of the built site whose home page is root/index.html."""
    home = parse(root / "index.html")
    title = next(iter(home.iter("title")), None)
    return BuiltSite(
        root=root,
        name=text_of(title).rsplit(" - ", 1)[-1] if title is not None else "",
        editor=meta(home, "author"),
        description=meta(home, "description"),
        lang=home.get("lang") or "",
        generator=meta(home, "generator"),
        urls=tuple(nav_urls(home, root)),
    )


# --- readable text --------------------------------------------------------------

TAG = re.compile(r"<[^>]*>")
# Breaks between blocks keep a query from matching across paragraphs.
BLOCK_BREAK = re.compile(r"\s*\n\s*")
SPACES = re.compile(r"[^\S\n]+")


def plain_text(value: str) -> str:
    """The reader-visible text of an HTML fragment whose blocks are tags:
    markup and zero-width word separators gone, one line per block."""
    text = html.unescape(TAG.sub("\n", value.replace("\u200b", "")))
    return BLOCK_BREAK.sub("\n", SPACES.sub(" ", text)).strip()


class TextCollector(HTMLParser):
    """Text nodes and readable attributes, outside code, scripts and styles."""

    SKIP = frozenset({"code", "pre", "script", "style", "kbd", "samp"})
    READABLE = frozenset({"title", "alt", "aria-label", "placeholder", "content"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self._skip += 1
        self.texts.extend(v for k, v in attrs if k in self.READABLE and v)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.texts.append(data)


def html_texts(document: str) -> list[str]:
    """Readable text of an HTML document (text nodes, titles, alt texts …)."""
    parser = TextCollector()
    parser.feed(document)
    parser.close()
    return [html.unescape(t) for t in parser.texts]
