"""Both editions in one MkDocs build, for the hook tools/hooks/editions.py.

`mkdocs build` builds the Simplified edition (the master text) at the site's
root; when it is done, the Traditional edition is built from the same docs
under <site>/zh-Hant/, converting text on the way: settings (site name,
`extra`, theme and Markdown extension strings), navigation titles, front
matter and Markdown text, never URLs, anchors, code or tags. Each string is
converted exactly once: the Traditional build starts from the Simplified
files, and the hook's events run after the other hooks'.

Every page gets a language switch to its counterpart, `<link rel="alternate"
hreflang>`, and `<html lang>` from a small language partial. A Traditional
page that still holds a Simplified-only character is a build warning (an
error under --strict).

Each build's state is an `EditionBuild`; `Editions` keeps the builds under
way (the Traditional build runs inside the Simplified one's last event).
What is converted and how pages link is MkDocs-independent: `editions`,
`traditional`, `hant`.
"""

from __future__ import annotations

import logging
import posixpath
from collections.abc import Iterator
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from .editions import HANS, HANT, EditionSettings
from .errors import ConversionError
from .traditional import (
    NOT_TEXT_KEYS,
    alternates,
    convert_values,
    interface_wording,
    link_counterparts,
    quiet_language_selector,
    simplified_only_in_html,
)

# A logger under "mkdocs" so that warnings count towards --strict.
log = logging.getLogger("mkdocs.hooks.editions")


