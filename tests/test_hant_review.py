"""The review of the Traditional conversion: `handbook hant`, as a maintainer
uses it on a new text, and the report's section."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from support import OVERRIDES, ROOT, SOURCE
from support import run_handbook as handbook

from handbook.hant import HantConverter, load_overrides
from handbook.hant.review import BY_PHRASE, DISAGREES, OWN_FORM, review_lines

# A new text: cross-word pitfalls (发展, 发行, 干部), a phrase of whole words
# (这只), a phrase-chosen form (头发) and plain one-to-many characters (后, 里).
NEW_TEXT = """关于新时代基层工作的几点思考

要牢牢把握发展主动权。
三月份基金发行回暖，一名好干部这只鸟儿。
他剪了头发以后，在家里读书。
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A source folder with a new text and the project's data files."""
    (tmp_path / "new.txt").write_text(NEW_TEXT, encoding="utf-8")
    for name in ("hant-overrides.tsv", "hant-review.md", "handbook.yml"):
        shutil.copy(ROOT / "source" / name, tmp_path / name)
    return tmp_path


def choices_of(text: str) -> dict[str, tuple[str, int, list[int]]]:
    lines = list(enumerate(text.split("\n"), start=1))
    found = review_lines(lines, HantConverter("s2tw"))
    return {c.phrase: (c.form, c.doubt, [p.line for p in c.places]) for c in found}


def test_every_place_that_had_to_choose_is_listed() -> None:
    found = choices_of(NEW_TEXT)
    assert found["发展"] == ("發展", DISAGREES, [3])  # OpenCC alone: 把握髮展
    assert found["发行"] == ("發行", DISAGREES, [4])  # 基金髮行
    assert found["干部"] == ("幹部", DISAGREES, [4])  # 好乾部
    assert found["头发"] == ("頭髮", BY_PHRASE, [5])
    assert found["以后"] == ("以後", OWN_FORM, [5])
    assert found["家里"][0] == "家裡"
    # 这只 is two words, each a place: 只 taken with its neighbour (no
    # one-character override could be safe).
    assert found["只鸟"][0] == "隻鳥"
    assert set(found) >= {"发展", "发行", "干部", "头发", "以后", "家里", "只鸟", "几点"}


def test_most_doubtful_first() -> None:
    lines = list(enumerate(NEW_TEXT.split("\n"), start=1))
    doubts = [c.doubt for c in review_lines(lines, HantConverter("s2tw"))]
    assert doubts == sorted(doubts, reverse=True)


def test_reviewed_phrases_are_settled(tmp_path: Path) -> None:
    overrides = tmp_path / "o.tsv"
    overrides.write_text("头发\t頭髮\n发展\t發展\n", encoding="utf-8")
    lines = list(enumerate(NEW_TEXT.split("\n"), start=1))
    phrases = {c.phrase for c in review_lines(lines, HantConverter("s2tw", overrides))}
    assert "头发" not in phrases and "发展" not in phrases and "发行" in phrases


def test_review_lists_places_in_both_scripts(folder: Path) -> None:
    result = handbook("hant", "--review", folder / "new.txt")
    assert result.returncode == 0, result.stderr
    assert "发展 → 發展  (disagrees, ×1; OpenCC over the whole text: 髮展)" in result.stdout
    assert "line 3: 要牢牢把握发展主动权。  |  要牢牢把握發展主動權。" in result.stdout


