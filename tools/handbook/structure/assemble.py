"""An essay's tokens → its subtitle, bylines and articles.

Where an article starts is weighed, not matched: a title-like line is an
article's title when a byline, a source or a date follows it (strong
evidence), or, in an essay whose titles carry no bylines, when it stands
between paragraphs and a real paragraph follows (weak evidence). Where the
essay's titles do carry bylines, such a line is a heading instead. A byline
that closes an article (作者单位, a signature, an attribution) ends it; a
news dateline (新华社…电) opens a new one; a reposted story's 原标题 gives its
title.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ..chars import COLON, COMMA
from ..model import Article, Author, Byline, Essay, Heading, Paragraph, Recognition
from ..patterns import (
    BARE_NAME,
    CAPTION_LINE,
    CIRCLED_ITEM,
    CLOSING_AFTER_TEXT,
    CLOSING_BYLINES,
    DASH_SUBTITLE,
    DAY_WITHOUT_YEAR,
    FULL_DAY,
    HEADING_MARKERS,
    HEADLINE_EVIDENCE,
    HEADLINE_MAX,
    HTML_HEADING,
    ISSUER,
    LABEL_HEADINGS,
    LABEL_LEADER,
    LONE_HEAD,
    LONE_HEADS_MIN,
    MARKDOWN_LIST_ITEM,
    NESTED_HEADINGS,
    NUMBERED_LABEL,
    NUMBERED_QUESTION,
    OPENING_BYLINES,
    OUTLET,
    PLACE_HEADLINE,
    SERIES_LABEL,
    SLIPPED_NUMBERING,
    UNIT_NOTES,
)
from ..patterns.body import CAPTIONS_MIN
from .debris import page_property
from .numbers import heading_number
from .roles import LEAD_IN_ENDS, MARKDOWN_SECTION, Token
from .shapes import (
    ARTICLE_BODY_MIN,
    HEADING_MAX,
    LIST_ITEM_END,
    TITLE_MAX,
    ends_sentence,
    head_title_like,
    name_like,
    plain_title_like,
    title_like,
)

EVIDENCE = ("byline", "date")
NAME_LINE_MAX = 5  # characters of a name alone on its line (张三同志)
ENTITY = re.compile("&[a-z]+[;\uff1b]")  # what, right after a title-like line, makes it a title
LABELS = {r.name for r in LABEL_HEADINGS} | {LABEL_LEADER.name, NUMBERED_LABEL.name}
# Headings the writer marked as such (in Markdown, in HTML): kept whatever follows them.
WRITERS_HEADINGS = {MARKDOWN_SECTION, HTML_HEADING.name}
# Numbered questions and topics: each heads its answer, a list as often as not.
QUESTION_HEADS = {NUMBERED_QUESTION.name, NUMBERED_LABEL.name}
HEAD_LINES = 3  # short lines opening an essay under its title that can be its head
DECK_LEAD_MARKS = f"{COLON}:{COMMA},。"  # what ends the lead's opening clause that repeats the deck


@dataclass
class State:
    essay: Essay
    article: Article
    closed: bool = False  # the article's closing byline was met
    story: bool = False  # a news page's one story (one_story)
    tokens: list[Token] = field(default_factory=list)
    lone_titles: int | None = (
        None  # short lines alone between paragraphs in the essay, counted once
    )
    place_headlines: int | None = None  # feed headlines led by a place (某某县：…), counted once
    line_text: dict[int, int] | None = (
        None  # characters of paragraph text a line holds, counted once
    )

    @property
    def head(self) -> bool:
        """Nothing of the first article yet: bylines and dates are the essay's."""
        return len(self.essay.articles) == 1 and not self.article.title and not self.article.blocks


def assemble(essay: Essay, tokens: list[Token], recognitions: list[Recognition]) -> None:
    names_under_titles(tokens, recognitions)
    closing_signature(tokens, recognitions)
    outlet_over_date(tokens, recognitions)
    deck_under_headline(essay, tokens, recognitions)
    promote_titles(tokens)
    head_subtitles(tokens)
    echoed_deck(essay, tokens, recognitions)
    deck_over_dateline(essay, tokens, recognitions)
    wire_headline_block(essay, tokens, recognitions)
    echoed_title(essay, tokens, recognitions)
    parts_over_sections(tokens, recognitions)
    bylined = any(t.kind == "title" and t.strong for t in tokens)
    state = State(essay, Article(None, first_line=tokens[0].line if tokens else essay.line))
    state.story = one_story(tokens)
    state.tokens = tokens
    heads = lone_heads(tokens)
    essay.articles.append(state.article)
    for i, token in enumerate(tokens):
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if token.kind == "subtitle":
            subtitle(state, token)
        elif token.kind == "byline":
            byline(state, token)
        elif token.kind == "date":
            dated(state, token)
        elif token.kind == "title":
            title(state, token, recognitions)
        elif token.rule == "news-citation" and has_text(state.article):
            new_article(state, None, token.line)
            content(state, Paragraph(token.text, token.line))
        elif token.kind == "heading":
            content(state, Heading(token.text, 0, token.rule, token.line))
        elif token.kind == "paragraph" and (repeat := title_again(tokens, i)):
            token.rule = REPEATED_TITLE
            title(state, token, recognitions)
            recognitions.append(
                Recognition(repeat.line, token.rule, f"the title given again: {token.text}")
            )
        elif token.kind == "paragraph" and (
            caption(tokens, i) or CIRCLED_ITEM.pattern.match(token.text)  # a list's item
        ):
            content(state, Paragraph(token.text, token.line))
        elif token.kind == "paragraph" and i in heads:
            content(state, Heading(token.text, 0, LONE_HEAD.name, token.line))
        elif token.kind == "paragraph" and not bylined and starts_article(state, token, following):
            token.rule = "title-line"
            title(state, token, recognitions)
        elif token.kind == "paragraph" and heads_banner(state, tokens, i):
            token.rule = "banner-title"
            title(state, token, recognitions)
            banner_subtitles(tokens, i, state.closed)
        elif (
            token.kind == "paragraph"
            and (bylined or state.story)
            and token.rule != BANNER_SUBTITLE
            and heads_section(token, following)
        ):
            content(state, Heading(token.text, 0, "short-line", token.line))
        else:
            content(state, Paragraph(token.text, token.line))
    for n, article in enumerate(essay.articles, start=1):
        settle_headings(article, last=n == len(essay.articles))
    complete_days(essay, recognitions)


