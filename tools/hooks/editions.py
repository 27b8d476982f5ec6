"""MkDocs hook: the Simplified and the Traditional edition in one site.

`mkdocs build` builds the Simplified edition (the master text) at the site root;
when it is done, this hook builds the same docs again as the Traditional
edition under <site>/zh-Hant/, converting text on the way:

- config: site name, description, copyright, `extra`, theme and Markdown
  extension strings (palette toggle names, permalink titles);
- nav: section and link titles;
- pages: front matter values and Markdown text, never URLs, file names,
  `{#anchor}` / `{: #id }` attributes, code or HTML tags.

Each string is converted exactly once: the Traditional build starts from the
Simplified files, and this hook's events run after the other hooks' (lower
priority), so they see the final Simplified text.

Every page gets a language switch to its counterpart in the other edition,
`<link rel="alternate" hreflang>`, and `<html lang>` from a small language
partial (editions_theme/). A Traditional page that still holds a character
only Simplified Chinese uses is a build warning (an error under --strict).

Settings, in mkdocs.yml:

    extra:
      editions: !ENV [EDITIONS, zh-Hans zh-Hant]   # which editions to build
      hant:
        opencc: !ENV [HANT, s2tw]                  # s2tw, s2hk, s2t, s2twp
        overrides: source/hant-overrides.tsv       # relative to mkdocs.yml
        path: zh-Hant                              # the edition's URL path
"""

from __future__ import annotations

import logging
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from handbook.addresses import TRADITIONAL_DIR
from handbook.chars import HAN_CHAR
from handbook.errors import ConversionError
from handbook.hant import (
    DEFAULT_CONFIG,
    HantConverter,
    check_config,
    language_tag,
    simplified_only_characters,
)

# A logger under "mkdocs" so that warnings count towards --strict.
log = logging.getLogger("mkdocs.hooks.editions")

HANS, HANT = "zh-Hans", "zh-Hant"
NAMES = {HANS: "简体中文", HANT: "繁體中文"}
THEME_DIR = Path(__file__).parent / "editions_theme"

_STATE = "handbook_edition"  # config key holding this build's Edition
_REQUEST = "handbook_edition_request"  # set by the Simplified build on the nested one

# Strings in settings that name files or addresses, never text.
_NOT_TEXT_KEYS = {
    "alternate",
    "edition",
    "editions",
    "hant",
    "icon",
    "language",
    "template",
    "hide",
}
_NOT_TEXT = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/|\.{1,2}/)|\.(?:md|html?|txt|css|js|png|svg)$")


@dataclass
class Edition:
    code: str  # HANS or HANT
    path: str  # URL path of the edition's root, "" or "zh-Hant"
    lang: dict[str, str]  # BCP 47 tag of each edition's text
    paths: dict[str, str]  # URL path of each edition
    convert: Callable[[str], str] | None = None
    converter: HantConverter | None = None
    built: list[str] = field(default_factory=list)


# --- settings ---------------------------------------------------------------


def _settings(config: MkDocsConfig) -> tuple[list[str], str, Path | None, str]:
    extra = config.extra
    hant = extra.get("hant") or {}
    editions = str(extra.get("editions") or f"{HANS} {HANT}").replace(",", " ").split()
    unknown = [e for e in editions if e not in (HANS, HANT)]
    if unknown or not editions:
        raise PluginError(f"extra.editions: expected {HANS} and/or {HANT}, got {editions}")
    base = Path(config.config_file_path or ".").parent
    overrides = hant.get("overrides")
    return (
        editions,
        str(hant.get("opencc") or DEFAULT_CONFIG),
        base / overrides if overrides else None,
        str(hant.get("path") or TRADITIONAL_DIR).strip("/"),
    )


# --- events -----------------------------------------------------------------


