"""OpenCC with word boundaries: its phrases may cover whole words, never part of one.

OpenCC matches its phrase table greedily over the whole text, so a phrase can
straddle two words: 把握|发展 holds the idiom 握发 (握髮), 好|干部 the phrase 好干
(好乾), and both words come out wrong. Here a word segmenter (jieba, in its
Rust implementation rjieba) cuts the text into words first, and OpenCC
converts each word on its own, so no phrase reaches across a boundary.

That alone would lose the phrases that are several whole words: 这|只 is two
words, yet OpenCC's 这只 → 這隻 is right. So the words of such a phrase are
converted together wherever they follow each other (`multiword_phrases`);
the phrase then covers whole words, and is kept.

Most of a text needs none of this. Words only matter where OpenCC has a phrase
that it writes otherwise than its characters' own forms (头发 → 頭髮, not 頭發;
这只 → 這隻): the context phrases, about a fifth of its phrases. A run of text
(what jieba segments on its own, between punctuation) holding none of them
comes out the same whatever its words, character by character; so the context
phrases are found all at once (Aho-Corasick), only the runs holding one are
cut into words, and each distinct word is converted once, all of them in one
call to OpenCC. In real texts, about one run in sixteen needs words.
"""

from __future__ import annotations

import functools
import importlib.machinery
import importlib.util
import itertools
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import ahocorasick_rs
import opencc

from .cache import cached

if TYPE_CHECKING:
    import rjieba
from .tables import SHARE_DIR, check_config, opencc_converter, opencc_table, phrases

# A Unicode noncharacter: never part of interchanged text, unknown to OpenCC;
# it separates the words of one call to OpenCC.
BOUNDARY = "\ufdd0"
# Phrases longer than this are split in two places at most (the variants of a
# 12-character phrase would otherwise number 2,047).
ALL_SPLITS_UP_TO = 4
# The characters jieba segments together (jieba-rs's RE_HAN_DEFAULT: CJK
# ideographs, ASCII letters and digits, +#&._%-); it cuts every other character
# off as a word of its own, so each run of these is segmented on its own.
JIEBA_RUN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1fA-Za-z0-9+#&._%\\-"


@dataclass(frozen=True)
class MeasureWord:
    """A character that is a measure word after a number, and there has its
    own Traditional form, whatever OpenCC's phrases say."""

    simplified: str
    form: str
    example: str
    why: str


# A number as jieba cuts it: digits, or Chinese numerals (十几, 两, 数十).
NUMBER = r"[0-9０-９]+|[〇零一二两三四五六七八九十百千万亿几数半]+"
MEASURE_WORDS = (
    MeasureWord(
        "只",
        "隻",
        "黑琵已达1602只 → 1602隻, 3只小狗 → 3隻小狗, 十几只 → 十幾隻",
        "只 after a number counts animals and things (隻); OpenCC's phrases know "
        "一只 … 九只 but no digits, and jieba cuts 1602|只 and keeps 十几只 whole; "
        "只是, 只要, 只有 after a number are words of their own and stay",
    ),
)


class Reviewed(Protocol):
    """Reviewed phrases, which win: their final forms and where they apply."""

    targets: dict[str, str]

    def word_ranges(self, text: str, words: list[str]) -> list[tuple[int, int]]: ...


@functools.cache
def _splits(n: int) -> tuple[tuple[int, ...], ...]:
    """Where the words of an n-character phrase of at least two words may end."""
    inner = range(1, n)
    most = n - 1 if n <= ALL_SPLITS_UP_TO else 2
    return tuple(at for count in range(1, most + 1) for at in itertools.combinations(inner, count))


def multiword_phrases() -> list[list[str]]:
    """OpenCC's phrases as the words they are made of, for each way of cutting
    them into words that would change their form: 这|只 (這隻 together, 這只
    apart), but not 这个 (這個 either way)."""
    return cached("multiword", _multiword_phrases)


def _multiword_phrases() -> list[list[str]]:
    own = str.maketrans({c: forms[0] for c, forms in opencc_table("STCharacters").items()})
    candidates = [
        (phrase, form)
        for phrase, form in phrases().items()
        if len(phrase) > 1 and len(form) == len(phrase) and phrase.translate(own) != form
    ]
    cut = [
        (form, [phrase[a:b] for a, b in itertools.pairwise((0, *cuts, len(phrase)))])
        for phrase, form in candidates
        for cuts in _splits(len(phrase))
    ]
    # What each cut phrase becomes when its words are converted apart.
    first_step = opencc_converter("s2t")  # OpenCC's phrase and character step, no region's variants
    apart = first_step.convert("\n".join(BOUNDARY.join(words) for _, words in cut)).split("\n")
    return [
        words
        for (form, words), converted in zip(cut, apart, strict=True)
        if converted.replace(BOUNDARY, "") != form
    ]


