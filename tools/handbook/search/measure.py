"""How the search does on a reader's phone, beside Material's own and
Pagefind: for `make bench` (handbook.bench calls `measure_site`); the queries
and what the pages hold are in queries.py, Pagefind's side in pagefind.py.

- First result: in Chromium throttled as a cheap phone on a weak network
  (4× slower CPU, 1.6 Mbps down, 150 ms latency, through the DevTools
  protocol), the reader opens an essay, opens the search box and types a
  query at once. Measured: the search's bytes before the first result is on
  screen (its text shown and a match marked), compressed as a static host
  serves them (gzip), and the time from the query typed to that result. The
  DevTools protocol slows a page's own thread only: search workers (this
  search's and Material's) run at the machine's speed, Pagefind, which runs
  on the page, at a quarter of it.
- Inexact answers: over a fixed set of queries (words, random substrings,
  phrases, single characters, terms from different sections of a page, and
  Traditional queries in the Simplified edition and the reverse), how many
  answers differ from what the pages really hold. This search is asked
  through its worker's code under Node (the tests' runner, tests/search_node.js);
  Material's in Chromium through its search box; Pagefind through its API.

Both search with each page's sections as the index holds them; "holds" is
this search's definition (folded to one script, see folding.py). Material
and Pagefind answer with pages of sections: their answers are compared on
the essays' pages, those holding every term in one section for Material,
anywhere on the page for Pagefind.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import json
import re
import statistics
import subprocess
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import opencc

from .. import chromium
from .index import read_sections
from .pagefind import BUNDLES, build_pagefind, pagefind_pages
from .queries import Corpus, inexact

ROOT = Path(__file__).resolve().parents[3]
NODE_RUNNER = ROOT / "tests" / "search_node.js"
NETWORK = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1.6e6 / 8,
    "uploadThroughput": 750e3 / 8,
}
CPU_SLOWDOWN = 4
# What each engine fetches to search (everything else is the page itself).
SEARCH_FILES = {
    "handbook": re.compile(r"/search/|search-worker\.js"),
    "material": re.compile(r"/search/|/workers/search|/lunr/"),
    "pagefind": re.compile(r"/pagefind/"),
    "pagefind, a word per character": re.compile(r"/pagefind-spaced/"),
}
# Read by the page itself, so that the moments do not wait on the test's
# polling: when the query arrived (its input event), and when the first result
# was on screen, its text shown and a match marked (wall-clock ms, as the
# requests' timings).
MOMENTS = """addEventListener("input", () => { window.typedAt ??= Date.now() }, true);
new MutationObserver(() => {
  const li = document.querySelector(".md-search-result__item");
  if (!window.shownAt && li && li.querySelector("mark") && !li.querySelector("[data-handbook-text]"))
    window.shownAt = Date.now();
}).observe(document, { childList: true, subtree: true, characterData: true });"""
# --- a static host ---------------------------------------------------------------------


class GzipHandler(SimpleHTTPRequestHandler):
    """Files as a static host serves them: text compressed with gzip."""

    COMPRESS = (
        "text/",
        "application/javascript",
        "application/json",
        "image/svg",
        "application/wasm",
    )
    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "application/javascript",
        ".json": "application/json",
        ".wasm": "application/wasm",
    }

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        body, kind = path.read_bytes(), self.guess_type(str(path))
        compress = kind.startswith(self.COMPRESS) and "gzip" in self.headers.get(
            "Accept-Encoding", ""
        )
        if compress:
            body = gzip.compress(body, 6)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the page moved on
            self.wfile.write(body)


@dataclass
class Host:
    root: Path
    server: ThreadingHTTPServer = field(init=False)

    def __enter__(self) -> str:
        handler = functools.partial(GzipHandler, directory=str(self.root))
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


# --- first result on a throttled phone --------------------------------------------------


@dataclass
class First:
    engine: str
    query: str
    kilobytes: float
    seconds: float


def _phone(browser: Any) -> tuple[Any, Any, list[Any]]:
    context = browser.new_context(**chromium.PHONE)
    context.add_init_script(MOMENTS)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", NETWORK)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    finished: list[Any] = []
    context.on("requestfinished", lambda request: finished.append(request))
    return context, page, finished


def _bytes(engine: str, finished: list[Any], until: float) -> float:
    """Kilobytes the search received, headers and compressed bodies, before a
    moment (wall-clock ms)."""
    total = 0
    for request in finished:
        timing = request.timing
        if (
            SEARCH_FILES[engine].search(request.url)
            and timing["startTime"] + timing["responseEnd"] <= until
        ):
            sizes = request.sizes()
            total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    return total / 1e3


def first_result(browser: Any, base: str, essay: str, query: str, engine: str) -> First:
    """One query on a fresh phone: bytes and seconds to its first result."""
    context, page, finished = _phone(browser)
    try:
        if engine.startswith("pagefind"):
            page.goto(base + f"pagefind-bench.html?bundle={BUNDLES[engine]}")
            page.wait_for_function("window.ready")
            page.evaluate("q => first(q)", query)
        else:
            page.goto(base + essay)
            page.wait_for_load_state("load")
            page.locator("header label[for=__search]:visible").first.click()
            page.locator("input[data-md-component=search-query]").fill(query)
            page.locator("input[data-md-component=search-query]").press("End")
        page.wait_for_function("window.shownAt", polling=50, timeout=300_000)
        page.wait_for_timeout(300)  # the requests' last events
        typed, shown = page.evaluate("[window.typedAt, window.shownAt]")
        return First(engine, query, _bytes(engine, finished, shown), (shown - typed) / 1e3)
    finally:
        context.close()


# --- inexact answers ----------------------------------------------------------------------


def _handbook_answers(site: Path, queries: list[str]) -> list[tuple[set[str], set[str]]]:
    """Sections, and pages holding the terms across sections, by the worker's code under Node."""
    worker = site / "assets" / "javascripts" / "search-worker.js"
    lines = "".join(json.dumps({"match": q}, ensure_ascii=False) + "\n" for q in queries)
    out = subprocess.run(
        ["node", str(NODE_RUNNER), str(worker), str(site / "search")],
        input=lines,
        capture_output=True,
        text=True,
        check=True,
        encoding="utf-8",
    ).stdout
    answers = [json.loads(line) for line in out.splitlines()]
    return [(set(a["sections"]), set(a["pages"])) for a in answers]


