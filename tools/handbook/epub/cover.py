"""The cover image: what a reading app shows on its shelf.

The same pub as the PDF's cover, drawn with Pillow in the book's font:
the handbook's name, each collection's title between two red rules and its
date, the editor, and the edition at the foot. A PNG of few colours, the same
bytes for the same book.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

from ..fonts import Font
from ..publication import Publication

SIZE = (1200, 1800)  # 2:3, the shape reading apps expect
MARGIN = 140
PAPER, INK, GREY, RED = (255, 255, 255), (17, 17, 17), (85, 85, 85), (183, 28, 28)


def wrapped(
    draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int
) -> list[str]:
    """The text in lines no wider than `width`, broken between characters
    (never before a closing mark: it stays on the line it closes)."""
    lines, line = [], ""
    for char in text:
        if (
            line
            and draw.textlength(line + char, font=font) > width
            and char not in "，。、；：）》”」"
        ):
            lines.append(line)
            line = ""
        line += char
    return [*lines, line] if line else lines


def centred(
    draw: ImageDraw.ImageDraw,
    y: int,
    lines: list[str],
    font: ImageFont.FreeTypeFont,
    fill: tuple[int, int, int],
    leading: float = 1.4,
) -> int:
    """Draw lines centred from height y; the height below the last one."""
    size = font.size
    for line in lines:
        draw.text((SIZE[0] // 2, y), line, font=font, fill=fill, anchor="mt")
        y += int(size * leading)
    return y


def cover_png(pub: Publication, font: Font) -> bytes:
    image = Image.new("RGB", SIZE, PAPER)
    draw = ImageDraw.Draw(image)

    def face(size: int) -> ImageFont.FreeTypeFont:
        return ImageFont.truetype(font.file, size, index=font.index)

    width = SIZE[0] - 2 * MARGIN
    series = face(52)
    y = centred(draw, 260, [" ".join(pub.title)], series, GREY)
    title, date = face(96), face(48)
    for collection in pub.collections:
        y += 70
        draw.rectangle((MARGIN, y, SIZE[0] - MARGIN, y + 5), fill=RED)
        y = centred(draw, y + 60, wrapped(draw, collection.title, title, width), title, INK)
        draw.rectangle((MARGIN, y + 10, SIZE[0] - MARGIN, y + 15), fill=RED)
        y += 60
        if collection.date:
            y = centred(draw, y, [collection.chinese_date], date, INK)
    small = face(44)
    foot = [pub.editor, pub.edition] if pub.editor else [pub.edition]
    centred(draw, SIZE[1] - 160 - 62 * (len(foot) - 1), foot, small, GREY)
    out = io.BytesIO()
    image.quantize(32, dither=Image.Dither.NONE).save(out, format="PNG", optimize=True)
    return out.getvalue()