def one_story(tokens: list[Token]) -> bool:
    """A news page's story: the essay's headline stands right over the date
    the page posted it at (书记市长这一周 | … / 2022-02-13 20:04:17), so the
    lone lines between its paragraphs head its sections, not more stories;
    its source's lines may stand over the date (来源： / 中国日报网 / 2023-11-17 15:13)."""
    head = itertools.takewhile(lambda t: t.kind in ("byline", "date"), tokens)
    return any(t.kind == "date" for t in head)


def complete_days(essay: Essay, recognitions: list[Recognition]) -> None:
    """A dateline's day without its year (3月9日) takes the year from the full
    date of the same day the essay gives elsewhere (时间：2016年03月09日)."""
    items: list[Essay | Article] = [essay, *essay.articles]
    full = [m for item in items if item.date and (m := FULL_DAY.match(item.date))]
    for item in items:
        day = DAY_WITHOUT_YEAR.match(item.date or "")
        same = next((m for m in full if same_day(m, day)), None) if day else None
        if same:
            recognitions.append(Recognition(essay.line, DAY_WITHOUT_YEAR.name, same.string))
            item.date = same.string


def same_day(a: re.Match[str], b: re.Match[str]) -> bool:
    return (int(a["month"]), int(a["day"])) == (int(b["month"]), int(b["day"]))


def names_under_titles(tokens: list[Token], recognitions: list[Recognition]) -> None:
    """A name alone between a title-like line and a date, a source or the
    text is the author's byline (十八大以来… / 吴桂韩 / 2017年08月22日09:55
    来源：…), never the title: the line above is."""
    for above, token, following in zip(tokens, tokens[1:], tokens[2:], strict=False):
        if (
            token.kind == "paragraph"
            and len(token.text) <= NAME_LINE_MAX
            and (following.kind in EVIDENCE or prose_like(following.text))
            and above.kind == "paragraph"
            and head_title_like(above.text)
            and not ends_sentence(above.text)
        ):
            sign(token, recognitions)


WIRE_CREDIT = "wire-credit"  # the byline rule of an agency's credit in brackets under a text


def closing_signature(tokens: list[Token], recognitions: list[Recognition]) -> None:
    """A name (or an issuing body) alone and a date under a piece's text sign
    it (a preface's 于天池 / 2014年8月10日, a notice's 浙江省教育厅 /
    二○一二年六月十二日): the author and the date. What follows them is short
    lines (a volume's head, 卷一), the next piece's title or the agency's
    credit for the piece (（新华社北京3月16日电）), not text."""
    for i in range(1, len(tokens) - 1):
        signer, date = tokens[i], tokens[i + 1]
        if date.kind != "date" or tokens[i - 1].kind != "paragraph" or signer.kind != "paragraph":
            continue
        rest = tokens[i + 2 :]
        if (
            all(t.kind == "paragraph" and head_title_like(t.text) for t in rest)
            or (rest[0].kind in ("paragraph", "title") and head_title_like(rest[0].text))
            or rest[0].rule == WIRE_CREDIT
        ):
            sign(signer, recognitions)


def sign(token: Token, recognitions: list[Recognition]) -> None:
    """A paragraph that is a name alone, or a body's, becomes the byline of that name."""
    name = BARE_NAME.pattern.match(token.text)
    rule = BARE_NAME.name
    if not (name and name_like(name["name"])):
        name, rule = ISSUER.pattern.match(token.text), ISSUER.name
    if token.kind == "paragraph" and name:
        byline = Byline(token.text, [Author(name["name"])], rule, token.line)
        token.kind, token.rule, token.byline = "byline", rule, byline
        recognitions.append(Recognition(token.line, rule, f"byline: {token.text}"))


OUTLET_OVER_DATE = "outlet-over-date"


