"""Stage 2: recognise the structure of normalised lines.

lines → debris removed → header (title, date) and essays → per essay, a stream
of tokens (subtitle, byline, article title, heading candidate, paragraph) →
articles of blocks. The rules come from `patterns`; every decision that is
not obvious is recorded as a Recognition or a Repair for the report.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path

from .chars import CLAUSE_END, COLON, COMMA, HAN, SEMICOLON, SENTENCE_END
from .model import (
    Article,
    Author,
    Byline,
    Collection,
    Essay,
    Heading,
    Paragraph,
    Recognition,
    Removal,
    Repair,
    SourceLine,
)
from .patterns import (
    BYLINES,
    DATE,
    DEBRIS,
    ESSAY_MARKERS,
    GLUED_ESSAY_MARKER,
    HEADING_MARKERS,
    PARAGRAPH_BREAK_SPACE,
    SUBTITLE,
    Rule,
)

# Limits that tell a title from a sentence.
TITLE_MAX = 40
HEADING_MAX = 64
ARTICLE_BODY_MIN = 40  # an article title is followed by a real paragraph

ENDS_IN_HAN = re.compile(f"[{HAN}]$")
MARKER_TAIL = re.compile(r"[:\uff1a、.\s]+$")
LIST_ITEM_END = f"{SEMICOLON}{COMMA}、"


@dataclass
class Token:
    kind: str  # subtitle | byline | title | heading | paragraph
    text: str
    line: int
    rule: str = ""
    byline: Byline | None = None


def build_collection(
    path: Path, lines: list[SourceLine], repairs: list[Repair], slug: str
) -> Collection:
    """Recognise a collection's header and essays in its normalised lines."""
    removals: list[Removal] = []
    kept: list[SourceLine] = []
    for line in lines:
        debris = first_match(DEBRIS, line.text)
        if debris:
            removals.append(Removal(line.number, debris[0].name, line.text))
        else:
            kept.append(line)

    recognitions: list[Recognition] = []
    kept = split_glued_markers(kept, repairs)
    markers = [(i, first_match(ESSAY_MARKERS, line.text)) for i, line in enumerate(kept)]
    starts = [(i, m) for i, m in markers if m]
    if starts:
        header = kept[: starts[0][0]]
    else:  # no essay marker: the first line titles the one essay; a date may follow it
        dated = len(kept) > 1 and DATE.pattern.match(kept[1].text)
        header = kept[: 2 if dated else 1]
    collection = Collection(
        source=path,
        title=header[0].text if header else path.stem,
        date=None,
        slug=slug,
        title_line=header[0].number if header else 0,
        repairs=repairs,
        removals=removals,
        recognitions=recognitions,
    )
    recognitions.append(Recognition(collection.title_line, "first-line", "collection title"))
    for line in header[1:]:
        date = DATE.pattern.match(line.text)
        if date and collection.date is None:
            collection.date, collection.date_line = date.group(1), line.number
            recognitions.append(Recognition(line.number, DATE.name, "collection date"))
        else:
            collection.preface.append(Paragraph(line.text, line.number))

    if not starts:
        recognitions.append(
            Recognition(collection.title_line, "no-marker", "one essay, title from first line")
        )
        essay = Essay(1, collection.title, "", collection.title_line)
        fill_essay(essay, kept[len(header) :], collection)
        collection.essays.append(essay)
    for index, (start, (marker_rule, match)) in enumerate(starts, start=1):
        end = starts[index][0] if index < len(starts) else len(kept)
        line = kept[start]
        number = parse_number(match.group("num") or match.groupdict().get("num2") or str(index))
        body = kept[start + 1 : end]
        marker = MARKER_TAIL.sub("", line.text[: match.start("title")])
        title = match.group("title").strip()
        if not title and body and plain_title_like(body[0].text):
            title = body.pop(0).text  # 【篇一】 alone, the title on the next line
        essay = Essay(number, title or marker, marker, line.number)
        recognitions.append(Recognition(line.number, marker_rule.name, f"essay {index}: {title}"))
        fill_essay(essay, body, collection)
        collection.essays.append(essay)
    return collection


