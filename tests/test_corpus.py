"""The corpus of real texts: its outlines hold together, and the converter
scores no lower on any text than its record. The scorer itself is checked on
small texts whose scores are counted by hand."""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from handbook.corpus import (
    CORPUS,
    DOUBT_COUNTS,
    LOWER_IS_BETTER,
    METRICS,
    ORIGINS,
    SCORES,
    Article,
    Author,
    CorpusError,
    Essay,
    Outline,
    Source,
    converter_outline,
    load_outline,
    measure,
    quoted_strings,
    score,
    starts,
)
from handbook.corpus.run import Result, table
from handbook.corpus.scoring import heading_errors

NAMES = sorted(p.stem for p in CORPUS.glob("*.txt"))


def outline(name: str) -> tuple[dict, Outline]:
    return load_outline(CORPUS / f"{name}.yml")


def test_every_text_has_an_outline_and_the_reverse():
    assert len(NAMES) >= 9
    assert sorted(p.stem for p in CORPUS.glob("*.yml") if p.name != SCORES) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_outline_follows_the_schema(name):
    outline(name)  # raises CorpusError, saying what is wrong


@pytest.mark.parametrize("name", NAMES)
def test_what_the_reader_quotes_stands_in_the_text(name):
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    missing = [s for s in quoted_strings(outline(name)[1]) if s not in text]
    assert missing == []


@pytest.mark.parametrize("name", NAMES)
def test_every_essay_and_article_is_found_in_order(name):
    source = Source((CORPUS / f"{name}.txt").read_text(encoding="utf-8"))
    essays, articles = starts(source, outline(name)[1])
    found = [p.at for p in essays] + [p.at for ps in articles for p in ps]
    assert None not in found
    assert [p.at for p in essays] == sorted(p.at for p in essays)


def origin_rows() -> dict[str, list[str]]:
    rows = {}
    for line in (CORPUS / ORIGINS).read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) >= 4 and cells[0] in NAMES:
            assert cells[0] not in rows, f"two rows for {cells[0]}"
            rows[cells[0]] = cells
    return rows


def test_every_text_has_its_origin_row():
    rows = origin_rows()
    assert sorted(rows) == NAMES
    for name, cells in rows.items():
        origin = outline(name)[0]["origin"]
        assert cells[1:4] == [origin["repository"], origin["path"], origin["commit"]], name


def test_no_text_scores_below_its_record():
    records = yaml.safe_load((CORPUS / SCORES).read_text(encoding="utf-8"))
    assert sorted(records) == NAMES, (
        "record the scores of new texts: python -m handbook.corpus --record"
    )
    worse = []
    for name in NAMES:
        now = measure(CORPUS / f"{name}.txt").scores
        for metric in METRICS:
            was, got = records[name][metric], round(now[metric], 4)
            if (got > was) if metric in LOWER_IS_BETTER else (got < was):
                worse.append(f"{name} {metric}: {got} (record {was})")
    assert worse == []


# --- the scorer on texts counted by hand ---------------------------------------

TEXT = (
    "学习材料汇编\n"
    "第一篇：学习心得\n"
    "一、提高认识\n"
    "通过学习，我认识到群众路线的重要性。\n"
    "第二篇：工作体会\n"
    "本站热搜\n"
    "作者：张三\n"
    "我们要密切联系群众。\n"
)
# Han positions: 学习材料汇编 0–5, 第一篇 6, 学习心得 9, 一、提高认识 13, 通过学习… 18–33,
# 第二篇 34, 工作体会 37, 本站热搜 41–44, 作者：张三 45–48, 我们要密切联系群众 49–57.
READER = Outline(
    "学习材料汇编",
    None,
    [
        Essay(
            "第一篇",
            "学习心得",
            articles=[Article(None, "一、提高认识", headings=["一、提高认识"])],
        ),
        Essay("第二篇", "工作体会", authors=[Author("张三", "作者")], articles=[Article(None)]),
    ],
    debris=["本站热搜"],
)


def converter(removed: list[tuple[int, str]]) -> Outline:
    """Right about the first essay; the second loses its title and byline, a
    third essay is split off its last line, which is missing from the output."""
    return Outline(
        "学习材料汇编",
        None,
        [
            Essay(
                "第一篇", "学习心得", line=2, articles=[Article(None, headings=["一、提高认识"])]
            ),
            Essay("第二篇", None, line=5, articles=[Article(None)]),
            Essay(None, None, line=8, articles=[Article(None)]),
        ],
        removed=removed,
        output=[
            (1, "学习材料汇编"),
            (2, "第一篇"),
            (2, "学习心得"),
            (3, "一、提高认识"),
            (4, "通过学习，我认识到群众路线的重要性。"),
            (5, "第二篇"),
            (5, "工作体会"),  # kept, as a paragraph
            (7, "作者：张三"),
        ],
    )


