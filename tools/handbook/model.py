"""The document model passed between the pipeline's stages.

reader (lines) → structure (Handbook) → enrich (statistics) → writer (Markdown).
Every piece keeps the source line it came from, so the report and the front
matter can point back into the raw text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class SourceLine:
    """One non-blank line of the raw text after normalisation."""

    number: int  # 1-based line number in the raw file
    text: str


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


@dataclass
class Heading:
    text: str
    depth: int  # 1 = the outermost heading family inside an article
    rule: str
    line: int
    anchor: str = ""


@dataclass
class Paragraph:
    text: str
    line: int
    anchor: str = ""


Block = Heading | Paragraph | Byline


@dataclass
class Article:
    title: str | None  # None: the article has no title of its own
    blocks: list[Block] = field(default_factory=list)
    first_line: int = 0
    title_rule: str = ""
    anchor: str = ""

    @property
    def bylines(self) -> list[Byline]:
        return [b for b in self.blocks if isinstance(b, Byline)]

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]


@dataclass
class Essay:
    number: int
    title: str
    marker: str  # the marker as written, e.g. 第一篇
    line: int
    subtitle: str | None = None
    bylines: list[Byline] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    last_line: int = 0
    slug: str = ""
    # filled in by enrich
    characters: int = 0
    reading_minutes: int = 0
    description: str = ""

    @property
    def authors(self) -> list[Author]:
        bylines = self.bylines + [b for art in self.articles for b in art.bylines]
        return [a for b in bylines for a in b.authors]


@dataclass
class Collection:
    """One raw source file: a title, a date and its essays."""

    source: Path
    title: str
    date: str | None
    slug: str
    essays: list[Essay] = field(default_factory=list)
    title_line: int = 1
    date_line: int | None = None
    preface: list[Paragraph] = field(default_factory=list)  # header lines besides title and date
    repairs: list[Repair] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    recognitions: list[Recognition] = field(default_factory=list)


@dataclass
class Handbook:
    collections: list[Collection] = field(default_factory=list)
