"""Navigation titles a reader recognises, whatever builds the site.

- A folder's section is named after its index page's title (the
  collection's title), not after the folder (`mass-line-essays`).
- An essay is listed with its marker, `第一篇 我们党群众路线内容`, as the text
  numbers it; the front matter keeps the bare title.
- Front-matter text reaches the HTML unescaped (MkDocs' templates do not
  autoescape), so a title like `<script>…` from a source is escaped here,
  once: a page's title is `EscapedText`, which a template's `e` filter (the
  footer's aria-label) leaves as it is.
- Material shows a title cut off by its width (`.md-ellipsis`) in full in a
  tooltip, which it fills in as HTML from the title's text: a title holding
  `<` keeps its look (handbook.css) without that tooltip.
- The glossary follows the texts it explains, its terms in pinyin order.
- Reading order, which previous/next follow: the home page, the essays in
  order, then the glossary's index and its terms. A collection's own page
  lists what the home page lists; it is reached from the navigation and
  leads on to its first essay, but the chain does not pass through it.
- A section with many pages lists them in runs (第1–20篇, 第21–40篇 …), one
  section a run: with Material's `navigation.prune` a page carries its own
  run and the other runs' titles, not every page of the handbook, so its
  weight stays flat as the handbook grows. Runs change neither the pages'
  addresses nor the reading order.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from .addresses import GLOSSARY_DIR, GLOSSARY_INDEX, HOME, slug_order

# Front-matter values the site's templates print.
TEMPLATE_TEXT = ("title", "subtitle", "description")


Item = TypeVar("Item")

# A run's title, by what its section lists: 第1–20篇 (essays), 第1–20条 (glossary
# terms); a run of one page: 第41篇.
RUN_TITLES = {"essays": "第{first}–{last}篇", "glossary": "第{first}–{last}条"}
ONE_PAGE_RUN_TITLES = {"essays": "第{first}篇", "glossary": "第{first}条"}


@dataclass(frozen=True)
class NavigationSettings:
    """When a section's pages are listed in runs. In mkdocs.yml:

    extra:
      navigation:
        runs_over: 30    # a section with more pages than this lists them in runs
        run_length: 20   # pages in a run
    """

    runs_over: int = 30
    run_length: int = 20

    @classmethod
    def from_extra(cls, extra: Mapping[str, Any]) -> NavigationSettings:
        """The settings from mkdocs.yml's `extra`. Raises ValueError for a
        setting that is not a whole number of at least 2."""
        given = extra.get("navigation") or {}
        values = {}
        for name in ("runs_over", "run_length"):
            value = given.get(name, getattr(cls, name))
            if isinstance(value, bool) or not isinstance(value, int) or value < 2:
                raise ValueError(
                    f"extra.navigation.{name}: expected a whole number >= 2, got {value!r}"
                )
            values[name] = value
        return cls(**values)


def in_runs(
    pages: Sequence[Item],
    settings: NavigationSettings,
    kind: str,
    make_run: Callable[[str, list[Item]], Item],
) -> list[Item]:
    """A section's pages (its index page excluded), in runs of
    `settings.run_length` when there are more than `settings.runs_over`:
    `make_run(title, items)` makes a run's section. Too many runs are grouped
    in turn (第1–400篇 holding 第1–20篇 …), so no list is ever long."""
    items, spans = list(pages), [(n, n) for n in range(1, len(pages) + 1)]
    while len(items) > settings.runs_over:
        size = settings.run_length
        runs, run_spans = [], []
        for start in range(0, len(items), size):
            first, last = spans[start][0], spans[min(start + size, len(items)) - 1][1]
            titles = RUN_TITLES if last > first else ONE_PAGE_RUN_TITLES
            runs.append(
                make_run(titles[kind].format(first=first, last=last), items[start : start + size])
            )
            run_spans.append((first, last))
        items, spans = runs, run_spans
    return items


def pages_in(items: list) -> Iterator[Any]:
    """The pages of a navigation in the order it shows them (MkDocs' items:
    a section has `children`, a page a `file`, a link neither)."""
    for item in items:
        if getattr(item, "children", None):
            yield from pages_in(item.children)
        elif getattr(item, "file", None) is not None:
            yield item


def list_in_runs(
    section: Any, index: Any, settings: NavigationSettings, kind: str, new_section: Callable
) -> None:
    """Regroup a navigation section's children (MkDocs' Section: `children`,
    each with a `parent`) in runs, its index page first; `new_section(title,
    children)` makes a run's section."""

    def adopt(parent: Any, children: list) -> Any:
        parent.children = children
        for child in children:
            child.parent = parent
        return parent

    pages = [child for child in section.children if child is not index]
    runs = in_runs(pages, settings, kind, lambda title, items: adopt(new_section(title, []), items))
    adopt(section, [index] * (index is not None) + runs)


class EscapedText(str):
    """Text escaped for HTML: Jinja's escaping (the `__html__` protocol)
    leaves it as it is, so it is never escaped twice."""

    def __html__(self) -> str:
        return self


