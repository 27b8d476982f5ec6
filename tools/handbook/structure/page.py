"""A web page's furniture around its story, judged by one mechanism.

The story is found by its anchors: its first long paragraph with a
sentence under it, the headline over it (the title-like line that the page's date or source line
stands under, or that the page's head gives again), and the staff's credit
closing it. Then every line above the headline is weighed for the features
a reader takes for furniture (a short label with no sentence, a line with
no Han, a menu given twice, the page's controls, a bar of links, the
headline echoed) against those of the story (a sentence); lines weighing
enough are removed, and a line of no weight either way among them too (a
guess, reported as a doubt), but only where at least PAGE_MARKS_MIN lines
have a mark only furniture has and guesses are not the most. The lines right
over the headline that weigh nothing (a kicker, a title broken over lines)
are the story's head and stay. Between the headline and the story only the
plainest furniture goes (a player's labels, a close button), and after the
credit the rest of the page goes when it holds no paragraph of its own.
Nothing happens without a headline that the page marks as one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from ..chars import HAN_CHAR, SENTENCE_END
from ..model import Removal, SourceLine
from ..patterns import AUTHOR_LABELS, CRUMB_SEPARATOR, CRUMB_SEPARATORS, DATE_LINE
from ..patterns.debris import (
    FURNITURE_MIN,
    FURNITURE_SHORT_MAX,
    FURNITURE_UNDER_MIN,
    FURNITURE_WEIGHTS,
    HEAD_LINE_MIN,
    HEADLINE_REACH,
    LEGAL_NOTICE,
    LINK_BAR,
    PAGE_MARKS_MIN,
    PHOTO_CREDIT_CAPTION,
    POSTING_PLACE,
    PROPERTY_UNFILLED,
    SENTENCE_MIN,
    SITE_CONTROL,
    SOURCE_UNDER_CREDIT,
    STAFF_CREDIT_LINE,
    STAFF_LABELS,
    STORY_RUN,
)
from .properties import fields, named
from .shapes import head_title_like, long_prose, prose

FURNITURE = "page-furniture"  # a line the weights make the page's
GUESSED = "page-furniture-guess"  # a line of no weight among the page's furniture
HEAD_AGAIN = "headline-again"  # the page's headline set again over the story
# Features a line may have by its shape alone, which a kicker over the
# headline has too; and those only a web page's furniture has.
SHAPE_ONLY = frozenset({"short"})
COPIES = frozenset({"copy-below", "repeated"})  # a line given again on the page
PAGE_MARKS = {
    "no-han",
    "headline-echo",
    "copy-below",
    "repeated",
    "site-control",
    "link-bar",
    "trail",
    "trail-step",
}
STAFF_BRACKETS = "[]【】()（） "  # round a credit broken over lines: [ / 责编：杨煜 ]


def page_furniture(
    lines: list[SourceLine],
    removed: dict[int, Removal],
    head_line: Callable[[str], bool],
    story_end: set[str],
    page_end: set[str],
) -> dict[int, Removal]:
    """The page's furniture around its story; `head_line` tells the page's
    date, source and property lines, `story_end` the rules of debris that
    closes a story (the staff's credit, a pager), `page_end` those of debris
    that ends a page's text (a share note, related links)."""
    kept = [i for i in range(len(lines)) if i not in removed]
    start = story_start(lines, kept)
    if start is None:
        return {}
    writers = page_writers(lines[: kept[start]])
    head = headline(lines, kept, start, lambda text: head_line(text) or text in writers)
    if head is None:
        return {}
    texts = Counter(lines[i].text for i in kept)
    below = {lines[i].text for i in kept[start:]}
    title = lines[kept[head]].text
    known = [lines[i].text for i in removed if i < kept[head]]
    steps = trail_steps(lines[: kept[head]])
    found = over_headline(lines, kept[:head], title, texts, below, head_line, known, steps)
    found |= head_again(lines, kept[head + 1 : start], title, texts, head_line)
    found |= {
        i: Removal(lines[i].number, FURNITURE, lines[i].text)
        for n, i in enumerate(kept[:start])
        if n > head
        and i not in found
        and (
            POSTING_PLACE.match(lines[i].text)
            or switch_option(lines, kept, n)
            or (
                not head_line(lines[i].text)
                and not lines[i].text.isdigit()  # a count alone: only beside its button
                and weight(features(lines[i].text, "", texts, set(), False)) >= FURNITURE_UNDER_MIN
            )
        )
    }
    return found | after_credit(lines, removed, kept[start:], story_end, page_end)


def trail_steps(head: list[SourceLine]) -> set[str]:
    """The steps of the trails in the page's head (首页 >> 东区新闻 >> 正文):
    a line alone that names one is the column's label, the site's."""
    return {
        step.strip()
        for line in head
        if CRUMB_SEPARATOR.search(line.text)
        for step in CRUMB_SEPARATOR.split(line.text)
        if step.strip()
    }


def page_writers(head: list[SourceLine]) -> set[str]:
    """The writers the page's property lines name (作者：吴桂韩): such a name
    alone under the headline is its byline, not a headline."""
    return {a.name for line in head for a in named(fields(line.text), AUTHOR_LABELS)}


def story_start(lines: list[SourceLine], kept: list[int]) -> int | None:
    """Where in `kept` the story opens: a long paragraph, and a sentence
    within STORY_RUN lines under it, or the staff's credit or the page's
    controls closing it right under it (a story of one paragraph)."""
    for n, i in enumerate(kept):
        run = kept[n + 1 : n + 1 + STORY_RUN]
        if paragraph(lines[i].text) and (
            any(sentence(lines[k].text) for k in run)
            or (
                bool(run) and (staff_credit(lines[run[0]].text) or page_control(lines[run[0]].text))
            )
        ):
            return n
    return None


def paragraph(text: str) -> bool:
    """A paragraph of the story: long, and sentences in it (not a long bar of links)."""
    return long_prose(text) and any(c in text for c in SENTENCE_END)


def sentence(text: str) -> bool:
    """A line holding a sentence, long enough to be read (SENTENCE_MIN)."""
    return len(text) >= SENTENCE_MIN and any(c in text for c in SENTENCE_END)


def headline(
    lines: list[SourceLine], kept: list[int], start: int, head_line: Callable[[str], bool]
) -> int | None:
    """Where in `kept` the story's headline stands: the nearest title-like
    line over the story, past its date and source lines and the plainest
    furniture; only if the page marks it, with a date or source line under
    it or by giving it again elsewhere. The page's controls (a font
    switch's 放大 / 正常 / 缩小, 打印, 分享) and a photo's caption do not count
    in the HEADLINE_REACH lines searched."""
    marked = False
    reach = HEADLINE_REACH
    for n in range(start - 1, -1, -1):
        text = lines[kept[n]].text
        if page_control(text) or switch_option(lines, kept, n):
            continue  # a share note, a font switch
        if PHOTO_CREDIT_CAPTION.match(text):
            continue  # a photo's caption over the story
        reach -= 1
        if reach < 0:
            return None
        if head_line(text) or POSTING_PLACE.match(text):
            marked = True
            continue
        if not HAN_CHAR.search(text):
            continue  # a player's labels
        if not head_title_like(text):
            return None
        if marked:
            return n
        first = page_head(lines, kept, n, head_line)
        if first is not None:
            return first  # the story opens with the head said again
        echoed = any(text in lines[k].text for k in kept if k != kept[n])
        return n if echoed else None
    return None


def page_head(
    lines: list[SourceLine], kept: list[int], n: int, head_line: Callable[[str], bool]
) -> int | None:
    """Where in `kept` an earlier copy of the line at `n` stands with the
    page's date or source line right under it: the page's head, of which the
    line at `n` is the repeat (a print edition's headline set again over the
    story), or None."""
    text = lines[kept[n]].text
    for m in range(n - 1, 0, -1):
        if lines[kept[m - 1]].text == text and head_line(lines[kept[m]].text):
            return m - 1
    return None


def control(text: str) -> bool:
    return SITE_CONTROL.search(text) is not None


def page_control(text: str) -> bool:
    """A control of the page alone on its line, short (打印, 关闭)."""
    return len(text) <= FURNITURE_SHORT_MAX and control(text)


def switch_option(lines: list[SourceLine], kept: list[int], n: int) -> bool:
    """A line too short for a kicker between two of the page's controls
    (放大 / 正常 / 缩小): the switch's option."""
    return (
        len(lines[kept[n]].text) < HEAD_LINE_MIN
        and 0 < n < len(kept) - 1
        and control(lines[kept[n - 1]].text)
        and control(lines[kept[n + 1]].text)
    )


def features(
    text: str,
    title: str,
    texts: Counter,
    below: set[str],
    property_line: bool,
    steps: set[str] | None = None,
) -> set[str]:
    """The features of FURNITURE_WEIGHTS a line has; `property_line`: a date
    or source line over the headline (the page's first head); `steps`: the
    steps of the page's trail."""
    found = {
        "no-han": not HAN_CHAR.search(text),
        "headline-echo": bool(title) and title in text and text != title,
        "copy-below": text in below,
        "short": len(text) <= FURNITURE_SHORT_MAX and not prose(text),
        "repeated": texts[text] > 1,
        "site-control": control(text) and not prose(text),
        "link-bar": LINK_BAR.match(text) is not None,
        "trail": any(c in text for c in CRUMB_SEPARATORS),
        "trail-step": bool(steps) and text in steps,
        "page-property": property_line,
        "sentence": sentence(text),
    }
    return {name for name, present in found.items() if present}


def weight(found: set[str], leave_out: frozenset[str] = frozenset()) -> int:
    return sum(FURNITURE_WEIGHTS[name] for name in found - leave_out)


def over_headline(
    lines: list[SourceLine],
    over: list[int],
    title: str,
    texts: Counter,
    below: set[str],
    head_line: Callable[[str], bool],
    known: list[str],
    steps: set[str],
) -> dict[int, Removal]:
    """The lines over the headline that are the page's furniture: after the
    last that is read (a sentence), and up to the story's head (the lines of
    no weight right over the headline). The lines over it that other passes
    took (`known`) count too where they bear a mark only furniture has (a
    trail, a share box's control)."""
    kinds = [
        features(lines[i].text, title, texts, below, head_line(lines[i].text), steps) for i in over
    ]
    weights = [weight(f) for f in kinds]
    first = next((n + 1 for n in range(len(over) - 1, -1, -1) if weights[n] < 0), 0)
    # A headline the page gives again (a phone layout's copy) has its head
    # given again with it: the lines' copies do not weigh against them.
    plain = SHAPE_ONLY | COPIES if texts[title] > 1 or title in below else SHAPE_ONLY
    last = len(over) - head_block([lines[i].text for i in over[first:]], kinds[first:], plain)
    # A trail names the page's place in its site: the plainest mark, it counts twice.
    marked = sum(bool(f & PAGE_MARKS) + ("trail" in f) for f in kinds[first:last])
    if first == 0:  # no sentence over the page's head: all of it is the page's
        marked += sum(
            bool(features(text, title, texts, below, False) & PAGE_MARKS) for text in known
        )
    guessed = sum(w < FURNITURE_MIN for w in weights[first:last])
    if marked < PAGE_MARKS_MIN or guessed * 2 > last - first:
        return {}  # not a web page's head, or too little of it is plainly furniture
    found: dict[int, Removal] = {}
    for n in range(first, last):
        rule = FURNITURE if weights[n] >= FURNITURE_MIN else GUESSED
        found[over[n]] = Removal(lines[over[n]].number, rule, lines[over[n]].text)
    return found


def head_again(
    lines: list[SourceLine],
    between: list[int],
    title: str,
    texts: Counter,
    head_line: Callable[[str], bool],
) -> dict[int, Removal]:
    """Between the headline and the story, the headline given again (a print
    edition's head set over the story) with its own head over it (the lines
    of no weight right over the copy, under the page's date and source
    lines: 15家企业): the page's head said again."""
    copy = next((n for n, i in enumerate(between) if lines[i].text == title), None)
    if copy is None:
        return {}
    over = [lines[i].text for i in between[:copy]]
    floor = next((n + 1 for n in range(copy - 1, -1, -1) if head_line(over[n])), 0)
    kinds = [features(text, "", texts, set(), False) for text in over[floor:]]
    first = copy - head_block(over[floor:], kinds)
    return {
        i: Removal(lines[i].number, HEAD_AGAIN, lines[i].text) for i in between[first : copy + 1]
    }


def head_block(texts: list[str], kinds: list[set[str]], plain: frozenset[str] = SHAPE_ONLY) -> int:
    """How many of the lines over the headline, from the last up, are the
    story's head (a kicker, a title broken over lines): title-like, not a
    switch's one character, and weighing nothing as furniture but their
    shortness (and the features in `plain`)."""
    count = 0
    for text, found in zip(reversed(texts), reversed(kinds), strict=True):
        if weight(found, plain) >= FURNITURE_MIN or len(text) < HEAD_LINE_MIN:
            break
        if not head_title_like(text):
            break
        count += 1
    return count


def staff_credit(text: str) -> bool:
    """The staff's credit, whole or broken over lines (【责任编辑:张樵苏 / 】),
    or its label left empty (责任编辑：)."""
    bare = text.strip(STAFF_BRACKETS)
    empty = PROPERTY_UNFILLED.match(bare) is not None
    return bool(STAFF_CREDIT_LINE.match(bare)) or (empty and bare.startswith(tuple(STAFF_LABELS)))


def page_end_note(
    lines: list[SourceLine], removed: dict[int, Removal], story: list[int], page_end: set[str]
) -> int | None:
    """The first debris of `page_end` or control of the page after the
    story's start, where the line over it holds a sentence of the story
    (扫一扫在手机打开当前页面, 打印 under its last paragraph), or None."""
    note = next(
        (
            i
            for i in range(story[0], len(lines))
            if (removed.get(i) is not None and removed[i].rule in page_end)
            or (i not in removed and page_control(lines[i].text))
        ),
        None,
    )
    over = max((i for i in story if note is not None and i < note), default=None)
    return note if over is not None and sentence(lines[over].text) else None


def after_credit(
    lines: list[SourceLine],
    removed: dict[int, Removal],
    story: list[int],
    story_end: set[str],
    page_end: set[str],
) -> dict[int, Removal]:
    """After the staff's credit closing the story, the rest of the page,
    where no line is a paragraph of its own: its long lines are a box's
    teasers (a date alone under each) or the footer's legal notices. With
    no credit, the debris ending a page's text (`page_end`: a share note,
    related links) right after the story's last paragraph closes it too,
    and then no line after it may hold a sentence at all."""
    first = story[0]
    credit = next(
        (
            i
            for i in range(first, len(lines))
            if (removed.get(i) is not None and removed[i].rule in story_end)
            or (i not in removed and staff_credit(lines[i].text))
        ),
        None,
    )
    read = long_prose
    if credit is None:
        credit, read = page_end_note(lines, removed, story, page_end), sentence
    if credit is None:
        return {}
    rest = [i for i in story if i > credit]
    while rest and SOURCE_UNDER_CREDIT.match(lines[rest[0]].text):
        rest = rest[1:]  # the story's source under its credit
    for n, i in enumerate(rest):
        text = lines[i].text
        teaser = n + 1 < len(rest) and DATE_LINE.match(lines[rest[n + 1]].text) is not None
        if read(text) and not teaser and LEGAL_NOTICE.search(text) is None:
            return {}
    found = {i: Removal(lines[i].number, FURNITURE, lines[i].text) for i in rest}
    if credit not in removed:
        found[credit] = Removal(lines[credit].number, STAFF_CREDIT_LINE.name, lines[credit].text)
    opening = max((i for i in story if i < credit), default=None)
    if opening is not None and not lines[opening].text.strip(STAFF_BRACKETS):
        found[opening] = Removal(lines[opening].number, STAFF_CREDIT_LINE.name, lines[opening].text)
    return found