def _dictionaries(config: str) -> list[list[str]]:
    """The dictionaries of an OpenCC configuration, step by step: its
    normalization first, then each step of its conversion chain."""

    def names(node: object) -> list[str]:
        if isinstance(node, list):
            return [name for value in node for name in names(value)]
        if not isinstance(node, dict):
            return []
        if node.get("type") == "ocd2":
            return [node["file"].removesuffix(".ocd2")]
        return [name for value in node.values() for name in names(value)]

    settings = json.loads((SHARE_DIR / f"{config}.json").read_text(encoding="utf-8"))
    return [names(settings.get("normalization", []))] + [
        names(step) for step in settings["conversion_chain"]
    ]


def config_tables(config: str) -> dict[str, dict[str, str] | str | list[str]]:
    """For OpenCC configuration `config`: each character's own form (`own`,
    where it differs: 们 → 們), and the context phrases (`phrases`, see
    `_context_phrases`)."""
    return cached(f"tables-{config}", lambda: _config_tables(config))


def _config_tables(config: str) -> dict[str, dict[str, str] | str | list[str]]:
    steps = _dictionaries(config)
    characters = sorted(
        {c for step in steps for name in step for key in opencc_table(name) for c in key}
    )
    alone = opencc_converter(config).convert("\n".join(characters)).split("\n")
    own = {c: form for c, form in zip(characters, alone, strict=True) if c != form}
    return {"own": own, "phrases": sorted(_context_phrases(steps, characters))}


def _context_phrases(steps: list[list[str]], characters: list[str]) -> set[str]:
    """The Simplified texts whose conversion depends on the words around them.

    OpenCC's phrases (its first step) that it writes otherwise than their
    characters' own forms (头发 → 頭髮, not 頭發; 这只 → 這隻); the texts whose
    characters' own forms spell a phrase of a later step (a region's variants,
    s2twp's vocabulary: 信息 → 資訊); the characters its normalization step
    changes. A text holding none of them converts character by character,
    whatever its words.
    """
    first_step = opencc_converter("s2t")  # the phrase and character step alone
    alone = dict(
        zip(characters, first_step.convert("\n".join(characters)).split("\n"), strict=True)
    )
    own = str.maketrans({c: form for c, form in alone.items() if c != form})
    found = {key for key, form in phrases().items() if len(key) > 1 and key.translate(own) != form}
    becomes = defaultdict(set)  # a Traditional character: the characters whose own form it is
    for c, form in alone.items():
        becomes[form].add(c)
    normalization, _, *later = steps
    for name in itertools.chain(*later):
        for key in opencc_table(name):
            if len(key) > 1:
                spellings = [becomes[t] | ({t} if alone.get(t, t) == t else set()) for t in key]
                found.update(map("".join, itertools.product(*spellings)))
    for name in normalization:
        found.update(opencc_table(name))
    return found


def _translation(forms: dict[str, str]) -> list[int | str]:
    """A table for str.translate giving each character its form: a list by
    code point, which str.translate reads twice as fast as a dict."""
    table: list[int | str] = list(range(max(map(ord, forms), default=0) + 1))
    for c, form in forms.items():
        table[ord(c)] = form
    return table


@functools.cache
def _jieba_class() -> type[rjieba.Jieba]:
    """rjieba's `Jieba`, from its compiled module alone: the package's
    `__init__` builds a default segmenter on import (a dictionary load, a
    fifth of a second) that the converter, with words of its own, never uses."""
    package = importlib.util.find_spec("rjieba")
    folders = package.submodule_search_locations if package else None
    spec = importlib.machinery.PathFinder.find_spec("rjieba", folders) if folders else None
    if spec is None or spec.loader is None:  # not laid out as the wheel lays it out
        import rjieba

        return rjieba.Jieba
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.Jieba


def _char_class(characters: Iterable[str]) -> str:
    return "".join(re.escape(c) for c in sorted(set(characters)))


