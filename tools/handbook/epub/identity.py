"""What the book says about itself: title, editor, collections and their
dates, the edition, version and date, and the few words the book adds.

The facts come from the built site, in the edition's script: its name, its
author (the editor), each collection's title and date. The date of the book
is taken from its sources, never from the clock, so that two builds of the
same text are the same file: SOURCE_DATE_EPOCH when set, else the last commit
of the converted pages, else their newest modification time.
"""

from __future__ import annotations

import importlib.metadata
import os
import subprocess
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..publication import chinese_date
from .pages import SiteEdition

PACKAGE = "study-handbook"

# The words the book adds, per script.
WORDS = {
    "Hans": {
        "edition": "简体中文版",
        "contents": "目录",
        "cover": "封面",
        "title_page": "书名页",
        "text": "正文",
        "colophon": "版权页",
        "back": "返回正文",
        "title": "书名",
        "editor": "编者",
        "collected": "收录",
        "essays": "篇",
        "version": "版本",
        "built": "生成日期",
        "made": "制作",
        "made_with": "由 {tool} 自原始文本转换生成",
        "script": "",
    },
    "Hant": {
        "edition": "繁體中文版",
        "contents": "目錄",
        "cover": "封面",
        "title_page": "書名頁",
        "text": "正文",
        "colophon": "版權頁",
        "back": "返回正文",
        "title": "書名",
        "editor": "編者",
        "collected": "收錄",
        "essays": "篇",
        "version": "版本",
        "built": "生成日期",
        "made": "製作",
        "made_with": "由 {tool} 自原始文本轉換生成",
        "script": "繁體字由 OpenCC 自簡體中文版轉換",
    },
}


def source_date(docs: Path) -> datetime:
    """When the book's text last changed (see the module's docstring)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    git = ["git", "-C", str(docs)]
    try:
        dirty = subprocess.run(
            [*git, "status", "--porcelain", "--", "."], capture_output=True, text=True, check=True
        ).stdout
        committed = subprocess.run(
            [*git, "log", "-1", "--format=%ct", "--", "."],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        dirty, committed = "", ""
    if committed and not dirty:
        return datetime.fromtimestamp(int(committed), tz=UTC)
    newest = max((p.stat().st_mtime for p in docs.rglob("*") if p.is_file()), default=0)
    return datetime.fromtimestamp(int(newest), tz=UTC)


@dataclass(frozen=True)
class CollectionFacts:
    title: str
    date: str  # as the site shows it (ISO), "" when the text gives none
    essays: int


@dataclass(frozen=True)
class Identity:
    """One edition of the handbook as a book."""

    title: str
    editor: str
    description: str
    lang: str  # BCP 47
    script: str  # Hans or Hant
    collections: tuple[CollectionFacts, ...]
    modified: datetime
    version: str = importlib.metadata.version(PACKAGE)

    @classmethod
    def of(cls, site: SiteEdition, script: str, docs: Path) -> Identity:
        return cls(
            title=site.name,
            editor=site.editor,
            description=site.description,
            lang=site.lang,
            script=script,
            collections=tuple(
                CollectionFacts(c.page.title, c.date, len(c.essays)) for c in site.collections
            ),
            modified=source_date(docs),
        )

    @property
    def words(self) -> dict[str, str]:
        return WORDS[self.script]

    @property
    def edition(self) -> str:
        return self.words["edition"]

    @property
    def identifier(self) -> str:
        """The same for every build of this edition: named by its title and language."""
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{PACKAGE}:{self.title}:{self.lang}')}"

    def colophon(self) -> list[tuple[str, str]]:
        """(label, text) lines of the colophon."""
        w = self.words
        collected = "；".join(
            f"《{c.title}》{c.essays} {w['essays']}"
            + (f"（{chinese_date(c.date)}）" if c.date else "")
            for c in self.collections
        )
        lines = [
            (w["title"], f"{self.title}（{self.edition}）"),
            (w["editor"], self.editor),
            (w["collected"], collected),
            (w["version"], self.version),
            (w["built"], chinese_date(self.modified.date().isoformat())),
            (w["made"], w["made_with"].format(tool=f"{PACKAGE} {self.version}")),
            ("", w["script"]),
        ]
        return [(label, text) for label, text in lines if text]
