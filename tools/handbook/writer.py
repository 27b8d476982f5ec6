"""Stage 4: write the handbook as Markdown pages with YAML front matter.

`render` turns the model into {relative path: text}; `write_pages` puts those
files into the output folder safely: it checks everything first, then
replaces files one by one, and records what it wrote in a manifest so that it
never touches a file it did not write or one edited by hand since.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .addresses import essay_page
from .model import Article, Author, Byline, Collection, Essay, Handbook, Heading, Paragraph

MANIFEST = ".handbook-manifest.json"

# Characters Markdown (with the extensions in mkdocs.yml) could read as markup;
# all of them are ones Python-Markdown un-escapes, so the page shows them as is.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>&])")
ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def escape(text: str) -> str:
    """Text as written, never markup: every special character is escaped."""
    return MARKDOWN_SPECIAL.sub(lambda m: ENTITIES.get(m.group(1), "\\" + m.group(1)), text)


# libyaml's emitter when PyYAML has it (ten times faster), the same output otherwise.
SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def front_matter(meta: dict) -> str:
    body = yaml.dump(meta, Dumper=SafeDumper, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{body}---\n"


def authors_meta(authors: list[Author]) -> list[dict]:
    return [{k: v for k, v in vars(a).items() if v} for a in authors]


# A paragraph's text → Markdown; the glossary stage swaps in one that links terms.
InlineRenderer = Callable[[Essay, Paragraph], str]


def plain_inline(essay: Essay, paragraph: Paragraph) -> str:
    return escape(paragraph.text)


def render(
    handbook: Handbook,
    inline: InlineRenderer = plain_inline,
    extra_meta: Callable[[Essay], dict] | None = None,
) -> dict[str, str]:
    """All pages of the handbook, keyed by path relative to the docs folder."""
    pages = {"index.md": render_home(handbook)}
    for collection in handbook.collections:
        pages[f"{collection.slug}/index.md"] = render_collection(collection)
        for essay in collection.essays:
            meta = essay_meta(collection, essay)
            if extra_meta:
                meta |= extra_meta(essay)
            pages[essay_page(collection.slug, essay.slug)] = front_matter(meta) + render_essay(
                essay, inline
            )
    return pages


def essay_meta(collection: Collection, essay: Essay) -> dict:
    articles = []
    for i, article in enumerate(essay.articles):
        authors = [a for b in article.bylines for a in b.authors]
        if i == 0:
            authors = [a for b in essay.bylines for a in b.authors] + authors
        articles.append({"title": article.title or essay.title, "authors": authors_meta(authors)})
    meta = {
        "title": essay.title,
        "number": essay.number,
        "marker": essay.marker,
        "subtitle": essay.subtitle,
        "authors": authors_meta(essay.authors),
        "date": collection.date,
        "articles": articles,
        "source": {"file": collection.source.name, "lines": [essay.line, essay.last_line]},
        "characters": essay.characters,
        "reading_minutes": essay.reading_minutes,
        "description": essay.description,
    }
    return {k: v for k, v in meta.items() if v not in (None, [], "")}


def render_essay(essay: Essay, inline: InlineRenderer) -> str:
    out = ["# " + " ".join(escape(t) for t in (essay.marker, essay.title) if t)]
    if essay.subtitle:
        out.append(f"{escape(essay.subtitle)}\n{{: .essay-subtitle }}")
    out += [render_byline(b) for b in essay.bylines]
    titled = any(a.title for a in essay.articles)
    for article in essay.articles:
        out += render_article(essay, article, titled, inline)
    return "\n\n".join(out) + "\n"


def render_article(
    essay: Essay, article: Article, titled: bool, inline: InlineRenderer
) -> list[str]:
    out = []
    if article.title:
        out.append(f"## {escape(article.title)} {{#{article.anchor} }}")
    base = 2 if titled else 1
    for block in article.blocks:
        if isinstance(block, Heading):
            level = min(6, base + block.depth)
            out.append(f"{'#' * level} {escape(block.text)} {{#{block.anchor} }}")
        elif isinstance(block, Paragraph):
            out.append(f"{inline(essay, block)}\n{{: #{block.anchor} }}")
        else:
            out.append(render_byline(block))
    return out


def render_byline(byline: Byline) -> str:
    return f"{escape(byline.text)}\n{{: .byline }}"


def essay_list(collection: Collection, link_prefix: str) -> list[str]:
    lines = []
    for essay in collection.essays:
        link = f"{link_prefix}{essay.slug}.md"
        lines.append(
            f"- [{escape(essay.marker)} {escape(essay.title)}]({link})  \n"
            f"  {escape(essay.description)}  \n"
            f"  <small>{essay.characters} 字 · 约 {essay.reading_minutes} 分钟</small>"
        )
    return lines


def collection_header(collection: Collection, level: str) -> list[str]:
    out = [f"{level} {escape(collection.title)}"]
    if collection.date:
        out.append(f"{escape(collection.date)}\n{{: .collection-date }}")
    out += [escape(p.text) for p in collection.preface]
    return out


def render_collection(collection: Collection) -> str:
    meta = {
        "title": collection.title,
        "date": collection.date,
        "description": f"{collection.title}\uff1a{len(collection.essays)} 篇",
    }
    meta = {k: v for k, v in meta.items() if v}
    meta["search"] = {"exclude": True}  # the home page lists the same; search shows it once
    out = collection_header(collection, "#") + essay_list(collection, "")
    return front_matter(meta) + "\n\n".join(out) + "\n"


def render_home(handbook: Handbook) -> str:
    single = len(handbook.collections) == 1
    out: list[str] = []
    for collection in handbook.collections:
        out += collection_header(collection, "#" if single else "##")
        out += essay_list(collection, f"{collection.slug}/")
    # the nav lists the home page as 首页; its heading names the collection
    meta = {"title": "首页", "description": "、".join(c.title for c in handbook.collections)}
    if not single:
        out.insert(0, "# 学习手册")
    return front_matter(meta) + "\n\n".join(out) + "\n"


# --- writing safely -------------------------------------------------------------


class OutputError(Exception):
    """The output folder holds something the converter must not touch."""


@dataclass
class WritePlan:
    write: dict[str, bytes] = field(default_factory=dict)  # encoded pages to write
    unchanged: list[str] = field(default_factory=list)
    delete: list[str] = field(default_factory=list)
    digests: dict[str, str] = field(default_factory=dict)  # of every page, for the manifest


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load_manifest(out: Path) -> dict[str, str]:
    path = out / MANIFEST
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))["files"]
    except (ValueError, KeyError) as err:
        raise OutputError(
            f"{path}: unreadable manifest ({err}); remove it to start afresh"
        ) from None


def plan_writes(pages: dict[str, str], out: Path, force: bool = False) -> WritePlan:
    """Decide every change before making one, refusing the unsafe ones."""
    manifest = load_manifest(out)
    plan = WritePlan()
    problems = []
    for rel, text in sorted(pages.items()):
        data = text.encode("utf-8")
        plan.digests[rel] = digest(data)
        target = out / rel
        if not target.exists():
            plan.write[rel] = data
            continue
        current = target.read_bytes()
        if current == data:
            plan.unchanged.append(rel)
        elif rel not in manifest:
            problems.append(f"{target}: not written by handbook; it will not be overwritten")
        elif digest(current) != manifest[rel] and not force:
            problems.append(
                f"{target}: edited by hand since it was generated (use --force to overwrite)"
            )
        else:
            plan.write[rel] = data
    for rel in sorted(set(manifest) - set(pages)):
        target = out / rel
        if not target.exists():
            continue
        if digest(target.read_bytes()) != manifest[rel] and not force:
            problems.append(
                f"{target}: no longer generated but edited by hand (use --force to remove)"
            )
        else:
            plan.delete.append(rel)
    if problems:
        raise OutputError("\n".join(problems))
    return plan


def write_pages(
    pages: dict[str, str],
    out: Path,
    force: bool = False,
    progress: Callable[[str], None] | None = None,
) -> WritePlan:
    """Write pages into `out`; refuses (and writes nothing) when a file is unsafe."""
    plan = plan_writes(pages, out, force)
    staged = []
    try:
        for n, (rel, data) in enumerate(plan.write.items(), start=1):
            if progress and n % 50 == 0:
                progress(f"writing {n}/{len(plan.write)} files")
            target = out / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".md")
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            staged.append((tmp, target))
    except OSError:
        for tmp, _ in staged:
            os.unlink(tmp)
        raise
    for tmp, target in staged:
        os.replace(tmp, target)
    for rel in plan.delete:
        (out / rel).unlink()
        folder = (out / rel).parent
        if folder != out and not any(folder.iterdir()):
            folder.rmdir()  # the folder of a text no longer converted
    manifest = {"generator": "handbook", "files": plan.digests}
    (out / MANIFEST).write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return plan
