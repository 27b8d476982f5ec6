"""A text of records: reports pasted one after another, each under its own
title line, with no title of the whole (an app's news feed, a column's
export).

A reader sees it from the whole document, not from a line: the first line
titles only the first report (its text follows at once), every later piece
stands under a lone title line of the same kind, and no marker, byline or
date ties the pieces to one essay. Each record is then an essay of its own.

A feed (a mini-program's mock data) is records of a headline and a teaser
of one paragraph each: there a teaser straight after a teaser is a record
whose headline the feed left out, not the last record's second paragraph.

A record whose title is given twice (the page's title over the article's
own) is one essay holding one article titled by the repeat; the short lines
in it that take up the title's words (袁丽华、闫军堂等区领导到基层讲党课 over
袁丽华到南营村讲党课, 闫军堂到大慈邑村讲党课) head its parts: headings, not
records.
"""

from __future__ import annotations

from ..model import (
    Article,
    Block,
    Byline,
    Collection,
    Doubt,
    Essay,
    Heading,
    Paragraph,
    Recognition,
)
from ..patterns import CLOSING_BYLINES, HEADING_MARKERS, SERIES_LABEL
from .assemble import REPEATED_TITLE
from .debris import first_match
from .shapes import ARTICLE_BODY_MIN, ends_sentence, head_title_like, plain_title_like

RECORDS_MIN = 3  # titled pieces that make a text of records
RECORD_TITLE_MIN = 10  # characters of a report's headline (a section's head is shorter)
LONE_TITLES = {"title-line", "banner-title", REPEATED_TITLE}  # titles standing alone
SHARED_WORDS = 3  # characters a part's head shares with its record's title
PART_HEAD = "part-head"
RECORDS = "records"
FLUSH_RECORD = "flush-record"  # a record with no headline, opened by a flush paragraph
FEED_RECORD = "feed-record"  # a feed's teaser with no headline over it


def records(collection: Collection, essay: Essay, indented: frozenset[int]) -> list[list[Article]]:
    """The one essay's articles grouped as records (a record's parts with
    it), when the essay is a run of records: titled by the text's first
    line, its first piece untitled, every later record under a lone title
    line as long as a report's headline (an essay's section heads are
    shorter), no byline but the credits closing a record (（…供稿）). Else
    none."""
    if fed := feed(collection, essay):
        return fed
    articles = essay.articles
    if (
        len(articles) < RECORDS_MIN
        or not 0 < collection.title_line == essay.line
        or articles[0].title is not None
        or SERIES_LABEL.match(essay.title)  # a study material's title is the whole text's
        or essay.bylines
        or essay.subtitle
        or any(a.title_rule not in LONE_TITLES for a in articles[1:])
        or any(b.rule not in CLOSING_BYLINES for a in articles for b in a.bylines)
    ):
        return []
    groups: list[list[Article]] = []
    for article in articles:
        if groups and part_of(groups[-1][0], article):
            groups[-1].append(article)
        else:
            groups.append([article])
    titles = [essay.title, *(g[0].title or "" for g in groups[1:])]
    if len(groups) < RECORDS_MIN or any(len(t) < RECORD_TITLE_MIN for t in titles):
        return []
    return flush_records(groups, indented, collection) if indented else groups


def feed(collection: Collection, essay: Essay) -> list[list[Article]]:
    """A feed's records, when the essay is one: under the text's first line
    (the first record's headline) nothing but headlines as long as a
    report's and unnumbered, each over one teaser of a paragraph, a teaser
    the line after a teaser where the feed gave its record no headline
    (fewer such than headlined ones). Each teaser is then a record, titled
    by the headline over it, or by none. Else none."""
    if (
        not 0 < collection.title_line == essay.line
        or essay.bylines
        or essay.subtitle
        or any(a.title is not None and a.title_rule not in LONE_TITLES for a in essay.articles)
    ):
        return []
    # each line in turn: its text, its number, its block (none: an article's title)
    items: list[tuple[str, int, Block | None]] = []
    for article in essay.articles:
        if article.title is not None:
            items.append((article.title, article.first_line, None))
        items += [(b.text, b.line, b) for b in article.blocks]
    groups: list[list[Article]] = []
    headline: tuple[str, int] | None = None
    for text, line, block in items:
        if isinstance(block, Paragraph) and teaser(text):
            title, first = headline or (None, line)
            groups.append([Article(title, [block], first_line=first, title_rule="title-line")])
            headline = None
        elif (
            headline is None
            and not isinstance(block, Byline)
            and len(text) >= RECORD_TITLE_MIN
            and head_title_like(text)
            and not first_match(HEADING_MARKERS, text)  # a section's number: an essay's head
        ):
            headline = (text, line)
        else:
            return []
    untitled = [g[0] for g in groups[1:] if g[0].title is None]
    if (
        headline is not None
        or not groups
        or groups[0][0].title is not None  # the text's first line titles the first record
        or len(groups) - len(untitled) < RECORDS_MIN
        or 2 * len(untitled) >= len(groups)
    ):
        return []
    collection.recognitions += [
        Recognition(a.first_line, FEED_RECORD, "a feed's teaser with no headline") for a in untitled
    ]
    return groups


