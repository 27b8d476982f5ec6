"""The families of convention first met on the ninth held-out set, part B
(a hospital's report on its party branch, a national law on a discipline
office's page, the party constitution as an app ships it, a guide to
joining the party): hand-written texts in the same forms, or real lines of
them, and a near miss each that must not be taken; and the scorer's
finding of a piece joined across a span the converter removed."""

from __future__ import annotations

from handbook.corpus.scoring import Source, matched_hans

# --- the scorer: a piece joined across a removed span ---------------------------------------

DATE_LINE = "时间：2019年10月31日 23:00  浏览： 33"
LEAD = "本站讯（职工通讯员 李琴雯 刘会）为深入推进主题教育。"


def counter_removed(source: Source) -> set[int]:
    at = source.hans.index("浏览")
    return {at, at + 1}


def test_a_piece_joined_across_a_removed_counter_is_found():
    source = Source(f"{DATE_LINE}\n{LEAD}\n")
    joined = "时间：2019年10月31日 23:00" + LEAD
    removed = counter_removed(source)
    seen = matched_hans(source, [(1, joined)], (), removed)
    assert seen | removed == set(range(len(source.hans)))


def test_a_character_the_joined_piece_lacks_still_counts_as_lost():
    source = Source(f"{DATE_LINE}\n{LEAD}\n")
    joined = "时间：2019年10月31日 23:00" + LEAD.replace("深入", "深")
    removed = counter_removed(source)
    seen = matched_hans(source, [(1, joined)], (), removed)
    assert source.hans.index("深入") + 1 not in seen
    assert len(set(range(len(source.hans))) - seen - removed) > 0
