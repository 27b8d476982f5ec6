"""The search index of one edition, split so that a query fetches only what it needs.

Every page's sections are folded (folding.py) and read as one string each:
title, a line break, text. Written under the edition's search/ folder:

    manifest.json  fold table for the text's characters; pages (address,
                   title, kind, names of a glossary entry); sections (anchor,
                   title length, length); where each shard's keys start
    k/N.json       for each character and each pair of characters, the
                   sections holding it: how often, and whether in the title
    p/N.json       for each pair, where it occurs in each of those sections
    t/N.json       titles and texts of a run of whole pages (snippets)

A term of one or two characters is answered by its k entry; a longer one by
the positions of pairs that cover it (群众路线: 群众 at p, 路线 at p + 2), which
is exact without reading any text. Keys are sorted in UTF-16 order, as the
browser compares strings, and shards cut where they pass a size; the manifest
lists each shard's first key and size. Numbers are written as base-64
variable-length digits (see `vlq`), deltas wherever they grow.

The offline edition, opened from disk where a page may not fetch files,
gets the same data as scripts: `__handbookSearch("k/3", {...})`.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..chars import CLAUSE_END
from .folding import fold, table_for
from .pages import Kind, Section, page_kind

FORMAT = 1
DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
CONTINUE = 32  # a digit's sixth bit: more digits follow
SCRIPT_CALLBACK = "__handbookSearch"
# Where a clause ends: a snippet starts after one, or at a block's start.
CLAUSE_BREAKS = CLAUSE_END + "\n"


@dataclass(frozen=True)
class SearchSettings:
    """Shard sizes, in bytes of JSON before compression (served gzipped, a
    third to a half of that goes over the network)."""

    key_shard_bytes: int = 12_000
    text_shard_bytes: int = 24_000

    @classmethod
    def from_config(cls, value: Any) -> SearchSettings:
        """From `extra.search` in mkdocs.yml: a mapping of the fields above."""
        if value is None:
            return cls()
        if not isinstance(value, dict) or not set(value) <= set(cls.__dataclass_fields__):
            raise ValueError(f"extra.search: expected keys of {sorted(cls.__dataclass_fields__)}")
        if not all(isinstance(v, int) and v > 0 for v in value.values()):
            raise ValueError("extra.search: sizes are positive whole numbers of bytes")
        return cls(**value)


def _digits(n: int) -> str:
    out = ""
    while True:
        low, n = n & 31, n >> 5
        out += DIGITS[low | (CONTINUE if n else 0)]
        if not n:
            return out


_LAST = list(DIGITS[:32])  # a number's last digit
_MORE = [DIGITS[32 | low] for low in range(32)]  # a digit more follow
# Every number of up to three digits (below 2¹⁵), low bits first: what _digits gives.
SMALL = (
    _LAST
    + [_MORE[low] + _LAST[high] for high in range(1, 32) for low in range(32)]
    + [
        _MORE[low] + _MORE[mid] + _LAST[high]
        for high in range(1, 32)
        for mid in range(32)
        for low in range(32)
    ]
)


# The same, each for the number one more: what a number ≥ 1 is written as
# minus one, looked up without subtracting (the first entry is never read).
SMALL_LESS_ONE = ["", *SMALL]


def vlq(numbers: list[int], less: int = 0) -> str:
    """Whole numbers ≥ `less` (each written minus `less`, `less` 0 or 1) as
    base-64 digits, five bits each, low bits first: vlq([0, 31, 32]) == "Af" "gB"."""
    table = SMALL_LESS_ONE if less else SMALL
    if numbers and max(numbers) >= len(table):
        return "".join(_digits(n - less) for n in numbers)
    return "".join(map(table.__getitem__, numbers))


def utf16_order(key: str) -> bytes:
    return key.encode("utf-16-be")


@dataclass
class Page:
    url: str
    title: str
    kind: Kind
    names: list[str]  # a glossary entry's term and aliases
    sections: list[Section]


@dataclass
class Postings:
    """One key's sections, two numbers each (section, occurrences × 2 +
    whether the title holds it), and for a pair of characters where it
    occurs in each of those sections in turn."""

    sections: list[int] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)

    def encoded(self) -> tuple[str, str]:
        """Both lists as digits; each number is at least 1 once section and
        position numbers are deltas (the first one counted from -1)."""
        ids = self.sections[0::2]
        numbers = self.sections[:]
        numbers[0] += 1
        numbers[2::2] = map(int.__sub__, ids[1:], ids)
        return vlq(numbers, less=1), vlq(self.positions, less=1)


class SearchIndex:
    """Collects an edition's pages as they are built; `write` makes the index."""

    def __init__(self, settings: SearchSettings | None = None) -> None:
        self.settings = settings or SearchSettings()
        self.pages: dict[str, Page] = {}

    def add_page(
        self, path: str, url: str, title: str, meta: dict[str, Any], sections: list[Section]
    ) -> None:
        """A page of the edition: its path under docs/, URL from the edition's
        root, title, front matter (`search: exclude: true` leaves it out) and
        sections (sections.py; a glossary entry's first is searched)."""
        kind = page_kind(path)
        search = meta.get("search")
        if kind is Kind.NAVIGATION or (isinstance(search, dict) and search.get("exclude")):
            return
        names = [title, *meta.get("aliases", [])] if kind is Kind.TERM else []
        self.pages[url] = Page(
            url, title, kind, names, sections[:1] if kind is Kind.TERM else sections
        )

    def ordered(self) -> list[Page]:
        """The pages that have sections, essays in reading order (their
        addresses' order), then glossary entries."""
        urls = sorted(self.pages, key=lambda u: (self.pages[u].kind != Kind.ESSAY, u))
        return [self.pages[url] for url in urls if self.pages[url].sections]

    def write(self, folder: Path, as_scripts: bool = False) -> dict[str, int]:
        """Write the index of the pages into `folder` (the edition's search/);
        the bytes of each part written."""
        pages = self.ordered()
        sections = [s for page in pages for s in page.sections]
        strings = [fold(s.title) + "\n" + fold(s.text) for s in sections]
        keys = self._postings(sections, strings)
        ident = hashlib.sha1(
            json.dumps(
                [[p.url, p.title, p.names] for p in pages] + strings, ensure_ascii=False
            ).encode()
        ).hexdigest()[:12]
        writer = _Writer(folder, ident, as_scripts)
        for sub in ("k", "p", "t"):
            shutil.rmtree(folder / sub, ignore_errors=True)
        order = sorted(keys, key=utf16_order)
        encoded = {key: keys[key].encoded() for key in order}
        k_first, k_bytes = writer.shards(
            "k",
            [(key, encoded[key][0]) for key in order],
            self.settings.key_shard_bytes,
        )
        pairs = [(key, encoded[key][1]) for key in order if len(key) == 2]
        p_first, p_bytes = writer.shards("p", pairs, self.settings.key_shard_bytes)
        t_first = writer.texts(pages, self.settings.text_shard_bytes)
        characters = {c for s in sections for c in s.title + s.text}
        manifest = {
            "format": FORMAT,
            "id": ident,
            "breaks": CLAUSE_BREAKS,
            "fold": "".join(c + r for c, r in sorted(table_for(characters).items())),
            "pages": {
                "url": [p.url for p in pages],
                "title": [p.title for p in pages],
                "kind": [p.kind.value for p in pages],
                "sections": vlq([len(p.sections) for p in pages]),
                "names": {str(i): p.names for i, p in enumerate(pages) if p.names},
            },
            "sections": {
                "anchor": [s.anchor for s in sections],
                "title": vlq([len(s.title) for s in sections]),
                "length": vlq([len(s) for s in strings]),
            },
            "keys": {"k": k_first, "kbytes": k_bytes, "p": p_first, "pbytes": p_bytes},
            "texts": t_first,
        }
        writer.file("manifest", manifest)
        return writer.written

    @staticmethod
    def _postings(sections: list[Section], strings: list[str]) -> dict[str, Postings]:
        keys: dict[str, Postings] = {}
        for number, (section, string) in enumerate(zip(sections, strings, strict=True)):
            title_length = len(section.title)
            in_title = Counter(string[:title_length])
            for char, n in Counter(string).items():
                t = in_title[char]
                if (postings := keys.get(char)) is None:
                    postings = keys[char] = Postings()
                postings.sections += (number, n * 2 + (t > 0))
            where: dict[str, list[int]] = {}
            for i, pair in enumerate(map(str.__add__, string, string[1:])):
                if (found := where.get(pair)) is None:
                    where[pair] = [i]
                else:
                    found.append(i)
            for pair, found in where.items():
                t = bisect_left(found, title_length)
                if (postings := keys.get(pair)) is None:
                    postings = keys[pair] = Postings()
                postings.sections += (number, len(found) * 2 + (t > 0))
                postings.positions.append(found[0] + 1)
                if len(found) > 1:
                    postings.positions += map(int.__sub__, found[1:], found)
        # A query term holds no white space: keys with some are never looked up.
        return {key: p for key, p in keys.items() if not any(c.isspace() for c in key)}


