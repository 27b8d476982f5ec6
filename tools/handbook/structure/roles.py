"""What each piece of an essay is: its role.

A piece can be a subtitle, a byline (author, source, dateline, attribution,
signature), a date, a title, a heading, a label or a paragraph, and one piece
can hold several glued together (标题 ■作者 正文, 标题（日期）讲话人正文). The
role is read from the piece's form and from what stands before it: a name
alone is a byline under a title or a source, a title-like line is a title
when a byline, a date or a source follows it (`assemble` decides that, as it
sees what follows). The rules are named data in `handbook.patterns`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..chars import COLON, SENTENCE_END
from ..model import Author, Byline, Collection, Recognition, Removal, Repair
from ..patterns import (
    ADMONITION,
    BARE_NAME,
    BRACKET_HEADING,
    BYLINES,
    CODE_LABEL,
    DASH_SUBTITLE,
    DATE_GLUED_AFTER_TEXT,
    DATE_LINE,
    DATE_PLACE,
    DECK_NAME_END,
    DOCUMENT_NUMBER,
    DOCUMENT_TITLE,
    ERA_DATE,
    GLOSSED_DAY,
    GLUED_DECK,
    GLUED_PAREN_NAME,
    GLUED_SOURCE,
    GROUP_NAME,
    HEAD_CUT,
    HEAD_CUT_MARKS,
    HEADING_MARKERS,
    HEADLINE_MAX,
    HTML_HEADING,
    LABEL_HEADINGS,
    LABEL_LEADER,
    LABEL_NAME_MIN,
    MARKDOWN_EMPHASIS,
    MARKDOWN_HEADING,
    MARKDOWN_LIST_ITEM,
    MONTH_DATE,
    NAME_GLUED_UNIT,
    NAME_SEPARATORS,
    NAMED_LISTS,
    NEWS_CITATION,
    NEWS_LEAD,
    NEWS_LEAD_REACH,
    NOT_A_LABEL,
    NUMBERED_LABEL,
    NUMBERED_QUESTION,
    OFFICE_BEFORE_SPEAKER,
    ORDINAL_POINT,
    PAREN_NAME,
    PROPERTY_DATE,
    PROPERTY_DATE_BAR,
    PROPERTY_LINE,
    QUESTION_RUN_IN,
    QUOTE_SPEAKER,
    SERIES_LABEL,
    SERIES_LABEL_AFTER,
    SHORT_BYLINES,
    SHORT_PIECE,
    SOURCE_BUREAU,
    SPEAKER_BY_HABIT,
    SPREAD_NAME,
    STATUTE_ARTICLE,
    SUBHEAD_AFTER_MAIN,
    SUBTITLE,
    UNIT_ABOVE,
    Rule,
)
from ..patterns.base import any_of
from . import properties
from .debris import first_match
from .properties import DATE
from .segment import STAFF_CREDIT, split_repair
from .shapes import (
    HEAD_TITLE_MAX,
    HEADING_MAX,
    TITLE_MAX,
    ends_sentence,
    head_title_like,
    name_like,
    title_like,
)
from .survey import Conventions

SENTENCE_STOP = re.compile(f"[{SENTENCE_END}][”’]?")
# Any of the marks a head line's cut stands beside, found in one search.
ANY_HEAD_CUT_MARK = re.compile(f"[{re.escape(HEAD_CUT_MARKS)}]")
# Any label or heading marker, tried first: most pieces are neither.
ANY_LABEL, ANY_HEADING = any_of(LABEL_HEADINGS), any_of(HEADING_MARKERS)
SPEAKER_GLUED = "speaker-glued"  # the byline rule of a speaker glued to the first sentence
# A date alone on its line, in the order tried.
DATE_RULES = (DATE_LINE, DATE_PLACE, PROPERTY_DATE, ERA_DATE, PROPERTY_DATE_BAR)
# Bylines whose names must look like names (they could be prose otherwise).
NAMED_FORMS = {
    "office-byline",
    "square-byline",
    "attribution",
    "attribution-wire",
    "speaker-office",
    "spokesperson",
    "speaker-name-spaced",
}
# A Markdown heading numbered as a section, or right over one: the writer's
# heading, kept whatever follows it.
MARKDOWN_SECTION = "markdown-section"
CODE_BLOCK = "markdown-code-block"
LEAD_IN_ENDS = f"{COLON}:"  # what ends a bold line that leads into a list: no heading
GLUED_NAME_REST = 10  # characters of text after a speaker's name glued to it
HEAD_TITLE_MIN = 6  # characters of a title cut from what is glued to it


@dataclass
class Token:
    kind: str  # subtitle | byline | date | title | heading | label | paragraph | display
    text: str
    line: int
    rule: str = ""
    byline: Byline | None = None
    date: str | None = None
    strong: bool = False  # a title that carries its own evidence (a byline glued to it)
    title: str = ""  # for 原标题：…, the title it gives


@dataclass
class Context:
    """What the classifier knows besides the piece itself."""

    collection: Collection
    conventions: Conventions
    previous: Token | None = None
    first: bool = False  # the essay's first piece
    tokens: list[Token] = field(default_factory=list)

    def recognise(self, line: int, rule: str, what: str) -> None:
        self.collection.recognitions.append(Recognition(line, rule, what))

    def repair(self, repair: Repair) -> None:
        self.collection.repairs.append(repair)


def classify(text: str, line: int, ctx: Context) -> list[Token]:
    """The tokens one piece holds, in order. `ctx.previous` follows along."""
    out: list[Token] = []
    for token in read(text, line, ctx):
        ctx.previous = token
        out.append(token)
    return out


def read(text: str, line: int, ctx: Context) -> list[Token]:
    previous = ctx.previous
    after_title = previous is not None and previous.kind in ("title", "subtitle")
    if line in ctx.conventions.code:
        return [Token("display", text, line, CODE_BLOCK)]  # a chart's or a program's: heads nothing
    if line in ctx.conventions.boxes and (box := ADMONITION.match(text)):
        head = box["title"] or box["type"]
        ctx.repair(Repair(line, ADMONITION.name, text, head))
        ctx.recognise(line, ADMONITION.name, f"heading: {head}")
        return [Token("heading", head, line, ADMONITION.name)]
    if ctx.conventions.markdown and (mark := MARKDOWN_HEADING.match(text)):
        ctx.repair(Repair(line, "markdown-heading-mark", mark.group(0).strip(), ""))
        words = text[mark.end() :]
        if ANY_HEADING.match(words) and first_match(HEADING_MARKERS, words):
            # numbered as a section (### 一、…): a heading of its article, no article's title
            ctx.recognise(line, MARKDOWN_SECTION, f"heading: {words}")
            return [Token("heading", words, line, MARKDOWN_SECTION)]
        return [Token("title", words, line, "markdown-heading", strong=True)]
    if ctx.conventions.markdown and (bold := MARKDOWN_EMPHASIS.pattern.match(text)):
        return emphasised(bold["text"], text, line, ctx)
    if ctx.conventions.markdown and (tag := ctx.conventions.html_headings.get(text)):
        if tag != "h1":
            ctx.recognise(line, HTML_HEADING.name, f"heading: {text}")
            return [Token("heading", text, line, HTML_HEADING.name)]
        if after_title:  # the page's top heading under the text's title
            ctx.recognise(line, HTML_HEADING.name, f"subtitle: {text}")
            return [Token("subtitle", text, line, HTML_HEADING.name)]
    if ctx.conventions.markdown and MARKDOWN_LIST_ITEM.pattern.match(text):
        return [Token("display", text, line, MARKDOWN_LIST_ITEM.name)]  # heads nothing
    if CODE_LABEL.match(text):
        return [Token("label", text, line, "code-label")]
    if DOCUMENT_NUMBER.match(text):  # a line of the document's head that titles nothing
        return [Token("display", text, line, DOCUMENT_NUMBER.name)]
    if ctx.first and SUBTITLE.pattern.match(text):
        ctx.recognise(line, SUBTITLE.name, "essay subtitle")
        return [Token("subtitle", text, line, SUBTITLE.name)]
    if after_title and DASH_SUBTITLE.pattern.match(text):
        ctx.recognise(line, DASH_SUBTITLE.name, "subtitle")
        return [Token("subtitle", text, line, DASH_SUBTITLE.name)]
    if previous is not None and previous.kind == "paragraph" and QUOTE_SPEAKER.match(text):
        return [Token("display", text, line, QUOTE_SPEAKER.name)]  # heads nothing
    props = properties.fields(text)
    if props:  # a property line that names its authors
        names, day = properties.authors(props), properties.date(props)
        byline = Byline(text, names, PROPERTY_LINE.name, line, day)
        ctx.recognise(line, PROPERTY_LINE.name, f"byline: {text}")
        return [Token("byline", text, line, PROPERTY_LINE.name, byline, date=byline.date)]
    found = byline_match(text)
    if found:
        return byline_tokens(*found, text, line, ctx)
    dated = next(((r, m) for r in DATE_RULES if (m := r.pattern.match(text))), None)
    if not dated and previous is not None and previous.kind == "byline":
        dated = (MONTH_DATE, m) if (m := MONTH_DATE.match(text)) else None
    if dated:
        rule, date = dated[0].name, dated[1]
        ctx.recognise(line, rule, f"date: {date.group('date')}")
        return [Token("date", text, line, rule, date=date.group("date"))]
    speaker = SPEAKER_BY_HABIT.pattern.match(text) if ctx.conventions.speakers else None
    if speaker and name_like(speaker["name"]):  # a name alone, where the text sets speakers so
        ctx.recognise(line, SPEAKER_BY_HABIT.name, f"speaker: {speaker['name']}")
        byline = Byline(text, [Author(speaker["name"])], SPEAKER_BY_HABIT.name, line)
        return [Token("byline", text, line, SPEAKER_BY_HABIT.name, byline)]
    glued = (
        glued_head(text, line, ctx)
        or speaker_after_date(text, line, ctx)
        or glued_deck(text, line, ctx)
        or labelled(text, line, ctx)
        or dated_tail(text, line, ctx)
        or document_title(text, line, ctx)
    )
    if glued:
        return glued
    if previous is not None and (name := bare_name(text, previous)):
        ctx.recognise(line, BARE_NAME.name, f"byline: {text}")
        byline = Byline(text, [Author(name)], BARE_NAME.name, line)
        return [Token("byline", text, line, BARE_NAME.name, byline)]
    return headed(text, line, ctx)


def emphasised(inner: str, text: str, line: int, ctx: Context) -> list[Token]:
    """A line set wholly in bold, without its marks: a section's heading
    after a paragraph's last sentence, else a display line (a paragraph
    that heads nothing and is no title)."""
    ctx.repair(Repair(line, "markdown-emphasis", text, inner))
    previous = ctx.previous
    after_text = previous is not None and previous.kind == "paragraph"
    lead_in = inner[-1:] in LEAD_IN_ENDS  # **学习收获：** over the items it names
    # An outlet's credit alone on its line (央视网消息（新闻联播）：) leads into
    # a round-up: the bold line under it heads its first item.
    after_credit = previous is not None and previous.kind == "byline"
    after_credit = after_credit and previous.text[-1:] in LEAD_IN_ENDS
    if (
        (after_credit or (after_text and ends_sentence(previous.text)))
        and title_like(inner, HEADING_MAX)
        and not lead_in
    ):
        ctx.recognise(line, MARKDOWN_EMPHASIS.name, f"heading: {inner}")
        return [Token("heading", inner, line, MARKDOWN_EMPHASIS.name)]
    return [Token("display", inner, line, "display-line")]


# The byline rules a piece is tried against, in order, each with its needed
# text, the characters a text it matches ends in (`Rule.ends`) and whether its
# name must look like one, read once for all pieces; a long piece only against
# the long forms: the short ones cannot be one.
BYLINES_TRIED = [(r.needs, r.ends, r, r.name in NAMED_FORMS) for r in BYLINES]
LONG_BYLINES_TRIED = [tried for tried in BYLINES_TRIED if tried[2].name not in SHORT_BYLINES]


def byline_match(text: str) -> tuple[Rule, re.Match[str]] | None:
    # Every piece is tried against every rule: the loop tests each rule's
    # needed text and last character itself rather than through Rule.search
    # (a call per rule).
    last = text.rstrip()[-1:]
    tried = LONG_BYLINES_TRIED if len(text) > SHORT_PIECE else BYLINES_TRIED
    for needs, ends, r, named in tried:
        m = r.pattern.search(text) if needs in text and (not ends or last in ends) else None
        if m and (not named or name_like(m.group("name"))) and named_list(r, m):
            return r, m
    return None


def named_list(r: Rule, m: re.Match[str]) -> bool:
    """Whether every name a list of writers gives looks like one, where its rule asks."""
    return r.name not in NAMED_LISTS or all(
        name_like(n) for n in NAME_SEPARATORS.split(m["reporters"])
    )


def byline_tokens(r: Rule, m: re.Match[str], text: str, line: int, ctx: Context) -> list[Token]:
    """A byline, with what is glued before (its title, or text) and after it."""
    groups = m.groupdict()
    if r.name == "original-title":
        ctx.recognise(line, r.name, f"title given after the text: {groups['title']}")
        byline = Byline(text, [], r.name, line)
        return [Token("byline", text, line, r.name, byline, title=groups["title"])]
    has_own = groups.get("byline") is not None
    byline_text = groups["byline"] if has_own else m.group(0)
    before = text[: m.start("byline") if has_own else m.start()]
    if groups.get("staff") or (ctx.conventions.markdown and "**" in byline_text):
        byline_text = credit_text(byline_text, groups.get("staff"), line, ctx)
    byline = Byline(byline_text, authors_of(groups), r.name, line, date_of(groups))
    ctx.recognise(line, r.name, f"byline: {byline_text}")
    tokens: list[Token] = []
    if groups.get("title"):
        tokens.append(Token("title", groups["title"].strip(), line, r.name, strong=True))
        ctx.previous = tokens[-1]
    elif before.strip():
        tokens += classify(before.strip(), line, ctx)
        ctx.repair(split_repair(line, "split-trailing-byline", before, byline_text))
    if r.name in UNIT_ABOVE and ctx.previous is not None:
        group_name(ctx.previous, byline, ctx)
    tokens.append(Token("byline", byline_text, line, r.name, byline, date=byline.date))
    ctx.previous = tokens[-1]
    rest = (groups.get("rest") or "").strip()
    if rest:
        ctx.repair(split_repair(line, "split-glued-byline", byline_text, rest))
        tokens += classify(rest, line, ctx)
    return tokens


def credit_text(text: str, staff: str | None, line: int, ctx: Context) -> str:
    """A byline as the page shows it: the photographer's credit inside its
    bracket cut out (the pictures', not the text's: reported as debris), the
    bold marks round a dateline dropped (formatting: reported)."""
    if staff:
        ctx.collection.removals.append(Removal(line, STAFF_CREDIT, staff.strip()))
        text = text.replace(staff, "", 1)
    if ctx.conventions.markdown and "**" in text:
        plain = text.replace("**", "")
        ctx.repair(Repair(line, "markdown-emphasis", text, plain))
        text = plain
    return text


def group_name(token: Token, members: Byline, ctx: Context) -> None:
    """The line over a group's members (成员：…), when it names a group, is
    their unit: part of the byline, never a title."""
    if token.kind in ("paragraph", "title") and GROUP_NAME.pattern.match(token.text):
        for author in members.authors:
            author.unit = author.unit or token.text
        token.kind, token.rule = "byline", GROUP_NAME.name
        token.byline = Byline(token.text, [], token.rule, token.line)
        ctx.recognise(token.line, token.rule, f"the members' unit: {token.text}")


def date_of(groups: dict[str, str | None]) -> str | None:
    """A byline's date: its own, or the one inside its bracket (下午 and the
    hour left out)."""
    if groups.get("date"):
        return groups["date"].strip()
    when = DATE.search(groups.get("when") or "")
    return when.group(0).strip() if when else None


def authors_of(groups: dict[str, str | None]) -> list[Author]:
    """The authors a byline names: one by `name`, writers parted by spaces,
    reporters, a writer named by their title, the source."""
    authors = []
    if groups.get("name"):
        name, unit = groups["name"].strip(), (groups.get("unit") or "").strip()
        if not unit and not name_like(name) and (glued := NAME_GLUED_UNIT.match(name)):
            name, unit = glued["name"], glued["unit"]
        if not unit and groups.get("role") == "来源":
            name, unit = source_bureau(name)
        authors.append(Author(name, unit, groups.get("role") or ""))
    if writers := groups.get("writers"):  # compiled by re when a byline first names some
        # as written (邵 敏), with the title the byline gives them all (记者)
        role = groups.get("role") or ""
        authors += [Author(w, role=role) for w in re.findall(SPREAD_NAME, writers)]
    for reporter in NAME_SEPARATORS.split(groups.get("reporters") or ""):
        if reporter:
            authors.append(Author(reporter, role=groups.get("role") or "记者"))
    if groups.get("writer"):
        authors.append(Author(groups["writer"], role="作者"))
    if groups.get("agency"):
        name, unit = source_bureau(groups["agency"])
        authors.append(Author(name, unit, "来源"))
    if not authors and groups.get("unit"):
        authors.append(Author("", groups["unit"].strip()))
    return authors


def source_bureau(source: str) -> tuple[str, str]:
    """A source's name, and the place of its bureau bracketed after it (its unit)."""
    bureau = SOURCE_BUREAU.match(source)
    return (bureau["name"], bureau["unit"]) if bureau else (source, "")


