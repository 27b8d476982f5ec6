"""The `handbook` command: convert raw texts into handbook pages, check that
the pages are up to date."""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from pathlib import Path

from .errors import HandbookError, OutputError
from .glossary import candidate_report, handbook_lines, load_glossary, mine_candidates
from .hant import command as hant_command
from .model import SourceLine
from .output import is_pending, locked, write_pages, write_report
from .output_plan import MANIFEST, check_report_path, plan_writes
from .pipeline import GLOSSARY_FILE, build_handbook, convert
from .settings import SETTINGS_FILE, load_settings

DESCRIPTION = """\
Turn raw Chinese study texts (essays pasted from a web page) into the pages of
a MkDocs Material handbook: one Markdown page per essay, a page per text and a
home page. Every repair and every line removed as site debris is reported.
"""

EPILOG = """\
exit status: 0 success; 1 bad input or unsafe output (`error: FILE[:LINE]: …` on
stderr, nothing written); 2 usage error; 130 interrupted (the output folder
keeps the old pages or the new ones; the next run finishes the switch).
settings: SOURCE's folder may hold handbook.yml (reading_chars_per_minute,
description_chars, max_source_megabytes).
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
            "--replace-invalid",
            action="store_true",
            help="turn bytes that are not valid in the encoding into U+FFFD (a few at most), "
            "and keep U+FFFD found in a source; each one is reported",
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
        "--report",
        type=Path,
        metavar="FILE.json",
        help="also write the report as JSON (a new file, or a report written before)",
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
    """The `handbook` command on `argv`, its exit status. Called as the command
    is, on the command line (no `argv`: the `handbook` script, `python -m
    handbook.cli`), it ends the process as soon as it is done, as mypy does:
    freeing a long text's model (a hundred thousand objects) and tearing the
    interpreter down took a tenth of a conversion at ×100, and nothing is
    left to do. Its output is flushed first; its files are written already."""
    kept: list[object] | None = [] if argv is None else None
    status = run_command(argv, kept)
    if kept is not None:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):  # a closed pipe, a closed stream
                stream.flush()
        os._exit(status)
    return status


def run_command(argv: list[str] | None, kept: list[object] | None) -> int:
    """Run the command; `kept`, if given, receives what a conversion made."""
    args = parser().parse_args(argv)
    progress = TerminalProgress()
    # A conversion builds one large model that lives until it ends and makes
    # almost no garbage in cycles; the cyclic collector would walk the model
    # again and again as it grows (about 5 % of a conversion) to free nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return run(args, progress, kept)
    except HandbookError as err:
        for line in err.lines():
            print(f"error: {line}", file=sys.stderr)
        return 1
    except OSError as err:  # one the checks did not foresee: still one line, no traceback
        where = f"{err.filename}: " if err.filename else ""
        print(f"error: {where}{err.strerror or err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        progress.clear()
        print("error: interrupted", file=sys.stderr)
        return 130
    finally:
        progress.clear()
        if collecting:
            gc.enable()


def run(args: argparse.Namespace, progress: TerminalProgress, kept: list[object] | None) -> int:
    if args.command == "hant":
        return hant_command.main(args)
    folder = args.sources[0].parent
    glossary = args.glossary or folder / GLOSSARY_FILE
    settings_file = args.settings or folder / SETTINGS_FILE
    report = getattr(args, "report", None)
    if report:  # before anything is written
        check_report_path(report, [*args.sources, settings_file, glossary], args.out)
    settings = load_settings(settings_file)
    if args.command == "glossary":
        handbook = build_handbook(
            args.sources,
            settings,
            args.encoding,
            replace_invalid=args.replace_invalid,
            doubts=False,
        )
        terms = load_glossary(glossary) if glossary.exists() else []
        print(candidate_report(mine_candidates(handbook_lines(handbook), terms)))
        return 0
    read: dict[Path, list[SourceLine]] = {}
    reported = args.command == "convert" and (report or not args.quiet)
    handbook, pages = convert(
        args.sources,
        settings,
        args.encoding,
        glossary,
        progress,
        args.replace_invalid,
        read,
        doubts=reported,  # the report's alone: a quiet conversion or a check needs none
    )
    if args.command == "check":
        return check(pages, args.out)
    # The Traditional edition's review, before anything is written.
    traditional = None
    if reported:
        traditional = hant_command.conversion_report(args.sources, settings, read=read)
    plan = write_pages(pages, args.out, force=args.force, progress=progress)
    if reported:
        from .report import report_data, report_text  # loaded only to report
    if kept is not None:
        kept.append((handbook, pages))
    if report:
        write_report(report, report_data(handbook, args.out) | {"traditional": traditional[1]})
    if not args.quiet:
        print(report_text(handbook))
        print(traditional[0])
        summary = (
            f"{args.out}: {len(plan.write)} written, {len(plan.unchanged)} unchanged, "
            f"{len(plan.delete)} removed"
        )
        if plan.stale:
            summary += f", {len(plan.stale)} stale temporary files removed"
        print(summary)
    return 0


def check(pages: dict[str, str], out: Path) -> int:
    if not out.exists():
        plan = plan_writes(pages, out)
    else:
        try:
            with locked(out, shared=True):
                if is_pending(out):
                    raise OutputError(
                        out,
                        "a conversion was interrupted half way: run `make convert` to finish it",
                    )
                plan = plan_writes(pages, out)
        except OSError as err:
            raise OutputError(err.filename or out, f"cannot read: {err.strerror}") from None
    stale = sorted(plan.write) + sorted(plan.delete) + plan.stale
    if plan.manifest_changed and not stale:
        stale.append(MANIFEST)
    for rel in stale:
        print(f"stale: {out / rel}", file=sys.stderr)
    if stale:
        print("error: the pages are stale against the sources; run `make convert`", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