@event_priority(100)  # before the search plugin reads the theme language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _STATE in config:  # already set up: never convert a config twice
        return config
    editions, opencc_config, overrides, path = _settings(config)
    request = config.get(_REQUEST)
    code = HANT if request or editions == [HANT] else HANS
    try:
        check_config(opencc_config)  # in every build; OpenCC itself starts for Hant only
    except ValueError as error:
        raise PluginError(f"Traditional edition: {error}") from error
    edition = Edition(
        code=code,
        path=path if code == HANT else "",
        lang={HANS: HANS, HANT: language_tag(opencc_config)},
        paths={HANS: "", HANT: path},
        built=editions,
    )
    config[_STATE] = edition
    config.extra["edition"] = code  # for templates: {% if config.extra.edition == "zh-Hant" %}
    _use_language_partials(config, edition)
    if code == HANS:
        config.extra["alternate"] = _alternates(edition)
        return config

    # Only the Traditional build loads OpenCC: the Simplified one needs none of it.
    try:
        converter = HantConverter(opencc_config, overrides)
    except ConversionError as error:
        raise PluginError(f"Traditional edition: {error}") from error
    edition.converter = converter
    edition.convert = converter.convert
    if request:
        config.site_url = request.get("site_url")
    else:  # only the Traditional edition: same place as in the full site
        config.site_dir = str(Path(config.site_dir) / path)
        if config.site_url:
            config.site_url = posixpath.join(config.site_url, path, "")
    for key in ("site_name", "site_description", "site_author", "copyright"):
        if isinstance(config.get(key), str):
            config[key] = converter.convert(config[key])
    _convert_values(config.extra, edition.convert)
    _convert_values(config.mdx_configs, edition.convert)
    for key in list(config.theme):
        if key not in _NOT_TEXT_KEYS:
            config.theme[key] = _convert_values(config.theme[key], edition.convert)
    config.extra["alternate"] = _alternates(edition)
    return config


@event_priority(-50)  # after other hooks have named the sections
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    edition = config[_STATE]
    if edition.convert:
        # Page titles are converted with the pages (on_page_markdown), not here.
        for item in _walk(nav.items):
            if isinstance(item, Section | Link) and item.title:
                item.title = edition.convert(item.title)
    return nav


@event_priority(-50)  # after other hooks have set the page's title
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    edition = config[_STATE]
    if not edition.convert:
        return markdown
    _convert_values(page.meta, edition.convert)
    if "title" in vars(page) and isinstance(page.title, str):  # set by nav or a hook
        page.title = edition.convert(page.title)
    return edition.converter.convert_markdown(markdown)


@event_priority(-50)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    edition = config[_STATE]
    output = _link_counterparts(output, page.url, edition)
    _check_script(output, page.file.src_uri, edition)
    return output


@event_priority(-50)
def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    _check_script(output, template_name, config[_STATE])
    return output


def _check_script(output: str, where: str, edition: Edition) -> None:
    if edition.code == HANT and (found := simplified_only_in_html(output)):
        log.warning(
            "Traditional edition, %s: Simplified-only characters %s",
            where,
            "".join(sorted(found)),
        )


@event_priority(-100)  # last: the Simplified edition is complete
def on_post_build(config: MkDocsConfig) -> None:
    edition = config[_STATE]
    if edition.code != HANS or HANT not in edition.built:
        return
    child = load_config(
        config_file=config.config_file_path,
        site_dir=str(Path(config.site_dir) / edition.paths[HANT]),
        strict=config.strict,
        use_directory_urls=config.use_directory_urls,
    )
    site_url = posixpath.join(config.site_url, edition.paths[HANT], "") if config.site_url else None
    child[_REQUEST] = {"site_url": site_url}
    child.plugins.on_startup(command="build", dirty=False)
    try:
        build(child)
    finally:
        child.plugins.on_shutdown()


# --- helpers ----------------------------------------------------------------


def _walk(items: list) -> Any:
    for item in items:
        yield item
        if isinstance(item, Section):
            yield from _walk(item.children)


