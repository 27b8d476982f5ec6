"""Which characters are which: Han, Chinese punctuation, numerals.

The one place the converter, the recognition rules, the glossary, the site
hooks and the tests take their character classes from. Class bodies (HAN,
CHINESE) go inside `[...]` when a pattern is built; the compiled forms match
one character.
"""

from __future__ import annotations

import functools
import re
from re import _compiler  # type: ignore[attr-defined]


def _keep_charsets() -> None:
    """Make `re` build each character class's table once a process.

    `re` builds a class's table anew in every pattern that holds it, setting
    its code points one at a time: 28,096 for the Han class, which a hundred
    of the converter's patterns hold (a tenth of a conversion's instructions).
    The table depends on the class and the case functions alone, so the one
    built first stands for the rest: the compiled patterns are the same
    (`tests/test_fast_paths.py` compares every pattern's code both ways).
    Case-insensitive classes (a dict of case fixes) are built as before."""
    build = getattr(_compiler, "_optimize_charset", None)
    if build is None or hasattr(build, "__wrapped__"):  # another Python; or done already
        return
    built: dict[tuple, tuple[list, bool]] = {}

    @functools.wraps(build)
    def kept(charset, iscased=None, fixup=None, fixes=None):  # type: ignore[no-untyped-def]
        if fixes is not None:
            return build(charset, iscased, fixup, fixes)
        key = (tuple(charset), iscased, fixup)
        if key not in built:
            built[key] = build(charset, iscased, fixup, fixes)
        table, cased = built[key]
        return list(table), cased

    _compiler._optimize_charset = kept


_keep_charsets()

# Han ideographs: CJK Extension A, the Unified block, the compatibility block,
# and Extensions B and later with their compatibility supplement (U+20000 on);
# as ranges of code points, and as a class body (\u3400-\u4dbf…).
HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x323AF))
HAN = "".join(
    rf"\u{lo:04x}-\u{hi:04x}" if hi < 0x10000 else rf"\U{lo:08x}-\U{hi:08x}"
    for lo, hi in HAN_RANGES
)
HAN_CHAR = re.compile(f"[{HAN}]")


def han(text: str) -> str:
    """The Han characters of `text`, in order: what a check that nothing was
    lost or reordered compares (the corpus's scores, the PDFs, the EPUBs)."""
    return "".join(HAN_CHAR.findall(text))


# Full-width marks, written as escapes so that no tool can narrow them to ASCII.
COMMA, COLON, SEMICOLON = "\uff0c", "\uff1a", "\uff1b"
QUESTION, EXCLAMATION = "\uff1f", "\uff01"
LPAREN, RPAREN = "\uff08", "\uff09"
# The full-width form of each ASCII mark the source sites narrow.
FULL_WIDTH = {",": COMMA, ";": SEMICOLON, ":": COLON, "?": QUESTION, "!": EXCLAMATION}

# Characters that are part of Chinese text: Han, CJK and full-width
# punctuation, curly quotes, the dash and the ellipsis.
CHINESE = f"{HAN}\u3000-\u303f\uff00-\uffef“”‘’—…"
CHINESE_CHAR = re.compile(f"[{CHINESE}]")

# Chinese numerals, and a number written either way (十一, 11).
CN_DIGITS = "零〇一二三四五六七八九十百两"
NUMERAL = rf"[{CN_DIGITS}]+|\d+"

# Punctuation that ends a sentence or clause; a title never ends with one.
SENTENCE_END = f"。{EXCLAMATION}{QUESTION}…!?"
CLAUSE_END = SENTENCE_END + f"{COMMA}{SEMICOLON}{COLON}、,;:"
CLOSING_QUOTES = f"”’」』{RPAREN}》"
# Wide spaces: the ideographic space and the en and em spaces.
WIDE_SPACES = "\u3000\u2002\u2003"

# The Private Use Area, where a web page's icon font puts its icons (\ue67f
# before a trail's 首页): no character of the text.
ICON_GLYPHS = "\ue000-\uf8ff"

# Line breaks as the sources have them: LF, CRLF or CR; line numbers count them.
LINE_BREAK = re.compile(r"\r\n|\r|\n")
# What a decoder writes for bytes it cannot read, and a text may hold already.
REPLACEMENT = "\ufffd"

# Line-breaking prohibitions of Chinese (clreq §3.1.7): closing and pause marks
# may not start a line, opening marks may not end one.
NO_LINE_START = f"{COMMA}。、{SEMICOLON}{COLON}{QUESTION}{EXCLAMATION}{RPAREN}》」』〉】〕”’"
NO_LINE_END = f"{LPAREN}《「『〈【〔“‘"

# Quotation marks, opening to closing: the curly ones and Taiwan's corner brackets.
QUOTE_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』"}
