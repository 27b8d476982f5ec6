"""What a piece of text looks like: a title, a sentence, a name.

The recognition stage asks these questions of every line and piece; the
limits are the converter's idea of how long a title or a heading can be.
"""

from __future__ import annotations

import re

from ..chars import CLAUSE_END, COLON, COMMA, HAN, HAN_CHAR, SEMICOLON, SENTENCE_END
from ..patterns import SURNAMES

# Limits that tell a title from a sentence.
TITLE_MAX = 40  # an article title or a short line between paragraphs
HEAD_TITLE_MAX = 60  # the title at the head of a text or an essay
HEADING_MAX = 64
ARTICLE_BODY_MIN = 40  # an article title is followed by a real paragraph
LONG_TITLE = 50  # longer titles are reported as doubtful
PROSE_MIN = 60  # a line this long that ends a sentence is prose
TITLE_END_MARKS = "？！?!"  # what may end a title: it asks or exclaims

WORD_CHAR = re.compile(rf"[{HAN}A-Za-z0-9]")
CLAUSE_MARK = re.compile(f"[{re.escape(CLAUSE_END)}]")
STARTS_AS_TEXT = re.compile(rf"^[{HAN}A-Za-z0-9“‘《]")
LABEL_LEAD = re.compile(rf"^[^{SENTENCE_END}{COMMA}]{{1,8}}[{COLON}:]")
LIST_ITEM_END = f"{SEMICOLON}{COMMA}、"
QUOTED = re.compile(f"“[^”{SENTENCE_END}]{{1,20}}”")  # a short phrase quoted, no sentence in it


def ends_in_han(text: str) -> bool:
    return bool(text) and HAN_CHAR.match(text[-1]) is not None


def ends_mid_word(text: str) -> bool:
    """Its last character is part of a word: Han, a letter, a digit."""
    return bool(text) and WORD_CHAR.match(text[-1]) is not None


def title_like(text: str, limit: int) -> bool:
    """Short, and no sentence inside it (a final 。 is allowed in headings)."""
    body = text.rstrip("。")
    return 0 < len(text) <= limit and not any(c in body for c in SENTENCE_END + SEMICOLON)


def plain_title_like(text: str, shortest: int = 4) -> bool:
    """A line that can be an article title: short, no clause punctuation
    outside its quotations (a slogan quoted whole keeps its commas:
    开展“改革创新，奋发有为”大讨论), Chinese."""
    if not shortest <= len(text) <= TITLE_MAX:
        return False
    unquoted = QUOTED.sub("“”", text) if "“" in text else text
    return not any(c in unquoted for c in CLAUSE_END) and bool(HAN_CHAR.search(text))


def head_title_like(text: str, limit: int = HEAD_TITLE_MAX) -> bool:
    """A line that can title a whole text or essay: short, no sentence in it
    (a question or an exclamation may end it: 为什么能够存在？), not a lead-in
    ending in a colon or comma (同志们：)."""
    body = text[:-1] if text[-1:] in TITLE_END_MARKS else text
    return (
        2 <= len(text) <= limit
        and bool(HAN_CHAR.search(text))
        and not any(c in body for c in SENTENCE_END.replace("！", "") + SEMICOLON)
        and text[-1] not in f"{COLON}:{COMMA},、"
    )


def ends_sentence(text: str) -> bool:
    return bool(text) and text.rstrip("”’」』）)")[-1:] in SENTENCE_END


def prose(text: str) -> bool:
    """A paragraph of running text, not a title, label or link."""
    return any(c in text for c in SENTENCE_END) or len(text) > 100


def long_prose(text: str) -> bool:
    """Running text long enough (PROSE_MIN) to show that the text has begun."""
    return prose(text) and len(text) >= PROSE_MIN


def name_like(name: str) -> bool:
    """Two to three Han characters starting with a common family name (the
    spaces that spread a name to one width, 邓  艳, left out)."""
    name = "".join(name.split())
    return 2 <= len(name) <= 3 and name[0] in SURNAMES
