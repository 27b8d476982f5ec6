"""How the search does on a reader's phone, beside Material's own and
Pagefind: for `make bench` (handbook.bench calls `measure_site`).

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

import asyncio
import contextlib
import functools
import gzip
import json
import random
import re
import statistics
import subprocess
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import opencc

from .folding import fold
from .index import read_sections
from .pages import Section

ROOT = Path(__file__).resolve().parents[3]
NODE_RUNNER = ROOT / "tests" / "search_node.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
]
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
NETWORK = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1.6e6 / 8,
    "uploadThroughput": 750e3 / 8,
}
CPU_SLOWDOWN = 4
WORDS = ["群众路线", "四风", "生命线", "焦裕禄", "形式主义", "党员干部", "最后一公里", "为人民服务"]
HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
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
# Pagefind's API on a page of its own; `spaced`: each term as a phrase of
# one-character words, several terms searched one by one, their pages intersected.
PAGEFIND_PAGE = """<!doctype html><meta charset="utf-8"><script type="module">
const bundle = new URLSearchParams(location.search).get("bundle");
const spaced = bundle !== "pagefind";
const pagefind = await import(`./${bundle}/pagefind.js`);
const phrase = (term) => `"${[...term].join(" ")}"`;
async function found(q) {
  if (!spaced) return (await pagefind.search(q)).results;
  const each = [];
  for (const term of q.split(/\\s+/)) each.push((await pagefind.search(phrase(term))).results);
  return each[0].filter((r) => each.every((e) => e.some((x) => x.id === r.id)));
}
window.first = async (q) => { window.typedAt = Date.now(); const results = await found(q);
  if (results.length) await results[0].data(); window.shownAt = Date.now() };
window.all = async (q) => Promise.all((await found(q)).map(async (r) => (await r.data()).url));
window.ready = true;
</script>"""


# --- the pages and the queries --------------------------------------------------------


@dataclass
class Corpus:
    """What an edition's pages hold, as its index reads them."""

    sections: dict[str, list[Section]]  # by page URL

    @functools.cached_property
    def folded(self) -> dict[str, list[str]]:
        return {
            url: [fold(s.title + "\n" + s.text) for s in ss] for url, ss in self.sections.items()
        }

    def essays(self) -> set[str]:
        return {url for url in self.sections if not url.startswith("glossary/")}

    def holding(self, query: str) -> tuple[set[str], set[str]]:
        """Sections holding every term; pages holding every term, anywhere."""
        terms = [fold(t) for t in query.split()]
        sections, pages = set(), set()
        for url, texts in self.folded.items():
            for section, text in zip(self.sections[url], texts, strict=True):
                if all(t in text for t in terms):
                    sections.add(f"{url}#{section.anchor}" if section.anchor else url)
            if all(any(t in text for text in texts) for t in terms):
                pages.add(url)
        return sections, pages


def query_set(corpus: Corpus, to_traditional: Any, seed: int = 14) -> dict[str, list[str]]:
    """The fixed queries, drawn from the ×1 handbook's essays (seeded)."""
    rnd = random.Random(seed)
    runs = [
        (url, run)
        for url in sorted(corpus.essays())
        for section in corpus.sections[url]
        for run in HAN_RUN.findall(section.text)
    ]

    def part(low: int, high: int, url: str | None = None) -> str:
        url_runs = [r for u, r in runs if len(r) >= low and url in (None, u)]
        run = rnd.choice(url_runs)
        n = rnd.randint(low, min(high, len(run)))
        start = rnd.randint(0, len(run) - n)
        return run[start : start + n]

    pages = sorted({url for url, _ in runs})
    queries = {
        "words": WORDS,
        "substrings": [part(2, 4) for _ in range(8)],
        "phrases": [part(6, 12) for _ in range(8)],
        "single characters": [part(1, 1) for _ in range(8)],
        "terms from two sections": [],
    }
    for _ in range(8):
        url = rnd.choice(pages)
        queries["terms from two sections"].append(f"{part(2, 4, url)} {part(2, 4, url)}")
    queries["other script"] = [to_traditional(q) for q in WORDS[:4] + queries["phrases"][:4]]
    return queries


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
    context = browser.new_context(**PHONE)
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
            wrap = page.locator(".md-search__scrollwrap")
            for where in ("0", "el.scrollHeight"):
                wrap.evaluate(f"el => el.scrollTo(0, {where})")
                page.wait_for_timeout(60)
        hrefs = page.eval_on_selector_all(
            ".md-search-result__item > a:first-child", "as => as.map(a => a.getAttribute('href'))"
        )
        answers.append({h.split("?")[0].split("#")[0].removeprefix(base) for h in hrefs})
    context.close()
    return answers


