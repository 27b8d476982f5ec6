"""Half-width marks for compression between marks, in a small font of their own.

The fonts' `halt` feature sets a mark half-width by positioning it (OpenType
GPOS): the PDF still gives the glyph its full width, so its box overlaps the
next character by half an em, and poppler — pdftotext, and Evince's copy and
search — then splits the line there and puts the marks out of order. A glyph
that is half-width in its own font keeps the text whole. This module draws
the marks of the edition's body font into such a font: a closing mark keeps
its left half (where the Simplified forms put the ink), an opening mark its
right half. It is made when the book is (about a second, reading the CJK
font's outlines), handed to WeasyPrint as a data: URL, and used only by the
marks `punctuation.prepare` puts in spans.

At the end of a line nothing follows a mark, so there `justify` uses the
font's own `halt`.
"""

from __future__ import annotations

import base64
import functools
import io

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

from ..chars import NO_LINE_END, NO_LINE_START
from ..fonts import font_stacks, used_font
from .punctuation import HALT_CLASS

FAMILY = "Handbook Half-width Marks"


@functools.cache
def halfwidth_font(lang: str) -> bytes:
    """An OpenType (CFF) font with the full-width marks of the body font (book.css's
    --serif for `lang`) at half width."""
    body = used_font(font_stacks(lang)["--serif"], f"--serif ({lang})")
    source = TTFont(body.file, fontNumber=body.index, lazy=True)
    upem = source["head"].unitsPerEm
    half = upem // 2
    glyphs, cmap = source.getGlyphSet(), source.getBestCmap()
    order, mapping, outlines = [".notdef"], {}, {".notdef": T2CharStringPen(half, None)}
    for mark in NO_LINE_START + NO_LINE_END:
        if ord(mark) not in cmap:
            continue
        name = f"uni{ord(mark):04X}"
        pen = T2CharStringPen(half, None)
        shift = -half if mark in NO_LINE_END else 0  # an opening mark's ink is on its right
        glyphs[cmap[ord(mark)]].draw(TransformPen(pen, (1, 0, 0, 1, shift, 0)))
        order.append(name)
        mapping[ord(mark)] = name
        outlines[name] = pen
    hhea, os2 = source["hhea"], source["OS/2"]
    builder = FontBuilder(upem, isTTF=False)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap(mapping)
    builder.setupCFF(
        "HandbookHalfWidthMarks",
        {"FullName": FAMILY},
        {name: pen.getCharString() for name, pen in outlines.items()},
        {},
    )
    builder.setupHorizontalMetrics({name: (half, 0) for name in order})
    # The body font's vertical metrics, so that a line holding a mark is no taller.
    builder.setupHorizontalHeader(ascent=hhea.ascent, descent=hhea.descent)
    builder.setupNameTable({"familyName": FAMILY, "styleName": "Regular"})
    builder.setupOS2(
        sTypoAscender=os2.sTypoAscender,
        sTypoDescender=os2.sTypoDescender,
        sTypoLineGap=os2.sTypoLineGap,
        usWinAscent=os2.usWinAscent,
        usWinDescent=os2.usWinDescent,
    )
    builder.setupPost()
    out = io.BytesIO()
    builder.save(out)
    return out.getvalue()


def stylesheet(lang: str) -> str:
    """The @font-face rule and the spans' font, for the book's <style>."""
    data = base64.b64encode(halfwidth_font(lang)).decode()
    return (
        f'@font-face {{ font-family: "{FAMILY}"; src: url(data:font/otf;base64,{data}); }}\n'
        f'.{HALT_CLASS} {{ font-family: "{FAMILY}", var(--serif); }}'
    )
