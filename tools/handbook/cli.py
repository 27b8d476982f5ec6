"""The `handbook` command: convert raw texts into handbook pages, check that
the pages are up to date."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import ConversionError
from .glossary import candidate_report, handbook_lines, load_glossary, mine_candidates
from .hant import command as hant_command
from .pipeline import GLOSSARY_FILE, SETTINGS_FILE, build_handbook, convert, load_settings
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

    def command(name: str, summary: str, out: bool = True) -> argparse.ArgumentParser:
        cmd = sub.add_parser(name, help=summary, description=summary)
        cmd.add_argument(
            "sources",
            nargs="+",
            type=Path,
            metavar="SOURCE",
            help="raw text files, in handbook order",
        )
        if out:
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
        cmd.add_argument(
            "--glossary",
            type=Path,
            help=f"curated glossary (default: {GLOSSARY_FILE} beside the first SOURCE)",
        )
        return cmd

    convert_cmd = command("convert", "Convert SOURCE files into Markdown pages under DIR.")
    convert_cmd.add_argument(
        "--report", type=Path, metavar="FILE.json", help="also write the report as JSON"
    )
    convert_cmd.add_argument(
        "--force", action="store_true", help="overwrite or remove generated files edited by hand"
    )
    convert_cmd.add_argument("--quiet", action="store_true", help="print nothing but errors")
    command("check", "Exit 1 if converting SOURCE would change DIR (docs/ is stale).")
    glossary_cmd = command("glossary", "Work on the curated glossary.", out=False)
    hant_command.register(sub)
    glossary_cmd.add_argument(
        "--candidates",
        action="store_true",
        required=True,
        help="list terms the text defines or keeps quoting that the glossary lacks",
    )
    return p


class TerminalProgress:
    """One self-erasing status line on stderr, only when it is a terminal."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()

    def __call__(self, message: str) -> None:
        if self.enabled:
            sys.stderr.write(f"\r\033[K{message} …")
            sys.stderr.flush()

    def clear(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    progress = TerminalProgress()
    try:
        return run(args, progress)
    finally:
        progress.clear()


def run(args: argparse.Namespace, progress: TerminalProgress) -> int:
    if args.command == "hant":
        return hant_command.main(args)
    folder = args.sources[0].parent
    glossary = args.glossary or folder / GLOSSARY_FILE
    try:
        settings = load_settings(args.settings or folder / SETTINGS_FILE)
        if args.command == "glossary":
            handbook = build_handbook(args.sources, settings, args.encoding)
            terms = load_glossary(glossary) if glossary.exists() else []
            print(candidate_report(mine_candidates(handbook_lines(handbook), terms)))
            return 0
        handbook, pages = convert(args.sources, settings, args.encoding, glossary, progress)
        if args.command == "check":
            return check(pages, args.out)
        plan = write_pages(pages, args.out, force=args.force, progress=progress)
    except ConversionError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except OutputError as err:
        for line in str(err).splitlines():
            print(f"error: {line}", file=sys.stderr)
        return 1
    traditional = None
    if not args.quiet or args.report:
        traditional = hant_command.conversion_report(
            args.sources, settings.traditional_doubtful_max, args.encoding
        )
    if args.report:
        data = report_data(handbook, args.out)
        data["traditional"] = traditional[1]
        args.report.write_text(
            json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    if not args.quiet:
        print(report_text(handbook))
        print(traditional[0])
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
