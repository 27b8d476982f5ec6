"""The book's HTML, in two documents laid out one after the other.

The front and body — cover, contents, the essays — are laid out first; then
the back — the glossary and the colophon — with the essays' page numbers
written in as text (`glossary.PrintGlossary`). The front ends with a
placeholder page carrying the glossary's anchor, so that the contents give
the page the back starts on; the PDF maker drops it when it joins the two.
book.css (beside the package) sets both.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

import tinyhtml5

from ..built_site import text_of
from ..publication import Publication
from . import halfwidth
from .glossary import PageOf, PrintGlossary
from .punctuation import convention, prepare
from .site import Site, SitePage, essay_name, inner_html

USES = re.compile(r"（\s*(\d+)\s*[处處]\s*）")
KEYWORD_TERMS = 8  # the glossary's most used terms, after the collections' titles


def keywords(site: Site) -> list[str]:
    """The collections' titles and the terms the essays use most."""
    counted = []
    for index in site.of_kind("back"):
        for li in index.article.iter("li"):
            link, uses = next(li.iter("a"), None), USES.search(text_of(li))
            if link is not None:
                counted.append((-int(uses.group(1)) if uses else 0, text_of(link)))
    terms = [term for _, term in sorted(counted)[:KEYWORD_TERMS]]
    return [c.title for c in site.collections if c.title] + terms


def document(pub: Publication, body: str, head: str = "") -> str:
    """A whole HTML document in the edition's language, its text prepared for print."""
    rules = convention(pub.lang)
    if rules is not None and rules.between_marks:
        head += f"<style>{halfwidth.stylesheet(pub.lang)}</style>"
    root = tinyhtml5.parse(
        f'<!DOCTYPE html><html lang="{html.escape(pub.lang)}"><head><meta charset="utf-8">'
        f"<title>{html.escape(pub.title)}</title>{head}</head><body>{body}</body></html>",
        namespace_html_elements=False,
    )
    prepare(next(root.iter("body")), pub.lang)
    return "<!DOCTYPE html>" + ET.tostring(root, encoding="unicode", method="html")


def metadata(pub: Publication) -> str:
    """The <meta> elements WeasyPrint takes the PDF's metadata from."""
    stamp = pub.built.isoformat().replace("+00:00", "Z")
    fields = {
        "author": pub.editor,
        "description": pub.subject,
        "keywords": ", ".join(pub.keywords),
        "generator": pub.tool,
        "dcterms.created": stamp,
        "dcterms.modified": stamp,
    }
    return "".join(
        f'<meta name="{name}" content="{html.escape(value)}">'
        for name, value in fields.items()
        if value
    )


def cover(pub: Publication) -> str:
    lines = "".join(
        f'<p class="collection">{html.escape(c.title)}</p>'
        + (f'<p class="collection-date">{html.escape(c.chinese_date)}</p>' if c.date else "")
        for c in pub.collections
    )
    editor = f"{pub.editor}　{pub.words['edited']}" if pub.editor else ""
    return (
        f'<section class="cover"><h1>{html.escape(pub.title)}</h1>{lines}'
        f'<p class="editor">{html.escape(editor)}</p>'
        f'<p class="edition">{html.escape(pub.edition)}</p></section>'
    )


def contents(pages: list[SitePage], label: str) -> str:
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
            f'<li class="toc-{page.kind}"><a href="#{html.escape(page.anchor())}">'
            f"{html.escape(page.title)}</a>{subs}</li>"
        )
    return f'<nav class="toc"><h1>{html.escape(label)}</h1><ol>{"".join(items)}</ol></nav>'


def running_heads(chapter: SitePage) -> None:
    """Where an essay holds several articles, each titled one heads its pages."""
    if chapter.articles < 2:
        return
    for h2 in chapter.article.iter("h2"):
        if h2.get("id") in chapter.article_titles:
            h2.set("class", " ".join([*(h2.get("class") or "").split(), "article"]))
            h2.set("data-head", f"{essay_name(chapter)}　{text_of(h2)}")


def front(site: Site, pub: Publication) -> str:
    """Cover, contents, essays; then the placeholder page of the back."""
    body = [cover(pub), contents(site.pages, pub.words["contents"])]
    first = True
    for page in site.of_kind("part", "chapter"):
        if page.kind == "chapter":
            running_heads(page)
        kind = f"{page.kind} first" if first else page.kind
        body.append(
            f'<section class="{kind}" id="{page.anchor()}">{inner_html(page.article)}</section>'
        )
        first = False
    index = next(iter(site.of_kind("back")), None)
    anchor = index.anchor() if index is not None else "back"
    body.append(f'<section class="placeholder" id="{anchor}"></section>')
    return document(pub, "".join(body), metadata(pub))


def back(glossary: PrintGlossary, pub: Publication, page_of: PageOf, first_page: int) -> str:
    """The glossary and the colophon, numbered on from `first_page`."""
    colophon = "".join(
        f"<dt>{html.escape(label)}</dt><dd>{html.escape(text)}</dd>"
        for label, text in pub.colophon()
    )
    label = html.escape(pub.words["colophon"])
    body = f'{glossary.html(page_of)}<section class="colophon" data-bookmark="{label}"><dl>{colophon}</dl></section>'
    numbering = f"<style>@page :first {{ counter-reset: page {first_page} }}</style>"
    return document(pub, body, numbering)
