"""The `handbook` command as a maintainer uses it: output, report, errors,
and the promise never to clobber work."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from support import ROOT, SOURCE
from support import run_handbook as handbook


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "docs"


def test_convert_writes_one_page_per_essay_and_reports(out: Path, tmp_path: Path):
    report = tmp_path / "report.json"
    result = handbook("convert", SOURCE, "--out", out, "--report", report)
    assert result.returncode == 0, result.stderr
    pages = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md"))
    glossary = [p for p in pages if p.startswith("glossary/")]
    assert "glossary/index.md" in glossary and "glossary/si-feng.md" in glossary
    assert [p for p in pages if not p.startswith("glossary/")] == [
        "index.md",
        "mass-line-essays/essay-01.md",
        "mass-line-essays/essay-02.md",
        "mass-line-essays/essay-03.md",
        "mass-line-essays/essay-04.md",
        "mass-line-essays/essay-05.md",
        "mass-line-essays/index.md",
    ]
    assert "5 essays, 8 articles" in result.stdout
    assert "line 215: prev-next-links" in result.stdout
    assert "line 21: joined-broken-line" in result.stdout
    data = json.loads(report.read_text(encoding="utf-8"))
    collection = data["collections"][0]
    assert collection["counts"]["essays"] == 5
    assert (collection["title_line"], collection["date"], collection["date_line"]) == (
        1,
        "2022-08-28",
        3,
    )
    assert [r["line"] for r in collection["removed"]] == [215, 217]
    assert {r["rule"] for r in collection["repairs"]} >= {
        "full-width-punctuation",
        "mis-encoded-ellipsis",
        "joined-broken-line",
        "split-glued-byline",
        "split-glued-heading",
        "split-trailing-byline",
    }


def test_the_report_lists_each_way_punctuation_was_widened_once(out: Path, tmp_path: Path):
    """Written by hand: half-width marks on lines 3, 5, 7 and 9; lines 5 and 7
    take the same repair (one comma each), listed once with both lines."""
    source = tmp_path / "text.txt"
    source.write_text(
        "材料\n\n第一篇:题目\n\n第一段,文字。\n\n第二段,文字。\n\n第三段(文字),完。\n",
        encoding="utf-8",
    )
    report = tmp_path / "report.json"
    assert handbook("convert", source, "--out", out, "--report", report).returncode == 0
    repairs = json.loads(report.read_text(encoding="utf-8"))["collections"][0]["repairs"]
    widened = [r for r in repairs if r["rule"] == "full-width-punctuation"]
    assert [(r["lines"], r["before"], r["after"], r["count"]) for r in widened] == [
        ([3], ":×1", "：×1", 1),
        ([5, 7], ",×1", "，×1", 1),
        ([9], "(×1 )×1 ,×1", "（×1 ）×1 ，×1", 3),
    ]
    assert all(r["line"] == r["lines"][0] for r in repairs)


def test_a_text_pasted_twice_lists_each_repair_once(out: Path, tmp_path: Path):
    """Written by hand: the same essay twice (lines 3-5 and 7-9), each time
    with a colon to widen and two paragraphs on one line, split at the wide spaces."""
    essay = "第{}篇:题目\n\n第一段文字。\u3000\u3000第二段文字。\n\n"
    source = tmp_path / "text.txt"
    source.write_text("材料\n\n" + essay.format("一") + essay.format("二"), encoding="utf-8")
    report = tmp_path / "report.json"
    assert handbook("convert", source, "--out", out, "--report", report).returncode == 0
    repairs = json.loads(report.read_text(encoding="utf-8"))["collections"][0]["repairs"]
    assert [(r["rule"], r["lines"]) for r in repairs] == [
        ("full-width-punctuation", [3, 7]),
        ("split-paragraph-at-space", [5, 9]),
    ]


def test_front_matter_reads_back_with_safe_load(out: Path):
    assert handbook("convert", SOURCE, "--out", out, "--quiet").returncode == 0
    text = (out / "mass-line-essays" / "essay-02.md").read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    assert meta["title"] == "深刻理解群众路线是我们党的生命线和根本工作路线"
    assert meta["number"] == 2
    assert meta["date"] == "2022-08-28"
    assert meta["source"] == {"file": "mass-line-essays.txt", "lines": [39, 139]}
    assert [a["title"] for a in meta["articles"]][1:] == [
        "新形势下加强党员干部密切联系群众是社会发展的迫切需要",
        "解决好服务群众的“最后一公里”问题",
        "浅谈解决联系服务群众“最后一公里”的问题",
    ]
    assert meta["articles"][0]["authors"] == [{"name": "贺同新", "role": "发言"}]
    assert meta["articles"][2]["authors"] == [{"name": "闻琼", "role": "文"}]
    assert meta["characters"] > 10000
    assert meta["reading_minutes"] == -(-meta["characters"] // 400)
    assert meta["description"].startswith("总书记在党的群众路线教育实践活动工作会议上指出")
    # bylines are set apart, not body paragraphs
    assert "{: .byline }" in body


def test_home_page_has_title_date_and_essays(out: Path):
    assert handbook("convert", SOURCE, "--out", out, "--quiet").returncode == 0
    home = (out / "index.md").read_text(encoding="utf-8")
    assert "# 我们党群众路线内容" in home
    assert "2022\\-08\\-28" in home
    for n in range(1, 6):
        assert f"(mass-line-essays/essay-0{n}.md)" in home


def test_two_runs_give_identical_bytes(tmp_path: Path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert handbook("convert", SOURCE, "--out", first, "--quiet").returncode == 0
    assert handbook("convert", SOURCE, "--out", second, "--quiet").returncode == 0
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for rel in files:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel


def test_committed_docs_are_up_to_date():
    result = handbook("check", SOURCE, "--out", ROOT / "docs")
    assert result.returncode == 0, result.stderr


def test_check_fails_when_docs_are_stale(out: Path):
    assert handbook("convert", SOURCE, "--out", out, "--quiet").returncode == 0
    page = out / "mass-line-essays" / "essay-04.md"
    page.unlink()
    result = handbook("check", SOURCE, "--out", out)
    assert result.returncode == 1
    assert "essay-04.md" in result.stderr


def test_hand_edited_page_is_not_overwritten_without_force(out: Path):
    assert handbook("convert", SOURCE, "--out", out, "--quiet").returncode == 0
    page = out / "mass-line-essays" / "essay-03.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n我的批注\n", encoding="utf-8")
    edited = page.read_bytes()
    result = handbook("convert", SOURCE, "--out", out)
    assert result.returncode == 1
    assert "edited by hand" in result.stderr and "essay-03.md" in result.stderr
    assert "Traceback" not in result.stderr
    assert page.read_bytes() == edited
    forced = handbook("convert", SOURCE, "--out", out, "--force", "--quiet")
    assert forced.returncode == 0
    assert "我的批注" not in page.read_text(encoding="utf-8")


def test_files_it_did_not_write_are_never_touched(out: Path, tmp_path: Path):
    out.mkdir()
    mine = out / "index.md"
    mine.write_text("# 我自己的首页\n", encoding="utf-8")
    notes = out / "notes.md"
    notes.write_text("备忘\n", encoding="utf-8")
    for flags in ([], ["--force"]):
        result = handbook("convert", SOURCE, "--out", out, *flags)
        assert result.returncode == 1
        assert "not written by handbook" in result.stderr
        assert mine.read_text(encoding="utf-8") == "# 我自己的首页\n"
        assert not (out / "mass-line-essays").exists()  # nothing written at all
    mine.unlink()
    assert handbook("convert", SOURCE, "--out", out, "--quiet").returncode == 0
    assert notes.read_text(encoding="utf-8") == "备忘\n"


def test_pages_no_longer_generated_are_removed_only_if_untouched(out: Path, tmp_path: Path):
    longer = tmp_path / "longer.txt"
    shutil.copy(SOURCE, longer)
    assert handbook("convert", longer, "--out", out, "--quiet").returncode == 0
    shorter = tmp_path / "src" / "longer.txt"
    shorter.parent.mkdir()
    text = SOURCE.read_text(encoding="utf-8")
    shorter.write_text(text[: text.index("第五篇")], encoding="utf-8")
    assert handbook("convert", shorter, "--out", out, "--quiet").returncode == 0
    assert not (out / "longer" / "essay-05.md").exists()
    assert (out / "longer" / "essay-04.md").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\x00\x01\x02binary\x00" * 20, "binary file"),
        (b"just some English text\nand more\n", "no Chinese text found"),
    ],
)
def test_bad_input_is_one_clear_error_and_nothing_written(
    tmp_path: Path, content: bytes, message: str
):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    out = tmp_path / "docs"
    result = handbook("convert", bad, "--out", out)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"error: {bad}") and message in lines[0]
    assert not out.exists()


def test_bad_settings_name_file_and_line(tmp_path: Path):
    source = tmp_path / "text.txt"
    shutil.copy(SOURCE, source)
    (tmp_path / "handbook.yml").write_text(
        "reading_chars_per_minute: 400\n  bad: [\n", encoding="utf-8"
    )
    result = handbook("convert", source, "--out", tmp_path / "docs")
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: {tmp_path / 'handbook.yml'}:")
    assert "Traceback" not in result.stderr


def test_usage_errors_exit_2(tmp_path: Path):
    assert handbook("convert", SOURCE).returncode == 2  # no --out
    assert handbook("frobnicate").returncode == 2
    help_text = handbook("convert", "--help").stdout
    assert "--report" in help_text and "--force" in help_text


def test_missing_source_is_an_error_not_a_traceback(tmp_path: Path):
    result = handbook("convert", tmp_path / "nope.txt", "--out", tmp_path / "docs")
    assert result.returncode == 1
    assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr
