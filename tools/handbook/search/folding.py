"""Which characters a query treats as the same: the script fold.

A reader types whichever script their keyboard gives them, so search compares
text and query after folding every character to a representative of its
class. The classes are the connected groups of OpenCC's own character tables
(each Simplified character with its Traditional forms, each Traditional one
with its Simplified forms, the Taiwan and Hong Kong variants), read at build
time with the binding's opencc_dict tool:

    干 幹 乾 榦 → 干      发 發 髮 → 发      里 裏 裡 → 里      群 羣 → 群

so a Simplified character matches any of its Traditional forms, and a
Traditional one its Simplified form and the other Traditional forms of that
form (乾 also finds 幹: both are 干 in Simplified). Latin letters and digits
fold case and width (Ａ ａ A → a); quotation marks fold by side, since the
Traditional edition writes 「」『』 where the Simplified one writes “”‘’
(“ ‘ 「 『 → ‘). Every character folds to exactly one
character, so positions in folded text are positions in the text.
"""

from __future__ import annotations

import functools
import string

from handbook.hant import opencc_table

# OpenCC's one-character tables whose pairs join classes, with an example pair.
OPENCC_TABLES = {
    "STCharacters": ("干", "幹"),  # Simplified → its Traditional forms
    "TSCharacters": ("乾", "干"),  # Traditional → its Simplified forms
    "TWVariants": ("裏", "裡"),  # OpenCC's standard → Taiwan's forms
    "TWVariantsRev": ("裡", "裏"),
    "HKVariants": ("群", "羣"),  # OpenCC's standard → Hong Kong's forms
    "HKVariantsRev": ("羣", "群"),
}
# Full-width letters and digits (U+FF10 …) fold with their ASCII forms.
FULL_WIDTH_OFFSET = 0xFEE0
# Opening and closing quotation marks: hant.usage.corner_quotes turns “” and ‘’
# into 「」 or 『』 by their nesting, so each side's forms are one class.
QUOTE_SIDES = ("“‘「『", "”’」』")
UNIFIED = ("\u4e00", "\u9fff")  # the block of the common ideographs


def _latin_pairs() -> list[tuple[str, str]]:
    """Each ASCII letter and digit with its upper-case and full-width forms: (A, a), (Ａ, a) …"""
    pairs = []
    for c in string.ascii_lowercase + string.digits:
        for form in {c, c.upper()}:
            pairs.append((form, c))
            pairs.append((chr(ord(form) + FULL_WIDTH_OFFSET), c))
    return pairs


@functools.cache
def fold_table() -> dict[str, str]:
    """Character → the representative of its class, for every character that
    has another form (the others fold to themselves)."""
    classes: dict[str, set[str]] = {}  # each character's class, one set shared by its members

    def join(a: str, b: str) -> None:
        ca, cb = classes.setdefault(a, {a}), classes.setdefault(b, {b})
        if ca is not cb:
            small, large = sorted((ca, cb), key=len)
            large |= small
            classes.update(dict.fromkeys(small, large))

    tables = {name: opencc_table(name) for name in OPENCC_TABLES}
    for table in tables.values():
        for key, forms in table.items():
            for form in forms:
                if len(key) == 1 and len(form) == 1 and key != form:
                    join(key, form)
    for form, base in _latin_pairs():
        join(form, base)
    for side in QUOTE_SIDES:
        for form in side[1:]:
            join(form, side[0])
    # The representative: the ASCII base of a Latin class; else one of the
    # common ideographs (U+4E00 …), the Simplified form (a character OpenCC
    # converts to Traditional but not back) if there are several.
    simplified = set(tables["STCharacters"]) - set(tables["TSCharacters"])
    simplified |= set(string.ascii_lowercase + string.digits)
    fold = {}
    for members in {id(c): c for c in classes.values()}.values():
        representative = min(
            members, key=lambda m: (not UNIFIED[0] <= m <= UNIFIED[1], m not in simplified, m)
        )
        fold.update({m: representative for m in members if m != representative})
    return fold


@functools.cache
def _translation() -> dict[int, str]:
    return str.maketrans(fold_table())


def fold(text: str) -> str:
    """The text with every character folded: `群眾路線` → `群众路线`."""
    return text.translate(_translation())


def table_for(characters: set[str]) -> dict[str, str]:
    """The part of the fold table a reader's queries can need over a text made
    of `characters`: every form of each class that occurs in it."""
    table = fold_table()
    present = {table.get(c, c) for c in characters}
    return {c: r for c, r in table.items() if r in present}
