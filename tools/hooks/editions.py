"""MkDocs hook: the Simplified and the Traditional edition in one site.

The Simplified edition is built at the site's root, then the Traditional one
under zh-Hant/, its text converted with OpenCC; every page links to its
counterpart. The work is done in handbook.mkdocs_editions (settings and
defaults in handbook.editions, what is converted in handbook.traditional);
this hook hands it MkDocs' events, after the other hooks' (so they see the
final Simplified text).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from handbook.mkdocs_editions import Editions

EDITIONS = Editions(theme_dir=Path(__file__).parent / "editions_theme")


@event_priority(100)  # before the search plugin reads the theme language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    return EDITIONS.start(config)


@event_priority(-50)  # after other hooks have named the sections
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    EDITIONS.of(config).convert_nav(nav)
    return nav


@event_priority(-50)  # after other hooks have set the page's title
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return EDITIONS.of(config).page_markdown(markdown, page)


@event_priority(-50)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return EDITIONS.of(config).post_page(output, page.url, page.file.src_uri)


@event_priority(-50)
def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    EDITIONS.of(config).check(output, template_name)
    return output


@event_priority(-100)  # last: the Simplified edition is complete
def on_post_build(config: MkDocsConfig) -> None:
    EDITIONS.build_traditional(config)
