"""Never a PDF without its glyphs: the print stylesheet's fonts, checked before typesetting.

book.css sets the book's font stacks on `html`, per language (`--serif`,
`--sans` …). For an edition's language, each stack's first named family that
fontconfig has is the font the book is set in; when fontconfig has none of
them it would silently substitute another (DejaVu, without a single Chinese
character), so that is an error. Every character of the book, and of the
stylesheet's generated text, must then have a glyph in each of those fonts:
Pango would otherwise take the character from another font, or draw a box.

fontconfig answers both questions: `fc-match` names the font it would use for
a family, and its charset is the set of characters the font's cmap maps,
which is also what Pango consults when it picks a font for a character (the
tests compare it with fontTools' reading of the font file).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import tinycss2

BOOK_CSS = Path(__file__).with_name("book.css")
PACKAGE = "fonts-noto-cjk"  # the Debian package with Noto Serif/Sans CJK SC, TC, HK
GENERIC = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "math"}
# Page numbers and the contents' leaders are drawn by the stylesheet, not the HTML.
GENERATED = "0123456789."
_ROOT_RULE = re.compile(r"html(?::lang\(\s*([A-Za-z0-9-]+)\s*\))?")


class FontError(ValueError):
    """A font the book needs is missing or lacks a glyph; the message says which."""


@dataclass(frozen=True)
class Font:
    family: str
    file: str
    index: int  # the face in a collection (.ttc)
    charset: frozenset[int]  # code points the font maps to a glyph


def lang_matches(lang: str, wanted: str) -> bool:
    """CSS :lang(): zh-Hant matches zh-Hant and zh-Hant-TW, not zh-Hans."""
    lang, wanted = lang.lower(), wanted.lower()
    return lang == wanted or lang.startswith(wanted + "-")


def family_list(tokens: list) -> list[str] | None:
    """The family names of a font-family value; None if it is not a plain list."""
    families: list[str] = []
    for part in " ".join(tinycss2.serialize(tokens).split()).split(","):
        name = part.strip()
        if not name or "(" in name:  # var(), env(): not a literal stack
            return None
        families.append(name[1:-1] if name[0] in "\"'" else name)
    return families


def font_stacks(lang: str, css: Path = BOOK_CSS) -> dict[str, list[str]]:
    """The font stacks the stylesheet sets on <html lang=lang>, by property name."""
    stacks: dict[str, list[str]] = {}
    rules = tinycss2.parse_stylesheet(css.read_text(encoding="utf-8"), True, True)
    for rule in rules:
        if rule.type != "qualified-rule":
            continue
        selector = _ROOT_RULE.fullmatch(tinycss2.serialize(rule.prelude).strip())
        if not selector or (selector[1] and not lang_matches(lang, selector[1])):
            continue
        for decl in tinycss2.parse_blocks_contents(rule.content, True, True):
            if decl.type == "declaration" and (
                decl.name.startswith("--") or decl.lower_name == "font-family"
            ):
                families = family_list(decl.value)
                if families:
                    stacks[decl.name] = families  # later rules win, as in the cascade
    return stacks


def generated_text(css: Path = BOOK_CSS) -> str:
    """The strings the stylesheet's `content` properties add to the book."""
    out = [GENERATED]

    def walk(nodes: list) -> None:
        for node in nodes:
            if node.type in ("qualified-rule", "at-rule") and node.content:
                walk(tinycss2.parse_blocks_contents(node.content, True, True))
            elif node.type == "declaration" and node.lower_name == "content":
                out.extend(t.value for t in node.value if t.type == "string")

    walk(tinycss2.parse_stylesheet(css.read_text(encoding="utf-8"), True, True))
    return "".join(out)


def _fc_pattern(family: str) -> str:
    return re.sub(r"([\\:,-])", r"\\\1", family)


def fontconfig_font(family: str) -> tuple[str, Font | None]:
    """What fontconfig uses for `family`: (the family it picks, the font if it is `family`)."""
    if not shutil.which("fc-match"):
        raise FontError("fc-match not found: install fontconfig (Debian package fontconfig)")
    result = subprocess.run(
        ["fc-match", "-f", "%{family}\t%{file}\t%{index}\t%{charset}", _fc_pattern(family)],
        capture_output=True,
        text=True,
    )
    fields = result.stdout.split("\t")
    if result.returncode or len(fields) != 4:
        return "no font at all", None
    families, file, index, charset = fields
    picked = families.split(",")[0]
    if family.casefold() not in {f.strip().casefold() for f in families.split(",")}:
        return picked, None
    points: set[int] = set()
    for span in charset.split():
        first, _, last = span.partition("-")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return picked, Font(family, file, int(index or 0), frozenset(points))


def used_font(stack: list[str], where: str) -> Font:
    """The font a stack resolves to: its first named family that is installed."""
    named = [f for f in stack if f.lower() not in GENERIC]
    substitutes = []
    for family in named:
        picked, font = fontconfig_font(family)
        if font:
            return font
        substitutes.append(picked)
    raise FontError(
        f"{where}: font {(named or stack)[0]!r} is not installed (fontconfig would use "
        f"{substitutes[0] if substitutes else 'no font'}); install the Debian package {PACKAGE}"
    )


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)


def visible_characters(text: str) -> set[str]:
    """The characters that need a glyph: not controls, format marks or spaces."""
    return {c for c in set(text) if unicodedata.category(c)[0] not in "CZ"}


def check_book(document: str, lang: str, css: Path = BOOK_CSS) -> list[Font]:
    """Fail with FontError unless every stack book.css sets for `lang` has its font
    installed and that font has a glyph for every character of the book (HTML)."""
    parser = _Text()
    parser.feed(document)
    parser.close()
    chars = visible_characters("".join(parser.chunks) + generated_text(css))
    stacks = font_stacks(lang, css)
    if not stacks:
        raise FontError(f"{css}: no font stack set on html for {lang}")
    fonts = []
    for name, stack in stacks.items():
        font = used_font(stack, f"{css} ({name}, {lang})")
        lacking = sorted(c for c in chars if ord(c) not in font.charset)
        if lacking:
            shown = " ".join(f"{c} (U+{ord(c):04X})" for c in lacking[:10])
            more = f" and {len(lacking) - 10} more" if len(lacking) > 10 else ""
            raise FontError(
                f"{css} ({name}, {lang}): {font.family} ({font.file}) has no glyph for "
                f"{len(lacking)} character(s) of the book: {shown}{more}"
            )
        fonts.append(font)
    return fonts
