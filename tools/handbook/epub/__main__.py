"""`python -m handbook.epub`: one EPUB per edition of the built site, written
to each edition's downloads/ folder beside its PDF."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ..addresses import DOWNLOADS
from ..built_site import editions_to_make
from .book import FONT_CHOICES, Settings, write_book


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m handbook.epub",
        description=f"Make one EPUB 3 book per edition of the built site, in its {DOWNLOADS}/ folder.",
    )
    p.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site)")
    p.add_argument(
        "--docs",
        type=Path,
        default=Path("docs"),
        help="the converted pages; the book's date is theirs",
    )
    p.add_argument("--script", choices=["Hans", "Hant"], help="make only this edition's EPUB")
    p.add_argument(
        "--fonts",
        choices=FONT_CHOICES,
        default="none",
        help="embed subsets of the fonts (default: none)",
    )
    args = p.parse_args(argv)
    try:
        editions = editions_to_make(args.site, args.script)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    for edition in editions:
        start = time.monotonic()
        try:
            target = write_book(args.site, edition, args.docs, Settings(fonts=args.fonts))
        except ValueError as err:
            print(f"error: {err}", file=sys.stderr)
            return 1
        size = target.stat().st_size / 1024
        print(f"{target} ({edition.lang}, {size:.0f} KB, {time.monotonic() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
