"""The glossary: curated terms, term matching inside Chinese, candidates, pages.

`source/glossary.yml` is written by hand and always wins. From it come a
matcher that finds terms in unspaced Chinese (longest term first), the links
and tooltips in the essays, the glossary pages with a concordance of every
occurrence. (Search needs no word list: it matches any run of characters.)
The candidate miner proposes terms the curated file does not have yet; it
never adds any itself.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path

import yaml

from .decoding import read_yaml
from .errors import ConversionError
from .model import Essay, Handbook, Heading, Paragraph, SourceLine
from .patterns import COLON, COMMA, EXCLAMATION, LPAREN, QUESTION, RPAREN, SEMICOLON, rule
from .reader import restore_full_width
from .site import GLOSSARY_DIR
from .writer import escape, front_matter, page_path

# Category key (in glossary.yml) → heading on the index, in index order.
CATEGORIES = {
    "concept": "概念",
    "requirement": "要求",
    "slogan": "提法",
    "campaign": "活动",
    "practice": "做法",
    "person": "人物",
    "document": "文献",
}

FIELDS = {
    "term",
    "slug",
    "aliases",
    "category",
    "definition",
    "defined_at",
    "parts",
    "not_in",
    "note",
}
REQUIRED = ("term", "category", "definition")
GLOSSARY_MAX_BYTES = 10_000_000  # a curated list of terms, not a text
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QUOTES = str.maketrans("", "", "“”‘’")


@dataclass(frozen=True)
class Citation:
    """Where the text itself defines a term: a source line and its words."""

    line: int
    quote: str


@dataclass
class Term:
    term: str
    slug: str
    category: str
    definition: str
    aliases: list[str] = field(default_factory=list)
    defined_at: Citation | None = None
    parts: list[str] = field(default_factory=list)  # the members the text enumerates
    not_in: list[str] = field(default_factory=list)  # longer words that are not uses of it
    note: str = ""
    line: int = 0  # the entry's line in glossary.yml

    @property
    def phrases(self) -> list[str]:
        return [self.term, *self.aliases]


# pypinyin is imported where it is used: its phrase table takes 0.1 s to load,
# and a conversion needs it only for a term without a slug.


def slugify(term: str) -> str:
    """ASCII slug from the pinyin: 最后一公里 → zui-hou-yi-gong-li."""
    from pypinyin import lazy_pinyin

    words = (re.sub(r"[^a-z0-9]+", "-", w.lower()).strip("-") for w in lazy_pinyin(term))
    return "-".join(w for w in words if w)


def pinyin_key(text: str) -> tuple[list[str], str]:
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(text, style=Style.TONE3), text


# --- loading -------------------------------------------------------------


def load_glossary(path: Path) -> list[Term]:
    """Read and validate the curated glossary; errors name the YAML line."""
    root = read_yaml(path, GLOSSARY_MAX_BYTES)
    if not isinstance(root, yaml.SequenceNode):
        raise ConversionError(path, _line(root), "the glossary must be a list of terms")
    terms = [_term(path, node) for node in root.value]
    _check_unique(path, terms)
    return terms


def _line(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def _text(path: Path, node: yaml.Node, key: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:str":
        raise ConversionError(path, _line(node), f"{key}: expected text")
    value = " ".join(node.value.split())
    if not value:
        raise ConversionError(path, _line(node), f"{key}: must not be empty")
    return value


def _chinese(path: Path, node: yaml.Node, key: str) -> str:
    # Typed like the source, typed with the same narrowed punctuation: restore it
    # the same way, so terms and quotes compare equal to the normalised text.
    return restore_full_width(_text(path, node, key))


def _chineses(path: Path, node: yaml.Node, key: str) -> list[str]:
    if not isinstance(node, yaml.SequenceNode):
        raise ConversionError(path, _line(node), f"{key}: expected a list")
    return [_chinese(path, item, key) for item in node.value]


def _citation(path: Path, node: yaml.Node) -> Citation:
    fields = _mapping(path, node, "defined_at")
    if set(fields) != {"line", "quote"}:
        raise ConversionError(path, _line(node), "defined_at: needs exactly line and quote")
    line = fields["line"]
    # plain decimal digits only: YAML also reads 0x10, 0o20 or 1_6 as numbers
    if line.tag != "tag:yaml.org,2002:int" or not re.fullmatch("[1-9][0-9]*", line.value):
        raise ConversionError(path, _line(line), "defined_at.line: expected a line number")
    return Citation(int(line.value), _chinese(path, fields["quote"], "defined_at.quote"))


def _mapping(path: Path, node: yaml.Node, what: str) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        raise ConversionError(path, _line(node), f"{what}: expected a mapping")
    fields: dict[str, yaml.Node] = {}
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            raise ConversionError(path, _line(key), f"{what}: a field name must be a word")
        if key.value in fields:
            raise ConversionError(path, _line(key), f"{what}: {key.value} given twice")
        fields[key.value] = value
    return fields


def _term(path: Path, node: yaml.Node) -> Term:
    fields = _mapping(path, node, "term entry")
    unknown = sorted(set(fields) - FIELDS)
    if unknown:
        raise ConversionError(path, _line(node), f"unknown field {unknown[0]!r}")
    for key in REQUIRED:
        if key not in fields:
            raise ConversionError(path, _line(node), f"missing field {key!r}")
    term = Term(
        term=_chinese(path, fields["term"], "term"),
        slug="",
        category=_text(path, fields["category"], "category"),
        definition=_chinese(path, fields["definition"], "definition"),
        line=_line(node) or 0,
    )
    if term.category not in CATEGORIES:
        known = ", ".join(CATEGORIES)
        raise ConversionError(path, _line(fields["category"]), f"category must be one of: {known}")
    term.slug = _text(path, fields["slug"], "slug") if "slug" in fields else slugify(term.term)
    if not SLUG.match(term.slug):
        where = _line(fields.get("slug", node))
        raise ConversionError(path, where, f"slug {term.slug!r} is not lower-case ASCII words")
    for key in ("aliases", "parts", "not_in"):
        if key in fields:
            setattr(term, key, _chineses(path, fields[key], key))
    if "defined_at" in fields:
        term.defined_at = _citation(path, fields["defined_at"])
    if "note" in fields:
        term.note = _chinese(path, fields["note"], "note")
    for wider in term.not_in:
        if not any(p in wider and p != wider for p in term.phrases):
            raise ConversionError(
                path, _line(fields["not_in"]), f"not_in: {wider!r} does not contain the term"
            )
    return term


def _check_unique(path: Path, terms: list[Term]) -> None:
    owners: dict[str, Term] = {}
    slugs: dict[str, Term] = {}
    for term in terms:
        if term.slug in slugs:
            raise ConversionError(path, term.line, f"slug {term.slug!r} is already used")
        slugs[term.slug] = term
        for phrase in term.phrases:
            if phrase in owners:
                other = owners[phrase].term
                raise ConversionError(
                    path, term.line, f"{phrase!r} is already listed under {other}"
                )
            owners[phrase] = term


def check_citations(path: Path, terms: list[Term], lines: Iterable[SourceLine]) -> None:
    """Every defined_at must quote its source line word for word."""
    by_number = {line.number: line.text for line in lines}
    for term in terms:
        cited = term.defined_at
        if cited and cited.quote not in by_number.get(cited.line, ""):
            raise ConversionError(
                path, term.line, f"{term.term}: the quote is not on source line {cited.line}"
            )


# --- matching ------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    phrase: str
    term: Term


class TermMatcher:
    """Finds terms and aliases in unspaced Chinese, longest term first.

    No word boundaries: Chinese has none to offer. Every occurrence of every
    phrase is a candidate; longer ones claim their characters first, so 群众路线
    inside 群众路线教育实践活动 belongs to the longer term. A term's `not_in`
    words claim characters too but match nothing (毛泽东 in 毛泽东思想).
    """

    def __init__(self, terms: Iterable[Term]) -> None:
        self.terms = list(terms)
        self._phrases: dict[str, Term | None] = {}
        for term in self.terms:
            for phrase in term.phrases:
                self._phrases[phrase] = term
        for term in self.terms:
            for wider in term.not_in:
                self._phrases.setdefault(wider, None)
        # A trie of the phrases, and the same trie as a regex (四(?:风|种…)),
        # which re runs much faster than a flat alternation of every phrase.
        # The regex finds, left to right, the longest phrase at each place.
        self._trie: dict = {}
        for phrase in self._phrases:
            node = self._trie
            for char in phrase:
                node = node.setdefault(char, {})
            node[""] = True  # a phrase ends here
        self._longest = re.compile(_trie_regex(self._trie) or "(?!)")  # (?!) never matches
        self._overlaps = {phrase: _overlaps(phrase, self._trie) for phrase in self._phrases}
        self._answers: dict[int, tuple[str, list[Match]]] = {}

    def find(self, text: str) -> list[Match]:
        """All non-overlapping occurrences, in text order.

        Answers are remembered per text object: a conversion asks about each
        passage of the model twice (links and front matter, then the
        concordance). Keyed by identity, not by value, so that repeated
        passages are still matched each time; the entry keeps its text alive,
        so an id is never reused for another text.
        """
        remembered = self._answers.get(id(text))
        if remembered is None:
            remembered = self._answers[id(text)] = (text, self._find(text))
        return remembered[1]

    def _find(self, text: str) -> list[Match]:
        # The regex's matches never overlap. Other occurrences can only hide
        # inside a match or start inside it and run on: each phrase knows
        # where (`_overlaps`), so most texts need no more than the regex.
        spans, overlapping = [], False
        for match in self._longest.finditer(text):
            start, end = match.span()
            spans.append((start, end))
            if overlaps := self._overlaps[match.group()]:
                overlapping = True
                inner, run_on = overlaps
                spans += [(start + a, start + b) for a, b in inner]
                for offset in run_on:
                    node, position = self._trie, start + offset
                    while position < len(text) and (node := node.get(text[position])):
                        position += 1
                        if "" in node and position > end:
                            spans.append((start + offset, position))
        if overlapping:
            spans = _longest_first(spans, len(text))
        matches = []
        for start, end in spans:
            phrase = text[start:end]
            if (term := self._phrases[phrase]) is not None:
                matches.append(Match(start, end, phrase, term))
        return matches


def _overlaps(phrase: str, trie: dict) -> tuple[list[tuple[int, int]], list[int]] | None:
    """Where other phrases can overlap an occurrence of `phrase`: the spans of
    those inside it, and the offsets where one may start and run past its end.
    None for most phrases, which nothing can overlap."""
    inner, run_on = [], []
    for offset in range(len(phrase)):
        node = trie
        for end in range(offset, len(phrase)):
            node = node.get(phrase[end])
            if node is None:
                break
            if "" in node and (offset, end + 1) != (0, len(phrase)):
                inner.append((offset, end + 1))
        else:
            if offset and any(node):  # a longer phrase goes on from here
                run_on.append(offset)
    return (inner, run_on) if inner or run_on else None


def _longest_first(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Of overlapping spans, the longer claims its characters first (then the
    earlier); the spans that keep their characters, in text order."""
    taken = bytearray(length)
    kept = []
    for start, end in sorted(spans, key=lambda span: (span[0] - span[1], span[0])):
        if taken.find(1, start, end) == -1:
            taken[start:end] = b"\x01" * (end - start)
            kept.append((start, end))
    return sorted(kept)