def outlet_over_date(tokens: list[Token], recognitions: list[Recognition]) -> None:
    """An outlet named alone on the line over the story's date, under its
    headline (新华社 / 2020-01-03 18:13), or on the line under the date (the
    headline given by the page, then 2019-09-26 10:56:28 / 证券时报网): the
    source the page credits, not a title."""
    heads = [None, None, *tokens]
    for before, previous, token, following in zip(
        heads, heads[1:], tokens, [*tokens[1:], None], strict=False
    ):
        if (
            token.kind == "paragraph"
            and OUTLET.match(token.text)
            and (
                (
                    gives_date(following)
                    and (previous is None or head_title_like(previous.text, HEADLINE_MAX))
                )
                or (
                    gives_date(previous)
                    and (before is None or head_title_like(before.text, HEADLINE_MAX))
                )
            )
        ):
            byline = Byline(
                token.text, [Author(token.text, role="来源")], OUTLET_OVER_DATE, token.line
            )
            token.kind, token.rule, token.byline = "byline", OUTLET_OVER_DATE, byline
            recognitions.append(Recognition(token.line, OUTLET_OVER_DATE, f"byline: {token.text}"))


DECK_UNDER_HEADLINE = "deck-under-headline"


def deck_under_headline(essay: Essay, tokens: list[Token], recognitions: list[Recognition]) -> None:
    """A title-like line opening a news story between its headline and the
    date the page posted it at (…正式启动 / 成功举办…推介会 / 时间：2019-09-18
    06:23, the page's property, not a dateline of the text): the headline's
    deck, the essay's subtitle, not a second story's title."""
    if not essay.title or essay.subtitle or len(tokens) < 2 or not one_story(tokens[1:]):
        return
    if not page_property(tokens[1].text):
        return
    deck = tokens[0]
    if (
        deck.kind == "paragraph"
        and deck.text != essay.title
        and len(deck.text) >= DECK_MIN
        and head_title_like(deck.text, HEADLINE_MAX)
        and not ends_sentence(deck.text)
    ):
        deck.kind, deck.rule = "subtitle", DECK_UNDER_HEADLINE
        recognitions.append(Recognition(deck.line, DECK_UNDER_HEADLINE, f"subtitle: {deck.text}"))


def gives_date(token: Token | None) -> bool:
    """A date line, or a byline that gives a date."""
    return (
        token is not None
        and token.kind in EVIDENCE
        and bool(token.date or (token.byline and token.byline.date))
    )


def promote_titles(tokens: list[Token]) -> None:
    """A title-like line that a byline, a source or a date follows is a title;
    so is a headline of clauses that a source line follows. On a report
    pasted as one line (headline, sub-heads and deck cut at wide spaces, then
    the dateline), only the line's first piece is the title."""
    for i, (before, previous, token, following) in enumerate(
        zip([None, None, *tokens], [None, *tokens], tokens, tokens[1:], strict=False)
    ):
        if (
            previous is not None and under_headline(previous, token)
        ) or DASH_SUBTITLE.pattern.match(token.text):
            continue  # a deck opened by a dash is the title's subtitle, never a title
        if previous is not None and headline_over_subhead(before, previous, token, following):
            previous.kind, previous.rule = "title", HEADLINE_OVER_SUBHEAD
            continue
        if token.kind == "paragraph" and following.kind == "date" and title_again(tokens, i):
            continue  # the page's headline over its date and the text's own title
        if token.kind == "paragraph" and (
            (
                following.kind in EVIDENCE
                and following.rule != "paren-name"
                and plain_title_like(token.text.replace("”", "").replace("“", ""), 2)
            )
            or (
                following.rule in HEADLINE_EVIDENCE
                and head_title_like(token.text, HEADLINE_MAX)
                and not ends_sentence(token.text)
            )
        ):
            token.kind, token.rule, token.strong = "title", "title-before-byline", True


HEADLINE_OVER_SUBHEAD = "headline-over-subhead"


def headline_over_subhead(
    before: Token | None, previous: Token, token: Token, following: Token
) -> bool:
    """A headline alone on its line over a line that a newspaper cut at wide
    spaces into sub-head, byline and text (盛阅春在…会上强调 持续兴起… /
    推动…家喻户晓　　■ 首席记者 张科勇　　本报讯 …): the headline is the
    title, the sub-head stays under it. `before`: the token above the headline."""
    return (
        following.kind == "byline"
        and following.line == token.line
        and token.kind == "paragraph"
        and previous.kind == "paragraph"
        and previous.line < token.line
        and (before is None or before.line != previous.line)  # a line of its own
        and head_title_like(previous.text, HEADLINE_MAX)
        and head_title_like(token.text)
        and not ends_sentence(previous.text)
        and not ends_sentence(token.text)
    )


def under_headline(previous: Token, token: Token) -> bool:
    """A short line cut from the same source line as the short line before
    it: a sub-head or a deck under a headline."""
    return (
        previous.line == token.line
        and previous.kind in ("paragraph", "title")
        and head_title_like(previous.text)
        and not ends_sentence(previous.text)
    )


