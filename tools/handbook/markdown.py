"""The Markdown writer: the model as pages with YAML front matter.

`render` turns a Handbook into {path under docs/: text}: the home page, a
page per collection and per essay, and the glossary's pages when the model
has a Glossary. It renders the model and nothing else: every inline kind has
its case in `render_inlines`, every link comes from `addresses`. Text is
escaped everywhere, so no markup from a source comes alive.
"""

from __future__ import annotations

import functools
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
    paragraph_number,
    slug_order,
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
# A string YAML writes on one line as it is, or in single quotes where it
# would read as a number, a date, true/false or null: printable characters
# only (libyaml escapes those beyond the BMP), no line break or mark that
# could start, end or quote a scalar (U+2028/9 break lines in YAML), single
# spaces only between other characters (`会展二支部 会展1102`), and no `-` or
# `.` first. Nearly every value of a Chinese text's pages is one. Its
# characters are -0-9A-Za-z_+. and U+00A0–U+2027, U+202A–U+D7FF,
# U+E000–U+FEFE, U+FF00–U+FFFD; the class is written as what it leaves out,
# as `re` builds a class's table one code point at a time: 2,200 of the
# plane so, 63,000 the other way (twice in this pattern: as long to compile
# as four classes of Han characters, on every conversion).
_WORD = (
    r"[^\x00-\x2a\x2c\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x9f"
    r"\u2028\u2029\ud800-\udfff\ufeff\ufffe-\U0010ffff]+"
)
SIMPLE = re.compile(f"(?![-.]){_WORD}(?: {_WORD})*")
# yaml.dump folds a line longer than its width (1000) at a space: a value
# with spaces stays on one line below this length, whatever its indent.
UNFOLDED = 500
RESOLVER = yaml.resolver.Resolver()  # the implicit types yaml.dump quotes strings against
# The first characters its implicit types start with: a string starting
# otherwise (any Chinese one) is plain, without asking the resolver (unless a
# type may start with any character, listed under None).
IMPLICIT_STARTS = frozenset(RESOLVER.yaml_implicit_resolvers)
ANY_START = None in IMPLICIT_STARTS
STRING = "tag:yaml.org,2002:str"
KEY = re.compile("[a-z_]+")


class _NotSimple(Exception):
    """A value the front matter's own writer leaves to yaml."""


