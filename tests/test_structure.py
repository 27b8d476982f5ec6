"""The structure the converter must recover from the first text, rule by rule."""

from __future__ import annotations

import pytest

from handbook.chars import FULL_WIDTH, LPAREN, RPAREN
from handbook.model import Byline, Heading, Paragraph
from handbook.patterns import BYLINES, DEBRIS, ESSAY_MARKERS, HEADING_MARKERS, SUBTITLE
from handbook.structure import parse_number

# The expected texts below are written with ASCII marks for legibility and
# widened here, as the converter widens them.
WIDEN = str.maketrans({**FULL_WIDTH, "(": LPAREN, ")": RPAREN})


def fw(text: str) -> str:
    return text.translate(WIDEN)


def blocks(essay):
    return [b for a in essay.articles for b in a.blocks]


def paragraph_texts(essay):
    return [b.text for b in blocks(essay) if isinstance(b, Paragraph)]


def heading_texts(essay):
    return [b.text for b in blocks(essay) if isinstance(b, Heading)]


def test_title_and_date_go_to_the_collection_not_an_essay(collection):
    assert collection.title == "我们党群众路线内容"
    assert collection.date == "2022-08-28"
    assert collection.preface == []
    first = collection.essays[0]
    assert all("2022" not in t for t in paragraph_texts(first))
    assert first.line == 5


def test_five_essays_titled_after_their_markers(collection):
    assert [(e.number, e.marker, e.title) for e in collection.essays] == [
        (1, "第一篇", "我们党群众路线内容"),
        (2, "第二篇", "深刻理解群众路线是我们党的生命线和根本工作路线"),
        (3, "第三篇", "党群众路线"),
        (4, "第四篇", "党群众路线教育实践"),
        (5, "第五篇", "党群众路线学习心得"),
    ]


def test_lecture_byline_is_metadata(collection):
    essay = collection.essays[0]
    assert essay.subtitle == "田局——群众路线是我们党的生命线"
    assert [b.text for b in essay.bylines] == ["田局授课"]
    assert essay.bylines[0].authors[0].name == "田局"
    assert essay.bylines[0].authors[0].role == "授课"
    assert "田局授课" not in paragraph_texts(essay)


def test_glued_excerpt_byline_is_split_from_the_first_sentence(collection):
    essay = collection.essays[1]
    byline = essay.bylines[0]
    assert (
        byline.text
        == "——摘自贺同新同志在集团党组理论中心组群众路线教育实践活动专题学习会议上的发言"
    )
    assert byline.authors[0].name == "贺同新"
    assert paragraph_texts(essay)[0].startswith("总书记在党的群众路线教育实践活动工作会议上指出")
    assert any(r.rule == "split-glued-byline" and r.line == 41 for r in collection.repairs)


def test_second_essay_holds_four_articles_with_titles_and_bylines(collection):
    articles = collection.essays[1].articles
    assert [a.title for a in articles] == [
        None,  # 贺同新's speech carries the essay's own title
        "新形势下加强党员干部密切联系群众是社会发展的迫切需要",
        "解决好服务群众的“最后一公里”问题",
        "浅谈解决联系服务群众“最后一公里”的问题",
    ]
    wen = articles[2]
    assert isinstance(wen.blocks[-1], Byline)
    assert wen.blocks[-1].text == fw("(文/闻琼)")
    assert wen.blocks[-1].authors[0].name == "闻琼"
    assert wen.paragraphs[-1].text.endswith("才能真正加快建成幸福美好的新铜梁。")


def test_title_unit_author_line(collection):
    article = collection.essays[2].articles[0]
    assert article.title == "大学生党员如何实施群众路线"
    byline = article.bylines[0]
    assert byline.text == "会展二支部 会展1102 高子茵"
    assert (byline.authors[0].name, byline.authors[0].unit) == ("高子茵", "会展二支部 会展1102")


def test_numbered_headings(collection):
    speech = collection.essays[1].articles[0]
    headings = [b.text for b in speech.blocks if isinstance(b, Heading)]
    assert headings == [
        "一、党的群众路线的基本内涵及其重大意义",
        fw(
            "二、我们党的历史就是一部逐步形成、自觉践行群众路线的历史,实行群众路线是党从胜利走向胜利的法宝。"
        ),
        fw(
            "三、新世纪新阶段坚持和贯彻党的群众路线,对于我们党应对风险挑战、夯实执政基础、巩固执政地位、实现执政使命具有特别重大的现实意义。"
        ),
    ]
    assert heading_texts(collection.essays[2])[:2] == [
        fw("(一)扎实开展学习培训,切实提高思想认识"),
        fw("(二) 深入开展实践调研,强化教育实践效果"),
    ]
    assert heading_texts(collection.essays[4])[0] == fw("第一,更深刻了解了群众路线的内涵")


