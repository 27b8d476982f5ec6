"""The Markdown writer: the model as pages with YAML front matter.

`render` turns a Handbook into {path under docs/: text}: the home page, a
page per collection and per essay, and the glossary's pages when the model
has a Glossary. It renders the model and nothing else: every inline kind has
its case in `render_inlines`, every link comes from `addresses`. Text is
escaped everywhere, so no markup from a source comes alive.
"""

from __future__ import annotations

import html
import re
from itertools import groupby

import yaml

from .addresses import (
    GLOSSARY_INDEX,
    HOME,
    anchored,
    collection_index,
    essay_page,
    link,
    term_page,
)
from .chars import COLON, LPAREN, RPAREN
from .model import (
    CATEGORIES,
    Article,
    Author,
    Byline,
    Collection,
    Essay,
    Glossary,
    Handbook,
    Heading,
    Inline,
    Occurrence,
    Paragraph,
    Passage,
    Term,
    TermLink,
    Text,
)

# Characters Markdown (with the extensions in mkdocs.yml) could read as markup;
# all but `~` are ones Python-Markdown un-escapes, so the page shows them as
# is. `~` has no backslash escape, and `~~~` opens a fenced code block (MkDocs
# enables fenced_code): it is written as a character reference.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>&~])")
ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;", "~": "&#126;"}
# ASCII marks, which Markdown could read inside a link title.
ASCII_MARK = re.compile(r"[!-/:-@\[-`{-~]")


def escape(text: str) -> str:
    """Text as written, never markup: every special character is escaped."""
    return MARKDOWN_SPECIAL.sub(lambda m: ENTITIES.get(m.group(1), "\\" + m.group(1)), text)


