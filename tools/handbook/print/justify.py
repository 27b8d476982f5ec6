"""Inter-character justification and line-end compression, taught to WeasyPrint.

WeasyPrint 70 justifies a line by widening its spaces only
(`weasyprint.layout.inline.justify_line`); Chinese has no spaces, so every
line that a line-breaking rule shortens ends one to four characters early.
CSS Text 3 names the cure `text-justify: inter-character`: the line's extra
width is spread evenly between its characters. `install()` puts a
`justify_line` in WeasyPrint's place that does this for every justified line
whose language is Chinese (other lines keep WeasyPrint's own), as letter
spacing on each of the line's text boxes, so the PDF's text stays the
characters of the book and nothing is inserted.

Where the edition's convention compresses punctuation (`Convention.line_end`,
zh-Hans: GB/T 15834 and clreq §3.1.6), a closing mark that ends the line is
first set half-width with the font's `halt` feature, as a mainland typesetter
does, and the line is then justified flush.
"""

from __future__ import annotations

from weasyprint import __version__ as WEASYPRINT_VERSION
from weasyprint.formatting_structure import boxes
from weasyprint.layout import inline
from weasyprint.text.ffi import TO_UNITS, ffi, pango
from weasyprint.text.line_break import Layout, line_size

from .punctuation import ZERO_WIDTH_SPACE, convention

# The WeasyPrint whose justify_line and Layout this module was written against.
ENGINE = "70."
# Wider than this between two characters, a line is left ragged instead (a
# long unbreakable run, such as a web address, follows it): poppler reads a
# gap of a tenth of an em as a space, and copied text would gain spaces.
MAX_SPACING_EM = 0.09

_spaces_only = inline.justify_line


class SpacedLayout(Layout):
    """A text box's Pango layout with letter spacing between its characters,
    and optionally its last character set half-width (`halt`).

    WeasyPrint lays a box's text out again when it draws it (`reactivate`
    calls `set_text`), so the spacing is added in `set_text` itself."""

    def __init__(self, style, spacing: float, halve_last: bool) -> None:
        self.spacing, self.halve_last = spacing, halve_last
        super().__init__(style)

    def set_text(self, text: str, justify: bool = False) -> None:
        super().set_text(text, justify)
        attributes = pango.pango_layout_get_attributes(self.layout)
        if attributes == ffi.NULL:
            attributes = ffi.gc(pango.pango_attr_list_new(), pango.pango_attr_list_unref)
        spacing = int(self.spacing * TO_UNITS)
        start = 0
        # No spacing around a zero-width space (a break opportunity the book
        # gives Pango): it would double the gap where it stands.
        for piece in self.text.split(ZERO_WIDTH_SPACE):
            end = start + len(piece.encode())
            if piece and spacing:
                attribute = pango.pango_attr_letter_spacing_new(spacing)
                attribute.start_index, attribute.end_index = start, end
                pango.pango_attr_list_change(attributes, attribute)
            start = end + len(ZERO_WIDTH_SPACE.encode())
        if self.halve_last and self.text:
            length = len(self.text.encode())
            attribute = pango.pango_attr_font_features_new(b"halt")
            attribute.start_index = length - len(self.text[-1].encode())
            attribute.end_index = length
            pango.pango_attr_list_insert(attributes, attribute)
        pango.pango_layout_set_attributes(self.layout, attributes)


def text_boxes(box) -> list:
    """The text boxes of a line, in order, through its inline boxes."""
    if isinstance(box, boxes.TextBox):
        return [box]
    if isinstance(box, (boxes.LineBox, boxes.InlineBox)):
        return [t for child in box.children if child.is_in_normal_flow() for t in text_boxes(child)]
    return []


def characters(text: str) -> int:
    return len(text) - text.count(ZERO_WIDTH_SPACE)


def relayout(box, spacing: float, halve_last: bool) -> float:
    """Lay the box's text out again with the spacing; return how much wider it got."""
    layout = SpacedLayout(box.style, spacing, halve_last)
    layout.set_text(box.text)
    first_line, _ = layout.get_first_line()
    width, _ = line_size(first_line, box.style)
    layout.deactivate()
    box.pango_layout = layout
    grown = width - box.width
    box.width = width
    return grown


def justify_line(context, line, extra_width: float) -> None:
    """Spread `extra_width` between the characters of a justified Chinese line."""
    texts = text_boxes(line)
    rules = convention(line.style["lang"] or "")
    if rules is None or not texts:
        return _spaces_only(context, line, extra_width)
    last = texts[-1]
    # (A mark already half-width, print/halfwidth.py, has no `halt` to apply.)
    halve = bool(rules.line_end and last.text and last.text[-1] in rules.line_end)
    if halve:  # the half width the mark gives up goes into the spacing too
        extra_width -= relayout(last, 0, True)
    gaps = sum(characters(t.text) for t in texts) - 1
    font_size = line.style["font_size"]
    if gaps <= 0 or extra_width <= 0 or extra_width / gaps > MAX_SPACING_EM * font_size:
        return None
    spread(line, extra_width / gaps, last, halve, 0)
    return None


def spread(box, spacing: float, last, halve: bool, x_advance: float) -> float:
    """Widen the line's text boxes by `spacing` after each character (none
    after the line's last) and move everything after them along; as
    WeasyPrint's add_word_spacing does for spaces."""
    if isinstance(box, boxes.TextBox):
        box.position_x += x_advance
        if characters(box.text):
            x_advance += relayout(box, spacing, halve and box is last)
            if box is not last:
                box.width += spacing
                x_advance += spacing
    elif isinstance(box, (boxes.LineBox, boxes.InlineBox)):
        box.position_x += x_advance
        before = x_advance
        for child in box.children:
            if child.is_in_normal_flow():
                x_advance = spread(child, spacing, last, halve, x_advance)
        box.width += x_advance - before
    else:  # an atomic inline box: moved, not widened
        box.translate(x_advance, 0)
    return x_advance


def install() -> None:
    """Use inter-character justification for Chinese lines from now on."""
    if not WEASYPRINT_VERSION.startswith(ENGINE):
        raise RuntimeError(
            f"the print edition's justification is written for WeasyPrint {ENGINE}x, "
            f"not {WEASYPRINT_VERSION}: check weasyprint.layout.inline.justify_line"
        )
    inline.justify_line = justify_line
