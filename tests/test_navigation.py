"""A handbook with many essays lists them in runs (第1–20篇 …) so that a
page's navigation stays short, without moving a page or changing the
reading order; a handbook of a few essays is listed as before."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from support import ROOT, handbook_project, mkdocs_build, run_handbook

from handbook.built_site import nav_urls, parse
from handbook.navigation import NavigationSettings, in_runs

ESSAYS = 60
SETTINGS = NavigationSettings()  # mkdocs.yml keeps the defaults: runs of 20 over 30 pages
PRIMARY = re.compile(
    r'<div class="md-sidebar md-sidebar--primary".*?(?=<div class="md-sidebar md-sidebar--secondary")',
    re.S,
)
FOOTER = re.compile(r'<a href="([^"]*)" class="md-footer__link md-footer__link--(prev|next)"')


def test_runs_of_a_long_list_and_their_titles():
    def run(title: str, items: list) -> tuple[str, list]:
        return title, items

    assert in_runs(list(range(30)), SETTINGS, "essays", run) == list(range(30))
    runs = in_runs(list(range(61)), SETTINGS, "essays", run)
    assert [title for title, _ in runs] == ["第1–20篇", "第21–40篇", "第41–60篇", "第61篇"]
    assert [item for _, items in runs for item in items] == list(range(61))
    assert in_runs(list(range(31)), SETTINGS, "glossary", run)[1][0] == "第21–31条"
    # 700 pages are 35 runs, more than 30: runs of runs, every list short.
    groups = in_runs(list(range(700)), SETTINGS, "essays", run)
    assert [title for title, _ in groups] == ["第1–400篇", "第401–700篇"]
    assert [title for title, _ in groups[1][1]][-1] == "第681–700篇"


@pytest.mark.parametrize("value", [0, 1, "20", True, None])
def test_a_run_length_must_be_a_whole_number(value):
    with pytest.raises(ValueError, match=r"extra\.navigation\.run_length"):
        NavigationSettings.from_extra({"navigation": {"run_length": value}})


def site_pages(site: Path) -> dict[str, str]:
    """Every built page by its folder URL ("" for home, "text/essay-01/")."""
    return {
        page.parent.relative_to(site).as_posix().removeprefix(".") + "/" * (page.parent != site): (
            page.read_text(encoding="utf-8")
        )
        for page in site.rglob("index.html")
        if "zh-Hant" not in page.relative_to(site).parts
    }


def nav_links(url: str, html: str) -> list[str]:
    """Folder URLs the page's primary navigation links to, in order."""
    links = []
    for href in re.findall(r'<a href="([^"#]*)"', PRIMARY.search(html).group(0)):
        if href.endswith((".pdf", ".epub")):  # the downloads, not pages
            continue
        target = posixpath.normpath(posixpath.join(url, href))
        links.append("" if target == "." else target.strip("/") + "/")
    return links


def footer(url: str, html: str) -> dict[str, str]:
    return {
        side: posixpath.normpath(posixpath.join(url, href)) for href, side in FOOTER.findall(html)
    }


@pytest.fixture(scope="module")
def long_handbook(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A text of 60 essays, built with the handbook's settings (runs), and
    the same pages built with runs turned off, to compare with."""
    root = tmp_path_factory.mktemp("long")
    essays = [f"第{n}篇:第{n}个题目\n\n第{n}篇的正文,群众路线。" for n in range(1, ESSAYS + 1)]
    (root / "text.txt").write_text("汇编\n\n" + "\n\n".join(essays) + "\n", encoding="utf-8")
    result = run_handbook("convert", root / "text.txt", "--out", root / "docs", "--quiet")
    assert result.returncode == 0, result.stderr
    handbook_project(root)
    mkdocs_build(root, root / "site", EDITIONS="zh-Hans")
    flat = root / "flat"
    flat.mkdir()
    for shared in ("docs", "tools", "source"):
        (flat / shared).symlink_to(root / shared)
    (flat / "mkdocs.yml").write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: docs\nextra:\n  navigation:\n    runs_over: 1000\n"
    )
    mkdocs_build(flat, flat / "site", EDITIONS="zh-Hans")
    return root / "site", flat / "site"


@pytest.mark.slow
def test_every_page_is_reached_from_the_navigation(long_handbook):
    site, _ = long_handbook
    pages = site_pages(site)
    essays = [f"text/essay-{n:02d}/" for n in range(1, ESSAYS + 1)]
    assert set(essays) <= set(pages)
    reached, todo = {""}, [""]
    while todo:
        url = todo.pop()
        for link in nav_links(url, pages[url]):
            if link not in reached:
                reached.add(link)
                todo.append(link)
    assert reached == set(pages)
    # The PDF maker finds them all, in reading order, as without runs.
    book = nav_urls(parse(site / "index.html"), site)
    assert [u for u in book if u.startswith("text/essay-")] == essays
    assert book == nav_urls(parse(long_handbook[1] / "index.html"), long_handbook[1])


@pytest.mark.slow
def test_an_essay_page_lists_its_run_and_the_runs_titles(long_handbook):
    site, flat = long_handbook
    pages = site_pages(site)
    html = pages["text/essay-25/"]
    nav = PRIMARY.search(html).group(0)
    for title in ("第1–20篇", "第21–40篇", "第41–60篇"):
        assert title in nav, title
    listed = [u for u in nav_links("text/essay-25/", html) if u.startswith("text/essay-")]
    # Its own run in full; the other runs by a link to their first essay.
    expected = ["text/essay-01/", *(f"text/essay-{n}/" for n in range(21, 41)), "text/essay-41/"]
    assert listed == expected
    # Bounded by the settings, not by the number of essays: without runs the
    # page lists all 60.
    entries = nav.count('class="md-nav__item')
    assert entries <= SETTINGS.run_length + SETTINGS.runs_over
    flat_html = site_pages(flat)["text/essay-25/"]
    assert PRIMARY.search(flat_html).group(0).count('class="md-nav__item') > ESSAYS


@pytest.mark.slow
def test_runs_change_no_address_and_no_previous_or_next(long_handbook):
    site, flat = long_handbook
    grouped, plain = site_pages(site), site_pages(flat)
    assert set(grouped) == set(plain)
    for url, html in grouped.items():
        assert footer(url, html) == footer(url, plain[url]), url
    # previous/next walk the essays in order
    assert footer("text/essay-25/", grouped["text/essay-25/"]) == {
        "prev": "text/essay-24",
        "next": "text/essay-26",
    }


def test_a_handbook_of_five_essays_lists_them_as_before(built_site: Path):
    """The committed handbook: 5 essays, listed one by one under their
    collection; its 38 glossary terms are more than 30, in two runs."""
    pages = site_pages(built_site)
    url = "mass-line-essays/essay-02/"
    nav = PRIMARY.search(pages[url]).group(0)
    listed = [u for u in nav_links(url, pages[url]) if u.startswith("mass-line-essays/essay-")]
    assert listed == [f"mass-line-essays/essay-{n:02d}/" for n in range(1, 6)]
    assert not re.search(r"第\d+(–\d+)?篇", nav)
    term = "glossary/deng-xiao-ping/"
    term_nav = PRIMARY.search(pages[term]).group(0)
    assert list(dict.fromkeys(re.findall(r"第\d+–\d+条", term_nav))) == ["第1–20条", "第21–38条"]
