"""What the test files share: where things are, a missing system part, the
`handbook` command, one way to build a site and one way to read a built
page's text."""

from __future__ import annotations

import contextlib
import functools
import io
import logging
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from concurrent.futures import Future
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from handbook import cli
from handbook.addresses import DOWNLOADS
from handbook.chars import LINE_BREAK, han
from handbook.editions import Edition, built_editions
from handbook.model import Article, Author, Collection, Essay, Heading
from handbook.pipeline import build_handbook
from handbook.search.folding import fold
from handbook.search.pages import Kind, page_kind
from handbook.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "source" / "mass-line-essays.txt"
CORPUS = ROOT / "tests" / "corpus"
OVERRIDES = ROOT / "source" / "hant-overrides.tsv"
# Fixed, so the tests do not depend on where the reader's shell deploys to.
SITE_URL = "https://handbook.example.org/"
# OpenCC's phrases matched across a word boundary, each written out as Taiwan
# writes it. The first four were found in real texts of the kind, the rest by
# the reference of Taiwan texts (tests/hant_reference/).
CROSS_WORD = {
    "牢牢把握发展主动权": "牢牢把握發展主動權",  # 握发 → 握髮
    "月份基金发行回暖": "月份基金發行回暖",  # 金发 → 金髮
    "一名好干部": "一名好幹部",  # 好干 → 好乾
    "对象更复杂": "對象更複雜",  # 更复 → 更復
    "坚持一个中国原则": "堅持一個中國原則",  # 个中 → 箇中
    "中国五千年历史": "中國五千年歷史",  # 年历 → 年曆
    "胜于美国历任总统": "勝於美國歷任總統",  # 国历 → 國曆
    "疫情解封后，政府": "疫情解封後，政府",  # 封后 → 封后
    "学生发起的示威": "學生發起的示威",  # 生发 → 生髮
    "这里面包括法院": "這裡面包括法院",  # 面包 → 麵包
    "千分之五只是门槛": "千分之五只是門檻",  # 五只 → 五隻
    "与骑士用餐并为他们加油": "與騎士用餐並為他們加油",  # 并为 → 併為 (合并为)
}


