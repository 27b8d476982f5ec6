"""The PDF's last touches, made in WeasyPrint's finisher before it is written.

- **Page labels** as the pages are numbered: the cover is 封面, the contents
  i, ii …, the essays and glossary 1, 2 … (book.css prints the same), the
  colophon 版权页. `Numbering` is the one owner of that scheme.
- **Bookmarks open on start** (/PageMode /UseOutlines).
- **Running heads and page numbers as artifacts.** WeasyPrint 70 marks the
  page-margin boxes' text as content with an MCID but leaves it out of the
  structure tree (PDF 1.7 has no place for it there); PDF/UA-1 asks for
  /Artifact, which copying and reading aloud skip. The finisher finds the
  marked content no structure element reaches and marks it /Artifact
  /Pagination.
- **XMP**: WeasyPrint writes title, creator, description, keywords, tool and
  dates; the language and the subjects are added.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass

import pydyf

from ..publication import Publication

# Page names of book.css that begin a range of page labels.
COVER, FRONT, OPENING, COLOPHON = "cover", "front", "opening", "colophon"
ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def roman(number: int) -> str:
    out = ""
    for value, letters in ROMAN:
        while number >= value:
            out, number = out + letters, number - value
    return out


@dataclass(frozen=True)
class Numbering:
    """How the pages are numbered, from their page names (book.css)."""

    names: tuple[str, ...]
    words: dict[str, str]

    def ranges(self) -> Iterator[tuple[int, str, str]]:
        """(first page index, style, prefix): where each range of labels begins."""
        previous = None
        for index, name in enumerate(self.names):
            if name == COVER and previous != COVER:
                yield index, "", self.words["cover"]
            elif name == FRONT and previous != FRONT:
                yield index, "r", ""
            elif name == OPENING and previous != OPENING:
                yield index, "D", ""
            elif name == COLOPHON and previous != COLOPHON:
                yield index, "", self.words["colophon"]
            previous = name

    def labels(self) -> list[str]:
        """Each page's label, as a reader's PDF viewer shows it."""
        out: list[str] = []
        starts = {index: (style, prefix) for index, style, prefix in self.ranges()}
        style, prefix, number = "D", "", 0
        for index in range(len(self.names)):
            if index in starts:
                (style, prefix), number = starts[index], 0
            number += 1
            shown = roman(number) if style == "r" else str(number) if style == "D" else ""
            out.append(prefix + shown)
        return out


def finisher(pub: Publication, numbering: Numbering):
    """WeasyPrint's `finisher`: called with the document and the pydyf PDF."""

    def finish(document, pdf: pydyf.PDF) -> None:
        pdf.catalog["PageMode"] = "/UseOutlines"
        pdf.catalog["PageLabels"] = page_labels(numbering)
        margins_as_artifacts(pdf)
        add_xmp(pdf, pub)

    return finish


def page_labels(numbering: Numbering) -> pydyf.Dictionary:
    nums = pydyf.Array()
    for index, style, prefix in numbering.ranges():
        label = pydyf.Dictionary()
        if style:
            label["S"] = f"/{style}"
        if prefix:
            label["P"] = pydyf.String(prefix)
        nums.extend([index, label])
    return pydyf.Dictionary({"Nums": nums})


def obj(pdf: pydyf.PDF, reference: bytes):
    return pdf.objects[int(reference.split()[0])]


def reachable(pdf: pydyf.PDF) -> set[bytes]:
    """References of every structure element the structure tree reaches."""
    root = obj(pdf, pdf.catalog["StructTreeRoot"])
    seen: set[bytes] = set()
    stack = [k for k in root["K"] if isinstance(k, bytes)]
    while stack:
        reference = stack.pop()
        if reference in seen:
            continue
        seen.add(reference)
        kids = obj(pdf, reference).get("K", ())
        stack.extend(k for k in kids if isinstance(k, bytes))
    return seen


def margins_as_artifacts(pdf: pydyf.PDF) -> None:
    """Marked content outside the structure tree (the margin boxes') as /Artifact."""
    tree = reachable(pdf)
    parent_tree = obj(pdf, obj(pdf, pdf.catalog["StructTreeRoot"])["ParentTree"])
    nums = parent_tree["Nums"]
    pages = [obj(pdf, reference) for reference in pdf.page_references]
    for key, elements in zip(nums[0::2], nums[1::2], strict=True):
        if not isinstance(elements, pydyf.Array) or key >= len(pages):
            continue
        stray = {mcid for mcid, element in enumerate(elements) if element not in tree}
        if not stray:
            continue
        for mcid in stray:
            elements[mcid] = b"null"
        stream = obj(pdf, pages[key]["Contents"]).stream
        for i, item in enumerate(stream):
            marks = isinstance(stream[i - 1], dict) and stream[i - 1].get("MCID") in stray
            if item == b"BDC" and marks:
                stream[i - 2] = "/Artifact"
                stream[i - 1] = pydyf.Dictionary({"Type": "/Pagination"})


def add_xmp(pdf: pydyf.PDF, pub: Publication) -> None:
    """dc:language and dc:subject in the XMP packet WeasyPrint wrote."""
    if "Metadata" not in pdf.catalog:
        return
    stream = obj(pdf, pdf.catalog["Metadata"]).stream
    subjects = "".join(f"<rdf:li>{html.escape(k)}</rdf:li>" for k in pub.keywords)
    extra = (
        '<rdf:Description xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" rdf:about="">'
        f"<dc:language><rdf:Bag><rdf:li>{html.escape(pub.lang)}</rdf:li></rdf:Bag></dc:language>"
        f"<dc:subject><rdf:Bag>{subjects}</rdf:Bag></dc:subject>"
        "</rdf:Description>"
    ).encode()
    packet = b"".join(stream)
    end = packet.rfind(b"</rdf:RDF>")
    if end >= 0:
        stream[:] = [packet[:end] + extra + packet[end:]]