def _trie_regex(node: dict) -> str:
    """A regex matching exactly the phrases of a trie, factored by prefix."""
    branches = [
        re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


# --- links in the essays -------------------------------------------------


def term_href(term: Term) -> str:
    """The link from an essay page (`<collection>/<essay>.md`) to a term's page."""
    return f"../{GLOSSARY_DIR}/{term.slug}.md"


# ASCII marks, which Markdown could read inside a link title.
ASCII_MARK = re.compile(r"[!-/:-@\[-`{-~]")


def link_title(term: Term) -> str:
    """The link's title: Material's tooltip, which it fills in as HTML. So the
    definition is escaped as HTML (a reader without JavaScript sees the
    browser's own tooltip, with `&lt;` for `<`), and then each ASCII mark is
    written as a character reference, so that Markdown reads none of them:
    a quote would end the title, a backtick start code."""
    return ASCII_MARK.sub(lambda m: f"&#{ord(m[0])};", html.escape(term.definition))


def link_plan(essay: Essay, matcher: TermMatcher) -> dict[str, list[Match]]:
    """The matches to link, by paragraph anchor: a term's first occurrence in
    each section (an article, restarted by every heading)."""
    plan: dict[str, list[Match]] = {}
    for article in essay.articles:
        seen: set[str] = set()
        for block in article.blocks:
            if isinstance(block, Heading):
                seen = set()
            elif isinstance(block, Paragraph):
                firsts = []
                for match in matcher.find(block.text):
                    if match.term.slug not in seen:
                        seen.add(match.term.slug)
                        firsts.append(match)
                if firsts:
                    plan[block.anchor] = firsts
    return plan


def render_linked(text: str, matches: list[Match], esc: Callable[[str], str] = escape) -> str:
    """Markdown for a paragraph: escaped text with the given matches as links."""
    out, position = [], 0
    for match in matches:
        out.append(esc(text[position : match.start]))
        out.append(f'[{esc(match.phrase)}]({term_href(match.term)} "{link_title(match.term)}")')
        position = match.end
    out.append(esc(text[position:]))
    return "".join(out)


class GlossaryLinker:
    """The writer's hooks: `inline` renders a paragraph with its term links,
    `meta` adds an essay page's front-matter `terms`."""

    def __init__(self, matcher: TermMatcher) -> None:
        self.matcher = matcher
        self._essay: Essay | None = None
        self._plan: dict[str, list[Match]] = {}
        self._terms: list[str] = []

    def _prepare(self, essay: Essay) -> None:
        # The writer renders one essay at a time: plan its links and terms once.
        if essay is not self._essay:
            self._essay = essay
            self._plan, self._terms = (
                link_plan(essay, self.matcher),
                page_terms(essay, self.matcher),
            )

    def inline(self, essay: Essay, paragraph: Paragraph) -> str:
        self._prepare(essay)
        return render_linked(paragraph.text, self._plan.get(paragraph.anchor, []))

    def meta(self, essay: Essay) -> dict:
        self._prepare(essay)
        return {"terms": self._terms}


def page_terms(essay: Essay, matcher: TermMatcher) -> list[str]:
    """The terms a page uses, in order of first use."""
    found: dict[str, None] = {}
    for passage in _essay_passages("", essay):
        for match in matcher.find(passage.text):
            found.setdefault(match.term.term)
    return list(found)


# --- concordance ---------------------------------------------------------


@dataclass(frozen=True)
class Passage:
    """A piece of a page's text the concordance covers, with its link target."""

    page: str
    anchor: str  # "" for the page's own title
    text: str
    line: int
    essay: Essay


@dataclass(frozen=True)
class Occurrence:
    passage: Passage
    match: Match

    @property
    def href(self) -> str:
        fragment = f"#{self.passage.anchor}" if self.passage.anchor else ""
        return f"../{self.passage.page}{fragment}"


def passages(handbook: Handbook) -> Iterator[Passage]:
    """The essays' text in page order: titles, headings, paragraphs. Bylines
    are attributions, not text, and are left out."""
    for collection in handbook.collections:
        for essay in collection.essays:
            yield from _essay_passages(page_path(collection, essay), essay)


def _essay_passages(page: str, essay: Essay) -> Iterator[Passage]:
    for text in (essay.title, essay.subtitle):
        if text:
            yield Passage(page, "", text, essay.line, essay)
    for article in essay.articles:
        if article.title:
            yield Passage(page, article.anchor, article.title, article.first_line, essay)
        for block in article.blocks:
            if isinstance(block, Heading | Paragraph):
                yield Passage(page, block.anchor, block.text, block.line, essay)


def handbook_lines(handbook: Handbook) -> list[SourceLine]:
    """The essays' text as lines for the candidate miner: repaired, joined
    and without site debris, unlike the raw lines."""
    return [SourceLine(p.line, p.text) for p in passages(handbook)]


def concordance(texts: Iterable[Passage], matcher: TermMatcher) -> dict[str, list[Occurrence]]:
    """Every occurrence of every term in the passages, by slug, in their order."""
    found: dict[str, list[Occurrence]] = {t.slug: [] for t in matcher.terms}
    for passage in texts:
        for match in matcher.find(passage.text):
            found[match.term.slug].append(Occurrence(passage, match))
    return found


def definition_sites(texts: list[Passage], terms: list[Term]) -> dict[str, Passage | None]:
    """For each term, by slug, the passage holding its defined_at quote,
    nearest the cited line: almost always on it, so that line is read first."""
    on_line: dict[int, list[Passage]] = {}
    for passage in texts:
        on_line.setdefault(passage.line, []).append(passage)
    sites: dict[str, Passage | None] = {}
    for term in terms:
        cited, site = term.defined_at, None
        if cited:
            holding = [p for p in on_line.get(cited.line, []) if cited.quote in p.text]
            holding = holding or [p for p in texts if cited.quote in p.text]
            site = min(holding, key=lambda p: abs(p.line - cited.line), default=None)
        sites[term.slug] = site
    return sites


def snippet(occurrence: Occurrence, width: int = 18) -> str:
    """Markdown: the occurrence in bold with some context either side."""
    text, match = occurrence.passage.text, occurrence.match
    before = text[max(0, match.start - width) : match.start]
    after = text[match.end : match.end + width]
    lead = "…" if match.start > width else ""
    tail = "…" if match.end + width < len(text) else ""
    return f"{lead}{escape(before)}**{escape(match.phrase)}**{escape(after)}{tail}"


# --- pages ---------------------------------------------------------------


def glossary_pages(handbook: Handbook, terms: list[Term], matcher: TermMatcher) -> dict[str, str]:
    """The index and one page per term, keyed by path under docs/."""
    texts = list(passages(handbook))
    occurrences = concordance(texts, matcher)
    sites = definition_sites(texts, terms)
    by_slug = {t.slug: t for t in terms}
    pages = {f"{GLOSSARY_DIR}/index.md": _index_page(terms, occurrences)}
    for term in terms:
        body = _term_page(term, sites[term.slug], occurrences[term.slug], by_slug)
        pages[f"{GLOSSARY_DIR}/{term.slug}.md"] = body
    return pages


def _index_page(terms: list[Term], occurrences: dict[str, list[Occurrence]]) -> str:
    out = ["# 术语表"]
    for category, label in CATEGORIES.items():
        members = sorted(
            # Slugs are the terms' pinyin (see glossary.yml): pinyin order
            # without loading pypinyin's tables on every conversion.
            (t for t in terms if t.category == category),
            key=lambda t: (t.slug, t.term),
        )
        if not members:
            continue
        out.append(f"## {label}")
        items = []
        for term in members:
            count = len(occurrences[term.slug])
            items.append(
                f"- [{escape(term.term)}]({term.slug}.md){LPAREN}{count} 处{RPAREN}{COLON}"
                f"{escape(term.definition)}"
            )
        out.append("\n".join(items))
    return front_matter({"title": "术语表"}) + "\n\n".join(out) + "\n"


def _term_page(
    term: Term, site: Passage | None, occurrences: list[Occurrence], by_slug: dict[str, Term]
) -> str:
    meta = {
        "title": term.term,
        "description": term.definition,
        "category": term.category,
        "aliases": term.aliases,
        "occurrences": len(occurrences),
        # The concordance repeats the essays' text; search finds it there, and
        # the definition on the glossary's index page.
        "search": {"exclude": True},
    }
    out = [f"# {escape(term.term)}"]
    facts = [f"**类别**{COLON}{CATEGORIES[term.category]}"]
    if term.aliases:
        facts.append(f"**又作**{COLON}" + "、".join(escape(a) for a in term.aliases))
    out.append(" · ".join(facts))
    out.append(escape(term.definition))
    if term.parts:
        linked = {t.term: t for t in by_slug.values()}
        parts = [
            f"[{escape(p)}]({linked[p].slug}.md)" if p in linked else escape(p) for p in term.parts
        ]
        out.append(f"**组成**{COLON}" + "、".join(parts))
    if term.note:
        out.append(f"**说明**{COLON}{escape(term.note)}")
    if term.defined_at and site:
        where = f"{site.essay.marker} · 原文第 {term.defined_at.line} 行"
        out.append(
            f"**原文定义**{LPAREN}[{escape(where)}](../{site.page}#{site.anchor}){RPAREN}{COLON}\n\n"
            f"> {escape(term.defined_at.quote)}"
        )
    out.append(f"## 用例{LPAREN}{len(occurrences)} 处{RPAREN}")
    if not occurrences:
        out.append("本手册正文中没有出现。")
    for essay, group in groupby(occurrences, key=lambda o: o.passage.essay):
        out.append(f"### {escape(f'{essay.marker} {essay.title}'.strip())}")
        out.append("\n".join(f"- [{snippet(o)}]({o.href})" for o in group))
    head = front_matter({k: v for k, v in meta.items() if v != []})
    return head + "\n\n".join(out) + "\n"


# --- candidates ----------------------------------------------------------

# Definition patterns: the text explaining or enumerating a phrase. Group
# `phrase` is the candidate. The text is full-width (the reader restores it).
STOP = f"{COMMA}{COLON}{SEMICOLON}{QUESTION}{EXCLAMATION}。、"  # ends a phrase
START = f"(?:^|[。{SEMICOLON}{QUESTION}{EXCLAMATION}])"  # a sentence starts
ITEM = f"[^{STOP}“”]{{1,12}}"  # one member of an enumeration

CANDIDATE_RULES = [
    rule(
        "so-called",
        r"所谓“(?P<phrase>[^“”]{1,20})”",
        f"所谓“最后一公里”{COMMA}原指完成长途跋涉的最后一段里程",
        "所谓“X”: the text explains X",
    ),
    rule(
        "quoted-list",
        rf"^“(?P<phrase>[^“”]{{1,12}})”{ITEM}(?:、{ITEM}){{2,}}",
        "“四风”形式主义、官僚主义、享乐主义、奢靡之风。",
        "“X”A、B、C: X names a list",
    ),
    rule(
        "line-list",
        rf"^(?P<phrase>[^{STOP}]{{1,12}}){COLON}{ITEM}(?:[、{COMMA}]{ITEM}){{2,}}",
        f"官僚主义{COLON}脱离实际、脱离群众、高高在上、漠视现实",
        "X: A、B、C at the start of a line",
    ),
    rule(
        "is-namely",
        rf"{START}(?P<phrase>[^{STOP}“”]{{2,10}}){COMMA}就是",
        f"党的群众路线{COMMA}就是一切为了群众{COMMA}一切依靠群众",
        "X, 就是…: X is explained",
    ),
    rule(
        "quoted-that-is",
        rf"“(?P<phrase>[^“”]{{1,20}})”{COMMA}即",
        f"实施基层联系“10+10工程”{COMMA}即结交10名青年良师益友",
        "“X”, 即…: X is explained",
    ),
    rule(
        "that-is",
        rf"{START}(?P<phrase>[^{STOP}“”]{{2,10}}){COMMA}即",
        f"二者的关系{COMMA}即先后关系",
        "X, 即…: X is explained",
    ),
    rule(
        "means",
        rf"{START}(?P<phrase>[^{STOP}“”]{{2,6}})指(?![出导挥示标明引南])",
        "官僚主义指脱离实际、脱离群众、做官当老爷的领导作风。",
        "X指…: X means …",
    ),
]

# A quoted phrase is a candidate once the text quotes it this often.
QUOTED = rule("quoted", rf"“(?P<phrase>[^“”{STOP}]{{2,12}})”", "“最后一公里”", "a quoted phrase")
QUOTED_MIN = 2


@dataclass
class Candidate:
    phrase: str
    rules: list[str]  # names of the rules that found it
    count: int  # occurrences anywhere in the text
    lines: list[int]  # source lines it occurs on


def mine_candidates(lines: Iterable[SourceLine], terms: Iterable[Term]) -> list[Candidate]:
    """Phrases the text defines, enumerates or keeps quoting that the curated
    glossary does not list yet; most frequent first."""
    lines = list(lines)
    known = {p.translate(QUOTES) for t in terms for p in t.phrases}
    found: dict[str, list[str]] = {}

    def propose(phrase: str, name: str) -> None:
        phrase = phrase.translate(QUOTES).strip()
        if len(phrase) >= 2 and phrase not in known and name not in found.get(phrase, []):
            found.setdefault(phrase, []).append(name)

    for line in lines:
        for candidate_rule in CANDIDATE_RULES:
            for match in candidate_rule.pattern.finditer(line.text):
                propose(match.group("phrase"), candidate_rule.name)
    quoted = Counter(
        m.group("phrase") for line in lines for m in QUOTED.pattern.finditer(line.text)
    )
    for phrase, count in quoted.items():
        if count >= QUOTED_MIN:
            propose(phrase, QUOTED.name)

    unquoted = [(line.number, line.text.translate(QUOTES)) for line in lines]
    candidates = []
    for phrase, names in found.items():
        where = sorted({number for number, text in unquoted if phrase in text})
        count = sum(text.count(phrase) for _, text in unquoted)
        candidates.append(Candidate(phrase, names, count, where))
    return sorted(candidates, key=lambda c: (-c.count, pinyin_key(c.phrase)))


def candidate_report(candidates: list[Candidate]) -> str:
    """The listing for `handbook glossary --candidates`, one candidate a line."""
    if not candidates:
        return "no candidates: every mined phrase is in the glossary\n"
    rows = []
    for c in candidates:
        shown = ", ".join(map(str, c.lines[:8])) + (" …" if len(c.lines) > 8 else "")
        rows.append(
            f"{c.count:>4}  {c.phrase}  slug: {slugify(c.phrase)}  [{', '.join(c.rules)}]  lines {shown}"
        )
    return "\n".join(rows) + "\n"