def missing(what: str) -> NoReturn:
    """A part of the system a test needs is missing: the test skips, but
    fails under CI=true, where the handbook must be proved with every part
    (browser, fonts, poppler, Java, Node)."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is missing under CI")
    pytest.skip(f"{what} is missing")


def collection_of(tmp_path: Path, text: str) -> Collection:
    """`text` as a source file of its own, converted: its collection."""
    source = tmp_path / "text.txt"
    source.write_text(text, encoding="utf-8")
    return build_handbook([source], Settings()).collections[0]


def removed(collection: Collection) -> list[tuple[str, str]]:
    """What was removed as debris: (rule, text) in line order."""
    return [(r.rule, r.text) for r in collection.removals]


# --- reading a converted collection, as the recognition tests do ----------------

# A headline and two paragraphs of plain body text of the kind, for a test to
# set the lines it reads above, between or below.
TITLE = "社区党支部开展主题党日活动"
BODY = (
    "会议指出，要把学习成果转化为推动工作的实际行动，切实解决群众反映强烈的突出问题。\n"
    "会议要求，各部门要按照分工抓好落实，确保各项任务按时保质完成，不打折扣。\n"
)

# The three paragraphs of a school's news report, one a line, to stand under a
# headline and the furniture a test sets above or below it.
NEWS_BODY = [
    "为进一步提升基层党建工作质量，5月12日，学院党委在行政楼召开基层党组织书记培训会，"
    "各党支部书记、组织委员共六十余人参加。",
    "会上，党委副书记张明围绕党支部标准化规范化建设作专题辅导，并结合具体案例讲解了工作要求。",
    "据悉，此次培训是学院今年组织的第二次党务培训，下一步将在各校区继续开展。",
]


def articles(collection: Collection) -> list[Article]:
    return [a for e in collection.essays for a in e.articles]


def texts(collection: Collection) -> list[str]:
    return [b.text for a in articles(collection) for b in a.blocks]


def headings(collection: Collection) -> list[str]:
    return [b.text for a in articles(collection) for b in a.blocks if isinstance(b, Heading)]


def paragraphs(collection: Collection) -> list[str]:
    return [p.text for a in articles(collection) for p in a.paragraphs]


def authors(article: Article | Essay) -> list[tuple[str, str]]:
    """The names and roles of its own bylines (an essay's: not its articles')."""
    return [(x.name, x.role) for b in article.bylines for x in b.authors]


def essay_authors(collection: Collection) -> list[Author]:
    """Every author the converter read, the essays' and the articles'."""
    return [x for e in collection.essays for x in e.authors]


def people(collection: Collection) -> list[tuple[str, str]]:
    return [(x.name, x.role) for x in essay_authors(collection)]


def doubts(collection: Collection) -> list[tuple[int, str]]:
    return [(d.line, d.rule) for d in collection.doubts]


def lines(*parts: str | list[str]) -> str:
    """A raw text of these lines, a list standing for its lines in turn."""
    out: list[str] = []
    for part in parts:
        out += part if isinstance(part, list) else [part]
    return "\n".join(out) + "\n"


def kept_words(collection: Collection) -> str:
    """Every word the converter kept, titles, bylines and blocks, in reading
    order, as one string."""
    words = [collection.title or ""]
    for e in collection.essays:
        words += [e.title or "", e.subtitle or ""] + [b.text for b in e.bylines]
        for a in e.articles:
            words += [a.title or ""] + [b.text for b in a.blocks]
    return "\n".join(words)


def kept_han(text: str, debris: set[int]) -> str:
    """The Han characters of a raw `text` in order, but for its `debris` lines
    (numbered from 1, as the reader numbers them)."""
    lines = LINE_BREAK.split(text)
    return han("".join(line for n, line in enumerate(lines, start=1) if n not in debris))


def run_handbook(*args: str | Path, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """The `handbook` command in its own process, as a maintainer runs it."""
    return subprocess.run(
        [sys.executable, "-m", "handbook.cli", *map(str, args)],
        capture_output=True,
        text=True,
        **kwargs,
    )


def mkdocs_build(
    project: Path, out: Path, check: bool = True, **env: str
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of the project folder's mkdocs.yml into `out`;
    with `check`, the build must succeed."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_SITE_URL": SITE_URL, **env},
        capture_output=True,
        text=True,
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


def mkdocs_build_here(project: Path, out: Path) -> str | None:
    """`mkdocs build --strict` of the project folder's mkdocs.yml into `out`,
    in this process, as the command runs it (load the config, start the
    plugins, build, shut them down): start-up and imports are paid once for
    many builds. The caller's environment is the build's (HANDBOOK_SITE_URL,
    EDITIONS). None when built; else the warnings and the error that stopped it."""
    from mkdocs.commands.build import build
    from mkdocs.config import config_options, load_config
    from mkdocs.exceptions import Abort

    logged: list[str] = []
    record = logging.Handler(logging.WARNING)
    record.emit = lambda r: logged.append(f"{r.levelname}: {r.getMessage()}")
    logger = logging.getLogger("mkdocs")
    logger.addHandler(record)
    propagate, logger.propagate = logger.propagate, False  # reported here, as the command does
    try:
        config = load_config(str(project / "mkdocs.yml"), strict=True, site_dir=str(out))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except (Exception, Abort) as error:  # Abort (strict mode's) is a SystemExit
        return "\n".join([*logged, f"{type(error).__name__}: {error}"])
    finally:
        logger.removeHandler(record)
        logger.propagate = propagate
        # MkDocs caches every config's hooks (an lru_cache on their loader),
        # and with them that build's pages: 50 MB a build in a worker's process.
        config_options.Hooks._load_hook.cache_clear()
    return None


def own_source(folder: Path, text: Path) -> Path:
    """A source/ folder as a maintainer makes it: the handbook's data files
    (glossary, overrides, settings) and one text of their own."""
    source = folder / "source"
    source.mkdir(parents=True, exist_ok=True)
    for old in source.glob("*.txt"):
        old.unlink()
    for data in (ROOT / "source").iterdir():
        if data.suffix != ".txt":
            shutil.copy(data, source / data.name)
    return Path(shutil.copy(text, source / text.name))


@dataclass
class Built:
    """A corpus text converted and built alone: the conversion's exit status
    and error output, the build's failure (None when built), the site."""

    converted: int
    convert_errors: str
    build_failure: str | None
    site: Path


# Corpus text name -> its build, under way from the session's start (conftest.py).
CorpusBuilds = dict[str, Future[Built]]


