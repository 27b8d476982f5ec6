"""The converter of the Traditional edition: OpenCC word by word, the region's
usage, the reviewed overrides on top; Markdown converted around its machinery."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import opencc

from ..editions import DEFAULT_OPENCC, language_tag, opencc_region
from .overrides import ReviewedPhrases, load_overrides
from .segmented import SegmentedConverter
from .tables import check_config, opencc_converter, variant_config
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
# Unicode noncharacters, never in interchanged text and no part of a word or
# phrase: one of them stands between the texts converted in one call.
_NONCHARACTERS = [chr(c) for c in range(0xFDD0, 0xFDF0)]


def _separator_absent_from(texts: list[str]) -> str:
    """A noncharacter that none of `texts` holds."""
    for mark in _NONCHARACTERS:
        if not any(mark in text for text in texts):
            return mark
    raise ValueError("every noncharacter U+FDD0–U+FDEF occurs in the text")


class HantConverter:
    """Simplified → Traditional with OpenCC configuration `config`, in four steps:

    1. the text is converted by OpenCC word by word (`SegmentedConverter`);
    2. characters the region writes otherwise are replaced (`usage`: 臺 → 台 …),
       and words it writes otherwise take its forms (抽烟 → 抽菸);
    3. the reviewed phrases of the override file take their chosen forms
       wherever they cover whole words (leftmost, then longest; the region's
       words likewise, the overrides winning);
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
        to_region = opencc_converter(variant).convert if variant and self.overrides else str
        # The region's words, and with them, winning, the final form of each
        # override under this configuration's regional variants.
        usage_words = regional.forms() if usage else {}
        overrides = {o.source: to_region(o.target) for o in self.overrides}
        self.reviewed = ReviewedPhrases({**usage_words, **overrides})
        self.targets = self.reviewed.targets
        self.segmented = SegmentedConverter(
            config,
            [*words, *self.targets],
            self._in_usage,
            regional=ReviewedPhrases(usage_words),
            reviewed=self.reviewed,
        )

    @functools.cached_property
    def to_standard(self) -> Callable[[str], str]:
        """Back from the region's variants to OpenCC's standard forms (裡 → 裏)."""
        variant = variant_config(self.config)
        return opencc_converter(f"{variant[2:]}2t").convert if variant else str

    def convert(self, text: str) -> str:
        """Convert Simplified `text`; never pass it text that is already Traditional."""
        converted = self.convert_words(text)
        return corner_quotes(converted)[0] if self.quotes else converted

    def convert_words(self, text: str) -> str:
        """Steps 1 to 3: OpenCC word by word, the region's usage, the overrides."""
        return self.segmented.convert(text) if text else text

    def override_spans(self, text: str, words: list[str] | None = None) -> list[tuple[int, int]]:
        """Where the override phrases apply in `text`: wherever one covers whole
        words (an accepted 金表 is no part of 基金|表现), leftmost, then longest."""
        if not self.targets:
            return []
        return self.reviewed.spans(text, self.segmented.words(text) if words is None else words)

    def convert_plain(self, text: str) -> str:
        """Steps 1 and 2, without the overrides (for the review and the tests)."""
        return self.segmented.convert(text, reviewed=False) if text else text

    def convert_whole(self, text: str) -> str:
        """OpenCC over the whole text, as it converts without word boundaries,
        with the region's usage: what the review compares with."""
        return self._in_usage(self._whole.convert(text)) if text else text

    @functools.cached_property
    def _whole(self) -> opencc.OpenCC:
        return opencc_converter(self.config)

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
        return self.convert_page(markdown)[0]

    def convert_page(self, markdown: str, strings: Iterable[str] = ()) -> tuple[str, list[str]]:
        """A page's Markdown (as `convert_markdown` converts it) and its other
        `strings` (front matter, title; as `convert` converts them), in one
        call to the converter's words rather than one per text between two
        pieces of Markdown machinery and one per string: the texts are joined
        by a noncharacter none of them holds, at which the converter cuts its
        runs of text as at any mark, so each comes out as it would alone.
        Quotation marks nest over the Markdown's texts, afresh in each string."""
        strings = list(strings)
        gaps, tokens = [], []
        start = 0
        for match in _MARKDOWN_MACHINERY.finditer(markdown):
            gaps.append(markdown[start : match.start()])
            tokens.append(match)
            start = match.end()
        gaps.append(markdown[start:])
        tag_texts = [
            t.group(2) for m in tokens if m.group("tag") for t in _TAG_TEXT.finditer(m.group())
        ]
        texts = [*gaps, *tag_texts, *strings]
        between = _separator_absent_from(texts)
        converted = self.convert_words(between.join(texts)).split(between)
        assert len(converted) == len(texts), "a text between texts was lost"
        gaps, others = converted[: len(gaps)], converted[len(gaps) :]
        if self.quotes:
            gaps = corner_quotes(between.join(gaps))[0].split(between)
            others = [corner_quotes(text)[0] for text in others]
        converted_tags = iter(others[: len(tag_texts)])
        pieces = [gaps[0]]
        for match, gap in zip(tokens, gaps[1:], strict=True):
            token = match.group()
            if match.group("tag"):
                token = _TAG_TEXT.sub(lambda m: m.group(1) + next(converted_tags), token)
            pieces += [token, gap]
        return "".join(pieces), others[len(tag_texts) :]
