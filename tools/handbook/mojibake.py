"""Telling a right decoding from a wrong one: the statistics behind the
detection of a source's encoding (`decoding.py` acts on them).

Any bytes decode as something in GB18030, and many as something in UTF-8;
what a wrong decoding gives away is its characters. Chinese text is Han,
CJK punctuation and ASCII almost throughout, and its Han are the everyday
ones; mojibake is full of rare characters, and UTF-8 read as Windows-1252
is full of Latin letters with marks. A file in two encodings shows it line
by line.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from .chars import CHINESE, HAN, HAN_CHAR, HAN_RANGES, LINE_BREAK, REPLACEMENT

# Compiled when first used (`re` keeps it): few texts need it, and a class
# of Han characters takes most of a millisecond to compile.
NOT_HAN = f"[^{HAN}]+"
BMP = 0x10000  # the Basic Multilingual Plane's characters
# Lines of a file's bytes: neither UTF-8 nor GB18030 uses CR or LF inside a character.
BYTE_LINES = re.compile(rb"\r\n|\r|\n")

# --- is it Chinese? -----------------------------------------------------------

# Compiled when first used, as NOT_HAN: only guessed decodings are asked.
PLAIN_TEXT = f"[{CHINESE}]|[\t\n\r -~]"


def looks_like_chinese_text(text: str) -> bool:
    """Guessed decodings of binary data give odd characters; a text is Han,
    CJK punctuation and ASCII almost throughout."""
    plain = len(re.findall(PLAIN_TEXT, text))
    return bool(HAN_CHAR.search(text)) and plain >= 0.97 * len(text)


@cache
def common_han() -> frozenset[str]:
    """The Han characters of everyday Chinese: GB2312's (6,763, Simplified)
    and Big5's common characters (5,401, Traditional), read from the codecs."""
    big5_trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    return frozenset(
        _decoded_pairs("gb2312", range(0xB0, 0xF8), range(0xA1, 0xFF))
        | _decoded_pairs("big5", range(0xA4, 0xC6), big5_trails)
        | _decoded_pairs("big5", [0xC6], range(0x40, 0x7F))
    )


def _decoded_pairs(codec: str, leads: range | list[int], trails: range | list[int]) -> set[str]:
    # One decode of every pair, a line each: the line breaks keep an unassigned
    # pair from running into the next.
    pairs = b"\n".join(bytes([lead, trail]) for lead in leads for trail in trails)
    return {c for c in pairs.decode(codec, "replace").split("\n") if len(c) == 1} - {REPLACEMENT}


PRIVATE_USE = (0xE000, 0xF8FF)
BMP_HAN = [(lo, hi) for lo, hi in HAN_RANGES if lo < BMP]


def is_rare(char: str) -> bool:
    """A Han character of the Basic Multilingual Plane outside the common
    ones, or a private-use character (where GB18030 puts the bytes of other
    encodings' symbols). A two-byte encoding read as another never gives the
    Han of the later planes (Extension B on), so they are not counted."""
    code = ord(char)
    if PRIVATE_USE[0] <= code <= PRIVATE_USE[1]:
        return True
    return any(lo <= code <= hi for lo, hi in BMP_HAN) and char not in common_han()


# How GB2312's encoder writes, with backslashreplace, a character of the plane it lacks.
BMP_ESCAPE = re.compile(rb"\\u([0-9a-f]{4})")


def rare_characters(text: str) -> str:
    """The rare characters `text` holds, each once, in code point order.
    GB2312 has no private-use character, and its Han are common ones, so
    its encoder cannot write a rare character: only those it cannot write
    (as \\uXXXX, the text's own backslashes removed first so that every
    one is such) are looked at. A class of the rare characters instead was
    2,000 ranges to compile on every conversion."""
    written = text.replace("\\", "").encode("gb2312", "backslashreplace")
    lacking = {chr(int(code, 16)) for code in BMP_ESCAPE.findall(written)}
    return "".join(sorted(char for char in lacking if is_rare(char)))


