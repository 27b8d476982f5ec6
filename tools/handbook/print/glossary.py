"""The glossary as a book prints it, made from the site's glossary pages.

On the site a term's page lists every use with a snippet; printed, that
outweighed the essays. The book keeps what a reader looks a term up for and
points into the text by page, as a book's index does:

- entries in pinyin order of the term itself (焦裕禄 before 焦裕禄精神);
- each entry's heading, facts, definition and quotation kept on one page;
- the quotation taken whole from the essay's repaired text (the sentences the
  site's quote starts, never a source line cut short), referred to by essay
  and page;
- the uses as a list of pages per essay: 用例（5 处）：第一篇 第3页；第二篇 第9、12页.

Page numbers of the essays are known when this is made (the essays are laid
out first), so they are written as text; a page number never breaks.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass

from pypinyin import Style, lazy_pinyin

from ..chars import CLOSING_QUOTES, SENTENCE_END
from ..publication import WORDS
from .site import Site, SitePage, classes, essay_name, text_of

COUNT = re.compile(r"（\s*\d+\s*[处處]\s*）")
SENTENCE = re.compile(f"[^{SENTENCE_END}]*(?:[{SENTENCE_END}]+[{CLOSING_QUOTES}]*|$)")

PageOf = Callable[[str], str]  # a book anchor → its printed page number


def pinyin_key(term: str) -> tuple[list[str], str]:
    """Dictionary order: syllable by syllable, tone after spelling, then the characters."""
    return lazy_pinyin(term, style=Style.TONE3, neutral_tone_with_five=True), term


def sentences(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in SENTENCE.finditer(text) if m.end() > m.start()]


def whole_quote(paragraph: str, quote: str) -> str:
    """The sentences of `paragraph` that `quote` starts and runs through.

    The site quotes the definition as the source line gave it, which a broken
    line may have cut; the repaired paragraph holds it whole.

    >>> whole_quote("“四风”之一。形式主义：知行不一、不求实效等。其次。", "形式主义：知行不")
    '形式主义：知行不一、不求实效等。'
    """
    quote = quote.strip()
    start = -1
    for length in (12, 8, 4):
        start = paragraph.find(quote[:length])
        if start >= 0:
            break
    if start < 0:  # converted apart (Traditional): the best-matching sentence start
        start = max(
            (s for s, _ in sentences(paragraph)),
            key=lambda s: sum(a == b for a, b in zip(paragraph[s:], quote, strict=False)),
            default=0,
        )
    end = min(len(paragraph), start + len(quote))
    spans = sentences(paragraph)
    first = next((s for s, e in spans if s <= start < e), start)
    last = next((e for s, e in spans if s < end <= e), len(paragraph))
    return paragraph[first:last]


@dataclass
class Entry:
    page: SitePage
    term: str


class PrintGlossary:
    """The glossary's print HTML for one edition, given the essays' page numbers."""

    def __init__(self, site: Site, script: str, page_of: PageOf) -> None:
        self.words = WORDS[script]
        self.page_of = page_of
        self.chapters = {p.prefix: p for p in site.of_kind("chapter", "part")}
        self.index = next(iter(site.of_kind("back")), None)
        self.entries = sorted(
            (Entry(p, p.title) for p in site.of_kind("entry")), key=lambda e: pinyin_key(e.term)
        )

    def chapter_of(self, anchor: str) -> SitePage | None:
        prefix = anchor.split("-", 1)[0] + "-"
        return self.chapters.get(prefix)

    def pages(self, anchors: list[str]) -> str:
        """第3、4页: the pages of the anchors, each once, in order; unbreakable numbers."""
        numbers = sorted({self.page_of(a) for a in anchors} - {""}, key=lambda n: (len(n), n))
        if not numbers:
            return ""
        cells = [f"{html.escape(n)}、" for n in numbers[:-1]] + [html.escape(numbers[-1])]
        cells[0] = self.words["page_before"] + cells[0]
        cells[-1] += self.words["page_after"]
        return "".join(f'<span class="pageref">{c}</span>' for c in cells)

    def reference(self, anchor: str) -> str:
        """第一篇，第3页: where a place in the essays is."""
        chapter = self.chapter_of(anchor)
        name = html.escape(essay_name(chapter)) if chapter else ""
        return f"{name}，{self.pages([anchor])}" if name else self.pages([anchor])

    def html(self) -> str:
        body = [self.front()]
        body += [self.entry(e) for e in self.entries]
        return "".join(body)

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
                    name = html.escape(text_of(a))
                    out.append(f'<li><a class="xref index" href="{a.get("href")}">{name}</a></li>')
                out.append("</ul>")
        return "".join([*out, "</div></section>"])

    def entry(self, entry: Entry) -> str:
        children = [c for c in entry.page.article if c.tag != "h1"]
        head, rest, n = [], [], 0
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
        anchor = entry.page.anchor()
        return (
            f'<section class="entry" id="{anchor}"><div class="entry-head">'
            f"<h2>{html.escape(entry.term)}</h2>{''.join(head)}</div>{''.join(rest)}</section>"
        )

    def kept(self, el: ET.Element) -> str:
        """A paragraph of the site's entry as it is; links into the essays get their page."""
        for a in el.iter("a"):
            href = a.get("href", "")
            if href.startswith("#") and self.chapter_of(href[1:]):
                a.set("class", "xref essay")
                a.tail = f"（{self.reference(href[1:])}）" + (a.tail or "")
            elif "xref" in classes(a):
                a.set("class", "xref term")
        return ET.tostring(el, encoding="unicode", method="html")

    def definition(self, label: ET.Element, quote: ET.Element) -> str:
        """'原文定义（第一篇，第3页）：' and the sentences quoted whole."""
        strong = next(label.iter("strong"), None)
        name = text_of(strong) if strong is not None else text_of(label).split("（")[0]
        link = next((a for a in label.iter("a") if a.get("href", "").startswith("#")), None)
        anchor = link.get("href", "")[1:] if link is not None else ""
        target = self.paragraph(anchor)
        said = text_of(quote)
        text = whole_quote(target, said) if target else said
        where = f"（{self.reference(anchor)}）" if target else ""
        return (
            f'<p class="defined"><strong>{html.escape(name)}</strong>{where}：</p>'
            f"<blockquote><p>{html.escape(text)}</p></blockquote>"
        )

    def paragraph(self, anchor: str) -> str:
        chapter = self.chapter_of(anchor)
        if chapter is None:
            return ""
        found = next((el for el in chapter.article.iter() if el.get("id") == anchor), None)
        return "".join(found.itertext()).strip() if found is not None else ""

    def section(self, section: list[ET.Element]) -> str:
        """The uses as pages per essay; any other section as the site has it."""
        links = [a.get("href", "")[1:] for el in section for a in el.iter("a")]
        if not links or not all(self.chapter_of(a) for a in links):
            return "".join(self.kept(el) for el in section)
        label = COUNT.split(text_of(section[0]))[0]
        by_essay: dict[str, list[str]] = {}
        for anchor in links:
            by_essay.setdefault(essay_name(self.chapter_of(anchor)), []).append(anchor)
        uses = "；".join(
            f"{html.escape(name)} {self.pages(anchors)}" for name, anchors in by_essay.items()
        )
        count = self.words["uses"].format(len(links))
        return f'<p class="uses"><strong>{html.escape(label)}</strong>{count}：{uses}</p>'