def glued_head(text: str, line: int, ctx: Context) -> list[Token] | None:
    """A title glued to its subtitle, date, speaker or source:
    `标题 ——副标题 （2017年10月18日） 习近平`, `标题（2020年2月3日）习近平正文…`,
    `…上篇的最后一句。标题来源：共产党员网正文…`. None when the piece is not one."""
    has_mark = ANY_HEAD_CUT_MARK.search(text, 0, HEAD_TITLE_MAX + 1)
    cut = HEAD_CUT.pattern.search(text, 1, HEAD_TITLE_MAX + 1) if has_mark else None
    if cut and GLOSSED_DAY.search(text[: cut.start()]):
        cut = None  # the sentence's time phrase, 今天（3月1日）: no head line
    if cut and head_title_like(text[: cut.start()].strip()):
        rest = text[cut.start() :].strip()
        title = glued_title(text[: cut.start()], text, HEAD_CUT.name, line, ctx)
        return [*title, *classify_head_rest(rest, line, ctx)]
    source = GLUED_SOURCE.search(text)
    if not source:
        return None
    stops = list(SENTENCE_STOP.finditer(text, 0, source.start()))
    lead = stops[-1].end() if stops else 0
    title = text[lead : source.start()].strip()
    if not head_title_like(title, HEADLINE_MAX) or len(title) < HEAD_TITLE_MIN:
        return None
    tokens = classify(text[:lead].strip(), line, ctx) if lead else []
    tokens += glued_title(title, text[lead:], GLUED_SOURCE.name, line, ctx)
    return tokens + classify(text[source.start() :], line, ctx)


