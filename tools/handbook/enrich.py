"""Stage 3: derive what the pages show besides the text: lengths, reading
time and a one-sentence description of each essay."""

from __future__ import annotations

import math
import re

from .chars import COLON, COMMA, HAN_CHAR, SEMICOLON, SENTENCE_END
from .model import Essay, Handbook, Heading, Paragraph
from .settings import Settings

SENTENCE = re.compile(f"^.+?[{SENTENCE_END}]+[”’」』]?")
# A mark of a clause: a photo's caption or a line of the page's head holds none.
CLAUSE_MARK = re.compile(f"[{SENTENCE_END}{COMMA}{SEMICOLON}{COLON}、:,;]")


def enrich(handbook: Handbook, settings: Settings) -> None:
    for collection in handbook.collections:
        for essay in collection.essays:
            essay.characters = count_characters(essay)
            essay.reading_minutes = max(
                1, math.ceil(essay.characters / settings.reading_chars_per_minute)
            )
            essay.description = describe(essay, settings.description_chars)


def count_characters(essay: Essay) -> int:
    """Characters of the body, punctuation included, spaces not: 字数."""
    body = [b.text for a in essay.articles for b in a.blocks if isinstance(b, Heading | Paragraph)]
    body += [a.title for a in essay.articles if a.title]
    return sum(len(t) - t.count(" ") for t in body)


def describe(essay: Essay, limit: int) -> str:
    """The first sentence of the essay's first paragraph of text (a label such
    as a catalogue number is not one; nor, where a clause follows, a line
    without a mark of one: a photo's caption before the text), shortened if long."""
    texts = (p.text for a in essay.articles for p in a.paragraphs if HAN_CHAR.search(p.text))
    first = next(texts, essay.title)
    if not CLAUSE_MARK.search(first):  # a caption before the text: the first clause after it
        first = next((t for t in texts if CLAUSE_MARK.search(t)), first)
    match = SENTENCE.match(first)
    sentence = match.group(0) if match else first
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"
