"""Stage 1: read a raw text file and normalise its lines.

Reads and decodes the bytes (`decoding.py`), splits lines, and makes the
character-level repairs the scraped texts need (mis-encoded ellipses,
punctuation narrowed to ASCII). Every repair is recorded; blank lines are
dropped here, because paragraph breaks in these texts are not reliable anyway,
and so are lines that show nothing (reported).
"""

from __future__ import annotations

import re
from pathlib import Path

from .chars import HAN_CHAR, LINE_BREAK
from .decoding import decode, read_bytes
from .errors import ConversionError
from .model import Repair, SourceLine
from .punctuation import restore_full_width, widened
from .settings import DEFAULTS

INDENT = " \u3000\u2002\u2003\u00a0\t"  # what indents a line, stripped from both its ends
# Control and invisible format characters (category Cc, Cf) but the zero-width
# joiner, which emoji and some scripts need.
CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u180e"
    "\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
# A line of zero-width joiners alone (a hidden span's U+200D) shows nothing:
# no text, and no debris either.
INVISIBLE_LINE = re.compile("\u200d+")


def read_source(
    path: Path,
    encoding: str | None = None,
    replace_invalid: bool = False,
    max_bytes: int = DEFAULTS.max_source_bytes,
) -> tuple[list[SourceLine], list[Repair]]:
    """Return the non-blank, normalised lines of a raw text and the repairs made."""
    data = read_bytes(path, max_bytes, "max_source_megabytes")
    decoded = decode(path, data, encoding, replace_invalid)
    # Most files end their lines with LF alone, where splitting at it is the
    # same and five times quicker than the pattern of all three line breaks.
    has_cr = "\r" in decoded.text
    raw = LINE_BREAK.split(decoded.text) if has_cr else decoded.text.split("\n")
    texts, repairs = normalise(raw)
    lines = [
        SourceLine(number, text, raw[number - 1][:1] in INDENT)
        for number, text in enumerate(texts, start=1)
        if text
    ]
    if not any(HAN_CHAR.search(line.text) for line in lines):
        raise ConversionError(path, None, "no Chinese text found")
    controls = sum(r.rule == "control-characters" for r in repairs)
    if controls > max(3, len(lines) // 10):
        raise ConversionError(path, None, "binary file (control characters), not a text")
    # stable: a line's replaced characters come before its other repairs
    repairs = sorted(decoded.repairs + repairs, key=lambda repair: repair.line)
    if "\u200d" not in decoded.text:  # most texts: no line can show nothing
        return lines, repairs
    shown, dropped = [], []
    for line in lines:
        if INVISIBLE_LINE.fullmatch(line.text):
            dropped.append(Repair(line.number, "invisible-line", line.text, ""))
        else:
            shown.append(line)
    return shown, repairs + dropped  # dropped last: after the character repairs


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
    if CONTROL.search("\n".join(texts)):
        for number, text in enumerate(texts, start=1):
            if controls := sorted(set(CONTROL.findall(text))):
                shown = " ".join(f"U+{ord(c):04X}" for c in controls)
                repairs.append(Repair(number, "control-characters", shown, ""))
                texts[number - 1] = CONTROL.sub("", text)
    texts = [text.strip(INDENT) for text in texts]
    joined = "\n".join(texts)
    if "„" in joined:
        for number, text in enumerate(texts, start=1):
            if "„" in text:
                repairs.append(Repair(number, "mis-encoded-ellipsis", "„„", "……"))
                texts[number - 1] = re.sub("„„|„", "……", text)
        joined = "\n".join(texts)
    restored = restore_full_width(joined).split("\n")
    for number, (before, after) in enumerate(zip(texts, restored, strict=True), start=1):
        if before != after:
            changed = widened(before, after)
            repairs.append(
                Repair(
                    number,
                    "full-width-punctuation",
                    " ".join([f"{narrow}×{n}" for narrow, _, n in changed]),
                    " ".join([f"{wide}×{n}" for _, wide, n in changed]),
                    sum([n for _, _, n in changed]),
                )
            )
    repairs.sort(key=lambda repair: repair.line)  # stable: a line's repairs keep their order
    return restored, repairs
