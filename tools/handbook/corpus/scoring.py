"""Where things are in a text, and the scores: the converter's outline of a
text against the reader's."""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from ..chars import HAN_CHAR, LINE_BREAK, han
from .outline import Author, Outline

NEAR = 3  # source lines: a doubt this close to a line a wrong result concerns points at it


class Source:
    """A raw text with its Han sequence: where each line starts, and finding in order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.hans = han(text)
        self.han_index = []  # for each character of the text, its index in the Han sequence
        count = 0
        for c in text:
            self.han_index.append(count)
            count += bool(HAN_CHAR.match(c))
        self.han_index.append(count)
        self.line_offsets = [0]  # raw offset of each line (1-based), as the reader splits them
        for m in LINE_BREAK.finditer(text):
            self.line_offsets.append(m.end())
        self.line_hans = [self.han_index[o] for o in self.line_offsets]

    def line_of(self, at: int | None) -> int:
        """The line (1-based) holding Han position `at` (0 for none)."""
        return 0 if at is None else bisect.bisect_right(self.line_hans, at)

    def line_start(self, number: int) -> int:
        """The Han index where line `number` starts (0 for unknown lines)."""
        if not 1 <= number <= len(self.line_offsets):
            return 0
        return self.line_hans[number - 1]

    def find(self, text: str | None, start: int, end: int | None = None, last: bool = False):
        """First (or last) Han position of `text` in [start, end), or None."""
        needle = han(text or "")
        if not needle:
            return None
        end = len(self.hans) if end is None else end
        at = self.hans.rfind(needle, start, end) if last else self.hans.find(needle, start, end)
        return None if at < 0 else at


@dataclass
class Place:
    """An essay's or article's position, and where the search may go on."""

    at: int | None
    after: int


def starts(
    source: Source, outline: Outline, removed: set[int] = frozenset()
) -> tuple[list[Place], list[list[Place]]]:
    """Where the essays and articles start, searched forward in order. Each item
    is searched from where the previous one ended (and from its own source line,
    for the converter's): an anchor first (`begins`, else the title), then the
    title and the marker as the last ones before it. An untitled first article
    starts where its essay does. A converter's item not found in order is put
    at the start of its line. A title is found outside what is debris, the
    reader's or what the converter reported removed (`首页 >入党流程 >` before
    the page's heading `入党流程`)."""
    cursor, essays, articles = 0, [], []
    for e in outline.essays:
        place = locate(source, e.marker, e.title, e.begins, cursor, e.line, removed)
        essays.append(place)
        cursor = place.after
        found = []
        for n, a in enumerate(e.articles):
            if n == 0 and a.title is None:
                begins = source.find(a.begins, cursor)
                here = Place(place.at, cursor if begins is None else begins + len(han(a.begins)))
            else:
                here = locate(source, None, a.title, a.begins, cursor, a.line, removed)
            found.append(here)
            cursor = max(cursor, here.after)
        articles.append(found)
    return essays, articles


@dataclass
class Placed:
    """An outline, with where its essays and articles start in the source."""

    outline: Outline
    essays: list[Place]
    articles: list[list[Place]]  # each essay's

    @property
    def all_articles(self) -> list[Place]:
        return [p for ps in self.articles for p in ps]


def placed(source: Source, outline: Outline, removed: set[int] = frozenset()) -> Placed:
    return Placed(outline, *starts(source, outline, removed))


def locate(
    source: Source, marker, title, begins, cursor: int, line: int = 0, removed=frozenset()
) -> Place:
    start = max(cursor, source.line_start(line))
    anchor = source.find(begins, start)
    if begins and title:
        at_title = None if anchor is None else source.find(title, start, anchor, last=True)
    elif removed and han(title or ""):
        kept = find_kept(source, han(title), start, None, removed)
        at_title = kept if kept >= 0 else None
    else:
        at_title = source.find(title, start)
    limit = at_title if at_title is not None else anchor
    at_marker = source.find(marker, start, limit, last=limit is not None)
    at = next((p for p in (at_marker, at_title, anchor) if p is not None), None)
    if at is None:
        return Place(start if line else None, start)
    ends = [
        p + len(han(t))
        for p, t in ((at_marker, marker), (at_title, title), (anchor, begins))
        if p is not None
    ]
    return Place(at, max(ends))


# --- scoring -----------------------------------------------------------------


def canon(text: str | None) -> str | None:
    """Compare texts as a reader does: narrow and wide marks alike, any run of
    spaces as one."""
    return None if text is None else " ".join(canon_chars(text).split())


def canon_date(text: str | None) -> str | None:
    return None if text is None else re.sub(r"[\s()（）]", "", canon(text))


def share(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def precision_recall(expected: Counter, found: Counter) -> tuple[float, float]:
    both = sum((expected & found).values())
    return share(both, sum(found.values())), share(both, sum(expected.values()))


def debris_spans(source: Source, debris: list[str]) -> set[int]:
    """Raw offsets of the reader's debris, each found forward: a whole line
    when the item is one, else anywhere after the previous item; but an item
    opening the line right after the previous item's end (a lost link's
    pointer `（详情请点击链接：` closing a line, its `）` opening the next) is
    that one, before a whole line further on."""
    lines = list(zip(source.line_offsets, LINE_BREAK.split(source.text), strict=True))
    spans: set[int] = set()
    at = 0
    for item in debris:
        whole = next(
            (
                o + line.index(item.strip())
                for o, line in lines
                if o >= at and line.strip() == item.strip()
            ),
            None,
        )
        if at and (whole is None or whole > at) and next_line_opens(source.text, at, item):
            whole = source.text.index(item.strip(), at)
        start = whole if whole is not None else source.text.find(item, at)
        if start < 0:
            continue
        spans |= set(range(start, start + len(item.strip())))
        at = start + len(item.strip())
    return spans


def next_line_opens(text: str, at: int, item: str) -> bool:
    """Whether the line after the one `at` ends opens with `item`, `at`
    standing at its line's end."""
    end = text.find("\n", at)
    if end < 0 or text[at:end].strip():
        return False
    return text[end + 1 :].lstrip(" \t").startswith(item.strip())


def removed_spans(source: Source, removed: list[tuple[int, str]]) -> set[int]:
    """Raw offsets of what the converter reported removing, on its line: as
    written if it stands so (a narrow `;` is not the line's first `；`), else
    with wide and narrow marks alike; the same text removed twice from one
    line is found twice, in order."""
    folded = canon_chars(source.text)
    spans: set[int] = set()
    after: dict[tuple[int, str], int] = {}  # where a text removed from a line was last found
    for number, text in removed:
        if not 1 <= number <= len(source.line_offsets):
            continue
        start = source.line_offsets[number - 1]
        end = source.line_offsets[number] if number < len(source.line_offsets) else len(source.text)
        target = text.strip()
        since = after.get((number, target), start)
        at = source.text.find(target, since, end) if target else -1
        if at < 0 and target:
            at = folded.find(canon_chars(target), since, end)
        span = range(at, at + len(target)) if at >= 0 else range(start, end)
        if at >= 0:
            after[(number, target)] = at + len(target)
        spans |= set(span)
    return spans


def canon_chars(text: str) -> str:
    """NFKC per character where it keeps the length (wide marks → narrow)."""
    return "".join(c2 if len(c2 := unicodedata.normalize("NFKC", c)) == 1 else c for c in text)


def visible(source: Source, offsets: set[int]) -> set[int]:
    return {i for i in offsets if i < len(source.text) and not source.text[i].isspace()}


def find_kept(source: Source, needle: str, start: int, end: int | None, removed: set[int]) -> int:
    """Where `needle` stands from `start` on, outside what was reported removed
    (a title kept beside the trail step of the same words: `> 党团活动 党团活动`)."""
    at = source.hans.find(needle, start, end)
    while at >= 0 and not removed.isdisjoint(range(at, at + len(needle))):
        at = source.hans.find(needle, at + 1, end)
    return at if at >= 0 else source.hans.find(needle, start, end)


def matched_hans(
    source: Source,
    output: list[tuple[int, str]],
    header: list[tuple[int, str]] = (),
    removed: set[int] = frozenset(),
) -> set[int]:
    """Han positions of the source that the output shows, in order: each piece
    of output is searched from its source line and after the previous piece.
    The header (the text's title and date, shown again as its only essay's
    title or in a byline) is found on its line and moves nothing: searching
    for a second copy of them would skip ahead to where the same words recur."""
    seen: set[int] = set()
    for number, text in header:
        needle = han(text)
        at = find_kept(source, needle, source.line_start(number), None, removed) if needle else -1
        if at >= 0:
            seen |= set(range(at, at + len(needle)))
    cursor = 0
    for number, text in sorted(output, key=lambda piece: piece[0]):
        needle = han(text)
        if not needle:
            continue
        at = find_kept(source, needle, max(cursor, source.line_start(number)), None, removed)
        end = source.line_start(number + 1) if number < len(source.line_offsets) else None
        if at < 0 or (end is not None and at >= end):
            # the pieces of one line may come out in another order (a byline cut from
            # before its title stands under it, a word glued before an essay's marker):
            # found within that line, it counts, though its words recur further on
            own = source.hans.find(needle, source.line_start(number), end)
            at = own if own >= 0 else at
        if at < 0:
            across = found_across(source, needle, max(cursor, source.line_start(number)), removed)
            if across:  # joined over a span reported removed (a date line over its cut counter)
                seen |= set(across)
                cursor = across[-1] + 1
            continue  # else not in the text in order: its characters stay unmatched
        seen |= set(range(at, at + len(needle)))
        cursor = at + len(needle)
    return seen


def found_across(source: Source, needle: str, start: int, removed: set[int]) -> list[int]:
    """The Han positions of `needle` from `start` on where it stands only once
    what was reported removed is taken out of the text (a piece the converter
    joined across a cut span), or none: every other character must stand in
    order, so what the output lacks still counts as lost."""
    if not removed:
        return []
    kept = [i for i in range(start, len(source.hans)) if i not in removed]
    at = "".join(source.hans[i] for i in kept).find(needle)
    return kept[at : at + len(needle)] if at >= 0 else []


def han_positions(source: Source, offsets: set[int]) -> set[int]:
    return {source.han_index[i] for i in offsets if HAN_CHAR.match(source.text[i])}


def score(source: Source, expected: Outline, found: Outline) -> dict[str, float]:
    """Every score of one text: the converter's outline against the reader's."""
    reader_debris = debris_spans(source, expected.debris)
    reported = removed_spans(source, found.removed)
    removed = han_positions(source, reported)
    reader = placed(source, expected, han_positions(source, reader_debris))
    converter = placed(source, found, removed)
    s: dict[str, float] = {}
    s["essays_p"], s["essays_r"] = precision_recall(
        Counter(p.at for p in reader.essays), Counter(p.at for p in converter.essays)
    )
    s["articles_p"], s["articles_r"] = precision_recall(
        Counter(p.at for p in reader.all_articles), Counter(p.at for p in converter.all_articles)
    )
    checks = matched_items(source, reader, converter)
    s |= shares(checks)
    s["headings_p"], s["headings_r"] = precision_recall(headings(expected), headings(found))
    s["debris_p"], s["debris_r"] = precision_recall(
        Counter(visible(source, reader_debris)), Counter(visible(source, reported))
    )
    missing = set(range(len(source.hans))) - matched_hans(
        source, found.output, found.header, removed
    )
    s["lost"] = len(missing - removed)
    s["lost_outside_debris"] = len(missing - han_positions(source, reader_debris))
    errors = boundary_errors(source, reader.essays, converter.essays)
    errors += boundary_errors(source, reader.all_articles, converter.all_articles)
    errors += [c for c in checks if not c.right and c.metric in ("titles", "authors")]
    others = heading_errors(source, expected, found)
    return s | doubt_counts(errors, others, [line for line, _ in found.doubts])


@dataclass
class Check:
    """One thing the reader's outline says, compared with the converter's: right
    or not, and the source lines it concerns (where a doubt would point at it)."""

    metric: str
    right: bool
    lines: tuple[int, ...] = ()


def matched_items(source: Source, reader: Placed, converter: Placed) -> list[Check]:
    """Titles, authors and dates: right only where the converter has an essay or
    an article starting at the reader's position, and it says the same. An
    article's authors concern its first and its last line (a byline heads or
    closes it)."""
    expected, found = reader.outline, converter.outline
    essay_at = {p.at: e for p, e in zip(converter.essays, found.essays, strict=True)}
    article_at = {  # an article, with its essay's bylines when it is the essay's first
        p.at: (a, e.authors if n == 0 else [])
        for e, ps in zip(found.essays, converter.articles, strict=True)
        for n, (p, a) in enumerate(zip(ps, e.articles, strict=True))
    }
    starts_at = [source.line_of(p.at) for p in reader.all_articles]
    last_lines = iter([max(a, b - 1) for a, b in itertools.pairwise(starts_at)])
    out = []
    if expected.title is not None:
        at = source.find(expected.title, 0)
        lines = tuple(n for n, _ in found.header[:1]) + (
            () if at is None else (source.line_of(at),)
        )
        out.append(Check("titles", canon(found.title) == canon(expected.title), lines))
    if expected.date:
        out.append(Check("dates", canon_date(found.date) == canon_date(expected.date)))
    for e, place, ps in zip(expected.essays, reader.essays, reader.articles, strict=True):
        got = essay_at.get(place.at)
        here = (source.line_of(place.at),)
        out.append(Check("titles", got is not None and canon(got.title) == canon(e.title), here))
        if e.date:
            out.append(
                Check("dates", got is not None and canon_date(got.date) == canon_date(e.date))
            )
        for n, (a, p) in enumerate(zip(e.articles, ps, strict=True)):
            match = article_at.get(p.at)
            here = (source.line_of(p.at),)
            if not (n == 0 and a.title is None):  # else the essay's title is the article's
                right = match is not None and canon(match[0].title) == canon(a.title)
                out.append(Check("titles", right, here))
            if a.date:
                right = match is not None and canon_date(match[0].date) == canon_date(a.date)
                out.append(Check("dates", right))
            want = (e.authors if n == 0 else []) + a.authors
            have = match[0].authors + match[1] if match else None
            span = (*here, next(last_lines, len(source.line_offsets)))
            out.append(Check("authors", have is not None and names(have) == names(want), span))
            out.append(
                Check(
                    "roles", have is not None and names(have, roles=True) == names(want, roles=True)
                )
            )
    return out


def shares(checks: list[Check]) -> dict[str, float]:
    return {
        m: share(sum(c.right for c in checks if c.metric == m), sum(c.metric == m for c in checks))
        for m in ("titles", "authors", "roles", "dates")
    }


def boundary_errors(source: Source, want: list[Place], got: list[Place]) -> list[Check]:
    """Boundaries missed (the reader's, at its line) and invented (the converter's)."""
    expected, found = Counter(p.at for p in want), Counter(p.at for p in got)
    wrong = (expected - found) + (found - expected)
    return [Check("boundaries", False, (source.line_of(at),)) for at in wrong.elements()]


def heading_errors(source: Source, expected: Outline, found: Outline) -> list[Check]:
    """Headings invented (at the converter's lines) and missed (where the
    reader's words first stand). Each counts, where its line is not known too:
    an invented heading an outline gives no line for stands where its words
    first do, and words with no Han character to find stand at no line."""
    want, got = headings(expected), headings(found)
    invented, missed = got - want, want - got
    out = [
        Check("headings", False, first_line(source, text) if line is None else (line,))
        for e in found.essays
        for a in e.articles
        for text, line in itertools.zip_longest(a.headings, a.heading_lines)
        if text is not None and invented[canon(text)]
    ]
    out += [Check("headings", False, first_line(source, text)) for text in missed.elements()]
    return out


def first_line(source: Source, text: str) -> tuple[int, ...]:
    """The line where the words of `text` first stand; none where they are not found."""
    at = source.find(text, 0)
    return () if at is None else (source.line_of(at),)


def doubt_counts(errors: list[Check], others: list[Check], doubts: list[int]) -> dict[str, int]:
    """Of the converter's errors (boundaries, titles, authors), how many the
    report flags with a doubt within NEAR lines of a line the error concerns;
    and how many doubts stand near no wrong result at all (the headings
    counted as wrong results too), false alarms."""

    def near(line: int, check: Check) -> bool:
        return any(abs(line - n) <= NEAR for n in check.lines)

    return {
        "errors": len(errors),
        "flagged": sum(any(near(d, c) for d in doubts) for c in errors),
        "false_alarms": sum(not any(near(d, c) for c in errors + others) for d in doubts),
    }


def headings(outline: Outline) -> Counter:
    return Counter(canon(h) for e in outline.essays for a in e.articles for h in a.headings)


def names(people: list[Author], roles: bool = False) -> Counter:
    return Counter((canon(p.name), canon(p.role) if roles else "") for p in people)
