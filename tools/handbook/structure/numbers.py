"""Numerals as the texts write them."""

from __future__ import annotations

import re

VALUES = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}


def parse_number(numeral: str) -> int:
    """Chinese or Arabic numeral → int: 十一 → 11, 二十 → 20, 3 → 3."""
    if numeral.isdigit():
        return int(numeral)
    total, current = 0, 0
    for c in numeral:
        if c == "百":
            total += (current or 1) * 100
            current = 0
        elif c == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = current * 10 + VALUES.get(c, 0)
    return total + current


# The number a numbered heading or item opens with: （三）, 第五章, 2、.
HEADING_NUMBER = re.compile(r"^[(\uff08]?(?:第)?(?P<num>[零〇一二三四五六七八九十百两]+|\d{1,2})")


def heading_number(text: str) -> int | None:
    m = HEADING_NUMBER.match(text)
    return parse_number(m["num"]) if m else None