class EditionBuild:
    """One build of one edition: its settings, its edition, its converter."""

    def __init__(
        self, config: MkDocsConfig, theme_dir: Path, nested_site_url: str | None = None
    ) -> None:
        from .hant import HantConverter, check_config

        base = Path(config.config_file_path or ".").parent
        try:
            self.settings = EditionSettings.from_extra(config.extra, base)
            check_config(self.settings.opencc)  # every build; OpenCC itself starts for Hant only
        except ValueError as error:
            raise PluginError(f"Traditional edition: {error}") from error
        nested = nested_site_url is not None
        code = HANT if nested or self.settings.editions == (HANT,) else HANS
        self.config = config
        self.site_url = config.site_url or ""  # the whole site's root, before it is nested
        self.edition = self.settings.edition(code)
        self.editions = self.settings.all
        self.converter = None
        config.extra["edition"] = code  # for templates: {% if config.extra.edition == "zh-Hant" %}
        self._use_language_partials(theme_dir)
        if code == HANT:
            try:
                self.converter = HantConverter(self.settings.opencc, self.settings.overrides)
            except ConversionError as error:
                raise PluginError(f"Traditional edition: {error}") from error
            self._convert_config(nested_site_url if nested else None, nested)
        convert = self.converter.convert if self.converter else str
        config.extra["alternate"] = alternates(self.edition, self.editions, convert)

    def interface(self, text: str) -> str:
        """An interface string (setting, menu, link title) in the edition's
        script and wording."""
        return interface_wording(self.converter.convert(text), self.edition.lang)

    def _convert_config(self, site_url: str | None, nested: bool) -> None:
        config, convert = self.config, self.interface
        if nested:
            config.site_url = site_url or None
        else:  # only the Traditional edition: same place as in the full site
            config.site_dir = str(Path(config.site_dir) / self.edition.path)
            if config.site_url:
                config.site_url = posixpath.join(config.site_url, self.edition.path, "")
        for key in ("site_name", "site_description", "site_author", "copyright"):
            if isinstance(config.get(key), str):
                config[key] = convert(config[key])
        convert_values(config.extra, convert)
        convert_values(config.mdx_configs, convert)
        for key in list(config.theme):
            if key not in NOT_TEXT_KEYS:
                config.theme[key] = convert_values(config.theme[key], convert)

    def _use_language_partials(self, theme_dir: Path) -> None:
        """Interface labels and <html lang> from editions_theme/partials/languages/."""
        theme = self.config.theme
        if self.edition.code == HANT:
            theme["language"] = self.edition.lang
        elif theme["language"] == "zh":
            theme["language"] = HANS  # "zh" says nothing about the script
        else:
            return
        dirs = theme.dirs
        # After the project's own overrides, before Material's templates.
        at = 1 if theme.custom_dir and dirs and dirs[0] == theme.custom_dir else 0
        if str(theme_dir) not in dirs:
            dirs.insert(at, str(theme_dir))

    def convert_nav(self, nav: Navigation) -> None:
        """Section and link titles; page titles are converted with the pages."""
        if self.converter:
            for item in walk(nav.items):
                if isinstance(item, Section) and item.title:  # a collection's title: text
                    item.title = self.converter.convert(item.title)
                elif isinstance(item, Link) and item.title:  # the site's own link
                    item.title = self.interface(item.title)

    def page_markdown(self, markdown: str, page: Page) -> str:
        if not self.converter:
            return markdown
        # The front matter's texts and the title, found, then converted with
        # the Markdown in one call, then put back in the same order.
        strings: list[str] = []
        convert_values(page.meta, lambda text: strings.append(text) or text)
        titled = "title" in vars(page) and isinstance(page.title, str)  # set by nav or a hook
        markdown, converted = self.converter.convert_page(
            markdown, [*strings, page.title] if titled else strings
        )
        forms = iter(converted)
        convert_values(page.meta, lambda text: next(forms))
        if titled:  # of the same type: an escaped title (navigation.EscapedText) stays one
            page.title = type(page.title)(next(forms))
        return markdown

    def post_page(self, output: str, url: str, where: str) -> str:
        output = link_counterparts(output, url, self.edition, self.editions, self.site_url)
        self.check(output, where)
        return output

    def check(self, output: str, where: str) -> None:
        """Warn of Simplified-only characters left in a Traditional page."""
        if self.edition.code == HANT and (found := simplified_only_in_html(output)):
            chars = "".join(sorted(found))
            log.warning("Traditional edition, %s: Simplified-only characters %s", where, chars)

    def finish(self) -> None:
        """After the edition is written: Material's script without the
        language selector's sitemap look-ups."""
        for bundle in (Path(self.config.site_dir) / "assets" / "javascripts").glob("bundle.*.js"):
            try:
                bundle.write_text(quiet_language_selector(bundle.read_text(encoding="utf-8")))
            except ValueError as error:
                raise PluginError(f"editions: {bundle.name}: {error}") from error

    def traditional_config(self) -> tuple[MkDocsConfig, str | None] | None:
        """The nested Traditional build's config and site URL, when this
        Simplified build is to be followed by one."""
        if self.edition.code != HANS or HANT not in self.settings.editions:
            return None
        path, config = self.settings.path, self.config
        child = load_config(
            config_file=config.config_file_path,
            site_dir=str(Path(config.site_dir) / path),
            strict=config.strict,
            use_directory_urls=config.use_directory_urls,
        )
        return child, posixpath.join(config.site_url, path, "") if config.site_url else ""


class Editions:
    """The edition builds under way in this process, each found by its config."""

    def __init__(self, theme_dir: Path) -> None:
        self.theme_dir = theme_dir
        self._builds: list[EditionBuild] = []
        self._nested_site_url: str | None = None  # set while a nested build starts

    def start(self, config: MkDocsConfig) -> MkDocsConfig:
        if any(b.config is config for b in self._builds):  # never convert a config twice
            return config
        nested, self._nested_site_url = self._nested_site_url, None
        if nested is None:
            self._builds.clear()  # a new top-level build: earlier ones are over
        self._builds.append(EditionBuild(config, self.theme_dir, nested))
        return config

    def of(self, config: MkDocsConfig) -> EditionBuild:
        return next(b for b in reversed(self._builds) if b.config is config)

    def build_traditional(self, config: MkDocsConfig) -> None:
        """After the Simplified build, the Traditional one under its path."""
        self.of(config).finish()
        planned = self.of(config).traditional_config()
        if planned is None:
            return
        child, site_url = planned
        self._nested_site_url = site_url
        child.plugins.on_startup(command="build", dirty=False)
        try:
            build(child)
        finally:
            child.plugins.on_shutdown()


def walk(items: list) -> Iterator:
    for item in items:
        yield item
        if isinstance(item, Section):
            yield from walk(item.children)