def start_build_worker() -> None:
    """A build worker's environment, as `mkdocs_build` gives its command: the
    tests' address, both editions whatever the caller's shell says. Niced:
    the builds take what the tests running beside them leave of the cores."""
    os.environ.update(NO_MKDOCS_2_WARNING="1", HANDBOOK_SITE_URL=SITE_URL)
    os.environ.pop("EDITIONS", None)
    os.nice(10)


def build_alone(root: Path, name: str) -> Built:
    """Corpus text `name` alone in a project of its own under `root` (source/
    and docs/ its own; the handbook's mkdocs.yml, hooks and theme), converted
    and built with --strict in both editions, in this process (a worker that
    `start_build_worker` set up), from the project's folder as a maintainer's
    shell is."""
    project = root / name
    (project / "docs").mkdir(parents=True)
    (project / "tools").symlink_to(ROOT / "tools")
    (project / "mkdocs.yml").write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: docs\n")
    text = own_source(project, CORPUS / f"{name}.txt")
    errors = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(errors):
        converted = cli.main(["convert", str(text), "--out", str(project / "docs"), "--quiet"])
    site = project / "site"
    if converted != 0:
        return Built(converted, errors.getvalue(), None, site)
    (project / "docs" / "assets").symlink_to(ROOT / "docs" / "assets")
    os.chdir(project)
    return Built(converted, errors.getvalue(), mkdocs_build_here(project, site), site)


def handbook_project(root: Path) -> Path:
    """Make `root` (holding a converted docs/) a project built with the
    handbook's own mkdocs.yml, hooks, theme and data files."""
    (root / "docs" / "assets").symlink_to(ROOT / "docs" / "assets")
    for shared in ("tools", "source"):
        (root / shared).symlink_to(ROOT / shared)
    (root / "mkdocs.yml").write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: docs\n")
    return root


def build_site(root: Path) -> None:
    """Build root/docs into root/site with the handbook's own mkdocs.yml."""
    mkdocs_build(handbook_project(root), root / "site")


# --- reading a built page --------------------------------------------------------

