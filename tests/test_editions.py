"""Both editions in one site: `mkdocs build --strict` of a small fixture site
(and of the handbook itself once mkdocs.yml registers the editions hook)."""

from __future__ import annotations

import json
import posixpath
import re
import subprocess
from pathlib import Path

import pytest
from support import OVERRIDES, ROOT, SITE_URL, mkdocs_build

from handbook.built_site import html_texts
from handbook.editions import HANS, HANT, Edition, EditionSettings, built_editions
from handbook.hant import HantConverter, simplified_only_characters

HOOK = ROOT / "tools" / "hooks" / "editions.py"

MKDOCS_YML = f"""\
site_name: 群众路线学习手册
site_description: 党的群众路线学习材料汇编
site_url: https://example.org/handbook/
strict: true
theme:
  name: material
  language: zh
  font: false
  palette:
    - toggle:
        icon: material/weather-night
        name: 切换到深色模式
plugins:
  - search
markdown_extensions:
  - attr_list
  - toc:
      permalink: "#"
      permalink_title: 本节链接
nav:
  - 首页: index.md
  - 学习材料:
      - mass/index.md
      - 第一篇 好干部: mass/essay-01.md
  - 相关链接: https://example.org/群众/
hooks:
  - {HOOK}
extra_css:
  - assets/stylesheets/editions.css
extra:
  editions: !ENV EDITIONS
  hant:
    opencc: !ENV HANT
    overrides: {OVERRIDES}
"""

PAGES = {
    "index.md": "---\ntitle: 首页\ndescription: 我们党群众路线内容\n---\n"
    "# 我们党群众路线内容\n\n- [第一篇 好干部](mass/essay-01.md)\n",
    "mass/index.md": "---\ntitle: 群众路线\n---\n# 群众路线\n\n[第一篇](essay-01.md)\n",
    "mass/essay-01.md": "---\ntitle: 一名好干部\nsubtitle: 田局——群众路线是生命线\n"
    "authors:\n- name: 贺同新\n  role: 发言\nsource:\n  file: 群众路线.txt\n---\n"
    "# 一名好干部\n\n## 一、了解群众 {#s1 }\n\n"
    "一名好干部，十不准，对象更复杂，显著标志，信息发布。\n{: #p1 }\n\n"
    "见[上一节](#s1)和[首页](../index.md)，代码 `里面 发` 不变。\n{: #p2 }\n",
}