def split_glued_markers(lines: list[SourceLine], repairs: list[Repair]) -> list[SourceLine]:
    """`…最后一句。第二篇:标题` → two lines: the marker starts its own."""
    result = []
    for line in lines:
        pieces = GLUED_ESSAY_MARKER.pattern.split(line.text)
        for before, after in itertools.pairwise(pieces):
            repairs.append(split_repair(line.number, GLUED_ESSAY_MARKER.name, before, after))
        result += [SourceLine(line.number, p.strip()) for p in pieces if p.strip()]
    return result


def split_repair(number: int, rule: str, left: str, right: str, mark: str = "|") -> Repair:
    """A line cut in two; the report shows a few characters either side."""
    return Repair(number, rule, f"{left[-8:]} {right[:8]}", f"{left[-8:]} {mark} {right[:8]}")


def first_match(rules: list[Rule], text: str) -> tuple[Rule, re.Match[str]] | None:
    for r in rules:
        m = r.pattern.search(text)
        if m:
            return r, m
    return None


def parse_number(numeral: str) -> int:
    """Chinese or Arabic numeral → int: 十一 → 11, 二十 → 20, 3 → 3."""
    if numeral.isdigit():
        return int(numeral)
    values = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
    total, current = 0, 0
    for c in numeral:
        if c == "百":
            total += (current or 1) * 100
            current = 0
        elif c == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = current * 10 + values.get(c, 0)
    return total + current


def fill_essay(essay: Essay, lines: list[SourceLine], collection: Collection) -> None:
    """Turn an essay's lines into its subtitle, bylines and articles."""
    lines = join_broken_lines(lines, collection.repairs)
    tokens: list[Token] = []
    for position, line in enumerate(lines):
        tokens += tokenize(line, first=position == 0, collection=collection)
    assemble(essay, tokens, collection.recognitions)
    essay.last_line = lines[-1].number if lines else essay.line


def join_broken_lines(lines: list[SourceLine], repairs: list[Repair]) -> list[SourceLine]:
    """Join a line broken in mid-word before something that looks like a heading.

    `形式主义:知行不` + `一、不求实效…等;` is one sentence (知行不一): the first
    line stops in a word, and the second ends like a list item, which no
    heading does.
    """
    joined: list[SourceLine] = []
    for line in lines:
        previous = joined[-1] if joined else None
        if (
            previous
            and ENDS_IN_HAN.search(previous.text)
            and COLON in previous.text
            and first_match(HEADING_MARKERS, line.text)
            and line.text[-1] in LIST_ITEM_END
        ):
            joined[-1] = SourceLine(previous.number, previous.text + line.text)
            repairs.append(
                Repair(
                    previous.number,
                    "joined-broken-line",
                    f"{previous.text[-6:]} / {line.text[:6]} (line {line.number})",
                    previous.text[-6:] + line.text[:6],
                )
            )
        else:
            joined.append(line)
    return joined


def tokenize(line: SourceLine, first: bool, collection: Collection) -> list[Token]:
    """Classify one line; a line may hold two things glued together."""
    text, number = line.text, line.number
    if first and SUBTITLE.pattern.match(text):
        collection.recognitions.append(Recognition(number, SUBTITLE.name, "essay subtitle"))
        return [Token("subtitle", text, number, SUBTITLE.name)]
    found = first_match(BYLINES, text)
    if found:
        r, m = found
        groups = m.groupdict()
        byline_text = groups.get("byline") or m.group(0)
        name = (groups.get("name") or "").strip()
        byline = Byline(
            byline_text,
            [Author(name, (groups.get("unit") or "").strip(), groups.get("role") or "")],
            r.name,
            number,
        )
        collection.recognitions.append(Recognition(number, r.name, f"byline: {byline_text}"))
        before = text[: m.start("byline")] if "byline" in groups else ""
        after = groups.get("rest") or ""
        tokens: list[Token] = []
        if r.name == "title-unit-author":
            tokens.append(Token("title", groups["title"], number, r.name))
        elif before.strip():
            tokens += paragraphs(before.strip(), number, collection.repairs)
            collection.repairs.append(
                split_repair(number, "split-trailing-byline", before, byline_text)
            )
        tokens.append(Token("byline", byline_text, number, r.name, byline))
        if after:
            collection.repairs.append(
                split_repair(number, "split-glued-byline", byline_text, after)
            )
            tokens += paragraphs(after, number, collection.repairs)
        return tokens
    heading = first_match(HEADING_MARKERS, text)
    if heading:
        # The first space after the heading's own words, not right after its marker.
        words = text[heading[1].end() :].lstrip()
        cut = len(text) - len(words) + words.find(" ")
        head, rest = (text[:cut], text[cut + 1 :]) if words.find(" ") > 0 else (text, "")
        if rest.strip() and title_like(head, TITLE_MAX):
            collection.repairs.append(split_repair(number, "split-glued-heading", head, rest))
            return [
                Token("heading", head, number, heading[0].name),
                *paragraphs(rest.strip(), number, collection.repairs),
            ]
        if title_like(text, HEADING_MAX):
            return [Token("heading", text, number, heading[0].name)]
    return paragraphs(text, number, collection.repairs)


