"""What the Traditional edition converts in a site, and how its pages link
to their counterparts, whatever builds the site.

- `convert_values`: the text strings of settings and front matter, never
  URLs, file names or settings that name things;
- `interface_wording`: the site's own words (menus, buttons, link titles)
  as Taiwan writes them, for the zh-Hant-TW edition;
- `alternates` and `link_counterparts`: the language switch and the
  hreflang links, pointed at the same page in the other edition, the
  current edition marked;
- `quiet_language_selector`: Material's script without its sitemap look-ups;
- `simplified_only_in_html`: the Simplified-only characters left in the
  readable text of a built page (`built_site.html_texts`).
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Callable
from typing import Any

from .addresses import counterpart
from .built_site import html_texts
from .chars import HAN_CHAR
from .editions import NAMES, REGION_TAGS, Edition
from .hant.usage import UsageRule, in_usage

TAIWAN_TAG = REGION_TAGS["tw"]

# Keys whose strings name files, addresses or settings, never text.
NOT_TEXT_KEYS = frozenset(
    {"alternate", "edition", "editions", "hant", "icon", "language", "template", "hide"}
)
# Addresses and file names, left as written: a URL (a scheme, then no space:
# `https://例.org/`), a path, a file. `title: 学习` is text, not a URL.
NOT_TEXT = re.compile(r"^(?:[a-z][a-z0-9+.-]*:\S*$|/|\.{1,2}/)|\.(?:md|html?|txt|css|js|png|svg)$")


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


# Interface strings only (the text keeps the words its author chose): words
# OpenCC's s2tw leaves as the mainland writes them, each with an interface
# string of the site holding it, in Simplified.
TAIWAN_WORDING = (
    UsageRule("打印", "列印", "下载 PDF 打印版", "Taiwan prints 列印"),
    UsageRule("鏈接", "連結", "本节链接", "a link is a 連結"),
    UsageRule("切換到", "切換至", "切换到深色模式", "a menu switches 至"),
    UsageRule("搜索", "搜尋", "搜索全书", "Taiwan searches with 搜尋"),
    UsageRule("默認", "預設", "默认字号", "a default is 預設"),
    UsageRule("設置", "設定", "阅读设置", "settings are 設定"),
    UsageRule("菜單", "選單", "打开菜单", "a menu is a 選單"),
    UsageRule("圖標", "圖示", "语言图标", "an icon is a 圖示"),
    UsageRule("信息", "資訊", "页面信息", "information is 資訊"),
)


def interface_wording(converted: str, lang: str) -> str:
    """An interface string already converted to Traditional characters, in
    the edition's wording: Taiwan's for zh-Hant-TW (下載 PDF 列印版, 本節連結),
    OpenCC's as it is for the other Traditional editions. The text's own
    usage and quotation marks are the converter's (hant.usage)."""
    return in_usage(converted, TAIWAN_WORDING) if lang == TAIWAN_TAG else converted


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


# The tags link_counterparts may change: links with an hreflang.
TAG = re.compile(r"<(?:a|link)\b[^>]*\bhreflang=\"[^>]*>")
HREFLANG = 'hreflang="'
ATTRIBUTE = re.compile(r'\b(href|hreflang|rel|class)="([^"]*)"')


def link_counterparts(
    output: str, url: str, here: Edition, editions: list[Edition], site_url: str = ""
) -> str:
    """Point the language switch and the hreflang links of page `url` at its
    counterparts in every edition, and mark the switch's current edition.
    The hreflang links are absolute when the site's address (`site_url`, the
    root of the whole site) is known, as search engines require."""
    links = {e.lang: counterpart(url, here.path, e.path) for e in editions}
    published = {
        e.lang: posixpath.join(site_url, e.path, url) if site_url else links[e.lang]
        for e in editions
    }

    def fix(match: re.Match[str]) -> str:
        tag = match.group()
        attrs = dict(ATTRIBUTE.findall(tag))
        lang = attrs.get("hreflang")
        is_switch = "md-select__link" in attrs.get("class", "")
        if lang not in links or not (is_switch or attrs.get("rel") == "alternate"):
            return tag
        href = links[lang] if is_switch else published[lang]
        tag = re.sub(r'\bhref="[^"]*"', f'href="{href}"', tag, count=1)
        if is_switch and "target=" not in tag:
            # The link is exact: Material's script must not look it up (it
            # would fall back to the edition's home page), reading.js keeps
            # the reader's place.
            tag = tag.replace("<a ", '<a target="_self" ', 1)
        if is_switch and lang == here.lang:
            tag = tag.replace("<a ", '<a aria-current="true" ', 1)
        return tag

    # The tags found from their hreflang attributes (a few a page, the page
    # tens of kilobytes): each in the stretch between the '>' before the
    # attribute and the one after it, where TAG's match holding it must lie.
    pieces, done = [], 0
    at = output.find(HREFLANG)
    while at >= 0:
        end = output.find(">", at) + 1
        match = TAG.search(output, output.rfind(">", 0, at) + 1, end) if end else None
        if match:
            pieces += [output[done : match.start()], fix(match)]
            done = match.end()
        at = output.find(HREFLANG, max(end, at + 1))
    return "".join(pieces) + output[done:] if pieces else output


# Material's script fetches sitemap.xml beside every hreflang link's target
# to rewrite the language switch, which link_counterparts has already made
# exact: a request per page for a file that is not there (or, with absolute
# hreflang links, on another host). Its selector is made to match nothing.
LANGUAGE_SELECTOR_LOOKUP = '"link[rel=alternate]"'
NO_LOOKUP = '"link[rel=alternate][data-handbook-none]"'


def quiet_language_selector(bundle: str) -> str:
    """Material's bundle without the language selector's sitemap look-ups.
    Raises ValueError if the bundle no longer has the one place to change."""
    if bundle.count(LANGUAGE_SELECTOR_LOOKUP) != 1:
        raise ValueError(f"Material's bundle has no single {LANGUAGE_SELECTOR_LOOKUP}")
    return bundle.replace(LANGUAGE_SELECTOR_LOOKUP, NO_LOOKUP)


# A script or style element, which built_site.html_texts skips too: `<script>…</script>`.
SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.S | re.I)


@functools.cache
def simplified_only_or_astral() -> re.Pattern[str]:
    """The Simplified-only characters of the Basic Multilingual Plane and every
    character beyond it, as one character class: searched in C, faster than a
    set's look-up of each character (a class holding the Simplified-only
    characters of other planes one by one is not; their one range is)."""
    from .hant import simplified_only_characters  # loads OpenCC's tables: Traditional builds only

    in_plane = sorted(c for c in simplified_only_characters() if ord(c) <= 0xFFFF)
    return re.compile(f"[{''.join(map(re.escape, in_plane))}\U00010000-\U0010ffff]")


def simplified_only_in_html(document: str) -> set[str]:
    """Simplified-only characters in the readable text of an HTML document."""
    from .hant import simplified_only_characters

    # The usual case, decided in C: none outside the page's scripts and styles
    # (the search's script holds both editions' words), and no character
    # beyond the plane, where the class cannot tell.
    if not simplified_only_or_astral().search(SCRIPT_OR_STYLE.sub("", document)):
        return set()
    simplified_only = simplified_only_characters()
    return {c for text in html_texts(document) for c in text if c in simplified_only}
