"""The print edition, checked on the real PDFs: poppler's pdffonts, pdfinfo and
pdftotext read them as a reader's software would (pdftotext -bbox-layout gives
every line's box), pypdf reads the bookmarks, page labels, structure and what
a tagged-PDF reader copies. Pages are rendered to PNG in build/test-output/pdf/
for a person to look at.

The shared build of the site is copied into a folder of this suite's own, and
`python -m handbook.pdf` makes one PDF per edition there. Without poppler or
the Noto CJK fonts the tests are skipped, or fail when CI=true.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urljoin

import pypdf
import pytest
import yaml
from pypinyin import Style, lazy_pinyin
from support import ROOT, SOURCE, article_text, missing

from handbook.addresses import DOWNLOADS, TRADITIONAL_DIR
from handbook.chars import HAN_CHAR as HAN
from handbook.chars import LINE_BREAK, QUOTE_PAIRS, han
from handbook.editions import built_editions
from handbook.punctuation import restore_full_width

pytestmark = pytest.mark.pdf  # WeasyPrint, poppler and the Noto CJK fonts

OUTPUT = ROOT / "build" / "test-output" / "pdf"
TOOLS = {
    "pdffonts": "poppler-utils",
    "pdfinfo": "poppler-utils",
    "pdftotext": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "fc-list": "fontconfig",
}
FONTS = ("Noto Serif CJK SC", "Noto Sans CJK SC", "Noto Serif CJK TC", "Noto Sans CJK TC")
# Line-start prohibitions of Chinese typesetting (CLREQ): pause and stop marks,
# closing quotes and brackets. An ellipsis may start a line (a snippet often does).
CLOSING = "，。、；：？！）》」』〉】〕”’"
OPENING = "（《「『〈【〔“‘"
# The page as book.css sets it, in points: A4, 23.5 mm side margins (44
# characters of 10.5 pt across), a text block 24 mm from the top and 38 lines
# of the 18.375 pt leading high.
MM = 72 / 25.4
LEFT, RIGHT = 23.5 * MM, 595.276 - 23.5 * MM
LEADING, SIZE = 18.375, 10.5
TOP = 24 * MM
BOTTOM = TOP + 38 * LEADING
# Cropping to the text block leaves out the running head and the page number.
BODY = ["-x", "0", "-y", "66", "-W", "596", "-H", f"{BOTTOM - 66 + 4:.0f}"]
BUILT = datetime(2024, 5, 1, 8, tzinfo=UTC)  # SOURCE_DATE_EPOCH of the test build


def run(*args: str | Path, **env: str) -> str:
    result = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, cwd=ROOT, env={**os.environ, **env}
    )
    assert result.returncode == 0, f"{args[0]} failed: {result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the shared build of the handbook, with its PDFs added (the
    shared build stays as mkdocs wrote it)."""
    for tool, package in TOOLS.items():
        if not shutil.which(tool):
            missing(f"{tool} (Debian package {package})")
    families = run("fc-list", ":", "family")
    for font in FONTS:
        if font not in families:
            missing(f"the font {font} (Debian package fonts-noto-cjk)")
    site = tmp_path_factory.mktemp("print") / "site"
    shutil.copytree(built_site, site)
    epoch = str(int(BUILT.timestamp()))
    run(sys.executable, "-m", "handbook.pdf", "--site", site, SOURCE_DATE_EPOCH=epoch)
    return site


@pytest.fixture(scope="module")
def pdfs(site: Path) -> dict[str, Path]:
    """The PDF of each edition, keyed by script: Hans, and Hant once it is built."""
    books = {}
    for edition in built_editions(site):
        found = sorted((edition.root(site) / DOWNLOADS).glob("*.pdf"))
        assert len(found) == 1, (
            f"expected one PDF in {edition.root(site) / DOWNLOADS}, found {found}"
        )
        books[edition.script] = found[0]
    return books


# --- reading the PDFs ----------------------------------------------------------


def body_pages(pdf: Path) -> list[str]:
    """The text of each page inside the text block: no running head, no page number."""
    return run("pdftotext", "-r", "72", *BODY, "-enc", "UTF-8", pdf, "-").split("\f")[:-1]


def page_text(pdf: Path) -> list[str]:
    """Each whole page's text, as pdftotext reads it."""
    return run("pdftotext", "-enc", "UTF-8", pdf, "-").split("\f")[:-1]


@dataclass(frozen=True)
class Line:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def body(self) -> bool:
        """A line of the running text: 10.5 pt (its box is 1.437 em high), in the text block."""
        return abs((self.y1 - self.y0) / 1.437 - SIZE) < 0.2 and TOP - 1 < self.y0 < BOTTOM

    @property
    def indented(self) -> bool:
        return self.x0 > LEFT + SIZE


