"""Results that look wrong, reported with their line so that a maintainer
can check them: where the converter had to guess."""

from __future__ import annotations

import itertools
import re

from ..model import Article, Byline, Collection, Doubt, Essay, Heading, Paragraph
from ..patterns import (
    BYLINES,
    CLOSING_AFTER_TEXT,
    COLUMN_LABEL,
    HEADING_MARKERS,
    LISTED_TITLE,
    MARKER_START,
    MENU_ITEM,
    MENU_RUN_MIN,
    NAME_SEPARATORS,
    SPEAKER_BY_HABIT,
)
from ..patterns.base import any_of
from ..patterns.doubts import (
    BYLINE_AS_TEXT,
    DATE_TITLE,
    DOCUMENT_NAME,
    DOUBT_KINDS,
    HEADLINE_MIN,
    HEADLINE_REACH,
    LABEL_ALONE,
    LATIN_FURNITURE,
    LIKE_LINES_MIN,
    MENU_TITLE,
    NAMES_ONLY,
    OPEN_END_TITLE,
    SHORT_BYLINE_MAX,
    SITE_AFFIX_TITLE,
    SITE_NAME_TITLE,
    TABLE_CELLS_MIN,
    TITLE_LABEL,
    WORD_USES_MIN,
)
from .essays import Layout
from .numbers import HEADING_NUMBER, parse_number
from .page import GUESSED
from .records import records_doubt
from .shapes import LONG_TITLE, TITLE_MAX, ends_sentence, head_title_like, name_like, prose

MARKER_IN_TEXT = re.compile(MARKER_START)
# Guesses the recognition stage makes from a line's form and the text's
# habits, reported so that a maintainer can check them.
GUESSED_HEADINGS = {
    "box-label": "a line ending in a colon read as a heading",
    "part-head": "a short line taking up the words of the title given twice above it "
    "read as the head of a part",
}
GUESSED_BYLINES = {
    SPEAKER_BY_HABIT.name: "a name alone read as the speaker of what follows "
    "(the text sets its speakers' lines so)"
}
GUESSED_TITLES = {
    "banner-title": "the first of short lines after a piece's end read as a new piece's title"
}
MEANING = {k.name: k.meaning for k in DOUBT_KINDS}
# A title the whole of which one of the byline rules matches (a title with
# its unit and author is a title): one match of them all at the title's start.
BYLINE_TITLE = any_of([r for r in BYLINES if r.name != "title-unit-author"])


def find_doubts(collection: Collection, layout: Layout) -> list[Doubt]:
    doubts: list[Doubt] = []
    if len(collection.title) > LONG_TITLE:
        doubts.append(long_title(collection.title_line, "the text's title", collection.title))
    numbers = [e.number for e in collection.essays if e.marker]
    doubts += numbering(numbers, [e.line for e in collection.essays if e.marker], "essay")
    if collection.title_line:  # else the file's name, not a line taken for a title
        doubts += title_shape(collection.title_line, collection.title)
    doubts += file_name_title(collection)
    for essay in collection.essays:
        if (essay.line, essay.title) != (collection.title_line, collection.title):
            doubts += title_shape(essay.line, essay.title)
        # the essay's paragraphs, once: what a byline's short name is looked for in
        words = "".join(p.text for a in essay.articles for p in a.paragraphs)
        doubts += essay_start(essay) + bylines_doubts(essay.bylines, words) + title_over_menu(essay)
        if len(essay.title) > LONG_TITLE:
            doubts.append(long_title(essay.line, f"essay {essay.number}'s title", essay.title))
        if essay.title.endswith("。"):
            doubts.append(sentence_title(essay.line, f"essay {essay.number}'s title", essay.title))
        if byline_like(essay.title):
            doubts.append(
                Doubt(
                    essay.line, "byline-as-title", f"essay title looks like a byline: {essay.title}"
                )
            )
        if not any(text_of(a) for a in essay.articles):
            doubts.append(Doubt(essay.line, "empty-essay", f"essay {essay.number} has no text"))
        for article in essay.articles:
            doubts += article_doubts(article, essay.number) + shaped_doubts(article, words)
        doubts += closed_by_source(essay.articles)
        for before, after in itertools.pairwise(essay.articles):
            doubts += like_lines_title(before, after)
    doubts += listed_essays(collection, layout) + records_doubt(collection)
    doubts += [
        Doubt(
            r.line,
            r.rule,
            f"the first line read as the page's column label, not its title: {r.text}",
        )
        for r in collection.removals
        if r.rule == COLUMN_LABEL.name
    ]
    return doubts + furniture_guess(collection)