# Elements that end a run of text: a search query never matches across them.
BLOCKS = {"p", "li", "dt", "dd", "td", "th", "pre", "div", "blockquote", "figcaption", "summary"}
BLOCKS |= {"ul", "ol", "dl", "table", "tr", "figure", "details", "section", "nav", "hr", "br"}
BLOCKS |= {"h1", "h2", "h3", "h4", "h5", "h6"}
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr"}
SECTION_HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
TEXT_ELEMENTS = {"p", "h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass
class Element:
    """A paragraph or heading of the article: its id ("" for the h1), class, text."""

    tag: str
    id: str
    css: str
    text: str = ""


class PageText(HTMLParser):
    """The text of a page's article as a reader sees it, permalink marks left
    out: all of it (`text`), by section (`sections`: a heading with an id and
    what follows it up to the next one; blocks end with a line break) and by
    paragraph and heading (`elements`)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.sections: dict[str, list[str]] = {"": []}
        self.elements: list[Element] = []
        self.depth = 0  # >0 inside the article
        self.skip = 0  # >0 inside a permalink
        self.section = ""
        self.open: list[Element] = []  # the text elements being read

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        classes = attributes.get("class", "").split()
        if not self.depth:
            if tag == "article" and "md-content__inner" in classes:
                self.depth = 1
            return
        if tag not in VOID:
            self.depth += 1
            if self.skip or "headerlink" in classes:
                self.skip += 1
        if tag in SECTION_HEADINGS and attributes.get("id"):
            self.section = attributes["id"]
            self.sections[self.section] = []
        if tag in BLOCKS:
            self.sections[self.section].append("\n")
        if tag in TEXT_ELEMENTS:
            key = "" if tag == "h1" else attributes.get("id", "")
            self.open.append(Element(tag, key, attributes.get("class", "")))
            self.elements.append(self.open[-1])

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in VOID:
            self.depth -= 1
            if self.skip:
                self.skip -= 1
            if tag in BLOCKS:
                self.sections[self.section].append("\n")
            if tag in TEXT_ELEMENTS and self.open:
                self.open.pop()

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.parts.append(data)
            self.sections[self.section].append(data)
            for element in self.open:
                element.text += data

    @property
    def text(self) -> str:
        return "".join(self.parts)


def read_page(html_file: Path) -> PageText:
    parser = PageText()
    parser.feed(html_file.read_text(encoding="utf-8"))
    parser.close()
    return parser


def article_text(html_file: Path) -> str:
    """Everything a reader reads in a page's article."""
    return read_page(html_file).text


# --- an edition of a build, as the tests address it -------------------------------


@dataclass
class BuiltEdition:
    """One edition of a build: where its files are and how its pages are addressed."""

    edition: Edition
    root: Path  # the edition's folder in the build
    base: str  # the URL a browser opens the edition at
    site_url: str  # its address as published (the sitemap's)

    @classmethod
    def of(cls, site: Path, edition: Edition, base: str) -> BuiltEdition:
        site_url = f"{SITE_URL}{edition.path}/" if edition.path else SITE_URL
        return cls(edition, edition.root(site), base, site_url)

    def pages(self) -> list[str]:
        """Page paths, relative to the edition, from its sitemap."""
        tree = ET.parse(self.root / "sitemap.xml")
        locs = [
            el.text or "" for el in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
        ]
        assert all(loc.startswith(self.site_url) for loc in locs), locs
        return [loc.removeprefix(self.site_url) for loc in locs]

    @functools.cached_property
    def texts(self) -> dict[str, str]:
        """Location (page, or page#anchor) → text of every section search
        reads (handbook.search.pages): each section of an essay, a glossary
        entry's first, none of a page that lists others or is excluded."""
        found: dict[str, str] = {}
        for page in self.pages():
            source = source_of(page)
            kind = page_kind(source.relative_to(ROOT / "docs").as_posix())
            if kind is Kind.NAVIGATION or front_matter(source).get("search", {}).get("exclude"):
                continue
            file = self.root / (page + "index.html" if page.endswith("/") or not page else page)
            sections = list(read_page(file).sections.items())
            for anchor, parts in sections[:1] if kind is Kind.TERM else sections:
                text = re.sub(r"[^\S\n]+", " ", "".join(parts))
                found[f"{page}#{anchor}" if anchor else page] = re.sub(r"\s*\n\s*", "\n", text)
        return found

    @functools.cached_property
    def sections(self) -> dict[str, str]:
        """The same, every character folded to one script, as search compares them."""
        return {location: fold(text) for location, text in self.texts.items()}

    def expected(self, query: str) -> set[str]:
        """The sections holding every term of the query, in either script."""
        terms = [fold(t) for t in query.split()]
        return {loc for loc, text in self.sections.items() if all(t in text for t in terms)}

    def expected_pages(self, query: str) -> set[str]:
        """The pages holding every term of the query, but in no one section."""
        terms = [fold(t) for t in query.split()]
        pages: dict[str, list[str]] = {}
        for loc, text in self.sections.items():
            pages.setdefault(loc.split("#")[0], []).append(text)
        with_section = {loc.split("#")[0] for loc in self.expected(query)}
        return {
            page
            for page, texts in pages.items()
            if page not in with_section and all(any(t in x for x in texts) for t in terms)
        }

    def location(self, href: str) -> str:
        """A result link as an index location: page path, and #anchor if any."""
        url, base = urlsplit(href), urlsplit(self.base)
        assert url.path.startswith(base.path), href
        page = unquote(url.path.removeprefix(base.path))
        return f"{page}#{url.fragment}" if url.fragment else page


def source_of(page: str) -> Path:
    """The Markdown file under docs/ a built page comes from."""
    stem = re.sub(r"(index)?(\.html)?$", "", page).rstrip("/")
    for candidate in (f"{stem}.md", f"{stem}/index.md".lstrip("/")):
        if (ROOT / "docs" / candidate).is_file():
            return ROOT / "docs" / candidate
    raise AssertionError(f"no source for {page!r}")


def front_matter(md: Path) -> dict[str, Any]:
    text = md.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---")[1]) or {} if text.startswith("---") else {}


def downloads(site: Path, suffix: str) -> dict[str, Path]:
    """The one file with `suffix` (".pdf", ".epub") in each edition's downloads
    folder of a built site, keyed by script: Hans, and Hant once it is built."""
    found = {}
    for edition in built_editions(site):
        files = sorted((edition.root(site) / DOWNLOADS).glob(f"*{suffix}"))
        assert len(files) == 1, (
            f"expected one {suffix} in {edition.root(site) / DOWNLOADS}: {files}"
        )
        found[edition.script] = files[0]
    return found
