"""`handbook hant`: review the Traditional conversion of texts, accept or
correct its choices, check that no text has too many left unreviewed.

    handbook hant --review SOURCE…              every choice, most doubtful first
    handbook hant --accept ID[,ID…] SOURCE…     keep the forms chosen
    handbook hant --correct ID FORM SOURCE…     write FORM instead
    handbook hant --check SOURCE…               exit 1 above the threshold
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from ..editions import DEFAULT_OPENCC
from ..model import SourceLine
from ..reader import read_source
from ..settings import DEFAULTS, SETTINGS_FILE, Settings, load_settings

if TYPE_CHECKING:  # the converter loads OpenCC, the review only serves it: imported where used
    from .converter import HantConverter
    from .review import Choice

OVERRIDES_FILE = "hant-overrides.tsv"
REVIEW_FILE = "hant-review.md"


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `hant` command to the handbook command's subcommands."""
    summary = "Review the Traditional conversion: where it had to choose, accept or correct."
    cmd = sub.add_parser(
        "hant", help=summary, description=summary + "\n\n" + __doc__.split("\n\n")[1]
    )
    cmd.formatter_class = argparse.RawDescriptionHelpFormatter
    cmd.add_argument("sources", nargs="+", type=Path, metavar="SOURCE", help="raw text files")
    mode = cmd.add_mutually_exclusive_group(required=True)
    mode.add_argument("--review", action="store_true", help="list every choice of each text")
    mode.add_argument("--accept", metavar="ID[,ID…]", help="keep the chosen forms of these choices")
    mode.add_argument(
        "--correct", nargs=2, metavar=("ID", "FORM"), help="write FORM for choice ID instead"
    )
    mode.add_argument(
        "--check", action="store_true", help="exit 1 if a text has too many unreviewed doubts"
    )
    cmd.add_argument(
        "--opencc",
        default=default_config(),
        help=f"OpenCC configuration (default: $HANT or {DEFAULT_OPENCC})",
    )
    cmd.add_argument(
        "--overrides", type=Path, help=f"override file (default: {OVERRIDES_FILE} beside SOURCE)"
    )
    cmd.add_argument("--log", type=Path, help=f"review log (default: {REVIEW_FILE} beside SOURCE)")
    cmd.add_argument("--encoding", help="the sources' encoding (default: detect)")
    cmd.add_argument(
        "--replace-invalid",
        action="store_true",
        help="read bytes that are not valid in the encoding as U+FFFD, as convert does",
    )
    cmd.add_argument(
        "--max-doubtful",
        type=int,
        default=None,
        help="threshold for --check (default: traditional_doubtful_max in handbook.yml)",
    )


def reviews(
    sources: list[Path],
    converter: HantConverter,
    encoding: str | None = None,
    replace_invalid: bool = False,
    settings: Settings = DEFAULTS,
    read: Mapping[Path, list[SourceLine]] | None = None,
) -> dict[Path, list[Choice]]:
    """Every source's choices, most doubtful first; the sources are read as
    the conversion reads them, unless their lines are `read` already."""
    from .review import review_lines

    found = {}
    for source in sources:
        if read is not None and source in read:
            lines = read[source]
        else:
            lines, _ = read_source(source, encoding, replace_invalid, settings.max_source_bytes)
        found[source] = review_lines([(line.number, line.text) for line in lines], converter)
    return found


def over_threshold(found: dict[Path, list[Choice]], limit: int) -> list[str]:
    """One warning per text with more than `limit` unreviewed doubtful places."""
    from .review import doubtful

    return [
        f"{source}: {len(doubtful(choices))} unreviewed doubtful choices in the Traditional "
        f"edition (more than {limit}); see `handbook hant --review {source}`"
        for source, choices in found.items()
        if len(doubtful(choices)) > limit
    ]


def converter_for(sources: list[Path], config: str | None = None) -> HantConverter:
    """The Traditional converter with the override file beside the first source."""
    from .converter import HantConverter

    overrides = sources[0].parent / OVERRIDES_FILE
    return HantConverter(config or default_config(), overrides if overrides.exists() else None)


def default_config() -> str:
    return os.environ.get("HANT") or DEFAULT_OPENCC


def conversion_report(
    sources: list[Path],
    settings: Settings,
    encoding: str | None = None,
    replace_invalid: bool = False,
    read: Mapping[Path, list[SourceLine]] | None = None,
) -> tuple[str, dict]:
    """The Traditional section of the conversion report: per text, its choices
    and the most doubtful ones, with a warning above the settings'
    traditional_doubtful_max; and the same as data for the JSON report (every
    choice, with its count, samples and first lines). `read`: the sources'
    lines as the conversion read them (each is read otherwise)."""
    from .review import report, report_data

    threshold = settings.traditional_doubtful_max
    found = reviews(sources, converter_for(sources), encoding, replace_invalid, settings, read)
    lines = ["Traditional edition: where the conversion had to choose"]
    lines += [report(str(s), c, limit=5) for s, c in found.items()]
    lines += [f"warning: {w}" for w in over_threshold(found, threshold)]
    data = {str(source): report_data(choices) for source, choices in found.items()}
    return "\n".join(lines), data


def main(args: argparse.Namespace) -> int:
    """Carry out `handbook hant`."""
    folder = args.sources[0].parent
    overrides = args.overrides or folder / OVERRIDES_FILE
    log = args.log or folder / REVIEW_FILE
    settings = load_settings(folder / SETTINGS_FILE)
    threshold = (
        settings.traditional_doubtful_max if args.max_doubtful is None else args.max_doubtful
    )
    from .converter import HantConverter
    from .review import decide, report

    try:
        converter = HantConverter(args.opencc, overrides if overrides.exists() else None)
    except ValueError as err:  # an OpenCC configuration that does not exist
        print(f"error: {err}", file=sys.stderr)
        return 1
    found = reviews(args.sources, converter, args.encoding, args.replace_invalid, settings)
    if args.review:
        print("\n\n".join(report(str(s), c) for s, c in found.items()))
        return 0
    if args.check:
        warnings = over_threshold(found, threshold)
        for warning in warnings:
            print(f"error: {warning}", file=sys.stderr)
        return 1 if warnings else 0
    by_id = {c.id: (s, c) for s, choices in found.items() for c in choices}
    accepted = args.accept.split(",") if args.accept else []
    wanted = [(i.strip(), None) for i in accepted] if accepted else [tuple(args.correct)]
    unknown = [i for i, _ in wanted if i not in by_id]
    if unknown:
        print(
            f"error: no choice {', '.join(unknown)} in these texts; see --review", file=sys.stderr
        )
        return 1
    for choice_id, form in wanted:
        source, choice = by_id[choice_id]
        try:
            print(decide(choice, form, source.name, overrides, log, converter.to_standard))
        except ValueError as err:
            print(f"error: {overrides}: {err}", file=sys.stderr)
            return 1
    return 0
