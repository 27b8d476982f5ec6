"""Simplified → Traditional conversion for the Traditional edition.

The Simplified text is the only master; the Traditional edition is produced
from it at build time with the official OpenCC binding, converting word by
word (segmented.py), in the region's usage (usage.py), with the project's
reviewed phrases on top (source/hant-overrides.tsv, overrides.py). The same
converter serves the site, the search, the PDF and the EPUB.

- tables.py: OpenCC's configurations and dictionaries;
- cache.py: the tables derived from them, kept in the user's cache folder;
- segmented.py: OpenCC with word boundaries;
- usage.py: a region's characters and quotation marks;
- overrides.py: the override dictionary;
- converter.py: `HantConverter`, the four steps together, and Markdown;
- review.py: the places where the conversion had to choose, for a maintainer.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .converter import HantConverter
    from .overrides import Override, load_overrides
    from .tables import (
        available_configs,
        check_config,
        one_to_many_characters,
        opencc_table,
        simplified_only_characters,
    )

# Where each name lives: the package loads OpenCC only when one is used, so
# that a conversion without the Traditional review never pays for it.
_HOMES = {
    "HantConverter": "converter",
    "Override": "overrides",
    "load_overrides": "overrides",
    "available_configs": "tables",
    "check_config": "tables",
    "one_to_many_characters": "tables",
    "opencc_table": "tables",
    "simplified_only_characters": "tables",
}


def __getattr__(name: str) -> object:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_HOMES[name]}", __name__), name)


__all__ = [
    "HantConverter",
    "Override",
    "available_configs",
    "check_config",
    "load_overrides",
    "one_to_many_characters",
    "opencc_table",
    "simplified_only_characters",
]