class SegmentedConverter:
    """OpenCC's `config`, converting word by word with jieba's words; `words`
    are added to jieba's dictionary (the glossary's terms, reviewed phrases).
    `usage` rewrites what OpenCC writes in the region's usage (臺 → 台);
    the `regional` phrases (the region's words), or the `reviewed` ones if
    converting with those, take their forms where they cover whole words.
    With `every_word`, every run is cut into words and every word converted
    by OpenCC: slower, and the same text (what the shortcut is checked against)."""

    def __init__(
        self,
        config: str,
        words: Iterable[str] = (),
        usage: Callable[[str], str] = str,
        *,
        regional: Reviewed | None = None,
        reviewed: Reviewed | None = None,
        every_word: bool = False,
    ) -> None:
        check_config(config)
        self._words = tuple(words)
        self._usage = usage
        self._phrases = {False: regional, True: reviewed}
        tables = config_tables(config)
        own: dict[str, str] = tables["own"]  # type: ignore[assignment]
        self._own = _translation({c: usage(form) for c, form in own.items()})
        # A chosen phrase matters where its form is not its characters' own.
        targets = {
            **(regional.targets if regional else {}),
            **(reviewed.targets if reviewed else {}),
        }
        chosen = [p for p, target in targets.items() if p.translate(self._own) != target]
        # A digit before a measure word (1602只) has no phrase of OpenCC's; it is
        # a context phrase all the same.
        counted = [
            d + m.simplified for m in MEASURE_WORDS for d in "0123456789０１２３４５６７８９"
        ]
        self._context_phrases = [*tables["phrases"], *chosen, *counted]
        context = set("".join(self._context_phrases))
        self._context = re.compile("." if every_word else f"[{_char_class(context)}]")
        # jieba's runs, joined by the other characters of context phrases (·〇).
        beyond = {c for c in context if not re.match(f"[{JIEBA_RUN}]", c)}
        run = JIEBA_RUN + _char_class(beyond)
        self._run = re.compile(f"[{run}]*")
        self._every_run = re.compile(f"[{run}]+") if every_word else None
        self._config = config

    @functools.cached_property
    def _finder(self) -> ahocorasick_rs.AhoCorasick:
        """Finds the context phrases in a text at once (Aho-Corasick, in Rust)."""
        return ahocorasick_rs.AhoCorasick(self._context_phrases)

    @functools.cached_property
    def _opencc(self) -> opencc.OpenCC:
        return opencc_converter(self._config)

    @functools.cached_property
    def segmenter(self) -> rjieba.Jieba:
        """jieba with its dictionary, loaded when a text first needs words
        (loading its dictionary takes a fifth of a second)."""
        segmenter = _jieba_class()()
        for word in self._words:
            segmenter.add_word(word, None, None)
        return segmenter

    @functools.cached_property
    def _multiword(self) -> _Multiword:
        return _Multiword(multiword_phrases())

    def words(self, text: str) -> list[str]:
        """`text` cut into words (jieba's dictionary, no guessing of unknown words)."""
        return self.segmenter.cut(text, False)

    def context_runs(self, text: str) -> list[tuple[int, int]]:
        """The runs of `text` holding a context phrase (a phrase never reaches
        out of its run), found from the phrases outwards: backwards in the
        reversed text. Between them, every conversion writes each character's
        own form. With `every_word`, every run."""
        if self._every_run:
            return [m.span() for m in self._every_run.finditer(text)]
        found = self._finder.find_matches_as_indexes(text)
        if not found:
            return []
        backwards = text[::-1]
        runs: list[tuple[int, int]] = []
        for _, start, end in found:
            if runs and start < runs[-1][1]:
                continue  # in the run before
            begin = len(text) - self._run.match(backwards, len(text) - start).end()
            runs.append((begin, self._run.match(text, end).end()))
        return runs

    def convert(self, text: str, *, reviewed: bool = True) -> str:
        """`text` converted word by word, with the reviewed phrases unless not `reviewed`
        (the region's words either way)."""
        runs = self.context_runs(text)
        if not runs:
            return text.translate(self._own)
        # One call to jieba and one to OpenCC for all of them; jieba cuts at "\n".
        joined = "\n".join(text[a:b] for a, b in runs)
        return self._around(text, runs, [self._convert_words(joined, reviewed)])[0]

    def convert_whole(self, text: str) -> str:
        """OpenCC over the whole `text`, without word boundaries, in the region's usage."""
        return self.convert_both(text)[1]

    def convert_both(self, text: str) -> tuple[str, str]:
        """`text` converted word by word (`convert`) and by OpenCC over the
        whole of it, without word boundaries, in the region's usage: its runs
        found once and the text between them converted once. Only the runs
        go to OpenCC: none of its phrases reaches across a run's end (none
        holds a character that ends one), and between them it writes each
        character's own form."""
        runs = self.context_runs(text)
        if not runs:
            same = text.translate(self._own)
            return same, same
        joined = "\n".join(text[a:b] for a, b in runs)
        whole = self._usage(self._opencc.convert(joined))
        words, whole = self._around(text, runs, [self._convert_words(joined, True), whole])
        return words, whole

    def _around(self, text: str, runs: list[tuple[int, int]], conversions: list[str]) -> list[str]:
        """`text` with its `runs` as each of `conversions` gives them (the runs
        converted, joined by line breaks), each character between them in its
        own form."""
        ends = [0, *(end for _, end in runs)]
        begins = [*(begin for begin, _ in runs), len(text)]
        between = [text[a:b].translate(self._own) for a, b in zip(ends, begins, strict=True)]
        out = []
        for converted in conversions:
            pieces = [""] * (2 * len(runs) + 1)
            pieces[0::2], pieces[1::2] = between, converted.split("\n")
            out.append("".join(pieces))
        return out

    def _convert_words(self, text: str, reviewed: bool) -> str:
        """Each distinct word (or joined phrase) of `text` converted once: by
        OpenCC if it holds a character of a context phrase, else character by
        character."""
        words = self.words(text)
        distinct = set(words)
        chosen = self._phrases[reviewed]
        ranges = chosen.word_ranges(text, words) if chosen else []
        units, joined = self._multiword.join(words, distinct, ranges)
        distinct.update(joined)
        needing = [u for u in distinct if self._context.search(u)]
        converted = self._usage(self._opencc.convert(BOUNDARY.join(needing)))
        forms = {u: u.translate(self._own) for u in distinct}
        forms.update(zip(needing, converted.split(BOUNDARY), strict=True))
        if ranges:
            forms.update(chosen.targets)
        out = list(map(forms.__getitem__, units))
        if any(m in text for m in _MEASURED):
            _count(units, out)
        return "".join(out)


