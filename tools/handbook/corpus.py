"""The corpus of real texts and the scorer that measures the converter on it.

Each text `tests/corpus/NAME.txt` has an outline `NAME.yml` written by a
careful reader (the schema is in tests/corpus/README.md). The scorer converts
every text through the public pipeline and compares what the converter found
with the outline:

- boundaries of essays and articles, as positions in the text's sequence of
  Han characters: an article starts at the first Han character of its title
  (of its body, `begins`, when untitled), an essay at its marker (at its title
  when it has none); expected positions are found by searching forward;
- exact titles, exact authors (names, and names with roles), dates found,
  headings (precision and recall), debris removed (precision and recall, in
  characters of the raw text);
- characters lost: Han characters of the source, outside the debris the
  converter reported, that do not appear in order in its output (must be 0),
  and the same count outside the debris the reader expects.

    python -m handbook.corpus [NAME ...] [--corpus DIR] [--out FILE] [--record]

prints a table, writes it to build/corpus.md, and with --record writes the
scores to tests/corpus/scores.yml, the floor tests/test_corpus.py holds each
text to.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .chars import HAN_CHAR, LINE_BREAK

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
SCORES = "scores.yml"
ORIGINS = "ORIGINS.md"
REPORT = ROOT / "build" / "corpus.md"

KINDS = {
    "one-line",
    "hard-wrapped",
    "html-derived",
    "cms-properties",
    "compilation",
    "book-export",
    "contents-list",
    "no-markers",
    "wide-space-breaks",
    "glued-markers",
    "bylines",
    "running-heads",
}
# The keys an outline may use, level by level (anything else is a typo).
TOP_KEYS = {"origin", "kind", "notes", "title", "date", "essays", "debris"}
ORIGIN_KEYS = {"repository", "path", "commit", "extracted"}
ESSAY_KEYS = {"marker", "title", "begins", "subtitle", "date", "authors", "articles"}
ARTICLE_KEYS = {"title", "begins", "authors", "date", "headings"}
AUTHOR_KEYS = {"name", "role", "unit"}
COMMIT = re.compile(r"^[0-9a-f]{40}$")

# The scores, in table order; for the last two lower is better.
METRICS = [
    "essays_p",
    "essays_r",
    "articles_p",
    "articles_r",
    "titles",
    "authors",
    "roles",
    "dates",
    "headings_p",
    "headings_r",
    "debris_p",
    "debris_r",
    "lost",
    "lost_outside_debris",
]
LOWER_IS_BETTER = {"lost", "lost_outside_debris"}


class CorpusError(Exception):
    """A corpus text or outline that breaks the rules; the message says where."""


# --- the outline, one shape for the reader's and the converter's -----------


@dataclass
class Author:
    name: str
    role: str = ""


@dataclass
class Article:
    title: str | None
    begins: str | None = None
    authors: list[Author] = field(default_factory=list)
    date: str | None = None
    headings: list[str] = field(default_factory=list)
    line: int = 0  # the converter's source line (0: search from where the last item ended)


@dataclass
class Essay:
    marker: str | None
    title: str | None
    begins: str | None = None
    subtitle: str | None = None
    authors: list[Author] = field(default_factory=list)
    date: str | None = None
    articles: list[Article] = field(default_factory=list)
    line: int = 0  # the converter's source line of the essay's marker or title


@dataclass
class Outline:
    title: str | None
    date: str | None
    essays: list[Essay]
    debris: list[str] = field(default_factory=list)  # the reader's, as in the raw text
    removed: list[tuple[int, str]] = field(default_factory=list)  # the converter's (line, text)
    output: list[tuple[int, str]] = field(default_factory=list)  # the converter's text, in order


# --- reading the reader's outline --------------------------------------------


def load_outline(path: Path) -> tuple[dict, Outline]:
    """The YAML as data (for its origin) and as an Outline; CorpusError if malformed."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise CorpusError(f"{path.name}: invalid YAML: {err}") from None
    problems = outline_problems(data)
    if problems:
        raise CorpusError(f"{path.name}: " + "; ".join(problems))
    essays = []
    for e in data["essays"]:
        articles = [
            Article(
                a.get("title"), a.get("begins"), people(a), a.get("date"), a.get("headings") or []
            )
            for a in e.get("articles") or []
        ]
        essays.append(
            Essay(
                e["marker"],
                e["title"],
                begins=e.get("begins"),
                subtitle=e.get("subtitle"),
                authors=people(e),
                date=e.get("date"),
                articles=articles or [Article(None)],  # one article under the essay's title
            )
        )
    return data, Outline(data["title"], data["date"], essays, list(data.get("debris") or []))


