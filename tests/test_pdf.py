"""The print edition, checked on the real PDFs: poppler's pdffonts and pdftotext
read them as a reader's software would, pypdf reads the bookmarks. Pages are
rendered to PNG in build/test-output/pdf/ for a person to look at.

The shared build of the site is copied into a folder of this suite's own,
and `python -m handbook.pdf` makes one PDF per edition there. Without poppler or the Noto CJK fonts the
tests are skipped, or fail when CI=true.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urljoin

import pypdf
import pytest
from support import ROOT, SOURCE, article_text

from handbook.addresses import DOWNLOADS, TRADITIONAL_DIR
from handbook.chars import HAN_CHAR as HAN
from handbook.editions import built_editions
from handbook.reader import LINE_BREAK

pytestmark = pytest.mark.pdf  # WeasyPrint, poppler and the Noto CJK fonts

OUTPUT = ROOT / "build" / "test-output" / "pdf"
TOOLS = {
    "pdffonts": "poppler-utils",
    "pdftotext": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "fc-list": "fontconfig",
}
FONTS = ("Noto Serif CJK SC", "Noto Sans CJK SC", "Noto Serif CJK TC", "Noto Sans CJK TC")
# Line-start prohibitions of Chinese typesetting (CLREQ): pause and stop marks,
# closing quotes and brackets. An ellipsis may start a line (a snippet often does).
CLOSING = "，。、；：？！）》」』〉】〕”’"
OPENING = "（《「『〈【〔“‘"
# The text block of an A4 page in points (book.css: margins 24 mm top, 22 mm
# bottom); cropping to it leaves out the running header and the page number.
BODY = ["-x", "0", "-y", "66", "-W", "596", "-H", "714"]


def require(found: object, what: str) -> None:
    if found:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is missing (make system-deps installs it)")
    pytest.skip(f"{what} is missing (make system-deps installs it)")


def run(*args: str | Path) -> str:
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, f"{args[0]} failed: {result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the shared build of the handbook, with its PDFs added (the
    shared build stays as mkdocs wrote it)."""
    for tool, package in TOOLS.items():
        require(shutil.which(tool), f"{tool} (Debian package {package})")
    families = run("fc-list", ":", "family")
    for font in FONTS:
        require(font in families, f"the font {font} (Debian package fonts-noto-cjk)")
    site = tmp_path_factory.mktemp("print") / "site"
    shutil.copytree(built_site, site)
    run(sys.executable, "-m", "handbook.pdf", "--site", site)
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


def body_pages(pdf: Path) -> list[str]:
    """The text of each page inside the text block: no running header, no page number."""
    return run("pdftotext", "-r", "72", *BODY, "-enc", "UTF-8", pdf, "-").split("\f")[:-1]


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


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def han(text: str) -> str:
    return "".join(HAN.findall(text))


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
    lines = LINE_BREAK.split(SOURCE.read_text(encoding="utf-8"))
    kept = {n: line for n, line in enumerate(lines, start=1) if n not in debris}
    assert_in_order(han("".join(kept.values())), han("".join(pages)), "the whole book")

    # Essay by essay, within the pages from its bookmark to the next one's.
    starts = [(title, page) for level, title, page in outline(pdfs["Hans"]) if level == 1]
    for essay in collection.essays:
        title = f"{essay.marker} {essay.title}"
        at = next(i for i, (t, _) in enumerate(starts) if t == title)
        end = starts[at + 1][1] if at + 1 < len(starts) else len(pages)
        text = han("".join(kept.get(n, "") for n in range(essay.line, essay.last_line + 1)))
        assert_in_order(text, han("".join(pages[starts[at][1] : end])), title)


def test_each_edition_holds_its_site_pages_text(site: Path, pdfs: dict[str, Path]):
    for edition in built_editions(site):
        text = han("".join(body_pages(pdfs[edition.script])))
        essays = sorted(edition.root(site).glob("*/essay-*/index.html"))
        assert essays, f"no essay pages under {edition.root(site)}"
        for page in essays:
            assert_in_order(han(article_text(page)), text, f"{edition.script}: {page.parent.name}")


def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(pdfs):
    for pdf in pdfs.values():
        for number, page in enumerate(body_pages(pdf), start=1):
            for line in filter(None, (ln.strip() for ln in page.splitlines())):
                assert line[0] not in CLOSING, f"{pdf.name} page {number}: {line}"
                assert line[-1] not in OPENING, f"{pdf.name} page {number}: {line}"


def test_the_outline_lists_every_essay_and_the_contents_give_their_pages(pdfs, collection):
    for script, pdf in pdfs.items():
        marks = outline(pdf)
        chapters = [(t, p) for level, t, p in marks if level == 1]
        for essay in collection.essays:
            assert any(t.startswith(essay.marker) for t, _ in chapters), (
                f"{pdf.name}: no bookmark for {essay.marker}"
            )
            if script == "Hans":
                assert (f"{essay.marker} {essay.title}", 1) in [(t, lv) for lv, t, _ in marks]
        assert any(level == 2 for level, _, _ in marks), f"{pdf.name}: no section bookmarks"

        # The contents: each chapter's title, then its page number.
        pages = body_pages(pdf)
        first = min(p for t, p in chapters if t not in {"目录", "目錄"})
        contents = re.sub(r"\.{3,}", "", squeeze("".join(pages[:first])))
        for title, page in chapters:
            if title not in {"目录", "目錄"}:
                assert f"{squeeze(title)}{page + 1}" in contents, (
                    f"{pdf.name}: the contents do not give page {page + 1} for {title}"
                )


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


def test_nothing_is_fetched_from_the_network(tmp_path: Path):
    from weasyprint.urls import FatalURLFetchingError

    from handbook.pdf import typeset

    page = '<html lang="zh-Hans"><body><img src="https://example.org/x.png"></body></html>'
    with pytest.raises(FatalURLFetchingError):
        typeset(page, tmp_path.as_uri() + "/", tmp_path / "x.pdf")


def test_pages_rendered_for_a_person_to_look_at(pdfs: dict[str, Path]):
    """Cover, contents and the first essays' opening pages, as PNG."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for old in OUTPUT.glob("*.png"):
        old.unlink()
    for script, pdf in pdfs.items():
        run("pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "4", pdf, OUTPUT / f"zh-{script}")
        pngs = sorted(OUTPUT.glob(f"zh-{script}-*.png"))
        assert len(pngs) == 4 and all(p.stat().st_size > 5000 for p in pngs), pngs


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
    )
    assert result.returncode == 1
    assert "use_directory_urls" in result.stderr and "Traceback" not in result.stderr
    assert not list(tmp_path.rglob("*.pdf"))