def test_positions_are_counted_in_han_characters():
    source = Source(TEXT)
    assert [p.at for p in starts(source, READER)[0]] == [6, 34]
    assert [p.at for p in starts(source, converter([]))[0]] == [6, 34, 49]


def test_scores_counted_by_hand():
    s = score(Source(TEXT), READER, converter([]))
    assert (s["essays_p"], s["essays_r"]) == (2 / 3, 1.0)
    assert (s["articles_p"], s["articles_r"]) == (2 / 3, 1.0)
    assert s["titles"] == 2 / 3  # the collection and essay 1 right, essay 2 untitled
    assert (s["authors"], s["roles"]) == (0.5, 0.5)  # 张三 missing from essay 2
    assert s["dates"] == 1.0  # nothing to find
    assert (s["headings_p"], s["headings_r"]) == (1.0, 1.0)
    assert (s["debris_p"], s["debris_r"]) == (1.0, 0.0)  # nothing removed, 本站热搜 kept
    assert s["lost"] == 4 + 9  # 本站热搜 and the last line, neither reported as debris
    assert s["lost_outside_debris"] == 9


def test_reported_debris_is_not_lost():
    s = score(Source(TEXT), READER, converter([(6, "本站热搜")]))
    assert (s["debris_p"], s["debris_r"]) == (1.0, 1.0)
    assert s["lost"] == s["lost_outside_debris"] == 9


def test_removing_text_as_debris_costs_precision_and_characters():
    s = score(Source(TEXT), READER, converter([(6, "本站热搜"), (7, "作者：张三")]))
    assert s["debris_p"] == 4 / 9  # 作者：张三 is five visible characters of text
    # the byline stays in the output here, so nothing more is lost outside the debris
    assert s["lost_outside_debris"] == 9


def test_a_mark_opening_the_line_after_the_last_item_is_that_item():
    # a lost link's pointer closes a paragraph and its bracket opens the next;
    # further on a bracket alone on its line: each item is found where it stands
    lines = [
        "甲市召开大会。（详情请点击链接：",
        "）乙市召开大会。（详情请点击链接：",
        "）",
        "丙市召开大会。",
    ]
    pointer, close = "（详情请点击链接：", "）"
    reader = Outline(None, None, [Essay(None, None, articles=[Article(None)])])
    reader.debris = [pointer, close, pointer, close]
    found = Outline(
        None,
        None,
        [Essay(None, None, line=1, articles=[Article(None)])],
        removed=[(1, pointer), (2, close), (2, pointer), (3, close)],
        output=[(1, "甲市召开大会。"), (2, "乙市召开大会。"), (4, "丙市召开大会。")],
    )
    s = score(Source("\n".join(lines) + "\n"), reader, found)
    assert (s["debris_p"], s["debris_r"]) == (1.0, 1.0)
    assert s["lost_outside_debris"] == 0


def test_contents_lists_above_do_not_count():
    text = (
        "目录\n【第一篇】牛郎织女\n【第二篇】孟姜女\n【第一篇】\n牛郎织女\n相传，天帝有六个女儿。\n"
    )
    reader = Outline(
        None, None, [Essay("【第一篇】", "牛郎织女", "相传，天帝", articles=[Article(None)])]
    )
    assert [p.at for p in starts(Source(text), reader)[0]] == [
        15
    ]  # the third 第一篇, above its title, above its first words


