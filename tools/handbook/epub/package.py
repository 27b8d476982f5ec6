"""The EPUB container: the package document and the OCF zip, written by hand.

The zip is what EPUB 3's Open Container Format asks: `mimetype` first,
stored, then META-INF/container.xml naming the package document, then the
book's files. Every entry has the same time (the book's date) and fixed
attributes, and the entries come in the order given, so the same book is the
same bytes.
"""

from __future__ import annotations

import html
import os
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..publication import Publication

FOLDER = "EPUB"  # the book's files inside the zip
PACKAGE_FILE = "package.opf"
CONTAINER = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n'
    f'<rootfiles><rootfile full-path="{FOLDER}/{PACKAGE_FILE}" '
    'media-type="application/oebps-package+xml"/></rootfiles>\n</container>\n'
)
MEDIA_TYPES = {
    ".xhtml": "application/xhtml+xml",
    ".css": "text/css",
    ".ncx": "application/x-dtbncx+xml",
    ".png": "image/png",
    ".otf": "font/otf",
}


@dataclass(frozen=True)
class Item:
    """A file of the book: its name inside EPUB/, its bytes, and its place."""

    name: str
    data: bytes
    properties: str = ""  # nav, cover-image …
    spine: bool = False  # read in order, where it is listed

    @property
    def id(self) -> str:
        return "f-" + "".join(c if c.isalnum() or c in "-_." else "_" for c in self.name)


def opf(pub: Publication, items: list[Item], ncx: str, cover_image: str | None) -> str:
    """The package document: metadata, every file, the reading order."""
    e = html.escape
    modified = pub.built.strftime("%Y-%m-%dT%H:%M:%SZ")
    meta = [
        f'<dc:identifier id="book-id">{e(pub.identifier)}</dc:identifier>',
        f"<dc:title>{e(pub.title)}</dc:title>",
        f"<dc:language>{e(pub.lang)}</dc:language>",
        f"<dc:date>{pub.built.date().isoformat()}</dc:date>",
        f'<meta property="dcterms:modified">{modified}</meta>',
    ]
    if pub.editor:
        meta += [
            f'<dc:creator id="editor">{e(pub.editor)}</dc:creator>',
            '<meta refines="#editor" property="role" scheme="marc:relators">edt</meta>',
        ]
    if pub.description:
        meta.append(f"<dc:description>{e(pub.description)}</dc:description>")
    if cover_image:  # for EPUB 2 readers' library views
        meta.append(f'<meta name="cover" content="{Item(cover_image, b"").id}"/>')
    manifest = []
    for item in items:
        kind = MEDIA_TYPES[Path(item.name).suffix]
        props = f' properties="{item.properties}"' if item.properties else ""
        manifest.append(f'<item id="{item.id}" href="{item.name}" media-type="{kind}"{props}/>')
    spine = [f'<itemref idref="{item.id}"/>' for item in items if item.spine]
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
        f'unique-identifier="book-id" xml:lang="{e(pub.lang)}">\n'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        + "\n".join(meta)
        + "\n</metadata>\n<manifest>\n"
        + "\n".join(manifest)
        + f'\n</manifest>\n<spine toc="{Item(ncx, b"").id}">\n'
        + "\n".join(spine)
        + "\n</spine>\n</package>\n"
    )


def zip_time(when: datetime) -> tuple[int, int, int, int, int, int]:
    """A zip entry's time: the book's date (the format starts in 1980)."""
    return max(
        (when.year, when.month, when.day, when.hour, when.minute, when.second),
        (1980, 1, 1, 0, 0, 0),
    )


def write_ocf(target: Path, files: list[tuple[str, bytes]], when: datetime) -> None:
    """Write the zip to `target` in one step (a reader never sees half a book)."""
    stamp = zip_time(when)
    entries = [
        ("mimetype", b"application/epub+zip"),
        ("META-INF/container.xml", CONTAINER.encode()),
    ]
    entries += [(f"{FOLDER}/{name}", data) for name, data in files]
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".epub-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out, zipfile.ZipFile(out, "w") as archive:
            for name, data in entries:
                info = zipfile.ZipInfo(name, stamp)
                info.external_attr = 0o644 << 16
                info.create_system = 3  # Unix, whatever system writes it
                if name == "mimetype":
                    info.compress_type = zipfile.ZIP_STORED
                    archive.writestr(info, data)
                else:
                    info.compress_type = zipfile.ZIP_DEFLATED
                    archive.writestr(info, data, compresslevel=9)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