def scroll_results(page: Any) -> None:
    """Scroll Material's result list up, then to its end, where it shows more."""
    wrap = page.locator(".md-search__scrollwrap")
    for where in ("0", "el.scrollHeight"):
        wrap.evaluate(f"el => el.scrollTo(0, {where})")
        page.wait_for_timeout(60)


def _material_pages(browser: Any, base: str, queries: list[str]) -> list[set[str]]:
    """Pages in the answers of Material's own search (lunr), through its search box."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(base)
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    page.wait_for_function(
        "() => !/初始化/.test(document.querySelector('.md-search-result__meta').textContent)",
        timeout=300_000,
    )
    answers = []
    for query in queries:
        box.fill(query)
        box.press("End")
        page.wait_for_function(
            "q => document.querySelector('[data-md-component=search-query]').value === q && !/正在/.test(document.querySelector('.md-search-result__meta').textContent)",
            arg=query,
        )
        page.wait_for_timeout(150)
        count = re.search(r"\d+", page.locator(".md-search-result__meta").text_content() or "")
        items = page.locator(".md-search-result__item")
        while count and items.count() < int(count.group()):
            scroll_results(page)
        hrefs = page.eval_on_selector_all(
            ".md-search-result__item > a:first-child", "as => as.map(a => a.getAttribute('href'))"
        )
        answers.append({h.split("?")[0].split("#")[0].removeprefix(base) for h in hrefs})
    context.close()
    return answers


# --- one scale ------------------------------------------------------------------------------


def measure_site(
    site: Path, bare: Path, queries: dict[str, list[str]], pagefind: bool, essay: str
) -> dict[str, Any]:
    """First results and inexact answers of each engine over one scale's sites:
    the handbook's (both editions) and a stock Material build of the same pages."""
    from playwright.sync_api import sync_playwright

    flat = [q for some in queries.values() for q in some]
    hant_queries = {k: [_simplified(q) for q in v] for k, v in queries.items()}
    result: dict[str, Any] = {"first": [], "inexact": {}}
    corpus = Corpus(read_sections(site / "search"))
    answers = {"handbook": _handbook_answers(site, flat)}
    result["inexact"]["handbook"] = inexact(corpus, queries, answers, "handbook")
    hant = site / "zh-Hant"
    if hant.is_dir():  # the same queries, as a Traditional reader would type them
        traditional = Corpus(read_sections(hant / "search"))
        answers["handbook"] = _handbook_answers(hant, [q for v in hant_queries.values() for q in v])
        counts = inexact(traditional, hant_queries, answers, "handbook")
        result["inexact"]["handbook, Traditional edition"] = counts
    if pagefind:
        build_pagefind(bare, corpus)
    pagefinds = list(BUNDLES) if pagefind else []
    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        try:
            with Host(bare) as base:
                answers["material"] = _material_pages(browser, base, flat)
                result["inexact"]["Material (lunr)"] = inexact(corpus, queries, answers, "material")
                for engine in pagefinds:
                    answers[engine] = pagefind_pages(browser, base, flat, engine)
                    result["inexact"][engine] = inexact(corpus, queries, answers, engine)
                # Material loads its whole index first: one query is enough.
                result["first"].append(first_result(browser, base, essay, flat[0], "material"))
                for engine in pagefinds:
                    result["first"] += [
                        first_result(browser, base, essay, q, engine) for q in _timed(queries)
                    ]
            with Host(site) as base:
                result["first"] += [
                    first_result(browser, base, essay, q, "handbook") for q in _timed(queries)
                ]
        finally:
            browser.close()
    return result


def _timed(queries: dict[str, list[str]]) -> list[str]:
    """The queries timed on the phone: two of each kind but single characters."""
    return [q for kind, some in queries.items() if kind != "single characters" for q in some[:2]]


@functools.cache
def _t2s() -> Any:
    return opencc.OpenCC("t2s").convert


def _simplified(query: str) -> str:
    """A query for the Traditional edition: the other-script ones back in
    Simplified, the rest as they are (Simplified, the other script there)."""
    return _t2s()(query)


def summary(firsts: list[First]) -> dict[str, tuple[float, float, float]]:
    """Per engine: median and largest kilobytes, median seconds."""
    out = {}
    for engine in dict.fromkeys(f.engine for f in firsts):
        mine = [f for f in firsts if f.engine == engine]
        out[engine] = (
            statistics.median(f.kilobytes for f in mine),
            max(f.kilobytes for f in mine),
            statistics.median(f.seconds for f in mine),
        )
    return out


def index_bytes(folder: Path) -> int:
    """Bytes of an edition's search index, every part."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
