"""The kinds first met on the sixteenth held-out set (one-line CSV records
of a leader's texts, an evening-news transcript in Markdown): hand-written
lines in the same forms, and a near miss each that must be left alone."""

from __future__ import annotations

from support import (
    NEWS_BODY,
    articles,
    collection_of,
    headings,
    lines,
    paragraphs,
    people,
    removed,
)


def removed_texts(collection) -> list[str]:
    return [t for _, t in removed(collection)]


# --- a transcript's one-sentence summary between its two section labels ----------------------

STORY_A = "国家主席同某国总督互致贺电"
STORY_B = "国务院召开常务会议"
SUMMARY = "国家主席向某国际研讨会致贺信。"


def transcript(*below: str) -> str:
    return lines("# 《新闻联播》 (20221121)", "## 新闻摘要", SUMMARY, "## 详细新闻", list(below))


def test_a_short_summary_between_two_labels_over_the_stories_is_front_matter(tmp_path):
    text = transcript(f"### {STORY_A}", NEWS_BODY[0], f"### {STORY_B}", NEWS_BODY[1])
    collection = collection_of(tmp_path, text)
    assert [a.title for a in articles(collection)] == [STORY_A, STORY_B]
    assert [p.text for p in collection.preface] == ["新闻摘要", SUMMARY, "详细新闻"]


def test_a_section_with_no_stories_headed_under_its_label_is_no_summary(tmp_path):
    collection = collection_of(tmp_path, transcript(NEWS_BODY[0], NEWS_BODY[1]))
    assert collection.preface == []
    assert SUMMARY in paragraphs(collection)


# --- a story the crawler failed to download, its fetch stamp -------------------------------

STAMP = "(更新时间戳: 1669036786119)"


def test_a_failed_story_and_the_crawler_s_stamp_are_debris(tmp_path):
    text = transcript(
        f"### {STORY_A}", NEWS_BODY[0], "### undefined", "undefined", f"### {STORY_B}",
        NEWS_BODY[1], "---", STAMP,
    )  # fmt: skip
    collection = collection_of(tmp_path, text)
    assert [a.title for a in articles(collection)] == [STORY_A, STORY_B]
    assert {"### undefined", "undefined"} <= set(removed_texts(collection))
    assert not any("1669036786119" in p for p in paragraphs(collection))


def test_a_sentence_naming_undefined_or_a_stamp_is_text(tmp_path):
    sentence = "undefined 是脚本里的一个值，更新时间戳1669036786119是毫秒数。"
    collection = collection_of(tmp_path, transcript(f"### {STORY_A}", NEWS_BODY[0], sentence))
    assert sentence in paragraphs(collection)


# --- a photo's caption glued inside one-line prose ------------------------------------------

BEFORE = "什么时候组织路线发生偏差，党的事业就出现挫折。"
CAPTION = "2018年7月3日至4日，全国组织工作会议在北京召开。习近平出席会议并发表重要讲话。"
CREDIT = " 新华社记者 鞠鹏/摄"
AFTER = "党的十八大以来，党中央坚定不移全面从严治党，推动组织工作取得历史性成就。"


def test_a_dated_caption_and_its_credit_glued_between_sentences_are_debris(tmp_path):
    collection = collection_of(tmp_path, lines(BEFORE + CAPTION + CREDIT + AFTER))
    assert removed_texts(collection) == [CAPTION + CREDIT]
    assert paragraphs(collection) == [BEFORE, AFTER]
    assert len(articles(collection)) == 1


def test_a_dated_sentence_with_no_photographer_s_credit_is_text(tmp_path):
    collection = collection_of(tmp_path, lines(BEFORE + CAPTION + AFTER))
    assert removed_texts(collection) == []
    assert [a.title for a in articles(collection)] == [None]  # no head cut at 至
    assert "".join(paragraphs(collection)) == BEFORE + CAPTION + AFTER


# --- a wire credit in brackets under a letter ------------------------------------------------

GREETING = "回信北京大学援鄂医疗队全体“90后”党员："
LETTER = "来信收悉。你们青年人同在一线英勇奋战的广大疫情防控人员一道，交出了合格答卷。"
WIRE = "（新华社北京3月16日电）"
REPORT = "新华社北京3月16日电中共中央总书记习近平3月15日给北京大学援鄂医疗队全体党员回信。"


