"""Site debris: what the source site added around the text, removed and
reported.

Lines are judged whole, never by how they start (`本站热搜的文章里，…` is
text). Some debris comes in blocks: a breadcrumb trail runs over the next
lines, a menu stands above it, after the page's tools (print, share, the
editor's credit, related links) the rest of a page that holds no sentence
is its menu and footer, and a Markdown export opens with front matter.
Debris inside a line (a 范文 site's introduction, a hit counter) is cut out.
The page's own date, printed in its property line, is kept; a property line
that names authors is their byline, unless the text names them again.
Around a web page's story, what the passes here leave of the page's head
and tail is weighed by one mechanism (`page.py`).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..chars import COLON, SENTENCE_END
from ..model import Author, Removal, SourceLine
from ..patterns import (
    ACCOUNT_PROFILE,
    ARROW_TRAILS,
    BREADCRUMB_HEADLINE,
    BREADCRUMB_HEADLINE_MIN,
    BREADCRUMB_STEP,
    COLUMN_LABEL,
    COPYRIGHT_LINE,
    COPYRIGHT_MARKS,
    COUNTER_LABEL,
    COUNTER_LABELS,
    CRUMB_SEPARATOR,
    CRUMB_SEPARATORS,
    DASH_SUBTITLE,
    DATE_BADGE,
    DATE_LABELS,
    DATE_LINE,
    DATED_TEASERS_MIN,
    DATELINE,
    DATELINE_BAR,
    DEBRIS,
    DOCUMENT_LABELS,
    EMPTY_CLOSING_HEADING,
    FIELD_SEPARATORS,
    FONT_SIZE,
    FOOTER_BOX_HEAD,
    FOOTER_CONTACT,
    FOOTER_CONTACTS,
    FOOTER_CONTACTS_MIN,
    FOOTER_LINES_MIN,
    FRONT_MATTER,
    FRONT_MATTER_FENCE,
    FRONT_MATTER_KEPT_KEYS,
    FRONT_MATTER_MAX,
    FRONT_MATTER_TITLE_KEYS,
    FULL_DAY,
    HEADER_LABEL,
    HEADER_TITLE_MAX,
    HEADING_MARKERS,
    HEADLINE_MENU_MIN,
    HIDDEN_DATELINE,
    HIT_COUNT_UNIT,
    HOME_LINK,
    HOME_STEP,
    LINK_ITEM,
    LINK_RUN_MIN,
    MARKDOWN_RULE,
    MENU_ENTRY,
    MENU_ITEM,
    MENU_NEIGHBOURS,
    MENU_RUN_MIN,
    OUTLET,
    PAGE_TOOL_MAX,
    PIECE_DEBRIS,
    PLATFORM_POSTING,
    POST_BOX_ITEM,
    POST_BOX_LABEL,
    POST_BOX_MIN,
    POST_META,
    PROPERTY_ALONE,
    PROPERTY_CELL,
    PROPERTY_DATE,
    SECTION_RUN_MIN,
    SEPARATING_DEBRIS,
    SIDE_MENU_HEAD,
    SITE_SECTION,
    SPACED_TRAIL,
    SPAN_DEBRIS,
    TABLE_LABELS_MIN,
    TABLE_TITLE_CELL,
    TEASER,
    TOC_DIRECTIVE,
    TOC_PLACEHOLDER,
    TOP_SECTION_RUN_MIN,
    TRAIL_END,
    TRAIL_STEPS_MAX,
    Rule,
)
from ..patterns.base import any_of
from ..patterns.debris import (
    BUTTON_COUNTER,
    CALENDAR_CELL,
    CELL_LINES_MIN,
    CLOSE_BUTTON,
    DOUBLE_ARROW_TRAIL,
    EDGE_LINK,
    FULL_TEXT_HEADLINE,
    FULL_TEXT_TITLE_REACH,
    HEADER_LINE_MAX,
    LINK_BAR,
    LINK_BARS_MIN,
    LINK_POINTER,
    LINK_POINTER_CLOSE,
    PAGER_ARROWS,
    PAGER_PAGES_MIN,
    PAGER_STEP,
    PLATFORM_DISCLAIMER,
    PROPERTY_UNFILLED,
    SHARE_BOX,
    SHARE_BUTTON,
    SHARE_LABEL,
    SITE_ADDRESS_LINE,
    SITE_BUTTON,
    SITE_BUTTONS_MIN,
    SITE_TRAIL,
    SOURCE_UNDER_CREDIT,
    STAFF_CREDIT_LINE,
    STAFF_LABELS,
    STORY_HEAD_FIELD,
    TITLE_SITE_PREFIX,
    TITLE_SITE_SUFFIX,
    TRAIL_TO_TEXT,
)
from .page import page_furniture
from .properties import DATE, Field, authors, cut_fields, date, dated_only, fields
from .shapes import TITLE_MAX, head_title_like, long_prose, prose
from .survey import Conventions

# Debris that marks the end of the text: what follows it and holds no sentence
# is the rest of the page.
PAGE_END = {
    "prev-next-links",
    "prev-or-next-link",
    "hot-searches",
    "site-boilerplate",
    "page-tools",
    "related-links",
    "link-box-head",
    "site-footer",
    "post-box",
    "more-link",
}
# The staff's credit closes a news story: after it the page holds no
# paragraph, only its boxes, whose lines may end a sentence (a comment, a
# hot list's headline, the footer's notice), so only long prose is text.
STORY_END = {"editor-credit", PAGER_STEP.name}  # the pager closes a paged text too
MASTHEAD_MAX = 400  # lines searched for the story's dateline under the masthead
# The links to the neighbouring pages after the text (上一篇 / 下一篇), and
# what the page sets under them down to its end.
NEIGHBOUR_LINKS = {"prev-next-links", "prev-or-next-link", "prev-next-labels"}
PAGE_BOXES = "boxes-after-neighbours"
# The box of recommended stories after the story's credit, down to the footer.
RELATED_HEAD, SITE_FOOTER, RECOMMENDED_BOX = "related-links", "site-footer", "recommended-box"
RELATED_HEADLINES_MIN = 3  # headlines in a row between the story and its credit
TRAIL = {"breadcrumb", "nav-step"}  # debris whose steps may go on over the next lines
MENU_ITEM_MAX = 12  # characters of a menu item above a breadcrumb
CRUMB_MAX = 8  # characters of a breadcrumb's step
BOX_ITEM_MAX = 40  # characters of a link in a box of links
LINK_ENDS = "])\uff09"  # what a sidebar's link line ends with: its date's bracket


@dataclass
class PageFact:
    """What the page says of itself outside the text (its property line, its
    front matter): a date or a title, and where."""

    text: str
    line: int


@dataclass
class PageFacts:
    date: PageFact | None = None
    title: PageFact | None = None
    cuts: list[Removal] = dataclasses.field(default_factory=list)  # debris cut from the title


# Any whole-line debris rule, tried first: most lines are text.
ANY_DEBRIS = any_of(DEBRIS)
COPYRIGHT_SIGN, COPYRIGHT_WORD = COPYRIGHT_MARKS  # one or the other in every copyright line


def first_match(rules: list[Rule], text: str) -> tuple[Rule, re.Match[str]] | None:
    # Called for every piece with every table: each rule's needed text is
    # tested here rather than through Rule.search (a call per rule).
    for r in rules:
        m = r.pattern.search(text) if r.needs in text else None
        if m:
            return r, m
    return None


def remove_debris(
    lines: list[SourceLine], conventions: Conventions, byline: Callable[[str], object]
) -> tuple[list[SourceLine], list[Removal], PageFacts]:
    """The lines without debris, what was removed, and what the page says of
    itself; `byline` tells a byline (the roles' reader: a byline in the
    story's head under its headline is the story's, not the page's)."""
    removed, facts, read = front_matter(lines)
    table, day = property_table(lines)
    removed |= table
    facts.date = facts.date or day
    in_breadcrumb = False
    parts: list[Removal] = list(facts.cuts)  # debris cut from a line whose text is kept
    headlines: dict[int, SourceLine] = {}  # a line whose debris is cut: what is left of it
    bylines: dict[int, list[Field]] = {}  # property lines that name authors: their counters
    for i, line in enumerate(lines):
        previous = lines[i - 1].text if i else ""
        if i in removed or i in read:
            continue
        props = fields(line.text)
        if props and facts.date is None and (day := date(props)):
            facts.date = PageFact(day, line.number)
        elif facts.date is None and (own := PROPERTY_DATE.match(line.text)):
            facts.date = PageFact(own["date"], line.number)  # 时间：… alone, kept as a date line
        if props and (
            dated_only(props)
            or ((names := authors(props)) and not named_again(names, conventions.lines))
        ):
            bylines[i] = cut_fields(props)
            continue
        if line.text[:1].isdigit() and (meta := POST_META.pattern.match(line.text)):
            parts.append(Removal(line.number, POST_META.name, meta["accounts"].strip()))
            headlines[i] = SourceLine(line.number, line.text[: meta.start("accounts")])
            continue
        found = "cms-properties" if props else line_rule(line.text, conventions, previous)
        if in_breadcrumb and (found == "nav-step" or (found is None and crumb_step(lines, i))):
            found = "breadcrumb"  # a step of the trail above
        in_breadcrumb = found in TRAIL
        if found is None:
            continue
        headline = trail_headline(line.text, conventions) if found == "breadcrumb" else None
        if headline is not None:  # the trail ends in the page's own headline: kept
            trail = line.text[: line.text.rindex(headline)].rstrip()
            parts.append(Removal(line.number, found, trail))
            headlines[i] = SourceLine(line.number, headline)
            in_breadcrumb = False
            continue
        removed[i] = Removal(line.number, found, line.text)
    removed |= home_trail(lines, removed | dict.fromkeys(read))
    removed |= sidebar_links(lines, removed, read)
    removed |= column_label(lines, removed | dict.fromkeys(read))
    removed |= header_label(lines, removed | dict.fromkeys(read))
    removed |= post_boxes(lines, removed) | account_name(lines, removed)
    removed |= button_marks(lines, removed) | share_buttons(lines, removed)
    removed |= links_over_headline(lines, removed | dict.fromkeys(read))
    removed |= footer_contacts(lines, removed) | footer_boxes(lines, removed)
    removed |= dated_teasers(lines, removed)
    if EDGE_LINK.needs in conventions.text:
        removed |= edge_links(lines, removed | dict.fromkeys(read))
    if conventions.markdown:
        removed |= toc_directive(lines, removed) | closing_heading(lines, removed)
    removed |= header_over_trail(lines, removed)
    removed |= top_menu(lines, removed)
    removed |= story_tools(lines, removed) | hidden_dateline(lines, removed)
    removed |= news_masthead(lines, removed | dict.fromkeys(read))
    removed |= site_buttons(lines, removed | dict.fromkeys(read))
    removed |= related_headlines(lines, removed)
    removed |= empty_properties(lines, removed)
    removed |= full_text_headline(lines, removed)
    removed |= boxes_after_neighbours(lines, removed)
    removed |= recommended_after_credit(lines, removed)
    removed |= platform_disclaimer(lines, removed)
    removed |= pager(lines, removed)
    removed |= page_furniture(
        lines,
        removed | dict.fromkeys(read),
        lambda text: story_head_line(text) or bool(byline(text)),
        STORY_END,
        PAGE_END,
    )
    removed |= page_start(lines, removed) | page_end(lines, removed)
    removed |= menu_items(lines, removed) | section_menu(lines, removed) | side_menu(lines, removed)
    removals = [removed[i] for i in sorted(removed)] + parts
    kept = [
        cut_counters(line, bylines[i], removals) if i in bylines else headlines.get(i, line)
        for i, line in enumerate(lines)
        if i not in removed and i not in read
    ]
    kept = cut_spans(kept, removals)
    return kept, sorted(removals, key=lambda r: r.line), facts


def named_again(names: list[Author], lines: frozenset[str]) -> bool:
    """Whether every author a property line names stands again alone on a
    line (the article's own byline under its title): the line is then read
    whole, as the page's debris, its date the page's. A name the text only
    mentions does not count, nor a line naming its source alone: a society's
    site names itself again over its footer's contacts (中国地理学会)."""
    return any(a.role != "来源" for a in names) and all(a.name in lines for a in names)


def property_table(lines: list[SourceLine]) -> tuple[dict[int, Removal], PageFact | None]:
    """A page's property table read one cell a line (索 引 号： / 000014349/…
    / 主题分类： / …): removed, each label with the value on the line under it
    (none where the next line is a label, or begins the document's title,
    which the table gives and the document sets again below it, unless a
    label follows it: the table given twice, or a cell that begins so, as
    发文机关 does); the first
    date under a label of the page's date (发布日期) is the page's."""
    cells = [cell_label(line.text) for line in lines]
    found: dict[int, Removal] = {}
    day = None
    i = 0
    while i < len(lines):
        if not cells[i]:
            i += 1
            continue
        run: dict[int, Removal] = {}
        title, count, when = "", 0, None
        while i < len(lines) and cells[i]:
            label, count = cells[i], count + 1
            run[i] = Removal(lines[i].number, PROPERTY_CELL.name, lines[i].text)
            i += 1
            value = lines[i].text if i < len(lines) and not cells[i] else ""
            more = i + 1 < len(lines) and bool(cells[i + 1])  # the table goes on under it
            if not value or (title and title.startswith(value) and not more):
                continue  # an empty cell: the document's own head follows
            run[i] = Removal(lines[i].number, PROPERTY_CELL.name, value)
            title = value if label == TABLE_TITLE_CELL else title
            if when is None and label in DATE_LABELS and (m := DATE.match(value)):
                when = PageFact(m.group(0), lines[i].number)
            i += 1
        if count >= TABLE_LABELS_MIN:
            found |= run
            day = day or when
    return found, day


def cell_label(text: str) -> str:
    """The label of a property table's cell alone on its line, spaces left out, or ""."""
    if text[-1:] not in f"{COLON}:":
        return ""
    m = PROPERTY_CELL.match(text)
    label = "".join(m["label"].split()) if m else ""
    return label if label in DOCUMENT_LABELS or label in DATE_LABELS else ""


def front_matter(lines: list[SourceLine]) -> tuple[dict[int, Removal], PageFacts, set[int]]:
    """A Markdown export's front matter at the top: removed, but for its
    title and date, which are the page's (their lines are returned apart:
    read, not debris), and its writer's line, which stays as the text's."""
    facts = PageFacts()
    if not lines or not FRONT_MATTER_FENCE.match(lines[0].text):
        return {}, facts, set()
    end = next(
        (
            i
            for i in range(1, min(len(lines), FRONT_MATTER_MAX))
            if FRONT_MATTER_FENCE.match(lines[i].text)
        ),
        None,
    )
    if end is None or not all(FRONT_MATTER.pattern.match(line.text) for line in lines[1:end]):
        return {}, facts, set()
    read: set[int] = set()
    titles: dict[str, tuple[int, str]] = {}  # a title key: the line of its first value, the value
    kept: set[int] = set()  # lines the reader keeps as the post's (its writer)
    values: set[str] = set()  # the other fields' values (tags, categories)
    key = ""
    for i in range(1, end):
        field = FRONT_MATTER.pattern.match(lines[i].text)
        key = field["key"] or key  # a list item (`- …`) is a value of the key above it
        value = front_matter_value(lines[i].text, field)
        if key in FRONT_MATTER_TITLE_KEYS and value:
            titles.setdefault(key, (i, value))
            continue
        values.add(value)
        if field["key"] == "date" and (day := DATE.match(value)):
            facts.date = PageFact(day.group(0), lines[i].number)
            read.add(i)
        elif key in FRONT_MATTER_KEPT_KEYS and value:
            kept.add(i)
    if titles:
        i, title = titles[min(titles, key=FRONT_MATTER_TITLE_KEYS.index)]
        title, facts.cuts = title_affixes(title, lines[i].number, values)
        facts.title = PageFact(title, lines[i].number)
        read.add(i)
    return (
        {
            i: Removal(lines[i].number, FRONT_MATTER.name, lines[i].text)
            for i in range(end + 1)
            if i not in read and i not in kept
        },
        facts,
        read,
    )


def front_matter_value(text: str, field: re.Match[str]) -> str:
    """A front matter line's value, or its list item's, without quotes."""
    value = field["value"] if field["key"] else text[1:]
    return (value or "").strip().strip("'\"")


def title_affixes(title: str, number: int, values: set[str]) -> tuple[str, list[Removal]]:
    """A mirrored post's headline without the furniture its front-matter
    title glues round it (`南开大学->… | nankai.info`), and the removals:
    the site's address after a bar always, the name before an arrow where
    the address goes too or the front matter names the site so again."""
    cuts: list[Removal] = []
    suffix = TITLE_SITE_SUFFIX.search(title)
    if suffix and suffix.start() > 0:
        cuts.append(Removal(number, TITLE_SITE_SUFFIX.name, suffix["affix"]))
        title = title[: suffix.start()]
    prefix = TITLE_SITE_PREFIX.match(title)
    if prefix and (cuts or prefix["site"] in values) and prefix.end() < len(title):
        cuts.insert(0, Removal(number, TITLE_SITE_PREFIX.name, prefix["affix"].strip()))
        title = title[prefix.end() :]
    return title, cuts


def trail_headline(text: str, conventions: Conventions) -> str | None:
    """The page's headline a breadcrumb's line ends in (`首页 > 招标公告
    某某公司…的比选公告`), when the text does not give it again on a line of
    its own: then it is the only place the headline stands, and it is kept;
    so is the last step given again after it (`首页 > 党团活动 党团活动`), the
    page's heading printed beside the trail, or as a step of its own after
    it (`首页 >入党流程 >入党流程`)."""
    if DOUBLE_ARROW_TRAIL.match(text):
        return None
    m = BREADCRUMB_HEADLINE.pattern.search(text)
    headline = m["headline"] if m else ""
    steps = [step.strip() for step in CRUMB_SEPARATOR.split(text)]
    if headline and (m["step"] == headline or steps[-2:] == [headline, headline]):
        return headline  # the last step again: the page's own heading
    if not headline_long(headline) or not head_title_like(headline):
        return None
    return None if headline in conventions.lines else headline


def headline_long(text: str) -> bool:
    """Whether `text` is long enough, spaces aside, to be a headline, not a trail's step."""
    return len("".join(text.split())) >= BREADCRUMB_HEADLINE_MIN


def crumb_step(lines: list[SourceLine], i: int) -> bool:
    """Whether line `i` goes on the breadcrumb above it: a step after a
    separator (`>`, `›` …; short, or repeated below as the column's heading),
    or the last step repeated (`当前位置：首页 > 党建引领> 学习专栏` over `学习专栏`)."""
    text, previous = lines[i].text, lines[i - 1].text
    if text in (previous, CRUMB_SEPARATOR.split(previous)[-1].strip()):
        # the last step again, alone: the column's label over its page; a
        # headline the trail ends in, given again, is the text's title
        return not headline_long(text)
    repeated = i + 1 < len(lines) and lines[i + 1].text == text
    return bool(BREADCRUMB_STEP.match(previous)) and (len(text) <= CRUMB_MAX or repeated)


def line_rule(text: str, conventions: Conventions, previous: str) -> str | None:
    """The name of the rule that makes a whole line debris, if one does."""
    if text in conventions.running_heads:
        return "running-head"
    if conventions.markdown and MARKDOWN_RULE.pattern.match(text):
        return MARKDOWN_RULE.name
    if HIT_COUNT_UNIT.pattern.match(text) and COUNTER_LABEL.search(previous):
        return HIT_COUNT_UNIT.name
    if SITE_ADDRESS_LINE.needs in text and SITE_ADDRESS_LINE.match(text.strip()):
        return SITE_ADDRESS_LINE.name
    if (COPYRIGHT_SIGN in text or COPYRIGHT_WORD in text) and COPYRIGHT_LINE.pattern.match(text):
        return COPYRIGHT_LINE.name
    found = first_match(DEBRIS, text) if ANY_DEBRIS.search(text) else None
    if found is None and any(c in text for c in CRUMB_SEPARATORS):
        found = first_match(ARROW_TRAILS, text)
    if found:
        return found[0].name
    teaser = TEASER.pattern.match(text) if text.endswith(("...", "…")) else None
    stem = teaser["stem"] if teaser else ""
    if stem and conventions.text.count(stem) > 1:  # the full paragraph is there too
        return TEASER.name
    return None


def sidebar_links(
    lines: list[SourceLine], removed: dict[int, Removal], read: set[int]
) -> dict[int, Removal]:
    """Runs of lines that are links to other pages, each closed by its date
    (a sidebar, a teaser list), or one under a box's heading (推荐阅读)."""
    links = [
        line.text[-1:] in LINK_ENDS
        and i not in removed
        and i not in read
        and bool(LINK_ITEM.match(line.text))
        for i, line in enumerate(lines)
    ]
    found: dict[int, Removal] = {}
    i = 0
    while i < len(lines):
        if not links[i]:
            i += 1
            continue
        end = i
        while end < len(lines) and links[end]:
            end += 1
        boxed = i > 0 and i - 1 in removed and removed[i - 1].rule == "related-links"
        if end - i >= LINK_RUN_MIN or boxed:
            found |= {
                k: Removal(lines[k].number, LINK_ITEM.name, lines[k].text) for k in range(i, end)
            }
        i = end
    return found | boxed_links(lines, removed | found)


def boxed_links(lines: list[SourceLine], removed: dict[int, Removal]) -> dict[int, Removal]:
    """Between a box's heading (推荐阅读, 热门文章) and the debris that closes
    the box (更多>>, the breadcrumb), short lines that are no sentences are
    the box's links, dated or not."""
    found: dict[int, Removal] = {}
    for start in (i for i in sorted(removed) if removed[i].rule == "related-links"):
        end = start + 1
        while end < len(lines) and end not in removed and box_item(lines[end].text):
            end += 1
        if end > start + 1 and end in removed:
            found |= {
                k: Removal(lines[k].number, LINK_ITEM.name, lines[k].text)
                for k in range(start + 1, end)
            }
    return found


def box_item(text: str) -> bool:
    return len(text) <= BOX_ITEM_MAX and not prose(text)


def column_label(lines: list[SourceLine], removed: dict) -> dict[int, Removal]:
    """The page's first line, when it names a column (质检新闻) over a title
    that text, a date or a property line follows: the column's label, not
    the text's title."""
    kept = list(itertools.islice((i for i in range(len(lines)) if i not in removed), 3))
    if len(kept) < 3 or not COLUMN_LABEL.match(lines[kept[0]].text):
        return {}
    title, text = lines[kept[1]].text, lines[kept[2]].text
    heads = prose(text) or fields(text) or DATE_LINE.pattern.match(text) or DATELINE.match(text)
    if COLUMN_LABEL.match(title) or not head_title_like(title) or not heads:
        return {}
    return {kept[0]: Removal(lines[kept[0]].number, COLUMN_LABEL.name, lines[kept[0]].text)}


def header_label(lines: list[SourceLine], removed: dict) -> dict[int, Removal]:
    """The page's first line, when it is a short name over a short title that
    the text's first words take up, and the name is not (组织生活 / 党课 /
    党课制度（每月一次）…): an app's header bar, not the text's title."""
    kept = list(itertools.islice((i for i in range(len(lines)) if i not in removed), 3))
    if len(kept) < 3 or not HEADER_LABEL.match(lines[kept[0]].text):
        return {}
    label, title, text = (lines[i].text for i in kept)
    if (
        len(title) > HEADER_TITLE_MAX
        or title == label
        or not head_title_like(title)
        or not (prose(text) and text.startswith(title) and len(text) > len(title))
        or text.startswith(label)
    ):
        return {}
    return {kept[0]: Removal(lines[kept[0]].number, HEADER_LABEL.name, label)}


def remaining(lines: list[SourceLine], removed: dict) -> list[int]:
    """The indexes of the lines not removed yet, in order."""
    return [i for i in range(len(lines)) if i not in removed]


def home_trail(lines: list[SourceLine], removed: dict) -> dict[int, Removal]:
    """A breadcrumb set one step a line at the page's top: from the home
    link (首页) down to the step naming the text (正文), or, with no such
    step, the home link and the column labels under it; or a trail parted by
    spaces on the headline's line (首页 某栏目 标题), the headline below it."""
    kept = remaining(lines, removed)[: TRAIL_STEPS_MAX + 1]
    if len(kept) > 1 and spaced_trail(lines[kept[0]].text, lines[kept[1]].text):
        return {kept[0]: Removal(lines[kept[0]].number, SPACED_TRAIL.name, lines[kept[0]].text)}
    if not kept or not HOME_STEP.pattern.match(lines[kept[0]].text):
        return {}
    steps = kept[:1]
    for i in kept[1:]:
        text = lines[i].text
        if len(text) > CRUMB_MAX or prose(text):
            break
        steps.append(i)
        if TRAIL_END.pattern.match(text):
            break
    if not TRAIL_END.pattern.match(lines[steps[-1]].text):  # no step names the text
        steps = [
            kept[0],
            *itertools.takewhile(lambda i: COLUMN_LABEL.match(lines[i].text), kept[1:]),
        ]
    return {i: Removal(lines[i].number, "breadcrumb", lines[i].text) for i in steps}


def spaced_trail(text: str, headline: str) -> bool:
    """A trail parted by spaces ending in the headline that the next line gives again."""
    trail = text[: -len(headline)] if text.endswith(f" {headline}") else ""
    return bool(trail) and bool(SPACED_TRAIL.pattern.match(trail.rstrip()))


def menu_items(lines: list[SourceLine], removed: dict[int, Removal]) -> dict[int, Removal]:
    """A short line that no sentence is, between two lines of the page's
    menus (the trail and a menu step under it), is an item of them too."""
    return {
        i: Removal(lines[i].number, "menu-item", lines[i].text)
        for i in range(1, len(lines) - 1)
        if i not in removed
        and len(lines[i].text) <= CRUMB_MAX
        and not prose(lines[i].text)
        and all(k in removed and removed[k].rule in MENU_NEIGHBOURS for k in (i - 1, i + 1))
    }


def post_boxes(lines: list[SourceLine], removed: dict[int, Removal]) -> dict[int, Removal]:
    """Runs of an account's box of the day's posts (【头条】… 【二条】…), with
    the label over them (今日大案：): other posts' titles, not the text."""
    candidates = [i for i, line in enumerate(lines) if POST_BOX_ITEM.needs in line.text]
    found: dict[int, Removal] = {}
    end = 0
    for i in candidates:
        if i < end:
            continue  # inside the run found last
        end = i
        while end < len(lines) and end not in removed and POST_BOX_ITEM.match(lines[end].text):
            end += 1
        if end - i >= POST_BOX_MIN:
            label = i - 1 if i and POST_BOX_LABEL.match(lines[i - 1].text) else i
            found |= {
                k: Removal(lines[k].number, POST_BOX_ITEM.name, lines[k].text)
                for k in range(label, end)
                if k not in removed
            }
    return found


def account_name(lines: list[SourceLine], removed: dict[int, Removal]) -> dict[int, Removal]:
    """The short line over an account's profile box (微信号 …) is its name."""
    return {
        i - 1: Removal(lines[i - 1].number, removed[i].rule, lines[i - 1].text)
        for i in sorted(removed)
        if ACCOUNT_PROFILE.match(removed[i].text)
        and i
        and i - 1 not in removed
        and len(lines[i - 1].text) <= CRUMB_MAX
        and not prose(lines[i - 1].text)
    }


def button_marks(lines: list[SourceLine], removed: dict[int, Removal]) -> dict[int, Removal]:
    """The close mark alone over the share box's button (X / 分享到 - 微信),
    and the bare count under the page's buttons (打印本页 / 0) or the share
    box's label (分享到： / 0): theirs."""
    found: dict[int, Removal] = {}
    for i in sorted(removed):
        beside = BUTTON_COUNTER.name if SHARE_LABEL.match(lines[i].text) else removed[i].rule
        for k, mark in ((i - 1, CLOSE_BUTTON), (i + 1, BUTTON_COUNTER)):
            if (
                beside == mark.name
                and 0 <= k < len(lines)
                and k not in removed
                and mark.match(lines[k].text)
            ):
                found[k] = Removal(lines[k].number, mark.name, lines[k].text)
    return found


def share_buttons(lines: list[SourceLine], removed: dict[int, Removal]) -> dict[int, Removal]:
    """The share box's open and close buttons alone right over or under its
    removed 分享到 lines (分享 / 分享到 / 分享到微信 / 关闭): the box's."""
    box = [i for i in sorted(removed) if lines[i].text.startswith(SHARE_BOX)]
    return {
        k: Removal(lines[k].number, SHARE_BUTTON.name, lines[k].text)
        for i in box
        for k in (i - 1, i + 1)
        if 0 <= k < len(lines) and k not in removed and SHARE_BUTTON.match(lines[k].text)
    }


def links_over_headline(lines: list[SourceLine], removed: dict) -> dict[int, Removal]:
    """Short links over the page's headline, where the text gives the
    headline again as its own (a mirror's 排行榜 / 客户端 over the post's
    title, printed again over the post): the site's links, not the title."""
    kept = remaining(lines, removed)
    top = list(
        itertools.takewhile(
            lambda i: len(lines[i].text) <= CRUMB_MAX and not prose(lines[i].text),
            kept[:TRAIL_STEPS_MAX],
        )
    )
    if not top or len(top) == len(kept):
        return {}
    headline = lines[kept[len(top)]].text
    again = any(lines[i].text == headline for i in kept[len(top) + 1 :])
    if not (headline_long(headline) and again and head_title_like(headline)):
        return {}
    return {i: Removal(lines[i].number, "site-links", lines[i].text) for i in top}


def toc_directive(lines: list[SourceLine], removed: dict[int, Removal]) -> dict[int, Removal]:
    """kramdown's contents directive (`{:toc}`) and the list item above it
    that the page's contents replace (`* content`)."""
    found: dict[int, Removal] = {}
    for i, line in enumerate(lines):
        if i in removed or not TOC_DIRECTIVE.match(line.text):
            continue
        found[i] = Removal(line.number, TOC_DIRECTIVE.name, line.text)
        if i and i - 1 not in removed and TOC_PLACEHOLDER.match(lines[i - 1].text):
            found[i - 1] = Removal(lines[i - 1].number, TOC_DIRECTIVE.name, lines[i - 1].text)
    return found


def closing_heading(lines: list[SourceLine], removed: dict[int, Removal]) -> dict[int, Removal]:
    """A Markdown heading that is the text's last line heads nothing (# 结束)."""
    kept = remaining(lines, removed)
    last = kept[-1] if len(kept) > 1 else None
    if last is None or not EMPTY_CLOSING_HEADING.match(lines[last].text):
        return {}
    return {last: Removal(lines[last].number, EMPTY_CLOSING_HEADING.name, lines[last].text)}


def edge_links(lines: list[SourceLine], removed: dict) -> dict[int, Removal]:
    """Lines that are only a link to a web page, opening or closing the
    post (the original's address, the video's): pointers elsewhere. A page
    of links alone has no text round them to open or close: it stays."""
    kept = remaining(lines, removed)
    found: dict[int, Removal] = {}
    for order in (kept, reversed(kept)):
        for i in itertools.takewhile(lambda i: EDGE_LINK.match(lines[i].text), order):
            found[i] = Removal(lines[i].number, EDGE_LINK.name, lines[i].text)
    return found if len(found) < len(kept) else {}


def dated_teasers(lines: list[SourceLine], removed: dict[int, Removal]) -> dict[int, Removal]:
    """A sidebar's listing of other posts: runs of a date badge (三月28, a
    month and a day with no 日) over a teaser cut short (…, ...), two pairs
    or more in a row."""
    found: dict[int, Removal] = {}
    i = 0
    while i < len(lines) - 1:
        end = i
        while end + 1 < len(lines) and dated_teaser(lines, removed, end):
            end += 2
        if (end - i) // 2 >= DATED_TEASERS_MIN:
            found |= {
                k: Removal(lines[k].number, DATE_BADGE.name, lines[k].text) for k in range(i, end)
            }
        i = max(end, i + 1)
    return found


def dated_teaser(lines: list[SourceLine], removed: dict[int, Removal], i: int) -> bool:
    badge, teaser = lines[i].text, lines[i + 1].text
    return (
        i not in removed
        and i + 1 not in removed
        and DATE_BADGE.match(badge) is not None
        and teaser.endswith(("...", "…"))
        and TEASER.pattern.match(teaser) is not None
    )


def footer_contacts(lines: list[SourceLine], removed: dict[int, Removal]) -> dict[int, Removal]:
    """The site's contact lines (address, telephone, web agency) right above
    or below its footer's copyright line are the footer too."""
    found: dict[int, Removal] = {}
    for anchor in (i for i in sorted(removed) if removed[i].rule == "site-footer"):
        for step in (-1, 1):
            i = anchor + step
            while 0 <= i < len(lines) and i not in removed and FOOTER_CONTACTS.match(lines[i].text):
                found[i] = Removal(lines[i].number, FOOTER_CONTACTS.name, lines[i].text)
                i += step
    return found


def section_menu(lines: list[SourceLine], removed: dict[int, Removal]) -> dict[int, Removal]:
    """After the text's last line, a run of names of the site's sections and
    columns (新闻中心 / 最新公告 / 集团新闻) is its sidebar, not a new piece;
    three or more opening the page (新闻中心 / 公司要闻 / 企业动态) its menu."""
    kept = remaining(lines, removed)
    found: dict[int, Removal] = {}
    for order, least in ((reversed(kept), SECTION_RUN_MIN), (kept, TOP_SECTION_RUN_MIN)):
        run = list(itertools.takewhile(lambda i: section_name(lines[i].text), order))
        if len(run) >= least and len(run) < len(kept):
            found |= {i: Removal(lines[i].number, SITE_SECTION.name, lines[i].text) for i in run}
    return found


def section_name(text: str) -> bool:
    return bool(SITE_SECTION.pattern.match(text) or COLUMN_LABEL.match(text))


def side_menu(lines: list[SourceLine], removed: dict[int, Removal]) -> dict[int, Removal]:
    """After the text, the side menu of the site's section under its heading
    in two languages (`enterprise culture 企业文化` / 党团活动 / 光彩事业 …):
    the heading and the short lines after it that no sentence is."""
    kept = remaining(lines, removed)
    for n, i in enumerate(kept):
        if not SIDE_MENU_HEAD.pattern.match(lines[i].text):
            continue
        rest = kept[n + 1 :]  # copied for a heading's line only
        if all(len(lines[k].text) <= MENU_ITEM_MAX and not prose(lines[k].text) for k in rest):
            return {
                k: Removal(lines[k].number, SIDE_MENU_HEAD.name, lines[k].text) for k in (i, *rest)
            }
    return {}


def top_menu(lines: list[SourceLine], removed: dict[int, Removal]) -> dict[int, Removal]:
    """A run of menu items opening the page, the text's first sentence right
    under them: the site's menu (a title, a byline or a date between them
    and the text would make them something else)."""
    kept = remaining(lines, removed)
    run = list(itertools.takewhile(lambda i: MENU_ITEM.pattern.match(lines[i].text), kept))
    after = kept[len(run)] if len(run) < len(kept) else None
    if len(run) < MENU_RUN_MIN or after is None or not prose(lines[after].text):
        return {}
    return {i: Removal(lines[i].number, MENU_ITEM.name, lines[i].text) for i in run}


def header_over_trail(lines: list[SourceLine], removed: dict[int, Removal]) -> dict[int, Removal]:
    """The short lines over the page's first trail, when that trail, on one
    line, runs down to the step naming the text (… > 证券新闻 > 正文): the
    page's header; a sentence among them would be text, and keeps them all."""
    trail = next((i for i in sorted(removed) if TRAIL_TO_TEXT.match(lines[i].text)), None)
    above = [i for i in range(trail or 0) if i not in removed]
    if not above or any(
        len(lines[i].text) > HEADER_LINE_MAX or "。" in lines[i].text for i in above
    ):
        return {}
    return {i: Removal(lines[i].number, TRAIL_TO_TEXT.name, lines[i].text) for i in above}


def site_buttons(lines: list[SourceLine], removed: dict[int, Removal]) -> dict[int, Removal]:
    """The site's buttons opening the page one a line (栏目首页 / 搜索 / 登录),
    over a headline that its dateline or posting line follows: the page's,
    the headline begins its text."""
    kept = remaining(lines, removed)
    n = next((n for n, i in enumerate(kept) if not SITE_BUTTON.match(lines[i].text)), len(kept))
    if (
        n < SITE_BUTTONS_MIN
        or n + 1 >= len(kept)
        or not head_title_like(lines[kept[n]].text)
        or not news_dateline(lines[kept[n + 1]].text)
    ):
        return {}
    return {i: Removal(lines[i].number, SITE_BUTTON.name, lines[i].text) for i in kept[:n]}


def news_masthead(lines: list[SourceLine], removed: dict[int, Removal]) -> dict[int, Removal]:
    """Over a news story's headline that its dateline follows (a date and
    its source, or a date alone, the source named on a line between them:
    新华社), eight lines or more none of which is running text, the home
    link among them (首页 滚动 国内 …, 首页 > 中南海) or showing a menu otherwise
    (`masthead_shown`): the site's masthead, its menus, channel bars and
    header links; the headline begins the page's text. A digital edition
    sets its issue date over the headline instead: the run stops at it."""
    # the property line may be removed already (来源: | 发布时间: … | 浏览次数: …)
    kept = [
        i
        for i in range(min(len(lines), MASTHEAD_MAX))
        if i not in removed or (removed[i] and removed[i].rule == "cms-properties")
    ]
    dated = None
    for n, i in enumerate(kept):
        if i in removed or news_dateline(lines[i].text):
            dated = n
            break
        if long_prose(lines[i].text):
            return {}  # the text began with no dateline over it
    if dated is None:
        return {}
    head = dated - 1
    while head > 0 and one_property(lines[kept[head]].text):
        head -= (
            1  # the page's properties one a line between headline and date (来源：新华社 / 作者：)
        )
    if head > 0 and (
        source_alone(text := lines[kept[head]].text) or SITE_ADDRESS_LINE.match(text.strip())
    ):
        head -= 1  # an outlet, or the site's name and address, between headline and date
    if head > 0 and DASH_SUBTITLE.match(lines[kept[head]].text):
        head -= 1  # the headline's deck under it (——热烈祝贺…): the headline is above
    elif head > 0 and headline_over_deck(lines[kept[head - 1]].text, lines[kept[head]].text):
        head -= 1  # a plain deck under the headline (去年改造户用卫生厕所4.66万座)
    if (
        head > 1
        and SITE_TRAIL.match(lines[kept[head - 2]].text)
        and head_title_like(lines[kept[head - 1]].text)
    ):
        head -= 1  # a kicker over the headline, under the page's trail (人民网>>经济·科技)
    if not head_title_like(lines[kept[max(head, 0)]].text) and dated + 1 < len(kept):
        head = dated  # a digital edition's issue date over the headline: the run stops at it
        under = lines[kept[dated + 1]].text
        if not (head_title_like(under) and headline_long(under)):
            return {}  # a page's controls under its date (字号：A-), the headline above them
    run = kept[: max(head, 0)]
    if (
        len(run) < HEADLINE_MENU_MIN
        or (not head_title_like(lines[kept[head]].text) and head != dated)
        or not all(masthead_line(lines[i].text) for i in run)
        or not masthead_shown(lines, removed, run, kept[head])
    ):
        return {}
    return {i: Removal(lines[i].number, HOME_LINK.name, lines[i].text) for i in run}


def headline_over_deck(above: str, line: str) -> bool:
    """Whether `above` is a headline over the deck `line`, not the masthead's
    last item: long enough for a headline, title-like, one phrase (no bar of
    items parted by spaces), no menu entry, as the deck is title-like too."""
    return (
        headline_long(above)
        and head_title_like(above)
        and head_title_like(line)
        and not any(c.isspace() for c in above)
        and not menu_entry(above)
    )


def masthead_shown(
    lines: list[SourceLine], removed: dict[int, Removal], run: list[int], end: int
) -> bool:
    """Whether the lines over the headline show themselves a site's masthead:
    the home link or a trail among them, or a menu one item a line, or a
    digital edition's calendar cells and buttons one character a line."""
    return (
        any(
            HOME_LINK.match(lines[i].text) or (removed.get(i) and removed[i].rule in TRAIL)
            for i in range(end)
        )
        or all(menu_entry(lines[i].text) for i in run)
        or sum(CALENDAR_CELL.match(lines[i].text) is not None for i in run) >= CELL_LINES_MIN
    )


def story_tools(lines: list[SourceLine], removed: dict[int, Removal]) -> dict[int, Removal]:
    """The story's font-size control and the short tool links under it (打印,
    留言, 纠错, E-mail推荐:), up to the first line that is longer, a sentence
    or a numbered heading: the page's tools, not the text."""
    found: dict[int, Removal] = {}
    for i in (i for i, line in enumerate(lines) if FONT_SIZE.needs in line.text):
        if i in removed or not FONT_SIZE.match(lines[i].text):
            continue
        end = i + 1
        while end < len(lines) and end not in removed and page_tool(lines[end].text):
            end += 1
        found |= {k: Removal(lines[k].number, FONT_SIZE.name, lines[k].text) for k in range(i, end)}
    return found


def page_tool(text: str) -> bool:
    return (
        len(text) <= PAGE_TOOL_MAX
        and not prose(text)
        and first_match(HEADING_MARKERS, text) is None
    )


def hidden_dateline(lines: list[SourceLine], removed: dict[int, Removal]) -> dict[int, Removal]:
    """A dateline with the CMS's fields (责任编辑) right over the dateline the
    page shows, of the same day: the copy hidden for spiders, removed whole."""
    kept = remaining(lines, removed)
    found: dict[int, Removal] = {}
    for i, k in itertools.pairwise(kept):
        hidden, shown = lines[i].text, lines[k].text
        if HIDDEN_DATELINE.needs not in hidden or not HIDDEN_DATELINE.match(hidden):
            continue
        first, second = FULL_DAY.search(hidden), DATELINE.match(shown) and FULL_DAY.search(shown)
        if first and second and first.group("month", "day") == second.group("month", "day"):
            found[i] = Removal(lines[i].number, HIDDEN_DATELINE.name, hidden)
    return found


def masthead_line(text: str) -> bool:
    """A link's label, a channel's motto (记录公益发展，共建责任生态。), a bar
    of links however long: no running text."""
    return len(text) <= TITLE_MAX or not any(c in text for c in SENTENCE_END)


def news_dateline(text: str) -> bool:
    """A news page's line of the story's date: with its source or alone."""
    return bool(
        DATELINE.match(text)
        or DATELINE_BAR.match(text)
        or DATE_LINE.match(text)
        or PLATFORM_POSTING.match(text)
        or page_property(text)
    )


def story_head_line(text: str) -> bool:
    """A line of the story's head under its headline: its date, its source, a
    property (a byline, the roles' to tell, is one too)."""
    return bool(
        news_dateline(text)
        or one_property(text)
        or source_alone(text)
        or STORY_HEAD_FIELD.match(text)
    )


def one_property(text: str) -> bool:
    """One of the page's properties alone on its line, filled or left empty."""
    return bool(PROPERTY_ALONE.match(text) or PROPERTY_UNFILLED.match(text))


def source_alone(text: str) -> bool:
    """An outlet named alone on a line (新华社, 人民日报)."""
    return OUTLET.match(text) is not None


def menu_entry(text: str) -> bool:
    return MENU_ENTRY.match(text) is not None and first_match(HEADING_MARKERS, text) is None


def page_property(text: str) -> bool:
    """The page's property line under its headline (its date, its counter)."""
    return bool(fields(text)) or PROPERTY_DATE.match(text) is not None


def footer_boxes(lines: list[SourceLine], removed: dict[int, Removal]) -> dict[int, Removal]:
    """Over the site's copyright line, up to the text's last sentence, the
    footer's boxes one item a line (信息化建设管理服务中心 / 仙林校区：… /
    服务电话 / 025-… / 常用链接 / 小百合BBS …): short lines that no sentence
    is, among them a box's heading and the site's contacts, or its bars of
    links (精彩专栏 / 豫政双周 清风中原 … / 友情链接 / 百度新闻 新华网 …). A
    text's closing lines (a signature, one contact) make no such run."""
    found: dict[int, Removal] = {}
    for anchor in (i for i in sorted(removed) if removed[i].rule == "site-footer"):
        start = anchor
        while start > 0 and start - 1 not in removed and footer_item(lines[start - 1].text):
            start -= 1
        run = [lines[i].text for i in range(start, anchor)]
        contacts = sum(FOOTER_CONTACT.match(text) is not None for text in run)
        bars = sum(LINK_BAR.match(text) is not None for text in run)
        if (
            len(run) >= FOOTER_LINES_MIN
            and (contacts >= FOOTER_CONTACTS_MIN or bars >= LINK_BARS_MIN)
            and any(FOOTER_BOX_HEAD.match(text) for text in run)
        ):
            found |= {
                i: Removal(lines[i].number, FOOTER_CONTACT.name, lines[i].text)
                for i in range(start, anchor)
            }
    return found


def footer_item(text: str) -> bool:
    return box_item(text) or LINK_BAR.match(text) is not None


def page_start(lines: list[SourceLine], removed: dict[int, Removal]) -> dict[int, Removal]:
    """Before a breadcrumb that only short non-sentences precede, every line is
    the page's menu (登录 | 注册 | 首页 …)."""
    crumb = next((i for i in sorted(removed) if removed[i].rule == "breadcrumb"), None)
    if crumb is None or any(
        prose(lines[i].text) or len(lines[i].text) > MENU_ITEM_MAX
        for i in range(crumb)
        if i not in removed
    ):
        return {}
    return {
        i: Removal(lines[i].number, "page-chrome", lines[i].text)
        for i in range(crumb)
        if i not in removed
    }


def cut_counters(line: SourceLine, found: list[Field], removals: list[Removal]) -> SourceLine:
    """A property line that is a byline or the date line, without its hit
    counter, its staff's credit and its empty fields, each with the
    separator that parts it from the rest (`| 浏览次数: 2168`)."""
    text = line.text
    for f in reversed(found):
        start, end = f.start, f.end
        before, after = text[:start].rstrip(), text[end:].lstrip()
        if after and after[0] in FIELD_SEPARATORS:
            end = len(text) - len(after) + 1  # the separator after the field
        elif before and before[-1] in FIELD_SEPARATORS:
            start = len(before) - 1  # the separator before a field that closes the line
        rule = (
            "hit-counter"
            if f.label in COUNTER_LABELS
            else STAFF_CREDIT_LINE.name
            if f.label in STAFF_LABELS
            else "empty-property"
        )
        removals.append(Removal(line.number, rule, text[start:end]))
        text = text[:start] + text[end:]
    return SourceLine(line.number, text.strip())


def page_end(lines: list[SourceLine], removed: dict[int, Removal]) -> dict[int, Removal]:
    """After the first page-end debris line that only non-sentences follow,
    every line is the page's chrome (menu, footer)."""
    end, story = text_end(lines, removed, prose), text_end(lines, removed, long_prose)
    anchors = [
        i
        for i in sorted(removed)
        if (i >= end and removed[i].rule in PAGE_END)
        or (i >= story and removed[i].rule in STORY_END)
    ]
    if not anchors:
        return {}
    start = anchors[0]
    if removed[start].rule in STORY_END:  # the source under the credit is still the text's
        while start + 1 < len(lines) and SOURCE_UNDER_CREDIT.match(lines[start + 1].text):
            start += 1
    return {
        i: Removal(lines[i].number, "page-chrome", lines[i].text)
        for i in range(start + 1, len(lines))
        if i not in removed
    }


def pager(lines: list[SourceLine], removed: dict[int, Removal]) -> dict[int, Removal]:
    """Runs of the pager's steps one a line, with an arrow among them and the
    pages' numbers counted up from 1 (< / 1 / 2 / … / 7 / >): the pager of a
    text the site cut into pages; bare numbers alone are no pager."""
    found: dict[int, Removal] = {}
    kept = remaining(lines, removed)
    for _, group in itertools.groupby(kept, key=lambda i: bool(PAGER_STEP.match(lines[i].text))):
        run = list(group)
        texts = [lines[i].text for i in run]
        numbers = [t for t in texts if t.isdigit()]
        if (
            PAGER_STEP.match(texts[0])
            and PAGER_ARROWS.intersection(texts)
            and len(numbers) >= PAGER_PAGES_MIN
            and numbers == [str(n) for n in range(1, len(numbers) + 1)]
        ):
            found |= {i: Removal(lines[i].number, PAGER_STEP.name, lines[i].text) for i in run}
    return found


def text_end(
    lines: list[SourceLine], removed: dict[int, Removal], text: Callable[[str], bool]
) -> int:
    """The index after the last line kept that `text` takes for the text's."""
    end = len(lines)
    while end > 0 and (end - 1 in removed or not text(lines[end - 1].text)):
        end -= 1
    return end


def related_headlines(lines: list[SourceLine], removed: dict[int, Removal]) -> dict[int, Removal]:
    """Between a news story's last paragraph and the staff's credit closing
    it, three or more headlines one a line (其他报道 with no box head): the
    related stories' links, not the text's closing lines."""
    story = text_end(lines, removed, long_prose)
    credit = next((i for i in sorted(removed) if i >= story and removed[i].rule in STORY_END), None)
    if credit is None:
        return {}
    run = range(story, credit)
    if len(run) < RELATED_HEADLINES_MIN or any(
        k in removed or not headline_link(lines[k].text) for k in run
    ):
        return {}
    return {k: Removal(lines[k].number, "related-headlines", lines[k].text) for k in run}


def empty_properties(lines: list[SourceLine], removed: dict[int, Removal]) -> dict[int, Removal]:
    """A property's label left empty (作者：) among the page's property lines
    under the headline, the date right under it: the page's, no text. With a
    name on the next line it is a label and its value, and stays."""
    kept = remaining(lines, removed)
    return {
        i: Removal(lines[i].number, PROPERTY_UNFILLED.name, lines[i].text)
        for i, k in itertools.pairwise(kept)
        if PROPERTY_UNFILLED.match(lines[i].text) and news_dateline(lines[k].text)
    }


def full_text_headline(lines: list[SourceLine], removed: dict[int, Removal]) -> dict[int, Removal]:
    """The page's headline naming the text given whole (《X》全文), the text's
    own title X alone on a line a few lines below: the page's, removed."""
    kept = remaining(lines, removed)
    for n, i in enumerate(kept):
        found = FULL_TEXT_HEADLINE.match(lines[i].text)
        near = kept[n + 1 : n + 1 + FULL_TEXT_TITLE_REACH]
        if found and any(lines[k].text == found["title"] for k in near):
            return {i: Removal(lines[i].number, FULL_TEXT_HEADLINE.name, lines[i].text)}
    return {}


def boxes_after_neighbours(
    lines: list[SourceLine], removed: dict[int, Removal]
) -> dict[int, Removal]:
    """Under the text's last sentence, from the links to the neighbouring
    pages (上一篇 / 下一篇) to the page's end: the neighbours' headlines, the
    recommended box, the partner links and the footer, none a sentence."""
    labels = [i for i in sorted(removed) if removed[i] and removed[i].rule in NEIGHBOUR_LINKS]
    if not labels or text_end(lines, removed, long_prose) > labels[0]:
        return {}
    rest = [k for k in range(labels[0], len(lines)) if k not in removed]
    if any(c in lines[k].text for k in rest for c in SENTENCE_END):
        return {}
    return {k: Removal(lines[k].number, PAGE_BOXES, lines[k].text) for k in rest}


def recommended_after_credit(
    lines: list[SourceLine], removed: dict[int, Removal]
) -> dict[int, Removal]:
    """After the story's closing credit (责编：…), its share and follow
    lines, then the box of recommended stories (推荐阅读) down to the footer:
    their headlines and leads are other pages' text, not the story's. The
    box holds no credit of its own, which a story of the text would."""
    credit = next((i for i in sorted(removed) if removed[i] and removed[i].rule in STORY_END), None)
    head = next(
        (
            i
            for i in sorted(removed)
            if credit is not None and i > credit and removed[i] and removed[i].rule == RELATED_HEAD
        ),
        None,
    )
    footer = next(
        (
            i
            for i in sorted(removed)
            if head is not None and i > head and removed[i] and removed[i].rule == SITE_FOOTER
        ),
        None,
    )
    if credit is None or head is None or footer is None:
        return {}
    if any(removed[i] and removed[i].rule in STORY_END for i in removed if head < i < footer):
        return {}
    between = [k for k in range(credit + 1, head) if k not in removed]
    if any(prose(lines[k].text) for k in between):
        return {}
    box = between + [k for k in range(head + 1, footer) if k not in removed]
    return {k: Removal(lines[k].number, RECOMMENDED_BOX, lines[k].text) for k in box}


def platform_disclaimer(lines: list[SourceLine], removed: dict[int, Removal]) -> dict[int, Removal]:
    """A creators' platform's disclaimer after the post, the site's footer
    further down: the disclaimer and all the page sets under it (report and
    comment boxes, the footer, the login notice) are the platform's."""
    kept = remaining(lines, removed)
    start = next((i for i in kept if PLATFORM_DISCLAIMER.match(lines[i].text)), None)
    footer = start is not None and any(
        removed[i] and removed[i].rule == SITE_FOOTER for i in removed if i > start
    )
    if not footer:
        return {}
    return {
        k: Removal(lines[k].number, PLATFORM_DISCLAIMER.name, lines[k].text)
        for k in kept
        if k >= start
    }


def headline_link(text: str) -> bool:
    """A headline standing for a link: short, no full stop (a question may
    stand inside it: 公众反腐愿通过何渠道？调查显示…), no date alone."""
    return 0 < len(text) <= TITLE_MAX and "。" not in text and DATE_LINE.match(text) is None


def cut_spans(lines: list[SourceLine], removals: list[Removal]) -> list[SourceLine]:
    """Debris inside a line cut out (a separator leaves a space); a line left
    empty goes."""
    kept = []
    whole = "\n".join(line.text for line in lines)
    rules = [r for r in SPAN_DEBRIS if r.needs in whole]  # the others can cut no line
    pointer = False  # the line before ended in a lost link's pointer: its close opens this one
    for line in lines:
        text = line.text
        if pointer and (close := LINK_POINTER_CLOSE.match(text)):
            removals.append(Removal(line.number, LINK_POINTER.name, close.group(0).strip()))
            text = text[close.end() :]
        pointer = False
        for r in rules:
            for m in r.pattern.finditer(line.text) if r.needs in line.text else ():
                removals.append(Removal(line.number, r.name, m.group(0)))
                gap = " " if r.name in SEPARATING_DEBRIS else ""
                text = text.replace(m.group(0), gap, 1)
                pointer = pointer or r is LINK_POINTER
        text = text.strip()
        if text:
            kept.append(SourceLine(line.number, text) if text != line.text else line)
    return kept


def piece_debris(piece: SourceLine) -> str | None:
    """The rule that makes a piece of a line debris (a photo's caption)."""
    found = first_match(PIECE_DEBRIS, piece.text)
    return found[0].name if found else None
