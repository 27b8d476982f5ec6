"""Lighthouse on the built site, as a phone on a slow network sees it
(`make audit`, `python -m handbook.audit --site site`).

The site is served from 127.0.0.1 by a server that compresses text and lets
assets be cached, as any real host does (Python's http.server does neither,
and Lighthouse would measure that instead of the handbook). Lighthouse 12.2.3
(pinned in package.json) runs against the system's Chromium, mobile form
factor with its default simulated throttling, on the pages a reader opens
most: the home page, the longest essay and the most used term's page, in
both editions. The table goes to build/audit/results.md.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from . import chromium
from .addresses import GLOSSARY_DIR
from .editions import built_editions

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = " ".join(["--headless=new", *chromium.ARGS])
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
COLUMNS = [*CATEGORIES, "benchmark index", "load"]
COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".txt", ".svg"}


class CompressingHandler(SimpleHTTPRequestHandler):
    """Static files, text gzipped when the client accepts it; assets cacheable."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_head(self):  # type: ignore[override]
        self.cache_sent = False
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and path.suffix in COMPRESSED and gzip_ok):
            return super().send_head()  # redirects, 404s, images, PDFs
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self) -> None:
        # pages are checked on every visit, assets (hashed or rarely changed) kept
        page = Path(urlsplit(self.path).path).suffix in {".html", ""}
        self.send_header("Cache-Control", "no-cache" if page else "public, max-age=31536000")
        super().end_headers()


def audited_pages(site: Path) -> list[tuple[str, str]]:
    """(what, path from an edition's root) of the pages to measure."""
    pages = [("home", "")]
    longest = max(site.glob("*/essay-*/index.html"), key=lambda p: p.stat().st_size)
    pages.append(("longest essay", f"{longest.parent.relative_to(site).as_posix()}/"))
    # the term used most: the longest concordance
    terms = list((site / GLOSSARY_DIR).glob("*/index.html"))
    most_used = max(terms, key=lambda p: p.stat().st_size)
    pages.append(("term page", f"{most_used.parent.relative_to(site).as_posix()}/"))
    return pages


def lighthouse(url: str, out: Path) -> dict[str, int]:
    """Lighthouse's category scores (0–100) for one page, with the machine's
    speed as Lighthouse measured it (its benchmark index: simulated
    throttling slows the measured CPU four times, so a busy machine scores
    lower) and the load average when it ran."""
    if not LIGHTHOUSE.exists():
        sys.exit(f"error: {LIGHTHOUSE.relative_to(ROOT)}: not installed (make audit runs npm ci)")
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": str(chromium.path())},
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    scores["benchmark index"] = round(report["environment"]["benchmarkIndex"])
    scores["load"] = round(os.getloadavg()[0], 1)
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "audit")
    parser.add_argument("--port", type=int, default=0, help="the port the site was built for")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"error: {args.site}: no built site (run make build)", file=sys.stderr)
        return 1
    if not_there := chromium.absent():
        print(f"error: {not_there}: no Chromium there to run Lighthouse in", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    handler = partial(CompressingHandler, directory=args.site)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    rows = []
    try:
        for edition in built_editions(args.site):
            root = edition.root(args.site)
            for what, path in audited_pages(root):
                prefix = f"{edition.path}/" if edition.path else ""
                name = f"{edition.code}-{what.replace(' ', '-')}"
                scores = lighthouse(base + prefix + path, args.out / f"{name}.json")
                rows.append((edition.code, what, prefix + path, scores))
                print(edition.code, what, scores, flush=True)
    finally:
        server.shutdown()
    lines = [
        "| edition | page | path | " + " | ".join(COLUMNS) + " |",
        "| --- | --- | --- | " + " | ".join("---" for _ in COLUMNS) + " |",
    ]
    lines += [
        f"| {code} | {what} | `/{path}` | " + " | ".join(str(s[c]) for c in COLUMNS) + " |"
        for code, what, path, s in rows
    ]
    table = "\n".join(lines) + "\n"
    (args.out / "results.md").write_text(table, encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
