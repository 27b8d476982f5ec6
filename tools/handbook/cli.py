"""The `handbook` command: convert raw texts into handbook pages, check that
the pages are up to date."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import ConversionError
from .pipeline import SETTINGS_FILE, convert, load_settings
from .report import report_data, report_text
from .writer import OutputError, plan_writes, write_pages

DESCRIPTION = """\
Turn raw Chinese study texts (essays pasted from a web page) into the pages of
a MkDocs Material handbook: one Markdown page per essay, a page per text and a
home page. Every repair and every line removed as site debris is reported.
"""

EPILOG = """\
exit status: 0 success; 1 bad input or unsafe output (one line `error: FILE:LINE: …`
on stderr, nothing written); 2 usage error.
settings: SOURCE's folder may hold handbook.yml (reading_chars_per_minute,
description_chars).
"""


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="handbook",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(cmd: argparse.ArgumentParser) -> None:
        cmd.add_argument(
            "sources",
            nargs="+",
            type=Path,
            metavar="SOURCE",
            help="raw text files, in handbook order",
        )
        cmd.add_argument(
            "--out", type=Path, required=True, metavar="DIR", help="the docs folder to write"
        )
        cmd.add_argument(
            "--encoding", help="the sources' encoding (default: detect UTF-8/UTF-16 BOM/GB18030)"
        )
        cmd.add_argument(
            "--settings",
            type=Path,
            help=f"settings file (default: {SETTINGS_FILE} beside the first SOURCE)",
        )

    convert_cmd = sub.add_parser(
        "convert",
        help="write the handbook pages into DIR",
        description="Convert SOURCE files into Markdown pages under DIR.",
    )
    common(convert_cmd)
    convert_cmd.add_argument(
        "--report", type=Path, metavar="FILE.json", help="also write the report as JSON"
    )
    convert_cmd.add_argument(
        "--force", action="store_true", help="overwrite or remove generated files edited by hand"
    )
    convert_cmd.add_argument("--quiet", action="store_true", help="print nothing but errors")

    check_cmd = sub.add_parser(
        "check",
        help="fail if DIR is stale against the sources",
        description="Exit 1 if converting SOURCE would change DIR.",
    )
    common(check_cmd)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        settings = load_settings(args.settings or args.sources[0].parent / SETTINGS_FILE)
        handbook, pages = convert(args.sources, settings, args.encoding)
        if args.command == "check":
            return check(pages, args.out)
        plan = write_pages(pages, args.out, force=args.force)
    except ConversionError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except OutputError as err:
        for line in str(err).splitlines():
            print(f"error: {line}", file=sys.stderr)
        return 1
    if args.report:
        data = report_data(handbook, args.out)
        args.report.write_text(
            json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    if not args.quiet:
        print(report_text(handbook))
        print(
            f"{args.out}: {len(plan.write)} written, {len(plan.unchanged)} unchanged, {len(plan.delete)} removed"
        )
    return 0


def check(pages: dict[str, str], out: Path) -> int:
    try:
        plan = plan_writes(pages, out)
    except OutputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    stale = sorted(plan.write) + sorted(plan.delete)
    for rel in stale:
        print(f"stale: {out / rel}", file=sys.stderr)
    if stale:
        print("error: the pages are stale against the sources; run `make convert`", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