def test_a_plain_text_scores_full_through_the_pipeline(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text(
        "学习材料汇编\n\n第一篇：学习心得\n\n一、提高认识\n\n通过学习，我认识到群众路线的重要性，"
        "要始终坚持从群众中来、到群众中去。\n\n二、查找问题\n\n对照要求，查找自身在联系群众方面存在的不足和问题。\n\n"
        "第二篇：工作体会\n\n我们要密切联系群众，认真倾听群众的意见和建议，切实解决群众反映的问题。\n",
        encoding="utf-8",
    )
    reader = Outline(
        "学习材料汇编",
        None,
        [
            Essay(
                "第一篇",
                "学习心得",
                articles=[Article(None, "一、提高认识", headings=["一、提高认识", "二、查找问题"])],
            ),
            Essay("第二篇", "工作体会", articles=[Article(None)]),
        ],
    )
    s = score(Source(path.read_text(encoding="utf-8")), reader, converter_outline(path))
    assert {m: s[m] for m in METRICS if m not in LOWER_IS_BETTER} == dict.fromkeys(
        (m for m in METRICS if m not in LOWER_IS_BETTER), 1.0
    )
    assert s["lost"] == s["lost_outside_debris"] == 0


# --- the report's doubts against the converter's errors ---------------------------

LONG = (
    "学习材料汇编\n"  # line 1
    "第一篇：学习心得\n"  # 2
    + "通过学习，我认识到群众路线的重要性。\n"
    * 6  # 3–8
    + "第二篇：工作体会\n"  # 9
    "作者：张三\n"  # 10
     + "我们要密切联系群众。\n" * 6  # 11–16
)
LONG_READER = Outline(
    "学习材料汇编",
    None,
    [
        Essay("第一篇", "学习心得", articles=[Article(None)]),
        Essay("第二篇", "工作体会", authors=[Author("张三", "作者")], articles=[Article(None)]),
    ],
)


def doubted(
    doubts: list[int], second_title: str | None = None, more: list[Essay] = ()
) -> dict[str, float]:
    """The counts when the converter is right but for essay 2's title (and
    byline), plus the essays in `more`, with doubts on the lines given."""
    found = Outline(
        "学习材料汇编",
        None,
        [
            Essay("第一篇", "学习心得", line=2, articles=[Article(None)]),
            Essay("第二篇", second_title, line=9, articles=[Article(None)]),
            *more,
        ],
        doubts=[(n, "some-doubt") for n in doubts],
    )
    s = score(Source(LONG), LONG_READER, found)
    return {m: s[m] for m in DOUBT_COUNTS}


def test_source_lines_of_han_positions():
    source = Source(LONG)
    # 学习材料汇编 0–5, 第一篇学习心得 6–12, six lines of 16 from 13, 第二篇 at 109, 作者 at 116
    assert [source.line_of(p) for p in (0, 5, 6, 13, 108, 109, 116)] == [1, 1, 2, 3, 8, 9, 10]
    assert source.line_of(None) == 0


def test_an_error_is_flagged_by_a_doubt_near_it():
    # errors: essay 2's title (line 9) and its authors (its first line 9, its last 17)
    assert doubted([10]) == {"errors": 2, "flagged": 2, "false_alarms": 0}
    assert doubted([12]) == {"errors": 2, "flagged": 2, "false_alarms": 0}  # 3 lines off


def test_a_doubt_farther_off_is_a_false_alarm():
    assert doubted([5]) == {"errors": 2, "flagged": 0, "false_alarms": 1}  # 4 lines off
    assert doubted([14]) == {"errors": 2, "flagged": 1, "false_alarms": 0}  # near the end only


def test_doubts_on_a_right_result_are_false_alarms():
    assert doubted([3, 9], second_title="工作体会") == {
        "errors": 1,  # the byline
        "flagged": 1,
        "false_alarms": 1,  # line 3: essay 1 is right
    }


def test_an_invented_boundary_is_an_error_at_the_converter_s_line():
    split = Essay(None, None, line=14, articles=[Article(None)])
    # the essay and its untitled article both start there: two boundaries invented
    assert doubted([13], "工作体会", [split]) == {"errors": 3, "flagged": 2, "false_alarms": 0}


def test_a_doubt_on_a_wrong_heading_is_no_false_alarm():
    found = Outline(
        "学习材料汇编",
        None,
        [
            Essay("第一篇", "学习心得", line=2, articles=[Article(None)]),
            Essay(
                "第二篇",
                "工作体会",
                authors=[Author("张三", "作者")],
                line=9,
                articles=[Article(None, headings=["我们要密切联系群众"], heading_lines=[16])],
            ),
        ],
        doubts=[(16, "box-label")],
    )
    s = score(Source(LONG), LONG_READER, found)
    assert {m: s[m] for m in DOUBT_COUNTS} == {"errors": 0, "flagged": 0, "false_alarms": 0}


def test_an_invented_heading_counts_where_its_line_is_not_given():
    # two invented headings, the line of the first only: the second stands
    # where its words first do (line 11), and a doubt there is no false alarm
    article = Article(None, headings=["作者：张三", "我们要密切联系群众。"], heading_lines=[10])
    found = Outline(
        "学习材料汇编",
        None,
        [
            Essay("第一篇", "学习心得", line=2, articles=[Article(None)]),
            Essay(
                "第二篇", "工作体会", authors=[Author("张三", "作者")], line=9, articles=[article]
            ),
        ],
        doubts=[(11, "some-doubt")],
    )
    assert [c.lines for c in heading_errors(Source(LONG), LONG_READER, found)] == [(10,), (11,)]
    s = score(Source(LONG), LONG_READER, found)
    assert {m: s[m] for m in DOUBT_COUNTS} == {"errors": 0, "flagged": 0, "false_alarms": 0}


def test_a_missed_heading_with_no_han_character_counts_at_no_line():
    reader = Outline(None, None, [Essay(None, None, articles=[Article(None, headings=["PART 1"])])])
    found = Outline(None, None, [Essay(None, None, line=1, articles=[Article(None)])])
    errors = heading_errors(Source("PART 1\n通过学习，我认识到群众路线的重要性。\n"), reader, found)
    assert [c.lines for c in errors] == [()]


def test_the_table_shows_the_doubts_and_their_totals():
    counts = {"errors": 2, "flagged": 1, "false_alarms": 3}
    rows = table([Result("a", dict.fromkeys(METRICS, 1.0) | counts)] * 2).splitlines()
    assert rows[0].endswith("| flagged | false alarms |")
    assert rows[2].endswith("| 1/2 | 3 |") and rows[-1].endswith("| 2/4 | 6 |")


# --- the outline's rules ----------------------------------------------------------

GOOD = {
    "origin": {"repository": "a/b", "path": "c.txt", "commit": "0" * 40, "extracted": "whole file"},
    "kind": ["no-markers"],
    "title": "标题",
    "date": None,
    "essays": [{"marker": None, "title": "标题"}],
}


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        ({"essays": [{"marker": None, "title": "标题", "autors": []}]}, "unknown key 'autors'"),
        (
            {"essays": [{"marker": None, "title": "标题", "articles": [{"title": None}]}]},
            "needs begins",
        ),
        ({"origin": {**GOOD["origin"], "commit": "abc"}}, "40 hex digits"),
        ({"kind": ["poem"]}, "kind must be a list"),
        ({"held_out": "yes"}, "held_out must be true or false"),
        ({"tuned_on": "yesterday"}, "tuned_on must be a date"),
        ({"held_out": True, "tuned_on": datetime.date(2026, 12, 2)}, "no longer held out"),
        ({"essays": [{"marker": None, "title": None}]}, "needs a marker, a title or begins"),
        (
            {"essays": [{"marker": None, "title": "标题", "authors": [{"role": "作者"}]}]},
            "authors must be",
        ),
    ],
)
def test_a_broken_outline_is_refused_with_the_reason(tmp_path, change, complaint):
    path = tmp_path / "x.yml"
    path.write_text(yaml.safe_dump({**GOOD, **change}, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CorpusError, match=re.escape(complaint)):
        load_outline(path)
    path.write_text(yaml.safe_dump(GOOD, allow_unicode=True), encoding="utf-8")
    load_outline(path)  # the good one passes


def test_held_out_texts_are_averaged_apart():
    zero = dict.fromkeys(METRICS + DOUBT_COUNTS, 0.0)
    one = dict.fromkeys(METRICS + DOUBT_COUNTS, 1.0)
    rows = table(
        [Result("seen", one), Result("also-seen", one), Result("new", zero, held_out=True)]
    ).splitlines()
    means = {r.split(" | ")[0].strip("| "): r.split(" | ")[1] for r in rows if "mean" in r}
    assert means == {
        "mean": "0.67/0.67",
        "mean, developed on": "1.00/1.00",
        "mean, held out": "0.00/0.00",
    }
    assert sum("mean" in r for r in table([Result("seen", one)]).splitlines()) == 1


def test_the_corpus_keeps_texts_held_out():
    """A held-out set nobody has tuned on stays, so that `make corpus` always
    says how the converter does on texts it never met; a text tuned on says so."""
    held_out = [n for n in NAMES if outline(n)[0].get("held_out")]
    tuned_on = [n for n in NAMES if "tuned_on" in outline(n)[0]]
    assert len(held_out) >= 4
    assert tuned_on and not set(held_out) & set(tuned_on)


# --- the command ------------------------------------------------------------------


def run_corpus(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "handbook.corpus", *map(str, args)], capture_output=True, text=True
    )


def test_the_command_prints_and_writes_the_table_and_records(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    name = NAMES[0]
    for suffix in (".txt", ".yml"):
        (corpus / f"{name}{suffix}").write_bytes((CORPUS / f"{name}{suffix}").read_bytes())
    out = tmp_path / "corpus.md"
    done = run_corpus("--corpus", corpus, "--out", out, "--record")
    assert done.returncode == 0, done.stderr
    assert f"| {name} |" in done.stdout and f"| {name} |" in out.read_text(encoding="utf-8")
    recorded = yaml.safe_load((corpus / SCORES).read_text(encoding="utf-8"))
    now = measure(CORPUS / f"{name}.txt").scores
    assert recorded == {name: {m: round(now[m], 4) for m in METRICS}}  # no doubts' counts


def test_an_unknown_text_is_a_clear_error(tmp_path):
    done = run_corpus("no-such-text", "--out", tmp_path / "x.md")
    assert done.returncode == 1
    assert done.stderr.startswith("error: no such corpus text: no-such-text")
    assert not (tmp_path / "x.md").exists()
