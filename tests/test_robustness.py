"""Any raw text in, a faithful handbook or a clear error out."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import SOURCE, article_text, build_site, kept_han
from support import run_handbook as handbook_cli

from handbook.chars import COLON, LPAREN, RPAREN
from handbook.chars import HAN_CHAR as HAN
from handbook.errors import ConversionError
from handbook.output_plan import MANIFEST
from handbook.pipeline import build_handbook, convert
from handbook.punctuation import restore_full_width
from handbook.reader import read_source
from handbook.search.index import read_sections
from handbook.settings import Settings

TWO_ESSAYS = (
    "学习材料汇编\n\n"
    "第一篇:坚持群众路线\n\n群众路线是我们党的生命线。我们要坚持。\n\n"
    "第二篇:密切联系群众\n\n密切联系群众是党的优良作风。\n"
)


def convert_text(tmp_path: Path, text: str | bytes, name: str = "text.txt", *flags: str) -> Path:
    source = tmp_path / name
    source.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    out = tmp_path / "docs"
    result = handbook_cli("convert", source, "--out", out, "--quiet", *flags)
    assert result.returncode == 0, result.stderr
    return out


def essays_of(out: Path) -> list[dict]:
    pages = sorted(p for p in out.rglob("essay-*.md"))
    return [yaml.safe_load(p.read_text(encoding="utf-8").split("---\n")[1]) for p in pages]


def body(page: Path) -> str:
    return page.read_text(encoding="utf-8").split("---\n", 2)[2]


# --- encodings and line endings ---------------------------------------------------


@pytest.mark.parametrize(
    "encoded",
    [
        TWO_ESSAYS.encode("utf-8"),
        TWO_ESSAYS.encode("utf-8-sig"),
        TWO_ESSAYS.encode("utf-16"),  # with BOM
        "\ufeff".encode("utf-16-be") + TWO_ESSAYS.encode("utf-16-be"),
        TWO_ESSAYS.encode("utf-16-le"),  # no BOM
        TWO_ESSAYS.encode("gb18030"),
        TWO_ESSAYS.replace("\n", "\r\n").encode("utf-8"),
        TWO_ESSAYS.replace("\n", "\r").encode("gbk"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "gb18030", "crlf", "cr-gbk"],
)
def test_encodings_and_line_endings_are_detected(tmp_path: Path, encoded: bytes):
    out = convert_text(tmp_path, encoded)
    assert [e["title"] for e in essays_of(out)] == ["坚持群众路线", "密切联系群众"]
    assert "群众路线是我们党的生命线。" in body(out / "text" / "essay-01.md")


def test_encoding_can_be_given(tmp_path: Path):
    # Big5 is not among the detected encodings; --encoding names it.
    text = "彙編\n\n第一篇:堅持群眾路線\n\n群眾路線是我們黨的生命線。\n"
    out = convert_text(tmp_path, text.encode("big5"), "text.txt", "--encoding", "big5")
    assert essays_of(out)[0]["title"] == "堅持群眾路線"


def test_wrong_encoding_is_a_clear_error(tmp_path: Path):
    source = tmp_path / "text.txt"
    source.write_bytes(TWO_ESSAYS.encode("utf-8"))
    result = handbook_cli("convert", source, "--out", tmp_path / "docs", "--encoding", "ascii")
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: {source}:1: bytes that are not valid ascii")


def test_wide_spaces_are_paragraph_breaks_and_controls_are_dropped(tmp_path: Path):
    text = "材料\n\n第一篇:题目\n\n\u3000\u3000第一段文字。\u3000\u3000第二段\x00文字。\u2002\u2002第三段文字\x07。\n"
    source = tmp_path / "text.txt"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "docs"
    report = tmp_path / "report.json"
    assert handbook_cli("convert", source, "--out", out, "--report", report).returncode == 0
    page = body(out / "text" / "essay-01.md")
    assert "第一段文字。\n{: #p1 }" in page
    assert "第二段文字。\n{: #p2 }" in page
    assert "第三段文字。\n{: #p3 }" in page
    rules = [
        r["rule"]
        for r in yaml.safe_load(report.read_text(encoding="utf-8"))["collections"][0]["repairs"]
    ]
    assert rules.count("control-characters") == 1
    assert rules.count("split-paragraph-at-space") == 2


def test_the_reader_drops_a_line_that_shows_nothing_and_reports_it(tmp_path: Path):
    # U+200D alone (a hidden span's), with a zero-width space before it; the
    # joiner inside a line (an emoji's) stays.
    text = "第一段文字。\n\u200d\n\u200b\u200d \n第二段👨\u200d👩文字。\n"
    source = tmp_path / "text.txt"
    source.write_text(text, encoding="utf-8")
    lines, repairs = read_source(source)
    assert [(line.number, line.text) for line in lines] == [
        (1, "第一段文字。"),
        (4, "第二段👨\u200d👩文字。"),
    ]
    dropped = [(r.line, r.before) for r in repairs if r.rule == "invisible-line"]
    assert dropped == [(2, "\u200d"), (3, "\u200d")]
    assert [r.line for r in repairs if r.rule == "control-characters"] == [3]


# --- essay markers and bylines ------------------------------------------------------


@pytest.mark.parametrize(
    ("marker", "number"),
    [
        ("第十一篇:", 11),
        ("第1篇:", 1),
        ("篇一:", 1),
        ("【篇一】", 1),
        ("【第1篇】", 1),
        ("范文一 ", 1),
        (f"第二十三篇{COLON}", 23),
    ],
)
def test_other_essay_markers(tmp_path: Path, marker: str, number: int):
    text = f"汇编\n\n{marker}学习体会\n\n群众路线是党的生命线。\n\n{marker.replace('一', '二').replace('1', '2')}第二个题目\n\n正文二。\n"
    essays = essays_of(convert_text(tmp_path, text))
    assert essays[0]["title"] == "学习体会"
    assert essays[0]["number"] == number
    assert essays[1]["title"] == "第二个题目"


def test_marker_alone_on_its_line_takes_the_next_line_as_title(tmp_path: Path):
    essays = essays_of(convert_text(tmp_path, "汇编\n\n【篇一】\n\n学习体会\n\n正文。\n"))
    assert essays[0]["title"] == "学习体会"


def test_marker_glued_to_the_previous_essay(tmp_path: Path):
    text = "汇编\n\n第一篇:甲题\n\n第一篇的正文到此结束。第二篇:乙题\n\n第二篇的正文。\n"
    out = convert_text(tmp_path, text)
    assert [e["title"] for e in essays_of(out)] == ["甲题", "乙题"]
    assert "第一篇的正文到此结束。\n" in body(out / "text" / "essay-01.md")


def test_text_without_markers_is_one_essay_titled_by_its_first_line(tmp_path: Path):
    out = convert_text(tmp_path, "论群众路线\n\n群众路线是党的生命线。\n\n我们要坚持。\n")
    essays = essays_of(out)
    assert len(essays) == 1 and essays[0]["title"] == "论群众路线"
    assert "我们要坚持。" in body(out / "text" / "essay-01.md")


def test_a_date_under_the_title_of_a_text_without_markers_is_recognised(tmp_path: Path):
    source = tmp_path / "text.txt"
    source.write_text("论群众路线\n\n2023-05-04\n\n群众路线是党的生命线。\n", encoding="utf-8")
    collection = build_handbook([source], Settings()).collections[0]
    assert (collection.date, collection.date_line) == ("2023-05-04", 3)
    assert ("date", 3) in [(r.rule, r.line) for r in collection.recognitions]
    [essay] = collection.essays
    assert [p.text for a in essay.articles for p in a.paragraphs] == ["群众路线是党的生命线。"]


@pytest.mark.parametrize(
    ("line", "name", "role"),
    [
        (f"作者{COLON}张三", "张三", "作者"),
        ("文/李四", "李四", "文"),
        (f"来源{COLON}人民网", "人民网", "来源"),
        ("王五授课", "王五", "授课"),
    ],
)
def test_other_bylines(tmp_path: Path, line: str, name: str, role: str):
    out = convert_text(tmp_path, f"汇编\n\n第一篇:题目\n\n{line}\n\n正文第一段。\n")
    essay = essays_of(out)[0]
    assert essay["authors"] == [{"name": name, "role": role}]
    assert "{: .byline }" in body(out / "text" / "essay-01.md")


# --- text is text, never markup ------------------------------------------------------

MARKUP = [
    '<script>alert("x")</script>',
    "**粗体**",
    "# 井号",
    "[点我](javascript:alert(1))",
    "{{ config.site_name }}",
    "{% include 'x' %}",
    "| 表 | 格 |",
    "---",
    "<!-- 注释 -->",
    "&amp; &lt;",
    "`代码`",
    "_下划线_",
    "{: #x .y }",
]


@pytest.fixture(scope="module")
def markup_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A text full of markup, converted and built with the handbook's own config."""
    root = tmp_path_factory.mktemp("markup")
    lines = ["标题<b>粗</b>:*星*", "2024-01-01", f"第一篇:{MARKUP[0]}题目 # **粗**"]
    lines += [f"第{i}段{m}内容。" if i % 2 else m for i, m in enumerate(MARKUP, start=1)]
    (root / "text.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    result = handbook_cli("convert", root / "text.txt", "--out", root / "docs", "--quiet")
    assert result.returncode == 0, result.stderr
    build_site(root)
    return root


def test_markup_in_the_source_appears_as_written(markup_site: Path):
    page = markup_site / "site" / "text" / "essay-01" / "index.html"
    html, text = page.read_text(encoding="utf-8"), article_text(page)
    # the reader's repair widens ASCII punctuation beside Chinese; compare without it
    narrow = str.maketrans({LPAREN: "(", RPAREN: ")", COLON: ":"})
    for item in MARKUP:
        assert item.translate(narrow) in text.translate(narrow), item
    assert "<script>alert" not in html  # never as a tag: escaped everywhere
    assert not any(href.startswith("javascript:") for href in re.findall(r'href="([^"]*)"', html))
    assert (
        "<strong>" not in html and "<table>" not in html and "<hr" not in html.split("<article")[1]
    )


def test_markup_in_titles_is_escaped_in_navigation_and_title(markup_site: Path):
    for page in (markup_site / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html, page
        assert "<b>粗</b>" not in html, page


@pytest.mark.pdf
def test_markup_reaches_search_and_pdf_as_text(markup_site: Path):
    index = read_sections(markup_site / "site" / "search")
    texts = " ".join(s.title + " " + s.text for sections in index.values() for s in sections)
    assert "**粗体**" in texts and "{{ config.site_name }}" in texts  # as text, never rendered
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "handbook.pdf",
            "--site",
            str(markup_site / "site"),
            "--script",
            "Hans",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    pdf = next((markup_site / "site" / "downloads").glob("*.pdf"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    for item in [
        '<script>alert("x")</script>',
        "**粗体**",
        "{{ config.site_name }}",
        "| 表 | 格 |",
    ]:
        assert item in text, item


@pytest.mark.parametrize("name", ["search.txt", "downloads.txt", "glossary.txt"])
def test_a_text_never_takes_a_folder_the_site_needs(tmp_path: Path, name: str):
    out = convert_text(tmp_path, TWO_ESSAYS, name)
    stem = name.removesuffix(".txt")
    assert not (out / stem).exists() or (
        stem == "glossary" and not (out / stem / "essay-01.md").exists()
    )
    assert (out / f"{stem}-2" / "essay-01.md").exists()


def test_front_matter_survives_any_title(tmp_path: Path):
    titles = ['a: "b" #c', "路径/../名称", "冒号:引号'和\"井号#", "长" * 300, "重复", "重复"]
    text = "汇编\n\n" + "".join(
        f"第{i}篇:{t}\n\n正文{i}。\n\n" for i, t in enumerate(titles, start=1)
    )
    out = convert_text(tmp_path, text)
    essays = essays_of(out)
    assert [e["title"] for e in essays] == [restore_full_width(t) for t in titles]
    names = sorted(p.name for p in (out / "text").glob("essay-*.md"))
    assert len(names) == len(titles) == len(set(names))
    assert all(re.fullmatch(r"essay-\d\d\.md", n) for n in names)


# --- writes are atomic -----------------------------------------------------------


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_a_failing_run_leaves_the_output_as_it_was(tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text(TWO_ESSAYS, encoding="utf-8")
    out = tmp_path / "docs"
    assert handbook_cli("convert", good, "--out", out, "--quiet").returncode == 0
    before = snapshot(out)
    good.write_text(TWO_ESSAYS.replace("我们要坚持", "我们要继续坚持"), encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01" * 100)
    result = handbook_cli("convert", good, bad, "--out", out)
    assert result.returncode == 1 and result.stderr.startswith(f"error: {bad}")
    assert snapshot(out) == before
    assert MANIFEST in before


# --- large input -------------------------------------------------------------------


def test_progress_is_shown_on_a_terminal_only(tmp_path: Path):
    source = tmp_path / "big.txt"
    source.write_text(SOURCE.read_text(encoding="utf-8") * 3, encoding="utf-8")
    main, child = pty.openpty()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "handbook.cli",
            "convert",
            str(source),
            "--out",
            str(tmp_path / "a"),
            "--quiet",
        ],
        stderr=child,
        stdout=subprocess.PIPE,
    )
    os.close(child)
    shown = os.read(main, 65536).decode("utf-8", "replace")
    os.close(main)
    assert result.returncode == 0
    assert "reading big.txt" in shown and "recognising big.txt" in shown
    piped = handbook_cli("convert", source, "--out", tmp_path / "b", "--quiet")
    assert piped.returncode == 0 and piped.stderr == ""


# --- properties over generated texts --------------------------------------------------

FRAGMENTS = [
    "第一篇:题目",
    "第二篇:",
    "【篇三】",
    "范文四",
    "一、标题",
    "(二)小标题 正文紧跟着。",
    "第三,要点",
    "田局授课",
    "(文/闻琼)",
    "——摘自某某同志在会议上的发言 正文。",
    "上一篇:甲下一篇:乙",
    "本站热搜",
    "2022-08-28",
    "群众路线是党的生命线。",
    "<script>x</script>",
    "**粗**",
    "---",
    "\u3000\u3000缩进段落。",
    "„„",
    "a, b; c: d? (e)",
    "{{ x }}",
]
# Han characters of the first text: a run of rare ones reads as mojibake.
han_text = st.text(
    alphabet=st.sampled_from(sorted(set(HAN.findall(SOURCE.read_text(encoding="utf-8"))))),
    min_size=1,
    max_size=12,
)
any_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=20
)
line = st.one_of(
    st.sampled_from(FRAGMENTS),
    han_text,
    any_text,
    st.builds("".join, st.lists(st.one_of(st.sampled_from(FRAGMENTS), han_text), max_size=4)),
)
raw_text = st.lists(line, min_size=1, max_size=25).map(lambda ls: "\n\n".join(ls))


def output_han(pages: dict[str, str], handbook) -> str:
    """Han characters of the pages in reading order: the home page's header,
    then each essay page's text (front matter and home links aside)."""
    found = []
    for collection in handbook.collections:
        found.append(
            collection.title + (collection.date or "") + "".join(p.text for p in collection.preface)
        )
        for essay in collection.essays:
            found.append(pages[f"{collection.slug}/{essay.slug}.md"].split("---\n", 2)[2])
    return "".join(HAN.findall("".join(found)))


def is_subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(c in it for c in needle)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw_text)
def test_any_text_converts_or_fails_cleanly_and_keeps_every_character(tmp_path: Path, text: str):
    source = tmp_path / "gen.txt"
    source.write_text(text, encoding="utf-8")
    try:
        handbook, pages = convert([source], Settings())
    except ConversionError as err:
        assert err.path == source
        assert not HAN.search(text) or "no Chinese" not in err.message
        return
    collection = handbook.collections[0]
    debris = {r.line for r in collection.removals}
    assert is_subsequence(kept_han(text, debris), output_han(pages, handbook))
    for rel, page in pages.items():
        if page.startswith("---\n"):
            assert isinstance(yaml.safe_load(page.split("---\n")[1]), dict), rel


@pytest.mark.slow
def test_generated_texts_build_with_strict(tmp_path: Path):
    """A handful of generated texts, all in one handbook, through mkdocs --strict."""
    sources = []
    for i, example in enumerate(
        [
            "\n\n".join(FRAGMENTS),
            "\n".join(reversed(FRAGMENTS)),
            "只有一行中文",
            "第一篇:\n\n第二篇:\n\n第三篇:三",
        ]
    ):
        source = tmp_path / f"gen-{i}.txt"
        source.write_text(example, encoding="utf-8")
        sources.append(source)
    result = handbook_cli("convert", *sources, "--out", tmp_path / "docs", "--quiet")
    assert result.returncode == 0, result.stderr
    build_site(tmp_path)
    assert len(build_handbook(sources, Settings()).collections) == 4
