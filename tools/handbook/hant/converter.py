"""The converter of the Traditional edition: OpenCC word by word, the region's
usage, the reviewed overrides on top; Markdown converted around its machinery."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from pathlib import Path

import opencc

from ..editions import DEFAULT_OPENCC, language_tag, opencc_region
from .overrides import load_overrides
from .segmented import BOUNDARY, SegmentedConverter
from .tables import check_config, variant_config
from .usage import REGIONS, corner_quotes, in_usage

_MARKDOWN_MACHINERY = re.compile(
    r"""
      \\[!-/:-@\[-`{-~]                            # backslash escape: \` is text, not code
    | ^[ \t]*(?P<fence>`{3,}|~{3,})[^\n]*\n.*?^[ \t]*(?P=fence)[ \t]*$   # fenced code
    | (?P<ticks>`+).+?(?P=ticks)                  # code span
    | <!--.*?-->                                  # HTML comment
    | (?P<tag></?[A-Za-z][^<>]*>)                 # HTML tag or autolink
    | \{:[^}\n]*\} | \{[ \t]*[#.][^}\n]*\}         # attribute list: {: #p12 } {#s3}
    | \]\([ \t]*(?:<[^>\n]*>|[^)\s]*)             # link destination: ](url
    | \]\[[^\]\n]*\]                               # reference label: ][label]
    | ^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+            # reference definition
    | \[\^[^\]\n]+\]                               # footnote label
    | [A-Za-z][A-Za-z0-9+.-]*://[^\s<>()\[\]]+     # bare URL
    """,
    re.VERBOSE | re.MULTILINE | re.DOTALL,
)
# Readable attribute values inside an HTML tag.
_TAG_TEXT = re.compile(r'(\b(?:title|alt|aria-label)=")([^"]*)(?=")')


class HantConverter:
    """Simplified → Traditional with OpenCC configuration `config`, in four steps:

    1. the text is converted by OpenCC word by word (`SegmentedConverter`);
    2. characters the region writes otherwise are replaced (`usage`: 臺 → 台 …);
    3. the reviewed phrases of the override file take their chosen forms
       wherever they cover whole words (leftmost, then longest);
    4. quotation marks become the region's (“” → 「」) if `quotes`.

    `words` join the segmenter's dictionary. `usage` and `quotes` default to
    the region's (usage.REGIONS).

    >>> HantConverter("s2tw").convert("牢牢把握发展主动权")
    '牢牢把握發展主動權'
    """

    def __init__(
        self,
        config: str = DEFAULT_OPENCC,
        overrides_path: Path | None = None,
        *,
        words: Iterable[str] = (),
        usage: bool = True,
        quotes: bool | None = None,
    ) -> None:
        check_config(config)
        self.config = config
        self.language = language_tag(config)
        regional = REGIONS[opencc_region(config)]
        self.usage = regional.rules if usage else ()
        self.quotes = regional.corner_quotes if quotes is None else quotes
        self.overrides = load_overrides(overrides_path) if overrides_path else []
        variant = variant_config(config)
        to_region = opencc.OpenCC(variant).convert if variant else str
        # Back from the region's variants to OpenCC's standard forms (裡 → 裏).
        self.to_standard = opencc.OpenCC(f"{variant[2:]}2t").convert if variant else str
        # Final form of each override under this configuration's regional variants.
        self.targets = {o.source: to_region(o.target) for o in self.overrides}
        phrases = sorted(self.targets, key=len, reverse=True)
        self.targets_by_length = phrases
        self.overrides_pattern = re.compile("|".join(map(re.escape, phrases))) if phrases else None
        self.segmented = SegmentedConverter(config, [*words, *self.targets])
        self._whole = opencc.OpenCC(config)

    def convert(self, text: str) -> str:
        """Convert Simplified `text`; never pass it text that is already Traditional."""
        converted = self.convert_words(text)
        return corner_quotes(converted)[0] if self.quotes else converted

    def convert_words(self, text: str) -> str:
        """Steps 1 to 3: OpenCC word by word, the region's usage, the overrides."""
        if not text:
            return text
        if BOUNDARY in text:  # never in real text; keep it where it was
            return BOUNDARY.join(self.convert_words(part) for part in text.split(BOUNDARY))
        words = self.segmented.words(text)
        converted = self._in_usage(self.segmented.convert_words(words))
        spans = self.override_spans(text, words)
        if not spans:
            return converted
        # Character for character, each phrase goes in place; s2twp's vocabulary
        # changes lengths, so there the text between the phrases is converted alone.
        in_place = len(converted) == len(text)
        pieces: list[str] = []
        start = 0
        for a, b in spans:
            pieces.append(converted[start:a] if in_place else self.convert_plain(text[start:a]))
            pieces.append(self.targets[text[a:b]])
            start = b
        pieces.append(converted[start:] if in_place else self.convert_plain(text[start:]))
        return "".join(pieces)

    def override_spans(self, text: str, words: list[str] | None = None) -> list[tuple[int, int]]:
        """Where the override phrases apply in `text`: wherever one covers whole
        words (an accepted 金表 is no part of 基金|表现), leftmost, then longest."""
        pattern = self.overrides_pattern
        match = pattern.search(text) if pattern else None
        if match is None:
            return []
        ends = list(itertools.accumulate(map(len, words or self.segmented.words(text))))

        def edge(i: int) -> bool:
            k = bisect.bisect_left(ends, i)
            return i == 0 or (k < len(ends) and ends[k] == i)

        spans: list[tuple[int, int]] = []
        while match:
            a = match.start()
            # The longest phrase starting here that ends between two words, if any.
            fitting = [
                a + len(p)
                for p in self.targets_by_length
                if text.startswith(p, a) and edge(a + len(p))
            ]
            if edge(a) and fitting:
                spans.append((a, fitting[0]))
                match = pattern.search(text, fitting[0])
            else:
                match = pattern.search(text, a + 1)
        return spans

    def convert_plain(self, text: str) -> str:
        """Steps 1 and 2, without the overrides (for the review and the tests)."""
        return self._in_usage(self.segmented.convert(text)) if text else text

    def convert_whole(self, text: str) -> str:
        """OpenCC over the whole text, as it converts without word boundaries,
        with the region's usage: what the review compares with."""
        return self._in_usage(self._whole.convert(text)) if text else text

    def _in_usage(self, text: str) -> str:
        return in_usage(text, self.usage)

    def convert_markdown(self, markdown: str) -> str:
        """Convert the text of a Markdown document, leaving its machinery alone.

        Untouched: fenced code, code spans, HTML comments and tags (except the
        title / alt / aria-label texts in them), attribute lists such as
        `{#s3}` and `{: #p12 }`, link destinations, reference labels, footnote
        labels and bare URLs. Indented code blocks are not recognised.
        Quotation marks are converted by their nesting over the whole document.
        """
        pieces: list[str] = []
        depth = 0

        def text(part: str) -> str:
            nonlocal depth
            converted = self.convert_words(part)
            if self.quotes:
                converted, depth = corner_quotes(converted, depth)
            return converted

        start = 0
        for match in _MARKDOWN_MACHINERY.finditer(markdown):
            pieces.append(text(markdown[start : match.start()]))
            token = match.group()
            if match.group("tag"):
                token = _TAG_TEXT.sub(lambda m: m.group(1) + self.convert(m.group(2)), token)
            pieces.append(token)
            start = match.end()
        pieces.append(text(markdown[start:]))
        return "".join(pieces)