def glued_deck(text: str, line: int, ctx: Context) -> list[Token] | None:
    """A report's headline, sub-head and deck glued to its lead
    (袁家军在…会上强调以…热潮不断增强…自觉王浩主持 葛慧君出席17日下午，…):
    the title, the sub-head and the deck cut off; the lead is the text."""
    found = GLUED_DECK.match(text)
    if not found:
        return None
    head = found["head"]
    start = deck_start(head, ctx)
    title = head[:start].strip()
    if len(title) < HEAD_TITLE_MIN or not head_title_like(title, HEADLINE_MAX):
        return None
    parts = [head[start:].strip(), text[found.end() :]]
    sub = SUBHEAD_AFTER_MAIN.pattern.search(title)
    if sub:
        ctx.recognise(line, SUBHEAD_AFTER_MAIN.name, f"sub-head: {sub['subhead']}")
        parts.insert(0, sub["subhead"])
        title = title[: sub.start("subhead")]
    ctx.repair(split_repair(line, GLUED_DECK.name, title, text[len(title) :]))
    ctx.recognise(line, GLUED_DECK.name, f"title: {title}")
    tokens = [Token("title", title, line, GLUED_DECK.name)]
    ctx.previous = tokens[0]
    for part in parts[:-1]:
        tokens.append(Token("paragraph", part, line, GLUED_DECK.name))
    ctx.previous = tokens[-1]
    return tokens + classify(parts[-1], line, ctx)