# The first text has no rare character in 16,045 Han characters (2 in its
# Traditional form), the corpus texts at most 3 in 1,872; read as GB18030,
# UTF-8 gives 62 % rare ones, Shift-JIS 75 %, Big5 more rare and private-use
# characters than common ones. A line is mojibake when at least RARE_MIN of
# its characters, and more than RARE_SHARE of them, are rare.
RARE_MIN = 3
RARE_SHARE = 0.2
# UTF-8 read as Windows-1252 and saved again: 我们 → æˆ‘ä»¬.
LATIN_MOJIBAKE = re.compile(
    "[\u00c2-\u00ef][\u0080-\u00bf\u0152-\u0192\u02c6-\u02dc\u2013-\u2122]+"
)


def big5_hint(data: bytes) -> str:
    """A hint for the error message: Big5, the other common encoding of
    Chinese, when the bytes read as Chinese in it."""
    try:
        text = data.decode("big5")
    except UnicodeDecodeError:
        return ""
    if looks_like_chinese_text(text) and not mojibake_lines(text):
        return "it reads as Big5: give --encoding big5"
    return ""


def mojibake_lines(text: str) -> list[tuple[int, str]]:
    """The lines that read as mojibake, with their rare characters."""
    found = rare_characters(text)
    if not found:
        return []
    rare = re.compile(f"[{re.escape(found)}]")
    starts = line_starts(text)
    by_line: dict[int, list[str]] = {}
    for match in rare.finditer(text):
        by_line.setdefault(bisect.bisect_right(starts, match.start()), []).append(match[0])

    def han_in(line: int) -> int:
        end = starts[line] if line < len(starts) else len(text)
        return len(HAN_CHAR.findall(text, starts[line - 1], end))

    def mojibake(count: int, han: int) -> bool:
        return count >= RARE_MIN and count > RARE_SHARE * max(han, 1)

    han = {n: han_in(n) for n in by_line}
    found = [n for n, chars in by_line.items() if mojibake(len(chars), han[n])]
    total = sum(map(len, by_line.values()))
    # lines each too short to tell may be together; the Han of these lines
    # is a lower bound of the text's, which is counted only when it matters
    if (
        not found
        and mojibake(total, sum(han.values()))
        and mojibake(total, len(re.sub(NOT_HAN, "", text)))
    ):
        found = list(by_line)
    return [(n, "".join(by_line[n][:6])) for n in found]


def double_encoded(text: str) -> re.Match[str] | None:
    """The first run of Latin letters that is UTF-8 read as Windows-1252 or
    Latin-1 (其 → å…¶), if any."""
    return next((m for m in LATIN_MOJIBAKE.finditer(text) if _utf8_read_as_latin(m[0])), None)


def _utf8_read_as_latin(run: str) -> bool:
    for latin in ("cp1252", "latin-1"):
        try:
            return bool(HAN_CHAR.search(run.encode(latin).decode("utf-8")))
        except UnicodeError:
            continue
    return False


# --- mixed encodings ------------------------------------------------------------


def line_kinds(data: bytes) -> list[str]:
    """Each line's bytes: 'ascii'; 'utf-8' (valid, with Han); 'gb18030' (valid
    in GB18030 only); 'either' (valid in both, no Han as UTF-8); 'neither'."""
    kinds = []
    for raw in BYTE_LINES.split(data):
        if raw.isascii():
            kinds.append("ascii")
            continue
        try:
            utf8 = raw.decode("utf-8")
        except UnicodeDecodeError:
            utf8 = None
        try:
            raw.decode("gb18030")
            gb = True
        except UnicodeDecodeError:
            gb = False
        if utf8 is not None:
            kinds.append("utf-8" if HAN_CHAR.search(utf8) or not gb else "either")
        else:
            kinds.append("gb18030" if gb else "neither")
    return kinds


def line_starts(text: str) -> list[int]:
    """The offset of each line's first character."""
    return [0] + [m.end() for m in LINE_BREAK.finditer(text)]