def furniture_guess(collection: Collection) -> list[Doubt]:
    """The first line of no weight either way that the page's furniture
    around it took (structure/page.py): a guess, once a page."""
    guess = next((r for r in collection.removals if r.rule == GUESSED), None)
    if guess is None:
        return []
    text = f"a line standing among the page's furniture removed with it: {guess.text}"
    return [Doubt(guess.line, GUESSED, text)]


def doubt(line: int, kind: str, text: str) -> Doubt:
    return Doubt(line, kind, f"{MEANING[kind]}: {text}")


def title_shape(line: int, title: str | None) -> list[Doubt]:
    """A title that ends open (a kicker, a lead-in) or is a date or a number."""
    if not title:
        return []
    shapes = (OPEN_END_TITLE, DATE_TITLE, SITE_AFFIX_TITLE, MENU_TITLE, SITE_NAME_TITLE)
    return [doubt(line, r.name, title) for r in shapes if r.search(title)]


def file_name_title(collection: Collection) -> list[Doubt]:
    """A text titled by its file name while a line near its top, kept as
    text, has the shape of a headline: a note naming the title or a
    document's name first, else the first line shaped as a headline."""
    if collection.title_line or not collection.essays:
        return []
    blocks = [b for a in collection.essays[0].articles for b in a.blocks][:HEADLINE_REACH]
    # a line under the text's first heading is that section's, no headline of the text
    heads = [i for i, b in enumerate(blocks) if isinstance(b, Heading)]
    top = [b for b in blocks[: heads[0] if heads else None] if isinstance(b, Paragraph)]
    named = [b for b in top if TITLE_LABEL.search(b.text) or DOCUMENT_NAME.search(b.text)]
    shaped = [
        b
        for b in top
        if len(b.text) >= HEADLINE_MIN and head_title_like(b.text) and not ends_sentence(b.text)
    ]
    line = next(iter(named + shaped), None)
    return [doubt(line.line, "title-from-file-name", line.text)] if line else []


def essay_start(essay: Essay) -> list[Doubt]:
    """An untitled essay whose text opens at site furniture (`Collect from`)
    or at a label over short lines (`提纲：`, `索 引 号：`): where a title was
    not found, the text may not start where the essay does."""
    blocks = [b for a in essay.articles[:1] for b in a.blocks[:2]]
    if essay.title or not blocks or not isinstance(blocks[0], Paragraph | Heading):
        return []
    first = blocks[0]
    furniture = LATIN_FURNITURE.search(first.text) is not None or (
        LABEL_ALONE.search(first.text) is not None and len(blocks) > 1 and not prose(blocks[1].text)
    )
    return [doubt(first.line, "essay-opens-at-furniture", first.text)] if furniture else []


def bylines_doubts(bylines: list[Byline], words: str) -> list[Doubt]:
    """Bylines whose name is a word of the essay's paragraphs `words` (党课
    over 党课制度…) or holds several names (沙凌云、许小赛)."""
    out = []
    for b in bylines:
        for a in b.authors:
            name = "".join(a.name.split())
            if len(name) <= SHORT_BYLINE_MAX and words.count(name) >= WORD_USES_MIN:
                out.append(doubt(b.line, "word-as-byline", b.text))
            parts = [p for p in NAME_SEPARATORS.split(a.name) if p]
            if len(parts) > 1 and all(len(p) > 1 for p in parts):
                out.append(doubt(b.line, "names-in-one", a.name))
    return out


def shaped_doubts(article: Article, words: str) -> list[Doubt]:
    """Lines of an article that kept a shape the converter reads elsewhere:
    a title, a byline, a table's cells (`words`: its essay's paragraphs)."""
    out = title_shape(article.first_line, article.title) + bylines_doubts(article.bylines, words)
    for block in article.paragraphs:
        if BYLINE_AS_TEXT.search(block.text) or (
            NAMES_ONLY.search(block.text)
            and all(name_like(n) for n in NAME_SEPARATORS.split(block.text) if n)
        ):
            out.append(doubt(block.line, BYLINE_AS_TEXT.name, block.text))
        if TITLE_LABEL.search(block.text):
            out.append(doubt(block.line, TITLE_LABEL.name, block.text))
    return out + broken_headline(article) + table_cells(article)