def people(entry: dict) -> list[Author]:
    return [Author(a["name"], a.get("role", "")) for a in entry.get("authors") or []]


def outline_problems(data: object) -> list[str]:
    """What is wrong with an outline against the schema, in words."""
    if not isinstance(data, dict):
        return ["not a mapping"]
    out = unknown(data, TOP_KEYS, "top level")
    for key in ("origin", "kind", "title", "date", "essays"):
        if key not in data:
            out.append(f"missing {key}")
    origin = data.get("origin")
    if not isinstance(origin, dict) or not set(origin) >= ORIGIN_KEYS:
        out.append(f"origin needs {', '.join(sorted(ORIGIN_KEYS))}")
    else:
        out += unknown(origin, ORIGIN_KEYS, "origin")
        if not COMMIT.match(str(origin["commit"])):
            out.append("origin commit must be 40 hex digits")
    kind = data.get("kind")
    if not isinstance(kind, list) or not kind or not set(kind) <= KINDS:
        out.append(f"kind must be a list from: {', '.join(sorted(KINDS))}")
    for key in ("title", "date", "notes"):
        if data.get(key) is not None and not isinstance(data[key], str):
            out.append(f"{key} must be text or null")
    if not isinstance(data.get("debris", []), list) or not all(
        isinstance(d, str) and d for d in data.get("debris") or []
    ):
        out.append("debris must be a list of texts")
    essays = data.get("essays")
    if not isinstance(essays, list) or not essays:
        return [*out, "essays must be a non-empty list"]
    for n, essay in enumerate(essays, start=1):
        out += entry_problems(essay, f"essay {n}", ESSAY_KEYS, ("marker", "title"))
        articles = essay.get("articles") if isinstance(essay, dict) else None
        if articles is not None and (not isinstance(articles, list) or not articles):
            out.append(f"essay {n}: articles must be a non-empty list (or omitted)")
            continue
        for m, article in enumerate(articles or [], start=1):
            out += entry_problems(article, f"essay {n} article {m}", ARTICLE_KEYS, ("title",))
    return out


def entry_problems(
    entry: object, where: str, keys: set[str], required: tuple[str, ...]
) -> list[str]:
    if not isinstance(entry, dict):
        return [f"{where}: not a mapping"]
    out = unknown(entry, keys, where)
    out += [f"{where}: missing {k}" for k in required if k not in entry]
    for key in ("marker", "title", "begins", "subtitle", "date"):
        if entry.get(key) is not None and not isinstance(entry[key], str):
            out.append(f"{where}: {key} must be text or null")
    if "marker" not in keys and entry.get("title") is None and not entry.get("begins"):
        out.append(f"{where}: an untitled article needs begins")
    if "marker" in keys and not any(entry.get(k) for k in ("marker", "title", "begins")):
        out.append(f"{where}: needs a marker, a title or begins to be found")
    people = entry.get("authors") or []
    if not isinstance(people, list) or not all(
        isinstance(a, dict) and isinstance(a.get("name"), str) and set(a) <= AUTHOR_KEYS
        for a in people
    ):
        out.append(f"{where}: authors must be a list of {{name, role, unit}}")
    headings = entry.get("headings") or []
    if not isinstance(headings, list) or not all(isinstance(h, str) for h in headings):
        out.append(f"{where}: headings must be a list of texts")
    return out


def unknown(mapping: dict, keys: set[str], where: str) -> list[str]:
    return [f"{where}: unknown key {k!r}" for k in mapping if k not in keys]


def quoted_strings(outline: Outline) -> list[str]:
    """Every string the reader copied from the text: each must stand in it as written."""
    out = [s for s in (outline.title, outline.date) if s]
    for e in outline.essays:
        out += [s for s in (e.marker, e.title, e.begins, e.subtitle, e.date) if s]
        out += [a.name for a in e.authors]
        for a in e.articles:
            out += [s for s in (a.title, a.begins, a.date) if s]
            out += [p.name for p in a.authors] + a.headings
    return out + outline.debris


