"""OpenCC's configurations and dictionaries, as the official binding ships them."""

from __future__ import annotations

import errno
import functools
import os
import signal
import subprocess
import tempfile
from pathlib import Path

import opencc

from ..editions import opencc_region
from .cache import cached

OPENCC_DIR = Path(opencc.__file__).parent / "clib"
SHARE_DIR = OPENCC_DIR / "share" / "opencc"


def available_configs() -> list[str]:
    """OpenCC's Simplified → Traditional configurations, e.g. s2t, s2tw, s2hk."""
    return sorted(name[:-5] for name in opencc.CONFIGS if name.startswith("s2"))


def check_config(config: str) -> None:
    """Raise ValueError unless `config` is one of OpenCC's Simplified → Traditional ones."""
    if config not in available_configs():
        raise ValueError(
            f"unknown OpenCC configuration {config!r}; "
            f"choose one of {', '.join(available_configs())}"
        )


@functools.cache
def opencc_converter(config: str) -> opencc.OpenCC:
    """The one OpenCC instance of a configuration (any, not only Simplified →
    Traditional) in this process: loading one reads its dictionaries, a tenth
    of a second for s2tw."""
    return opencc.OpenCC(config)


def variant_config(config: str) -> str | None:
    """OpenCC's Traditional → regional-variant configuration matching `config`.

    s2tw and s2twp end in Taiwan variants (t2tw), s2hk in Hong Kong ones (t2hk);
    s2t has no regional step. Only the variant step is used on override targets,
    never s2twp's phrase step, which would undo a deliberate choice.
    """
    region = opencc_region(config)
    name = f"t2{region}"
    return name if region and f"{name}.json" in opencc.CONFIGS else None


def compile_table(source: Path, target: Path) -> None:
    """Write OpenCC dictionary `source` as `target`, each in the format its suffix
    names (.txt: `key<TAB>forms` lines; .ocd2: OpenCC's own), with the
    opencc_dict tool shipped in the binding. Raises OSError naming `target`
    when the tool fails (a full disk, a file size limit)."""
    formats = {".txt": "text", ".ocd2": "ocd2"}
    tool = OPENCC_DIR / "bin" / "opencc_dict"
    command = [str(tool), "-i", str(source), "-o", str(target)]
    done = subprocess.run(
        [*command, "-f", formats[source.suffix], "-t", formats[target.suffix]],
        capture_output=True,
        text=True,
    )
    if done.returncode == -signal.SIGXFSZ:
        raise OSError(errno.EFBIG, os.strerror(errno.EFBIG), str(target))
    if done.returncode:
        why = done.stderr.strip().splitlines()[-1:] or [f"exit status {done.returncode}"]
        raise OSError(errno.EIO, f"OpenCC's opencc_dict could not write it: {why[0]}", str(target))


@functools.cache
def opencc_table(name: str) -> dict[str, list[str]]:
    """One of OpenCC's dictionaries: each key with its forms, OpenCC's choice
    first (干 → 幹 乾 干 榦)."""
    return cached(f"table-{name}", lambda: _read_table(name))


def _read_table(name: str) -> dict[str, list[str]]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"{name}.txt"
        compile_table(SHARE_DIR / f"{name}.ocd2", out)
        rows = out.read_text(encoding="utf-8").splitlines()
    return {key: values.split(" ") for key, _, values in (r.partition("\t") for r in rows)}


PHRASE_TABLES = ("STPhrases", "STPhrases_GeneratedFromRegionalPhrases")


@functools.cache
def phrases() -> dict[str, str]:
    """OpenCC's Simplified → Traditional phrases with the form it chooses (头发 → 頭髮)."""
    found: dict[str, str] = {}
    for name in PHRASE_TABLES:
        for key, forms in opencc_table(name).items():
            found.setdefault(key, forms[0])
    return found


@functools.cache
def one_to_many_characters() -> dict[str, tuple[str, ...]]:
    """Simplified characters with more than one Traditional form (发 → 發 髮),
    from OpenCC's character table: where the conversion has to choose."""
    return {c: tuple(f) for c, f in opencc_table("STCharacters").items() if len(f) > 1}


@functools.cache
def simplified_only_characters() -> frozenset[str]:
    """Characters that no Traditional text uses.

    A character counts as Simplified-only when it is a key of OpenCC's character
    table STCharacters and no Traditional text in OpenCC's tables uses it: it is
    not one of the Traditional forms of any character (干 → 幹 乾 干 榦, so 干 is
    Traditional too; so are 台, 了, 里, 只), it occurs in no Traditional phrase
    (倒霉 → 倒霉 and 虱目魚 keep 霉 and 虱, though the characters alone become
    黴 and 蝨), and it is not a Taiwan or Hong Kong standard form (TWVariants,
    HKVariants: Taiwan writes 群, Hong Kong 户 and 温).
    """
    return frozenset(cached("simplified-only", _simplified_only))


def _simplified_only() -> str:
    characters = opencc_table("STCharacters")
    traditional = {form for forms in characters.values() for form in forms}
    for name in ("TWVariants", "HKVariants"):
        traditional.update(form for forms in opencc_table(name).values() for form in forms)
    for name in PHRASE_TABLES:
        for forms in opencc_table(name).values():
            traditional.update(*forms)
    return "".join(sorted(set(characters) - traditional))