def labelled(text: str, line: int, ctx: Context) -> list[Token] | None:
    """A title with a study series' label glued after it: the label begins
    with the longest words before its kind of book that the text uses again."""
    found = SERIES_LABEL_AFTER.search(text[-HEAD_TITLE_MAX:]) if text[-1:] in "）)" else None
    if not found:
        return None
    kind = max(0, len(text) - HEAD_TITLE_MAX) + found.start()  # where the label's kind begins
    count = ctx.conventions.text.count
    start = next(
        (
            s
            for s in range(max(0, kind - HEAD_TITLE_MAX), kind - LABEL_NAME_MIN + 1)
            if count(text[s:kind]) >= 2
        ),
        kind,
    )
    title = text[:start].strip()
    if len(title) < HEAD_TITLE_MIN or not head_title_like(title, HEADLINE_MAX):
        return None
    ctx.repair(split_repair(line, SERIES_LABEL_AFTER.name, title, text[start:]))
    ctx.recognise(line, SERIES_LABEL_AFTER.name, f"title: {title}")
    tokens = [Token("title", title, line, SERIES_LABEL_AFTER.name)]
    tokens.append(Token("paragraph", text[start:], line, SERIES_LABEL_AFTER.name))
    ctx.previous = tokens[-1]
    return tokens


