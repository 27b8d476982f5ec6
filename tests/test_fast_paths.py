"""The converter's fast code agrees with its rules, stated plainly.

Restoring punctuation and matching terms run over millions of characters, so
they are written for speed: whole-text replaces, an Aho-Corasick pass; the
Traditional review gives OpenCC only the runs of text where it writes other
than each character's own form. Here
each rule is written again the slow, obvious way, character by character, and
hypothesis looks for a text on which the two disagree. The pages' front
matter is written by the Markdown writer itself; hypothesis looks for a value
on which it writes otherwise than yaml.dump, or reads back otherwise.
"""

from __future__ import annotations

import functools
import importlib
import re
import sys
from collections import Counter
from re import _compiler, _parser  # type: ignore[attr-defined]

import opencc
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from support import OVERRIDES, ROOT, SOURCE

from handbook import patterns
from handbook.chars import CHINESE_CHAR as CHINESE
from handbook.chars import FULL_WIDTH, HAN_RANGES, LPAREN, RPAREN
from handbook.chars import HAN as HAN_CLASS
from handbook.chars import HAN_CHAR as HAN
from handbook.glossary import TermMatcher
from handbook.hant import HantConverter
from handbook.hant.accuracy import reference_texts
from handbook.hant.segmented import config_tables
from handbook.hant.usage import in_usage
from handbook.markdown import SIMPLE, SafeDumper, front_matter
from handbook.model import Term
from handbook.mojibake import is_rare, rare_characters
from handbook.patterns import NARROW_DEBRIS
from handbook.patterns.base import Rule, any_of, last_characters
from handbook.punctuation import restore_full_width
from handbook.reader import normalise
from handbook.structure.doubts import BYLINE_TITLE

# Which characters are Han, Chinese or wide is data the tests share with the
# reader; how marks are restored is the rule, written again below.
WIDE = {**FULL_WIDTH, "(": LPAREN, ")": RPAREN}


def restore_line_slowly(line: str) -> tuple[str, Counter[tuple[str, str]]]:
    """The punctuation rule, one line, one character at a time.

    A , ; : ? ! whose nearest non-space neighbour on either side is Chinese
    (looking left at marks already restored) becomes full-width; then each ( )
    pair, innermost first, when it holds Han or sits beside Chinese; then
    quotes in pairs around Han. Crawler junk (;;;;, &nbsp;, a semicolon
    opening a paragraph) is debris, found first and left as it is.
    """
    chars, changed = list(line), Counter()
    junk = {i for r in NARROW_DEBRIS for m in r.pattern.finditer(line) for i in range(*m.span())}

    def beside_chinese(i: int) -> bool:
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(chars) and chars[j] == " ":
                j += step
            if 0 <= j < len(chars) and CHINESE.match(chars[j]):
                return True
        return False

    def swap(i: int, new: str) -> None:
        changed[(chars[i], new)] += 1
        chars[i] = new

    for i, c in enumerate(line):
        if c in ",;:?!" and i not in junk and beside_chinese(i):
            swap(i, WIDE[c])
    stack, pairs = [], []
    for i, c in enumerate(line):
        if c == "(":
            stack.append(i)
        elif c == ")" and stack:
            pairs.append((stack.pop(), i))
    for start, end in pairs:
        if HAN.search(line[start + 1 : end]) or beside_chinese(start) or beside_chinese(end):
            swap(start, WIDE["("])
            swap(end, WIDE[")"])
    quotes = [i for i, c in enumerate(line) if c == '"']
    for start, end in zip(quotes[::2], quotes[1::2], strict=False):
        if HAN.search(line[start + 1 : end]):
            swap(start, "“")
            swap(end, "”")
    return "".join(chars), changed


# Texts made of what matters to the rule: Han, narrow and wide marks, spaces,
# brackets, quotes, digits, Latin letters and line breaks.
punctuated = st.text(
    alphabet=st.sampled_from(list('群众路线,;:?!() "“”，：1a\n…—\u3000')),
    max_size=60,
)


@settings(max_examples=400, deadline=None)
@given(punctuated)
def test_restoring_punctuation_follows_the_rule(text: str):
    expected = "\n".join(restore_line_slowly(line)[0] for line in text.split("\n"))
    assert restore_full_width(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(punctuated.map(lambda t: t.replace("\n", "")), max_size=6))