def head_subtitles(tokens: list[Token]) -> None:
    """Short lines opening an essay just above a title that carries a byline
    or a date are a series label, the essay's subtitle; so is a study
    material's label alone on the essay's first line."""
    run = 0
    while (
        run < len(tokens) and tokens[run].kind == "paragraph" and head_title_like(tokens[run].text)
    ):
        run += 1
    if run and run < len(tokens) and tokens[run].kind == "title" and tokens[run].strong:
        for token in tokens[:run]:
            token.kind, token.rule = "subtitle", "series-label"
    elif 0 < run <= HEAD_LINES and DASH_SUBTITLE.pattern.match(tokens[run - 1].text):
        # a second headline and the deck under it (…绽放 / ——…仪式活动): the head
        for token in tokens[:run]:
            token.kind, token.rule = "subtitle", DASH_SUBTITLE.name
    elif (
        run and (label := SERIES_LABEL.match(tokens[0].text)) and label.end() == len(tokens[0].text)
    ):
        # a study material's label alone (…11月份党员学习推荐材料) titles nothing
        tokens[0].kind, tokens[0].rule = "subtitle", "series-label"


ECHOED_DECK = "deck-echoed-by-lead"
DECK_MIN = 6  # characters of a deck: a shorter line is a label or a name


def echoed_deck(essay: Essay, tokens: list[Token], recognitions: list[Recognition]) -> None:
    """A short line right under the essay's title whose words the first
    paragraph opens with, as a clause of its own (习近平总书记…提出4点希望 over
    习近平总书记…提出4点希望：坚持…): the deck, the essay's subtitle, never a
    title of an article."""
    if not essay.title or len(tokens) < 2:
        return
    deck, lead = tokens[0], tokens[1]
    if (
        deck.kind == "paragraph"
        and lead.kind == "paragraph"
        and len(deck.text) >= DECK_MIN
        and head_title_like(deck.text)
        and not ends_sentence(deck.text)
        and lead.text.startswith(deck.text)
        and lead.text[len(deck.text) : len(deck.text) + 1] in DECK_LEAD_MARKS
    ):
        deck.kind, deck.rule = "subtitle", ECHOED_DECK
        recognitions.append(Recognition(deck.line, ECHOED_DECK, f"subtitle: {deck.text}"))


DATELINE_DECK = "deck-over-dateline"
STORY_DATELINES = ("wire-dateline", "report-dateline")  # what opens a news story's text


def deck_over_dateline(essay: Essay, tokens: list[Token], recognitions: list[Recognition]) -> None:
    """A short line right under the essay's title over the dateline that
    opens its story (去年改造户用卫生厕所4.66万座 / 据新华社拉萨电（记者 …）…),
    in a text of that one story: the deck, the essay's subtitle, not the
    title of an article. The page's date may stand over it."""
    first = next((n for n, t in enumerate(tokens) if t.kind != "date"), len(tokens))
    if not essay.title or first + 1 >= len(tokens):
        return
    deck, dateline = tokens[first], tokens[first + 1]
    datelines = [t for t in tokens if t.kind == "byline" and t.rule in STORY_DATELINES]
    if (
        deck.kind in ("paragraph", "title")
        and len(deck.text) >= DECK_MIN
        and head_title_like(deck.text)
        and not ends_sentence(deck.text)
        and datelines == [dateline]
        and not any(t.kind == "title" for t in tokens if t is not deck)
    ):
        deck.kind, deck.rule = "subtitle", DATELINE_DECK
        recognitions.append(Recognition(deck.line, DATELINE_DECK, f"subtitle: {deck.text}"))


WIRE_HEADLINE_BLOCK = "wire-headline-block"


def wire_headline_block(essay: Essay, tokens: list[Token], recognitions: list[Recognition]) -> None:
    """Short lines right over the dateline that opens a wire story, the
    first of them the essay's title given again with the verb the page's
    headline left out (…座谈会强调 / 推动…新的重大突破 / … / 李强蔡奇出席 /
    新华社上海11月30日电): the story's own headline and decks, as written,
    neither headings nor titles of more articles."""
    dateline = next(
        (n for n, t in enumerate(tokens) if t.kind == "byline" and t.rule in STORY_DATELINES), None
    )
    if not essay.title or dateline is None:
        return
    start = dateline
    while (
        start > 0
        and tokens[start - 1].kind in ("paragraph", "title")  # its last: promoted over the dateline
        and head_title_like(tokens[start - 1].text, HEADLINE_MAX)
        and not ends_sentence(tokens[start - 1].text)
    ):
        start -= 1
    block = tokens[start:dateline]
    if len(block) < 2 or not block[0].text.startswith(essay.title):
        return
    for token in block:
        token.kind, token.rule = "display", WIRE_HEADLINE_BLOCK
    recognitions.append(
        Recognition(block[0].line, WIRE_HEADLINE_BLOCK, f"to line {block[-1].line}")
    )


def echoed_title(essay: Essay, tokens: list[Token], recognitions: list[Recognition]) -> None:
    """The essay's title given again as the body's first line (a page's
    headline over the document's own title): the article's title, given by
    the page, so the lone lines below it (a law's chapter heads) are its
    headings, not titles of more articles. The page's date line may stand
    between them (标题 / 2005-03-06 16:17:00 / 标题)."""
    first = next((t for t in tokens if t.kind != "date"), None)
    if not essay.title or first is None:
        return
    if first.kind == "paragraph" and first.text == essay.title and head_title_like(first.text):
        first.kind, first.rule, first.strong = "title", REPEATED_TITLE, True
        recognitions.append(
            Recognition(first.line, REPEATED_TITLE, f"the title given again: {first.text}")
        )