def dated_tail(text: str, line: int, ctx: Context) -> list[Token] | None:
    """A page's dateline, date and time, glued after the text above it:
    the text, then the date."""
    found = DATE_GLUED_AFTER_TEXT.search(text) if text[-1:].isdigit() else None
    if not found:
        return None
    before = text[: found.start()]
    ctx.repair(split_repair(line, DATE_GLUED_AFTER_TEXT.name, before, found["date"]))
    ctx.recognise(line, DATE_GLUED_AFTER_TEXT.name, f"date: {found['date']}")
    tokens = classify(before, line, ctx)
    date = Token("date", found["date"], line, DATE_GLUED_AFTER_TEXT.name, date=found["date"])
    ctx.previous = date
    return [*tokens, date]


def document_title(text: str, line: int, ctx: Context) -> list[Token] | None:
    """A document's title and its note of adoption glued to its text: the
    title a heading, the note and the text paragraphs under it."""
    found = DOCUMENT_TITLE.match(text) if "）" in text or ")" in text else None
    if not found:
        return None
    ctx.repair(split_repair(line, DOCUMENT_TITLE.name, found["head"], text[found.end("head") :]))
    ctx.recognise(line, DOCUMENT_TITLE.name, f"heading: {found['head']}")
    tokens = [Token("heading", found["head"], line, DOCUMENT_TITLE.name)]
    tokens.append(Token("paragraph", found["note"], line, DOCUMENT_TITLE.name))
    ctx.previous = tokens[-1]
    rest = (found["rest"] or "").strip()
    return tokens + (classify(rest, line, ctx) if rest else [])


