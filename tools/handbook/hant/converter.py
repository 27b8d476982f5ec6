"""The converter of the Traditional edition: OpenCC word by word, the region's
usage, the reviewed overrides on top; Markdown converted around its machinery."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from ..editions import DEFAULT_OPENCC, language_tag, opencc_region
from .overrides import ReviewedPhrases, load_overrides
from .segmented import SegmentedConverter
from .tables import check_config, opencc_converter, variant_config
from .usage import REGIONS, corner_quotes, in_usage

# The Markdown machinery, whose text is never converted. Every alternative
# starts with a literal character, so that the expression skips plain text in
# C; the line-start ones start with the line break before them (the page is
# read with one put before it), which goes back to the text. The whole token
# is group 1 (re.split keeps it); an empty group marks an HTML tag.
_MARKDOWN_MACHINERY = re.compile(
    r"""(
      \\[!-/:-@\[-`{-~]                          # backslash escape: \` is text, not code
    | \n[ \t]*(?P<fence>`{3,}|~{3,})[^\n]*\n.*?^[ \t]*(?P=fence)[ \t]*$   # fenced code
    | `(?P<ticks>`*).+?`(?P=ticks)                # code span
    | <!--.*?-->                                  # HTML comment
    | <(?P<tag>)/?[A-Za-z][^<>]*>                 # HTML tag or autolink
    | \{:[^}\n]*\} | \{[ \t]*[#.][^}\n]*\}         # attribute list: {: #p12 } {#s3}
    | \]\([ \t]*(?:<[^>\n]*>|[^)\s]*)             # link destination: ](url
    | \]\[[^\]\n]*\]                               # reference label: ][label]
    | \n[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+          # reference definition
    | \[\^[^\]\n]+\]                               # footnote label
    )""",
    re.VERBOSE | re.MULTILINE | re.DOTALL,
)
# Groups of a token in re.split's list: the token, fence, ticks, tag.
_TOKEN_GROUPS = _MARKDOWN_MACHINERY.groups
_TAG_GROUP = _MARKDOWN_MACHINERY.groupindex["tag"]
# A bare URL in the text between tokens, left as written: https://例.org/路
_BARE_URL = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*://[^\s<>()\[\]]+)")
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
    the region's (usage.REGIONS). `every_word`: see `SegmentedConverter`.

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
        every_word: bool = False,
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
            every_word=every_word,
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
        return self.segmented.convert_whole(text) if text else text

    def convert_both(self, text: str) -> tuple[str, str]:
        """`convert_words` and `convert_whole` of `text`, at once (for the review)."""
        return self.segmented.convert_both(text) if text else (text, text)

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
        gaps, tokens, is_tag = _machinery(markdown)
        tag_texts = [
            t.group(2)
            for token, tag in zip(tokens, is_tag, strict=True)
            if tag
            for t in _TAG_TEXT.finditer(token)
        ]
        texts = [*gaps, *tag_texts, *strings]
        between = _separator_absent_from(texts)
        converted = self.convert_words(between.join(texts)).split(between)
        assert len(converted) == len(texts), "a text between texts was lost"
        gaps, others = converted[: len(gaps)], converted[len(gaps) :]
        if self.quotes:
            gaps = corner_quotes(between.join(gaps))[0].split(between)
            others = [corner_quotes(text)[0] for text in others]
        if tag_texts:
            converted_tags = iter(others[: len(tag_texts)])
            tokens = [
                _TAG_TEXT.sub(lambda m: m.group(1) + next(converted_tags), token) if tag else token
                for token, tag in zip(tokens, is_tag, strict=True)
            ]
        pieces = [""] * (len(gaps) + len(tokens))
        pieces[0::2], pieces[1::2] = gaps, tokens
        return "".join(pieces), others[len(tag_texts) :]


def _machinery(markdown: str) -> tuple[list[str], list[str], list[bool]]:
    """`markdown` cut into the texts between its machinery (one more than the
    tokens), the tokens, and whether each is an HTML tag."""
    parts = _MARKDOWN_MACHINERY.split("\n" + markdown)
    stride = _TOKEN_GROUPS + 1  # a text, then the token's groups
    gaps, tokens = parts[0::stride], parts[1::stride]
    is_tag = [tag is not None for tag in parts[_TAG_GROUP::stride]]
    # The line break a line-start token begins with goes back to the text before it.
    for i, token in enumerate(tokens):
        if token[0] == "\n":
            gaps[i] += "\n"
            tokens[i] = token[1:]
    gaps[0] = gaps[0][1:]  # the line break put before the page
    if not any("://" in gap for gap in gaps):
        return gaps, tokens, is_tag
    # Bare URLs, in the texts: each text cut into texts and URLs.
    all_gaps, all_tokens, all_tags = [], [], []
    for i, gap in enumerate(gaps):
        pieces = _BARE_URL.split(gap) if "://" in gap else [gap]
        all_gaps += pieces[0::2]
        all_tokens += pieces[1::2]
        all_tags += [False] * (len(pieces) // 2)
        if i < len(tokens):
            all_tokens.append(tokens[i])
            all_tags.append(is_tag[i])
    return all_gaps, all_tokens, all_tags