# --- the converter's outline: the one place that reads the document model ---


def converter_outline(path: Path) -> Outline:
    """Convert one text through the public pipeline and describe what came out."""
    from .model import Heading
    from .pipeline import build_handbook
    from .settings import Settings

    collection = build_handbook([path], Settings()).collections[0]
    output: list[tuple[int, str]] = [(collection.title_line, collection.title)]
    if collection.date:
        output.append((collection.date_line or 0, collection.date))
    output += [(p.line, p.text) for p in collection.preface]

    def bylined(bylines: list) -> list[Author]:
        return [Author(a.name, a.role) for b in bylines for a in b.authors]

    essays = []
    for e in collection.essays:
        titled = e.title if e.title and e.title != e.marker else None  # else: no title found
        output += [(e.line, t) for t in (e.marker, titled, e.subtitle) if t]
        output += [(b.line, b.text) for b in e.bylines]
        articles = []
        for a in e.articles:
            if a.title:
                output.append((a.first_line, a.title))
            output += [(b.line, b.text) for b in a.blocks]
            first = None if a.title or not a.blocks else a.blocks[0]  # where an untitled one starts
            articles.append(
                Article(
                    a.title,
                    begins=first.text if first else None,
                    authors=bylined(a.bylines),
                    date=getattr(a, "date", None),  # the model has no article dates yet
                    headings=[b.text for b in a.blocks if isinstance(b, Heading)],
                    line=first.line if first else a.first_line,
                )
            )
        essays.append(
            Essay(
                e.marker or None,
                titled,
                authors=bylined(e.bylines),
                date=getattr(e, "date", None),  # nor essay dates
                articles=articles,
                line=e.line,
            )
        )
    removed = [(r.line, r.text) for r in collection.removals]
    return Outline(collection.title, collection.date, essays, removed=removed, output=output)


# --- where things are in the text --------------------------------------------


def han(text: str) -> str:
    return "".join(HAN_CHAR.findall(text))


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

    def line_start(self, number: int) -> int:
        """The Han index where line `number` starts (0 for unknown lines)."""
        if not 1 <= number <= len(self.line_offsets):
            return 0
        return self.han_index[self.line_offsets[number - 1]]

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


def starts(source: Source, outline: Outline) -> tuple[list[Place], list[list[Place]]]:
    """Where the essays and articles start, searched forward in order. Each item
    is searched from where the previous one ended (and from its own source line,
    for the converter's): an anchor first (`begins`, else the title), then the
    title and the marker as the last ones before it. An untitled first article
    starts where its essay does. A converter's item not found in order is put
    at the start of its line."""
    cursor, essays, articles = 0, [], []
    for e in outline.essays:
        place = locate(source, e.marker, e.title, e.begins, cursor, e.line)
        essays.append(place)
        cursor = place.after
        found = []
        for n, a in enumerate(e.articles):
            if n == 0 and a.title is None:
                begins = source.find(a.begins, cursor)
                here = Place(place.at, cursor if begins is None else begins + len(han(a.begins)))
            else:
                here = locate(source, None, a.title, a.begins, cursor, a.line)
            found.append(here)
            cursor = max(cursor, here.after)
        articles.append(found)
    return essays, articles


def locate(source: Source, marker, title, begins, cursor: int, line: int = 0) -> Place:
    start = max(cursor, source.line_start(line))
    anchor = source.find(begins, start)
    if begins and title:
        at_title = None if anchor is None else source.find(title, start, anchor, last=True)
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
    if text is None:
        return None
    folded = "".join(c2 if len(c2 := unicodedata.normalize("NFKC", c)) == 1 else c for c in text)
    return " ".join(folded.split())


def canon_date(text: str | None) -> str | None:
    return None if text is None else re.sub(r"[\s()（）]", "", canon(text))