def deck_start(head: str, ctx: Context) -> int:
    """Where the deck at the end of a glued head begins: each unit names who
    (王浩, 葛慧君黄建发, names as the text repeats them) and ends in its verb."""
    start = len(head)
    while unit := DECK_NAME_END.search(head, 0, start):
        end = unit.start()
        while (
            end >= 2
            and not DECK_NAME_END.search(head, 0, end)  # the unit before begins
            and (name := glued_name_before(head[:end], ctx))
        ):
            end -= len(name)
        if end == unit.start():
            break
        start = end
    return start


def glued_name_before(text: str, ctx: Context) -> str:
    """The name that ends `text`: three characters or two, as the document
    repeats them (葛慧君, not 觉王浩)."""
    two, three = text[-2:], text[-3:]
    if len(three) == 3 and name_like(three):
        counts = ctx.conventions.text.count
        if not name_like(two) or counts(three) >= counts(two):
            return three
    return two if name_like(two) else ""


def glued_title(title: str, text: str, rule: str, line: int, ctx: Context) -> list[Token]:
    """The title cut from what is glued to it; a series label glued before it
    (…学习推荐材料习近平主持召开…) cut off too."""
    title = title.strip()
    tokens = []
    label = SERIES_LABEL.match(title)
    if label and len(title) - label.end() >= HEAD_TITLE_MIN:
        tokens.append(Token("paragraph", label.group(0), line, "series-label"))
        title = title[label.end() :]
    ctx.repair(split_repair(line, rule, title, text[text.find(title) + len(title) :]))
    ctx.recognise(line, rule, f"title: {title}")
    tokens.append(Token("title", title, line, rule, strong=True))
    ctx.previous = tokens[-1]
    return tokens