def teaser(text: str) -> bool:
    """A record's teaser in a feed: one paragraph of running text."""
    return len(text) >= ARTICLE_BODY_MIN and ends_sentence(text)


def flush_records(
    groups: list[list[Article]], indented: frozenset[int], collection: Collection
) -> list[list[Article]]:
    """Where every record opens with a paragraph set flush and goes on in
    indented ones (a feed's habit), a flush paragraph after an indented one
    opens a record of its own, with no headline (the feed gave it none)."""
    firsts = [[b for b in g[0].blocks if isinstance(b, Paragraph)] for g in groups]
    if not all(
        ps and ps[0].line not in indented and any(p.line in indented for p in ps[1:])
        for ps in firsts
    ):
        return groups
    split: list[list[Article]] = []
    for group in groups:
        split.append([])
        for article in group:
            chunks = flush_chunks(article.blocks, indented)
            article.blocks = chunks[0]
            split[-1].append(article)
            for chunk in chunks[1:]:
                record = Article(None, first_line=chunk[0].line)
                record.blocks = chunk
                split.append([record])
                collection.recognitions.append(
                    Recognition(record.first_line, FLUSH_RECORD, "a record with no headline")
                )
    return split


def flush_chunks(blocks: list, indented: frozenset[int]) -> list[list]:
    """The blocks cut before each paragraph set flush after an indented one."""
    chunks: list[list] = [[]]
    for k, block in enumerate(blocks):
        before = blocks[k - 1] if k else None
        if (
            before is not None
            and isinstance(block, Paragraph)
            and block.line not in indented
            and before.line in indented
            and before.line != block.line
        ):
            chunks.append([])
        chunks[-1].append(block)
    return chunks


def split_records(collection: Collection, essay: Essay, groups: list[list[Article]]) -> list[Essay]:
    """The records as essays, numbered in order; the text keeps no title of
    its own (its file's name stands in)."""
    essays: list[Essay] = []
    for article, *rest in groups:
        # the first record is titled by the text's first line; a later one by
        # its own, or by none (a record with no headline)
        title = (article.title or "") if essays else essay.title
        record = Essay(len(essays) + 1, title, "", article.first_line if essays else essay.line)
        article.title, article.title_rule = None, ""
        first = article.blocks[0] if article.blocks else None
        if title and isinstance(first, Paragraph) and first.text == title:  # the title again
            article.blocks.pop(0)
            article.title, article.title_rule, article.first_line = (
                first.text,
                REPEATED_TITLE,
                first.line,
            )
            head_parts(article, title)
        for part in rest:
            assert part.title is not None
            article.blocks.append(Heading(part.title, 1, PART_HEAD, part.first_line))
            article.blocks += part.blocks
        record.articles.append(article)
        record.last_line = max((b.line for b in article.blocks), default=record.line)
        essays.append(record)
    collection.title, collection.title_line = collection.source.stem, 0
    collection.recognitions.append(
        Recognition(essay.line, RECORDS, f"{len(essays)} records, each an essay under its title")
    )
    return essays


def shares_words(text: str, title: str) -> bool:
    """Whether `text` takes up a run of the title's words (a name, a phrase)."""
    return any(text[i : i + SHARED_WORDS] in title for i in range(len(text) - SHARED_WORDS + 1))


def part_of(record: Article, article: Article) -> bool:
    """An article whose lone title takes up the words of a record's title
    given twice heads one of that record's parts; a title given twice heads
    a record of its own."""
    return (
        record.title_rule == REPEATED_TITLE
        and record.title is not None
        and article.title_rule in ("title-line", "banner-title")
        and article.title is not None
        and shares_words(article.title, record.title)
    )


def head_parts(article: Article, title: str) -> None:
    """In a record titled twice, a paragraph that is a short line taking up
    the title's words, over a paragraph of text, heads a part."""
    blocks = article.blocks
    for i, block in enumerate(blocks[:-1]):
        after = blocks[i + 1]
        if (
            isinstance(block, Paragraph)
            and plain_title_like(block.text)
            and not ends_sentence(block.text)
            and shares_words(block.text, title)
            and isinstance(after, Paragraph)
            and len(after.text) >= ARTICLE_BODY_MIN
        ):
            blocks[i] = Heading(block.text, 1, PART_HEAD, block.line)


# What each guess of a records reading says where it was made.
RECORD_DOUBTS = {
    FLUSH_RECORD: "a record with no headline: its first paragraph stands flush after indented "
    "ones, as every record's first does",
    FEED_RECORD: "a record with no headline: a teaser after a teaser, in a feed whose other "
    "teasers each stand under their headline",
}


def records_doubt(collection: Collection) -> list[Doubt]:
    """A text read as records: a guess from its shape, stated at its first
    line; a record with no headline, at its own."""
    return [
        Doubt(
            r.line,
            RECORDS,
            "no title of the whole: the first line titles only the first of the pieces "
            f"under lone title lines ({r.what})",
        )
        for r in collection.recognitions
        if r.rule == RECORDS
    ] + [
        Doubt(r.line, r.rule, RECORD_DOUBTS[r.rule])
        for r in collection.recognitions
        if r.rule in RECORD_DOUBTS
    ]