def broken_headline(article: Article) -> list[Doubt]:
    """A document's name broken over two lines (国务院办公厅关于推进 /
    政务新媒体健康有序发展的意见), the halves kept as a title and text or as
    two paragraphs."""
    texts = [(article.first_line, article.title)] if article.title else []
    texts += [(b.line, b.text if isinstance(b, Paragraph) else "") for b in article.blocks]
    return [
        doubt(line, "broken-headline", f"{one} / {two}")
        for (line, one), (_, two) in itertools.pairwise(texts)
        if one
        and two
        and not ends_sentence(one)
        and not DOCUMENT_NAME.search(one)
        and DOCUMENT_NAME.search(one + two)
    ]


def table_cells(article: Article) -> list[Doubt]:
    """Labels alone on their lines each over a short value (`索 引 号：` /
    `000014349/2018-00221` / `主题分类：` …): a table read cell by cell,
    reported once at its first label."""
    blocks = [b for b in article.blocks if not isinstance(b, Byline)]
    runs, run, at = [], [], 0
    while at < len(blocks):
        if is_cell(blocks[at : at + 2]):
            run.append(blocks[at])
            at += 2
        else:
            runs.append(run)
            run, at = [], at + 1
    runs.append(run)
    return [
        doubt(r[0].line, "table-cells", " ".join(b.text for b in r))
        for r in runs
        if len(r) >= TABLE_CELLS_MIN
    ]


def is_cell(pair: list) -> bool:
    """A label alone over its value: short, no sentence, no label itself."""
    return (
        len(pair) == 2
        and LABEL_ALONE.search(pair[0].text) is not None
        and not LABEL_ALONE.search(pair[1].text)
        and len(pair[1].text) <= TITLE_MAX
        and not prose(pair[1].text)
    )


def title_over_menu(essay: Essay) -> list[Doubt]:
    """An essay whose title stands over a run of short words kept as text
    (首页 over 医院概况 / 医院介绍 / 历史沿革 …): a site's menu read as the
    text, its title likely one of the items."""
    if not essay.articles:
        return []
    blocks = [b for b in essay.articles[0].blocks if not isinstance(b, Byline)][:MENU_RUN_MIN]
    if len(blocks) == MENU_RUN_MIN and all(
        isinstance(b, Paragraph) and MENU_ITEM.match(b.text) for b in blocks
    ):
        return [doubt(essay.line, "title-over-menu", essay.title)]
    return []


def like_lines_title(before: Article, after: Article) -> list[Doubt]:
    """An article titled by a short line right under short lines of its
    shape that stay text (the last of a series of photo captions)."""
    if not after.title or after.title_rule != "title-line":
        return []
    tail = before.blocks[-LIKE_LINES_MIN:]
    if len(tail) == LIKE_LINES_MIN and all(
        isinstance(b, Paragraph) and len(b.text) <= TITLE_MAX and not ends_sentence(b.text)
        for b in tail
    ):
        return [doubt(after.first_line, "title-after-like-lines", after.title)]
    return []


def listed_essays(collection: Collection, layout: Layout) -> list[Doubt]:
    """Essays begun at lines a contents list of bare titles names: a guess
    from the list's form, stated once at the list's first line."""
    found = sum(s.rule.name == LISTED_TITLE.name for s in layout.starts)
    listed = next((r for r in collection.recognitions if r.rule == "contents-list"), None)
    if not found or listed is None:
        return []
    return [
        Doubt(
            listed.line,
            "essays-from-contents",
            f"short lines read as a contents list ({listed.what}); "
            f"{found} of its titles, found again below, start the essays",
        )
    ]


def closed_by_source(articles: list[Article]) -> list[Doubt]:
    """An untitled article begun only because a source line closed the one
    before (出处：… then the next piece's text)."""
    return [
        Doubt(
            after.first_line,
            "untitled-after-source",
            f"an untitled article starts after the source line {before.blocks[-1].text[:20]}",
        )
        for before, after in itertools.pairwise(articles)
        if after.title is None
        and before.blocks
        and isinstance(before.blocks[-1], Byline)
        and before.blocks[-1].rule in CLOSING_AFTER_TEXT
    ]


