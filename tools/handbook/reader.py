"""Stage 1: read a raw text file and normalise its lines.

Decodes the bytes, splits lines, and makes the character-level repairs the
scraped texts need (mis-encoded ellipses, punctuation narrowed to ASCII).
Every repair is recorded; blank lines are dropped here, because paragraph
breaks in these texts are not reliable anyway.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from .chars import CHINESE, HAN_CHAR
from .errors import ConversionError
from .model import Repair, SourceLine
from .punctuation import restore_full_width, widened

LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Control and invisible format characters (category Cc, Cf) but the zero-width
# joiner, which emoji and some scripts need.
CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u180e"
    "\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
# Byte-order marks of the encodings detected without being named.
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


PLAIN_TEXT = re.compile(f"[{CHINESE}]|[\t\n\r -~]")


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
    texts, repairs = normalise(LINE_BREAK.split(decode(path, data, encoding)))
    lines = [SourceLine(number, text) for number, text in enumerate(texts, start=1) if text]
    if not any(HAN_CHAR.search(line.text) for line in lines):
        raise ConversionError(path, None, "no Chinese text found")
    controls = sum(r.rule == "control-characters" for r in repairs)
    if controls > max(3, len(lines) // 10):
        raise ConversionError(path, None, "binary file (control characters), not a text")
    return lines, repairs


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