def classify_head_rest(rest: str, line: int, ctx: Context) -> list[Token]:
    """What follows a glued title: its subtitle, date and speaker, each cut
    off in turn; a speaker's name glued to the first sentence is cut from it."""
    tokens: list[Token] = []
    for part in [p.strip() for p in HEAD_CUT.pattern.split(rest) if p and p.strip()]:
        speaker, part = glued_speaker(part, line, ctx)
        tokens += speaker + classify(part, line, ctx)
    return tokens


def glued_speaker(part: str, line: int, ctx: Context) -> tuple[list[Token], str]:
    """Under a glued head's date, the speaker's name glued to the first
    sentence (习近平武汉…), with the office before it as the speaker's role
    (中华人民共和国主席 习近平尊敬的…): its byline, and the rest of the part."""
    previous = ctx.previous
    office = OFFICE_BEFORE_SPEAKER.pattern.match(part)
    after = part[office.end() :] if office else part
    if previous is None or previous.kind != "date" or not (name := glued_name(after, ctx)):
        return [], part
    head = part[: len(part) - len(after) + len(name)]
    byline = Byline(
        head, [Author(name, role=office["role"] if office else "")], SPEAKER_GLUED, line
    )
    ctx.recognise(line, SPEAKER_GLUED, f"byline: {head}")
    ctx.repair(split_repair(line, "split-glued-byline", head, part[len(head) :]))
    ctx.previous = Token("byline", head, line, SPEAKER_GLUED, byline)
    return [ctx.previous], part[len(head) :]


def speaker_after_date(text: str, line: int, ctx: Context) -> list[Token] | None:
    """A piece the text's head line left under its date, the speaker glued to
    the first sentence: the speaker's byline, then the rest as read."""
    if ctx.previous is None or ctx.previous.line != line:
        return None  # the date stood on a line of its own: no head line's
    speaker, rest = glued_speaker(text, line, ctx)
    return speaker + classify(rest, line, ctx) if speaker else None


def glued_name(text: str, ctx: Context) -> str:
    """A speaker's name glued to the speech (习近平武汉新型…): two or three
    characters, as many as the document repeats together."""
    if len(text) < GLUED_NAME_REST or not name_like(text[:2]):
        return ""
    two, three = text[:2], text[:3]
    if not name_like(three) or any(c in three for c in SENTENCE_END):
        return two
    return three if ctx.conventions.text.count(three) >= ctx.conventions.text.count(two) else two


def bare_name(text: str, previous: Token) -> str:
    """A name alone under a title, a source, a date or a subtitle."""
    m = BARE_NAME.pattern.match(text)
    if not m or not name_like(m.group("name")):
        return ""
    after_head = previous.kind in ("title", "subtitle", "date") or (
        previous.kind == "byline"
        and previous.byline is not None
        and any(a.role == "来源" for a in previous.byline.authors)
    )
    return m.group("name") if after_head else ""


def series_label_alone(bracket: re.Match[str], ctx: Context) -> bool:
    """A study series' label alone in brackets on an essay's first line
    (【10月学习材料】 under 【2018年10月学习材料】): the essay's label, not a
    section's heading."""
    return (
        ctx.first
        and not bracket["rest"].strip()
        and bool(SERIES_LABEL.match(bracket["head"][1:-1]))
    )


def news_lead(text: str) -> int | None:
    """Where the news lead cited as （4月6日新华网） begins: the last sentence
    before the citation, a few at most, that opens with a time word."""
    cited = NEWS_CITATION.search(text)
    if not cited:
        return None
    starts = [0] + [m.end() for m in SENTENCE_STOP.finditer(text, 0, cited.start())]
    for start in reversed(starts[-NEWS_LEAD_REACH - 1 :]):
        if NEWS_LEAD.match(text, start):
            return start
    return None


