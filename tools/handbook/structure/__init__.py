"""Stage 2: recognise the structure of normalised lines.

The document is looked at whole first (`survey`: its conventions), then
read in passes, each its own module:

    lines → survey → debris removed (`debris`) → pieces, broken lines joined
    (`segment`), headings glued into the prose cut out (`glued`) → essays
    found (`essays`) → per essay, each piece's role (`roles`) → articles of
    blocks (`assemble`) → a text of records split into its essays
    (`records`) → what looks wrong (`doubts`)

The rules come from `handbook.patterns`; every decision that is not obvious
is recorded as a Recognition, a Repair or a Doubt for the report.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from ..model import Collection, Essay, Paragraph, Recognition, Repair, SourceLine
from ..patterns import (
    BOOK_TITLE,
    BROKEN_TITLE,
    BROKEN_TITLE_END,
    BROKEN_TITLE_LINES_MAX,
    BROKEN_TITLE_PART,
    BYLINE_BEFORE_TITLE,
    CATALOGUE_CODE,
    DATE,
    DATE_LINE,
    DATELINE,
    GLUED_SOURCE,
    GROUP_NAME,
    HEAD_CUT,
    HEADING_MARKERS,
    ISSUE_HEADLINE_MIN,
    KICKER,
    LABELLED_HEADLINE,
    MARKDOWN_HEADING,
    OPENING_BYLINES,
    PROPERTY_DATE,
    PROPERTY_DATE_BAR,
    TITLE_COMPACT_DATE,
    TITLE_LABEL,
    UNIT_ABOVE,
)
from .assemble import assemble
from .debris import first_match, remove_debris
from .essays import (
    Layout,
    Start,
    book_contents_list,
    bulleted_contents,
    find_essays,
    summary_section,
)
from .glued import split_glued_headings
from .numbers import parse_number
from .records import records, split_records
from .roles import Context, Token, byline_match, classify
from .segment import segment, split_repair
from .shapes import ends_sentence, head_title_like, long_prose, name_like, plain_title_like
from .survey import Conventions, survey

__all__ = ["build_collection", "parse_number"]


def build_collection(
    path: Path, lines: list[SourceLine], repairs: list[Repair], slug: str, doubts: bool = True
) -> Collection:
    """Recognise a collection's header and essays in its normalised lines;
    with `doubts`, what looks wrong in them too (for the report alone: no
    page depends on it)."""
    conventions = survey(lines)
    kept, removals, page = remove_debris(lines, conventions, byline_match)
    pieces = split_glued_headings(
        segment(kept, conventions, repairs, removals), repairs, conventions.markup
    )
    collection = Collection(
        source=path,
        title=path.stem,
        date=None,
        slug=slug,
        title_line=0,
        repairs=repairs,
        removals=removals,
        recognitions=[],
        conventions=conventions.describe(),
    )
    if page.title is not None:  # the page's own title: no line of the text is taken for it
        collection.title, collection.title_line = page.title.text, page.title.line
        collection.recognitions.append(
            Recognition(page.title.line, "page-title", "collection title")
        )
    layout = find_essays(pieces)
    if layout.starts:
        marked_essays(collection, pieces, layout, conventions)
    else:
        single_essay(collection, pieces, conventions)
    if collection.date is None and page.date is not None:
        collection.date, collection.date_line = page.date.text, page.date.line
        collection.recognitions.append(Recognition(page.date.line, "page-date", "collection date"))
    if not layout.starts and collection.essays:
        essay = collection.essays[0]
        essay.date = essay.date or collection.date
        if collection.date is None and essay.date:
            collection.date, collection.date_line = essay.date, dated_line(essay)
    for essay in collection.essays:  # a letter dated by its signature
        first = essay.articles[0]
        if essay.date is None and first.title is None and first.date:
            essay.date = first.date
    collection.removals.sort(key=lambda r: r.line)
    if doubts:
        from .doubts import find_doubts  # the report's alone: a quiet conversion loads none

        collection.doubts = find_doubts(collection, layout)
    return collection


def dated_line(essay: Essay) -> int:
    """The line that gave the essay its date."""
    bylines = essay.bylines + [b for a in essay.articles[:1] for b in a.bylines]
    return next((b.line for b in bylines if b.date == essay.date), essay.line)


def title_of(piece: SourceLine, conventions: Conventions) -> tuple[str, list[Repair], str]:
    """A head line as a title: without a Markdown heading's mark, without the
    《》 of a book's title, without a catalogue code before it (returned, for
    the preface); the repairs that takes."""
    text, repairs, code = piece.text, [], ""
    if conventions.markdown and (mark := MARKDOWN_HEADING.match(text)):
        repairs.append(Repair(piece.number, "markdown-heading-mark", mark.group(0), ""))
        text = text[mark.end() :]
    book = BOOK_TITLE.match(text)
    if book:  # 《文选》 alone: the marks say it is a book's title
        repairs.append(Repair(piece.number, "book-title-marks", text, book["title"]))
        text = book["title"]
    catalogue = CATALOGUE_CODE.pattern.match(text)
    if catalogue:
        code, text = catalogue["code"], text[catalogue.end() :]
    return text, repairs, code


def header_title(
    collection: Collection, pieces: list[SourceLine], conventions: Conventions
) -> tuple[int, list[SourceLine]]:
    """Take the text's title from its first piece, if it is one, and the date
    under it. Returns how many pieces the header took and what of the title's
    piece is left (a head line's subtitle, date and speaker)."""
    if not pieces:
        return 0, []
    first = pieces[0]
    text, repairs, code = title_of(first, conventions)
    left: list[SourceLine] = []
    glued = BYLINE_BEFORE_TITLE.pattern.match(text)
    if glued and name_like(glued["name"]) and head_title_like(glued["title"]):
        repairs.append(
            split_repair(first.number, BYLINE_BEFORE_TITLE.name, glued["byline"], glued["title"])
        )
        text, left = glued["title"], [SourceLine(first.number, glued["byline"])]
    cut = [p for p in HEAD_CUT.pattern.split(text) if p and p.strip()]
    if len(cut) > 1 and head_title_like(cut[0].strip()):
        rest = text[len(cut[0]) :].strip()
        collection.repairs.append(split_repair(first.number, HEAD_CUT.name, cut[0], rest))
        text = cut[0].strip()
        left += [SourceLine(first.number, p.strip()) for p in cut[1:]]
    source = GLUED_SOURCE.search(text)
    if source and head_title_like(text[: source.start()]):  # 标题来源：某某报  发布时间：…
        head, rest = text[: source.start()], text[source.start() :]
        collection.repairs.append(split_repair(first.number, GLUED_SOURCE.name, head, rest))
        text, left = head, [*left, SourceLine(first.number, rest)]
    if (
        (collection.title_line and text != collection.title)  # the page's title is given
        or not head_title_like(text)
        or byline_match(text)
        or DATE_LINE.pattern.match(text)
        or PROPERTY_DATE.match(text)
        or under_unit_byline(pieces)  # a group's name over its members
        or first_match(HEADING_MARKERS, text)  # a section's heading, not the text's title
    ):
        return 0, []
    collection.title, collection.title_line = text, first.number
    collection.repairs += repairs
    collection.recognitions.append(Recognition(first.number, "first-line", "collection title"))
    if code:
        collection.preface.append(Paragraph(code, first.number))
        collection.recognitions.append(Recognition(first.number, CATALOGUE_CODE.name, code))
    taken = 1
    if not left and len(pieces) > 1 and (date := DATE.pattern.match(pieces[1].text)):
        collection.date, collection.date_line = date.group(1), pieces[1].number
        collection.recognitions.append(Recognition(pieces[1].number, DATE.name, "collection date"))
        taken = 2
    elif compact := TITLE_COMPACT_DATE.pattern.search(text):
        collection.date, collection.date_line = compact["date"], first.number
        collection.recognitions.append(Recognition(first.number, TITLE_COMPACT_DATE.name, "date"))
    return taken, left


def noted_title(collection: Collection, pieces: list[SourceLine], conventions: Conventions) -> int:
    """The title given as a note (标题：《…》) among the writer's notes that
    open a text no line heads, before its first paragraph of prose: the
    text's title; the notes, that one with them as written, its front
    matter. Returns how many pieces they take (0: no title is given so)."""
    for i, piece in enumerate(pieces):
        if long_prose(piece.text):
            return 0  # the text has begun: a label in it titles nothing
        found = TITLE_LABEL.match(piece.text)
        if not found:
            continue
        text, repairs, _ = title_of(SourceLine(piece.number, found["title"]), conventions)
        if not head_title_like(text) or byline_match(text):
            return 0
        collection.title, collection.title_line = text, piece.number
        collection.repairs += repairs
        collection.recognitions.append(Recognition(piece.number, TITLE_LABEL.name, text))
        collection.preface += [Paragraph(p.text, p.number) for p in pieces[: i + 1]]
        return i + 1
    return 0


def under_unit_byline(pieces: list[SourceLine]) -> bool:
    """Whether the first piece names a group, its members on the second."""
    found = byline_match(pieces[1].text) if len(pieces) > 1 else None
    return (
        found is not None
        and found[0].name in UNIT_ABOVE
        and GROUP_NAME.pattern.match(pieces[0].text) is not None
    )


def single_essay(
    collection: Collection, pieces: list[SourceLine], conventions: Conventions
) -> None:
    """A text without essay markers: one essay, titled by the text's title."""
    lead = 0  # news datelines standing above the title
    while lead < len(pieces) and opening_byline_alone(pieces[lead].text):
        lead += 1
    lead += issue_date_over_headline(pieces[lead : lead + 2])
    kicker = pieces[lead] if kicker_over_title(pieces[lead : lead + 2]) else None
    if kicker is None and kicker_over_headline(pieces[lead : lead + 3], conventions.text):
        kicker = pieces[lead]
    if kicker is None and kicker_over_labelled(pieces[lead : lead + 3]):
        kicker = pieces[lead]
    start = lead + (kicker is not None)
    pieces = joined_title(pieces, start, collection.repairs)
    taken, left = header_title(collection, pieces[start:], conventions)
    if not collection.title_line:
        taken = noted_title(collection, pieces[start:], conventions) or taken
    titled = collection.title_line > 0
    # Untitled, the essay starts at its first words: not at the date over them.
    opening = next((p for p in pieces if not PROPERTY_DATE.match(p.text)), None)
    line = collection.title_line if titled else (opening or pieces[0]).number if pieces else 0
    essay = Essay(1, collection.title if titled else "", "", line)
    if titled and taken and not left and MARKDOWN_HEADING.match(pieces[start].text):
        taken += stacked_heads(collection, essay, pieces[start + taken :], conventions)
    what = "one essay, title from first line" if titled else "one essay, no title"
    collection.recognitions.append(Recognition(line, "no-marker", what))
    before = pieces[:lead]
    body = left + pieces[start + taken :]
    if kicker is not None and titled:  # the deck set above the title: the essay starts there
        essay.subtitle, essay.line = kicker.text, kicker.number
        collection.recognitions.append(Recognition(kicker.number, KICKER.name, "essay subtitle"))
    elif kicker is not None:
        body.insert(0, kicker)
    contents = (
        bulleted_contents(body)
        or (conventions.markdown and summary_section(body))
        or book_contents_list(body)
    )
    if contents:
        collection.recognitions.append(
            Recognition(body[0].number, "contents-list", f"to line {body[contents - 1].number}")
        )
        collection.preface += front_matter(collection, body[:contents], conventions.markdown)
        body = body[contents:]
    fill_essay(essay, before, body, collection, conventions, titled)
    if groups := records(collection, essay, conventions.indented):
        collection.essays += split_records(collection, essay, groups)
    else:
        collection.essays.append(essay)


def front_matter(
    collection: Collection, pieces: list[SourceLine], markdown: bool
) -> list[Paragraph]:
    """A contents list's lines as the text's front matter, a Markdown
    heading's mark taken off its label (## 新闻摘要), reported."""
    out = []
    for piece in pieces:
        mark = MARKDOWN_HEADING.match(piece.text) if markdown else None
        if mark:
            collection.repairs.append(
                Repair(piece.number, "markdown-heading-mark", mark.group(0).strip(), "")
            )
        out.append(Paragraph(piece.text[mark.end() :] if mark else piece.text, piece.number))
    return out


def joined_title(pieces: list[SourceLine], start: int, repairs: list[Repair]) -> list[SourceLine]:
    """The pieces with a document's title broken over lines at `start`
    (国务院办公厅关于推进 / 政务新媒体健康有序发展的意见, or over up to four:
    …关于禁止在 / … / 和迁入人口的通告) as one, each join reported."""
    first = pieces[start] if start < len(pieces) else None
    if first is None or not BROKEN_TITLE.match(first.text):
        return pieces
    end = start + 1
    while (
        end < min(len(pieces), start + BROKEN_TITLE_LINES_MAX - 1)
        and not BROKEN_TITLE_END.match(pieces[end].text)
        and BROKEN_TITLE_PART.match(pieces[end].text)
    ):
        end += 1
    parts = pieces[start : end + 1]
    if (
        end >= len(pieces)
        or not BROKEN_TITLE_END.match(pieces[end].text)
        or not head_title_like("".join(p.text for p in parts))
    ):
        return pieces
    for one, two in itertools.pairwise(parts):
        repairs.append(
            Repair(
                one.number,
                BROKEN_TITLE.name,
                f"{one.text[-6:]} / {two.text[:6]} (line {two.number})",
                one.text[-6:] + two.text[:6],
            )
        )
    title = SourceLine(first.number, "".join(p.text for p in parts))
    return [*pieces[:start], title, *pieces[end + 1 :]]


def kicker_over_title(pieces: list[SourceLine]) -> bool:
    """Whether the first of two pieces is a kicker leading with its dash into
    a title on the second (征服…、征战高原戈壁—— / 爱山无悔 路在脚下)."""
    return (
        len(pieces) == 2
        and KICKER.match(pieces[0].text) is not None
        and head_title_like(pieces[1].text)
        and not ends_sentence(pieces[1].text)
        and byline_match(pieces[1].text) is None
    )


def kicker_over_headline(pieces: list[SourceLine], text: str) -> bool:
    """Whether the first of two title-like lines over a news page's dateline
    (date and source) is the kicker over the headline on the second, which
    the page names again elsewhere (its title bar, its record line) where it
    never names the kicker: 安徽司法行政系统推行领导干部训诫预警 /
    安徽司法行政系训诫预警：“揪揪耳朵”防腐败 / 2009年11月09日00:00  来源：…"""
    if len(pieces) < 3 or DATELINE.match(pieces[2].text) is None:
        return False
    kicker, headline = pieces[0].text, pieces[1].text
    return (
        head_title_like(kicker)
        and head_title_like(headline)
        and not ends_sentence(kicker)
        and text.count(headline) > 1
        and text.count(kicker) == 1
    )


def kicker_over_labelled(pieces: list[SourceLine]) -> bool:
    """Whether the first of two title-like lines is the kicker over a
    headline that ends in its series' label (河南着力培育新动能塑造新优势 /
    …争先出彩（推动高质量发展·权威发布） / 本报记者 王乐文 方 敏): a byline or
    a dateline under the headline."""
    if len(pieces) < 3 or not LABELLED_HEADLINE.search(pieces[1].text):
        return False
    under = pieces[2].text
    return (
        head_title_like(pieces[0].text)
        and not ends_sentence(pieces[0].text)
        and LABELLED_HEADLINE.search(pieces[0].text) is None
        and (byline_match(under) is not None or DATELINE.match(under) is not None)
    )


def stacked_heads(
    collection: Collection, essay: Essay, pieces: list[SourceLine], conventions: Conventions
) -> int:
    """Markdown headings stacked under the page's title with no text between
    them (# 读书笔记 / ## 政治理论学习 / ### 凝心聚力跟党走…): the last titles the
    text, those between are the page's sections, its front matter (without
    their marks). One heading alone under the page's title heads a piece of
    the text instead. Returns how many pieces they take."""
    if not conventions.markdown:
        return 0
    run = 0
    while run < len(pieces) and MARKDOWN_HEADING.match(pieces[run].text):
        run += 1
    if run < STACKED_HEADS_MIN or run == len(pieces):
        return 0  # the page's title over one heading: that one heads a piece of it
    heads = [(p, *title_of(p, conventions)[:2]) for p in pieces[:run]]
    *sections, (last, title, repairs) = heads
    if not head_title_like(title):
        return 0
    for piece, text, marks in sections:
        collection.preface.append(Paragraph(text, piece.number))
        collection.repairs += marks
    essay.title, essay.line = title, last.number
    collection.repairs += repairs
    collection.recognitions.append(Recognition(last.number, STACKED_HEADS, f"essay title: {title}"))
    return run


STACKED_HEADS = "stacked-headings"
STACKED_HEADS_MIN = 2  # headings under the page's title: a section's, then the text's


def issue_date_over_headline(pieces: list[SourceLine]) -> bool:
    """Whether the first of two pieces is a date alone over a headline (a
    digital edition's issue date, 2022年02月13日 / “厕所革命”改善农牧区人居环境):
    a dateline standing above the title, not an untitled text's first line;
    so is the page's date property over the text's own title, the page's
    headline over it removed (发布时间：2024年05月05日 | / 中国式现代化发展之路)."""
    return (
        len(pieces) == 2
        and any(r.match(pieces[0].text) for r in (DATE_LINE, PROPERTY_DATE, PROPERTY_DATE_BAR))
        and len(pieces[1].text) >= ISSUE_HEADLINE_MIN
        and head_title_like(pieces[1].text)
        and DATE_LINE.pattern.match(pieces[1].text) is None
        and byline_match(pieces[1].text) is None
    )


def opening_byline_alone(text: str) -> bool:
    found = byline_match(text)
    return found is not None and found[0].name in OPENING_BYLINES and not found[1]["rest"]


def marked_essays(
    collection: Collection, pieces: list[SourceLine], layout: Layout, conventions: Conventions
) -> None:
    """Essays from their markers; the header before the first one."""
    first = layout.starts[0].index
    header = pieces[:first]
    if layout.unmarked_first:
        essay = Essay(1, "", "", header[0].number)
        if header and plain_title_like(header[0].text, 2):
            essay.title = header.pop(0).text
        collection.recognitions.append(
            Recognition(essay.line, "unmarked-first-essay", "the text before 篇二 is essay 1")
        )
        fill_essay(essay, [], header, collection, conventions, bool(essay.title))
        collection.essays.append(essay)
    else:
        taken, left = header_title(collection, header, conventions)
        for piece in left + header[taken:]:
            collection.preface.append(Paragraph(piece.text, piece.number))
    for first_line, last_line in layout.contents:
        collection.recognitions.append(
            Recognition(
                pieces[first_line].number, "contents-list", f"to line {pieces[last_line].number}"
            )
        )
    for index, start in enumerate(layout.starts):
        end = layout.starts[index + 1].index if index + 1 < len(layout.starts) else len(pieces)
        essay, body = marked_essay(start, pieces, end, len(collection.essays) + 1, collection)
        fill_essay(essay, [], body, collection, conventions, bool(essay.title))
        collection.essays.append(essay)


def marked_essay(
    start: Start, pieces: list[SourceLine], end: int, position: int, collection: Collection
) -> tuple[Essay, list[SourceLine]]:
    line = pieces[start.index]
    body = pieces[start.index + 1 : end]
    if start.match.groupdict().get("marker"):
        marker = start.match.group("marker")
    else:
        marker = line.text[: start.match.start("title")].rstrip(":\uff1a、.． ")
    title = start.title
    glued = title.find("【", 1)
    if glued > 0 and not head_title_like(title):  # a bracketed head glued to the title
        body.insert(0, SourceLine(line.number, title[glued:]))
        collection.repairs.append(
            split_repair(line.number, "split-glued-heading", title[:glued], title[glued:])
        )
        title = title[:glued].strip()
    if not title and body and plain_title_like(body[0].text, 2):
        title = body.pop(0).text  # 【篇一】 alone, the title on the next line
    essay = Essay(start.number or position, title, marker, line.number)
    if word := start.match.groupdict().get("word"):  # 毛选第十一篇《…》: the volume's
        essay.subtitle = word  # short name, a series label, as over a title
    collection.recognitions.append(
        Recognition(line.number, start.rule.name, f"essay {position}: {title}")
    )
    return essay, body


def fill_essay(
    essay: Essay,
    before: list[SourceLine],
    pieces: list[SourceLine],
    collection: Collection,
    conventions: Conventions,
    titled: bool,
) -> None:
    """Turn an essay's pieces into its subtitle, bylines and articles.
    `before`: datelines standing above its title."""
    ctx = Context(collection, conventions)
    tokens: list[Token] = []
    for piece in before:
        tokens += classify(piece.text, piece.number, ctx)
    ctx.previous = Token("title", essay.title, essay.line) if titled else None
    for position, piece in enumerate(pieces):
        ctx.first = position == 0
        tokens += classify(piece.text, piece.number, ctx)
    assemble(essay, tokens, collection.recognitions)
    lines = [p.number for p in before + pieces]
    essay.last_line = max(lines) if lines else essay.line
