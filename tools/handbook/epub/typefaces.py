"""The fonts of the book: found, checked, and, when asked, embedded as subsets.

The stylesheet's font stack per language is the one fonts.py reads for the
PDF: for the edition's language, its first family that fontconfig has is the
book's font. Embedding (a setting: `--fonts embed`, `make EPUB_FONTS=embed`)
checks with fonts.check_book that the font has a glyph for every character of
the book, then subsets it with fontTools to exactly those characters, so that
a reader set to "publisher font" shows the book in its own font and not in
whatever the device has, or nothing. The cover image is drawn in the same font.
"""

from __future__ import annotations

import io
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

from ..fonts import Font, check_book, font_stacks, used_font, visible_characters

STYLE_CSS = Path(__file__).with_name("style.css")


def book_font(lang: str) -> Font:
    """The font the stylesheet's stack gives the language on this machine (FontError if none)."""
    stack = font_stacks(lang, STYLE_CSS)["font-family"]
    return used_font(stack, f"{STYLE_CSS} (font-family, {lang})")


def font_file_name(font: Font) -> str:
    return "fonts/" + "".join(c for c in font.family if c.isalnum()) + ".otf"


def subset_font(font: Font, text: str) -> bytes:
    """The font reduced to the characters of `text`, as an OpenType file."""
    # No bounding boxes recomputed and the hints kept: each would redraw every glyph.
    face = TTFont(
        font.file, fontNumber=font.index, recalcTimestamp=False, recalcBBoxes=False, lazy=True
    )
    options = subset.Options()
    options.name_IDs = ["*"]  # the family name readers show, the licence
    options.name_languages = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(visible_characters(text))))
    subsetter.subset(face)
    out = io.BytesIO()
    face.save(out)
    return out.getvalue()


def embedded_fonts(documents: list[str], lang: str) -> tuple[str, list[tuple[str, bytes]]]:
    """The @font-face rules and the subset font files for a book of these
    XHTML documents; FontError (a ValueError) before anything is written
    when a font or a glyph is missing."""
    book = "".join(documents)
    faces, files = [], []
    for font in check_book(book, lang, STYLE_CSS):
        name = font_file_name(font)
        faces.append(f'@font-face {{ font-family: "{font.family}"; src: url({name}); }}\n')
        files.append((name, subset_font(font, book)))
    return "".join(faces), files
