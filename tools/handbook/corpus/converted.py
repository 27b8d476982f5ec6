"""The converter's outline of a text: the one place that reads the document
model."""

from __future__ import annotations

from pathlib import Path

from ..chars import han
from .outline import Article, Author, Essay, Outline

BEGINS = 20  # characters of an article's first block that find where it starts


def body(blocks: list) -> list:
    """The blocks from the body's first: bylines on lines of their own above
    it left out (a byline glued to the body's first line is where it starts)."""
    from ..model import Byline

    lead = 0
    while lead < len(blocks) and isinstance(blocks[lead], Byline):
        lead += 1
    if 0 < lead < len(blocks) and blocks[lead - 1].line != blocks[lead].line:
        return blocks[lead:]
    return blocks


def converter_outline(path: Path) -> Outline:
    """Convert one text through the public pipeline and describe what came out."""
    from ..model import Heading
    from ..pipeline import build_handbook
    from ..settings import Settings

    collection = build_handbook([path], Settings()).collections[0]
    header = [(collection.title_line, collection.title)]
    if collection.date:
        header.append((collection.date_line or 0, collection.date))
    output = [(p.line, p.text) for p in collection.preface]

    def bylined(bylines: list) -> list[Author]:
        return [Author(a.name, a.role) for b in bylines for a in b.authors]

    essays = []
    for e in collection.essays:
        titled = e.title if e.title and e.title != e.marker else None  # else: no title found
        output += [(e.line, t) for t in (e.marker, titled, e.subtitle) if t]
        output += [(b.line, b.text) for b in e.bylines]
        articles = []
        for a in e.articles:
            if a.title and a.title_rule != "original-title":  # else its words stand below
                output.append((a.first_line, a.title))
            output += [(b.line, b.text) for b in a.blocks]
            # Found as the reader's are: by its first words, its title the last
            # occurrence before them (a title given after the text is not there).
            # An untitled article starts at its body: a byline on a line of its
            # own above the body (a speaker's) is not where it starts.
            first = next((b for b in body(a.blocks) if han(b.text)), None)
            articles.append(
                Article(
                    a.title,
                    begins=first.text[:BEGINS] if first else None,
                    authors=bylined(a.bylines),
                    date=a.date,
                    headings=[b.text for b in a.blocks if isinstance(b, Heading)],
                    line=a.first_line if a.title or not first else first.line,
                    heading_lines=[b.line for b in a.blocks if isinstance(b, Heading)],
                )
            )
        essays.append(
            Essay(
                e.marker or None,
                titled,
                authors=bylined(e.bylines),
                date=e.date,
                articles=articles,
                line=e.line,
            )
        )
    removed = [(r.line, r.text) for r in collection.removals]
    return Outline(
        collection.title,
        collection.date,
        essays,
        removed=removed,
        output=output,
        header=header,
        doubts=[(d.line, d.rule) for d in collection.doubts],
    )
