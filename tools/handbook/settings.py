"""The converter's settings: `source/handbook.yml`, typed and validated.

Every setting is a field of `Settings` with its default; the file may set any
of them and nothing else. A missing or empty file means the defaults.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from pathlib import Path

import yaml

from .decoding import read_yaml
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

    @property
    def max_source_bytes(self) -> int:
        return self.max_source_megabytes * 1_000_000


DEFAULTS = Settings()
KNOWN = [f.name for f in fields(Settings)]
INT = "tag:yaml.org,2002:int"
# Plain decimal digits: YAML would also read `true` (a bool, which Python
# counts as an int), `0x10`, `1_000` or `0400` (octal) as numbers.
WHOLE_NUMBER = re.compile(r"[1-9][0-9]*")


def load_settings(path: Path) -> Settings:
    """Read the settings file; a missing file means the defaults."""
    if not path.exists() and not path.is_symlink():
        return DEFAULTS
    root = read_yaml(path, SETTINGS_MAX_BYTES)
    if root is None or (isinstance(root, yaml.ScalarNode) and root.tag.endswith(":null")):
        return DEFAULTS
    if not isinstance(root, yaml.MappingNode):
        raise ConversionError(
            path, _line(root), "expected settings as `name: value` lines, one per setting"
        )
    values: dict[str, int] = {}
    for key, value in root.value:
        name = key.value if isinstance(key, yaml.ScalarNode) else None
        if name not in KNOWN:
            raise ConversionError(
                path, _line(key), f"unknown setting {name!r} (known: {', '.join(KNOWN)})"
            )
        if name in values:
            raise ConversionError(path, _line(key), f"{name} is set twice")
        values[name] = _positive_whole_number(path, name, value)
    return Settings(**values)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _positive_whole_number(path: Path, name: str, node: yaml.Node) -> int:
    if isinstance(node, yaml.ScalarNode) and node.tag == INT and WHOLE_NUMBER.fullmatch(node.value):
        return int(node.value)
    shown = node.value if isinstance(node, yaml.ScalarNode) else "a list or mapping"
    raise ConversionError(
        path, _line(node), f"{name} must be a positive whole number like 400, not {shown!r}"
    )
