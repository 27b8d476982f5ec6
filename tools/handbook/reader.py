"""Stage 1: read a raw text file and normalise its lines.

Decodes the bytes, splits lines, and makes the character-level repairs the
scraped texts need (mis-encoded ellipses, punctuation narrowed to ASCII).
Every repair is recorded; blank lines are dropped here, because paragraph
breaks in these texts are not reliable anyway.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from pathlib import Path

from .errors import ConversionError
from .model import Repair, SourceLine
from .patterns import COLON, COMMA, EXCLAMATION, HAN, LPAREN, QUESTION, RPAREN, SEMICOLON

LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Control and invisible format characters (category Cc, Cf) but the zero-width
# joiner, which emoji and some scripts need.
CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u180e"
    "\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
HAN_CHAR = re.compile(f"[{HAN}]")

# Characters that are part of Chinese text: a neighbour of one of these makes
# an ASCII punctuation mark Chinese punctuation.
CHINESE_CONTEXT = re.compile(f"[{HAN}\u3000-\u303f\uff00-\uffef“”‘’—…]")

# ASCII marks that the source site narrowed from their full-width forms.
NARROW_MARK = re.compile("[,;:?!]")
ASCII_PUNCTUATION = re.compile('[,;:?!()"]')
FULL_WIDTH = {",": COMMA, ";": SEMICOLON, ":": COLON, "?": QUESTION, "!": EXCLAMATION}

# Byte-order marks, longest first: UTF-32 LE starts like UTF-16 LE.
BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


def decode(path: Path, data: bytes, encoding: str | None = None) -> str:
    """Decode with the given encoding, or detect it: BOM, UTF-8, then GB18030."""
    if not data.strip():
        raise ConversionError(path, None, "the file is empty")
    if encoding:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as err:
            raise ConversionError(path, None, f"cannot decode as {encoding}: {err}") from None
    for bom, name in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name)
            except UnicodeDecodeError as err:
                line = data[: err.start].count(b"\n") + 1
                raise ConversionError(path, line, f"invalid {name} text") from None
    nuls = data.count(b"\x00")
    if nuls:
        # NULs: UTF-16 without a BOM (ASCII characters carry a zero byte), or binary.
        for guess in ("utf-16-le", "utf-16-be"):
            text = data.decode(guess, errors="replace")
            if looks_like_chinese_text(text):
                return text
        if nuls > len(data) // 100:
            raise ConversionError(path, None, "binary file (NUL bytes), not a text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # GB18030 decodes almost any bytes: take it only when the result reads as Chinese.
    text = data.decode("gb18030", errors="replace")
    if looks_like_chinese_text(text):
        return text
    raise ConversionError(path, None, "not text in UTF-8, UTF-16 or GB18030 (use --encoding)")


PLAIN_TEXT = re.compile(f"[{HAN}\u3000-\u303f\uff00-\uffef“”‘’—…\t\n\r -~]")


def looks_like_chinese_text(text: str) -> bool:
    """Guessed decodings of binary data give odd characters; a text is Han,
    CJK punctuation and ASCII almost throughout."""
    plain = len(PLAIN_TEXT.findall(text))
    return bool(HAN_CHAR.search(text)) and plain >= 0.97 * len(text)


def read_source(path: Path, encoding: str | None = None) -> tuple[list[SourceLine], list[Repair]]:
    """Return the non-blank, normalised lines of a raw text and the repairs made."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ConversionError(path, None, f"cannot read: {err.strerror}") from None
    text = decode(path, data, encoding)
    lines: list[SourceLine] = []
    repairs: list[Repair] = []
    controls = 0
    for number, raw in enumerate(LINE_BREAK.split(text), start=1):
        cleaned, line_repairs = normalise_line(raw, number)
        controls += sum(r.rule == "control-characters" for r in line_repairs)
        repairs += line_repairs
        if cleaned:
            lines.append(SourceLine(number, cleaned))
    if not any(HAN_CHAR.search(line.text) for line in lines):
        raise ConversionError(path, None, "no Chinese text found")
    if controls > max(3, len(lines) // 10):
        raise ConversionError(path, None, "binary file (control characters), not a text")
    return lines, repairs


def normalise_line(raw: str, number: int) -> tuple[str, list[Repair]]:
    """Apply the character repairs to one line; blank result means a blank line."""
    repairs: list[Repair] = []
    text = raw.replace("\t", " ")
    controls = CONTROL.findall(text)
    if controls:
        text = CONTROL.sub("", text)
        shown = " ".join(f"U+{ord(c):04X}" for c in sorted(set(controls)))
        repairs.append(Repair(number, "control-characters", shown, ""))
    text = text.strip(" \u3000\u2002\u2003\u00a0")
    if "„" in text:
        fixed = re.sub("„„|„", "……", text)
        repairs.append(Repair(number, "mis-encoded-ellipsis", "„„", "……"))
        text = fixed
    restored, changed = restore_full_width(text)
    if changed:
        before = " ".join(f"{a}×{n}" for (a, _), n in sorted(changed.items()))
        after = " ".join(f"{b}×{n}" for (_, b), n in sorted(changed.items()))
        repairs.append(
            Repair(number, "full-width-punctuation", before, after, sum(changed.values()))
        )
        text = restored
    return text, repairs


def restore_full_width(text: str) -> tuple[str, Counter[tuple[str, str]]]:
    """Turn ASCII punctuation inside Chinese text back into full-width marks.

    A mark is Chinese when the nearest non-space character on either side is
    Chinese; marks between digits or Latin letters (1+1, 10:30, 2022-08-28)
    stay as they are.
    """
    changed: Counter[tuple[str, str]] = Counter()
    if not ASCII_PUNCTUATION.search(text):  # most lines of most texts
        return text, changed
    chars = list(text)

    def swap(i: int, new: str) -> None:
        changed[(chars[i], new)] += 1
        chars[i] = new

    for mark in NARROW_MARK.finditer(text):
        i, c = mark.start(), mark.group()
        if _beside_chinese(chars, i):
            swap(i, FULL_WIDTH[c])
    for start, end in _pairs(text):
        inner = text[start + 1 : end]
        if HAN_CHAR.search(inner) or _beside_chinese(chars, start) or _beside_chinese(chars, end):
            swap(start, LPAREN)
            swap(end, RPAREN)
    quotes = [m.start() for m in re.finditer('"', text)]
    for start, end in zip(quotes[::2], quotes[1::2], strict=False):
        if HAN_CHAR.search(text, start + 1, end):
            swap(start, "“")
            swap(end, "”")
    return "".join(chars), changed


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
