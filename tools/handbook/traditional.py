"""What the Traditional edition converts in a site, and how its pages link
to their counterparts, whatever builds the site.

- `convert_values`: the text strings of settings and front matter, never
  URLs, file names or settings that name things;
- `alternates` and `link_counterparts`: the language switch and the
  hreflang links, pointed at the same page in the other edition;
- `html_texts` and `simplified_only_in_html`: the readable text of a built
  page, and the Simplified-only characters left in it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from html.parser import HTMLParser
from typing import Any

from .addresses import counterpart
from .chars import HAN_CHAR
from .editions import NAMES, Edition

# Keys whose strings name files, addresses or settings, never text.
NOT_TEXT_KEYS = frozenset(
    {"alternate", "edition", "editions", "hant", "icon", "language", "template", "hide"}
)
NOT_TEXT = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/|\.{1,2}/)|\.(?:md|html?|txt|css|js|png|svg)$")


def convert_values(value: Any, convert: Callable[[str], str]) -> Any:
    """Convert the text strings in a settings or front-matter value, in place."""
    if isinstance(value, str):
        return convert(value) if HAN_CHAR.search(value) and not NOT_TEXT.search(value) else value
    if isinstance(value, list):
        value[:] = [convert_values(v, convert) for v in value]
    elif isinstance(value, dict):
        for key in value:
            if key not in NOT_TEXT_KEYS:
                value[key] = convert_values(value[key], convert)
    return value


def alternates(
    here: Edition, editions: list[Edition], convert: Callable[[str], str] = str
) -> list[dict[str, str]]:
    """Material's language selector (`extra.alternate`) for the edition `here`;
    `link_counterparts` makes its links page-specific."""
    return [
        {
            "name": convert(NAMES[edition.code]),
            "link": counterpart("", here.path, edition.path),
            "lang": edition.lang,
        }
        for edition in editions
    ]


TAG = re.compile(r"<(?:a|link)\b[^>]*>")
ATTRIBUTE = re.compile(r'\b(href|hreflang|rel|class)="([^"]*)"')


def link_counterparts(output: str, url: str, here: Edition, editions: list[Edition]) -> str:
    """Point the language switch and the hreflang links of page `url` at its
    counterparts in every edition."""
    links = {e.lang: counterpart(url, here.path, e.path) for e in editions}

    def fix(match: re.Match[str]) -> str:
        tag = match.group()
        attrs = dict(ATTRIBUTE.findall(tag))
        is_switch = "md-select__link" in attrs.get("class", "")
        if attrs.get("hreflang") not in links or not (is_switch or attrs.get("rel") == "alternate"):
            return tag
        tag = re.sub(r'\bhref="[^"]*"', f'href="{links[attrs["hreflang"]]}"', tag, count=1)
        if is_switch and "target=" not in tag:
            # Material's script would otherwise look the link up in a sitemap and
            # fall back to the edition's home page; the link is already exact.
            tag = tag.replace("<a ", '<a target="_self" ', 1)
        return tag

    return TAG.sub(fix, output)


# A script or style element, which TextCollector skips too: `<script>…</script>`.
SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.S | re.I)


class TextCollector(HTMLParser):
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
    parser = TextCollector()
    parser.feed(document)
    parser.close()
    return [unescape(t) for t in parser.texts]


def simplified_only_in_html(document: str) -> set[str]:
    """Simplified-only characters in the readable text of an HTML document."""
    from .hant import simplified_only_characters  # loads OpenCC's tables: Traditional builds only

    simplified_only = simplified_only_characters()
    # The usual case, decided in C: none outside the page's scripts and styles
    # (the search's script holds both editions' words).
    if simplified_only.isdisjoint(SCRIPT_OR_STYLE.sub("", document)):
        return set()
    return {c for text in html_texts(document) for c in text if c in simplified_only}