def sub_heads(article: Article) -> list[str]:
    """The short lines that stand, on the title's own source line, between
    a one-line report's headline and its text."""
    deck = []
    for block in article.blocks:
        if not (isinstance(block, Paragraph) and block.line == article.first_line):
            break
        if ends_sentence(block.text) or not head_title_like(block.text):
            break
        deck.append(block.text)
    return deck


def article_doubts(article: Article, number: int) -> list[Doubt]:
    doubts = []
    line = article.first_line
    if article.title:
        # a headline the writer set as a Markdown heading is theirs, however long
        if len(article.title) > LONG_TITLE and article.title_rule != "markdown-heading":
            doubts.append(long_title(line, f"an article title in essay {number}", article.title))
        if article.title.endswith("。"):
            doubts.append(
                sentence_title(line, f"an article title in essay {number}", article.title)
            )
        if byline_like(article.title):
            doubts.append(
                Doubt(
                    line, "byline-as-title", f"article title looks like a byline: {article.title}"
                )
            )
        if not text_of(article):
            doubts.append(Doubt(line, "empty-article", f"article {article.title} has no text"))
        if guess := GUESSED_TITLES.get(article.title_rule):
            doubts.append(Doubt(line, article.title_rule, f"{guess}: {article.title}"))
        deck = sub_heads(article)
        if deck:
            doubts.append(
                Doubt(
                    line,
                    "deck-under-headline",
                    "short lines cut from the headline's line kept as text under the title "
                    f"(sub-heads or a deck): {' / '.join(deck)}",
                )
            )
    for block in article.blocks:
        guess = (
            GUESSED_HEADINGS.get(block.rule)
            if isinstance(block, Heading)
            else GUESSED_BYLINES.get(block.rule)
            if isinstance(block, Byline)
            else None
        )
        if guess:
            doubts.append(Doubt(block.line, block.rule, f"{guess}: {block.text}"))
        found = (
            MARKER_IN_TEXT.search(block.text)
            if isinstance(block, Paragraph) and ("篇" in block.text or "范文" in block.text)
            else None
        )
        if found:
            doubts.append(
                Doubt(
                    block.line,
                    "marker-in-text",
                    f"an essay marker left in the text: {found.group(0)}",
                )
            )
    return doubts + series_numbering(article)


SERIES_RULES = {rule.name for rule in HEADING_MARKERS}


def series_numbering(article: Article) -> list[Doubt]:
    """Each numbered series of headings that restarts or skips; a head of an
    outer series (二、) starts the inner series under it afresh (（一） again)."""
    doubts = []
    last: dict[str, tuple[int, int, int]] = {}  # each series' last number, its depth and line
    for block in article.blocks:
        value = HEADING_NUMBER.match(block.text) if isinstance(block, Heading) else None
        if not value or block.rule not in SERIES_RULES:
            continue
        for rule in [r for r, (_, depth, _) in last.items() if depth > block.depth]:
            del last[rule]
        number = parse_number(value["num"])
        if block.rule in last:
            before, _, line = last[block.rule]
            doubts += numbering([before, number], [line, block.line], "heading")
        last[block.rule] = (number, block.depth, block.line)
    return doubts


def numbering(numbers: list[int], lines: list[int], what: str) -> list[Doubt]:
    """A series that restarts or skips: 1, 2, 4 or 1, 2, 1."""
    doubts = []
    for (a, b), line in zip(itertools.pairwise(numbers), lines[1:], strict=False):
        if b != a + 1:
            how = "restarts" if b <= a else "skips"
            doubts.append(Doubt(line, f"{what}-numbering", f"{what} numbering {how}: {a} then {b}"))
    return doubts


def text_of(article: Article) -> bool:
    return any(isinstance(b, Paragraph | Heading) for b in article.blocks)


def byline_like(title: str) -> bool:
    return bool(title) and (
        BYLINE_TITLE.fullmatch(title) is not None or title.startswith(("记者", "来源", "作者", "■"))
    )


def long_title(line: int, what: str, title: str) -> Doubt:
    return Doubt(line, "long-title", f"{what} has {len(title)} characters: {title[:20]}…")


def sentence_title(line: int, what: str, title: str) -> Doubt:
    return Doubt(line, "title-ends-sentence", f"{what} ends in a full stop: {title[:20]}")
