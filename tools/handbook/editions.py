"""The handbook's editions: the Simplified master and its Traditional conversion.

One `Edition` notion for the site, the PDF maker and the tests, and the
editions' settings with their defaults, here and nowhere else. The settings
live in mkdocs.yml under `extra` (the Makefile and the environment only pass
EDITIONS and HANT through):

    extra:
      editions: !ENV EDITIONS        # default: zh-Hans zh-Hant
      hant:
        opencc: !ENV HANT            # default: s2tw (s2tw, s2hk, s2t, s2twp)
        overrides: source/hant-overrides.tsv   # relative to mkdocs.yml
        path: zh-Hant                # the Traditional edition's URL path
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .addresses import TRADITIONAL_DIR

HANS, HANT = "zh-Hans", "zh-Hant"
NAMES = {HANS: "简体中文", HANT: "繁體中文"}  # each edition's name in its own script
DEFAULT_OPENCC = "s2tw"  # chosen by reading the output: source/hant-review.md

# BCP 47 tag of the text each OpenCC configuration produces (for <html lang>, hreflang).
REGION_TAGS = {"tw": "zh-Hant-TW", "hk": "zh-Hant-HK"}


def opencc_region(opencc_config: str) -> str:
    """The region a configuration writes for: s2tw, s2twp → tw; s2hk → hk; s2t → ''."""
    region = opencc_config.removeprefix("s2").removesuffix("p")
    return "" if region == "t" else region


def language_tag(opencc_config: str) -> str:
    """BCP 47 tag for text converted with a configuration: s2tw → zh-Hant-TW, s2t → zh-Hant."""
    return REGION_TAGS.get(opencc_region(opencc_config), HANT)


@dataclass(frozen=True)
class Edition:
    """One edition of the built site."""

    code: str  # HANS or HANT
    path: str  # URL path of its root from the site's root: "" or "zh-Hant"
    lang: str  # BCP 47 tag of its text: zh-Hans, zh-Hant-TW …

    @property
    def script(self) -> str:
        """Hans or Hant."""
        return self.code.removeprefix("zh-")

    def root(self, site: Path) -> Path:
        """The folder of the built site holding this edition's index.html."""
        return site / self.path if self.path else site


@dataclass(frozen=True)
class EditionSettings:
    """Which editions a build makes and how the Traditional one is converted."""

    editions: tuple[str, ...] = (HANS, HANT)
    opencc: str = DEFAULT_OPENCC
    overrides: Path | None = None
    path: str = TRADITIONAL_DIR

    @classmethod
    def from_extra(cls, extra: Mapping[str, Any], base: Path) -> EditionSettings:
        """The settings from mkdocs.yml's `extra`; paths relative to `base`.
        Raises ValueError for an edition that does not exist."""
        hant = extra.get("hant") or {}
        given = str(extra.get("editions") or "").replace(",", " ").split()
        editions = tuple(given) or cls.editions
        unknown = [e for e in editions if e not in (HANS, HANT)]
        if unknown:
            raise ValueError(f"extra.editions: expected {HANS} and/or {HANT}, got {list(editions)}")
        overrides = hant.get("overrides")
        return cls(
            editions=editions,
            opencc=str(hant.get("opencc") or cls.opencc),
            overrides=base / overrides if overrides else None,
            path=str(hant.get("path") or cls.path).strip("/"),
        )

    def edition(self, code: str) -> Edition:
        if code == HANS:
            return Edition(HANS, "", HANS)
        return Edition(HANT, self.path, language_tag(self.opencc))

    @property
    def all(self) -> list[Edition]:
        """Both editions, Simplified first, whether this build makes them or not."""
        return [self.edition(HANS), self.edition(HANT)]


HTML_LANG = re.compile(rb"<html\b[^>]*\blang=\"([^\"]*)\"")


def built_editions(site: Path) -> list[Edition]:
    """The editions a built site holds: the Simplified one at its root, the
    Traditional one under zh-Hant/ if it was built, tagged as its pages are."""
    editions = [Edition(HANS, "", HANS)]
    hant = site / TRADITIONAL_DIR / "index.html"
    if hant.is_file():
        found = HTML_LANG.search(hant.read_bytes())
        lang = found.group(1).decode() if found else ""
        editions.append(Edition(HANT, TRADITIONAL_DIR, lang if lang.startswith(HANT) else HANT))
    return editions
