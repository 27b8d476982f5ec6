"""Simplified → Traditional conversion for the Traditional edition.

The Simplified text is the only master; the Traditional edition is produced
from it at build time with the official OpenCC binding, converting word by
word (segmented.py), in the region's usage (usage.py), with the project's
reviewed phrases on top (source/hant-overrides.tsv, overrides.py). The same
converter serves the site, the search, the PDF and the EPUB.

- tables.py: OpenCC's configurations and dictionaries;
- segmented.py: OpenCC with word boundaries;
- usage.py: a region's characters and quotation marks;
- overrides.py: the override dictionary;
- converter.py: `HantConverter`, the four steps together, and Markdown;
- review.py: the places where the conversion had to choose, for a maintainer.
"""

from .converter import HantConverter
from .overrides import Override, load_overrides
from .tables import (
    available_configs,
    check_config,
    one_to_many_characters,
    opencc_table,
    simplified_only_characters,
)

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