def _convert_values(value: Any, convert: Callable[[str], str]) -> Any:
    """Convert the text strings in a settings or front-matter value, in place."""
    if isinstance(value, str):
        return convert(value) if HAN_CHAR.search(value) and not _NOT_TEXT.search(value) else value
    if isinstance(value, list):
        value[:] = [_convert_values(v, convert) for v in value]
    elif isinstance(value, dict):
        for key in value:
            if key not in _NOT_TEXT_KEYS:
                value[key] = _convert_values(value[key], convert)
    return value


def _use_language_partials(config: MkDocsConfig, edition: Edition) -> None:
    """Interface labels and <html lang> from editions_theme/partials/languages/."""
    language = config.theme["language"]
    if edition.code == HANT:
        config.theme["language"] = edition.lang[HANT]
    elif language == "zh":
        config.theme["language"] = HANS  # "zh" says nothing about the script
    else:
        return
    dirs = config.theme.dirs
    # After the project's own overrides, before Material's templates.
    at = 1 if config.theme.custom_dir and dirs and dirs[0] == config.theme.custom_dir else 0
    if str(THEME_DIR) not in dirs:
        dirs.insert(at, str(THEME_DIR))


def _alternates(edition: Edition) -> list[dict[str, str]]:
    """Material's language selector; links are made page-specific in on_post_page."""
    convert = edition.convert or str
    return [
        {
            "name": convert(NAMES[code]),
            "link": _relative(edition.path, edition.paths[code], ""),
            "lang": edition.lang[code],
        }
        for code in (HANS, HANT)
    ]


def _relative(from_root: str, to_root: str, url: str) -> str:
    """Link from page `url` of the edition at `from_root` to the same page at `to_root`."""
    here = posixpath.join("/", from_root, url)
    there = posixpath.join("/", to_root, url)
    base = here if here.endswith("/") else posixpath.dirname(here)
    link = posixpath.relpath(there, base)
    return link + "/" if there.endswith("/") and link != "." else ("./" if link == "." else link)


_TAG = re.compile(r"<(?:a|link)\b[^>]*>")
_ATTR = re.compile(r'\b(href|hreflang|rel|class)="([^"]*)"')


def _link_counterparts(output: str, url: str, edition: Edition) -> str:
    """Point the language switch and the hreflang links at this page's counterparts."""
    links = {
        edition.lang[code]: _relative(edition.path, edition.paths[code], url)
        for code in (HANS, HANT)
    }

    def fix(match: re.Match[str]) -> str:
        tag = match.group()
        attrs = dict(_ATTR.findall(tag))
        is_switch = "md-select__link" in attrs.get("class", "")
        if attrs.get("hreflang") not in links or not (is_switch or attrs.get("rel") == "alternate"):
            return tag
        tag = re.sub(r'\bhref="[^"]*"', f'href="{links[attrs["hreflang"]]}"', tag, count=1)
        if is_switch and "target=" not in tag:
            # Material's script would otherwise look the link up in a sitemap and
            # fall back to the edition's home page; the link is already exact.
            tag = tag.replace("<a ", '<a target="_self" ', 1)
        return tag

    return _TAG.sub(fix, output)


class _TextCollector(HTMLParser):
    """Text nodes and readable attributes, outside code, scripts and styles."""

    SKIP = frozenset({"code", "pre", "script", "style", "kbd", "samp"})
    READABLE = frozenset({"title", "alt", "aria-label", "placeholder", "content"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self._skip += 1
        self.texts.extend(v for k, v in attrs if k in self.READABLE and v)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.texts.append(data)


def html_texts(document: str) -> list[str]:
    """Readable text of an HTML document (text nodes, titles, alt texts …)."""
    parser = _TextCollector()
    parser.feed(document)
    parser.close()
    return [unescape(t) for t in parser.texts]


def simplified_only_in_html(document: str) -> set[str]:
    """Simplified-only characters in the readable text of an HTML document."""
    simplified_only = simplified_only_characters()
    if simplified_only.isdisjoint(document):  # the usual case, decided in C
        return set()
    return {c for text in html_texts(document) for c in text if c in simplified_only}
