"""The families of convention first met on the tenth held-out set, part A
(news and government pages from a web-extraction dataset: a college
report, a weekly round-up, a portal's editorial, a radio's wire item, a
committee's survey report): the credits that close a text and the datelines
that open one, the site's pointers to links the page no longer holds, the
section heads of one piece, the findings that head their paragraphs. Each
family from a real line of those pages, and a near miss the rule must
leave alone."""

from __future__ import annotations

from support import NEWS_BODY, TITLE, articles, authors, collection_of, lines, paragraphs

# --- closing credits ------------------------------------------------------------------


def test_the_writers_names_in_brackets_after_the_last_sentence_are_its_byline(tmp_path):
    last = NEWS_BODY[-1]
    collection = collection_of(tmp_path, lines(TITLE, NEWS_BODY[:-1], last + "（常书香 马丹阳 ）"))
    [article] = articles(collection)
    assert authors(article) == [("常书香", ""), ("马丹阳", "")]
    assert paragraphs(collection)[-1] == last  # the sentence whole, the names cut off


def test_words_in_brackets_after_the_last_sentence_that_are_not_names_stay_text(tmp_path):
    last = NEWS_BODY[-1] + "（图片 视频 ）"  # no family name opens 图片 or 视频
    collection = collection_of(tmp_path, lines(TITLE, NEWS_BODY[:-1], last))
    [article] = articles(collection)
    assert authors(article) == []
    assert paragraphs(collection)[-1] == last
