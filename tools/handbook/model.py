"""The document model passed between the pipeline's stages.

reader (lines) → structure (Handbook) → enrichment (statistics, term links)
→ Markdown writer (pages). Stages meet only here: none calls another.

Text lives at the inline level, as in pandoc: a paragraph, a heading and a
title hold a sequence of inlines (`Text`, `TermLink`), and their plain text
is derived from them. An enrichment step marks what it finds by replacing
inlines (the glossary turns a term's first use into a `TermLink`); the
writers render whatever inlines they are given. A new inline feature is a
new inline class here, the step that makes it, and a case in each writer.

Every piece keeps the source line it came from, so the report and the front
matter can point back into the raw text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

# --- inlines ---------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """Characters exactly as the text has them."""

    text: str


@dataclass(frozen=True)
class TermLink:
    """Characters naming a glossary term: a link to its page, with the term's
    name and definition for the popover."""

    text: str
    slug: str
    definition: str
    term: str = ""  # the entry's name when the text uses an alias of it ("": the text)


Inline = Text | TermLink


def inlines_of(content: str | Iterable[Inline]) -> list[Inline]:
    """A string as one Text (nothing for ""), or the inlines as given."""
    if isinstance(content, str):
        return [Text(content)] if content else []
    return list(content)


def plain_text(inlines: list[Inline]) -> str:
    """What the inlines say, markup aside."""
    if len(inlines) == 1:  # nearly every block
        return inlines[0].text
    return "".join(inline.text for inline in inlines)


def mark(inlines: list[Inline], spans: list[tuple[int, int, Inline]]) -> list[Inline]:
    """The inlines with each span of their plain text (start, end, in order,
    not overlapping) replaced by the inline given for it, which says the same
    characters. A span not inside a single Text (it reaches into an inline an
    earlier step made) is left as it is. The enrichment steps mark with this."""
    if not spans:
        return inlines
    out: list[Inline] = []
    pending = iter(spans)
    span = next(pending, None)
    offset = 0  # of the current inline in the plain text
    for inline in inlines:
        end = offset + len(inline.text)
        position = offset  # what of this inline is out already
        while span is not None and span[0] < end:
            start, stop, marked = span
            if isinstance(inline, Text) and start >= position and stop <= end:
                if start > position:
                    out.append(Text(inline.text[position - offset : start - offset]))
                out.append(marked)
                position = stop
            span = next(pending, None)
        if position == offset:
            out.append(inline)
        elif position < end:
            out.append(Text(inline.text[position - offset :]))
        offset = end
    return out


def text_of(field_name: str, optional: bool = False) -> property:
    """The plain text of the inlines in `field_name` (None when there are
    none, if `optional`); set to a string, they become one Text."""

    def get(self: object) -> str | None:
        inlines = getattr(self, field_name)
        if len(inlines) == 1:  # nearly every block and title
            return inlines[0].text
        return None if optional and not inlines else plain_text(inlines)

    def put(self: object, text: str | None) -> None:
        setattr(self, field_name, inlines_of(text or ""))

    return property(get, put)


# --- the text and its structure ------------------------------------------

UNTITLED_WORDS = 16  # characters of its first words that name an untitled essay


@dataclass(frozen=True)
class SourceLine:
    """One non-blank line of the raw text after normalisation."""

    number: int  # 1-based line number in the raw file
    text: str
    indented: bool = False  # the raw line opened with an indent (spaces, U+3000), stripped


@dataclass
class Repair:
    """A change the converter made to the text; every one is reported."""

    line: int
    rule: str
    before: str
    after: str
    count: int = 1  # how many marks one line-level repair changed


@dataclass
class Removal:
    """A line dropped as site debris; every one is reported."""

    line: int
    rule: str
    text: str


@dataclass
class Recognition:
    """How a piece of structure was recognised (essay marker, byline form …)."""

    line: int
    rule: str
    what: str


@dataclass
class Doubt:
    """A result that looks wrong, for a maintainer to check: where the
    converter had to guess (a title too long to be one, an empty essay …)."""

    line: int
    rule: str
    what: str


@dataclass
class Author:
    name: str
    unit: str = ""
    role: str = ""  # e.g. 授课 (lecture), 发言 (speech), 文 (written by)


@dataclass
class Byline:
    """A byline or attribution; it stays where the source has it."""

    text: str  # exactly as it stands in the source
    authors: list[Author]
    rule: str
    line: int
    date: str | None = None  # the date it gives (a dateline's, a signature's), as written


@dataclass(init=False)
class Heading:
    inlines: list[Inline]
    depth: int  # 1 = the outermost heading family inside an article
    rule: str
    line: int
    anchor: str = ""

    def __init__(
        self, text: str | Iterable[Inline], depth: int, rule: str, line: int, anchor: str = ""
    ) -> None:
        self.inlines = inlines_of(text)
        self.depth, self.rule, self.line, self.anchor = depth, rule, line, anchor

    text = text_of("inlines")


@dataclass(init=False)
class Paragraph:
    inlines: list[Inline]
    line: int
    anchor: str = ""

    def __init__(self, text: str | Iterable[Inline], line: int, anchor: str = "") -> None:
        self.inlines = inlines_of(text)
        self.line, self.anchor = line, anchor

    text = text_of("inlines")


Block = Heading | Paragraph | Byline


@dataclass(init=False)
class Article:
    title_inlines: list[Inline]  # empty: the article has no title of its own
    blocks: list[Block]
    first_line: int = 0
    title_rule: str = ""
    anchor: str = ""
    date: str | None = None  # as written, from its dateline or attribution

    def __init__(
        self,
        title: str | Iterable[Inline] | None,
        blocks: list[Block] | None = None,
        first_line: int = 0,
        title_rule: str = "",
        anchor: str = "",
        date: str | None = None,
    ) -> None:
        self.title_inlines = inlines_of(title or "")
        self.blocks = blocks if blocks is not None else []
        self.first_line, self.title_rule, self.anchor = first_line, title_rule, anchor
        self.date = date

    title = text_of("title_inlines", optional=True)

    @property
    def bylines(self) -> list[Byline]:
        return [b for b in self.blocks if isinstance(b, Byline)]

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]


@dataclass
class Essay:
    number: int
    title_inlines: list[Inline]  # may be given as a string; empty: the text has no title
    marker: str  # the marker as written, e.g. 第一篇
    line: int
    subtitle_inlines: list[Inline] = field(default_factory=list)  # may be given as a string
    bylines: list[Byline] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    last_line: int = 0
    date: str | None = None  # its own date as written; None: the collection's
    slug: str = ""
    # filled in by enrichment
    characters: int = 0
    reading_minutes: int = 0
    description: str = ""
    terms: list[str] | None = None  # glossary terms in order of first use; None: no glossary

    def __post_init__(self) -> None:
        self.title_inlines = inlines_of(self.title_inlines)
        self.subtitle_inlines = inlines_of(self.subtitle_inlines or "")

    title = text_of("title_inlines")
    subtitle = text_of("subtitle_inlines", optional=True)

    @property
    def label(self) -> str:
        """What names the essay where a name is needed: its title, else its
        marker, else its first words (a text with neither)."""
        if self.title or self.marker:
            return self.title or self.marker
        first = next((b.text for a in self.articles for b in a.blocks if b.text), "")
        return first[:UNTITLED_WORDS] + ("…" if len(first) > UNTITLED_WORDS else "")

    @property
    def name(self) -> str:
        """The essay as lists and references name it: marker and title
        (第一篇 群众路线是党的生命线), else its label."""
        return " ".join(n for n in (self.marker, self.title) if n) or self.label

    @property
    def authors(self) -> list[Author]:
        bylines = self.bylines + [b for art in self.articles for b in art.bylines]
        return [a for b in bylines for a in b.authors]


@dataclass
class Collection:
    """One raw source file: a title, a date and its essays."""

    source: Path
    title: str  # the text's own title; its file name when it has none (title_line 0)
    date: str | None
    slug: str
    essays: list[Essay] = field(default_factory=list)
    title_line: int = 1
    date_line: int | None = None
    preface: list[Paragraph] = field(default_factory=list)  # header lines besides title and date
    repairs: list[Repair] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    recognitions: list[Recognition] = field(default_factory=list)
    conventions: str = ""  # what the converter learned of the text's habits
    doubts: list[Doubt] = field(default_factory=list)


# --- the glossary ------------------------------------------------------------

# Category key (in glossary.yml) → heading on the index, in index order.
CATEGORIES = {
    "concept": "概念",
    "requirement": "要求",
    "slogan": "提法",
    "campaign": "活动",
    "practice": "做法",
    "person": "人物",
    "document": "文献",
}


@dataclass(frozen=True)
class Citation:
    """Where the text itself defines a term: a source line and its words."""

    line: int
    quote: str


@dataclass
class Term:
    """One entry of the curated glossary (source/glossary.yml)."""

    term: str
    slug: str
    category: str  # a key of CATEGORIES
    definition: str
    aliases: list[str] = field(default_factory=list)
    defined_at: Citation | None = None
    parts: list[str] = field(default_factory=list)  # the members the text enumerates
    not_in: list[str] = field(default_factory=list)  # longer words that are not uses of it
    note: str = ""
    line: int = 0  # the entry's line in glossary.yml

    @property
    def phrases(self) -> list[str]:
        return [self.term, *self.aliases]


# Passages and occurrences are made by the ten thousand (every passage, every
# use of a term), so they are not frozen: a frozen dataclass's fields are set
# one call each, three times as slow.
@dataclass(eq=False)
class Passage:
    """A piece of an essay page's text: its title or subtitle, an article
    title, a heading or a paragraph."""

    page: str  # the page's path under docs/
    anchor: str  # "" for the page's own title and subtitle
    text: str
    line: int
    essay: Essay
    block: Block | None = None  # the heading or paragraph; None for a title


@dataclass
class Occurrence:
    """A use of a term in a passage."""

    passage: Passage
    start: int
    end: int

    @property
    def phrase(self) -> str:
        return self.passage.text[self.start : self.end]


@dataclass
class Glossary:
    """The curated terms and what the glossary step found of them in the text."""

    terms: list[Term]
    occurrences: dict[str, list[Occurrence]]  # by slug, in page order
    sites: dict[str, Passage | None]  # by slug: the passage its defined_at quotes
    doubts: list[Doubt] = field(default_factory=list)  # entries of glossary.yml, by its lines


@dataclass
class Handbook:
    collections: list[Collection] = field(default_factory=list)
    glossary: Glossary | None = None  # set by the glossary step
