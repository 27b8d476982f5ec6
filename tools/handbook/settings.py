"""The converter's settings: `source/handbook.yml`, typed and validated.

Every setting is a field of `Settings` with its default; the file may set any
of them and nothing else. A missing or empty file means the defaults.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

import yaml

from .decoding import node_line, read_yaml, whole_number
from .errors import ConversionError

SETTINGS_FILE = "handbook.yml"
# Settings are a few lines; anything larger is not a settings file.
SETTINGS_MAX_BYTES = 1 << 20


@dataclass(frozen=True)
class Settings:
    """Knobs from source/handbook.yml; the defaults suit Chinese prose."""

    reading_chars_per_minute: int = 400  # reading speed for the "约 N 分钟" estimates
    description_chars: int = 80  # longest one-sentence description of an essay
    max_source_megabytes: int = 50  # a larger source is refused, not read into memory
    # Unreviewed doubtful choices of the Traditional conversion a text may keep
    # before the build warns and `make check` fails (handbook hant --review).
    traditional_doubtful_max: int = 5

    @property
    def max_source_bytes(self) -> int:
        return self.max_source_megabytes * 1_000_000


DEFAULTS = Settings()
KNOWN = [f.name for f in fields(Settings)]


def load_settings(path: Path) -> Settings:
    """Read the settings file; a missing file means the defaults."""
    if not path.exists() and not path.is_symlink():
        return DEFAULTS
    root = read_yaml(path, SETTINGS_MAX_BYTES)
    if root is None or (isinstance(root, yaml.ScalarNode) and root.tag.endswith(":null")):
        return DEFAULTS
    if not isinstance(root, yaml.MappingNode):
        raise ConversionError(
            path, node_line(root), "expected settings as `name: value` lines, one per setting"
        )
    values: dict[str, int] = {}
    for key, value in root.value:
        name = key.value if isinstance(key, yaml.ScalarNode) else None
        if name not in KNOWN:
            raise ConversionError(
                path, node_line(key), f"unknown setting {name!r} (known: {', '.join(KNOWN)})"
            )
        if name in values:
            raise ConversionError(path, node_line(key), f"{name} is set twice")
        values[name] = _positive_whole_number(path, name, value)
    return Settings(**values)


def _positive_whole_number(path: Path, name: str, node: yaml.Node) -> int:
    if (number := whole_number(node)) is not None:
        return number
    shown = node.value if isinstance(node, yaml.ScalarNode) else "a list or mapping"
    raise ConversionError(
        path, node_line(node), f"{name} must be a positive whole number like 400, not {shown!r}"
    )