def headed(text: str, line: int, ctx: Context) -> list[Token]:
    """A heading, alone or glued to its paragraph; a signature in brackets
    glued to a paragraph's end; else a paragraph."""
    bracket = BRACKET_HEADING.pattern.match(text)
    if bracket and ctx.previous is not None and not series_label_alone(bracket, ctx):
        # opening an untitled text, it is a run-in label
        head, rest = bracket.group("head"), bracket.group("rest").strip()
        if not rest:
            return [Token("heading", head, line, BRACKET_HEADING.name)]
        ctx.repair(split_repair(line, "split-glued-heading", head, rest))
        return [Token("heading", head, line, BRACKET_HEADING.name), *classify(rest, line, ctx)]
    signed = GLUED_PAREN_NAME.search(text) if "（" in text or "(" in text else None
    names = NAME_SEPARATORS.split(signed.group(1)[1:-1].strip()) if signed else []
    if names and all(name_like(n) for n in names):
        before, after = text[: signed.start() + 1], text[signed.end() :].strip()
        name = signed.group(1)
        tokens = classify(before.strip(), line, ctx) if before.strip() else []
        byline = Byline(name, [Author(n) for n in names], PAREN_NAME.name, line)
        ctx.recognise(line, PAREN_NAME.name, f"byline: {name}")
        ctx.repair(split_repair(line, "split-trailing-byline", before, name))
        tokens.append(Token("byline", name, line, PAREN_NAME.name, byline))
        ctx.previous = tokens[-1]
        return tokens + (classify(after, line, ctx) if after else [])
    lead = news_lead(text)
    if lead is not None:
        ctx.recognise(line, NEWS_CITATION.name, f"a commentary opens: {text[lead : lead + 12]}")
        if lead:
            ctx.repair(split_repair(line, "split-news-lead", text[:lead], text[lead:]))
        before = classify(text[:lead], line, ctx) if lead else []
        return [*before, Token("paragraph", text[lead:], line, NEWS_CITATION.name)]
    if STATUTE_ARTICLE.match(text):
        return [Token("display", text, line, STATUTE_ARTICLE.name)]  # heads nothing
    leader = LABEL_LEADER.match(text)
    if leader and not NOT_A_LABEL.search(text):
        ctx.repair(Repair(line, LABEL_LEADER.name, leader["leader"], ""))
        ctx.recognise(line, LABEL_LEADER.name, f"heading: {leader['label']}")
        return [Token("heading", leader["label"], line, LABEL_LEADER.name)]
    sheet = ctx.conventions.question_sheet
    if NUMBERED_LABEL.match(text):
        if not sheet:  # elsewhere a contents list's entry (11.国内联播快讯：): text
            return [Token("paragraph", text, line)]
        ctx.recognise(line, NUMBERED_LABEL.name, f"heading: {text}")
        return [Token("heading", text, line, NUMBERED_LABEL.name)]
    asked = QUESTION_RUN_IN.match(text) if sheet and not NUMBERED_QUESTION.match(text) else None
    if asked:
        ctx.recognise(line, QUESTION_RUN_IN.name, f"heading: {asked['head']}")
        ctx.repair(split_repair(line, "split-glued-heading", asked["head"], asked["rest"]))
        heading = Token("heading", asked["head"], line, NUMBERED_QUESTION.name)
        return [heading, *classify(asked["rest"], line, ctx)]
    label = first_match(LABEL_HEADINGS, text) if ANY_LABEL.search(text) else None
    if label and not NOT_A_LABEL.search(text):
        ctx.recognise(line, label[0].name, f"heading: {text}")
        return [Token("heading", text, line, label[0].name)]
    heading = first_match(HEADING_MARKERS, text) if ANY_HEADING.search(text) else None
    if heading:
        # The first space after the heading's own words, not right after its marker.
        words = text[heading[1].end() :].lstrip()
        cut = len(text) - len(words) + words.find(" ")
        head, rest = (text[:cut], text[cut + 1 :]) if words.find(" ") > 0 else (text, "")
        if rest.strip() and title_like(head, TITLE_MAX):
            ctx.repair(split_repair(line, "split-glued-heading", head, rest))
            return [
                Token("heading", head, line, heading[0].name),
                *classify(rest.strip(), line, ctx),
            ]
        # a counted point that is one sentence (第一，…。) stays text
        if title_like(text, HEADING_MAX) and not ORDINAL_POINT.match(text):
            return [Token("heading", text, line, heading[0].name)]
    return [Token("paragraph", text, line)]