def test_accept_and_correct_write_an_override_and_a_review_row(folder: Path) -> None:
    lines = list(enumerate(NEW_TEXT.split("\n"), start=1))
    by_phrase = {c.phrase: c for c in review_lines(lines, HantConverter("s2tw"))}
    accept, correct = by_phrase["发展"].id, by_phrase["家里"].id
    before = (folder / "hant-overrides.tsv").read_text(encoding="utf-8")

    result = handbook("hant", "--accept", accept, folder / "new.txt")
    assert result.returncode == 0, result.stderr
    result = handbook("hant", "--correct", correct, "家裏", folder / "new.txt")
    assert result.returncode == 0, result.stderr

    after = (folder / "hant-overrides.tsv").read_text(encoding="utf-8")
    assert after.startswith(before)
    assert after[len(before) :] == (
        "发展\t發展\t# reviewed in new.txt\n家里\t家裏\t# reviewed in new.txt\n"
    )
    log = (folder / "hant-review.md").read_text(encoding="utf-8")
    assert log.endswith(
        f"| {accept} | new.txt | 发展 | 發展 | accepted | 髮展 |\n"
        f"| {correct} | new.txt | 家里 | 家裏 | corrected from 家裡 | 家裡 |\n"
    )
    # Settled now: neither is listed again, and the conversion keeps them.
    result = handbook("hant", "--review", folder / "new.txt")
    assert f"[{accept}]" not in result.stdout and f"[{correct}]" not in result.stdout
    converter = HantConverter("s2tw", folder / "hant-overrides.tsv")
    assert converter.convert("把握发展，家里") == "把握發展，家裡"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--accept", "000000"], "no choice 000000"),
        (["--correct", "COMPUTE", "頭緒"], "is not a Traditional form of 头发"),
    ],
)
def test_bad_decisions_are_refused(folder: Path, args: list[str], message: str) -> None:
    if args[1] == "COMPUTE":
        lines = list(enumerate(NEW_TEXT.split("\n"), start=1))
        args[1] = next(
            c.id for c in review_lines(lines, HantConverter("s2tw")) if c.phrase == "头发"
        )
    before = (folder / "hant-overrides.tsv").read_text(encoding="utf-8")
    result = handbook("hant", *args, folder / "new.txt")
    assert result.returncode == 1
    assert message in result.stderr and result.stderr.startswith("error: ")
    assert (folder / "hant-overrides.tsv").read_text(encoding="utf-8") == before


def test_check_fails_above_the_threshold(folder: Path) -> None:
    result = handbook("hant", "--check", "--max-doubtful", "2", folder / "new.txt")
    assert result.returncode == 1
    assert "unreviewed doubtful choices in the Traditional edition (more than 2)" in result.stderr
    assert handbook("hant", "--check", "--max-doubtful", "50", folder / "new.txt").returncode == 0


def test_the_first_text_is_reviewed() -> None:
    """Its doubtful choices were accepted (source/hant-review.md): make check passes."""
    result = handbook("hant", "--check", SOURCE)
    assert result.returncode == 0, result.stderr
    log = (ROOT / "source" / "hant-review.md").read_text(encoding="utf-8")
    for override in load_overrides(OVERRIDES):
        assert f"| {override.source} |" in log or f"| {override.source} (" in log


def test_conversion_report_has_the_traditional_section(folder: Path, tmp_path: Path) -> None:
    (folder / "handbook.yml").write_text("traditional_doubtful_max: 1\n", encoding="utf-8")
    report = tmp_path / "report.json"
    result = handbook("convert", folder / "new.txt", "--out", tmp_path / "docs", "--report", report)
    assert result.returncode == 0, result.stderr
    assert "Traditional edition: where the conversion had to choose" in result.stdout
    assert "warning: " in result.stdout and "more than 1" in result.stdout
    data = json.loads(report.read_text(encoding="utf-8"))["traditional"]
    choices = {c["phrase"]: c for c in data[str(folder / "new.txt")]}
    assert choices["发展"]["doubt"] == "disagrees"
    assert choices["发展"]["places"] == [
        {"line": 3, "simplified": "要牢牢把握发展主动权。", "traditional": "要牢牢把握發展主動權。"}
    ]


CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.txt"))


@pytest.mark.parametrize("source", CORPUS, ids=[p.stem for p in CORPUS])
def test_corpus_texts_are_converted_and_reviewed(source: Path) -> None:
    """Every real text of the corpus: none of the fixed cross-word mistakes, and
    every place where OpenCC over the whole text writes otherwise is listed."""
    from test_hant import CROSS_WORD

    from handbook.hant.command import reviews
    from handbook.hant.review import settled
    from handbook.reader import read_source

    converter = HantConverter("s2tw", OVERRIDES)
    lines = [(line.number, line.text) for line in read_source(source)[0]]
    for _, text in lines:
        converted = converter.convert_words(text)
        for simplified, traditional in CROSS_WORD.items():
            for match in re.finditer(simplified, text):
                assert converted[match.start() : match.end()] == traditional
    listed = {
        place.line
        for choice in reviews([source], converter)[source]
        if choice.doubt == DISAGREES
        for place in choice.places
    }
    disagreeing = set()
    for number, text in lines:
        whole, ours = converter.convert_whole(text), converter.convert_words(text)
        reviewed = settled(text, converter)  # the override file's phrases
        if any(
            a != b for i, (a, b) in enumerate(zip(whole, ours, strict=True)) if i not in reviewed
        ):
            disagreeing.add(number)
    assert disagreeing <= listed
