"""A handbook of other texts: put them in source/ instead of the first text
and `make` builds. The glossary, written for the first text, then cites
lines that are not there, or words the new text says on another line:
reported, not fatal. Each corpus text alone makes
a handbook that mkdocs builds with --strict, in both editions."""

from __future__ import annotations

import shutil

import pytest
import yaml
from support import CORPUS, ROOT, CorpusBuilds, own_source, run_handbook

NAMES = sorted(p.stem for p in CORPUS.glob("*.txt"))


def test_glossary_entries_citing_a_text_no_longer_there_are_reported(tmp_path):
    text = own_source(tmp_path, CORPUS / "youth-congress-article-dateline.txt")
    report = tmp_path / "report.json"
    result = run_handbook("convert", text, "--out", tmp_path / "docs", "--report", report)
    assert result.returncode == 0, result.stderr
    glossary = yaml.safe_load((ROOT / "source" / "glossary.yml").read_text(encoding="utf-8"))
    cited = [entry for entry in glossary if "defined_at" in entry]
    gone = yaml.safe_load(report.read_text(encoding="utf-8"))["glossary_doubts"]
    assert [d["rule"] for d in gone] == ["citation-gone"] * len(cited)
    assert f"glossary.yml: doubts: {len(cited)}" in result.stdout
    term_page = (tmp_path / "docs" / "glossary" / "si-feng.md").read_text(encoding="utf-8")
    assert "原文定义" not in term_page and "本手册正文中没有出现" in term_page


def test_a_quote_on_another_line_of_the_text_is_reported_not_fatal(tmp_path):
    text = own_source(tmp_path, ROOT / "source" / "mass-line-essays.txt")
    glossary = text.parent / "glossary.yml"
    entries = yaml.safe_load(glossary.read_text(encoding="utf-8"))
    entry = next(e for e in entries if "defined_at" in e)
    cited = entry["defined_at"]["line"]
    entry["defined_at"]["line"] += 2  # the quote stands in the text, elsewhere
    glossary.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    report = tmp_path / "report.json"
    result = run_handbook("convert", text, "--out", tmp_path / "docs", "--report", report)
    assert result.returncode == 0, result.stderr
    doubts = yaml.safe_load(report.read_text(encoding="utf-8"))["glossary_doubts"]
    assert [d["rule"] for d in doubts] == ["citation-elsewhere"]
    assert doubts[0]["what"].endswith(f"it stands on line {cited}")
    assert "glossary.yml: doubts: 1" in result.stdout


def test_a_text_quoting_a_glossary_citation_on_another_line_builds(tmp_path):
    # The group's reflection quotes “群众利益无小事” on its line 15; the
    # glossary cites those words on line 49 of the first text, not here.
    text = own_source(tmp_path, CORPUS / "group-reflection-member-byline.txt")
    report = tmp_path / "report.json"
    result = run_handbook("convert", text, "--out", tmp_path / "docs", "--report", report)
    assert result.returncode == 0, result.stderr
    doubts = yaml.safe_load(report.read_text(encoding="utf-8"))["glossary_doubts"]
    moved = [d for d in doubts if d["rule"] == "citation-elsewhere"]
    assert [d["what"] for d in moved] == [
        "群众利益无小事: the quote is not on line 49; it stands on line 15"
    ]
    assert {d["rule"] for d in doubts} == {"citation-gone", "citation-elsewhere"}


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_each_corpus_text_alone_builds_both_editions(corpus_builds: CorpusBuilds, name: str):
    built = corpus_builds[name].result()  # started with the session (conftest.py)
    assert built.converted == 0, built.convert_errors
    assert built.build_failure is None, built.build_failure
    for edition in (built.site, built.site / "zh-Hant"):
        assert (edition / "index.html").exists()
        assert (edition / name / "essay-01" / "index.html").exists()
    shutil.rmtree(built.site)  # read: 6 to 8 MB a text, a hundred texts