def share(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def precision_recall(expected: Counter, found: Counter) -> tuple[float, float]:
    both = sum((expected & found).values())
    return share(both, sum(found.values())), share(both, sum(expected.values()))


def debris_spans(source: Source, debris: list[str]) -> set[int]:
    """Raw offsets of the reader's debris, each found forward: a whole line
    when the item is one, else anywhere after the previous item."""
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
        start = whole if whole is not None else source.text.find(item, at)
        if start < 0:
            continue
        spans |= set(range(start, start + len(item.strip())))
        at = start + len(item.strip())
    return spans


def removed_spans(source: Source, removed: list[tuple[int, str]]) -> set[int]:
    """Raw offsets of what the converter reported removing, on its line."""
    folded = canon_chars(source.text)
    spans: set[int] = set()
    for number, text in removed:
        if not 1 <= number <= len(source.line_offsets):
            continue
        start = source.line_offsets[number - 1]
        end = source.line_offsets[number] if number < len(source.line_offsets) else len(source.text)
        target = canon_chars(text).strip()
        at = folded.find(target, start, end) if target else -1
        span = range(at, at + len(target)) if at >= 0 else range(start, end)
        spans |= set(span)
    return spans


def canon_chars(text: str) -> str:
    """NFKC per character where it keeps the length (wide marks → narrow)."""
    return "".join(c2 if len(c2 := unicodedata.normalize("NFKC", c)) == 1 else c for c in text)


def visible(source: Source, offsets: set[int]) -> set[int]:
    return {i for i in offsets if i < len(source.text) and not source.text[i].isspace()}


def matched_hans(source: Source, output: list[tuple[int, str]]) -> set[int]:
    """Han positions of the source that the output shows, in order: each piece
    of output is searched from its source line and after the previous piece."""
    seen: set[int] = set()
    cursor = 0
    for number, text in sorted(output, key=lambda piece: piece[0]):
        needle = han(text)
        if not needle:
            continue
        at = source.hans.find(needle, max(cursor, source.line_start(number)))
        if at < 0:
            continue  # not in the text in order: its characters stay unmatched
        seen |= set(range(at, at + len(needle)))
        cursor = at + len(needle)
    return seen


def han_positions(source: Source, offsets: set[int]) -> set[int]:
    return {source.han_index[i] for i in offsets if HAN_CHAR.match(source.text[i])}


def score(source: Source, expected: Outline, found: Outline) -> dict[str, float]:
    """Every score of one text: the converter's outline against the reader's."""
    want_essays, want_articles = starts(source, expected)
    got_essays, got_articles = starts(source, found)
    s: dict[str, float] = {}
    s["essays_p"], s["essays_r"] = precision_recall(
        Counter(p.at for p in want_essays), Counter(p.at for p in got_essays)
    )
    s["articles_p"], s["articles_r"] = precision_recall(
        Counter(p.at for ps in want_articles for p in ps),
        Counter(p.at for ps in got_articles for p in ps),
    )
    s |= matched_items(expected, found, want_essays, want_articles, got_essays, got_articles)
    s["headings_p"], s["headings_r"] = precision_recall(headings(expected), headings(found))
    reader_debris = debris_spans(source, expected.debris)
    reported = removed_spans(source, found.removed)
    s["debris_p"], s["debris_r"] = precision_recall(
        Counter(visible(source, reader_debris)), Counter(visible(source, reported))
    )
    missing = set(range(len(source.hans))) - matched_hans(source, found.output)
    s["lost"] = len(missing - han_positions(source, reported))
    s["lost_outside_debris"] = len(missing - han_positions(source, reader_debris))
    return s


def matched_items(expected, found, want_essays, want_articles, got_essays, got_articles):
    """Titles, authors and dates: right only where the converter has an essay or
    an article starting at the reader's position, and it says the same."""
    essay_at = {p.at: e for p, e in zip(got_essays, found.essays, strict=True)}
    article_at = {  # an article, with its essay's bylines when it is the essay's first
        p.at: (a, e.authors if n == 0 else [])
        for e, ps in zip(found.essays, got_articles, strict=True)
        for n, (p, a) in enumerate(zip(ps, e.articles, strict=True))
    }
    titles = [canon(found.title) == canon(expected.title)] if expected.title is not None else []
    dates = [canon_date(found.date) == canon_date(expected.date)] if expected.date else []
    authors, roles = [], []
    for e, place, ps in zip(expected.essays, want_essays, want_articles, strict=True):
        got = essay_at.get(place.at)
        titles.append(got is not None and canon(got.title) == canon(e.title))
        if e.date:
            dates.append(got is not None and canon_date(got.date) == canon_date(e.date))
        for n, (a, p) in enumerate(zip(e.articles, ps, strict=True)):
            match = article_at.get(p.at)
            if not (n == 0 and a.title is None):  # else the essay's title is the article's
                titles.append(match is not None and canon(match[0].title) == canon(a.title))
            if a.date:
                dates.append(match is not None and canon_date(match[0].date) == canon_date(a.date))
            want = (e.authors if n == 0 else []) + a.authors
            have = match[0].authors + match[1] if match else None
            authors.append(have is not None and names(have) == names(want))
            roles.append(have is not None and names(have, roles=True) == names(want, roles=True))
    return {
        "titles": share(sum(titles), len(titles)),
        "authors": share(sum(authors), len(authors)),
        "roles": share(sum(roles), len(roles)),
        "dates": share(sum(dates), len(dates)),
    }


def headings(outline: Outline) -> Counter:
    return Counter(canon(h) for e in outline.essays for a in e.articles for h in a.headings)


def names(people: list[Author], roles: bool = False) -> Counter:
    return Counter((canon(p.name), canon(p.role) if roles else "") for p in people)


# --- the corpus --------------------------------------------------------------


@dataclass
class Result:
    name: str
    scores: dict[str, float]


def texts(corpus: Path, wanted: list[str] | None = None) -> list[Path]:
    paths = sorted(corpus.glob("*.txt"))
    if wanted:
        missing = set(wanted) - {p.stem for p in paths}
        if missing:
            raise CorpusError(f"no such corpus text: {', '.join(sorted(missing))}")
        paths = [p for p in paths if p.stem in wanted]
    return paths


def measure(path: Path) -> Result:
    _, expected = load_outline(path.with_suffix(".yml"))
    source = Source(path.read_text(encoding="utf-8"))
    return Result(path.stem, score(source, expected, converter_outline(path)))


def table(results: list[Result]) -> str:
    """A Markdown table: one row a text, the mean of each score at the foot."""
    head = [
        "text",
        "essays P/R",
        "articles P/R",
        "titles",
        "authors",
        "roles",
        "dates",
        "headings P/R",
        "debris P/R",
        "lost",
        "lost*",
    ]

    def row(name: str, s: dict[str, float]) -> list[str]:
        def pair(a: str, b: str) -> str:
            return f"{s[a]:.2f}/{s[b]:.2f}"

        return [
            name,
            pair("essays_p", "essays_r"),
            pair("articles_p", "articles_r"),
            f"{s['titles']:.2f}",
            f"{s['authors']:.2f}",
            f"{s['roles']:.2f}",
            f"{s['dates']:.2f}",
            pair("headings_p", "headings_r"),
            pair("debris_p", "debris_r"),
            f"{s['lost']:g}",
            f"{s['lost_outside_debris']:g}",
        ]

    rows = [row(r.name, r.scores) for r in results]
    if results:
        mean = {m: sum(r.scores[m] for r in results) / len(results) for m in METRICS}
        rows.append(row("mean", mean))
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    return "\n".join([*lines, *("| " + " | ".join(r) + " |" for r in rows)])


LEGEND = (
    "P/R: precision/recall. Boundaries are positions in the text's Han characters. "
    "titles, authors (names), roles (names with roles) and dates: share exact. "
    "debris: characters removed against the reader's debris. lost: Han characters "
    "outside the reported debris missing from the output (must be 0); lost*: the same "
    "outside the reader's debris."
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="corpus texts to score (default: all)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=REPORT)
    parser.add_argument("--record", action="store_true", help=f"write the scores to {SCORES}")
    args = parser.parse_args(argv)
    try:
        results = [measure(p) for p in texts(args.corpus, args.names)]
    except CorpusError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    text = table(results)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(f"# The converter on the corpus\n\n{text}\n\n{LEGEND}\n", encoding="utf-8")
    if args.record:
        record(args.corpus / SCORES, results)
    return 0


def record(path: Path, results: list[Result]) -> None:
    old = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    old = old or {}
    old.update({r.name: {m: round(r.scores[m], 4) for m in METRICS} for r in results})
    header = (
        "# The converter's scores on each corpus text, recorded with\n"
        "# `python -m handbook.corpus --record`. tests/test_corpus.py fails when a text\n"
        "# scores below its record (above it, for the lost characters); record again\n"
        "# only when the converter really got better.\n"
    )
    path.write_text(
        header + yaml.safe_dump(old, allow_unicode=True, sort_keys=True), encoding="utf-8"
    )


if __name__ == "__main__":
    sys.exit(main())
