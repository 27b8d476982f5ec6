"""The glossary: curated data, matching inside Chinese, links, concordance,
candidates, search dictionary and the pages building under --strict."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from support import ROOT, SOURCE, Element, read_page

from handbook.chars import COLON, COMMA, LPAREN, RPAREN
from handbook.errors import ConversionError
from handbook.glossary import (
    CANDIDATE_RULES,
    QUOTED,
    TermMatcher,
    candidate_report,
    check_citations,
    handbook_lines,
    link_terms,
    load_glossary,
    mine_candidates,
    passages,
    slugify,
)
from handbook.glossary.linking import link_of
from handbook.markdown import glossary_pages, render, render_inlines
from handbook.model import (
    Article,
    Collection,
    Essay,
    Handbook,
    Heading,
    Paragraph,
    Term,
    TermLink,
    mark,
)
from handbook.pipeline import build_handbook
from handbook.reader import LINE_BREAK, read_source
from handbook.settings import Settings

GLOSSARY = ROOT / "source" / "glossary.yml"


@pytest.fixture(scope="module")
def terms():
    return load_glossary(GLOSSARY)


@pytest.fixture(scope="module")
def matcher(terms):
    return TermMatcher(terms)


@pytest.fixture(scope="module")
def linked_handbook(terms):
    """The first text converted afresh (the shared one stays unlinked), its
    terms marked by the glossary step."""
    handbook = build_handbook([SOURCE], Settings())
    link_terms(handbook, terms)
    return handbook


def by_term(terms, name):
    return next(t for t in terms if t.term == name)


def small_terms(tmp_path, entries):
    path = tmp_path / "glossary.yml"
    path.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    return load_glossary(path)


def essay_of(*articles):
    return Essay(1, "测试", "第一篇", 1, articles=list(articles), slug="essay-01")


# --- the curated file --------------------------------------------------------


def test_the_curated_glossary_covers_what_the_issue_names(terms):
    names = {t.term for t in terms}
    assert {
        "群众路线",
        "四风",
        "形式主义",
        "官僚主义",
        "享乐主义",
        "奢靡之风",
        "四种考验",
        "四种危险",
        "最后一公里",
        "照镜子、正衣冠、洗洗澡、治治病",
        "焦裕禄",
        "杨善洲",
        "张思德",
    } <= names
    assert by_term(terms, "四风").parts == ["形式主义", "官僚主义", "享乐主义", "奢靡之风"]
    assert "四大考验" in by_term(terms, "四种考验").aliases


def test_ascii_punctuation_in_the_glossary_is_restored_like_the_text(tmp_path):
    (term,) = small_terms(
        tmp_path,
        [{"term": "立党为公,执政为民", "category": "slogan", "definition": "观点(第49行):略"}],
    )
    assert term.term == f"立党为公{COMMA}执政为民"
    assert term.definition == f"观点{LPAREN}第49行{RPAREN}{COLON}略"


def test_every_citation_quotes_its_source_line_word_for_word(terms):
    lines, _ = read_source(SOURCE)
    assert check_citations(terms, lines) == []
    assert all(t.defined_at for t in terms)


def test_a_citation_on_the_wrong_line_is_reported_with_where_the_quote_stands(tmp_path):
    lines, _ = read_source(SOURCE)
    wrong = small_terms(
        tmp_path,
        [
            {
                "term": "四风",
                "category": "concept",
                "definition": "形式主义、官僚主义、享乐主义、奢靡之风。",
                "defined_at": {"line": 18, "quote": "“四风”形式主义"},
            },
            {
                "term": "群众路线",
                "category": "concept",
                "definition": "党的生命线。",
                "defined_at": {"line": 45, "quote": "不在任何一行的引文"},
            },
        ],
    )
    found = check_citations(wrong, lines)
    # The seed text defines 四风 on its line 17 (the glossary cites it there).
    assert [(term.term, elsewhere) for term, elsewhere in found] == [
        ("四风", [17]),
        ("群众路线", []),
    ]


def test_every_term_is_used_in_the_handbook(linked_handbook):
    occurrences = linked_handbook.glossary.occurrences
    unused = [slug for slug, found in occurrences.items() if not found]
    assert unused == []


def test_a_term_without_a_slug_is_named_by_its_pinyin(tmp_path):
    entries = [
        {"term": "最后一公里", "category": "concept", "definition": "d"},
        {"term": "10+10工程", "category": "practice", "definition": "d"},
        {"term": "四风", "slug": "four-winds", "category": "concept", "definition": "d"},
    ]
    slugs = [t.slug for t in small_terms(tmp_path, entries)]
    assert slugs == ["zui-hou-yi-gong-li", "10-10-gong-cheng", "four-winds"]


def test_every_slug_is_its_terms_pinyin_so_the_index_is_in_pinyin_order(terms):
    # A long term's slug may stop early: 照镜子、正衣冠… is zhao-jing-zi-zheng-yi-guan.
    wrong = [(t.term, t.slug) for t in terms if not slugify(t.term).startswith(t.slug)]
    assert wrong == []
    assert by_term(terms, "最后一公里").slug == "zui-hou-yi-gong-li"


BAD_GLOSSARIES = [
    ("- term: 四风\n  category: concept\n", 1, "missing field 'definition'"),
    ("- term: 四风\n  category: idea\n  definition: x\n", 2, "category must be one of"),
    ("- term: 四风\n  category: concept\n  definition: x\n  meaning: y\n", 1, "unknown field"),
    ("- term: 四风\n  slug: Si Feng\n  category: concept\n  definition: x\n", 2, "slug"),
    ("- term: 四风\n  category: concept\n  definition: ''\n", 3, "must not be empty"),
    ("- term: 四风\n  category: concept\n  definition: [a]\n", 3, "expected text"),
    (
        "- term: 四风\n  category: concept\n  definition: x\n"
        "- term: 作风\n  aliases: [四风]\n  category: concept\n  definition: y\n",
        4,
        "already listed under 四风",
    ),
    (
        "- term: 四风\n  category: concept\n  definition: x\n"
        "- term: 四 风\n  slug: si-feng\n  category: concept\n  definition: y\n",
        4,
        "slug 'si-feng' is already used",
    ),
    ("- term: 毛泽东\n  category: person\n  definition: x\n  not_in: [邓小平]\n", 4, "not_in"),
    (
        "- term: 四风\n  category: concept\n  definition: x\n  defined_at:\n    line: 0\n"
        "    quote: y\n",
        5,
        "defined_at.line",
    ),
    ("- term: 四风\n  category: concept\n  definition: x\n  defined_at: 17\n", 4, "mapping"),
    ("term: 四风\n", 1, "a list of terms"),
    ("- term: 四风\n  category: [concept\n", 3, "expected"),
]


@pytest.mark.parametrize(("text", "line", "message"), BAD_GLOSSARIES)
def test_bad_glossary_names_the_yaml_line(tmp_path, text, line, message):
    path = tmp_path / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConversionError, match=re.escape(message)) as err:
        load_glossary(path)
    assert err.value.line == line
    assert err.value.path == path


# --- matching inside Chinese -------------------------------------------------


def test_terms_are_found_inside_unspaced_chinese(matcher):
    text = "着力解决“四风”突出问题和联系群众“最后一公里”问题,反对四风"
    # What Markdown's abbreviations rely on: \b never fires between Han characters.
    assert re.search(r"\b四风\b", "反对四风问题") is None
    found = [(m.phrase, text[m.start : m.end]) for m in matcher.find(text)]
    assert found == [("四风", "四风"), ("最后一公里", "最后一公里"), ("四风", "四风")]


def test_the_longest_term_wins(matcher):
    text = "开展党的群众路线教育实践活动,坚持党的群众路线"
    found = [(m.phrase, m.term.term) for m in matcher.find(text)]
    assert found == [
        ("党的群众路线教育实践活动", "群众路线教育实践活动"),
        ("党的群众路线", "群众路线"),
    ]


def test_a_longer_term_beats_a_shorter_one_that_starts_earlier(tmp_path):
    # Leftmost matching would take 联系群众 and leave 路线教育 unlinked.
    terms = small_terms(
        tmp_path,
        [
            {"term": "联系群众", "category": "concept", "definition": "a"},
            {"term": "群众路线教育", "category": "concept", "definition": "b"},
        ],
    )
    found = [m.phrase for m in TermMatcher(terms).find("密切联系群众路线教育")]
    assert found == ["群众路线教育"]


def test_not_in_words_block_a_term(matcher):
    assert matcher.find("是毛泽东思想活的灵魂") == []
    assert [m.phrase for m in matcher.find("毛泽东同志指出")] == ["毛泽东"]
    assert [m.phrase for m in matcher.find("树立群众观念,端正群众观")] == ["群众观"]


def test_enumerations_match_as_one_use_of_their_term(matcher):
    text = "党面临的执政考验、改革开放考验、市场经济考验、外部环境考验是长期的"
    (match,) = matcher.find(text)
    assert match.term.term == "四种考验"


PHRASES = [
    "群众路线",
    "群众路线教育实践活动",
    "四风",
    "最后一公里",
    "脱离群众",
    "密切联系群众",
    "群众",
]
HYPOTHESIS_MATCHER = TermMatcher(Term(p, f"t{i}", "concept", "d") for i, p in enumerate(PHRASES))


@given(st.lists(st.sampled_from([*PHRASES, "的", "和", "要", "。", "党"]), max_size=30))
def test_matches_are_disjoint_and_leave_no_phrase_unclaimed(pieces):
    text = "".join(pieces)
    matches = HYPOTHESIS_MATCHER.find(text)
    claimed = [False] * len(text)
    for m in matches:
        assert text[m.start : m.end] == m.phrase
        assert m.phrase in m.term.phrases
        assert not any(claimed[m.start : m.end])
        claimed[m.start : m.end] = [True] * (m.end - m.start)
    for phrase in PHRASES:
        for start in (i for i in range(len(text)) if text.startswith(phrase, i)):
            # Every occurrence is matched, or overlaps a match at least as long.
            overlapping = [m for m in matches if m.start < start + len(phrase) and start < m.end]
            assert overlapping
            assert max(m.end - m.start for m in overlapping) >= len(phrase)


# --- links in the essays -----------------------------------------------------


def linked(terms_, *blocks):
    """One essay of the given blocks, through the glossary step."""
    essay = essay_of(Article("一", blocks=list(blocks)))
    collection = Collection(Path("t.txt"), "测试", None, "t", essays=[essay])
    link_terms(Handbook([collection]), terms_)
    return essay


def links(block):
    return [(i.text, i.slug) for i in block.inlines if isinstance(i, TermLink)]


def test_only_the_first_occurrence_in_an_article_is_linked(terms):
    p1 = Paragraph("反对“四风”,纠正四风。", 1, "p1")
    p2 = Paragraph("四风问题和最后一公里", 2, "p2")
    heading = Heading("一、四风的危害", 1, "cn-numeral-comma", 3, "s2")
    p3 = Paragraph("四风问题和最后一公里", 4, "p3")
    essay = linked(terms, p1, p2, heading, p3)
    assert links(p1) == [("四风", "si-feng")]
    assert p1.inlines[0].text == "反对“"  # the link starts at the term
    assert links(p2) == [("最后一公里", "zui-hou-yi-gong-li")]
    assert links(p3) == []  # a new section of the same article: no second mark
    assert links(heading) == []  # headings are never linked
    assert [p.text for p in (p1, p2, p3)] == [
        "反对“四风”,纠正四风。",
        "四风问题和最后一公里",
        "四风问题和最后一公里",
    ]
    # the next article links the term again
    p4 = Paragraph("四风问题", 5, "p4")
    essay.articles.append(Article("二", blocks=[p4]))
    collection = Collection(Path("t.txt"), "测试", None, "t", essays=[essay])
    link_terms(Handbook([collection]), terms)
    assert links(p4) == [("四风", "si-feng")]


def test_linked_markdown_names_the_term_and_its_definition_in_the_title(terms):
    text = "解决[服务]群众“最后一公里”问题*，坚持党的群众路线"
    inlines = mark(Paragraph(text, 1).inlines, [link_of(m) for m in TermMatcher(terms).find(text)])
    page = "mass-line-essays/essay-02.md"
    html = markdown.markdown(render_inlines(inlines, page), extensions=["attr_list"])
    definition = by_term(terms, "最后一公里").definition
    assert definition.startswith(f"原指完成长途跋涉的最后一段里程{COMMA}被引申为")
    assert (
        f'<a class="term" href="../glossary/zui-hou-yi-gong-li.md" '
        f'title="最后一公里{COLON}{definition}">最后一公里</a>'
    ) in html
    # an alias links under the term's own name (glossary.yml: 群众路线, alias 党的群众路线)
    line = by_term(terms, "群众路线").definition
    assert f'title="群众路线{COLON}{line}">党的群众路线</a>' in html
    assert "[服务]" in html and "问题*，坚持" in html


def test_a_match_never_links_across_another_inline(terms):
    # A later step's inline (here a link already made) is kept as it is.
    made = TermLink("群众", "qun-zhong", "d")
    inlines = [Paragraph("坚持", 1).inlines[0], made, Paragraph("路线和四风", 1).inlines[0]]
    text = "坚持群众路线和四风"
    result = mark(inlines, [link_of(m) for m in TermMatcher(terms).find(text)])
    assert "".join(i.text for i in result) == text
    assert [i for i in result if isinstance(i, TermLink)] == [
        made,
        TermLink("四风", "si-feng", by_term(terms, "四风").definition),  # named as the text does
    ]


def test_each_page_lists_its_terms_in_order_of_use(linked_handbook):
    terms_ = linked_handbook.collections[0].essays[0].terms
    assert terms_[:4] == ["群众路线", "为民务实清廉", "群众路线教育实践活动", "四风"]
    assert "照镜子、正衣冠、洗洗澡、治治病" in terms_


# --- concordance and pages on the real text ----------------------------------


def test_the_definition_link_lands_on_the_defining_paragraph(linked_handbook, terms):
    site = linked_handbook.glossary.sites["zui-hou-yi-gong-li"]
    assert (site.page, site.anchor) == ("mass-line-essays/essay-02.md", "p24")
    pages = glossary_pages(linked_handbook.glossary)
    page = pages["glossary/zui-hou-yi-gong-li.md"]
    assert "(../mass-line-essays/essay-02.md#p24)" in page
    assert f"**又作**{COLON}最后有一公里" in page
    # the reader is told the essay and the paragraph, never a source line
    # (p24: the 24th paragraph of the essay's page, counted in the model)
    essay = site.essay
    assert f"[{essay.marker} {essay.title} · 第 24 段](" in page
    assert all("原文第" not in text for text in pages.values())


def test_concordance_lists_every_occurrence_of_a_term(linked_handbook, terms):
    found = linked_handbook.glossary.occurrences["zui-hou-yi-gong-li"]
    # Counted in the source itself: each line holding the term or its alias,
    # debris aside (none of it names the term).
    phrases = by_term(terms, "最后一公里").phrases
    raw = LINE_BREAK.split(SOURCE.read_text(encoding="utf-8"))
    expected = sum(line.count(p) for line in raw for p in phrases)
    assert len(found) == expected > 0
    assert {o.passage.page for o in found} == {"mass-line-essays/essay-02.md"}


def test_the_index_is_grouped_by_category_and_sorted_by_pinyin(linked_handbook):
    index = glossary_pages(linked_handbook.glossary)["glossary/index.md"]
    people = index.split("## 人物")[1].split("## ")[0]
    names = re.findall(r"^- \[([^\]]+)\]", people, re.M)
    assert names == ["邓小平", "焦裕禄", "毛泽东", "杨善洲", "张思德"]
    headings = re.findall(r"^## (\S+)", index, re.M)
    assert headings == ["概念", "要求", "提法", "活动", "做法", "人物", "文献"]


def page_elements(site: Path, page: str) -> list[Element]:
    return read_page(site / page.removesuffix(".md") / "index.html").elements


def element_texts(site: Path, page: str) -> dict[str, str]:
    """The text of each paragraph and heading, by id ("" for the h1)."""
    return {e.id: e.text.strip() for e in page_elements(site, page) if e.id or not e.css}


@pytest.fixture(scope="module")
def site(built_site, linked_handbook):
    """The committed handbook, built (with --strict, by the shared fixture); its
    pages must be what the glossary step and the writer make."""
    pages = render(linked_handbook)
    for path, text in pages.items():
        assert (ROOT / "docs" / path).read_text(encoding="utf-8") == text, path
    return built_site


def test_glossary_pages_build_with_strict(site):
    assert (site / "glossary" / "si-feng" / "index.html").exists()
    html = (site / "mass-line-essays" / "essay-01" / "index.html").read_text()
    assert (
        '<a class="term" href="../../glossary/si-feng/" title="四风：形式主义、官僚主义、享乐主义、奢靡之风。">'
        in html
    )


def test_every_concordance_link_lands_on_text_containing_the_term(site, linked_handbook):
    texts: dict[str, dict[str, str]] = {}
    for slug, found in linked_handbook.glossary.occurrences.items():
        for occurrence in found:
            page = occurrence.passage.page
            if page not in texts:
                texts[page] = element_texts(site, page)
            assert occurrence.phrase in texts[page][occurrence.passage.anchor], slug


def test_the_concordance_covers_every_text_element_of_the_essay_pages(site, handbook):
    # Every paragraph and heading of a page is a passage with the same text, so
    # an occurrence anywhere on the page is an occurrence the concordance lists.
    for collection in handbook.collections:
        for essay in collection.essays:
            page = f"{collection.slug}/{essay.slug}.md"
            elements = [(e.id, e.css, e.text) for e in page_elements(site, page)]
            listed = [(p.anchor, p.text) for p in passages(handbook) if p.essay is essay]
            title = (essay.title, f"{essay.marker} {essay.title}")
            shown = [
                ("", title[0] if text == title[1] else text) if key == "" else (key, text.strip())
                for key, css, text in elements
                if css not in {"byline", "md-nav__title"} and (key or css != "essay-subtitle")
            ]
            assert [s for s in shown if s[0]] == [p for p in listed if p[0]]
            assert listed[0] == shown[0] == ("", essay.title)


def source_text_lines() -> list[str]:
    return LINE_BREAK.split(SOURCE.read_text(encoding="utf-8"))


def source_lines_with(phrase: str) -> list[int]:
    """The source lines a phrase is on, counted from the raw file."""
    return [n for n, line in enumerate(source_text_lines(), start=1) if phrase in line]


# --- candidates --------------------------------------------------------------


@pytest.mark.parametrize("rule", [*CANDIDATE_RULES, QUOTED], ids=lambda r: r.name)
def test_every_candidate_rule_matches_its_example(rule):
    assert rule.pattern.search(rule.example).group("phrase")


def test_the_miner_finds_the_texts_own_definitions(handbook):
    found = {c.phrase: c for c in mine_candidates(handbook_lines(handbook), [])}
    assert found["最后一公里"].rules == ["so-called", "quoted"]
    assert found["四风"].rules[0] == "quoted-list"
    assert found["四种考验"].rules == ["line-list"]
    for name in ("形式主义", "官僚主义", "享乐主义", "奢靡之风"):
        assert "line-list" in found[name].rules
    assert "means" in found["官僚主义"].rules
    assert found["党的群众路线"].rules == ["is-namely"]
    assert found["10+10工程"].rules == ["quoted-that-is"]
    assert found["10+10工程"].lines == source_lines_with("10+10工程")
    assert found["末梢堵塞"].count == 4


def test_the_curated_glossary_wins_over_candidates(handbook, terms):
    candidates = mine_candidates(handbook_lines(handbook), terms)
    curated = {p for t in terms for p in t.phrases}
    assert candidates and not {c.phrase for c in candidates} & curated
    # One row of the listing, its numbers taken from the source: how often the
    # text says 走进群众 (always quoted: the quoted rule alone finds it), where.
    lines = source_lines_with("走进群众")
    count = sum(line.count("走进群众") for line in source_text_lines())
    row = f"{count:>4}  走进群众  slug: zou-jin-qun-zhong  [quoted]  lines {', '.join(map(str, lines))}"
    assert row in candidate_report(candidates).splitlines()
