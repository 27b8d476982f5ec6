"""The Simplified → Traditional converter and the project's override dictionary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support import OVERRIDES, SOURCE

from handbook.editions import language_tag
from handbook.errors import ConversionError
from handbook.hant import (
    HantConverter,
    available_configs,
    load_overrides,
    simplified_only_characters,
)

CONFIGS = ["s2t", "s2tw", "s2hk"]

# Every fix from source/hant-review.md: phrase in its context → the form chosen.
FIXES = {
    "一名好干部,也": "好幹部",
    "十不准": "十不准",
    "对象更复杂": "複雜",
    "显著标志": "標誌",
    "最了解实际": "了解",
    "信息发布平台": "發布",
    "群众公布": "公布",
}


@pytest.fixture(scope="module")
def text() -> str:
    return SOURCE.read_text(encoding="utf-8")


@pytest.fixture(scope="module", params=CONFIGS)
def converter(request: pytest.FixtureRequest) -> HantConverter:
    return HantConverter(request.param, OVERRIDES)


def test_simplified_only_characters() -> None:
    chars = simplified_only_characters()
    assert {"发", "个", "这", "们", "脚", "众"} <= chars
    # Valid Traditional characters, some of them OpenCC would rewrite in s2t.
    assert not {"干", "台", "了", "里", "系", "群", "后", "面", "幹", "發"} & chars


@pytest.mark.parametrize("config", CONFIGS)
def test_no_simplified_only_character_survives(text: str, config: str) -> None:
    converted = HantConverter(config, OVERRIDES).convert(text)
    assert not set(converted) & simplified_only_characters()
    assert len(converted) == len(text)  # character for character


def test_opencc_alone_gets_these_wrong(text: str) -> None:
    """The review's findings: without the overrides the fixes are needed."""
    plain = HantConverter("s2tw")
    for phrase, chosen in FIXES.items():
        assert phrase in text
        assert chosen not in plain.convert(phrase), phrase


def test_every_fix_takes_effect(converter: HantConverter) -> None:
    for phrase, chosen in FIXES.items():
        assert chosen in converter.convert(phrase), phrase


def test_every_override_is_used_and_pinned(text: str) -> None:
    overrides = load_overrides(OVERRIDES)
    assert {o.source for o in overrides} == {
        "好干部",
        "十不准",
        "复杂",
        "标志",
        "了解",
        "发布",
        "公布",
    }
    for override in overrides:
        assert override.source in text, f"{override.source} does not occur in the text"


def test_overrides_take_effect_everywhere_and_change_nothing_else(
    text: str, converter: HantConverter
) -> None:
    plain, fixed = converter.convert_plain(text), converter.convert(text)
    covered: set[int] = set()
    for source, target in converter.targets.items():
        for match in re.finditer(re.escape(source), text):
            assert fixed[match.start() : match.end()] == target
            covered.update(range(match.start(), match.end()))
    changed = {i for i, (a, b) in enumerate(zip(plain, fixed, strict=True)) if a != b}
    assert changed <= covered
    assert len(changed) == 20  # the occurrences listed in source/hant-review.md


def test_regional_variant_step_applies_to_overrides(tmp_path: Path) -> None:
    path = tmp_path / "overrides.txt"
    path.write_text("心里\t心裏\n", encoding="utf-8")
    assert HantConverter("s2tw", path).convert("我心里") == "我心裡"
    assert HantConverter("s2hk", path).convert("我心里") == "我心裏"
    assert HantConverter("s2t", path).convert("我心里") == "我心裏"


def test_override_takes_part_in_segmentation(tmp_path: Path) -> None:
    """OpenCC's phrase 好干 would swallow the first character of 干部."""
    path = tmp_path / "overrides.txt"
    path.write_text("干部\t幹部\n", encoding="utf-8")
    assert HantConverter("s2tw").convert("好干部") == "好乾部"
    assert HantConverter("s2tw", path).convert("好干部") == "好幹部"


def test_longest_override_wins(tmp_path: Path) -> None:
    path = tmp_path / "overrides.txt"
    path.write_text("# comment\n\n了解\t瞭解  # inline comment\n了解了\t了解了\n", encoding="utf-8")
    converter = HantConverter("s2tw", path)
    assert converter.convert("了解了情况，了解") == "了解了情況，瞭解"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("好干部", "two fields"),
        ("好干部\t好幹部\t多余", "two fields"),
        ("好干部\t好幹", "one Traditional character"),
        ("发布\t发布", "Simplified-only"),
        ("好干部\t好乾隆", "not a Traditional form"),
        ("了解\t了解\n了解\t瞭解", "already overridden on line 2"),
    ],
)
def test_bad_override_lines(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "overrides.txt"
    path.write_text("# header\n" + line + "\n", encoding="utf-8")
    with pytest.raises(ConversionError) as caught:
        load_overrides(path)
    assert caught.value.path == path
    assert caught.value.line == line.count("\n") + 2
    assert message in caught.value.message


def test_configuration_is_checked() -> None:
    assert {"s2t", "s2tw", "s2twp", "s2hk"} <= set(available_configs())
    with pytest.raises(ValueError, match="s2tw"):
        HantConverter("t2s")


@pytest.mark.parametrize(
    ("config", "tag"),
    [("s2t", "zh-Hant"), ("s2tw", "zh-Hant-TW"), ("s2twp", "zh-Hant-TW"), ("s2hk", "zh-Hant-HK")],
)
def test_language_tag(config: str, tag: str) -> None:
    assert language_tag(config) == tag


def test_markdown_machinery_is_left_alone() -> None:
    converter = HantConverter("s2tw", OVERRIDES)
    markdown = (
        "## 一、联系群众 {#s3 }\n\n"
        '群众的[发展](../发展/路线.md "说明")，`代码 里` 和 <span title="联系" class="发">联系</span>\n'
        "{: #p12 .发展 }\n\n"
        "```\n代码块 里面\n```\n"
        "见 https://例子.com/联系 和 [^注释] [文本][标签] <!-- 注释 -->\n"
    )
    assert converter.convert_markdown(markdown) == (
        "## 一、聯繫群眾 {#s3 }\n\n"
        '群眾的[發展](../发展/路线.md "說明")，`代码 里` 和 <span title="聯繫" class="发">聯繫</span>\n'
        "{: #p12 .发展 }\n\n"
        "```\n代码块 里面\n```\n"
        "見 https://例子.com/联系 和 [^注释] [文本][标签] <!-- 注释 -->\n"
    )
