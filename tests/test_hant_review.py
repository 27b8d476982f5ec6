"""The review of the Traditional conversion: `handbook hant`, as a maintainer
uses it on a new text, and the report's section."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from support import CROSS_WORD, OVERRIDES, ROOT, SOURCE
from support import run_handbook as handbook

from handbook.hant import HantConverter, load_overrides, one_to_many_characters
from handbook.hant.command import conversion_report
from handbook.hant.review import (
    BY_PHRASE,
    DISAGREES,
    OWN_FORM,
    _phrase_span,
    doubtful,
    report,
    report_data,
    review_lines,
    settled,
)
from handbook.reader import read_source
from handbook.settings import DEFAULTS

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
    return {c.phrase: (c.form, c.doubt, c.lines) for c in found}


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


# Written by hand: 头发 on five lines, twice on line 4; line 3 says what line 1
# says, and each line is shorter than the context shown on either side.
HAIR = "他剪了头发。\n头发很长。\n他剪了头发。\n头发白了，头发少了。\n她头发长。\n"


def test_a_phrase_made_at_many_places_is_one_choice_with_a_count() -> None:
    lines = list(enumerate(HAIR.split("\n"), start=1))
    # One choice, however many places.
    (hair,) = [c for c in review_lines(lines, HantConverter("s2tw")) if c.phrase == "头发"]
    assert (hair.form, hair.doubt) == ("頭髮", BY_PHRASE)
    assert hair.count == 6  # once on lines 1, 2, 3 and 5, twice on line 4
    assert hair.lines == [1, 2, 3, 4, 5]
    # One sample per context, the first three: line 3 repeats line 1, line 4's
    # two places show the same line, line 5 comes after three others.
    assert [(p.line, p.simplified, p.traditional) for p in hair.samples] == [
        (1, "他剪了头发。", "他剪了頭髮。"),
        (2, "头发很长。", "頭髮很長。"),
        (4, "头发白了，头发少了。", "頭髮白了，頭髮少了。"),
    ]


def test_a_text_with_nothing_to_choose_has_no_choices() -> None:
    assert review_lines([(1, "人民"), (2, ""), (3, "为人民服务")], HantConverter("s2tw")) == []


def test_lines_past_the_first_ten_are_counted_not_listed() -> None:
    lines = list(enumerate(["他剪了头发。"] * 13, start=1))
    choices = review_lines(lines, HantConverter("s2tw"))
    text = report("new.txt", choices)
    assert (
        "头发 → 頭髮  (by phrase, ×13)\n"
        "      line 1: 他剪了头发。  |  他剪了頭髮。\n"
        "      on lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 3 more"
    ) in text
    (data,) = [c for c in report_data(choices) if c["phrase"] == "头发"]
    assert data["count"] == 13
    assert data["samples"] == [
        {"line": 1, "simplified": "他剪了头发。", "traditional": "他剪了頭髮。"}
    ]
    assert (data["lines"], data["more_lines"]) == (list(range(1, 11)), 3)


def test_a_text_repeated_has_the_same_report_but_for_its_counts(tmp_path: Path) -> None:
    once, thrice = tmp_path / "once.txt", tmp_path / "thrice.txt"
    once.write_text(NEW_TEXT, encoding="utf-8")
    thrice.write_text(NEW_TEXT * 3, encoding="utf-8")  # NEW_TEXT is 5 lines
    (first,) = conversion_report([once], DEFAULTS)[1].values()
    (third,) = conversion_report([thrice], DEFAULTS)[1].values()
    counted = ("count", "lines", "more_lines")
    assert [{k: v for k, v in c.items() if k not in counted} for c in third] == [
        {k: v for k, v in c.items() if k not in counted} for c in first
    ]
    for one, three in zip(first, third, strict=True):
        assert one["more_lines"] == 0
        assert three["count"] == 3 * one["count"]
        assert three["lines"] == [n + 5 * copy for copy in range(3) for n in one["lines"]]


def plain_places(lines: list[tuple[int, str]], converter: HantConverter) -> list[tuple]:
    """Every place the review defines, found the plain way: line by line, word
    by word, each line converted on its own: (phrase, form, doubt, whole, line)."""
    many = one_to_many_characters()
    places = []
    for number, text in lines:
        chosen, whole = converter.convert_words(text), converter.convert_whole(text)
        reviewed = settled(text, converter)
        start = 0
        for word in converter.segmented.words(text) if text else []:
            a, b = start, start + len(word)
            start = b
            if all(i in reviewed for i in range(a, b) if text[i] in many):
                continue
            a, b = _phrase_span(text, a, b)
            own = "".join(converter.convert_plain(c) for c in text[a:b])
            doubt = (
                DISAGREES
                if whole[a:b] != chosen[a:b]
                else BY_PHRASE
                if own != chosen[a:b]
                else OWN_FORM
            )
            places.append((text[a:b], chosen[a:b], doubt, whole[a:b], number))
    return places


@pytest.mark.parametrize("overrides", [None, OVERRIDES], ids=["no-overrides", "reviewed"])
def test_the_first_text_keeps_every_place_and_doubt(overrides: Path | None) -> None:
    """Grouped, each distinct line read once, the review of the first text
    counts every place the plain way finds, with the same doubts: the
    threshold of make check counts what it counted before."""
    converter = HantConverter("s2tw", overrides)
    lines = [(line.number, line.text) for line in read_source(SOURCE)[0]]
    plain = plain_places(lines, converter)
    choices = review_lines(lines, converter)
    assert {(c.phrase, c.form): c.count for c in choices} == Counter(p[:2] for p in plain)
    most = {}
    for phrase, form, doubt, _, _ in plain:
        most[phrase, form] = max(doubt, most.get((phrase, form), 0))
    assert {(c.phrase, c.form): c.doubt for c in choices} == most
    assert {(c.phrase, c.form): c.lines for c in choices} == {
        key: sorted({p[4] for p in plain if p[:2] == key}) for key in most
    }
    assert len(doubtful(choices)) == sum(doubt >= BY_PHRASE for doubt in most.values())


def test_the_first_review_s_decisions_are_listed_again_without_their_overrides() -> None:
    """The review log (source/hant-review.md) holds every choice the first
    text's review accepted: without the override file, each is listed again,
    doubtful, under the same id; with it, none is."""
    log = (ROOT / "source" / "hant-review.md").read_text(encoding="utf-8")
    rows = re.findall(
        r"^\| ([0-9a-f]{6}) \| [^|]+ \| (\S+) \| (\S+) \| accepted \| (\S+) \|$", log, re.M
    )
    assert len(rows) >= 30
    lines = [(line.number, line.text) for line in read_source(SOURCE)[0]]
    unreviewed = {c.id: c for c in review_lines(lines, HantConverter("s2tw"))}
    for choice_id, phrase, form, whole in rows:
        choice = unreviewed[choice_id]
        assert (choice.phrase, choice.form, choice.whole) == (phrase, form, whole)
        assert choice.doubt >= BY_PHRASE
    reviewed = {c.id for c in review_lines(lines, HantConverter("s2tw", OVERRIDES))}
    assert reviewed.isdisjoint(row[0] for row in rows)


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
    assert choices["发展"]["count"] == 1
    assert choices["发展"]["samples"] == [
        {"line": 3, "simplified": "要牢牢把握发展主动权。", "traditional": "要牢牢把握發展主動權。"}
    ]
    assert (choices["发展"]["lines"], choices["发展"]["more_lines"]) == ([3], 0)


CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.txt"))


@pytest.mark.parametrize("source", CORPUS, ids=[p.stem for p in CORPUS])
def test_corpus_texts_are_converted_and_reviewed(source: Path) -> None:
    """Every real text of the corpus: none of the fixed cross-word mistakes, and
    every place where OpenCC over the whole text writes otherwise is listed."""
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
        line
        for choice in reviews([source], converter)[source]
        if choice.doubt == DISAGREES
        for line in choice.lines
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
