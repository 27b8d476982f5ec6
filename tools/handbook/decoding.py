"""Reading raw files safely and decoding them: the first half of stage 1.

A file is read only when it is a regular file within the size limit, so a
pipe, a device or a huge file is refused at once. A source's encoding is
named with --encoding or detected: a byte-order mark, else UTF-8, else
GB18030, each decoded strictly. A detected decoding is kept only when the
text reads as Chinese (`mojibake.py` has the statistics); mojibake, mixed
encodings and replacement characters stop the conversion with the line to
look at. With --replace-invalid, bytes that are not valid in the encoding
become U+FFFD, and each is reported. The data files (settings, glossary)
are read here too: UTF-8 YAML, its errors named by line.
"""

from __future__ import annotations

import bisect
import codecs
import contextlib
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .chars import LINE_BREAK, REPLACEMENT
from .errors import ConversionError
from .model import Repair
from .mojibake import (
    big5_hint,
    double_encoded,
    line_kinds,
    line_starts,
    looks_like_chinese_text,
    mojibake_lines,
)

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


FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def read_yaml(path: Path, limit: int) -> yaml.Node | None:
    """A UTF-8 YAML data file as PyYAML's node tree (which keeps line numbers);
    None when it is empty."""
    text = read_utf8(path, limit)
    # libyaml (ten times faster) for a file it reads as PyYAML does; PyYAML's
    # own reader for the others and for every error, whose messages it words.
    if FAST_LOADER and not yaml.reader.Reader.NON_PRINTABLE.search(text):
        with contextlib.suppress(yaml.YAMLError):
            return yaml.compose(text, Loader=FAST_LOADER)
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


def node_line(node: yaml.Node) -> int:
    """The 1-based line a node of a YAML file starts on, for error messages."""
    return node.start_mark.line + 1


# Plain decimal digits: YAML would also read `true` (a bool, which Python
# counts as an int), `0x10`, `1_000` or `0400` (octal) as numbers.
WHOLE_NUMBER = re.compile(r"[1-9][0-9]*")


def whole_number(node: yaml.Node) -> int | None:
    """The positive whole number a YAML node holds in plain decimal digits
    (400), or None for anything else (`true`, `0x10`, `-1`, text, a list)."""
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:int":
        return int(node.value) if WHOLE_NUMBER.fullmatch(node.value) else None
    return None


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
    kinds = line_kinds(data)
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
    guess = big5_hint(data)
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
    starts = line_starts(text)
    by_line: dict[int, list[str]] = {}
    for offset, before in marks:
        by_line.setdefault(bisect.bisect_right(starts, offset), []).append(before)
    return [
        Repair(line, "replacement-character", " | ".join(befores), "U+FFFD", len(befores))
        for line, befores in by_line.items()
    ]


def _line_at(text: str, offset: int | None) -> int:
    """The 1-based line of an offset into the text (None: its end)."""
    end = len(text) if offset is None else offset
    return len(LINE_BREAK.findall(text, 0, end)) + 1


NAMES = {"utf-8": "UTF-8", "gb18030": "GB18030", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16"}


def _plausible(path: Path, decoded: Decoded, data: bytes = b"") -> Decoded:
    """Refuse a detected decoding that does not read as Chinese, naming the line."""
    text = decoded.text
    if found := mojibake_lines(text):
        line, sample = found[0]
        name = NAMES.get(decoded.encoding, decoded.encoding)
        raise ConversionError(
            path,
            line,
            f"reads as mojibake in {name} (rare characters such as {sample}): the file is in "
            f"another encoding; {big5_hint(data) or 'give --encoding (Big5? Shift-JIS?)'}, "
            f"or --encoding {decoded.encoding} if the text really reads so",
        )
    if match := double_encoded(text):
        raise ConversionError(
            path,
            _line_at(text, match.start()),
            f"reads as UTF-8 decoded twice ({match.group()[:12]} …): the text was "
            "mis-saved before it came here; save the original page again",
        )
    return decoded