def test_each_repaired_line_reports_what_changed(lines: list[str]):
    restored, repairs = normalise(lines)
    by_line = {r.line: r for r in repairs if r.rule == "full-width-punctuation"}
    for number, line in enumerate(lines, start=1):
        stripped = line.strip(" \u3000")
        expected, changed = restore_line_slowly(stripped)
        assert restored[number - 1] == expected
        if not changed:
            assert number not in by_line
            continue
        repair = by_line[number]
        assert repair.count == sum(changed.values())
        assert repair.before == " ".join(f"{a}×{n}" for (a, _), n in sorted(changed.items()))
        assert repair.after == " ".join(f"{b}×{n}" for (_, b), n in sorted(changed.items()))


def find_slowly(text: str, phrases: dict[str, str | None]) -> list[tuple[int, int, str]]:
    """The matching rule: every occurrence of every phrase; longer ones claim
    their characters first, then earlier ones; phrases owned by no term (the
    `not_in` words) claim but are not matches."""
    found = [
        (start, start + len(phrase))
        for phrase in phrases
        for start in range(len(text))
        if text.startswith(phrase, start)
    ]
    claimed: set[int] = set()
    kept = []
    for start, end in sorted(found, key=lambda s: (s[0] - s[1], s[0])):
        if not claimed & set(range(start, end)):
            claimed |= set(range(start, end))
            kept.append((start, end))
    return [(s, e, text[s:e]) for s, e in sorted(kept) if phrases[text[s:e]] is not None]


# Short phrases over three characters overlap each other in every possible
# way; texts are pieced together from them, so that they meet often.
few_chars = st.text(alphabet="群众路", min_size=1, max_size=4)


@st.composite
def phrases_and_text(draw: st.DrawFn) -> tuple[list[str], list[str], str]:
    phrases = draw(st.lists(few_chars, min_size=1, max_size=6, unique=True))
    wider = draw(st.lists(few_chars, max_size=2))
    pieces = st.sampled_from([*phrases, *wider, "群", "众", "路", "线"])
    return phrases, wider, "".join(draw(st.lists(pieces, max_size=12)))


@settings(max_examples=500, deadline=None)
@given(phrases_and_text())
def test_term_matching_follows_the_rule(case: tuple[list[str], list[str], str]):
    phrases, wider, text = case
    terms = [
        Term(term=p, slug=f"t{i}", category="concept", definition="d")
        for i, p in enumerate(phrases)
    ]
    owners: dict[str, str | None] = {p: p for p in phrases}
    extra = [w for w in wider if w not in owners]
    if extra:
        terms[0].not_in = extra
        owners |= dict.fromkeys(extra)
    found = [(m.start, m.end, m.phrase) for m in TermMatcher(terms).find(text)]
    assert found == find_slowly(text, owners)


# Values as the pages carry them (titles, dates, names, file names, counts),
# from characters that decide how YAML writes a string: indicators, quotes,
# spaces, line breaks, characters YAML cannot write as they are, words YAML
# reads as true/false or null, digits of numbers and dates.
tricky_text = st.text(
    alphabet=st.sampled_from(
        [
            *"群众路线：“”\u3000 ab1-.:#'\"?&*!|>%@`,[]{}~+_eEyYnNoO\n\t\\",
            *["\x85", "\u2028", "\u2029", "\ufeff", "\xa0", "\x7f", "\x01", "\x9f"],
            "\U00020000",
        ]
    ),
    max_size=8,
) | st.sampled_from(["2018-10-31", "yes", "null", "~", "1.5", "0x1F", "---", "...", "text.txt"])
scalar = tricky_text | st.integers(min_value=0, max_value=10**6)
author = st.dictionaries(st.sampled_from(["name", "role", "unit"]), tricky_text, max_size=3)
meta_values = st.fixed_dictionaries(
    {"title": tricky_text},
    optional={
        "number": st.integers(min_value=1, max_value=500),
        "date": tricky_text,
        "authors": st.lists(author, max_size=2),
        "articles": st.lists(
            st.fixed_dictionaries({"title": tricky_text, "authors": st.lists(author, max_size=2)}),
            max_size=2,
        ),
        "source": st.fixed_dictionaries(
            {"file": tricky_text, "lines": st.lists(st.integers(0, 9999), max_size=2)}
        ),
        "terms": st.lists(scalar, max_size=3),
        "search": st.just({"exclude": True}),
    },
)


@settings(max_examples=1500, deadline=None)
@given(meta_values)
def test_front_matter_is_what_yaml_writes(meta: dict):
    dumped = yaml.dump(meta, Dumper=SafeDumper, allow_unicode=True, sort_keys=False, width=1000)
    written = front_matter(meta)
    assert written == f"---\n{dumped}---\n"
    assert yaml.safe_load(written.removeprefix("---\n").removesuffix("---\n")) == meta