def paragraphs(text: str, number: int, repairs: list[Repair]) -> list[Token]:
    """Split a line at spaces that stand for lost paragraph breaks."""
    parts, start = [], 0
    for space in PARAGRAPH_BREAK_SPACE.finditer(text):
        end = space.start() + len(space.group(1) or "")  # closing quotes stay with their sentence
        parts.append(text[start:end])
        start = space.end()
        repairs.append(
            split_repair(number, "split-paragraph-at-space", text[:end], text[space.end() :], "¶")
        )
    parts.append(text[start:])
    return [Token("paragraph", p, number) for p in parts if p]


def title_like(text: str, limit: int) -> bool:
    """Short, and no sentence inside it (a final 。 is allowed in headings)."""
    body = text.rstrip("。")
    return 0 < len(text) <= limit and not any(c in body for c in SENTENCE_END + SEMICOLON)


def plain_title_like(text: str) -> bool:
    """A line that can be an article title: short, no clause punctuation."""
    return 4 <= len(text) <= TITLE_MAX and not any(c in text for c in CLAUSE_END)


def assemble(essay: Essay, tokens: list[Token], recognitions: list[Recognition]) -> None:
    article = Article(None, first_line=tokens[0].line if tokens else essay.line)
    essay.articles.append(article)
    seen_title = False
    for i, token in enumerate(tokens):
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if token.kind == "subtitle":
            essay.subtitle = token.text
        elif token.kind == "byline":
            if not seen_title and not article.blocks:
                essay.bylines.append(token.byline)
            else:
                article.blocks.append(token.byline)
        elif token.kind == "title" or (
            token.kind == "paragraph" and starts_article(article, token, following)
        ):
            if not token.rule:
                token.rule = "title-line"
                recognitions.append(
                    Recognition(token.line, token.rule, f"article title: {token.text}")
                )
            if article.blocks:
                article = Article(None, first_line=token.line)
                essay.articles.append(article)
            article.title, article.title_rule, article.first_line = (
                token.text,
                token.rule,
                token.line,
            )
            seen_title = True
        elif token.kind == "heading":
            article.blocks.append(Heading(token.text, 0, token.rule, token.line))
        else:
            article.blocks.append(Paragraph(token.text, token.line))
    for art in essay.articles:
        settle_headings(art)


def starts_article(article: Article, token: Token, following: Token | None) -> bool:
    """An unmarked short line that opens an essay, or that stands between
    paragraphs and is followed by a real one, is an article's title."""
    if not plain_title_like(token.text):
        return False
    if not article.blocks:
        return article.title is None and following is not None
    return (
        isinstance(article.blocks[-1], Paragraph | Byline)
        and following is not None
        and following.kind == "paragraph"
        and len(following.text) >= ARTICLE_BODY_MIN
    )


def settle_headings(article: Article) -> None:
    """Keep a heading candidate only if its numbering series heads text.

    A series (一、二、三、 in one article) whose members are followed by
    paragraphs is a set of headings; a series that never heads anything is an
    enumeration and stays in the paragraphs.
    """
    blocks = article.blocks
    heads_text: dict[str, bool] = {}
    for i, block in enumerate(blocks):
        if isinstance(block, Heading):
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            heads_text[block.rule] = heads_text.get(block.rule, False) or isinstance(nxt, Paragraph)
    depths: dict[str, int] = {}
    for i, block in enumerate(blocks):
        if isinstance(block, Heading):
            if heads_text[block.rule]:
                block.depth = depths.setdefault(block.rule, len(depths) + 1)
            else:
                blocks[i] = Paragraph(block.text, block.line)
