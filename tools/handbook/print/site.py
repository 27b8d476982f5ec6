"""What the book takes from one edition of the built site.

The book is assembled from the HTML that `mkdocs build` wrote, not from the
Markdown, so the PDF carries exactly the text of the site. Pages are taken in
navigation order: the home page becomes the cover, collection index pages
part titles (only when there is more than one collection), every other page a
chapter; the glossary's pages are set apart for the glossary of the book.
Ids are made unique in the book and links inside it point at book anchors.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ..built_site import (
    GLOSSARY,
    BuiltSite,
    classes,
    collection_date,
    page_lists,
    read_site,
    remove,
    site_url,
    text_of,
)
from ..chars import NUMERAL
from ..publication import CollectionFacts

MARKER = re.compile(f"第(?:{NUMERAL})篇")


@dataclass
class SitePage:
    url: str  # site-relative folder URL, e.g. "mass-line-essays/essay-01/"; "" for home
    article: ET.Element
    # cover, part, chapter; back (the glossary's index) and entry (a glossary term)
    kind: str = "chapter"
    prefix: str = ""  # prefix that keeps this page's ids unique in the book
    title: str = ""
    sections: list[tuple[str, str]] = field(default_factory=list)  # (id, text) of h2s
    articles: int = 1  # how many articles an essay holds
    article_titles: set[str] = field(default_factory=set)  # ids of the h2s that title one

    @property
    def heading(self) -> str:
        """The text of the page's h1, "" without one."""
        h1 = next(self.article.iter("h1"), None)
        return text_of(h1) if h1 is not None else ""

    def anchor(self, fragment: str = "") -> str:
        """The book anchor of a place on this page (its top for "")."""
        return f"{self.prefix}{fragment or 'top'}"


@dataclass
class Site:
    """One edition of the built site, as the book reads it."""

    built: BuiltSite  # the edition's facts: name, editor, generator …
    pages: list[SitePage]  # in reading order, the glossary's last
    collections: tuple[CollectionFacts, ...]

    def of_kind(self, *kinds: str) -> list[SitePage]:
        return [p for p in self.pages if p.kind in kinds]


def essay_name(chapter: SitePage) -> str:
    """How a reference names an essay: its marker (第一篇), else its title."""
    found = MARKER.match(chapter.title)
    return found.group() if found else chapter.title


def inner_html(el: ET.Element) -> str:
    head = html.escape(el.text or "", quote=False)
    return head + "".join(ET.tostring(c, encoding="unicode", method="html") for c in el)


def read_article(built: BuiltSite, url: str) -> ET.Element:
    """The page's article as the book prints it: a term link's tooltip is for
    the screen (the glossary is in the book)."""
    article = built.article(url)
    for a in article.iter("a"):
        a.attrib.pop("title", None)
    return article


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
        key = site_url(page.url, href)
        if key is None:
            el.set("class", " ".join([*classes(el), "external"]))
        elif key[0] in pages:
            el.set("href", "#" + pages[key[0]].anchor(key[1]))
            el.set("class", " ".join([*classes(el), "xref"]))
        else:  # a page of the site that is not in the book: keep the words only
            del el.attrib["href"]


MD_HEADING = re.compile(r"^## (.*?) \{#([\w-]+) ?\}$", re.M)
MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def articles(page: Path) -> tuple[int, set[str]]:
    """How many articles an essay page holds and the anchors of their titles,
    from its Markdown: the h2 headings its front matter lists as articles (an
    untitled opening article's sections are h2 too)."""
    if not page.is_file():
        return 1, set()
    text = page.read_text(encoding="utf-8")
    head = yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n")) or {}
    listed = head.get("articles") or []
    titles = {a.get("title") for a in listed}
    found = set()
    for heading, anchor in MD_HEADING.findall(text):
        if re.sub(r"\\(.)", r"\1", MD_LINK.sub(r"\1", heading)) in titles:
            found.add(anchor)
    return len(listed), found


def collect(root: Path, docs: Path) -> Site:
    """One edition of the built site, its pages in reading order and its facts;
    `docs`, the pages it was built from, tells its essays' articles apart."""
    built = read_site(root)
    urls = list(built.urls)
    if "" not in urls:
        urls.insert(0, "")
    pages = {url: SitePage(url, read_article(built, url)) for url in urls}
    parts = built.collections
    for n, page in enumerate(pages.values()):
        page.prefix = f"c{n}-"
        if page.url == "":
            page.kind = "cover"
        elif page.url.startswith(GLOSSARY):
            page.kind = "back" if page.url == GLOSSARY else "entry"
        elif page.url in parts:
            page.kind = "part"
    collections = [pages[u] for u in parts] or [pages[""]]
    facts = tuple(
        CollectionFacts(p.heading, collection_date(p.article), len(built.essays(p.url)))
        for p in collections
    )
    if len(parts) < 2:  # one collection: its index page would repeat the cover
        for url in parts:
            del pages[url]
    for page in pages.values():
        if page.kind in {"cover", "part"}:
            for ul in page_lists(page.article, page.url, pages):
                remove(page.article, ul)
    for page in pages.values():
        rewrite(page, pages, root)
        page.title = page.heading
        page.sections = [(h.get("id") or "", text_of(h)) for h in page.article if h.tag == "h2"]
        if page.kind == "chapter":
            source = docs / f"{page.url.rstrip('/')}.md"
            page.articles, titles = articles(source)
            page.article_titles = {page.anchor(a) for a in titles}
    # Stable sort: the glossary goes last, in navigation order (its index first).
    ordered = sorted(pages.values(), key=lambda p: p.kind in {"back", "entry"})
    return Site(built, ordered, facts)
