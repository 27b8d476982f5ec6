"""A page's sections, read from its article's HTML as the page is built.

A section starts at a heading with an id (h1–h6) and runs to the next one;
the page's first section starts at its title (anchor ""), or, when something
comes before the first such heading or it is not an h1, is what comes
before it, titled with the page's title. A section's text keeps a line break
where a block (paragraph, list item, code, sub- and superscript) opens or
closes, drops every other tag, the headings' permalinks and scripts and
styles, and joins a block's lines (in <pre>, lines stay).

These are the sections Material's search plugin reads from the same HTML
(its search_index.json, through `built_site.plain_text`), in one pass of regular
expressions instead of an HTML parser over every page; a heading nested in
another element also starts a section here. tests/test_search_sections.py
compares the two on the built handbook.
"""

from __future__ import annotations

import re

from ..built_site import plain_text
from .pages import Section

HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1\s*>", re.S)
HEADING_ID = re.compile(r'\bid="([^"]*)"')
PERMALINK = re.compile(r'<a\b[^>]*\bclass="headerlink"[^>]*>.*?</a\s*>', re.S)
NOT_TEXT = re.compile(r"<(script|style|object)\b.*?</\1\s*>", re.S)
BLOCK_TAG = re.compile(r"</?(?:p|code|pre|li|ol|ul|sub|sup)\b[^>]*>")
ANY_TAG = re.compile(r"<[^>]*>")
PRE = re.compile(r"(<pre\b.*?</pre\s*>)", re.S)


def text_of(fragment: str) -> str:
    """The reader-visible text of an HTML fragment, a line a block."""
    fragment = NOT_TEXT.sub("", fragment)
    # Outside <pre>, a line break in the source is a space.
    parts = PRE.split(fragment)
    parts[0::2] = (part.replace("\n", " ") for part in parts[0::2])
    return plain_text(ANY_TAG.sub("", BLOCK_TAG.sub("\n", "".join(parts))))


def sections_of(content: str, page_title: str) -> list[Section]:
    """The sections of a page's article HTML (MkDocs' `page.content`);
    `page_title` names a first section that has no heading of its own."""
    headings = [(h, m[1]) for h in HEADING.finditer(content) if (m := HEADING_ID.search(h[2]))]
    found: list[tuple[str, str | None, int]] = []  # anchor, title HTML, where its text starts
    if not headings or headings[0][0].start() > 0 or headings[0][0][1] != "1":
        found.append(("", None, 0))
    for heading, anchor in headings:
        found.append((anchor if found else "", PERMALINK.sub("", heading[3]), heading.end()))
    ends = [h.start() for h, _ in headings[len(headings) - len(found) + 1 :]] + [len(content)]
    sections = []
    for (anchor, title, start), end in zip(found, ends, strict=True):
        title = text_of(title) if title else plain_text(page_title)
        sections.append(Section(anchor, title, text_of(content[start:end])))
    return sections
