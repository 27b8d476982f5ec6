"""Which printed page each place of the laid-out essays is on.

A place is an anchor (`c3-p11`) or a character of an element with an id
(`c3-p11@120`, its 120th visible character): a long paragraph runs over a
page, and the glossary refers to the page its words are on. The characters
are counted in the laid-out text boxes, page by page, as
`glossary.visible` counts them in the site's text.
"""

from __future__ import annotations

from weasyprint.document import Document
from weasyprint.formatting_structure import boxes

from .glossary import visible


class PageFinder:
    """The printed page (its label) of every place in a laid-out document."""

    def __init__(self, document: Document, labels: list[str]) -> None:
        self.anchors = {a: labels[n] for n, page in enumerate(document.pages) for a in page.anchors}
        self.ends: dict[str, list[tuple[int, str]]] = {}  # id → (characters up to here, page)
        counted: dict[str, int] = {}
        for n, page in enumerate(document.pages):
            found: dict[str, int] = {}
            self.count(page._page_box, None, found)
            for name, chars in found.items():
                counted[name] = counted.get(name, 0) + chars
                self.ends.setdefault(name, []).append((counted[name], labels[n]))

    def count(self, box, current: str | None, found: dict[str, int]) -> None:
        element = box.element
        name = element.get("id") if element is not None else None
        if name and name != current and not isinstance(box, boxes.TextBox):
            current = name
        if isinstance(box, boxes.TextBox) and current:
            found[current] = found.get(current, 0) + visible(box.text)
        for child in getattr(box, "children", ()):
            self.count(child, current, found)

    def __call__(self, place: str) -> str:
        anchor, _, offset = place.partition("@")
        for end, label in self.ends.get(anchor, []) if offset else []:
            if int(offset) < end:
                return label
        return self.anchors.get(anchor, "")
