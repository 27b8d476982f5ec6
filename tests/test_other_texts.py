"""A handbook of other texts: put them in source/ instead of the first text
and `make` builds. The glossary, written for the first text, then cites
lines that are not there, or words the new text says on another line:
reported, not fatal. Each corpus text alone makes
a handbook that mkdocs builds with --strict, in both editions."""

from __future__ import annotations

import contextlib
import io
import multiprocessing as mp
import os
import shutil
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from support import ROOT, SITE_URL, mkdocs_build_here, run_handbook

from handbook import cli

CORPUS = ROOT / "tests" / "corpus"
NAMES = sorted(p.stem for p in CORPUS.glob("*.txt"))


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


@dataclass
class Built:
    """One corpus text converted and built alone: the conversion's exit status
    and error output, the build's failure (None when built), the site."""

    converted: int
    convert_errors: str
    build_failure: str | None
    site: Path


def build_alone(root: Path, name: str) -> Built:
    """Text `name` alone in a project of its own under `root` (source/ and
    docs/ its own; the handbook's mkdocs.yml, hooks and theme), converted and
    built with --strict in both editions, in this process: a worker of the
    pool below, whose HANDBOOK_SITE_URL is the tests' and whose folder the
    project's, as a maintainer's shell is for `mkdocs build`."""
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


def start_worker() -> None:
    os.environ.update(NO_MKDOCS_2_WARNING="1", HANDBOOK_SITE_URL=SITE_URL)
    os.environ.pop("EDITIONS", None)  # both editions, whatever the caller's shell says


TEST_ALONE = "test_each_corpus_text_alone_builds_both_editions"


@pytest.fixture(scope="module")
def builds(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Future[Built]]]:
    """Every selected corpus text's build, started at once on every core:
    each in a worker process (spawned, so none inherits the test process's
    threads) that imports MkDocs, the theme and the converter once for many
    builds. Each test waits for its own text only."""
    names = [
        item.callspec.params["name"]
        for item in request.session.items
        if getattr(item, "originalname", None) == TEST_ALONE
    ]
    root = tmp_path_factory.mktemp("own-texts")
    pool = ProcessPoolExecutor(
        len(os.sched_getaffinity(0)), mp_context=mp.get_context("spawn"), initializer=start_worker
    )
    try:
        yield {name: pool.submit(build_alone, root, name) for name in names}
    finally:
        pool.shutdown(cancel_futures=True)


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_each_corpus_text_alone_builds_both_editions(builds: dict[str, Future[Built]], name: str):
    built = builds[name].result()
    assert built.converted == 0, built.convert_errors
    assert built.build_failure is None, built.build_failure
    for edition in (built.site, built.site / "zh-Hant"):
        assert (edition / "index.html").exists()
        assert (edition / name / "essay-01" / "index.html").exists()
    shutil.rmtree(built.site)  # read: 6 to 8 MB a text, a hundred texts