def test_the_rare_characters_found_through_gb2312_are_the_rare_ones():
    """The mojibake check finds a text's rare characters by what GB2312's
    encoder cannot write: every character of the plane alone is found
    exactly when it is rare; a backslash escape written in the text is text."""
    for char in map(chr, range(0x10000)):
        assert rare_characters(char) == (char if is_rare(char) else ""), f"U+{ord(char):04X}"
    assert rare_characters("见 \\ue000 与 \\u4e02") == ""
    assert rare_characters("见\ue000与\\丂") == "\u4e02\ue000"


def test_a_plain_value_character_is_one_of_those_the_rule_names():
    """The writer's plain strings (`SIMPLE`) hold the characters its rule
    names, and no other: every code point alone, against the class written
    as those characters (the writer's is written as what it leaves out)."""
    named = re.compile("[-0-9A-Za-z_+.\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]")
    for char in map(chr, range(sys.maxunicode + 1)):
        expected = named.fullmatch(char) is not None and char not in "-."  # never first
        assert (SIMPLE.fullmatch(char) is not None) == expected, f"U+{ord(char):04X}"


@pytest.mark.parametrize("table", ["LABEL_HEADINGS", "HEADING_MARKERS", "DEBRIS", "BYLINES"])
def test_one_search_of_a_table_finds_where_one_of_its_rules_does(table: str):
    """A table's rules at once (`any_of`, which recognition tries first) find
    something on exactly the lines where one of the rules does: the rules'
    own examples, and every line of the first text and of the corpus."""
    rules = getattr(patterns, table)
    combined = any_of(rules)
    lines = [r.example for r in rules]
    for path in [SOURCE, *sorted((ROOT / "tests" / "corpus").glob("*.txt"))]:
        lines += path.read_bytes().decode("utf-8", "replace").splitlines()
    for line in lines:
        found = any(r.pattern.search(line) for r in rules)
        assert (combined.search(line) is not None) == found, line


def test_one_match_of_the_byline_rules_fits_a_whole_title_where_one_rule_does():
    """The doubts tell a byline-shaped title by one match of the byline rules
    at once (`BYLINE_TITLE`): it matches a whole line exactly where one of
    the rules does, on their examples and every line of the texts."""
    rules = [r for r in patterns.BYLINES if r.name != "title-unit-author"]
    lines = [r.example for r in patterns.BYLINES]
    for path in [SOURCE, *sorted((ROOT / "tests" / "corpus").glob("*.txt"))]:
        lines += [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    assert sum(BYLINE_TITLE.fullmatch(line) is not None for line in lines) > 20
    for line in lines:
        found = any(r.pattern.fullmatch(line) for r in rules)
        assert (BYLINE_TITLE.fullmatch(line) is not None) == found, line


def converter_patterns() -> set[tuple[str, int]]:
    """Every pattern of the converter's modules, the report's too: each
    rule's and each compiled one, alone or in a table."""
    for loaded in ("handbook.cli", "handbook.report", "handbook.structure.doubts"):
        importlib.import_module(loaded)
    found = set()
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] != "handbook":
            continue
        for value in vars(module).values():
            items = value.values() if isinstance(value, dict) else value
            for item in items if isinstance(items, list | tuple | type({}.values())) else [value]:
                if isinstance(item, Rule):
                    found.add((item.source, 0))
                elif isinstance(item, re.Pattern) and isinstance(item.pattern, str):
                    found.add((item.pattern, item.flags))
    return found


def test_a_class_table_kept_is_the_one_re_builds(monkeypatch: pytest.MonkeyPatch):
    """`re` builds each class's table once a process (`chars._keep_charsets`):
    every pattern of the converter, and classes made up to differ in one
    range, a negation or the case, compiles to the same code as when `re`
    builds every table anew, the first time and once the tables are kept."""
    ranges = [f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in HAN_RANGES[:3]]
    made_up = [f"[{HAN_CLASS}]", f"[^{HAN_CLASS}]", f"[{''.join(ranges[:2])}]", "[a-z]", "[^a-z]"]
    made_up += [
        f"[{''.join(ranges[1:])}]",
        f"[{HAN_CLASS}a-z]",
        r"[\w\u4e00-\u9fff]",
        "[0-9]",
        "[A-Z]",
    ]
    cases = sorted(
        converter_patterns() | {(p, f) for p in made_up for f in (0, re.I, re.A, re.I | re.A)}
    )
    assert len(cases) > 300
    assert hasattr(_compiler._optimize_charset, "__wrapped__")

    def code(source: str, flags: int) -> list[int]:
        return _compiler._code(_parser.parse(source, flags), flags)

    kept = [code(*case) for case in cases]
    kept_again = [code(*case) for case in cases]
    monkeypatch.setattr(_compiler, "_optimize_charset", _compiler._optimize_charset.__wrapped__)
    for case, first, again in zip(cases, kept, kept_again, strict=True):
        built = code(*case)
        assert first == built and again == built, case


