"""Simplified → Traditional conversion for the Traditional-Chinese edition.

The Simplified text is the only master; the Traditional edition is produced
from it at build time with the official OpenCC binding, plus a small project
override dictionary (source/hant-overrides.tsv) for the places where OpenCC's
greedy longest match picks the wrong Traditional form.

Overrides take part in segmentation: the text is split on override phrases
(leftmost, then longest) *before* OpenCC sees it, so no OpenCC phrase can
straddle an override and swallow part of it. The pieces in between go to
OpenCC, the phrases themselves are replaced by the chosen forms.

Override targets are written in OpenCC's standard Traditional forms; the
regional variant step of the chosen configuration (Taiwan 裏 → 裡, Hong Kong
群 → 羣, via OpenCC's own t2tw / t2hk) is applied to them, as OpenCC applies
it to everything else.
"""

from __future__ import annotations

import functools
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import opencc

from .editions import DEFAULT_OPENCC, language_tag
from .errors import ConversionError

_OPENCC_DIR = Path(opencc.__file__).parent / "clib"

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


@dataclass(frozen=True)
class Override:
    """One line of the override dictionary: a Simplified phrase and its chosen form."""

    source: str
    target: str
    line: int


def available_configs() -> list[str]:
    """OpenCC's Simplified → Traditional configurations, e.g. s2t, s2tw, s2hk."""
    return sorted(name[:-5] for name in opencc.CONFIGS if name.startswith("s2"))


def _variant_config(config: str) -> str | None:
    """OpenCC's Traditional → regional-variant configuration matching `config`.

    s2tw and s2twp end in Taiwan variants (t2tw), s2hk in Hong Kong ones (t2hk);
    s2t has no regional step. Only the variant step is used on override targets,
    never s2twp's phrase step, which would undo a deliberate choice.
    """
    name = "t2" + config.removeprefix("s2").removesuffix("p")
    return name if f"{name}.json" in opencc.CONFIGS and name != "t2t" else None


def check_config(config: str) -> None:
    """Raise ValueError unless `config` is one of OpenCC's Simplified → Traditional ones."""
    if config not in available_configs():
        raise ValueError(
            f"unknown OpenCC configuration {config!r}; "
            f"choose one of {', '.join(available_configs())}"
        )


def _opencc(config: str) -> opencc.OpenCC:
    check_config(config)
    return opencc.OpenCC(config)


def _opencc_table(name: str) -> dict[str, list[str]]:
    """One of OpenCC's dictionaries, read with the opencc_dict tool shipped in the binding."""
    tool = _OPENCC_DIR / "bin" / "opencc_dict"
    table = _OPENCC_DIR / "share" / "opencc" / f"{name}.ocd2"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"{name}.txt"
        subprocess.run(
            [str(tool), "-i", str(table), "-o", str(out), "-f", "ocd2", "-t", "text"],
            check=True,
            capture_output=True,
        )
        rows = out.read_text(encoding="utf-8").splitlines()
    return {key: values.split(" ") for key, _, values in (r.partition("\t") for r in rows)}


@functools.cache
def simplified_only_characters() -> frozenset[str]:
    """Characters that no Traditional standard uses.

    Method: OpenCC's character table STCharacters lists, for each Simplified
    character, its Traditional forms (干 → 幹 乾 干 榦). A character is
    Simplified-only when it is a key of that table, is not itself one of the
    Traditional forms of any key (发 → 發 髮 is; 干, 台, 了 are not), and is not
    a Taiwan or Hong Kong standard form either (群: OpenCC's own standard writes
    羣, but Taiwan writes 群; 户 and 温 are Hong Kong forms).
    """
    characters = _opencc_table("STCharacters")
    traditional = {form for forms in characters.values() for form in forms}
    for name in ("TWVariants", "HKVariants"):
        traditional.update(form for forms in _opencc_table(name).values() for form in forms)
    return frozenset(set(characters) - traditional)


def load_overrides(path: Path) -> list[Override]:
    """Read the override dictionary; every bad line raises ConversionError(path, line, …)."""
    t2s = opencc.OpenCC("t2s")
    simplified_only = simplified_only_characters()
    found: dict[str, Override] = {}
    text = path.read_text(encoding="utf-8-sig")
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        fields = line.split()
        if len(fields) != 2:
            raise ConversionError(
                path, number, "expected two fields, Simplified phrase and Traditional form"
            )
        source, target = fields
        if len(source) != len(target):
            raise ConversionError(
                path, number, f"{source} → {target}: one Traditional character per Simplified one"
            )
        if source in found:
            raise ConversionError(
                path, number, f"{source} is already overridden on line {found[source].line}"
            )
        bad = sorted(set(target) & simplified_only)
        if bad:
            raise ConversionError(
                path, number, f"{target} contains Simplified-only characters: {''.join(bad)}"
            )
        if t2s.convert(target) != source:
            # Catches typos: the chosen form must be a Traditional spelling of the phrase.
            raise ConversionError(path, number, f"{target} is not a Traditional form of {source}")
        found[source] = Override(source, target, number)
    return list(found.values())


class HantConverter:
    """OpenCC conversion with the project's overrides layered on top.

    >>> HantConverter("s2tw").convert("群众路线")
    '群眾路線'
    """

    def __init__(self, config: str = DEFAULT_OPENCC, overrides_path: Path | None = None) -> None:
        self.config = config
        self.language = language_tag(config)
        self._opencc = _opencc(config)
        self.overrides = load_overrides(overrides_path) if overrides_path else []
        variant = _variant_config(config)
        regional = opencc.OpenCC(variant).convert if variant else str
        # Final form of each override under this configuration's regional variants.
        self.targets = {o.source: regional(o.target) for o in self.overrides}
        phrases = sorted(self.targets, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, phrases))) if phrases else None

    def convert(self, text: str) -> str:
        """Convert Simplified `text`; never pass it text that is already Traditional."""
        if self._pattern is None:
            return self.convert_plain(text)
        pieces: list[str] = []
        start = 0
        for match in self._pattern.finditer(text):
            pieces.append(self.convert_plain(text[start : match.start()]))
            pieces.append(self.targets[match.group()])
            start = match.end()
        pieces.append(self.convert_plain(text[start:]))
        return "".join(pieces)

    def convert_markdown(self, markdown: str) -> str:
        """Convert the text of a Markdown document, leaving its machinery alone.

        Untouched: fenced code, code spans, HTML comments and tags (except the
        title / alt / aria-label texts in them), attribute lists such as
        `{#s3}` and `{: #p12 }`, link destinations, reference labels, footnote
        labels and bare URLs. Indented code blocks are not recognised.
        """
        pieces: list[str] = []
        start = 0
        for match in _MARKDOWN_MACHINERY.finditer(markdown):
            pieces.append(self.convert(markdown[start : match.start()]))
            token = match.group()
            if match.group("tag"):
                token = _TAG_TEXT.sub(lambda m: m.group(1) + self.convert(m.group(2)), token)
            pieces.append(token)
            start = match.end()
        pieces.append(self.convert(markdown[start:]))
        return "".join(pieces)

    def convert_plain(self, text: str) -> str:
        """OpenCC alone, without the overrides (for the review and the tests)."""
        return self._opencc.convert(text) if text else text