def parts_over_sections(tokens: list[Token], recognitions: list[Recognition]) -> None:
    """A Markdown heading right over one numbered as a section (## 学习内容 over
    ### 一、…) heads the part those sections make: a heading too."""
    for token, following in itertools.pairwise(tokens):
        if token.rule == "markdown-heading" and following.rule == MARKDOWN_SECTION:
            token.kind, token.rule, token.strong = "heading", MARKDOWN_SECTION, False
            recognitions.append(Recognition(token.line, MARKDOWN_SECTION, f"heading: {token.text}"))


def subtitle(state: State, token: Token) -> None:
    essay = state.essay
    if state.head or not state.article.blocks:
        essay.subtitle = f"{essay.subtitle} {token.text}" if essay.subtitle else token.text
    else:
        content(state, Paragraph(token.text, token.line))


def byline(state: State, token: Token) -> None:
    line = token.byline
    assert line is not None
    original = token.rule == "original-title" and len(state.essay.articles) > 1
    if original and state.article.title is None:  # a reposted story's title, given after it
        state.article.title, state.article.title_rule = token.title, token.rule
    after_text = has_text(state.article)
    if token.rule in OPENING_BYLINES and has_prose(state.article):
        new_article(state, None, token.line)
        after_text = False
    if line.rule in UNIT_NOTES:
        give_unit(state, line)
    if state.head:
        state.essay.bylines.append(line)
        target: Essay | Article = state.essay
    else:
        state.article.blocks.append(line)
        target = state.article
    if line.date and target.date is None:
        target.date = line.date
    state.closed = token.rule in CLOSING_BYLINES or (
        token.rule in CLOSING_AFTER_TEXT and after_text
    )


def give_unit(state: State, note: Byline) -> None:
    """（作者单位：…） gives its unit to the article's authors that have none."""
    unit = note.authors[0].unit if note.authors else ""
    note.authors = []
    bylines = state.article.bylines or (
        state.essay.bylines if len(state.essay.articles) == 1 else []
    )
    for author in (a for b in bylines for a in b.authors):
        if not author.unit and author.role != "来源":
            author.unit = unit


def dated(state: State, token: Token) -> None:
    """A date line dates what it stands under, before a date a byline gave."""
    target: Essay | Article = state.essay if state.head else state.article
    dated_already = any(b.rule == token.rule for b in target.bylines)
    line = Byline(token.text, [], token.rule, token.line, token.date)
    (state.essay.bylines if state.head else state.article.blocks).append(line)
    if target.date is None or not dated_already:
        target.date = token.date


def title(state: State, token: Token, recognitions: list[Recognition]) -> None:
    article, essay = state.article, state.essay
    if token.rule in ("title-line", "title-before-byline"):
        recognitions.append(Recognition(token.line, token.rule, f"article title: {token.text}"))
    if article.blocks or state.closed:
        new_article(state, token.text, token.line, token.rule)
    elif article.title is None:
        article.title, article.title_rule, article.first_line = token.text, token.rule, token.line
    elif (state.head or (len(essay.articles) == 1 and not essay.subtitle)) and not any(
        b.line < article.first_line for b in essay.bylines
    ):
        # two titles in a row: the first was the essay's subtitle, unless a
        # byline stands over it (the page shows the subtitle over the bylines)
        essay.subtitle = article.title
        article.title, article.title_rule, article.first_line = token.text, token.rule, token.line
    else:
        new_article(state, token.text, token.line, token.rule)


def new_article(state: State, text: str | None, line: int, rule: str = "") -> None:
    state.article = Article(text, first_line=line, title_rule=rule)
    state.essay.articles.append(state.article)
    state.closed = False


def content(state: State, block: Heading | Paragraph) -> None:
    if state.closed:
        new_article(state, None, block.line)
    state.article.blocks.append(block)


def has_text(article: Article) -> bool:
    return any(isinstance(b, Paragraph | Heading) for b in article.blocks)


def has_prose(article: Article) -> bool:
    """A sentence of its text: more than the short lines under its title."""
    return any(isinstance(b, Paragraph) and ends_sentence(b.text) for b in article.blocks)


def starts_article(state: State, token: Token, following: Token | None) -> bool:
    """An unmarked short line that opens an essay, or that stands between
    paragraphs and is followed by a real one, is an article's title; in a
    news page's one story, only a plain one opening it (the page's headline
    given again over the text)."""
    article = state.article
    if len(token.text) > TITLE_MAX + 1 or not (
        plain_title_like(token.text)
        or (not state.story and habitual_title(state, token.text))
        or (not state.story and feed_headline(state, token.text))
    ):
        return False
    if not article.blocks:
        return (
            article.title is None
            and following is not None
            and not state.closed
            and not opens_captions(state, token)
        )
    return (
        not state.story
        and isinstance(article.blocks[-1], Paragraph | Byline)
        and has_prose(article)  # short lines under a title are its sub-heads and deck
        and not after_short_line(article)
        and following is not None
        and following.kind == "paragraph"
        and body_length(state, following) >= ARTICLE_BODY_MIN
    )