# libyaml's emitter when PyYAML has it (ten times faster), the same output otherwise.
SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def front_matter(meta: dict) -> str:
    body = yaml.dump(meta, Dumper=SafeDumper, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{body}---\n"


def link_title(definition: str) -> str:
    """A term link's title: Material's tooltip, which it fills in as HTML. So
    the definition is escaped as HTML (a reader without JavaScript sees the
    browser's own tooltip, with `&lt;` for `<`), and then each ASCII mark is
    written as a character reference, so that Markdown reads none of them:
    a quote would end the title, a backtick start code."""
    return ASCII_MARK.sub(lambda m: f"&#{ord(m[0])};", html.escape(definition))


def render_inlines(inlines: list[Inline], page: str) -> str:
    """Markdown for a sequence of inlines on `page` (links are relative to it)."""
    out = []
    for inline in inlines:
        if isinstance(inline, TermLink):
            href = link(page, term_page(inline.slug))
            out.append(f'[{escape(inline.text)}]({href} "{link_title(inline.definition)}")')
        elif isinstance(inline, Text):
            out.append(escape(inline.text))
        else:
            raise TypeError(f"no Markdown for {inline!r}")
    return "".join(out)


def render(handbook: Handbook) -> dict[str, str]:
    """All pages of the handbook, keyed by path relative to the docs folder."""
    pages = {HOME: render_home(handbook)}
    for collection in handbook.collections:
        pages[collection_index(collection.slug)] = render_collection(collection)
        for essay in collection.essays:
            page = essay_page(collection.slug, essay.slug)
            pages[page] = front_matter(essay_meta(collection, essay)) + render_essay(essay, page)
    if handbook.glossary is not None:
        pages |= glossary_pages(handbook.glossary)
    return pages


def authors_meta(authors: list[Author]) -> list[dict]:
    return [{k: v for k, v in vars(a).items() if v} for a in authors]


def essay_meta(collection: Collection, essay: Essay) -> dict:
    articles = []
    for i, article in enumerate(essay.articles):
        authors = [a for b in article.bylines for a in b.authors]
        if i == 0:
            authors = [a for b in essay.bylines for a in b.authors] + authors
        entry = {"title": article.title or essay.title, "authors": authors_meta(authors)}
        if article.date:
            entry["date"] = article.date
        articles.append(entry)
    meta = {
        # an essay with only a marker is named by it (the page's heading)
        "title": essay.title or ("" if essay.marker else essay.label),
        "number": essay.number,
        "marker": essay.marker,
        "subtitle": essay.subtitle,
        "authors": authors_meta(essay.authors),
        "date": essay.date or collection.date,
        "articles": articles,
        "source": {"file": collection.source.name, "lines": [essay.line, essay.last_line]},
        "characters": essay.characters,
        "reading_minutes": essay.reading_minutes,
        "description": essay.description,
    }
    meta = {k: v for k, v in meta.items() if v not in (None, [], "")}
    if essay.terms is not None:  # the glossary step ran: the page's terms, even none
        meta["terms"] = essay.terms
    return meta


def render_essay(essay: Essay, page: str) -> str:
    title = [escape(essay.marker)] if essay.marker else []
    title += [render_inlines(essay.title_inlines, page)] if essay.title_inlines else []
    out = ["# " + (" ".join(title) or escape(essay.label))]
    if essay.subtitle_inlines:
        out.append(f"{render_inlines(essay.subtitle_inlines, page)}\n{{: .essay-subtitle }}")
    out += [render_byline(b) for b in essay.bylines]
    titled = any(a.title for a in essay.articles)
    for article in essay.articles:
        out += render_article(article, titled, page)
    return "\n\n".join(out) + "\n"


def render_article(article: Article, titled: bool, page: str) -> list[str]:
    out = []
    if article.title_inlines:
        out.append(f"## {render_inlines(article.title_inlines, page)} {{#{article.anchor} }}")
    base = 2 if titled else 1
    for block in article.blocks:
        if isinstance(block, Heading):
            level = min(6, base + block.depth)
            out.append(f"{'#' * level} {render_inlines(block.inlines, page)} {{#{block.anchor} }}")
        elif isinstance(block, Paragraph):
            out.append(f"{render_inlines(block.inlines, page)}\n{{: #{block.anchor} }}")
        else:
            out.append(render_byline(block))
    return out


def render_byline(byline: Byline) -> str:
    return f"{escape(byline.text)}\n{{: .byline }}"


def essay_list(collection: Collection, page: str) -> list[str]:
    lines = []
    for essay in collection.essays:
        href = link(page, essay_page(collection.slug, essay.slug))
        name = " ".join(n for n in (essay.marker, essay.title) if n) or essay.label
        lines.append(
            f"- [{escape(name)}]({href})  \n"
            f"  {escape(essay.description)}  \n"
            f"  <small>{essay.characters} 字 · 约 {essay.reading_minutes} 分钟</small>"
        )
    return lines


def collection_header(collection: Collection, level: str) -> list[str]:
    out = [f"{level} {escape(collection.title)}"]
    if collection.date:
        out.append(f"{escape(collection.date)}\n{{: .collection-date }}")
    out += [render_inlines(p.inlines, HOME) for p in collection.preface]
    return out


def render_collection(collection: Collection) -> str:
    meta = {
        "title": collection.title,
        "date": collection.date,
        "description": f"{collection.title}\uff1a{len(collection.essays)} 篇",
    }
    meta = {k: v for k, v in meta.items() if v}
    meta["search"] = {"exclude": True}  # the home page lists the same; search shows it once
    page = collection_index(collection.slug)
    out = collection_header(collection, "#") + essay_list(collection, page)
    return front_matter(meta) + "\n\n".join(out) + "\n"


def render_home(handbook: Handbook) -> str:
    single = len(handbook.collections) == 1
    out: list[str] = []
    for collection in handbook.collections:
        out += collection_header(collection, "#" if single else "##")
        out += essay_list(collection, HOME)
    # the nav lists the home page as 首页; its heading names the collection
    meta = {"title": "首页", "description": "、".join(c.title for c in handbook.collections)}
    if not single:
        out.insert(0, "# 学习手册")
    return front_matter(meta) + "\n\n".join(out) + "\n"


# --- the glossary's pages -----------------------------------------------------


def glossary_pages(glossary: Glossary) -> dict[str, str]:
    """The index and one page per term, keyed by path under docs/."""
    pages = {GLOSSARY_INDEX: glossary_index(glossary)}
    by_name = {t.term: t for t in glossary.terms}
    for term in glossary.terms:
        occurrences, site = glossary.occurrences[term.slug], glossary.sites[term.slug]
        pages[term_page(term.slug)] = term_entry(term, site, occurrences, by_name)
    return pages


def glossary_index(glossary: Glossary) -> str:
    out = ["# 术语表"]
    for category, label in CATEGORIES.items():
        members = sorted(
            # Slugs are the terms' pinyin (see glossary.yml): pinyin order
            # without loading pypinyin's tables on every conversion.
            (t for t in glossary.terms if t.category == category),
            key=lambda t: (t.slug, t.term),
        )
        if not members:
            continue
        out.append(f"## {label}")
        items = []
        for term in members:
            count = len(glossary.occurrences[term.slug])
            href = link(GLOSSARY_INDEX, term_page(term.slug))
            items.append(
                f"- [{escape(term.term)}]({href}){LPAREN}{count} 处{RPAREN}{COLON}"
                f"{escape(term.definition)}"
            )
        out.append("\n".join(items))
    return front_matter({"title": "术语表"}) + "\n\n".join(out) + "\n"


def term_entry(
    term: Term, site: Passage | None, occurrences: list[Occurrence], by_name: dict[str, Term]
) -> str:
    page = term_page(term.slug)
    meta = {
        "title": term.term,
        "description": term.definition,
        "category": term.category,
        "aliases": term.aliases,
        "occurrences": len(occurrences),
    }
    out = [f"# {escape(term.term)}"]
    facts = [f"**类别**{COLON}{CATEGORIES[term.category]}"]
    if term.aliases:
        facts.append(f"**又作**{COLON}" + "、".join(escape(a) for a in term.aliases))
    out.append(" · ".join(facts))
    out.append(escape(term.definition))
    if term.parts:
        parts = [
            f"[{escape(p)}]({link(page, term_page(by_name[p].slug))})"
            if p in by_name
            else escape(p)
            for p in term.parts
        ]
        out.append(f"**组成**{COLON}" + "、".join(parts))
    if term.note:
        out.append(f"**说明**{COLON}{escape(term.note)}")
    if term.defined_at and site:
        where = f"{site.essay.marker} · 原文第 {term.defined_at.line} 行"
        href = link(page, site.page, site.anchor)
        out.append(
            f"**原文定义**{LPAREN}[{escape(where)}]({href}){RPAREN}{COLON}\n\n"
            f"> {escape(term.defined_at.quote)}"
        )
    out.append(f"## 用例{LPAREN}{len(occurrences)} 处{RPAREN}")
    if not occurrences:
        out.append("本手册正文中没有出现。")
    for target, group in groupby(occurrences, key=lambda o: o.passage.page):
        uses = list(group)
        essay, href = uses[0].passage.essay, link(page, target)
        out.append(f"### {escape(f'{essay.marker} {essay.title}'.strip())}")
        out.append("\n".join(f"- [{snippet(o)}]({anchored(href, o.passage.anchor)})" for o in uses))
    head = front_matter({k: v for k, v in meta.items() if v != []})
    return head + "\n\n".join(out) + "\n"


def snippet(occurrence: Occurrence, width: int = 18) -> str:
    """Markdown: the occurrence in bold with some context either side."""
    text, start, end = occurrence.passage.text, occurrence.start, occurrence.end
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    lead = "…" if start > width else ""
    tail = "…" if end + width < len(text) else ""
    return f"{lead}{escape(before)}**{escape(occurrence.phrase)}**{escape(after)}{tail}"
