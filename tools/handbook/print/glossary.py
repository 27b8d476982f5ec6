"""The glossary as a book prints it, made from the site's glossary pages.

On the site a term's page lists every use with a snippet; printed, that
outweighed the essays. The book keeps what a reader looks a term up for and
points into the text by page, as a book's index does:

- entries in pinyin order of the term itself (焦裕禄 before 焦裕禄精神);
- each entry's heading, facts, definition and quotation kept on one page;
- the quotation taken whole from the essay's repaired text (the sentences the
  site's quote starts, never a source line cut short), referred to by essay
  and page; a passage the essay quotes that the sentence leaves open is closed
  after ……;
- the uses as a list of pages per essay: 用例（5处）：第一篇，第3页；第二篇，第9、12页.

The essays are laid out first, so their page numbers are written in as text,
each page once; a page number never breaks.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

from pypinyin import Style, lazy_pinyin

from ..built_site import classes, text_of
from ..chars import CLOSING_QUOTES, QUOTE_PAIRS, SENTENCE_END
from ..publication import WORDS
from .punctuation import ZERO_WIDTH_SPACE
from .site import Site, SitePage, essay_name

COUNT = re.compile(r"（\s*\d+\s*[处處]\s*）")
SENTENCE_END_AT = re.compile(f"[{SENTENCE_END}]+[{CLOSING_QUOTES}]*")
QUOTE_END = re.compile(f"[{SENTENCE_END}]+[{CLOSING_QUOTES}]*|(?=[ \u3000])")

# The class of a glossary entry's reference to another entry (book.css gives
# its page); the site's own classes, such as a term link's `term`, never are.
ENTRY_REF = "entry-ref"

PageOf = Callable[[str], str]  # a place in the book (anchor or anchor@n) → its printed page


def pinyin_key(term: str) -> tuple[list[str], str]:
    """Dictionary order: syllable by syllable, tone after spelling, then the characters."""
    return lazy_pinyin(term, style=Style.TONE3, neutral_tone_with_five=True), term


def whole_quote(paragraph: str, quote: str) -> tuple[int, str]:
    """The quote as the repaired paragraph has it, run on to the end of its sentence.

    The site quotes a definition as its source line gave it, which a broken
    line may have cut short; the repaired paragraph holds it whole. The quote
    ends where a sentence does, or at a space (where the text joined two lines
    it could not tell apart).

    >>> whole_quote("“四风”之一。形式主义：知行不一、不求实效等。其次。", "形式主义：知行不")
    (7, "形式主义：知行不一、不求实效等。")
    """
    quote = quote.strip()
    start = -1
    for length in (12, 8, 4):
        start = paragraph.find(quote[:length])
        if start >= 0:
            break
    if start < 0:  # converted apart (Traditional): the best-matching sentence start
        starts = [0, *(m.end() for m in SENTENCE_END_AT.finditer(paragraph))]
        start = max(
            starts, key=lambda s: sum(a == b for a, b in zip(paragraph[s:], quote, strict=False))
        )
    boundary = QUOTE_END.search(paragraph, min(len(paragraph), start + len(quote)) - 1)
    return start, paragraph[start : boundary.end() if boundary else len(paragraph)]


OMITTED = "……"  # GB/T 15834: the ellipsis that marks words left out of a quotation


def closed(excerpt: str) -> str:
    """The excerpt with the quotations it opens and does not close closed,
    after an ellipsis saying the rest is left out: a quotation ends at a
    sentence, which may be inside a passage the essay quotes.

    >>> closed("概括：“凡属正确的领导，必须是从群众中来，到群众中去。")
    '概括：“凡属正确的领导，必须是从群众中来，到群众中去。……”'
    """
    unclosed: list[str] = []
    for char in excerpt:
        if char in QUOTE_PAIRS:
            unclosed.append(QUOTE_PAIRS[char])
        elif unclosed and char == unclosed[-1]:
            unclosed.pop()
    return excerpt + OMITTED + "".join(reversed(unclosed)) if unclosed else excerpt


def visible(text: str) -> int:
    """How many characters of `text` a page shows (layout drops spaces, adds break marks)."""
    return sum(1 for c in text if not c.isspace() and c != ZERO_WIDTH_SPACE)


# Where the page numbers of a list of anchors go, until they are known.
PAGES = re.compile("\ue000([^\ue001]*)\ue001")


class PrintGlossary:
    """The glossary as the book prints it, for one edition.

    Made before the essays are laid out: it reads the site's glossary pages and
    leaves a place for each page number, naming the words it refers to as
    "anchor@n", the n-th character of the element (so that a reference gives
    the page of the words, not of their paragraph's first line); `html` fills
    the numbers in (print/pages.py finds them)."""

    def __init__(self, site: Site, script: str) -> None:
        self.words = WORDS[script]
        self.chapters = {p.prefix: p for p in site.of_kind("chapter", "part")}
        self.index = next(iter(site.of_kind("back")), None)
        entries = sorted(site.of_kind("entry"), key=lambda p: pinyin_key(p.title))
        self.body = self.front() + "".join(self.entry(e) for e in entries)

    def html(self, page_of: PageOf) -> str:
        """The glossary's HTML, with the essays' page numbers as `page_of` gives them."""
        return PAGES.sub(lambda m: self.page_list([page_of(a) for a in m[1].split()]), self.body)

    def page_list(self, numbers: list[str]) -> str:
        """第3、4页: each page once, in order; no number breaks from 第 or 页."""
        numbers = sorted(set(numbers) - {""}, key=lambda n: (len(n), n))
        if not numbers:
            return ""
        cells = [f"{html.escape(n)}、" for n in numbers[:-1]] + [html.escape(numbers[-1])]
        cells[0] = self.words["page_before"] + cells[0]
        cells[-1] += self.words["page_after"]
        return "".join(f'<span class="pageref">{c}</span>' for c in cells)

    def chapter_of(self, anchor: str) -> SitePage | None:
        return self.chapters.get(anchor.split("-", 1)[0] + "-")

    def element(self, anchor: str) -> ET.Element | None:
        chapter = self.chapter_of(anchor)
        if chapter is None:
            return None
        return next((el for el in chapter.article.iter() if el.get("id") == anchor), None)

    def place(self, anchor: str, offset: int) -> str:
        """The place `offset` characters into the text of the element `anchor`."""
        element = self.element(anchor)
        if element is None:
            return anchor
        return f"{anchor}@{visible(''.join(element.itertext())[:offset])}"

    def reference(self, anchor: str) -> str:
        """第一篇，第3页: where a place in the essays is."""
        chapter = self.chapter_of(anchor)
        pages = f"\ue000{anchor}\ue001"
        return f"{html.escape(essay_name(chapter))}，{pages}" if chapter else pages

    def front(self) -> str:
        """The glossary's title and its terms by category, each with its entry's page."""
        if self.index is None:
            return ""
        out = [f'<section class="back" id="{self.index.anchor()}">']
        out.append(f'<h1>{html.escape(self.index.title)}</h1><div class="term-index">')
        for el in self.index.article:
            if el.tag == "h2":
                out.append(f"<h2>{html.escape(text_of(el))}</h2>")
            elif el.tag in {"ul", "ol"}:
                links = [a for a in el.iter("a") if a.get("href", "").startswith("#")]
                out.append("<ul>")
                for a in sorted(links, key=lambda a: pinyin_key(text_of(a))):
                    name, href = html.escape(text_of(a)), html.escape(a.get("href", ""))
                    out.append(f'<li><a class="xref index" href="{href}">{name}</a></li>')
                out.append("</ul>")
        return "".join([*out, "</div></section>"])

    def entry(self, page: SitePage) -> str:
        children = [c for c in page.article if c.tag != "h1"]
        head: list[str] = []
        rest: list[str] = []
        n = 0
        while n < len(children):
            el = children[n]
            after = children[n + 1] if n + 1 < len(children) else None
            if el.tag == "h2":
                section = [el]
                while n + 1 < len(children) and children[n + 1].tag != "h2":
                    n += 1
                    section.append(children[n])
                rest.append(self.section(section))
            elif el.tag == "p" and after is not None and after.tag == "blockquote":
                head.append(self.definition(el, after))
                n += 1
            else:
                (rest if rest else head).append(self.kept(el))
            n += 1
        return (
            f'<section class="entry" id="{page.anchor()}"><div class="entry-head">'
            f"<h2>{html.escape(page.title)}</h2>{''.join(head)}</div>{''.join(rest)}</section>"
        )

    def kept(self, el: ET.Element) -> str:
        """A paragraph of the site's entry as it is; links into the essays get their page."""
        for a in el.iter("a"):
            href = a.get("href", "")
            if href.startswith("#") and self.chapter_of(href[1:]):
                a.set("class", "xref essay")
                a.tail = f"（{self.reference(href[1:])}）" + (a.tail or "")
            elif "xref" in classes(a):  # another entry: book.css adds its page
                a.set("class", f"xref {ENTRY_REF}")
        return ET.tostring(el, encoding="unicode", method="html")

    def definition(self, label: ET.Element, quote: ET.Element) -> str:
        """'原文定义（第一篇，第3页）：' and the quotation whole, from the essay's text."""
        strong = next(label.iter("strong"), None)
        name = text_of(strong) if strong is not None else text_of(label).split("（")[0]
        link = next((a for a in label.iter("a") if a.get("href", "").startswith("#")), None)
        anchor = link.get("href", "")[1:] if link is not None else ""
        said = text_of(quote)
        paragraph = self.element(anchor)
        if paragraph is None:
            text, where = said, ""
        else:
            start, text = whole_quote("".join(paragraph.itertext()), said)
            where = f"（{self.reference(self.place(anchor, start))}）"
        return (
            f'<p class="defined"><strong>{html.escape(name)}</strong>{where}：</p>'
            f"<blockquote><p>{html.escape(closed(text))}</p></blockquote>"
        )

    def use(self, link: ET.Element) -> str:
        """The anchor of one use: at the term itself, found by the snippet around it."""
        anchor = link.get("href", "")[1:]
        element, term = self.element(anchor), next(link.iter("strong"), None)
        if element is None or term is None:
            return anchor
        before = (link.text or "").lstrip("…")
        after = (term.tail or "").rstrip("…")
        text, phrase = "".join(element.itertext()), "".join(term.itertext())
        for context, lead in (
            (before + phrase + after, before),
            (before + phrase, before),
            (phrase + after, ""),
        ):
            found = text.find(context)
            if found >= 0:
                return self.place(anchor, found + len(lead))
        return anchor

    def section(self, section: list[ET.Element]) -> str:
        """The uses as pages per essay; any other section as the site has it."""
        links = [a for el in section for a in el.iter("a")]
        anchors = [a.get("href", "")[1:] for a in links]
        if not links or not all(self.chapter_of(a) for a in anchors):
            return "".join(self.kept(el) for el in section)
        label = COUNT.split(text_of(section[0]))[0]
        by_essay: dict[str, list[str]] = {}
        for link, anchor in zip(links, anchors, strict=True):
            by_essay.setdefault(essay_name(self.chapter_of(anchor)), []).append(self.use(link))
        uses = "；".join(
            f"{html.escape(name)}，\ue000{' '.join(places)}\ue001"
            for name, places in by_essay.items()
        )
        count = self.words["uses"].format(len(links))
        return f'<p class="uses"><strong>{html.escape(label)}</strong>{count}：{uses}</p>'
