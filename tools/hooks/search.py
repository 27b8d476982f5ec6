"""MkDocs hook: exact substring search for Chinese in place of Material's lunr.

Material's worker matches whole index tokens (segmented by jieba when that is
installed), so it misses parts of words and phrases across word boundaries
and over-matches on prefixes.
The handbook ships its own worker (docs/assets/javascripts/search-worker.js)
that requires every query term to occur verbatim in a section. This hook

* points each page's search configuration at that worker,
* rewrites search/search_index.json as plain-text UTF-8: no markup, no
  \\uXXXX escapes, no zero-width separators (which Material inserts if jieba
  happens to be installed),
* removes Material's now unused worker and lunr files,
* under the offline plugin, replaces the iframe-worker shim it would load from
  unpkg.com with the local file-worker shim, so no request leaves the disk.

Each patch checks that the pattern it replaces is there and fails the build
when it is not, so a Material upgrade cannot silently bring lunr back.
"""

from __future__ import annotations

import html
import json
import logging
import re
import shutil
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.search")

WORKER = "assets/javascripts/search-worker.js"
FILE_WORKER = "assets/javascripts/file-worker.js"
UNPKG_SHIM = "https://unpkg.com/iframe-worker/shim"
# The worker URL inside <script id="__config">: "search": "../assets/…/search.<hash>.min.js"
MATERIAL_WORKER = re.compile(
    r'("search":\s*")([^"]*?)assets/javascripts/workers/search\.\w+\.min\.js"'
)
INDEX_KEYS = {"config", "docs"}
DOC_KEYS = {"location", "title", "text"}
TAG = re.compile(r"<[^>]*>")
# Breaks between blocks keep a query from matching across paragraphs.
BLOCK_BREAK = re.compile(r"\s*\n\s*")
SPACES = re.compile(r"[ \t\r\f\v]+")


# After Material's plugins (priority 0), so the offline plugin's on_config has run.
@event_priority(-50)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    if offline is None or not offline.config.enabled:
        return config
    polyfills = config.extra.get("polyfills", [])
    if UNPKG_SHIM not in polyfills:
        raise PluginError(f"search hook: offline plugin no longer adds {UNPKG_SHIM}")
    config.extra["polyfills"] = [FILE_WORKER if p == UNPKG_SHIM else p for p in polyfills]
    return config


def use_handbook_worker(output: str, where: str) -> str:
    """Point the page's search configuration at the handbook's worker."""
    if 'id="__config"' not in output:
        return output
    patched, count = MATERIAL_WORKER.subn(rf'\1\2{WORKER}"', output)
    if count != 1:
        raise PluginError(f"search hook: {where}: Material's search worker URL not found")
    return patched


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return use_handbook_worker(output, page.file.src_uri)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return use_handbook_worker(output, template_name)


def plain_text(value: str) -> str:
    """The reader-visible text of an index field: markup and word separators gone."""
    text = html.unescape(TAG.sub("\n", value.replace("\u200b", "")))
    return BLOCK_BREAK.sub("\n", SPACES.sub(" ", text)).strip()


def rewrite_index(data: Any) -> dict[str, Any]:
    """The search index with plain-text fields, checked to be Material's shape."""
    if not isinstance(data, dict) or set(data) != INDEX_KEYS or not isinstance(data["docs"], list):
        raise PluginError("search hook: search_index.json is not {config, docs}")
    if not isinstance(data["config"].get("separator"), str):
        raise PluginError("search hook: search_index.json config has no separator")
    docs = []
    for doc in data["docs"]:
        if not isinstance(doc, dict) or not DOC_KEYS.issubset(doc):
            raise PluginError(f"search hook: index entry without {sorted(DOC_KEYS)}: {doc!r:.80}")
        docs.append({**doc, "title": plain_text(doc["title"]), "text": plain_text(doc["text"])})
    return {"config": data["config"], "docs": docs}


# Before the offline plugin (priority -100) inlines the index into search_index.js.
@event_priority(-50)
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    path = site / "search" / "search_index.json"
    if not path.is_file():
        raise PluginError(f"search hook: {path} was not written by the search plugin")
    before = path.stat().st_size
    data = rewrite_index(json.loads(path.read_text(encoding="utf-8")))
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    log.info("search index: %d → %d bytes", before, path.stat().st_size)
    for unused in ("assets/javascripts/workers", "assets/javascripts/lunr"):
        shutil.rmtree(site / unused, ignore_errors=True)
