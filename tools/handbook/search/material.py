"""Material for MkDocs' side of the search: what the hook patches, checked.

Material keeps its search box and result list; the handbook swaps its lunr
worker for docs/assets/javascripts/search-worker.js, which speaks the same
messages. Material's search plugin stays configured (its templates show the
box only then) but reads no page: the handbook reads each page's sections
itself (sections.py), and the plugin's search/search_index.json is a stub,
fetched only when search starts. Each patch checks that what it replaces is
there, so a Material upgrade fails the build instead of silently bringing
lunr back, indexing every page twice or loading search with every page.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
from pathlib import Path
from typing import Any

from .index import SearchIndex

WORKER = "assets/javascripts/search-worker.js"
PAGE_SCRIPT = Path(__file__).with_name("page.js")  # inlined into every page
UNPKG_SHIM = "https://unpkg.com/iframe-worker/shim"
INDEX = Path("search") / "search_index.json"
UNUSED = ("assets/javascripts/workers", "assets/javascripts/lunr")
# The worker URL inside <script id="__config">: "search": "../assets/…/search.<hash>.min.js"
MATERIAL_WORKER = re.compile(
    r'("search":\s*")([^"]*?)assets/javascripts/workers/search\.\w+\.min\.js"'
)
BUNDLE_SCRIPT = re.compile(r'<script src="[^"]*assets/javascripts/bundle\.\w+\.min\.js"></script>')
# In Material's bundle: set search up at once, or (on file://) when the reader
# opens it. The patch makes every page wait for the reader.
SETUP_AT_ONCE = re.compile(r'([\w$]+)\(location\.protocol!=="file:"\),([\w$]+)\("search"\)')
INDEX_KEYS = {"config", "docs"}
PLUGIN = "material/search"  # the name Material's templates look for


class MaterialChanged(Exception):
    """What a patch expected to find in Material's output is not there."""


@functools.cache
def page_script() -> str:
    script = PAGE_SCRIPT.read_text(encoding="utf-8")
    if "</script" in script:
        raise MaterialChanged(f"{PAGE_SCRIPT.name} must not contain </script")
    return script


def patch_page(output: str, where: str) -> str:
    """Point a page's search configuration at the handbook's worker and put
    the handbook's search script before Material's bundle (both follow the
    configuration, at the page's end)."""
    at = output.rfind('<script id="__config"')
    if at == -1:
        return output
    tail, workers = MATERIAL_WORKER.subn(rf'\1\2{WORKER}"', output[at:])
    tail, bundles = BUNDLE_SCRIPT.subn(lambda m: f"<script>{page_script()}</script>{m[0]}", tail)
    if workers != 1 or bundles != 1:
        raise MaterialChanged(f"{where}: Material's search worker URL or bundle script not found")
    return output[:at] + tail


def without_unpkg_shim(polyfills: list[str]) -> list[str]:
    """The offline plugin's polyfills without the shim it would fetch from
    unpkg.com: the handbook's page script runs search from disk itself."""
    if UNPKG_SHIM not in polyfills:
        raise MaterialChanged(f"the offline plugin no longer adds {UNPKG_SHIM}")
    return [p for p in polyfills if p != UNPKG_SHIM]


def patch_bundle(site: Path) -> None:
    """Make Material's bundle set search up when the reader opens it, on
    every protocol, as it already does on file://."""
    bundles = list((site / "assets" / "javascripts").glob("bundle.*.min.js"))
    if len(bundles) != 1:
        raise MaterialChanged(f"expected one Material bundle, found {len(bundles)}")
    code = bundles[0].read_text(encoding="utf-8")

    def wait(match: re.Match[str]) -> str:
        head, tail = f"{match[1]}(!1", f'),{match[2]}("search")'
        return (
            head + " " * (len(match[0]) - len(head) - len(tail)) + tail
        )  # the source map still fits

    patched, count = SETUP_AT_ONCE.subn(wait, code)
    if count != 1:
        raise MaterialChanged(f"{bundles[0].name}: search set-up on page load not found")
    bundles[0].write_text(patched, encoding="utf-8")


def stop_indexing(plugins: Any) -> None:
    """Keep Material's search plugin (MkDocs' configured `plugins`) from
    reading pages: after its on_config, its index takes no entries, and the
    file it writes holds its configuration and no documents."""
    index = getattr(plugins.get(PLUGIN), "search_index", None)
    if not callable(getattr(index, "add_entry_from_context", None)):
        raise MaterialChanged(f"the {PLUGIN} plugin has no search_index.add_entry_from_context")
    index.add_entry_from_context = lambda page: None


def read_index(site: Path) -> dict[str, Any]:
    """The configuration in Material's search index, which must hold no documents."""
    path = site / INDEX
    if not path.is_file():
        raise MaterialChanged(f"{path} was not written by the search plugin")
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or set(data) != INDEX_KEYS or not isinstance(data["docs"], list):
        raise MaterialChanged("search_index.json is not {config, docs}")
    if data["docs"]:
        raise MaterialChanged("the search plugin indexed pages: stop_indexing no longer works")
    return data["config"]


def write_stub(site: Path, config: dict[str, Any]) -> None:
    """Material's index file with no documents: its bundle fetches it when
    search starts and hands it to the worker, which reads its own index."""
    stub = {"config": config, "docs": []}
    (site / INDEX).write_text(json.dumps(stub, ensure_ascii=False), encoding="utf-8")


def finish_site(site: Path, index: SearchIndex, as_scripts: bool) -> dict[str, int]:
    """After the build: the handbook's index, Material's left as a stub, its
    bundle patched, its worker and lunr removed; the bytes of each part of
    the index."""
    written = index.write(site / INDEX.parent, as_scripts=as_scripts)
    write_stub(site, read_index(site))
    patch_bundle(site)
    for unused in UNUSED:
        shutil.rmtree(site / unused, ignore_errors=True)
    return written