def letter(credit: str) -> str:
    return lines(GREETING, LETTER, "习近平", "2020年3月15日", credit, REPORT, NEWS_BODY[2])


def test_an_agency_s_credit_under_a_letter_closes_it(tmp_path):
    collection = collection_of(tmp_path, letter(WIRE))
    first, second = articles(collection)
    assert first.title is None and second.title is None
    assert [(x.name, x.role) for b in first.bylines for x in b.authors] == [
        ("习近平", ""),
        ("新华社", "来源"),
    ]
    assert GREETING in paragraphs(collection)  # the addressees: no label
    assert headings(collection) == []


def test_a_bracketed_sentence_about_the_agency_is_no_credit(tmp_path):
    aside = "（新华社记者到场采访）"
    collection = collection_of(tmp_path, letter(aside))
    assert ("新华社", "来源") not in [
        (x.name, x.role) for b in articles(collection)[0].bylines for x in b.authors
    ]


def test_a_box_s_label_ending_in_a_colon_still_heads(tmp_path):
    label = "代表委员小资料："
    collection = collection_of(tmp_path, lines(NEWS_BODY[0], label, NEWS_BODY[1], NEWS_BODY[2]))
    assert label in headings(collection)


# --- a speech's head glued into its first line -----------------------------------------------

SPEECH_TITLE = "勠力战疫 共创未来"
SUBTITLE = "——在二十国集团领导人第十五次峰会第一阶段会议上的讲话"
OPENING = "尊敬的萨勒曼国王，各位同事：首先，我谨对主席国为举办这次峰会付出的巨大努力表示衷心感谢！"


def test_a_speech_s_title_subtitle_date_place_and_speaker_glued_are_cut(tmp_path):
    head = f"{SPEECH_TITLE}{SUBTITLE}（2020年11月21日，北京）中华人民共和国主席 习近平"
    collection = collection_of(tmp_path, lines(head + OPENING, NEWS_BODY[1]))
    essay = collection.essays[0]
    assert collection.title == SPEECH_TITLE
    assert essay.subtitle.endswith("会议上的讲话")
    assert essay.date == "2020年11月21日"
    assert ("习近平", "中华人民共和国主席") in people(collection)
    assert paragraphs(collection)[0] == OPENING


def test_a_dash_in_a_first_sentence_cuts_no_head(tmp_path):
    first = "坚持人民至上——这是我们党的根本立场，也是做好一切工作的出发点。"
    collection = collection_of(tmp_path, lines(first, NEWS_BODY[1]))
    assert paragraphs(collection)[0] == first


def test_a_date_with_more_than_a_city_in_its_bracket_is_no_date_line(tmp_path):
    head = f"{SPEECH_TITLE}{SUBTITLE}（2020年11月21日，北京召开）"
    collection = collection_of(tmp_path, lines(head, NEWS_BODY[1]))
    assert collection.essays[0].date is None


# --- the day in the transcript's heading, a space before it ---------------------------------


def test_eight_figures_in_brackets_after_a_space_date_the_transcript(tmp_path):
    collection = collection_of(tmp_path, transcript(f"### {STORY_A}", NEWS_BODY[0]))
    assert collection.date == "20221121"


def test_eight_figures_that_are_no_day_date_nothing(tmp_path):
    text = lines("# 《新闻联播》 (20221399)", f"### {STORY_A}", NEWS_BODY[0])
    assert collection_of(tmp_path, text).date is None


# --- a title's note mark glued between it and the text ----------------------------------------

NOTED_TITLE = "贯彻落实新时代党的组织路线 不断把党建设得更加坚强有力"
NOTED_TEXT = "习近平今年7月1日，是我们党成立99周年的日子。明年就是我们党成立100周年了。"


def test_a_title_glued_to_its_note_mark_and_text_is_cut_before_the_mark(tmp_path):
    collection = collection_of(tmp_path, lines(f"{NOTED_TITLE}※{NOTED_TEXT}", NEWS_BODY[1]))
    assert collection.title == NOTED_TITLE
    assert paragraphs(collection)[0] == f"※{NOTED_TEXT}"  # the mark kept with the text


def test_a_note_mark_after_a_sentence_cuts_no_title(tmp_path):
    first = "我们党成立已近百年。※这是讲话的一部分。"
    collection = collection_of(tmp_path, lines(first, NEWS_BODY[1]))
    assert paragraphs(collection)[0] == first
