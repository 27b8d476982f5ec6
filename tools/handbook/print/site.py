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
import posixpath
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import tinyhtml5
import yaml

from ..addresses import GLOSSARY_DIR
from ..chars import NUMERAL
from ..publication import CollectionFacts

GLOSSARY = f"{GLOSSARY_DIR}/"  # the glossary's folder URL in the site
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

    def anchor(self, fragment: str = "") -> str:
        """The book anchor of a place on this page (its top for "")."""
        return f"{self.prefix}{fragment or 'top'}"


@dataclass
class Site:
    """One edition of the built site, as the book reads it."""

    pages: list[SitePage]  # in reading order, the glossary's last
    name: str
    editor: str
    generator: str  # "mkdocs-1.6.1, mkdocs-material-9.8.2"
    collections: list[CollectionFacts]

    def of_kind(self, *kinds: str) -> list[SitePage]:
        return [p for p in self.pages if p.kind in kinds]


def essay_name(chapter: SitePage) -> str:
    """How a reference names an essay: its marker (第一篇), else its title."""
    found = MARKER.match(chapter.title)
    return found.group() if found else chapter.title


def classes(el: ET.Element) -> list[str]:
    return (el.get("class") or "").split()


def text_of(el: ET.Element) -> str:
    return " ".join("".join(el.itertext()).split())


def parse(path: Path) -> ET.Element:
    return tinyhtml5.parse(path.read_bytes(), namespace_html_elements=False)


def inner_html(el: ET.Element) -> str:
    head = html.escape(el.text or "", quote=False)
    return head + "".join(ET.tostring(c, encoding="unicode", method="html") for c in el)


def page_file(root: Path, url: str) -> Path:
    return root / url / "index.html" if not url.endswith(".html") else root / url


def meta(document: ET.Element, name: str) -> str:
    found = next((m for m in document.iter("meta") if m.get("name") == name), None)
    return (found.get("content") or "") if found is not None else ""


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


# What the site shows around the text: permalinks, edit buttons, the file's dates.
SITE_FURNITURE = frozenset({"headerlink", "md-content__button", "md-source-file"})


def read_article(root: Path, url: str) -> ET.Element:
    page = parse(page_file(root, url))
    article = next(a for a in page.iter("article") if "md-content__inner" in classes(a))
    for parent in list(article.iter()):
        for child in list(parent):
            if child.tag in {"script", "style", "form"} or SITE_FURNITURE & set(classes(child)):
                remove(parent, child)
        # A term link's tooltip is for the screen; the glossary is in the book.
        if parent.tag == "a":
            parent.attrib.pop("title", None)
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
            el.set("href", "#" + pages[key[0]].anchor(key[1]))
            el.set("class", " ".join([*classes(el), "xref"]))
        else:  # a page of the site that is not in the book: keep the words only
            del el.attrib["href"]


def drop_page_lists(article: ET.Element, pages: dict[str, SitePage], base_url: str) -> None:
    """Remove the lists of links to pages in the book (an index page's essay list)."""
    for ul in [c for c in article if c.tag in {"ul", "ol"}]:
        keys = [page_key(base_url, a.get("href") or "") for a in ul.iter("a")]
        if keys and all(k is not None and k[0] in pages for k in keys):
            remove(article, ul)


def collection_facts(page: SitePage, urls: list[str], parts: list[str]) -> CollectionFacts:
    h1 = next(page.article.iter("h1"), None)
    date = next((p for p in page.article.iter("p") if "collection-date" in classes(p)), None)
    essays = [
        u
        for u in urls
        if u not in parts and u.startswith(page.url) and u and not u.startswith(GLOSSARY)
    ]
    return CollectionFacts(
        text_of(h1) if h1 is not None else "",
        text_of(date) if date is not None else "",
        len(essays),
    )


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
    collections = [pages[u] for u in parts if pages[u].kind == "part"] or [pages[""]]
    facts = [collection_facts(p, urls, parts) for p in collections]
    if len(collections) < 2:  # one collection: its index page would repeat the cover
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
        if page.kind == "chapter":
            source = docs / f"{page.url.rstrip('/')}.md"
            page.articles, titles = articles(source)
            page.article_titles = {page.anchor(a) for a in titles}
    # Stable sort: the glossary goes last, in navigation order (its index first).
    ordered = sorted(pages.values(), key=lambda p: p.kind in {"back", "entry"})
    return Site(
        ordered,
        site_name,
        meta(home_doc, "author"),
        meta(home_doc, "generator"),
        facts,
    )