_MEASURED = {m.simplified: m.form for m in MEASURE_WORDS}
_NUMBER = re.compile(NUMBER)
_NUMBER_AND_MEASURE = re.compile(f"(?:{NUMBER})([{''.join(_MEASURED)}])")


def _count(units: list[str], out: list[str]) -> None:
    """The measure words (`MEASURE_WORDS`) in their forms in `out`, the
    converted `units`: a measure word after a number, or a word of a number
    and a measure word."""
    for i, unit in enumerate(units):
        if unit in _MEASURED:
            if i and _NUMBER.fullmatch(units[i - 1]):
                out[i] = _MEASURED[unit]
        elif (found := _NUMBER_AND_MEASURE.fullmatch(unit)) and len(out[i]) == len(unit):
            out[i] = out[i][:-1] + _MEASURED[found.group(1)]


class _Multiword:
    """The multiword phrases, found among the words of a text."""

    def __init__(self, phrases: list[list[str]]) -> None:
        by_pair = defaultdict(list)
        for words in sorted(phrases, key=len, reverse=True):
            by_pair[words[0], words[1]].append(tuple(words))
        self.by_pair = dict(by_pair)  # the first two words: the phrases, longest first
        seconds = defaultdict(set)
        for a, b in self.by_pair:
            seconds[a].add(b)
        self.seconds = dict(seconds)  # a phrase's first word: the words that may follow it

    def join(
        self, words: list[str], distinct: set[str], reviewed: list[tuple[int, int]]
    ) -> tuple[list[str], list[str]]:
        """`words` (the `distinct` ones among them) with the reviewed phrases at
        the `reviewed` ranges of word indexes (first) and the multiword phrases
        (leftmost, then longest) each joined into one; and the joined ones."""
        joined = list(reviewed)
        # Where a phrase may start: a word of the text that begins a pair whose
        # second word is in the text too (by first word, not pair by pair); then
        # the pair itself.
        first = {
            a for a in distinct if a in self.seconds and not self.seconds[a].isdisjoint(distinct)
        }
        firsts = itertools.compress(itertools.count(), map(first.__contains__, words[:-1]))
        starts = [i for i in firsts if (words[i], words[i + 1]) in self.by_pair] if first else []
        free = iter([*joined, (len(words), len(words))])
        reviewed_from, reviewed_to = next(free)
        end = 0
        for i in starts:
            while i >= reviewed_to:
                reviewed_from, reviewed_to = next(free)
            if i < end or i >= reviewed_from:
                continue
            for phrase in self.by_pair[words[i], words[i + 1]]:
                j = i + len(phrase)
                if j <= reviewed_from and tuple(words[i:j]) == phrase:
                    joined.append((i, j))
                    end = j
                    break
        units: list[str] = []
        phrases = []
        start = 0
        for a, b in sorted(joined):
            phrases.append("".join(words[a:b]))
            units += [*words[start:a], phrases[-1]]
            start = b
        units += words[start:]
        return units, phrases
