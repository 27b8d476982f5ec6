"""The handbook as a publication: what its cover, colophon and file metadata say.

The one place for the book's identity, for every edition that is a file to
take away (the PDF and the EPUB): title, editor, description, the collections
and their dates, the edition, the sources, version, date, identifier and
tools, and the few words the book itself adds, in each script.

The facts come from the built site, in the edition's script (its name,
`site_author` as the editor, `site_description`, each collection's title and
date), and from the converted pages in docs/ (which source files the essays
come from); the version from the installed package. The book's date is its
sources', never the clock's, so that two builds of the same text are the same
file and the PDF and the EPUB of one build state the same date:
SOURCE_DATE_EPOCH when set, else the last commit of the converted pages, else
their newest modification time (`source_date`).

What a writer reads from a `Publication` (the PDF's cover, colophon and
metadata do; an EPUB's can):

    pub.title         群众路线学习手册
    pub.subtitle      我们党群众路线内容          (the collections' titles)
    pub.edition       简体中文版
    pub.date_text     2022年8月28日              (the latest collection's date)
    pub.editor        群众路线学习手册编写组
    pub.colophon()    [("书名", "群众路线学习手册（简体中文版）"), ("编者", …), …]
    pub.subject, pub.keywords, pub.lang, pub.built   (the file's metadata)
    pub.identifier    urn:uuid:…                 (the same for every build of the edition)
    pub.words         the labels the book adds in its script (目录, 版权页 …)

`Publication.of` makes one from an edition of the built site (built_site.py).
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import subprocess
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import yaml

from .built_site import BuiltSite
from .editions import Edition

PACKAGE = "study-handbook"
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")

# The words the book adds, per script.
WORDS = {
    "Hans": {
        "edition": "简体中文版",
        "contents": "目录",
        "cover": "封面",
        "title_page": "书名页",
        "text": "正文",
        "back": "返回正文",
        "colophon": "版权页",
        "title": "书名",
        "collected": "收录",
        "essays": "篇",
        "sources": "底本",
        "editor": "编者",
        "edited": "编",
        "version": "版本",
        "built": "生成日期",
        "made": "制作",
        "made_with": "由 {tool} 自原始文本转换并排版",  # typeset: the PDF
        "converted_with": "由 {tool} 自原始文本转换生成",  # the EPUB
        "subject": "收录{collected}，附术语表",
        "tools": "所用软件",
        "script": "",
        "page_before": "第",
        "page_after": "页",
        "uses": "（{}处）",
    },
    "Hant": {
        "edition": "繁體中文版",
        "contents": "目錄",
        "cover": "封面",
        "title_page": "書名頁",
        "text": "正文",
        "back": "返回正文",
        "colophon": "版權頁",
        "title": "書名",
        "collected": "收錄",
        "essays": "篇",
        "sources": "底本",
        "editor": "編者",
        "edited": "編",
        "version": "版本",
        "built": "生成日期",
        "made": "製作",
        "made_with": "由 {tool} 自原始文本轉換並排版",  # typeset: the PDF
        "converted_with": "由 {tool} 自原始文本轉換生成",  # the EPUB
        "subject": "收錄{collected}，附術語表",
        "tools": "所用軟體",
        "script": "繁體字由 OpenCC 自簡體中文版轉換",
        "page_before": "第",
        "page_after": "頁",
        "uses": "（{}處）",
    },
}


def chinese_date(iso: str) -> str:
    """A date as Chinese books write it: 2022-08-28 → 2022年8月28日 (other text unchanged)."""
    return ISO_DATE.sub(lambda m: f"{int(m[1])}年{int(m[2])}月{int(m[3])}日", iso)


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

    @property
    def chinese_date(self) -> str:
        return chinese_date(self.date)


@dataclass(frozen=True)
class Publication:
    """One edition of the handbook as a book."""

    title: str
    editor: str
    description: str
    lang: str  # BCP 47
    script: str  # Hans or Hant
    collections: tuple[CollectionFacts, ...]
    sources: tuple[str, ...]  # the raw text files, as named in source/
    built: datetime  # the sources' date (source_date)
    keywords: tuple[str, ...] = ()
    tools: tuple[str, ...] = ()  # e.g. "WeasyPrint 70.0"; the colophon names them
    typeset: bool = False  # laid out into pages (the PDF), not reflowed (the EPUB)
    version: str = importlib.metadata.version(PACKAGE)

    @classmethod
    def of(
        cls,
        site: BuiltSite,
        edition: Edition,
        collections: tuple[CollectionFacts, ...],
        docs: Path,
        *,
        keywords: tuple[str, ...] = (),
        tools: tuple[str, ...] = (),
        typeset: bool = False,
    ) -> Publication:
        """The edition of the built site `site` as a book; `docs`, the pages it
        was built from, give its sources and its date."""
        return cls(
            title=site.name,
            editor=site.editor,
            description=site.description,
            lang=edition.lang,
            script=edition.script,
            collections=collections,
            sources=source_files(docs),
            built=source_date(docs),
            keywords=keywords,
            tools=tools,
            typeset=typeset,
        )

    @property
    def words(self) -> dict[str, str]:
        return WORDS[self.script]

    @property
    def tool(self) -> str:
        return f"{PACKAGE} {self.version}"

    @property
    def edition(self) -> str:
        return self.words["edition"]

    @property
    def identifier(self) -> str:
        """The same for every build of this edition: named by its title and language."""
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{PACKAGE}:{self.title}:{self.lang}')}"

    @property
    def subtitle(self) -> str:
        """The collections' titles: 我们党群众路线内容 (several joined by 、)."""
        return "、".join(c.title for c in self.collections if c.title)

    @property
    def date_text(self) -> str:
        """The latest collection's date in Chinese form (2022年8月28日); "" if none gives one."""
        dates = sorted(c.date for c in self.collections if ISO_DATE.fullmatch(c.date))
        return chinese_date(dates[-1]) if dates else ""

    @property
    def collected(self) -> str:
        """《我们党群众路线内容》5篇（2022年8月28日）"""
        return "；".join(
            f"《{c.title}》{c.essays}{self.words['essays']}"
            + (f"（{c.chinese_date}）" if c.date else "")
            for c in self.collections
        )

    @property
    def subject(self) -> str:
        """What the book holds, for the PDF's Subject."""
        return self.words["subject"].format(collected=self.collected)

    def colophon(self) -> list[tuple[str, str]]:
        """(label, text) lines of the colophon page."""
        w = self.words
        lines = [
            (w["title"], f"{self.title}（{self.edition}）"),
            (w["editor"], self.editor),
            (w["collected"], self.collected),
            (w["sources"], "、".join(self.sources)),
            (w["version"], self.version),
            (w["built"], chinese_date(self.built.date().isoformat())),
            (
                w["made"],
                w["made_with" if self.typeset else "converted_with"].format(tool=self.tool),
            ),
            (w["tools"], "、".join(self.tools)),
        ]
        if w["script"]:
            lines.append(("", w["script"]))
        return [(label, text) for label, text in lines if text]


def source_files(docs: Path) -> tuple[str, ...]:
    """The raw text files the converted essay pages name in their front matter."""
    found: set[str] = set()
    for page in docs.glob("*/essay-*.md"):
        head = page.read_text(encoding="utf-8").split("\n---\n", 1)[0].removeprefix("---\n")
        source = (yaml.safe_load(head) or {}).get("source") or {}
        if source.get("file"):
            found.add(str(source["file"]))
    return tuple(sorted(found))
