"""Stage 1: read a raw text file and normalise its lines.

Reads and decodes the bytes (`decoding.py`), splits lines, and makes the
character-level repairs the scraped texts need (mis-encoded ellipses,
punctuation narrowed to ASCII). Every repair is recorded; blank lines are
dropped here, because paragraph breaks in these texts are not reliable anyway.
"""

from __future__ import annotations

import re
from pathlib import Path

from .decoding import HAN_CHAR, LINE_BREAK, decode, read_bytes
from .errors import ConversionError
from .model import Repair, SourceLine
from .patterns import COLON, COMMA, EXCLAMATION, HAN, LPAREN, QUESTION, RPAREN, SEMICOLON
from .settings import DEFAULTS

# Control and invisible format characters (category Cc, Cf) but the zero-width
# joiner, which emoji and some scripts need.
CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u180e"
    "\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)

# Characters that are part of Chinese text: a neighbour of one of these makes
# an ASCII punctuation mark Chinese punctuation.
CHINESE = f"[{HAN}\u3000-\u303f\uff00-\uffef“”‘’—…]"
CHINESE_CONTEXT = re.compile(CHINESE)

# ASCII marks that the source site narrowed from their full-width forms.
FULL_WIDTH = {",": COMMA, ";": SEMICOLON, ":": COLON, "?": QUESTION, "!": EXCLAMATION}
NARROW = re.escape("".join(FULL_WIDTH))
ASCII_PUNCTUATION = re.compile(f'[{NARROW}()"]')
# Every narrow → wide change the reader makes, in the order the report lists them.
WIDENED = sorted([*FULL_WIDTH.items(), ("(", LPAREN), (")", RPAREN), ('"', "“"), ('"', "”")])
# A run of marks (and spaces) whose nearest character before is not Chinese.
MARKS_WITHOUT_CHINESE_BEFORE = re.compile(f"(?<![ {NARROW}])(?<!{CHINESE})[ {NARROW}]*[{NARROW}]")
CHINESE_AFTER = re.compile(f" *{CHINESE}")


def read_source(
    path: Path,
    encoding: str | None = None,
    replace_invalid: bool = False,
    max_bytes: int = DEFAULTS.max_source_bytes,
) -> tuple[list[SourceLine], list[Repair]]:
    """Return the non-blank, normalised lines of a raw text and the repairs made."""
    data = read_bytes(path, max_bytes, "max_source_megabytes")
    decoded = decode(path, data, encoding, replace_invalid)
    texts, repairs = normalise(LINE_BREAK.split(decoded.text))
    lines = [SourceLine(number, text) for number, text in enumerate(texts, start=1) if text]
    if not any(HAN_CHAR.search(line.text) for line in lines):
        raise ConversionError(path, None, "no Chinese text found")
    controls = sum(r.rule == "control-characters" for r in repairs)
    if controls > max(3, len(lines) // 10):
        raise ConversionError(path, None, "binary file (control characters), not a text")
    # stable: a line's replaced characters come before its other repairs
    return lines, sorted(decoded.repairs + repairs, key=lambda repair: repair.line)


def normalise(raw_lines: list[str]) -> tuple[list[str], list[Repair]]:
    """Apply the character repairs to every line (a blank result is a blank
    line); the repairs come in line order.

    Each repair first asks whether the text needs it at all: most texts have
    no control characters and no mis-encoded ellipses, and a line-by-line
    pass over a long text costs more than the repairs themselves.
    """
    repairs: list[Repair] = []
    if not raw_lines:
        return [], repairs
    texts = [raw.replace("\t", " ") for raw in raw_lines]
    if any(CONTROL.search(text) for text in texts):
        for number, text in enumerate(texts, start=1):
            if controls := sorted(set(CONTROL.findall(text))):
                shown = " ".join(f"U+{ord(c):04X}" for c in controls)
                repairs.append(Repair(number, "control-characters", shown, ""))
                texts[number - 1] = CONTROL.sub("", text)
    texts = [text.strip(" \u3000\u2002\u2003\u00a0") for text in texts]
    for number, text in enumerate(texts, start=1):
        if "„" in text:
            repairs.append(Repair(number, "mis-encoded-ellipsis", "„„", "……"))
            texts[number - 1] = re.sub("„„|„", "……", text)
    restored = restore_full_width("\n".join(texts)).split("\n")
    for number, (before, after) in enumerate(zip(texts, restored, strict=True), start=1):
        if before != after:
            changed = widened(before, after)
            repairs.append(
                Repair(
                    number,
                    "full-width-punctuation",
                    " ".join(f"{narrow}×{n}" for narrow, _, n in changed),
                    " ".join(f"{wide}×{n}" for _, wide, n in changed),
                    sum(n for _, _, n in changed),
                )
            )
    repairs.sort(key=lambda repair: repair.line)  # stable: a line's repairs keep their order
    return restored, repairs


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
    restored = _restore_marks(text)
    if "(" not in text and '"' not in text:
        return restored
    return "\n".join(
        _restore_pairs(line, marked) if "(" in line or '"' in line else marked
        for line, marked in zip(text.split("\n"), restored.split("\n"), strict=True)
    )


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
        if 0 <= j < len(chars) and CHINESE_CONTEXT.match(chars[j]):
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
