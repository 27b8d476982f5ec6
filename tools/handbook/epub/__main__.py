"""`python -m handbook.epub`: one EPUB per edition of the built site, written
to each edition's downloads/ folder beside its PDF."""

from __future__ import annotations

import argparse
import sys
import time

from ..addresses import DOWNLOADS
from ..built_site import book_maker_arguments, editions_to_make
from ..errors import HandbookError, report_error
from .book import FONT_CHOICES, Settings, write_book


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m handbook.epub",
        description=f"Make one EPUB 3 book per edition of the built site, in its {DOWNLOADS}/ folder.",
    )
    book_maker_arguments(p, "EPUB")
    p.add_argument(
        "--fonts",
        choices=FONT_CHOICES,
        default="none",
        help="embed subsets of the fonts (default: none)",
    )
    args = p.parse_args(argv)
    try:
        return make_books(args)
    except (HandbookError, ValueError) as error:  # ValueError: a font or page the book cannot use
        return report_error(error)


def make_books(args: argparse.Namespace) -> int:
    for edition in editions_to_make(args.site, args.script):
        start = time.monotonic()
        target = write_book(args.site, edition, args.docs, Settings(fonts=args.fonts))
        size = target.stat().st_size / 1024
        print(f"{target} ({edition.lang}, {size:.0f} KB, {time.monotonic() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