def build(site: Path, out: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return mkdocs_build(site, out, check=False, **env)


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("editions")
    (site / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    for name, text in PAGES.items():
        (site / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (site / "docs" / name).write_text(text, encoding="utf-8")
    css = site / "docs" / "assets" / "stylesheets" / "editions.css"
    css.parent.mkdir(parents=True)
    css.write_text((ROOT / "docs/assets/stylesheets/editions.css").read_text(), encoding="utf-8")
    return site


@pytest.fixture(scope="module")
def built(fixture_site: Path) -> Path:
    out = fixture_site / "site"
    result = build(fixture_site, out)
    assert result.returncode == 0, result.stderr
    return out


def pages(site: Path) -> list[Path]:
    """HTML pages of the Simplified edition, relative to the site root."""
    return sorted(
        p.relative_to(site)
        for p in site.rglob("*.html")
        if "zh-Hant" not in p.parts and "assets" not in p.parts
    )


def tags(html: str, pattern: str) -> list[dict[str, str]]:
    return [dict(re.findall(r'([\w-]+)="([^"]*)"', t)) for t in re.findall(pattern, html)]


def resolve(page: Path, href: str) -> str:
    """Site-root path a relative link on `page` points to."""
    base = posixpath.dirname("/" + page.as_posix())
    target = posixpath.normpath(posixpath.join(base, href))
    return target.rstrip("/") + ("/" if href.endswith("/") or href in (".", "./") else "")


def counterpart(page: Path, to_hant: bool) -> str:
    url = ("/" + page.as_posix().removesuffix("index.html")).removeprefix("/zh-Hant")
    return "/zh-Hant" + url if to_hant else url


def check_editions(site: Path, converter: HantConverter, site_url: str) -> None:
    simplified = pages(site)
    assert simplified
    simplified_only = simplified_only_characters()
    for page in simplified:
        hant = Path("zh-Hant") / page
        for here, is_hant in ((page, False), (hant, True)):
            html = (site / here).read_text(encoding="utf-8")
            lang = re.search(r'<html lang="([^"]+)"', html).group(1)
            assert lang == ("zh-Hant-TW" if is_hant else "zh-Hans"), here
            if page.name == "404.html":
                continue
            switch = tags(html, r"<a [^>]*md-select__link[^>]*>")
            alternates = tags(html, r'<link rel="alternate"[^>]*hreflang[^>]*>')
            expected = {
                "zh-Hans": counterpart(here, to_hant=False),
                "zh-Hant-TW": counterpart(here, to_hant=True),
            }
            # the switch links relatively (it works from disk too) and marks
            # the reader's edition; search engines need absolute hreflang links
            assert {a["hreflang"]: resolve(here, a["href"]) for a in switch} == expected, here
            current = [a["hreflang"] for a in switch if a.get("aria-current") == "true"]
            assert current == ["zh-Hant-TW" if is_hant else "zh-Hans"], here
            published = {lang: site_url.rstrip("/") + path for lang, path in expected.items()}
            assert {a["hreflang"]: a["href"] for a in alternates} == published, here
            if is_hant:
                found = {c for t in html_texts(html) for c in t if c in simplified_only}
                assert not found, f"{here}: {''.join(sorted(found))}"
        if page.name == "404.html":
            continue
        # Converted exactly once: the Traditional <title> and headings are the
        # Simplified ones converted, not converted twice, not left as they were.
        # (the permalink's title is interface, in Taiwan's wording: left out)
        permalink = re.compile(r'<a class="headerlink"[^>]*>#</a>')
        hans_html = permalink.sub("", (site / page).read_text(encoding="utf-8"))
        hant_html = permalink.sub("", (site / hant).read_text(encoding="utf-8"))
        for pattern in (r"<title>(.*?)</title>", r"<h1[^>]*>(.*?)</h1>"):
            hans_text = re.findall(pattern, hans_html, re.S)
            assert re.findall(pattern, hant_html, re.S) == [converter.convert(t) for t in hans_text]
    # The Traditional search index: text outside code is Traditional.
    index = json.loads((site / "zh-Hant/search/search_index.json").read_text("utf-8"))
    for doc in index["docs"]:
        texts = html_texts(doc["title"]) + html_texts(doc["text"])
        found = {c for t in texts for c in t if c in simplified_only}
        assert not found, f"search index, {doc['location']}: {''.join(sorted(found))}"


def test_fixture_site_builds_both_editions(built: Path) -> None:
    check_editions(built, HantConverter("s2tw", OVERRIDES), "https://example.org/handbook/")


def test_text_is_converted_and_machinery_is_not(built: Path) -> None:
    hans = (built / "mass/essay-01/index.html").read_text(encoding="utf-8")
    html = (built / "zh-Hant/mass/essay-01/index.html").read_text(encoding="utf-8")
    assert "一名好幹部，十不准，對象更複雜，顯著標誌，信息發布。" in html
    assert '<p id="p1">' in html and 'id="s1"' in html and 'href="#s1"' in html
    assert "<code>里面 发</code>" in html  # code is never converted
    # settings, in Taiwan's wording: Markdown extensions', the theme's
    assert 'title="本節連結"' in html and "切換至深色模式" in html
    assert "群眾路線學習手冊" in html  # site name
    assert 'href="https://example.org/群众/"' in html  # URLs are not
    assert "學習材料" in html and "相關連結" in html  # nav sections and links
    assert "学习材料" not in html
    assert 'href="../../"' in html  # links to pages unchanged
    # Material's interface in Traditional, the Simplified switch label converted.
    assert "搜尋" in html and "簡體中文" in html and "繁體中文" in html
    assert "搜索" in hans and "简体中文" in hans
    assert 'target="_self"' in html


def test_search_index_in_each_script(built: Path) -> None:
    hans = (built / "search/search_index.json").read_text(encoding="utf-8")
    hant = (built / "zh-Hant/search/search_index.json").read_text(encoding="utf-8")
    hans_docs = json.loads(hans)["docs"]
    hant_docs = json.loads(hant)["docs"]
    assert [d["location"] for d in hans_docs] == [d["location"] for d in hant_docs]
    plain = json.dumps(hant_docs, ensure_ascii=False).replace("\u200b", "")
    assert "好幹部" in plain and "群眾" in plain and "群众" not in plain
    assert "群众" in json.dumps(hans_docs, ensure_ascii=False).replace("\u200b", "")


def test_traditional_font_first(built: Path) -> None:
    css = (built / "zh-Hant/assets/stylesheets/editions.css").read_text(encoding="utf-8")
    rule = re.search(r":root:lang\(zh-Hant\)\s*\{[^}]*--md-text-font-family:\s*([^,]+),", css)
    assert rule and "TC" in rule.group(1)
    assert "fonts.googleapis" not in (built / "zh-Hant/index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_hong_kong_configuration(fixture_site: Path, tmp_path: Path) -> None:
    result = build(fixture_site, tmp_path / "site", HANT="s2hk")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site/zh-Hant/mass/essay-01/index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hant-HK"' in html and "羣眾" in html and "一名好幹部" in html


@pytest.mark.slow
def test_one_edition_only(fixture_site: Path, tmp_path: Path) -> None:
    result = build(fixture_site, tmp_path / "hans", EDITIONS="zh-Hans")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "hans/index.html").is_file()
    assert not (tmp_path / "hans/zh-Hant").exists()
    result = build(fixture_site, tmp_path / "hant", EDITIONS="zh-Hant")
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "hant/index.html").exists()
    html = (tmp_path / "hant/zh-Hant/index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hant-TW"' in html and "我們黨群眾路線內容" in html


@pytest.mark.slow
def test_simplified_text_left_in_the_traditional_edition_fails_the_build(
    fixture_site: Path, tmp_path: Path
) -> None:
    """The build's own check: a Simplified string the hook cannot reach."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "docs").symlink_to(fixture_site / "docs")
    theme = site / "theme"
    theme.mkdir()
    (theme / "main.html").write_text(
        '{% extends "base.html" %}{% block footer %}<p>这里</p>{% endblock %}', encoding="utf-8"
    )
    config = MKDOCS_YML.replace("  font: false\n", "  font: false\n  custom_dir: theme\n")
    (site / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = build(site, site / "out")
    assert result.returncode != 0
    assert "Simplified-only characters 这" in result.stderr


@pytest.mark.slow
def test_bad_override_file_fails_the_build(fixture_site: Path, tmp_path: Path) -> None:
    bad = tmp_path / "overrides.txt"
    bad.write_text("好干部\n", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "docs").symlink_to(fixture_site / "docs")
    (site / "mkdocs.yml").write_text(MKDOCS_YML.replace(str(OVERRIDES), str(bad)), "utf-8")
    result = build(site, site / "out")
    assert result.returncode != 0
    assert f"{bad}:1: expected two fields" in result.stderr


def test_handbook_builds_both_editions(built_site: Path) -> None:
    check_editions(built_site, HantConverter("s2tw", OVERRIDES), SITE_URL)


@pytest.mark.slow
@pytest.mark.parametrize("editions", ["zh-Hans zh-Hant", "zh-Hans", "zh-Hant"])
def test_unknown_opencc_configuration_fails_the_build(
    fixture_site: Path, tmp_path: Path, editions: str
) -> None:
    result = build(fixture_site, tmp_path / "site", HANT="s2xx", EDITIONS=editions)
    assert result.returncode != 0
    assert "unknown OpenCC configuration 's2xx'" in result.stderr
    assert "Traceback" not in result.stderr


# --- the editions' settings, without a build -------------------------------------


def test_settings_default_to_both_editions_converted_with_s2tw(tmp_path: Path) -> None:
    # What mkdocs.yml gives when EDITIONS and HANT are unset: !ENV yields None.
    settings = EditionSettings.from_extra({"editions": None, "hant": {"opencc": None}}, tmp_path)
    assert settings == EditionSettings()
    assert settings.editions == (HANS, HANT) and settings.opencc == "s2tw"
    assert [(e.code, e.path, e.lang) for e in settings.all] == [
        (HANS, "", HANS),
        (HANT, "zh-Hant", "zh-Hant-TW"),
    ]


def test_settings_from_mkdocs_extra(tmp_path: Path) -> None:
    extra = {
        "editions": "zh-Hant",
        "hant": {"opencc": "s2hk", "overrides": "source/o.tsv", "path": "/hk/"},
    }
    settings = EditionSettings.from_extra(extra, tmp_path)
    assert settings.editions == (HANT,)
    assert settings.overrides == tmp_path / "source/o.tsv"
    assert settings.edition(HANT) == Edition(HANT, "hk", "zh-Hant-HK")
    with pytest.raises(ValueError, match=r"extra\.editions"):
        EditionSettings.from_extra({"editions": "zh-Hans en"}, tmp_path)


def test_built_editions_are_read_from_the_site(built_site: Path) -> None:
    hans, hant = built_editions(built_site)
    assert (hans.root(built_site), hant.root(built_site)) == (built_site, built_site / "zh-Hant")
    assert hant.lang == "zh-Hant-TW" and hant.script == "Hant"
