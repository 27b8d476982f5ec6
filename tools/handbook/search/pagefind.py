"""Pagefind beside the handbook's search (`make bench --pagefind`): its index
of a built site, made two ways, and its answers through its own API."""

from __future__ import annotations

import asyncio
import re
import subprocess
from pathlib import Path
from typing import Any

from ..chars import HAN
from .queries import Corpus

BUNDLES = {"pagefind": "pagefind", "pagefind, a word per character": "pagefind-spaced"}
HAN_CHAR = re.compile(f"([{HAN}])")

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


def pagefind_pages(browser: Any, base: str, queries: list[str], engine: str) -> list[set[str]]:
    page = browser.new_page()
    page.goto(base + f"pagefind-bench.html?bundle={BUNDLES[engine]}")
    page.wait_for_function("window.ready")
    answers = [{u.lstrip("/") for u in page.evaluate("q => all(q)", q)} for q in queries]
    page.close()
    return answers