def section_title(index_meta: dict[str, Any], folder_title: str) -> str:
    """A section's title: its index page's title, escaped; else the folder's."""
    return html.escape(index_meta["title"]) if "title" in index_meta else folder_title


def is_glossary(index_page: str | None) -> bool:
    """Whether a section whose index page is `index_page` is the glossary."""
    return index_page == GLOSSARY_INDEX


def page_title(meta: dict[str, Any]) -> str | None:
    """Escape the front matter's printed text, in place, and return the page's
    title as navigation and <title> show it: the marker, then the title."""
    for key in TEMPLATE_TEXT:
        if isinstance(meta.get(key), str):
            meta[key] = html.escape(meta[key])
    if "title" not in meta:
        return None
    marker = meta.get("marker")
    return EscapedText(f"{html.escape(marker)} {meta['title']}" if marker else meta["title"])


def glossary_order(page: str) -> tuple[int, tuple[str, ...]]:
    """Sort key of the glossary's pages: the index, then the terms in pinyin
    order of the term (its slug, syllable by syllable)."""
    if page == GLOSSARY_INDEX:
        return 0, ()
    return 1, slug_order(page.removeprefix(f"{GLOSSARY_DIR}/").removesuffix(".md"))


def is_collection_index(page: str) -> bool:
    return page.endswith("/index.md") and not is_glossary(page)


def reading_order(pages: list[str]) -> dict[str, tuple[str | None, str | None]]:
    """Each page's previous and next page (paths under docs/), given the
    pages in navigation order: home → essays → glossary."""
    chain = [p for p in pages if p == HOME]
    chain += [p for p in pages if p != HOME and not p.startswith(f"{GLOSSARY_DIR}/")]
    chain += sorted((p for p in pages if p.startswith(f"{GLOSSARY_DIR}/")), key=glossary_order)
    read = [p for p in chain if not is_collection_index(p)]
    links = {
        page: (read[i - 1] if i else None, read[i + 1] if i + 1 < len(read) else None)
        for i, page in enumerate(read)
    }
    for i, page in enumerate(chain):  # a collection's page: on to its first essay
        if is_collection_index(page):
            after = next((p for p in chain[i + 1 :] if p in links), None)
            links[page] = (links[after][0] if after else None, after)
    return links


# A cut-off title whose text holds `<` (escaped in the page as &lt;).
ELLIPSIS_WITH_MARKUP = re.compile(r'<(span|div) class="md-ellipsis">([^<]*&lt;[^<]*)</\1>')


def without_markup_tooltips(output: str) -> str:
    """A built page or template whose cut-off titles holding `<` lose
    Material's tooltip (class handbook-ellipsis instead of md-ellipsis)."""
    return ELLIPSIS_WITH_MARKUP.sub(r'<\1 class="handbook-ellipsis">\2</\1>', output)


def is_section(item: Any) -> bool:
    """Whether a navigation item (MkDocs' Section, Page or Link) is a section."""
    return isinstance(getattr(item, "children", None), list)


def index_of(section: Any) -> Any | None:
    """A section's index page (MkDocs marks it `is_index`), if it has one."""
    return next((c for c in section.children if getattr(c, "is_index", False)), None)


def arrange(
    items: list,
    front_matter: Callable[[Any], dict[str, Any]],
    settings: NavigationSettings,
    new_section: Callable,
) -> list:
    """Arrange a navigation's items (MkDocs' `nav.items`) in place: each
    section named after its index page (`front_matter(page)` reads the
    page's), the glossary's terms in pinyin order and the glossary last,
    previous/next in reading order, long sections in runs
    (`new_section(title, children)` makes a run). Returns the pages in the
    order the navigation shows them."""
    glossary = []
    for section in filter(is_section, items):
        if (index := index_of(section)) is not None:
            section.title = section_title(front_matter(index), section.title)
            if is_glossary(index.file.src_uri):
                glossary.append(section)
                section.children.sort(key=lambda page: glossary_order(page.file.src_uri))
    # MkDocs sorts folders by name; the glossary follows the texts it explains.
    items.sort(key=lambda item: any(item is section for section in glossary))
    pages = list(pages_in(items))
    link_reading_order(pages)
    # Last, once the order is set: runs regroup the navigation, not the reading order.
    for section in filter(is_section, items):
        kind = "glossary" if any(section is g for g in glossary) else "essays"
        list_in_runs(section, index_of(section), settings, kind, new_section)
    return pages


def link_reading_order(pages: list[Any]) -> None:
    """Set the previous_page and next_page of each page (MkDocs' Page: its
    file's src_uri names it) to follow `reading_order`."""
    by_path = {page.file.src_uri: page for page in pages}
    for path, (before, after) in reading_order(list(by_path)).items():
        by_path[path].previous_page = by_path[before] if before else None
        by_path[path].next_page = by_path[after] if after else None