def _pagefind_pages(browser: Any, base: str, queries: list[str], engine: str) -> list[set[str]]:
    page = browser.new_page()
    page.goto(base + f"pagefind-bench.html?bundle={BUNDLES[engine]}")
    page.wait_for_function("window.ready")
    answers = [{u.lstrip("/") for u in page.evaluate("q => all(q)", q)} for q in queries]
    page.close()
    return answers


def inexact(
    corpus: Corpus, queries: dict[str, list[str]], answers: dict[str, list[Any]], engine: str
) -> dict[str, int]:
    """Per kind of query, how many answers differ from what the pages hold."""
    essays = corpus.essays()
    counts, flat = {}, iter(answers[engine])
    for kind, some in queries.items():
        wrong = 0
        for query in some:
            answer = next(flat)
            sections, pages = corpus.holding(query)
            if engine == "handbook":
                with_section = {s.split("#")[0] for s in sections}
                right = answer == (sections, pages - with_section)
            else:
                want = {s.split("#")[0] for s in sections} if engine == "material" else pages
                right = answer & essays == want & essays
            wrong += not right
        counts[kind] = wrong
    return counts


# --- one scale ------------------------------------------------------------------------------


BUNDLES = {"pagefind": "pagefind", "pagefind, a word per character": "pagefind-spaced"}
HAN_CHAR = re.compile(r"([\u3400-\u9fff])")


def build_pagefind(site: Path, corpus: Corpus) -> None:
    """Pagefind's index of a built site, two ways: as its documentation
    configures it for a Material site (the article, without permalinks, in
    Chinese); and each page's text with every Han character a word of its
    own, so that a quoted phrase matches any run of characters."""
    try:  # only with --pagefind
        from pagefind.index import PagefindIndex
        from pagefind_bin_extended import get_executable
    except ImportError as error:
        raise SystemExit("bench: --pagefind needs pip install 'pagefind[extended]'") from error

    subprocess.run(
        [
            str(get_executable()),
            *("--site", str(site), "--root-selector", "article.md-content__inner"),
            *("--exclude-selectors", ".headerlink", "--force-language", "zh", "--quiet"),
        ],
        check=True,
        capture_output=True,
    )

    async def spaced() -> None:
        config = {"output_path": str(site / "pagefind-spaced"), "force_language": "zh"}
        async with PagefindIndex(config=config) as index:
            for url, sections in corpus.sections.items():
                text = "\n".join(s.title + "\n" + s.text for s in sections)
                words = " ".join(HAN_CHAR.sub(r" \1 ", text).split())
                await index.add_custom_record(url=f"/{url}", content=words, language="zh")

    asyncio.run(spaced())
    (site / "pagefind-bench.html").write_text(PAGEFIND_PAGE, encoding="utf-8")


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
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            with Host(bare) as base:
                answers["material"] = _material_pages(browser, base, flat)
                result["inexact"]["Material (lunr)"] = inexact(corpus, queries, answers, "material")
                for engine in pagefinds:
                    answers[engine] = _pagefind_pages(browser, base, flat, engine)
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
