"""The corpus's outlines: the schema, one shape for the reader's outline and
the converter's, and reading a reader's outline from its YAML file."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]
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
# held_out: the text was added after the recognition stage was written, to
# measure it on texts it was not developed on (never tune the converter on one).
# tuned_on: the day the converter was first tuned on a text once held out; from
# then on it is a development text (the README keeps its first scores).
TOP_KEYS = {"origin", "kind", "notes", "held_out", "tuned_on", "title", "date", "essays", "debris"}
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
# How the report's doubts meet the converter's errors (scoring.doubt_counts):
# shown in the table, not held as records (a recognition rule that mends an
# error the report flagged lowers the share flagged without doing harm).
DOUBT_COUNTS = ["errors", "flagged", "false_alarms"]


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
    heading_lines: list[int] = field(default_factory=list)  # the converter's, one a heading


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
    # the converter's header (the text's title and date), shown apart from the text
    header: list[tuple[int, str]] = field(default_factory=list)
    doubts: list[tuple[int, str]] = field(default_factory=list)  # the converter's (line, rule)


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
    if not isinstance(data.get("held_out", False), bool):
        out.append("held_out must be true or false")
    if "tuned_on" in data and not isinstance(data["tuned_on"], datetime.date):
        out.append("tuned_on must be a date (YYYY-MM-DD)")
    if data.get("held_out") and "tuned_on" in data:
        out.append("a text tuned on is no longer held out: drop held_out")
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
