"""A news page's masthead run over its dateline (structure/debris.py,
`news_masthead`) met on the eighteenth held-out set: a page's font controls
under its date are not a headline under a digital edition's issue date, so
the headline above them, with the menu, stays. Hand-written lines, and the
near miss: an issue date with the headline under it still stops the run."""

from __future__ import annotations

from support import NEWS_BODY, TITLE, collection_of, lines, removed

MENU = ["登录/注册", "首页", "风闻", "观察员", "国际", "军事", "财经", "产经", "科技", "视频"]


def removed_texts(collection) -> list[str]:
    return [t for _, t in removed(collection)]


def test_font_controls_under_the_date_keep_the_headline_above_it(tmp_path):
    text = lines(
        MENU,
        TITLE,
        "分享到：",
        "22",
        "59",
        "2019-09-07 09:25:09",
        "字号：A-",
        "A",
        "A+",
        "来源：观察者网",
        NEWS_BODY,
    )
    collection = collection_of(tmp_path, text)
    assert TITLE not in removed_texts(collection)


def test_an_issue_date_over_the_headline_still_stops_the_masthead(tmp_path):
    cells = ["下", "一", "版"]  # an edition's buttons set a character a line
    collection = collection_of(tmp_path, lines(MENU, cells, "2024年05月13日", TITLE, NEWS_BODY))
    assert removed_texts(collection)[: len(MENU) + len(cells)] == MENU + cells
    assert TITLE not in removed_texts(collection)
