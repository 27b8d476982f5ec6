"""What the search tests share: an edition of the build as search should
see it (support.BuiltEdition: what the pages really hold, read from the
HTML, never from the index), and two ways to ask the search: its worker's
own code under Node, and Material's search box in Chromium.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from support import BuiltEdition, missing

from handbook.editions import HANT, EditionSettings
from handbook.search.measure import scroll_results

SCROLL_LIMIT_S = 120  # results drawn on scroll: how long a list may take to grow

NODE_RUNNER = Path(__file__).with_name("search_node.js")
SIMPLIFIED, TRADITIONAL = EditionSettings().all  # the editions as the handbook's build makes them


def require_traditional(root: Path) -> None:
    """The Traditional edition is built unless EDITIONS leaves it out."""
    if HANT not in os.environ.get("EDITIONS", HANT).split():
        pytest.skip("EDITIONS leaves out the Traditional edition")
    assert root.is_dir(), "the build has no Traditional edition"


def served(built_site: Path, server: str, hant: bool = False) -> BuiltEdition:
    if not hant:
        return BuiltEdition.of(built_site, SIMPLIFIED, server)
    require_traditional(TRADITIONAL.root(built_site))
    return BuiltEdition.of(built_site, TRADITIONAL, f"{server}{TRADITIONAL.path}/")


def from_disk(offline_site: Path, hant: bool = False) -> BuiltEdition:
    edition = TRADITIONAL if hant else SIMPLIFIED
    root = edition.root(offline_site)
    if hant:
        require_traditional(root)
    return BuiltEdition.of(offline_site, edition, root.as_uri() + "/")


# --- the worker's code under Node ---------------------------------------------------


@dataclass
class NodeSearch:
    """search_node.js over one edition's index: ask it, read its answer."""

    edition: Path
    process: subprocess.Popen[str] = field(init=False)

    def __post_init__(self) -> None:
        node = shutil.which("node")
        if node is None:
            missing("node on PATH (Debian package nodejs)")
        worker = self.edition / "assets" / "javascripts" / "search-worker.js"
        self.process = subprocess.Popen(
            [node, str(NODE_RUNNER), str(worker), str(self.edition / "search")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def ask(self, **request: str) -> dict[str, Any]:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps(request, ensure_ascii=False) + "\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline())
        assert "error" not in answer, answer["error"]
        return answer

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait(timeout=10)


# --- Material's search box in Chromium ----------------------------------------------

# The result list once the worker has answered and the first result's text is in
# The result list as Material leaves it for an empty query ("键入以开始搜索",
# Taiwan's "打字進行搜尋").
EMPTY = (
    """() => /键入|鍵入|打字/.test(document.querySelector('.md-search-result__meta').textContent)"""
)
SETTLED = """q => document.querySelector('[data-md-component=search-query]').value === q
  && !/键入|鍵入|打字|正在|初始化/.test(document.querySelector('.md-search-result__meta').textContent)
  && !document.querySelector('.md-search-result__item:first-child [data-handbook-text]')"""


@dataclass
class Result:
    href: str
    score: float
    title: str  # HTML
    text: str  # HTML of the snippet, or ""
    missing: list[str]  # terms Material lists as missing from the section


def open_search(page: Any) -> Any:
    box = page.locator("input[data-md-component=search-query]")
    if not page.locator("#__search").is_checked():
        # on a phone the box opens from a button; on a desktop it is in the header
        page.locator("header label[for=__search]:visible").or_(box).first.click()
    return box


def search(page: Any, query: str, keyup: bool = True) -> list[list[Result]]:
    """Type the query into Material's search box (with a key's keyup, or as
    text pasted or committed by an IME, without one); every result group
    once all are shown."""
    box = open_search(page)
    if box.input_value():  # the last query's results must not pass for this one's
        box.fill("")
        box.press("End")
        page.wait_for_function(EMPTY)
    box.fill(query)
    if keyup:
        box.press("End")
    page.wait_for_function(SETTLED, arg=query)
    count = re.search(r"· (\d+) [页頁]", meta(page))
    items = page.locator(".md-search-result__item")
    wanted = int(count[1]) if count else 0
    deadline = time.monotonic() + SCROLL_LIMIT_S  # a guard: a list that never grows fails
    while items.count() < wanted:  # beyond ten, shown on scroll
        assert time.monotonic() < deadline, f"{items.count()} of {wanted} results after scrolling"
        scroll_results(page)
    page.wait_for_function(
        "() => !document.querySelector('.md-search-result__list [data-handbook-text]')"
    )
    groups = page.eval_on_selector_all(
        ".md-search-result__item",
        """items => items.map(item => [...item.querySelectorAll('a.md-search-result__link')].map(a => [
            a.href,
            parseFloat(a.firstElementChild.dataset.mdScore),
            a.querySelector('h1, h2').innerHTML,
            a.querySelector('p:not(.md-search-result__terms)')?.innerHTML || '',
            [...a.querySelectorAll('.md-search-result__terms del')].map(d => d.textContent),
        ]))""",
    )
    return [[Result(*link) for link in group] for group in groups]


def meta(page: Any) -> str:
    return page.locator(".md-search-result__meta").text_content() or ""
