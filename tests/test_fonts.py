"""Never a PDF without its glyphs: the font check of the PDF maker
(handbook.fonts), against the real fontconfig, the real Noto CJK fonts and
fontTools' reading of the font files. With the fonts hidden from fontconfig
(an empty configuration), `python -m handbook.pdf`, which `make pdf` runs,
must fail, name the font and its package, and write nothing.

Without fontconfig or the Noto CJK fonts the tests that need them skip, or
fail when CI=true.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from support import ROOT, missing

from handbook import fonts
from handbook.addresses import DOWNLOADS

HAS_NO_GLYPH = "\U00030000"  # CJK Extension G: in no Noto CJK font
EMPTY_FONTCONFIG = '<?xml version="1.0"?>\n<fontconfig></fontconfig>\n'


def require_fonts() -> None:
    have = (
        shutil.which("fc-list")
        and "Noto Serif CJK SC"
        in subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True).stdout
    )
    if not have:
        missing("fontconfig or the Noto CJK fonts (Debian packages fontconfig, fonts-noto-cjk)")


@pytest.mark.parametrize(
    ("lang", "serif", "sans"),
    [
        ("zh-Hans", "Noto Serif CJK SC", "Noto Sans CJK SC"),
        ("zh-Hant", "Noto Serif CJK TC", "Noto Sans CJK TC"),
        ("zh-Hant-TW", "Noto Serif CJK TC", "Noto Sans CJK TC"),
        ("zh-Hant-HK", "Noto Serif CJK HK", "Noto Sans CJK HK"),
    ],
)
def test_the_stacks_book_css_sets_for_each_language(lang: str, serif: str, sans: str) -> None:
    stacks = fonts.font_stacks(lang)
    assert stacks["--serif"][0] == serif and stacks["--serif"][-1] == "serif"
    assert stacks["--sans"][0] == sans and stacks["--sans"][-1] == "sans-serif"


def test_stacks_follow_the_cascade(tmp_path: Path) -> None:
    css = tmp_path / "book.css"
    css.write_text(
        'html { --body: "A SC", serif; font-family: var(--body); }\n'
        "html:lang(zh-Hant) { --body: 'A TC', serif; }\n"
        'body { --body: "Not on html"; }\n'
        '@page { @top-center { content: string(chapter) "页"; } }\n'
        'a::after { content: "（第 " target-counter(attr(href), page) " 页）"; }\n',
        encoding="utf-8",
    )
    assert fonts.font_stacks("zh-Hans", css) == {"--body": ["A SC", "serif"]}
    assert fonts.font_stacks("zh-Hant-TW", css) == {"--body": ["A TC", "serif"]}
    assert fonts.font_stacks("zh-Hantx", css) == {"--body": ["A SC", "serif"]}
    assert set("页（第）0123456789") <= set(fonts.generated_text(css))


def test_the_book_s_fonts_are_found_and_read_as_fonttools_reads_them() -> None:
    require_fonts()
    for lang in ("zh-Hans", "zh-Hant-TW"):
        used = fonts.check_book("<p>群众路线，羣眾路線。第1页</p>", lang)
        assert [f.family for f in used] == [s[0] for s in fonts.font_stacks(lang).values()]
        for font in used:
            cmap = TTFont(font.file, fontNumber=font.index, lazy=True).getBestCmap()
            assert font.charset == frozenset(cmap), font


def test_a_character_without_a_glyph_is_named() -> None:
    require_fonts()
    with pytest.raises(fonts.FontError) as error:
        fonts.check_book(f"<h1>群众</h1><p>路线{HAS_NO_GLYPH}&#x30001;</p>", "zh-Hans")
    message = str(error.value)
    assert "Noto Serif CJK SC" in message and "2 character(s)" in message
    assert "U+30000" in message and "U+30001" in message  # also when written as a reference
    assert "U+7FA4" not in message  # 群 has its glyph


def test_spaces_and_format_marks_need_no_glyph() -> None:
    assert fonts.visible_characters("群\u200b众 \u3000\n\t") == {"群", "众"}


def test_a_missing_font_is_named_with_its_package(monkeypatch: pytest.MonkeyPatch) -> None:
    require_fonts()
    with pytest.raises(fonts.FontError) as error:
        fonts.used_font(["Handbook Absent Serif", "serif"], "book.css (--serif, zh-Hans)")
    message = str(error.value)
    assert message.startswith("book.css (--serif, zh-Hans): font 'Handbook Absent Serif' is not")
    assert "fonts-noto-cjk" in message
    # The next family of the stack is used when the first is missing.
    assert fonts.used_font(["Handbook Absent Serif", "Noto Serif CJK SC"], "").family == (
        "Noto Serif CJK SC"
    )


def site_copy(built_site: Path, target: Path) -> Path:
    """The built site without any PDF another test made."""
    shutil.copytree(built_site, target, ignore=shutil.ignore_patterns(DOWNLOADS))
    return target


def make_pdf(site: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "handbook.pdf", "--site", str(site)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **env},
    )


@pytest.mark.pdf
def test_hidden_fonts_stop_the_pdf_maker(built_site: Path, tmp_path: Path) -> None:
    require_fonts()
    site = site_copy(built_site, tmp_path / "site")
    config = tmp_path / "fonts.conf"
    config.write_text(EMPTY_FONTCONFIG, encoding="utf-8")
    result = make_pdf(site, FONTCONFIG_FILE=str(config))
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("error: ") and "Traceback" not in result.stderr
    assert "'Noto Serif CJK SC' is not installed" in last and "fonts-noto-cjk" in last
    assert not list(site.rglob(DOWNLOADS))  # no PDF, not even its folder


@pytest.mark.pdf
def test_a_character_no_font_has_stops_the_pdf_maker(built_site: Path, tmp_path: Path) -> None:
    require_fonts()
    site = site_copy(built_site, tmp_path / "site")
    for essay in site.glob("**/mass-line-essays/essay-01/index.html"):  # in both editions
        page, found = re.subn(
            r"(<h1\b[^>]*>)", rf"\1{HAS_NO_GLYPH}", essay.read_text("utf-8"), count=1
        )
        assert found, essay
        essay.write_text(page, encoding="utf-8")
    result = make_pdf(site)
    assert result.returncode == 1
    assert "U+30000" in result.stderr and "error: " in result.stderr
    assert not list(site.rglob("*.pdf"))