def opens_captions(state: State, token: Token) -> bool:
    """Whether `token` is the first of `CAPTIONS_MIN` or more short lines in a
    row that end no sentence, right before the text's first sentence: photo
    captions standing before the text, which title nothing (a headline's
    subheads and deck stand over its byline or date)."""
    at = state.tokens.index(token)
    run = list(
        itertools.takewhile(
            lambda t: t.kind == "paragraph" and plain_title_like(t.text, 2),
            state.tokens[at:],
        )
    )
    after = at + len(run)
    return (
        len(run) >= CAPTIONS_MIN
        and after < len(state.tokens)
        and state.tokens[after].kind == "paragraph"
    )


CAPTION_MAX = 30  # characters of a caption line (the scene's words within it)


def caption(tokens: list[Token], i: int) -> bool:
    """A photo's caption left between a report's paragraphs (培训会现场 after
    a sentence's end, over the next paragraph): a line of the text."""
    if len(tokens[i].text) > CAPTION_MAX:  # most paragraphs: told by their length alone
        return False
    above = tokens[i - 1] if i else None
    below = tokens[i + 1] if i + 1 < len(tokens) else None
    return (
        above is not None
        and above.kind == "paragraph"
        and ends_sentence(above.text)
        and (below is None or below.kind == "paragraph")
        and CAPTION_LINE.match(tokens[i].text) is not None
    )


def after_short_line(article: Article) -> bool:
    """Whether the article's last block is a short line that ends no
    sentence: a line under it is the last of a run of such lines (a photo
    report's captions, 战鹰出击 / 空中双机编队 / 精心维修), which heads nothing."""
    last = article.blocks[-1]
    return isinstance(last, Paragraph) and plain_title_like(last.text, 2)


def paragraph_text(tokens: list[Token]) -> dict[int, int]:
    """Characters of paragraph text each line holds: a paragraph cut at a
    space after its first sentence (`…祭扫先烈。 雨花台…`) is one real body."""
    lengths: dict[int, int] = {}
    for t in tokens:
        if t.kind == "paragraph":
            lengths[t.line] = lengths.get(t.line, 0) + len(t.text)
    return lengths


def body_length(state: State, token: Token) -> int:
    if state.line_text is None:
        state.line_text = paragraph_text(state.tokens)
    return state.line_text.get(token.line, len(token.text))


REPEATED_TITLE = "repeated-title"


def title_again(tokens: list[Token], i: int) -> Token | None:
    """The repeat of a title given twice, right under it or under the date
    line the page sets between them (中华人民共和国监察法 / 发布时间：2018-05-17 /
    中华人民共和国监察法), or None."""
    token = tokens[i]
    for following in tokens[i + 1 : i + 3]:
        if repeated_title(token, following):
            return following
        if following.kind != "date":
            return None
    return None


def repeated_title(token: Token, following: Token | None) -> bool:
    """A title-like line given twice, the repeat standing first in the text
    under it (a page printing its title over the article's own): a title.
    The repeat stays where it stands (`records` makes it the article's title)."""
    return (
        following is not None
        and following.kind == "paragraph"
        and following.text == token.text
        and head_title_like(token.text)
        and not ends_sentence(token.text)
    )


LISTING = "、"  # the mark a title lists names with
TITLE_HABIT = 2  # lone title lines in an essay that make it its habit


def lone_title_lines(state: State) -> int:
    """How many short lines stand alone between a sentence's end and a real
    paragraph: the essay's habit of titling its pieces so."""
    tokens = state.tokens
    return sum(
        1
        for above, token, below in zip(tokens, tokens[1:], tokens[2:], strict=False)
        if len(token.text) <= TITLE_MAX
        and token.kind == below.kind == above.kind == "paragraph"
        and body_length(state, below) >= ARTICLE_BODY_MIN
        and ends_sentence(above.text)
        and plain_title_like(token.text)
    )


def habitual_title(state: State, text: str) -> bool:
    """In a text whose pieces stand under lone title lines, a title line may
    end in a full stop (把握方向不动摇   将扫黑除恶专项斗争推向新高潮。): one
    sentence, short and alone over the text, as the other titles are; or
    list places or names with 、 (红色之旅——韶山、井冈山)."""
    plain = text.removesuffix("。")
    if plain == text and LISTING not in text:
        return False
    if not plain_title_like(plain.replace(LISTING, "")):
        return False
    if state.lone_titles is None:
        state.lone_titles = lone_title_lines(state)
    return state.lone_titles >= TITLE_HABIT


def place_headline(text: str) -> bool:
    m = PLACE_HEADLINE.pattern.match(text)
    return m is not None and plain_title_like(m["headline"])


def feed_headline(state: State, text: str) -> bool:
    """In a feed whose reports stand under headlines led by the place they
    come from (two or more: 某某县：“三个强化”做好党建工作), such a line is a
    title, though its colon would make it a lead-in elsewhere."""
    if not place_headline(text):
        return False
    if state.place_headlines is None:
        state.place_headlines = sum(place_headline(t.text) for t in state.tokens)
    return state.place_headlines >= TITLE_HABIT


