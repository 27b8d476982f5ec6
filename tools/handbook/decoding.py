"""Reading raw files safely and decoding them: the first half of stage 1.

A file is read only when it is a regular file within the size limit, so a
pipe, a device or a huge file is refused at once. A source's encoding is
named with --encoding or detected: a byte-order mark, else UTF-8, else
GB18030, each decoded strictly. A detected decoding is kept only when the
text reads as Chinese; mojibake, mixed encodings and replacement characters
stop the conversion with the line to look at. With --replace-invalid, bytes
that are not valid in the encoding become U+FFFD, and each is reported.
"""

from __future__ import annotations

import bisect
import codecs
import os
import re
import stat
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from .chars import CHINESE, HAN, HAN_CHAR
from .errors import ConversionError
from .model import Repair

LINE_BREAK = re.compile(r"\r\n|\r|\n")
NOT_HAN = re.compile(f"[^{HAN}]+")
REPLACEMENT = "\ufffd"

# Byte-order marks of the encodings detected without being named; the mark
# is dropped before decoding.
BOMS = [
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
# Codecs Python has that are not encodings of text files: domain names, and
# escapes that would turn `\u003c` written in a text into `<`.
NOT_FILE_ENCODINGS = {"punycode", "idna", "unicode-escape", "raw-unicode-escape", "undefined"}
# --replace-invalid is for a few damaged bytes; more means the wrong encoding.
MAX_REPLACED = 20
# Lines of a file's bytes: neither UTF-8 nor GB18030 uses CR or LF inside a character.
BYTE_LINES = re.compile(rb"\r\n|\r|\n")


def read_bytes(path: Path, limit: int, setting: str = "") -> bytes:
    """The bytes of a regular file of at most `limit` bytes; anything else is
    refused before a byte is read (opening a pipe does not wait for a writer)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as err:
        raise ConversionError(path, None, f"cannot read: {err.strerror}") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise ConversionError(path, None, "is a folder, not a file")
        if not stat.S_ISREG(mode):
            raise ConversionError(
                path, None, "not a regular file (a pipe, socket or device): save the text to a file"
            )
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as err:
        raise ConversionError(path, None, f"cannot read: {err.strerror}") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        hint = f" ({setting} in handbook.yml)" if setting else ""
        raise ConversionError(
            path, None, f"larger than the limit of {limit / 1e6:g} MB{hint}: is it a text?"
        )
    return data


def read_utf8(path: Path, limit: int) -> str:
    """A UTF-8 data file (settings, glossary), byte-order mark allowed."""
    data = read_bytes(path, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        byte = data[err.start]
        raise ConversionError(
            path, line, f"not UTF-8 (byte 0x{byte:02x}): save the file as UTF-8"
        ) from None


def read_yaml(path: Path, limit: int) -> yaml.Node | None:
    """A UTF-8 YAML data file as PyYAML's node tree (which keeps line numbers);
    None when it is empty."""
    text = read_utf8(path, limit)
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        raise ConversionError(path, line, f"invalid YAML: {err.problem}") from None
    except yaml.reader.ReaderError as err:  # a character YAML does not allow
        line = text.count("\n", 0, err.position) + 1
        raise ConversionError(path, line, f"invalid YAML: {err.reason}") from None
    except yaml.YAMLError as err:
        raise ConversionError(path, None, f"invalid YAML: {err}") from None


@dataclass
class Decoded:
    text: str
    encoding: str
    repairs: list[Repair] = field(default_factory=list)  # characters that had to be replaced


def decode(
    path: Path, data: bytes, encoding: str | None = None, replace_invalid: bool = False
) -> Decoded:
    """Decode a source with the given encoding, or detect it: BOM, UTF-8, then
    GB18030. A detected encoding must give plausible Chinese text."""
    if not data.strip():
        raise ConversionError(path, None, "the file is empty")
    if encoding:
        return _decode(path, data, _file_codec(path, encoding), replace_invalid)
    for bom, name in BOMS:
        if data.startswith(bom):
            return _plausible(path, _decode(path, data[len(bom) :], name, replace_invalid))
    nuls = data.count(b"\x00")
    if nuls:
        # NULs: UTF-16 without a BOM (ASCII characters carry a zero byte), or binary.
        for guess in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(guess)
            except UnicodeDecodeError:
                continue
            if looks_like_chinese_text(text):
                return _plausible(path, _decode(path, data, guess, replace_invalid))
        if nuls > len(data) // 100:
            raise ConversionError(path, None, "binary file (NUL bytes), not a text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return _plausible(path, _kept(path, text, "utf-8", [], replace_invalid))
    # Not UTF-8 throughout: which lines are what tells a damaged UTF-8 text,
    # a GB18030 one and a mixture apart.
    kinds = _classify_lines(data)
    utf8, gb = kinds.count("utf-8"), kinds.count("gb18030")
    if utf8 > gb:
        if replace_invalid:
            return _plausible(path, _decode(path, data, "utf-8", True))
        line = next(n for n, kind in enumerate(kinds, start=1) if kind in ("gb18030", "neither"))
        if gb:
            raise ConversionError(path, line, MIXED.format(odd="GB18030", usual="UTF-8"))
        raise ConversionError(path, line, DAMAGED.format(encoding="UTF-8"))
    if utf8:
        line = kinds.index("utf-8") + 1
        raise ConversionError(path, line, MIXED.format(odd="UTF-8", usual="GB18030"))
    try:
        decoded = _kept(path, data.decode("gb18030"), "gb18030", [], replace_invalid)
    except UnicodeDecodeError:
        if replace_invalid and gb:
            decoded = _decode(path, data, "gb18030", True)
        else:
            line = next((n for n, kind in enumerate(kinds, start=1) if kind == "neither"), None)
            message = DAMAGED.format(encoding="GB18030") if gb else f"{NOT_TEXT}; give --encoding"
            raise ConversionError(path, line, message) from None
    _plausible(path, decoded, data)  # mojibake: names the line
    if looks_like_chinese_text(decoded.text):
        return decoded
    guess = _guess(data)
    raise ConversionError(path, None, f"{NOT_TEXT}; {guess or 'give --encoding'}")


NOT_TEXT = "not text in UTF-8, UTF-16 or GB18030"
DAMAGED = (
    "bytes that are not {encoding}, though the other lines are: a damaged character? "
    "Give --replace-invalid to keep going (each one is reported), or --encoding"
)
MIXED = (
    "the file mixes encodings: this line is {odd}, most others are {usual}; "
    "save the whole file in one encoding"
)


def _file_codec(path: Path, encoding: str) -> str:
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise ConversionError(path, None, f"unknown encoding {encoding!r}") from None
    if not info._is_text_encoding or info.name in NOT_FILE_ENCODINGS:
        raise ConversionError(path, None, f"{encoding!r} is not an encoding of text files")
    return info.name


def _decode(path: Path, data: bytes, encoding: str, replace_invalid: bool) -> Decoded:
    """Decode strictly; with replace_invalid, invalid bytes become U+FFFD (at
    most MAX_REPLACED of them), each recorded."""
    pieces: list[str] = []
    replaced: list[tuple[int, str]] = []  # (offset in the text, the bytes replaced)
    view, start, length = memoryview(data), 0, 0
    while True:
        try:
            pieces.append(str(view[start:], encoding))
            break
        except UnicodeDecodeError as err:
            good = str(view[start : start + err.start], encoding)
            bad = _hex(bytes(view[start + err.start : start + err.end]))
            resume = start + err.end
            if not replace_invalid:
                raise ConversionError(
                    path,
                    _line_at("".join(pieces) + good, None),
                    f"bytes that are not valid {encoding} ({bad}): give the right "
                    "--encoding, or --replace-invalid for a few damaged bytes",
                ) from None
        except (UnicodeError, ValueError) as err:  # a codec that fails as a whole
            raise ConversionError(path, None, f"cannot decode as {encoding}: {err}") from None
        pieces += [good, REPLACEMENT]
        length += len(good) + 1
        replaced.append((length - 1, bad))
        start = resume
        if len(replaced) > MAX_REPLACED:
            raise ConversionError(
                path,
                _line_at("".join(pieces), None),
                f"more than {MAX_REPLACED} byte sequences that are not valid {encoding}: "
                "give the right --encoding",
            )
    return _kept(path, "".join(pieces), encoding, replaced, replace_invalid)


def _kept(
    path: Path, text: str, encoding: str, replaced: list[tuple[int, str]], replace_invalid: bool
) -> Decoded:
    """The decoded text, refused when it holds U+FFFD that decoding did not put
    there, unless replace_invalid; every U+FFFD becomes a reported repair."""
    ours = {offset for offset, _ in replaced}
    found = [m.start() for m in re.finditer(REPLACEMENT, text) if m.start() not in ours]
    if found and not replace_invalid:
        raise ConversionError(
            path,
            _line_at(text, found[0]),
            "holds U+FFFD, a character lost before the file was saved (or saved in the "
            "wrong encoding): give --encoding, or --replace-invalid to keep it (reported)",
        )
    marks = sorted(replaced + [(offset, "U+FFFD") for offset in found])
    return Decoded(text, encoding, _replacement_repairs(text, marks))


def _hex(data: bytes) -> str:
    return " ".join(f"0x{b:02x}" for b in data)


def _replacement_repairs(text: str, marks: list[tuple[int, str]]) -> list[Repair]:
    """One repair per line: what stood there (bytes, or U+FFFD) → U+FFFD."""
    if not marks:
        return []
    starts = _line_starts(text)
    by_line: dict[int, list[str]] = {}
    for offset, before in marks:
        by_line.setdefault(bisect.bisect_right(starts, offset), []).append(before)
    return [
        Repair(line, "replacement-character", " | ".join(befores), "U+FFFD", len(befores))
        for line, befores in by_line.items()
    ]


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in LINE_BREAK.finditer(text)]


def _line_at(text: str, offset: int | None) -> int:
    """The 1-based line of an offset into the text (None: its end)."""
    end = len(text) if offset is None else offset
    return len(LINE_BREAK.findall(text, 0, end)) + 1


# --- is it Chinese? -----------------------------------------------------------

PLAIN_TEXT = re.compile(f"[{CHINESE}]|[\t\n\r -~]")


def looks_like_chinese_text(text: str) -> bool:
    """Guessed decodings of binary data give odd characters; a text is Han,
    CJK punctuation and ASCII almost throughout."""
    plain = len(PLAIN_TEXT.findall(text))
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


@cache
def rare_pattern() -> re.Pattern[str]:
    """Han characters of the Basic Multilingual Plane outside the common ones,
    and private-use characters (where GB18030 puts the bytes of other
    encodings' symbols). A two-byte encoding read as another never gives the
    Han of the later planes (Extension B on), so they are not counted."""
    common = common_han()
    ranges, start, previous = [], None, None
    for code in range(0x3400, 0x10000):
        if chr(code) in common or not HAN_CHAR.match(chr(code)):
            continue
        if start is None or code != previous + 1:
            if start is not None:
                ranges.append((start, previous))
            start = code
        previous = code
    ranges.append((start, previous))
    ranges.append((0xE000, 0xF8FF))
    return re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in ranges) + "]")


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


def _guess(data: bytes) -> str:
    """A hint for the error message: Big5, the other common encoding of
    Chinese, when the bytes read as Chinese in it."""
    try:
        text = data.decode("big5")
    except UnicodeDecodeError:
        return ""
    if looks_like_chinese_text(text) and not _rare_lines(text):
        return "it reads as Big5: give --encoding big5"
    return ""


def _rare_lines(text: str) -> list[tuple[int, str]]:
    """The lines that read as mojibake, with their rare characters."""
    rare = rare_pattern()
    if not rare.search(text):
        return []
    starts = _line_starts(text)
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
        and mojibake(total, len(NOT_HAN.sub("", text)))
    ):
        found = list(by_line)
    return [(n, "".join(by_line[n][:6])) for n in found]


NAMES = {"utf-8": "UTF-8", "gb18030": "GB18030", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16"}


def _plausible(path: Path, decoded: Decoded, data: bytes = b"") -> Decoded:
    """Refuse a detected decoding that does not read as Chinese, naming the line."""
    text = decoded.text
    if found := _rare_lines(text):
        line, sample = found[0]
        name = NAMES.get(decoded.encoding, decoded.encoding)
        raise ConversionError(
            path,
            line,
            f"reads as mojibake in {name} (rare characters such as {sample}): the file is in "
            f"another encoding; {_guess(data) or 'give --encoding (Big5? Shift-JIS?)'}, "
            f"or --encoding {decoded.encoding} if the text really reads so",
        )
    for match in LATIN_MOJIBAKE.finditer(text):
        if _double_encoded(match.group()):
            raise ConversionError(
                path,
                _line_at(text, match.start()),
                f"reads as UTF-8 decoded twice ({match.group()[:12]} …): the text was "
                "mis-saved before it came here; save the original page again",
            )
    return decoded


def _double_encoded(run: str) -> bool:
    for latin in ("cp1252", "latin-1"):
        try:
            return bool(HAN_CHAR.search(run.encode(latin).decode("utf-8")))
        except UnicodeError:
            continue
    return False


# --- mixed encodings ------------------------------------------------------------


def _classify_lines(data: bytes) -> list[str]:
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
