"""The families of convention first met on the thirteenth held-out set
(a small CMS's backup of copied news pages, hard-wrapped; a mini-program's
feed; a course's notes). Each family from a real line of those texts, and a
near miss the rule must leave alone."""

from __future__ import annotations

from support import (
    NEWS_BODY,
    TITLE,
    articles,
    collection_of,
    kept_words,
    lines,
    paragraphs,
    people,
    removed,
)

# A photo story's one paragraph, hard-wrapped at about sixty characters, as
# the backup keeps it: the sentence's last character and its stop open the
# last line, the photographer's credit after them.
WRAPPED_CAPTION = [
    "6月9日，观众在北京市档案馆观看展览。当日，38组抗战档案首次解密，亮相北京市档案馆举办的“见证抗战",
    "——纪念抗日战争胜利70周年京津冀档案文献展”。京津冀三地档案部门首次联合推出展览，560余件展品是",
    "从三地档案局（馆）410多万卷史料中精选出的，其中有38组档案是首次解密亮相。这些档案揭露了日本侵",
    "略者对中国人民犯下的滔天罪行，真实记录了三地英雄儿女共御外敌、争取民族独立的奋斗历程。展览将持续至2015年12月31",
    "日。新华社记者罗晓光 摄",
]


def test_a_wrapped_sentence_s_end_before_a_photo_credit_is_kept(tmp_path):
    collection = collection_of(tmp_path, lines(TITLE, WRAPPED_CAPTION))
    assert "2015年12月31日。" in kept_words(collection)
    assert removed(collection) == []


def test_a_caption_under_a_finished_sentence_is_still_removed(tmp_path):
    caption = "这是观众在北京市档案馆观看展览。新华社记者罗晓光 摄"
    text = lines(TITLE, WRAPPED_CAPTION[:3], WRAPPED_CAPTION[3] + "日。", caption)
    collection = collection_of(tmp_path, text)
    assert removed(collection) == [("photo-caption", caption)]


# A copied page's property line, its fields parted by two no-break spaces, a
# bar and two more, as the backup keeps it.
NBSP_BAR = "\u00a0\u00a0|\u00a0\u00a0"


def test_a_property_line_s_bars_are_no_names(tmp_path):
    line = NBSP_BAR.join(
        ["发布时间： 2015-06-10 05:50:30", "来源： 人民日报", "作者： 赵明昊", "责任编辑： 李云鹏"]
    )
    collection = collection_of(tmp_path, lines(TITLE, line, NEWS_BODY))
    assert sorted(people(collection)) == [("人民日报", "来源"), ("赵明昊", "作者")]


def test_an_empty_field_goes_with_one_bar_and_its_neighbours_stay(tmp_path):
    line = NBSP_BAR.join(["发布时间： 2015-06-10 07:43:55", "来源： 新华网", "作者：", "点击： 12"])
    collection = collection_of(tmp_path, lines(TITLE, line, NEWS_BODY))
    assert people(collection) == [("新华网", "来源")]
    assert [text for rule, text in removed(collection)] == [
        f"{NBSP_BAR}点击： 12".strip(),
        f"{NBSP_BAR}作者：".strip(),
    ]
    byline = collection.essays[0].bylines[0].text
    assert byline == f"发布时间： 2015-06-10 07:43:55{NBSP_BAR}来源： 新华网"


# A report's photo caption under its property line, the photographer's name
# spread to three characters' width and no stop after the credit.
SPREAD_CAPTION = "6月9日，国家主席习近平在北京人民大会堂同安哥拉总统举行会谈。新华社记者 张 铎摄"


def test_a_caption_credited_to_a_spread_name_is_removed_not_joined(tmp_path):
    collection = collection_of(tmp_path, lines(TITLE, SPREAD_CAPTION, NEWS_BODY))
    assert removed(collection) == [("photo-caption", SPREAD_CAPTION)]
    assert paragraphs(collection)[0] == NEWS_BODY[0]


def test_a_sentence_on_what_the_photographer_took_is_kept(tmp_path):
    sentence = "会谈前，新华社记者 张 铎摄下了两国元首握手的一幕。"
    collection = collection_of(tmp_path, lines(TITLE, sentence, NEWS_BODY))
    assert removed(collection) == []
    assert paragraphs(collection)[0] == sentence


def test_a_photo_story_s_closing_credit_is_its_reporter(tmp_path):
    collection = collection_of(tmp_path, lines(TITLE, WRAPPED_CAPTION))
    assert people(collection) == [("罗晓光", "记者")]
    assert paragraphs(collection)[-1].endswith("展览将持续至2015年12月31日。")


def test_a_caption_over_a_report_names_no_reporter(tmp_path):
    caption = "这是观众在北京市档案馆观看展览。新华社记者罗晓光 摄"
    collection = collection_of(tmp_path, lines(TITLE, caption, NEWS_BODY))
    assert removed(collection) == [("photo-caption", caption)]
    assert people(collection) == []


GALLERY_PAGING = "直接点击图片或者使用键盘'←' '→'键翻页"


def test_a_gallery_s_paging_instruction_is_removed(tmp_path):
    collection = collection_of(tmp_path, lines(TITLE, GALLERY_PAGING, NEWS_BODY))
    assert removed(collection) == [("gallery-paging", GALLERY_PAGING)]
    assert articles(collection)[0].title is None


def test_a_sentence_on_typing_and_turning_pages_is_kept(tmp_path):
    sentence = "用键盘打字的同学越来越多，纸质笔记本却很少有人翻页。"
    collection = collection_of(tmp_path, lines(TITLE, sentence, NEWS_BODY))
    assert removed(collection) == []
    assert paragraphs(collection)[0] == sentence
