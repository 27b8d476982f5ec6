"""Punctuation the source sites narrowed to ASCII, widened back.

Scraped texts often carry `,` `:` `(` `"` where the author typed `，` `：`
`（` `“”`. The reader restores them in the text, and the glossary loader in
the terms and quotes a maintainer types, so that both compare equal.
"""

from __future__ import annotations

import re

from .chars import CHINESE, CHINESE_CHAR, FULL_WIDTH, HAN_CHAR, LPAREN, RPAREN
from .patterns import NARROW_DEBRIS

NARROW = re.escape("".join(FULL_WIDTH))
ASCII_PUNCTUATION = re.compile(f'[{NARROW}()"]')
# Every narrow → wide change the reader makes, in the order the report lists them.
WIDENED = sorted([*FULL_WIDTH.items(), ("(", LPAREN), (")", RPAREN), ('"', "“"), ('"', "”")])
# A run of marks (and spaces) whose nearest character before is not Chinese.
# It opens with its first mark or space and looks behind from there, so that
# the search skips ahead to the next mark or space instead of trying every
# character of the text.
MARKS_WITHOUT_CHINESE_BEFORE = re.compile(
    f"[ {NARROW}](?<![ {NARROW}][ {NARROW}])(?<![{CHINESE}][ {NARROW}])[ {NARROW}]*(?<=[{NARROW}])"
)
CHINESE_AFTER = re.compile(f" *[{CHINESE}]")
# Where crawler junk stands while the marks are widened: a character that is
# neither a mark nor Chinese, one for each of the junk's (the junk is put back).
JUNK_MASK = "\x00"


def restore_full_width(text: str) -> str:
    """Turn ASCII punctuation inside Chinese text back into full-width marks.

    A mark is Chinese when the nearest non-space character on either side, on
    its own line, is Chinese; marks between digits or Latin letters (1+1,
    10:30, 2022-08-28) stay as they are. Marks are restored left to right, so
    a restored mark is Chinese context for the next one (好?! → 好？！).
    Brackets and quotes pair up within a line.
    """
    if not ASCII_PUNCTUATION.search(text):  # most lines of most texts
        return text
    # Debris first: crawler junk (;;;;, &nbsp;) is no punctuation. It is
    # masked while the marks are widened, then put back narrow for the
    # recognition stage to remove and report; every step keeps the length.
    junk = [m.span() for r in NARROW_DEBRIS if r.needs in text for m in r.pattern.finditer(text)]
    masked = _masked(text, junk) if junk else text
    restored = _restore_marks(masked)
    if junk:
        restored = _unmasked(restored, text, junk)
    if "(" not in text and '"' not in text:
        return restored
    # Only the lines holding a bracket or a quote, found from them: every step
    # so far kept the length, so a line is at the same place in both texts.
    pieces, position = [], 0
    paren, quote = text.find("("), text.find('"')  # the next of each, -1 when none is left
    while paren != -1 or quote != -1:
        at = min(i for i in (paren, quote) if i != -1)
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end == -1 else end
        pieces += [restored[position:start], _restore_pairs(text[start:end], restored[start:end])]
        position = end
        if paren != -1 and paren < end:
            paren = text.find("(", end)
        if quote != -1 and quote < end:
            quote = text.find('"', end)
    return "".join(pieces) + restored[position:]


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = JUNK_MASK * (end - start)
    return "".join(chars)


def _unmasked(restored: str, text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(restored)
    for start, end in spans:
        chars[start:end] = text[start:end]
    return "".join(chars)


def _restore_marks(text: str) -> str:
    # Nearly every mark in a Chinese text is Chinese: widen them all, then
    # put back the runs of marks that have no Chinese before them. In such a
    # run each mark's neighbours are marks still narrow, so all stay narrow
    # but the last, which is Chinese when Chinese follows it.
    restored = text
    for narrow, wide in FULL_WIDTH.items():
        if narrow in restored:
            restored = restored.replace(narrow, wide)
    pieces, position = [], 0
    for run in MARKS_WITHOUT_CHINESE_BEFORE.finditer(text):
        start, end = run.span()
        if CHINESE_AFTER.match(text, end):
            end -= 1
        pieces += [restored[position:start], text[start:end]]
        position = end
    return "".join(pieces) + restored[position:] if pieces else restored


def _restore_pairs(line: str, marked: str) -> str:
    """Brackets around or beside Chinese, quotes around it, widened in `marked`
    (the line with its marks restored)."""
    chars = list(marked)
    for start, end in _pairs(line):
        inner = line[start + 1 : end]
        if HAN_CHAR.search(inner) or _beside_chinese(chars, start) or _beside_chinese(chars, end):
            chars[start], chars[end] = LPAREN, RPAREN
    quotes = [m.start() for m in re.finditer('"', line)]
    for start, end in zip(quotes[::2], quotes[1::2], strict=False):
        if HAN_CHAR.search(line, start + 1, end):
            chars[start], chars[end] = "“", "”"
    return "".join(chars)


def widened(before: str, after: str) -> list[tuple[str, str, int]]:
    """What `restore_full_width` changed: (narrow, wide, how many) per mark,
    counted as the wide marks gained, since it only ever adds them."""
    return [
        (narrow, wide, n)
        for narrow, wide in WIDENED
        if narrow in before and (n := after.count(wide) - before.count(wide))
    ]


def _beside_chinese(chars: list[str], i: int) -> bool:
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(chars) and chars[j] == " ":
            j += step
        if 0 <= j < len(chars) and CHINESE_CHAR.match(chars[j]):
            return True
    return False


def _pairs(text: str) -> list[tuple[int, int]]:
    """Matching ( ) pairs, innermost first."""
    pairs, stack = [], []
    for paren in re.finditer("[()]", text):
        if paren.group() == "(":
            stack.append(paren.start())
        elif stack:
            pairs.append((stack.pop(), paren.start()))
    return pairs