class _Writer:
    def __init__(self, folder: Path, ident: str, as_scripts: bool) -> None:
        self.folder, self.ident, self.as_scripts = folder, ident, as_scripts
        self.written: dict[str, int] = {}

    def file(self, name: str, data: Any) -> int:
        body = json.dumps(
            {"id": self.ident, **data} if isinstance(data, dict) else data,
            ensure_ascii=False,
            separators=(",", ":"),
        )
        if self.as_scripts:
            body = f"{SCRIPT_CALLBACK}({json.dumps(name)},{body})"
        path = self.folder / f"{name}.{'js' if self.as_scripts else 'json'}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
        size = len(body.encode("utf-8"))
        part = name.split("/")[0]
        self.written[part] = self.written.get(part, 0) + size
        return size

    def shards(
        self, part: str, entries: list[tuple[str, str]], target: int
    ) -> tuple[list[str], list[int]]:
        """Cut sorted (key, data) entries into files of about `target` bytes."""
        first: list[str] = []
        sizes: list[int] = []
        batch: dict[str, str] = {}
        size = 0

        def flush() -> None:
            first.append(next(iter(batch)))
            sizes.append(self.file(f"{part}/{len(sizes)}", {"keys": batch}))

        for key, data in entries:
            if batch and size >= target:
                flush()
                batch, size = {}, 0
            batch[key] = data
            size += len(data) + 3 * len(key) + 6
        if batch:
            flush()
        return first, sizes

    def texts(self, pages: list[Page], target: int) -> list[int]:
        """Whole pages' titles and texts, runs of pages of about `target` bytes."""
        first: list[int] = []
        batch: list[list[list[str]]] = []
        size = 0
        for number, page in enumerate(pages):
            if batch and size >= target:
                self.file(f"t/{len(first) - 1}", {"pages": batch})
                batch, size = [], 0
            if not batch:
                first.append(number)
            batch.append([[s.title, s.text] for s in page.sections])
            size += sum(3 * (len(s.title) + len(s.text)) + 8 for s in page.sections)
        if batch:
            self.file(f"t/{len(first) - 1}", {"pages": batch})
        return first


def read_sections(folder: Path) -> dict[str, list[Section]]:
    """The sections an index written by `SearchIndex.write` holds, by page URL."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    urls, anchors = manifest["pages"]["url"], iter(manifest["sections"]["anchor"])
    found: dict[str, list[Section]] = {}
    for shard, first in enumerate(manifest["texts"]):
        data = json.loads((folder / "t" / f"{shard}.json").read_text(encoding="utf-8"))
        for page, sections in enumerate(data["pages"], start=first):
            found[urls[page]] = [Section(next(anchors), t, x) for t, x in sections]
    return found
