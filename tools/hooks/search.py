"""MkDocs hook: the handbook's exact search in place of Material's lunr; the
work is done by handbook.search, which this hook hands each page and the site."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from handbook.search import SearchIndex, SearchSettings, material, sections_of

log = logging.getLogger("mkdocs.hooks.search")
STATE = "handbook_search"  # config key: this build's index, and whether it is offline


# After Material's plugins (priority 0): the offline plugin's on_config has
# run, and the search plugin's index, which stop_indexing empties, is made.
@event_priority(-50)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    offline = offline is not None and offline.config.enabled
    try:
        config[STATE] = SearchIndex(SearchSettings.from_config(config.extra.get("search"))), offline
        material.stop_indexing(config.plugins)
        if offline:
            config.extra["polyfills"] = material.without_unpkg_shim(config.extra["polyfills"])
    except (ValueError, material.MaterialChanged) as error:
        raise PluginError(f"search: {error}") from error
    return config


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    title = page.title or ""
    sections = sections_of(page.content or "", str(page.meta.get("title", title)))
    config[STATE][0].add_page(page.file.src_uri, page.url, title, page.meta, sections)
    return on_post_template(output, page.file.src_uri, config)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    try:
        return material.patch_page(output, template_name)
    except material.MaterialChanged as error:
        raise PluginError(f"search: {error}") from error


# Before the offline plugin (priority -100) turns the stub into search_index.js.
@event_priority(-50)
def on_post_build(config: MkDocsConfig) -> None:
    index, offline = config[STATE]
    try:
        written = material.finish_site(Path(config.site_dir), index, as_scripts=offline)
    except material.MaterialChanged as error:
        raise PluginError(f"search: {error}") from error
    log.info("search index: %s bytes", ", ".join(f"{k} {v}" for k, v in written.items()))