@functools.cache
def lines(pdf: Path) -> tuple[tuple[Line, ...], ...]:
    """Every line of every page with its box, as pdftotext -bbox-layout gives them."""
    xml = run("pdftotext", "-bbox-layout", "-enc", "UTF-8", pdf, "-")
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml).replace('xmlns="http://www.w3.org/1999/xhtml"', "")
    pages = []
    for page in ET.fromstring(xml).iter("page"):
        found = [
            Line(
                *(float(line.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")),
                "".join(w.text or "" for w in line.iter("word")),
            )
            for line in page.iter("line")
        ]
        pages.append(tuple(sorted(found, key=lambda ln: (round(ln.y0), ln.x0))))
    return tuple(pages)


def outline(pdf: Path) -> list[tuple[int, str, int]]:
    """(level, title, 0-based page) of every bookmark, in order."""
    reader = pypdf.PdfReader(pdf)
    found: list[tuple[int, str, int]] = []

    def walk(items: list, level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 1)
    return found


def essay_pages(pdf: Path) -> list[range]:
    """The pages of each essay: from its bookmark to the next top-level one."""
    marks = [(t, p) for level, t, p in outline(pdf) if level == 1]
    return [
        range(p, marks[n + 1][1] if n + 1 < len(marks) else len(lines(pdf)))
        for n, (t, p) in enumerate(marks)
        if re.match(r"第.+篇", t)
    ]


def glossary_pages(pdf: Path) -> range:
    marks = [(t, p) for level, t, p in outline(pdf) if level == 1]
    at = next(n for n, (t, _) in enumerate(marks) if t in {"术语表", "術語表"})
    return range(marks[at][1], marks[at + 1][1])


def copied_text(pdf: Path, page: int) -> str:
    """What a tagged-PDF reader copies from a page: its text, less what is marked /Artifact."""
    artifact, parts = [], []

    def before(operator: bytes, args: list, cm: list, tm: list) -> None:
        if operator in (b"BDC", b"BMC"):
            artifact.append(args[0] == "/Artifact")
        elif operator == b"EMC" and artifact:
            artifact.pop()

    def text(string: str, cm: list, tm: list, font: dict, size: float) -> None:
        if not any(artifact):
            parts.append(string)

    pypdf.PdfReader(pdf).pages[page].extract_text(visitor_operand_before=before, visitor_text=text)
    return "".join(parts)


def glyph_runs(pdf: Path, pages: range) -> list[tuple[str, str, float]]:
    """(text, font name, size in points) of each run of text pypdf reads on the pages."""
    reader, runs = pypdf.PdfReader(pdf), []
    for number in pages:

        def text(string: str, cm: list, tm: list, font: dict | None, size: float) -> None:
            if string.strip() and font is not None:
                runs.append((string, str(font.get("/BaseFont")), abs(size * tm[3] * cm[3])))

        reader.pages[number].extract_text(visitor_text=text)
    return runs


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def first_miss(expected: str, text: str) -> int | None:
    """Where `expected` stops being a subsequence of `text`; None if it is one."""
    at = 0
    for i, char in enumerate(expected):
        at = text.find(char, at)
        if at < 0:
            return i
        at += 1
    return None


def assert_in_order(expected: str, text: str, what: str) -> None:
    miss = first_miss(expected, text)
    assert miss is None, (
        f"{what}: character {miss} of {len(expected)} missing or out of order, "
        f"at …{expected[max(0, miss - 15) : miss]}[{expected[miss]}]{expected[miss + 1 : miss + 15]}…"
    )


def site_config() -> dict[str, str]:
    """mkdocs.yml's plain top-level settings (site_name, site_author …)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return dict(re.findall(r"^(site_\w+): (.+)$", text, re.M))


def site_paragraphs(site: Path, edition) -> list[str]:
    """The text of the essays' paragraphs (no headings, no bylines) in an edition of the site."""
    texts = []
    for page in sorted(edition.root(site).glob("*/essay-*/index.html")):
        html = page.read_text(encoding="utf-8")
        for body in re.findall(r'<p id="p\d+">(.*?)</p>', html, re.S):
            texts.append(re.sub(r"<[^>]+>", "", body))
    return texts


# --- the text, whole and in order ------------------------------------------------


def test_every_font_is_embedded_as_a_subset(pdfs: dict[str, Path]):
    for script, pdf in pdfs.items():
        rows = run("pdffonts", pdf).splitlines()[2:]
        assert rows, f"{pdf.name}: no fonts"
        for row in rows:
            emb, sub = row.split()[-5:-3]
            assert (emb, sub) == ("yes", "yes"), f"{pdf.name}: not an embedded subset: {row}"
        names = [row.split()[0] for row in rows]
        assert any("Bold" in n for n in names), f"{pdf.name}: no real bold face: {names}"
        region = "-SC" if script == "Hans" else "-TC"
        assert all(region in n or "HK" in n for n in names if "CJK" in n), (
            f"{pdf.name}: fonts of another region: {names}"
        )


def test_every_chinese_character_of_the_source_is_there_in_order(pdfs, collection):
    """Headers and footers aside, the book holds the source less the debris lines."""
    pages = body_pages(pdfs["Hans"])
    debris = {r.line for r in collection.removals}
    source_lines = LINE_BREAK.split(SOURCE.read_text(encoding="utf-8"))
    kept = {n: line for n, line in enumerate(source_lines, start=1) if n not in debris}
    assert_in_order(han("".join(kept.values())), han("".join(pages)), "the whole book")

    # Essay by essay, within the pages from its bookmark to the next one's.
    starts = [(title, page) for level, title, page in outline(pdfs["Hans"]) if level == 1]
    for essay in collection.essays:
        title = f"{essay.marker} {essay.title}"
        at = next(i for i, (t, _) in enumerate(starts) if t == title)
        end = starts[at + 1][1] if at + 1 < len(starts) else len(pages)
        text = han("".join(kept.get(n, "") for n in range(essay.line, essay.last_line + 1)))
        assert_in_order(text, han("".join(pages[starts[at][1] : end])), title)


def first_difference(expected: str, text: str) -> str:
    """Where two texts part, with some context of each; "" when they are the same."""
    if expected == text:
        return ""
    at = next((i for i, (a, b) in enumerate(zip(expected, text, strict=False)) if a != b), None)
    at = min(len(expected), len(text)) if at is None else at
    return (
        f"character {at} of {len(expected)}: "
        f"expected …{expected[max(0, at - 15) : at + 15]}…, found …{text[max(0, at - 15) : at + 15]}…"
    )


def test_every_character_of_every_essay_is_there_in_order(site: Path, pdfs: dict[str, Path]):
    """Each essay's pages, read by pdftotext inside the text block, hold exactly
    the characters of its site page's article (spaces and line breaks aside):
    headings, bylines, marks and all, none lost, added or moved, in both editions."""
    for edition in built_editions(site):
        pdf = pdfs[edition.script]
        pages = body_pages(pdf)
        essays = sorted(edition.root(site).glob("*/essay-*/index.html"))
        printed = essay_pages(pdf)
        assert essays and len(printed) == len(essays), (len(printed), essays)
        for page, pdf_pages in zip(essays, printed, strict=True):
            expected = squeeze(article_text(page))
            text = squeeze("".join(pages[p] for p in pdf_pages))
            where = f"{pdf.name}, {page.parent.name}"
            assert not first_difference(expected, text), (
                f"{where}: {first_difference(expected, text)}"
            )


def test_copied_text_is_the_books_with_nothing_inserted(site: Path, pdfs: dict[str, Path]):
    """Justification spreads characters without adding any: pdftotext reads no
    zero-width space (the break opportunities at curly quotes), and no space
    between two Han characters that the site's text does not have."""
    spaced = re.compile(f"(?<={HAN.pattern}) +(?={HAN.pattern})")
    for edition in built_editions(site):
        pdf = pdfs[edition.script]
        essays = [p for pages in essay_pages(pdf) for p in pages]
        text = "".join(body_pages(pdf)[p] for p in essays)
        assert "\u200b" not in "".join(page_text(pdf)), f"{pdf.name}: a zero-width space"
        essays_html = sorted(edition.root(site).glob("*/essay-*/index.html"))
        allowed = sum(len(spaced.findall(article_text(p))) for p in essays_html)
        found = spaced.findall(text)
        assert len(found) <= allowed, (
            f"{pdf.name}: {len(found)} spaces inserted, {allowed} in the text"
        )


def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(pdfs):
    for pdf in pdfs.values():
        for number, page in enumerate(body_pages(pdf), start=1):
            for line in filter(None, (ln.strip() for ln in page.splitlines())):
                assert line[0] not in CLOSING, f"{pdf.name} page {number}: {line}"
                assert line[-1] not in OPENING, f"{pdf.name} page {number}: {line}"


# --- justification, compression, the line grid ---------------------------------------


def non_final_body_lines(pdf: Path) -> list[Line]:
    """The running text's lines that a paragraph continues after: the next body
    line, on the same page one leading down or at the top of the next page,
    starts at the margin (a paragraph's first line is indented two characters)."""
    found = []
    for essay in essay_pages(pdf):
        body = [[ln for ln in lines(pdf)[p] if ln.body] for p in essay]
        for n, page in enumerate(body):
            following = body[n + 1][:1] if n + 1 < len(body) else []
            for line, after in zip(page, [*page[1:], *following], strict=False):
                next_line = abs(after.y0 - line.y0 - LEADING) < 1 or after.y0 < line.y0
                if next_line and not after.indented:
                    found.append(line)
    return found


def overhangs(line: Line) -> bool:
    """A closing mark set half-width at a line's end by the font's `halt` (its ink
    is in its left half) still shows pdftotext its full-width box: half of it
    lies past the margin. (One already in the half-width font does not.)"""
    return line.text[-1] in CLOSING and line.x1 > RIGHT + SIZE / 4


def line_end(line: Line) -> float:
    """Where a line's last character ends."""
    return line.x1 - SIZE / 2 if overhangs(line) else line.x1


def test_body_lines_end_flush_at_the_right_margin(pdfs):
    for pdf in pdfs.values():
        body = non_final_body_lines(pdf)
        assert len(body) > 300, f"{pdf.name}: only {len(body)} lines of running text found"
        short = [ln for ln in body if abs(line_end(ln) - RIGHT) > SIZE / 2]
        flush = 1 - len(short) / len(body)
        print(f"{pdf.name}: {len(body) - len(short)} of {len(body)} lines flush ({flush:.1%})")
        assert flush >= 0.98, f"{pdf.name}: {flush:.1%} flush; short: {[s.text for s in short[:5]]}"


def test_simplified_compresses_punctuation_and_traditional_does_not(site, pdfs):
    """Mainland books (GB/T 15834) set a mark's blank half away where two marks
    meet and at a line's end; Taiwan's books keep every mark full width."""
    halved = re.compile(f"[{CLOSING}](?=[{CLOSING}{OPENING}])|(?<=[{OPENING}])[{OPENING}]")
    for edition in built_editions(site):
        pdf = pdfs[edition.script]
        essays = range(essay_pages(pdf)[0].start, essay_pages(pdf)[-1].stop)
        half = [t for t, font, _ in glyph_runs(pdf, essays) if "Half-width" in font]
        expected = sum(len(halved.findall(p)) for p in site_paragraphs(site, edition))
        ends = [ln for ln in non_final_body_lines(pdf) if ln.text[-1] in CLOSING]
        halved_ends = [ln for ln in ends if overhangs(ln)]
        assert ends and all(abs(line_end(ln) - RIGHT) < 1 for ln in ends)
        if edition.script == "Hans":
            assert expected > 50 and len(squeeze("".join(half))) == expected, (half, expected)
            assert len(halved_ends) > 0.8 * len(ends), (len(halved_ends), len(ends))
        else:
            assert not half, f"{pdf.name}: marks set half-width: {half[:10]}"
            assert not halved_ends, [ln.text for ln in halved_ends]


def test_the_running_text_keeps_to_the_line_grid_and_fills_its_pages(pdfs):
    """Every body line sits a whole number of leadings below the top of the text
    block; a page that an essay continues after ends on its last line, but for
    the line or two the widow, orphan and keep-with-heading rules move over."""
    for pdf in pdfs.values():
        essays = essay_pages(pdf)
        offsets = {
            round((ln.y0 - TOP) % LEADING, 1)
            for pages in essays
            for p in pages
            for ln in lines(pdf)[p]
            if ln.body
        }
        assert len(offsets) == 1 or max(offsets) - min(offsets) < 0.3, f"{pdf.name}: {offsets}"
        block = [[ln for ln in page if TOP - 1 < ln.y0 < BOTTOM] for page in lines(pdf)]
        for pages in essays:
            for p in pages[:-1]:
                gap = (BOTTOM - block[p][-1].y1) / LEADING
                heading_next = not block[p + 1][0].body
                assert gap < (5 if heading_next else 1.2), (
                    f"{pdf.name} page {p + 1}: {gap:.1f} lines"
                )


# --- the Traditional book --------------------------------------------------------------


def test_the_traditional_edition_is_in_traditional_characters(pdfs: dict[str, Path]):
    if "Hant" not in pdfs:
        pytest.skip("the site has no Traditional edition")
    from handbook.hant import simplified_only_characters

    pdf = pdfs["Hant"]
    text = "".join(body_pages(pdf))
    assert len(han(text)) > 1000
    found = sorted({c for c in text if c in simplified_only_characters()})
    assert not found, f"{pdf.name}: Simplified-only characters {''.join(found)}"
    lang = pypdf.PdfReader(pdf).trailer["/Root"].get("/Lang")
    assert str(lang).startswith("zh-Hant"), f"{pdf.name}: language {lang}"


def test_the_traditional_book_quotes_with_corner_brackets(pdfs: dict[str, Path]):
    """zh-Hant-TW: 「」 and 『』 inside, as the Traditional site writes them."""
    if "Hant" not in pdfs:
        pytest.skip("the site has no Traditional edition")
    text = "".join(page_text(pdfs["Hant"]))
    curly = sorted({c for c in text if c in "“”‘’"})
    assert not curly, f"{pdfs['Hant'].name}: {text.count('“')} “ and the like: {''.join(curly)}"
    assert "「" in text and "」" in text


# --- outline, contents, labels, metadata, tagging -----------------------------------------


def test_the_outline_lists_every_essay_and_the_contents_give_their_pages(pdfs, collection):
    for script, pdf in pdfs.items():
        marks = outline(pdf)
        labels = pypdf.PdfReader(pdf).page_labels
        chapters = [(t, p) for level, t, p in marks if level == 1]
        for essay in collection.essays:
            assert any(t.startswith(essay.marker) for t, _ in chapters), (
                f"{pdf.name}: no bookmark for {essay.marker}"
            )
            if script == "Hans":
                assert (f"{essay.marker} {essay.title}", 1) in [(t, lv) for lv, t, _ in marks]
        assert any(level == 2 for level, _, _ in marks), f"{pdf.name}: no section bookmarks"

        # The contents (the pages numbered i, ii …): each chapter's title, then its page.
        front = [n for n, label in enumerate(labels) if re.fullmatch("[ivx]+", label)]
        contents = re.sub(r"\.{3,}", "", squeeze("".join(body_pages(pdf)[n] for n in front)))
        for title, page in chapters:
            if title not in {"目录", "目錄", "版权页", "版權頁"}:
                assert f"{squeeze(title)}{labels[page]}" in contents, (
                    f"{pdf.name}: the contents do not give page {labels[page]} for {title}"
                )


def test_pages_are_labelled_as_they_are_numbered(pdfs: dict[str, Path]):
    """The cover unnumbered, the contents i, ii …, the essays from 1; the label a
    reader's PDF viewer shows is the number printed at the page's foot."""
    for script, pdf in pdfs.items():
        labels = pypdf.PdfReader(pdf).page_labels
        first_essay = essay_pages(pdf)[0].start
        assert labels[0] == "封面" and labels[1] == "i" and labels[first_essay] == "1", labels
        assert labels[-1] == ("版权页" if script == "Hans" else "版權頁"), labels
        feet = run("pdftotext", "-y", f"{BOTTOM + 4:.0f}", "-H", "80", "-W", "596", pdf, "-")
        for label, foot in zip(labels, feet.split("\f"), strict=False):
            if label[0].isascii():
                assert foot.strip() == label, f"{pdf.name}: page {label} prints {foot.strip()!r}"


def test_the_pdf_is_tagged_pdf_ua_with_its_metadata(pdfs: dict[str, Path]):
    config = site_config()
    for script, pdf in pdfs.items():
        info = dict(line.split(":", 1) for line in run("pdfinfo", pdf).splitlines() if ":" in line)
        info = {k: v.strip() for k, v in info.items()}
        assert info["Tagged"] == "yes", info
        for field in ("Title", "Author", "Subject", "Keywords", "CreationDate", "ModDate"):
            assert info.get(field), f"{pdf.name}: no {field}"
        if script == "Hans":
            assert info["Title"] == config["site_name"] and info["Author"] == config["site_author"]
        reader = pypdf.PdfReader(pdf)
        root = reader.trailer["/Root"]
        assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root
        assert root["/ViewerPreferences"]["/DisplayDocTitle"]
        xmp = reader.xmp_metadata
        packet = root["/Metadata"].get_object().get_data().decode()
        assert 'pdfuaid:part="1"' in packet or "<pdfuaid:part>1</pdfuaid:part>" in packet
        assert xmp.dc_language == [str(root["/Lang"])] and xmp.dc_subject and xmp.dc_title
        assert reader.metadata.creation_date.date() == BUILT.date()


def test_bookmarks_are_open_when_the_book_opens(pdfs: dict[str, Path]):
    for pdf in pdfs.values():
        assert pypdf.PdfReader(pdf).page_mode == "/UseOutlines"


def test_copying_a_body_page_gives_its_text_and_no_running_head(pdfs, collection):
    """Running heads and page numbers are /Artifact: a body page of the second
    essay shows its head and number but copies only its own text."""
    pdf = pdfs["Hans"]
    page = essay_pages(pdf)[1].start + 1
    essay = collection.essays[1]
    head = run(
        "pdftotext", "-f", str(page + 1), "-l", str(page + 1), "-H", "60", "-W", "596", pdf, "-"
    )
    assert essay.marker in head, head
    copied = copied_text(pdf, page)
    assert squeeze(body_pages(pdf)[page])[:40] in squeeze(copied)
    assert essay.marker not in copied and not re.search(r"^\s*\d+\s*$", copied, re.M), copied[-80:]


def test_running_heads_name_the_article_where_an_essay_holds_several(pdfs, collection):
    pdf = pdfs["Hans"]
    essay = next(e for e in collection.essays if len(e.articles) > 2)
    pages = essay_pages(pdf)[collection.essays.index(essay)]
    heads = [
        squeeze(
            run("pdftotext", "-f", str(p + 1), "-l", str(p + 1), "-H", "60", "-W", "596", pdf, "-")
        )
        for p in pages
    ]
    for article in essay.articles[1:]:
        assert any(h == squeeze(f"{essay.marker}{article.title}") for h in heads), (
            article.title,
            heads,
        )


# --- the glossary ---------------------------------------------------------------------


def glossary_terms() -> list[dict]:
    """glossary.yml's entries, their ASCII commas widened as the converter widens them."""
    terms = yaml.safe_load((ROOT / "source" / "glossary.yml").read_text(encoding="utf-8"))
    return [{**t, "term": restore_full_width(t["term"])} for t in terms]


def test_glossary_entries_are_in_pinyin_order_of_the_term(pdfs: dict[str, Path]):
    pdf = pdfs["Hans"]
    marks = outline(pdf)
    start = next(n for n, (lv, t, _) in enumerate(marks) if lv == 1 and t == "术语表")
    entries = [t for lv, t, _ in marks[start + 1 :] if lv == 2]
    assert sorted(entries) == sorted(t["term"] for t in glossary_terms())
    assert entries == sorted(entries, key=lambda t: (lazy_pinyin(t, style=Style.TONE3), t))
    assert entries.index("焦裕禄") < entries.index("焦裕禄精神")
    assert entries.index("群众路线") < entries.index("群众路线教育实践活动")


def test_glossary_reads_well_in_print(pdfs: dict[str, Path]):
    """References by essay and page, never a line of the raw file; page numbers
    whole; Chinese ellipses; at least 9 pt; shorter than the essays."""
    for pdf in pdfs.values():
        pages = glossary_pages(pdf)
        text = "".join(page_text(pdf)[p] for p in pages)
        assert "原文第" not in text and not re.search(r"第\s*\d+\s*行", text)
        assert not re.search(r"(?<!…)…(?!…)", text), "a lone … where Chinese writes ……"
        for opening, closing in QUOTE_PAIRS.items():
            counts = (text.count(opening), text.count(closing))
            assert counts[0] == counts[1], (
                f"{pdf.name}: {counts[0]} {opening}, {counts[1]} {closing}"
            )
        broken = re.search(r"第\s+\d|\d\s+[页頁]|第\s*\n\s*\d|\d\s*\n\s*[页頁]", text)
        assert not broken, f"a page number broken: {broken}"
        sizes = [size for _, _, size in glyph_runs(pdf, pages)]
        assert min(sizes) >= 9 - 0.01, f"{pdf.name}: text at {min(sizes):.1f} pt"
        essays = sum(len(r) for r in essay_pages(pdf))
        assert len(pages) < essays, f"{pdf.name}: {len(pages)} glossary pages, {essays} of essays"


def test_glossary_quotations_are_whole_and_on_the_page_they_name(pdfs, collection):
    """形式主义's definition is broken across two source lines; printed, its
    quotation is the whole sentence, and each quotation is on the page its
    reference gives, in the essay it names."""
    pdf = pdfs["Hans"]
    source_lines = LINE_BREAK.split(SOURCE.read_text(encoding="utf-8"))
    entry = next(t for t in glossary_terms() if t["term"] == "形式主义")
    line = entry["defined_at"]["line"]
    broken = source_lines[line - 1] + source_lines[line]  # 形式主义:知行不 + 一、…
    sentence = squeeze(re.split("(?<=[；。])", broken.replace(":", "："))[0])
    labels = pypdf.PdfReader(pdf).page_labels
    gloss = "".join(page_text(pdf)[p] for p in glossary_pages(pdf))
    assert sentence in squeeze(gloss), sentence
    body = {labels[p]: squeeze(body_pages(pdf)[p]) for r in essay_pages(pdf) for p in r}
    refs = re.findall(
        r"原文定义（(第.篇)，第(\d+)页）：\s*(.+?)(?=\n\S+\n类别|\n用例)", gloss, re.S
    )
    assert len(refs) == sum(1 for t in glossary_terms() if t.get("defined_at")), len(refs)
    for marker, page, quote in refs:
        quote = squeeze(quote)
        assert quote[:12] in body[page], (marker, page, quote[:20])
        essay = next(n for n, e in enumerate(collection.essays) if e.marker == marker)
        assert labels.index(page) in essay_pages(pdf)[essay]


def test_a_quotation_cut_inside_a_passage_it_quotes_closes_it():
    """A glossary quotation ends at a sentence's end; where that is inside a
    passage the essay quotes, the passage is closed after …… (GB/T 15834)."""
    from handbook.print.glossary import closed, whole_quote

    paragraph = "概括：“凡属正确的领导，必须是从群众中来。这就是说，‘集中起来’。”其次。"
    start, text = whole_quote(paragraph, "概括：“凡属正确的领导")
    assert (start, text) == (0, "概括：“凡属正确的领导，必须是从群众中来。")
    assert closed(text) == "概括：“凡属正确的领导，必须是从群众中来。……”"
    assert closed("说：「要『實事求是』") == "说：「要『實事求是』……」"
    assert closed(paragraph) == paragraph


def test_a_glossary_heading_stays_with_its_definition_and_quotation(pdfs: dict[str, Path]):
    """On the page of each entry's heading: its definition, the reference and the
    quotation to its end."""
    defined = sum(1 for t in glossary_terms() if t.get("defined_at"))
    # The label, its reference, and the quotation to a sentence's end or to the uses.
    quoted = re.compile(r"原文定[义義]（[^）]+）：.{10,}?(?:[。；！？”」]|\n用例)", re.S)
    for pdf in pdfs.values():
        pages = glossary_pages(pdf)
        entries = [(t, p) for level, t, p in outline(pdf) if level == 2 and p in pages]
        together = 0
        for n, (term, page) in enumerate(entries):
            text = page_text(pdf)[page]
            after = text[text.find(f"\n{term}\n") + len(term) :]
            if n + 1 < len(entries) and entries[n + 1][1] == page:
                after = after[: after.find(f"\n{entries[n + 1][0]}\n")]
            together += bool(quoted.search(after))
        assert together == defined, f"{pdf.name}: {together} of {defined} entries hold together"


# --- cover, colophon, pages to look at -------------------------------------------------


def test_the_cover_and_the_colophon_say_what_the_book_is(pdfs, collection):
    config = site_config()
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    year, month, day = (int(n) for n in collection.date.split("-"))
    pdf = pdfs["Hans"]
    cover = lines(pdf)[0]
    biggest = max(cover, key=lambda ln: ln.y1 - ln.y0)
    assert biggest.text == config["site_name"], biggest
    cover_text = squeeze("".join(ln.text for ln in cover))
    assert squeeze(collection.title) in cover_text and f"{year}年{month}月{day}日" in cover_text
    assert "简体中文版" in cover_text and config["site_author"] in cover_text
    colophon = squeeze(page_text(pdf)[-1])
    for fact in (
        SOURCE.name,
        version,
        "2024年5月1日",
        "WeasyPrint",
        "study-handbook",
        "简体中文版",
    ):
        assert fact in colophon, fact
    assert "繁體中文版" in squeeze(page_text(pdfs["Hant"])[0]) if "Hant" in pdfs else True


def test_the_publication_gives_each_edition_its_identity(built_site: Path, collection):
    """What a cover, title page and colophon read (the PDF's, an EPUB's): the
    handbook's title, the collection, the edition, the date in Chinese form."""
    from handbook.pdf import publication
    from handbook.print.site import collect

    config = site_config()
    year, month, day = (int(n) for n in collection.date.split("-"))
    for edition in built_editions(built_site):
        docs = ROOT / "docs"
        pub = publication(collect(edition.root(built_site), docs), edition, docs)
        assert pub.date_text == f"{year}年{month}月{day}日"
        assert pub.edition == ("简体中文版" if edition.script == "Hans" else "繁體中文版")
        if edition.script == "Hans":
            assert (pub.title, pub.subtitle) == (config["site_name"], collection.title)
            colophon = dict(pub.colophon())
            assert colophon["书名"] == f"{config['site_name']}（简体中文版）"
            assert colophon["底本"] == SOURCE.name and colophon["编者"] == config["site_author"]


def test_the_pdf_and_the_epub_of_one_build_state_the_same_date(site: Path, tmp_path: Path):
    """Both books are dated by their sources, never by the clock: without
    SOURCE_DATE_EPOCH, the last commit of the converted pages (docs/)."""
    built = tmp_path / "site"
    shutil.copytree(site, built)
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    for maker in ("handbook.pdf", "handbook.epub"):
        made = subprocess.run(
            [sys.executable, "-m", maker, "--site", str(built), "--script", "Hans"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
        )
        assert made.returncode == 0, made.stderr
    [pdf] = (built / DOWNLOADS).glob("*.pdf")
    [epub] = (built / DOWNLOADS).glob("*.epub")
    info = dict(
        line.split(":", 1) for line in run("pdfinfo", "-isodates", pdf).splitlines() if ":" in line
    )
    with zipfile.ZipFile(epub) as book:
        package = ET.fromstring(book.read("EPUB/package.opf"))
    opf = "{http://www.idpf.org/2007/opf}"
    stated = package.find(f"{opf}metadata/{{http://purl.org/dc/elements/1.1/}}date").text
    modified = package.find(f"{opf}metadata/{opf}meta[@property='dcterms:modified']").text
    assert info["CreationDate"].strip() == info["ModDate"].strip() == modified, info
    assert modified.startswith(stated)
    git = ["git", "-C", str(ROOT / "docs")]
    dirty = subprocess.run([*git, "status", "--porcelain", "--", "."], capture_output=True).stdout
    if not dirty:  # the pages as committed: their commit's date (else their files' newest)
        committed = run(*git, "log", "-1", "--format=%ct", "--", ".").strip()
        when = datetime.fromtimestamp(int(committed), tz=UTC)
        assert modified == when.strftime("%Y-%m-%dT%H:%M:%SZ")


def test_pages_rendered_for_a_person_to_look_at(pdfs: dict[str, Path]):
    """Cover, contents, a body page, a glossary page and the colophon, as PNG."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for old in OUTPUT.glob("*.png"):
        old.unlink()
    for script, pdf in pdfs.items():
        glossary = glossary_pages(pdf)
        shown = {
            "cover": 0,
            "contents": 1,
            "body": essay_pages(pdf)[1].start + 1,
            "glossary": glossary.start + 1,
            "colophon": len(lines(pdf)) - 1,
        }
        for name, page in shown.items():
            out = OUTPUT / f"zh-{script}-{name}"
            run(
                "pdftoppm",
                "-r",
                "60",
                "-png",
                "-singlefile",
                "-f",
                page + 1,
                "-l",
                page + 1,
                pdf,
                out,
            )
            png = out.with_suffix(".png")
            assert png.stat().st_size > 5000, png


# --- the site's links and the PDF maker's refusals ---------------------------------------


def test_every_page_of_the_site_links_to_its_edition_pdf(site: Path, pdfs: dict[str, Path]):
    for edition in built_editions(site):
        pdf = pdfs[edition.script]
        for page in edition.root(site).rglob("*.html"):
            if edition.script == "Hans" and TRADITIONAL_DIR in page.relative_to(site).parts:
                continue
            html = page.read_text(encoding="utf-8")
            links = re.findall(rf'href="([^"]*{DOWNLOADS}/[^"]*\.pdf)"', html)
            assert links, f"{page.relative_to(site)}: no link to the PDF"
            # Pages outside the folder tree (404.html) link from the site's root.
            base = site.as_uri() + "/" if links[0].startswith("/") else page.parent.as_uri() + "/"
            links = [link.lstrip("/") if link.startswith("/") else link for link in links]
            targets = {Path(unquote(urljoin(base, link).removeprefix("file://"))) for link in links}
            assert {t.resolve() for t in targets} == {pdf.resolve()}, (
                f"{page.relative_to(site)}: links {links} do not reach {pdf.name}"
            )


def test_nothing_is_fetched_from_the_network(tmp_path: Path):
    from weasyprint.urls import FatalURLFetchingError

    from handbook.pdf import render

    page = '<html lang="zh-Hans"><body><img src="https://example.org/x.png"></body></html>'
    with pytest.raises(FatalURLFetchingError):
        render(page, tmp_path.as_uri() + "/")


def test_a_site_built_with_file_urls_is_refused_not_half_printed(tmp_path: Path):
    """The offline build links essay-01.html; the book needs folder URLs and
    says so rather than printing the home page alone."""
    (tmp_path / "index.html").write_text(
        '<html><body><nav class="md-nav md-nav--primary">'
        '<a class="md-nav__link" href="mass-line-essays/essay-01.html">第一篇</a>'
        '</nav><article class="md-content__inner"><h1>题</h1></article></body></html>',
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "handbook.pdf", "--site", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 1
    assert "use_directory_urls" in result.stderr and "Traceback" not in result.stderr
    assert not list(tmp_path.rglob("*.pdf"))
