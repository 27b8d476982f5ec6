"""Shared fixtures: the handbook built once; for the browser tests, that
site served on localhost, the offline edition unpacked from its zip, and
the system's Chromium driven by Playwright (handbook.chromium).

Without Chromium or Playwright the browser tests skip, except under CI=true,
where they fail: CI must prove the handbook in a real browser.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import threading
import zipfile
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from support import (
    ROOT,
    SOURCE,
    CorpusBuilds,
    build_alone,
    missing,
    mkdocs_build,
    start_build_worker,
)

from handbook import chromium
from handbook.model import Collection, Handbook
from handbook.pipeline import build_handbook
from handbook.settings import Settings

SCREENSHOTS = ROOT / "build" / "test-output" / "browser"
# The pinned axe-core (package.json), installed by `make test` with npm.
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


# The test of each corpus text built alone (test_other_texts.py), its builds started here.
ALONE = "test_each_corpus_text_alone_builds_both_editions"


@pytest.fixture(scope="session", autouse=True)
def corpus_builds(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[CorpusBuilds]:
    """The handbook of every corpus text the session will check, each alone,
    built from the session's start beside the other tests: in worker
    processes, one per core, niced, each importing MkDocs, the theme and the
    converter once for many builds (spawned: none inherits this process's
    threads). A test waits for its own text's build only."""
    names = [
        item.callspec.params["name"]
        for item in request.session.items
        if getattr(item, "originalname", None) == ALONE
    ]
    if not names:
        yield {}
        return
    root = tmp_path_factory.mktemp("own-texts")
    workers = len(os.sched_getaffinity(0))
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=start_build_worker)
    try:
        yield {name: pool.submit(build_alone, root, name) for name in names}
    finally:
        pool.shutdown(cancel_futures=True)


@pytest.fixture(scope="session")
def handbook() -> Handbook:
    """The first text, converted once for the suites that read the model."""
    return build_handbook([SOURCE], Settings())


@pytest.fixture(scope="session")
def collection(handbook: Handbook) -> Collection:
    return handbook.collections[0]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed handbook, both editions, built once for every suite that
    reads it (site, glossary, editions, PDF, browser)."""
    out = tmp_path_factory.mktemp("handbook") / "site"
    mkdocs_build(ROOT, out)
    return out


@pytest.fixture(scope="session")
def offline_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline edition as `make offline` packs it: handbook/ in a zip."""
    work = tmp_path_factory.mktemp("offline")
    mkdocs_build(ROOT, work / "handbook", HANDBOOK_OFFLINE="true")
    archive = work / "handbook-offline.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted((work / "handbook").rglob("*")):
            zf.write(path, path.relative_to(work))
    shutil.rmtree(work / "handbook")
    return archive


@pytest.fixture(scope="session")
def offline_site(offline_zip: Path) -> Path:
    """The offline zip unpacked, as a reader would before opening index.html."""
    out = offline_zip.parent / "unpacked"
    with zipfile.ZipFile(offline_zip) as zf:
        zf.extractall(out)
    return out / "handbook"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def server(built_site: Path) -> Iterator[str]:
    """Base URL of the built site served on 127.0.0.1."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=built_site))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """The system's Chromium, headless; Playwright gives each launch a fresh profile."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("the playwright package")
    if not_there := chromium.absent():
        missing(not_there)
    with sync_playwright() as playwright:
        launched = chromium.launch(playwright)
        yield launched
        launched.close()


class Requests(list):
    """Every URL the page requested."""

    def outside(self, *allowed: str) -> list[str]:
        return [url for url in self if not url.startswith(allowed)]


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    """Open a page in a fresh context; after the test, no request may have
    left the given origin (file:// and inline data are always allowed)."""
    contexts: list[tuple[Any, Requests, str]] = []

    def open_(url: str, origin: str, **context_options: Any) -> Any:
        context = browser.new_context(**context_options)
        context.set_default_timeout(10_000)
        requests = Requests()
        context.on("request", lambda request: requests.append(request.url))
        page = context.new_page()
        page.requests = requests
        contexts.append((context, requests, origin))
        page.goto(url)
        return page

    yield open_
    for context, requests, origin in contexts:
        context.close()
        assert not requests.outside(origin, "data:", "blob:", "about:"), requests


@pytest.fixture(scope="session")
def axe() -> Path:
    """The pinned copy of axe-core to inject into pages."""
    if not AXE.is_file():
        missing(f"{AXE.relative_to(ROOT)} (make test installs it with npm ci)")
    return AXE


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