@pytest.mark.parametrize(
    ("essay", "heading", "paragraph"),
    [
        (
            1,
            "二、在解决服务群众最后有一公里时应注意的问题",
            fw("第一,认真排查和发现“最后一公里”问题。"),
        ),
        (2, fw("(三)积极组织建言献策,促进学校科学发展"), fw("根据学校教育实践活动总体安排,")),
        (2, fw("(四)提高党员能力素养,发挥模范带头作用"), fw("通过教育实践活动,")),
        (4, fw("第六,群众路线在自身工作实践中的落实"), fw("(1)进入单位以来,")),
    ],
)
def test_heading_glued_to_its_paragraph_is_split(collection, essay, heading, paragraph):
    items = blocks(collection.essays[essay])
    index = next(i for i, b in enumerate(items) if isinstance(b, Heading) and b.text == heading)
    following = items[index + 1]
    assert isinstance(following, Paragraph)
    assert following.text.startswith(paragraph)


def test_enumerations_inside_prose_stay_paragraphs(collection):
    texts = paragraph_texts(collection.essays[2]) + paragraph_texts(collection.essays[4])
    assert any(t.startswith("一是学风引领") for t in texts)
    assert any(t.startswith(fw("(2)注重每次群众来电举报")) for t in texts)
    assert any(t.startswith(fw("(5)坚持从群众中来")) for t in texts)
    all_headings = [h for e in collection.essays for h in heading_texts(e)]
    assert not any(
        h.startswith(tuple(map(fw, ("一是", "二是", "(1)", "(2)", "(5)")))) for h in all_headings
    )
    # 第二, … in the fourth article of essay 2 open long paragraphs, not headings
    assert any(t.startswith(fw("第二,深入查找造成")) for t in paragraph_texts(collection.essays[1]))


def test_broken_sentence_is_joined_not_a_heading(collection):
    essay = collection.essays[0]
    assert fw(
        "形式主义:知行不一、不求实效、文山会海、花拳绣腿、贪图虚名、弄虚作假等;"
    ) in paragraph_texts(essay)
    assert not any(h.startswith("一、不求实效") for h in heading_texts(essay))
    assert any(r.rule == "joined-broken-line" and r.line == 21 for r in collection.repairs)


def test_mis_encoded_ellipsis_is_restored(collection):
    text = "".join(t for e in collection.essays for t in paragraph_texts(e))
    assert "„" not in text
    assert "迎难而上治“三害”……" in text
    assert fw("在阵营上推开了群众……,") in text
    assert sorted(r.line for r in collection.repairs if r.rule == "mis-encoded-ellipsis") == [
        125,
        203,
    ]


def test_full_width_punctuation_restored_but_numbers_kept(collection):
    text = "\n".join(t for e in collection.essays for t in paragraph_texts(e) + heading_texts(e))
    for ascii_mark in ",;:?()":  # ASCII, as the source has them
        # only marks between Latin letters or digits may stay ASCII
        assert ascii_mark not in text, ascii_mark
    assert "“红色1+1”" in text
    assert "“10+10工程”" in text
    assert fw("在生活方式上,追求“贵族化”,") in text
    assert fw("(文/闻琼)") in [b.text for b in collection.essays[1].articles[2].bylines]
    assert sum(r.count for r in collection.repairs if r.rule == "full-width-punctuation") > 500


def test_site_debris_removed_and_reported(collection):
    assert [(r.line, r.rule) for r in collection.removals] == [
        (215, "prev-next-links"),
        (217, "hot-searches"),
    ]
    text = "".join(t for e in collection.essays for t in paragraph_texts(e))
    assert "上一篇" not in text and "本站热搜" not in text
    assert collection.essays[-1].last_line == 213


def test_lost_paragraph_breaks_after_sentences_are_restored(collection):
    texts = paragraph_texts(collection.essays[1])
    assert any(t.startswith(fw("1956年,邓小平同志")) for t in texts)
    assert any(t.startswith("多走土路讲土话") for t in texts)
    # a space that does not follow a sentence's end stays in its paragraph
    assert any(fw("外部环境考验 四风:") in t for t in texts)


def test_anchors_are_unique_per_page(collection):
    for essay in collection.essays:
        anchors = [a.anchor for a in essay.articles if a.title]
        anchors += [b.anchor for b in blocks(essay) if isinstance(b, Heading | Paragraph)]
        assert len(anchors) == len(set(anchors))
        assert all(a.isascii() and a for a in anchors)


@pytest.mark.parametrize("table", [DEBRIS, ESSAY_MARKERS, HEADING_MARKERS, BYLINES, [SUBTITLE]])
def test_every_rule_matches_its_own_example(table):
    for rule in table:
        assert rule.pattern.search(rule.example), rule.name


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("二十五", 25), ("7", 7)],
)
def test_chinese_numerals(numeral, value):
    assert parse_number(numeral) == value
