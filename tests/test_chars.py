"""Character classes: one Han range for the reader, the recognition rules,
the glossary and the site, CJK Extension B and later included."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.chars import CHINESE_CHAR, HAN_CHAR
from handbook.reader import read_source
from handbook.traditional import convert_values

# One character from each block: Extension A, the Unified block, the
# compatibility block, Extensions B, C, E, G and H.
HAN = ["㐀", "中", "豈", "\U00020000", "\U0002a700", "\U0002b820", "\U00030000", "\U00031350"]


@pytest.mark.parametrize("char", HAN)
def test_every_han_block_is_han(char: str):
    assert HAN_CHAR.fullmatch(char) and CHINESE_CHAR.fullmatch(char)


@pytest.mark.parametrize("char", ["a", "1", "，", "ー", "가", "\u4dc0"])  # U+4DC0: a hexagram sign
def test_what_is_not_han(char: str):
    assert not HAN_CHAR.fullmatch(char)


def test_a_text_in_extension_b_is_chinese_text(tmp_path: Path):
    source = tmp_path / "rare.txt"
    source.write_text("\U00020000\U00020001之文\n", encoding="utf-8")
    lines, _ = read_source(source)
    assert [line.text for line in lines] == ["\U00020000\U00020001之文"]


def test_the_traditional_edition_converts_strings_of_any_han():
    seen = []
    convert_values({"name": "\U00020000", "url": "https://例.org/x.html"}, seen.append)
    assert seen == ["\U00020000"]


def test_text_that_starts_like_a_url_scheme_is_converted():
    """A title as a blog export writes it (`title: '学习读后感'`) is text: only
    a scheme followed by no space is an address."""
    seen = []
    meta = {"title": "title: '学习读后感'", "url": "mailto:编者@例.org", "page": "../例/"}
    convert_values(meta, seen.append)
    assert seen == ["title: '学习读后感'"]