def lone_heads(tokens: list[Token]) -> set[int]:
    """The essay's lone section heads: phrases with no stop, each alone
    between two paragraphs (the one under it ending a sentence), where the
    essay sets two or more so that hold clauses (以学为先，牢筑信仰之魂: a
    piece's title has none); then the plain ones are heads too. A run of
    short lines, a photo report's captions, is none."""
    phrase = [t.kind == "paragraph" and bool(LONE_HEAD.match(t.text)) for t in tokens]
    found = {
        i
        for i in range(1, len(tokens) - 1)
        if phrase[i]
        and tokens[i - 1].kind == "paragraph"
        and not phrase[i - 1]
        and tokens[i + 1].kind == "paragraph"
        and ends_sentence(tokens[i + 1].text)
    }
    clauses = sum(not plain_title_like(tokens[i].text) for i in found)
    return found if clauses >= LONE_HEADS_MIN else set()


BANNER_LINES = 3  # short lines in a row, after a piece's last sentence, that head a new one


def heads_banner(state: State, tokens: list[Token], i: int) -> bool:
    """After a piece's last sentence, a run of short unmarked lines over a
    paragraph (纪念…55周年 / 习近平总书记指示…15周年 / 枫桥经验简介) heads a
    new piece, titled by its first line: one line there would head a section.
    After a signature that closed the piece (（记者 王比学）), one line does."""
    if len(tokens[i].text) > TITLE_MAX:
        return False
    blocks = state.article.blocks
    ended = bool(blocks) and isinstance(blocks[-1], Paragraph) and ends_sentence(blocks[-1].text)
    size = 1 if state.closed else BANNER_LINES
    run = tokens[i : i + size]
    after = tokens[i + size] if i + size < len(tokens) else None
    return (
        (state.closed or ended)
        and len(run) == size
        and all(
            t.kind == "paragraph" and len(t.text) <= TITLE_MAX and heads_section(t, t) for t in run
        )
        and not ENTITY.search(run[0].text)  # a page's box label (&gt;&gt；背景资料) heads no piece
        and after is not None
        and after.kind == "paragraph"
        and (size > 1 or heads_section(after, after) or prose_like(after.text))
        and (size == 1 or prose_like(after.text))
    )


BANNER_SUBTITLE = "banner-subtitle"


def banner_subtitles(tokens: list[Token], i: int, closed: bool) -> None:
    """Under a banner's first line, the lines before its last are its
    subtitles (习近平总书记指示…15周年 under 纪念…55周年), never a section's
    heading; the last line over the text heads a section."""
    if not closed:
        for token in tokens[i + 1 : i + BANNER_LINES - 1]:
            token.rule = BANNER_SUBTITLE


def prose_like(text: str) -> bool:
    return len(text) >= ARTICLE_BODY_MIN and ends_sentence(text)


def heads_section(token: Token, following: Token | None) -> bool:
    """In an essay whose titles carry bylines, a short line over a paragraph
    heads a section."""
    text = ENTITY.sub("", token.text)  # &gt; left by a page is no punctuation
    return (
        following is not None
        and following.kind == "paragraph"
        and title_like(text, TITLE_MAX)
        and not ends_sentence(text)
        and text[-1] not in "：:，,、"
    )


def settle_headings(article: Article, last: bool) -> None:
    """Keep a heading candidate only if its numbering series heads text.

    A series (一、二、三、 in one article) whose members are followed by
    paragraphs, or by the headings of another series under them (一、 over
    （一）), is a set of headings; a series that never heads anything is an
    enumeration and stays in the paragraphs. A label (注释, 小资料：) is judged
    alone, and at the outer level: it belongs to no series.
    """
    blocks = article.blocks
    list_items(blocks)
    heads_text: dict[str, bool] = {}
    for i, block in enumerate(blocks):
        if isinstance(block, Heading) and block.rule not in LABELS:
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            heads = (isinstance(nxt, Paragraph) and not same_series(block.rule, nxt)) or (
                isinstance(nxt, Heading) and (block.rule, nxt.rule) in NESTED_HEADINGS
            )
            heads_text[block.rule] = heads_text.get(block.rule, False) or heads
    depths: dict[str, int] = {}
    for i, block in enumerate(blocks):  # the series first: a label is judged by what is left
        if not isinstance(block, Heading) or block.rule in LABELS:
            continue
        if block.rule in WRITERS_HEADINGS or (
            heads_text.get(block.rule) and len(block.text) <= HEADING_MAX
        ):
            block.depth = depths.setdefault(block.rule, len(depths) + 1)
        else:
            blocks[i] = Paragraph(block.text, block.line)
    repeated_labels(blocks)
    for i, block in enumerate(blocks):
        if isinstance(block, Heading) and block.rule in LABELS:
            if labels_text(blocks, i, last):
                block.depth = 1
            else:
                blocks[i] = Paragraph(block.text, block.line)


def list_items(blocks: list) -> None:
    """Numbered lines in a row, each going on the numbering of the one before,
    are the items of a list, not headings, where one of them is too long or
    ends as no heading does (（五）…； / （六）其他依法履行公职的人员。, or a
    guide's run-in items 1、 推优时间：… / 2、 推优名额：…), and the line itself
    is shaped as an item. Headings of a series each stand over their own
    text, or over the next at most (一、… / 二、… / text), and a list
    restarting at 1 is another list."""
    items = [
        i
        for i, block in enumerate(blocks)
        if isinstance(block, Heading)
        and block.rule in SERIES
        and item_shaped(block.text)
        and (
            any(isinstance(blocks[j], Paragraph) for j in numbered_run(blocks, i))
            or slipped_item(blocks, i)
        )
    ]
    for i in items:
        blocks[i] = Paragraph(blocks[i].text, blocks[i].line)


