"""Stage 4: write the handbook as Markdown pages with YAML front matter.

`render` turns the model into {relative path: text}; `output.write_pages`
puts those files into the output folder safely.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import yaml

from .model import Article, Author, Byline, Collection, Essay, Handbook, Heading, Paragraph

# Characters Markdown (with the extensions in mkdocs.yml) could read as markup;
# all but `~` are ones Python-Markdown un-escapes, so the page shows them as
# is. `~` has no backslash escape, and `~~~` opens a fenced code block (MkDocs
# enables fenced_code): it is written as a character reference.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>&~])")
ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;", "~": "&#126;"}


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


def page_path(collection: Collection, essay: Essay) -> str:
    return f"{collection.slug}/{essay.slug}.md"


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
            pages[page_path(collection, essay)] = front_matter(meta) + render_essay(essay, inline)
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