def front_matter(meta: dict) -> str:
    """The page's YAML front matter, as `yaml.dump` writes it (block style,
    keys in order); written here when every key is a plain name and every
    string `SIMPLE`, which is most pages and five times faster than PyYAML's
    representer; by yaml otherwise (a hostile title, a quote, a space)."""
    try:
        body = "".join(f"{line}\n" for line in _mapping(meta, 0, "")) if meta else None
    except _NotSimple:
        body = None
    if body is None:
        body = yaml.dump(meta, Dumper=SafeDumper, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{body}---\n"


def _mapping(meta: dict, indent: int, first: str) -> list[str]:
    """A block mapping at `indent`; its first line starts with `first` (a
    sequence item's dash) instead of the indent, when given."""
    lines = []
    for key, value in meta.items():
        if not isinstance(key, str) or not KEY.fullmatch(key):
            raise _NotSimple
        head = f"{first or ' ' * indent}{key}:"
        first = ""
        if isinstance(value, dict) and value:
            lines += [head, *_mapping(value, indent + 2, "")]
        elif isinstance(value, list) and value:
            lines += [head, *_sequence(value, indent)]  # a mapping's sequence is not indented
        else:
            lines.append(f"{head} {_scalar(value)}")
    return lines


def _sequence(items: list, indent: int) -> list[str]:
    lines = []
    dash = " " * indent + "- "
    for item in items:
        if isinstance(item, dict) and item:
            lines += _mapping(item, indent + 2, dash)
        elif isinstance(item, list) and item:
            raise _NotSimple
        else:
            lines.append(dash + _scalar(item))
    return lines


def _scalar(value: object) -> str:
    if (
        isinstance(value, str)
        and SIMPLE.fullmatch(value)
        and (len(value) < UNFOLDED or " " not in value)
    ):
        plain = (not ANY_START and value[0] not in IMPLICIT_STARTS) or RESOLVER.resolve(
            yaml.ScalarNode, value, (True, False)
        ) == STRING
        return value if plain else f"'{value}'"
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if value == [] or value == {}:
        return "[]" if isinstance(value, list) else "{}"
    raise _NotSimple


@functools.cache  # a term's links all have its title
def link_title(text: str) -> str:
    """A term link's title, safe wherever it is shown: escaped as HTML, since
    Material's tooltips (content.tooltips) fill a title in as HTML and the
    popover (reading-aids.js) reads it back as text; then each ASCII mark is
    written as a character reference, so that Markdown reads none of them:
    a quote would end the title, a backtick start code. A reader without
    JavaScript sees the browser's own tooltip, with `&lt;` for `<`."""
    return ASCII_MARK.sub(lambda m: f"&#{ord(m[0])};", html.escape(text))


def render_inlines(inlines: list[Inline], page: str) -> str:
    """Markdown for a sequence of inlines on `page` (links are relative to it)."""
    out = []
    for inline in inlines:
        if isinstance(inline, TermLink):
            out.append(render_term_link(inline, page))
        elif isinstance(inline, Text):
            out.append(escape(inline.text))
        else:
            raise TypeError(f"no Markdown for {inline!r}")
    return "".join(out)


def render_term_link(term_link: TermLink, page: str) -> str:
    """A term's use: a link to its entry, class `term`, titled `term：definition`
    (the popover's name and text, reading.js; the tooltip without scripts).
    Terms never hold a full-width colon, definitions may."""
    title = link_title(f"{term_link.term or term_link.text}{COLON}{term_link.definition}")
    href = link(page, term_page(term_link.slug))
    return f'[{escape(term_link.text)}]({href} "{title}"){{: .term }}'


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
    for article in essay.articles:
        out += render_article(article, page)
    return "\n\n".join(out) + "\n"


def render_article(article: Article, page: str) -> list[str]:
    out = []
    if article.title_inlines:
        out.append(f"## {render_inlines(article.title_inlines, page)} {{#{article.anchor} }}")
    # The article's own title sets its sections' level: an untitled opening
    # article (the essay's title is its title) has its sections under the h1.
    base = 2 if article.title_inlines else 1
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
        lines.append(
            f"- [{escape(essay.name)}]({href})  \n"
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


# The home page's guide to the site. Interface text in the master script:
# the Traditional edition converts it like the text, so its words are ones
# Taiwan uses too (检索, 按钮, 目录 rather than 搜索, 图标, 导航).
HOME_GUIDE = [
    "**检索**{colon}点页面顶部的放大镜，输入要找的字词或短语，列出原文中一字不差含有它的段落。",
    "**术语**{colon}正文中带虚线的词收在{glossary}中。点一下这个词"
    "（用键盘时移到词上按回车），就会显示它的释义，再点“查看词条”可看它在全书的所有用例；"
    "按 Esc 或点别处即关闭，正文停在原处。",
    "**简体与繁体**{colon}顶部的语言按钮在简体中文版和繁體中文版之间切换，仍停在同一页、同一处。",
    "**字号**{colon}顶部的字号按钮把正文逐级放大，共四档，下次打开时照旧。",
    "**纸本与离线**{colon}目录最后一项可下载整本手册的 PDF，"
    "可以印成纸本，也可以存在手机里离线阅读；浏览器印出的单页只有正文。",
]


# The class of what the home page says about the site itself: the print
# edition's cover (book.css) leaves it out.
SITE_ONLY = "site-only"


def render_home(handbook: Handbook) -> str:
    """The home page: what the handbook is and where its texts come from,
    how to use the site, then the texts."""
    single = len(handbook.collections) == 1
    essays = [e for c in handbook.collections for e in c.essays]
    sources = "、".join(escape(c.source.name) for c in handbook.collections)
    out: list[str] = []
    if single:
        out += collection_header(handbook.collections[0], "#")
    else:
        out.append("# 学习手册")
    out.append(
        f"本手册收录 {len(essays)} 篇学习材料，共 {sum(e.characters for e in essays)} 字，"
        f"整理自网上流传的原文{LPAREN}{sources}{RPAREN}。正文一字不改、顺序照旧，"
        "只修复断行、标点一类的排版问题，每一处修复都记在转换报告里。\n"
        f"{{: .{SITE_ONLY} }}"
    )
    out.append(f"## 使用说明 {{: .{SITE_ONLY} }}")
    glossary = f"[术语表]({link(HOME, GLOSSARY_INDEX)})" if handbook.glossary else "术语表"
    out.append("\n".join(f"- {line.format(colon=COLON, glossary=glossary)}" for line in HOME_GUIDE))
    out.append(f"## 文章 {{: .{SITE_ONLY} }}")
    for collection in handbook.collections:
        if not single:
            out += collection_header(collection, "###")
        out += essay_list(collection, HOME)
    # the nav lists the home page as 首页; its heading names the collection
    meta = {"title": "首页", "description": "、".join(c.title for c in handbook.collections)}
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
            key=lambda t: (slug_order(t.slug), t.term),
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
        where = f"{site.essay.name} · {place_on_page(site.anchor)}"
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
        out.append(f"### {escape(essay.name)}")
        out.append("\n".join(f"- [{snippet(o)}]({anchored(href, o.passage.anchor)})" for o in uses))
    head = front_matter({k: v for k, v in meta.items() if v != []})
    return head + "\n\n".join(out) + "\n"


def place_on_page(anchor: str) -> str:
    """Where on an essay page a passage is, as a reader counts: 第 12 段."""
    number = paragraph_number(anchor)
    return f"第 {number} 段" if number is not None else ("标题" if not anchor else "小标题")


def snippet(occurrence: Occurrence, width: int = 18) -> str:
    """Markdown: the occurrence in bold with some context either side."""
    text, start, end = occurrence.passage.text, occurrence.start, occurrence.end
    lo, hi = max(0, start - width), end + width
    lead = "…" if start > width else ""
    tail = "…" if hi < len(text) else ""
    before, phrase, after = text[lo:start], text[start:end], text[end:hi]
    if MARKDOWN_SPECIAL.search(text, lo, hi):  # most snippets have nothing to escape
        before, phrase, after = escape(before), escape(phrase), escape(after)
    return f"{lead}{before}**{phrase}**{after}{tail}"