def slipped_item(blocks: list, i: int) -> bool:
    """A line that goes on the numbering of the line above under the other
    mark (24、… / 25.…): the next item of that list, whatever the two head."""
    above = blocks[i - 1] if i else None
    return (
        isinstance(above, (Heading, Paragraph))
        and getattr(above, "rule", None) != blocks[i].rule
        and next_in_series(blocks[i].rule, above, blocks[i])
    )


def item_shaped(text: str) -> bool:
    """Ends as an item does, a sentence or a clause (（六）其他…的人员。), or runs
    its label in (2、 推优时间：每年4月、11月); a heading ends in neither
    (第六，群众路线在自身工作实践中的落实)."""
    label = max(text.find(COLON), text.find(":"))
    return ends_sentence(text) or text[-1:] in LIST_ITEM_END or 0 < label < len(text) - 1


def numbered_run(blocks: list, i: int) -> range:
    """The blocks round heading `i` that go on its numbering, one after another."""
    rule, start, end = blocks[i].rule, i, i + 1
    while start > 0 and next_in_series(rule, blocks[start - 1], blocks[start]):
        start -= 1
    while end < len(blocks) and next_in_series(rule, blocks[end - 1], blocks[end]):
        end += 1
    return range(start, end)


def next_in_series(rule: str, above: object, below: object) -> bool:
    """`below` goes on the numbering of `above` in one series (（五） under （四）):
    a list restarting at 1 under the last item of another is no continuation."""
    if not all(
        (isinstance(b, Heading) and b.rule in one_numbering(rule))
        or (isinstance(b, Paragraph) and same_series(rule, b))
        for b in (above, below)
    ):
        return False
    a, b = heading_number(above.text), heading_number(below.text)
    return a is not None and b == a + 1


def repeated_labels(blocks: list) -> None:
    """A label given again right under itself, with or without its colon
    (精彩书摘 / 精彩书摘：): one heading, the repeat a line of its section."""
    for i in range(1, len(blocks)):
        above, block = blocks[i - 1], blocks[i]
        if (
            isinstance(block, Heading)
            and isinstance(above, Heading)
            and {block.rule, above.rule} <= LABELS
            and block.text.rstrip(f"{COLON}:") == above.text.rstrip(f"{COLON}:")
        ):
            blocks[i] = Paragraph(block.text, block.line)


SERIES = {r.name: r for r in HEADING_MARKERS}


def same_series(rule: str, block: Paragraph) -> bool:
    """A paragraph that is the next item of a series (4、… after 3、…): the
    item before it heads no text, it is one of a list."""
    return any(SERIES[r].pattern.match(block.text) for r in one_numbering(rule))


def one_numbering(rule: str) -> frozenset[str]:
    """The series a numbering may go on in: its own, and the one its mark slips to."""
    if rule not in SERIES:
        return frozenset()
    return SLIPPED_NUMBERING if rule in SLIPPED_NUMBERING else frozenset((rule,))


def labels_text(blocks: list, i: int, last: bool) -> bool:
    """A label heads a paragraph that is no list item (有几个方面： over
    形式主义：…； or a bullet list leads into an enumeration), or, ending its article, the
    articles after it (下面是部分同志的感想： over the speakers' statements).
    Ending in a colon over a numbered item, it leads into a list: text."""
    if i + 1 == len(blocks):
        return not last
    nxt = blocks[i + 1]
    if blocks[i].rule in QUESTION_HEADS:
        return isinstance(nxt, Paragraph)
    return (
        isinstance(nxt, Paragraph)
        and nxt.text[-1:] not in LIST_ITEM_END
        and not MARKDOWN_LIST_ITEM.pattern.match(nxt.text)  # a bullet list's lead-in
        and not (
            blocks[i].text[-1:] in LEAD_IN_ENDS
            and first_item(nxt.text)
            and not parts_lists(blocks, i)
        )
    )


def parts_lists(blocks: list, i: int) -> bool:
    """Label `i` stands between two lists of one numbering, the one under it
    starting again at 1 (…40、党风廉政建设… / 中央八项规定： / 1、中央政治局…):
    it heads the second list's section, no lead-in of the text above."""
    if i == 0:
        return False
    above, below = blocks[i - 1], blocks[i + 1]
    marker = next((r for r in HEADING_MARKERS if r.pattern.match(below.text)), None)
    return (
        marker is not None
        and isinstance(above, Paragraph)
        and marker.pattern.match(above.text) is not None
        and heading_number(below.text) == 1
        and (heading_number(above.text) or 0) > 1
    )


def first_item(text: str) -> bool:
    """A list's item (第一，…。, （一）…): what a label's colon leads into
    (以下四项基本要求： over 第一，坚持党的基本路线。…) when it heads no section."""
    return any(r.pattern.match(text) for r in HEADING_MARKERS)