def converter_rules() -> list[Rule]:
    """Every rule of the converter's modules, alone or in a table."""
    importlib.import_module("handbook.structure.doubts")
    found: dict[str, Rule] = {}
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] == "handbook":
            for value in vars(module).values():
                items = value.values() if isinstance(value, dict) else value
                for item in items if isinstance(items, list | tuple) else [value]:
                    if isinstance(item, Rule):
                        found[item.source] = item
    return list(found.values())


@pytest.mark.parametrize(
    ("source", "ends"),
    [
        (r"(?P<byline>[(（](?P<role>供稿|来稿)[)）])\s*$", ")）"),  # a tail rule
        (r"^(?:讲话|发言)$", "话言"),
        (r"(?:记者\s*张三\s|摄\s+)\s*\Z", "三摄"),
        (r"[)）]\s*", ""),  # not at the end: a bracket anywhere
        (r"(?m)[)）]\s*$", ""),  # at any line's end
        (r"(?i)[)）]$", ""),
        (r"[)）]?\s*$", ""),  # the bracket may be missing
        (r"[^)）]$", ""),
        (r"[)）]\d*$", ""),  # digits may follow
        (r"(?:）|)$", ""),
        (r"记者|摄$", ""),  # only one of the two is at the end
    ],
)
def test_the_last_characters_are_read_from_a_pattern_that_ends_in_them(source: str, ends: str):
    assert sorted(last_characters(source)) == sorted(ends)


def test_a_rule_matches_only_texts_ending_in_one_of_its_last_characters():
    """A rule that says which characters end a text it matches (`Rule.ends`,
    which the byline rules are tried by first) matches no text ending in
    another: the rules' examples, and every line of the first text and of
    the corpus, whole and stripped."""
    rules = [r for r in converter_rules() if r.ends]
    assert len(rules) > 10
    lines = [r.example for r in converter_rules()]
    for path in [SOURCE, *sorted((ROOT / "tests" / "corpus").glob("*.txt"))]:
        for line in path.read_bytes().decode("utf-8", "replace").splitlines():
            lines += [line, line.strip()]
    for r in rules:
        for line in lines:
            if r.pattern.search(line):
                assert line.rstrip()[-1:] in r.ends, (r.name, line)


@functools.cache
def hant(config: str) -> HantConverter:
    return HantConverter(config, OVERRIDES)


def opencc_over_the_whole(converter: HantConverter, text: str) -> str:
    """OpenCC over the whole text in the region's usage, plainly: one call."""
    return in_usage(converter.segmented._opencc.convert(text), converter.usage)


# Texts pieced together from context phrases (their conversion depends on
# the words around them), their characters, other Han, the characters that
# end a run (marks, spaces, 〇 after 占 as in OpenCC's 占〇), Latin and digits.
@st.composite
def hant_text(draw: st.DrawFn, config: str) -> str:
    phrases = config_tables(config)["phrases"]
    pieces = st.one_of(
        st.sampled_from(phrases),
        st.sampled_from([*"头发这只干后里台占余〇·群众路线，。、 \n", "ab", "12", "把握发展"]),
    )
    return "".join(draw(st.lists(pieces, max_size=12)))


@pytest.mark.parametrize("config", ["s2tw", "s2hk", "s2twp"])
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_opencc_over_the_runs_is_opencc_over_the_whole_text(config: str, data: st.DataObject):
    converter = hant(config)
    text = data.draw(hant_text(config))
    words, whole = converter.convert_both(text)
    assert whole == opencc_over_the_whole(converter, text)
    assert words == converter.convert_words(text)


@pytest.mark.parametrize("config", ["s2tw", "s2hk", "s2twp"])
def test_opencc_over_the_runs_of_real_texts_is_opencc_over_them_whole(config: str):
    """The reference of Taiwan texts in Simplified, and the first text."""
    converter = hant(config)
    reference = "\n".join(reference_texts(ROOT / "tests" / "hant_reference").values())
    for text in (opencc.OpenCC("t2s").convert(reference), SOURCE.read_text(encoding="utf-8")):
        words, whole = converter.convert_both(text)
        assert whole == opencc_over_the_whole(converter, text)
        assert words == converter.convert_words(text)
