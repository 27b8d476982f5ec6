"""OpenCC with word boundaries: its phrases may cover whole words, never part of one.

OpenCC matches its phrase table greedily over the whole text, so a phrase can
straddle two words: 把握|发展 holds the idiom 握发 (握髮), 好|干部 the phrase 好干
(好乾), and both words come out wrong. Here a word segmenter (jieba, in its
Rust implementation rjieba) cuts the text into words first, and OpenCC sees
them with a boundary mark between each two words; no phrase of its table
contains the mark, so none can reach across a boundary.

That alone would lose the phrases that are several whole words: 这|只 is two
words, yet OpenCC's 这只 → 這隻 is right. So OpenCC gets one more dictionary:
each of its phrases whose form differs from its characters' own forms,
written with the boundary mark between its words and at both ends
(|这|只| → |這|隻|). It matches only where the segmenter put boundaries at
exactly those places: the phrase then covers whole words, and is kept.
"""

from __future__ import annotations

import functools
import itertools
import json
import tempfile
from collections.abc import Iterable
from pathlib import Path

import opencc
import rjieba

from .tables import PHRASE_TABLES, SHARE_DIR, check_config, compile_table, opencc_table, phrases

# A Unicode noncharacter: never part of interchanged text, unknown to OpenCC.
BOUNDARY = "\ufdd0"
# Phrases longer than this are split in two places at most (the variants of a
# 12-character phrase would otherwise number 2,047).
ALL_SPLITS_UP_TO = 4


@functools.cache
def _splits(n: int) -> tuple[tuple[int, ...], ...]:
    """Where the words of an n-character phrase of at least two words may end."""
    inner = range(1, n)
    most = n - 1 if n <= ALL_SPLITS_UP_TO else 2
    return tuple(at for count in range(1, most + 1) for at in itertools.combinations(inner, count))


@functools.cache
def _template(n: int, cuts: tuple[int, ...]) -> str:
    """A format string putting an n-character text's characters into words cut
    at `cuts`, with a boundary mark around each word: "|{0}|{1}|"."""
    marks = {0, *cuts, n}
    return "".join((BOUNDARY if i in marks else "") + f"{{{i}}}" for i in range(n)) + BOUNDARY


@functools.cache
def multiword_phrases() -> tuple[tuple[str, str], ...]:
    """OpenCC's phrases written as whole words between boundary marks, for each
    way of cutting them into words that would change their form: (|这|只|,
    |這|隻|) since 这 and 只 alone give 這只, but not |这个| (這個 either way)."""
    own = str.maketrans({c: forms[0] for c, forms in opencc_table("STCharacters").items()})
    candidates = [
        (phrase, form)
        for phrase, form in phrases().items()
        if len(phrase) > 1 and len(form) == len(phrase) and phrase.translate(own) != form
    ]
    templates = [(p, f, _template(len(p), cuts)) for p, f in candidates for cuts in _splits(len(p))]
    keys = [t.format(*p) for p, _, t in templates]
    values = [t.format(*f) for _, f, t in templates]
    # What each cut phrase becomes when OpenCC cannot see across the boundaries.
    apart = _first_step().convert("\n".join(keys)).split("\n")
    return tuple((k, v) for k, v, a in zip(keys, values, apart, strict=True) if a != v)


@functools.cache
def _first_step() -> opencc.OpenCC:
    """OpenCC's phrase and character step, without a region's variants."""
    return opencc.OpenCC("s2t")


def _with_multiword_phrases(config: dict, table: Path) -> dict:
    """OpenCC configuration `config` whose phrase dictionaries also hold `table`,
    with every dictionary file named by its absolute path."""

    def walk(node: object) -> object:
        if isinstance(node, list):
            return [walk(value) for value in node]
        if not isinstance(node, dict):
            return node
        if node.get("type") == "ocd2":
            return {**node, "file": str(SHARE_DIR / node["file"])}
        node = {key: walk(value) for key, value in node.items()}
        if node.get("type") == "group" and any(
            Path(d.get("file", "")).stem in PHRASE_TABLES for d in node["dicts"]
        ):
            node["dicts"].append({"type": "ocd2", "file": str(table)})
        return node

    if "segmentation" not in config:  # s2t: OpenCC segments with its first dictionary
        phrase_group = config["conversion_chain"][0]["dict"]["dicts"][0]
        config = {**config, "segmentation": {"type": "mmseg", "dict": phrase_group}}
    return walk(config)


class SegmentedConverter:
    """OpenCC's `config`, converting word by word with jieba's words; `words`
    are added to jieba's dictionary (the glossary's terms, reviewed phrases)."""

    def __init__(self, config: str, words: Iterable[str] = ()) -> None:
        check_config(config)
        self.segmenter = rjieba.Jieba()
        for word in words:
            self.segmenter.add_word(word, None, None)
        settings = json.loads((SHARE_DIR / f"{config}.json").read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory() as tmp:
            text = Path(tmp) / "multiword.txt"
            entries = "".join(f"{key}\t{value}\n" for key, value in multiword_phrases())
            text.write_text(entries, encoding="utf-8")
            # Compiled to OpenCC's own format, which it looks words up in faster.
            table = Path(tmp) / "multiword.ocd2"
            compile_table(text, table)
            path = Path(tmp) / f"{config}-words.json"
            path.write_text(json.dumps(_with_multiword_phrases(settings, table)), encoding="utf-8")
            self._opencc = opencc.OpenCC(str(path))  # reads every dictionary now

    def words(self, text: str) -> list[str]:
        """`text` cut into words (jieba's dictionary, no guessing of unknown words)."""
        return self.segmenter.cut(text, False)

    def convert(self, text: str) -> str:
        if BOUNDARY in text:  # never in real text; keep it where it was
            return BOUNDARY.join(self.convert(part) for part in text.split(BOUNDARY))
        return self.convert_words(self.words(text))

    def convert_words(self, words: list[str]) -> str:
        """The text of `words` (none holding the boundary mark), converted word by word."""
        if not words:
            return ""
        marked = BOUNDARY.join(["", *words, ""])
        return self._opencc.convert(marked).replace(BOUNDARY, "")
