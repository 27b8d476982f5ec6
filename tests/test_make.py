"""The Makefile's dependency graph, read from `make -n` in a copy of the
repository whose targets `make -t` marked as made: which steps a change sets
off, and that a `make` with nothing changed does nothing. The real builds run
in `make bench` and in the slow test of `make serve` at the end.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from support import ROOT

# Steps of `make all`, told by their commands in `make -n` output.
STEPS = {
    "venv": re.compile(r"-m venv "),
    "convert": re.compile(r"/handbook convert "),
    "build zh-Hans": re.compile(r"^EDITIONS=zh-Hans \S+/mkdocs build"),
    "build zh-Hant": re.compile(r"^EDITIONS=zh-Hant \S+/mkdocs build"),
    "place zh-Hans": re.compile(r'^echo "zh-Hans -> site/'),
    "place zh-Hant": re.compile(r'^echo "zh-Hant -> site/zh-Hant'),
    "pdf zh-Hans": re.compile(r"-m handbook\.pdf --site site --script Hans$"),
    "pdf zh-Hant": re.compile(r"-m handbook\.pdf --site site --script Hant$"),
    "epub zh-Hans": re.compile(r"-m handbook\.epub --site site --script Hans "),
    "epub zh-Hant": re.compile(r"-m handbook\.epub --site site --script Hant "),
    "system check": re.compile(r"system_packages\.py build$"),
}
EVERYTHING_BUT_VENV = set(STEPS) - {"venv", "system check"}
PDFS = {"pdf zh-Hans", "pdf zh-Hant"}
EPUBS = {"epub zh-Hans", "epub zh-Hant"}
SITE = {"build zh-Hans", "build zh-Hant", "place zh-Hans", "place zh-Hant"} | PDFS | EPUBS
# The output and caches at the top of a checkout, never copied.
NOT_PROJECT = {".git", ".venv", "site", "build", ".pytest_cache", ".ruff_cache", ".hypothesis"}


def make(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    env.pop("HANDBOOK_SITE_URL", None)
    return subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
    )


def steps(project: Path, *args: str) -> set[str]:
    result = make(project, "-n", *args)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    found = {name for name, command in STEPS.items() if any(command.search(x) for x in lines)}
    return found


def copy_project(target: Path) -> Path:
    def ignore(directory: str, names: list[str]) -> set[str]:
        top = Path(directory) == ROOT
        return {n for n in names if (top and n in NOT_PROJECT) or n == "__pycache__"}

    shutil.copytree(ROOT, target, ignore=ignore)
    return target


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("make") / "handbook")
    for folder in (".venv/bin", "site/zh-Hant"):  # `make -t` creates files, not folders
        (project / folder).mkdir(parents=True)
    return project


@pytest.fixture
def made(copy: Path) -> Path:
    """The copy with every target of `make all` up to date, as after a `make`."""
    time.sleep(0.01)  # the touched targets must be newer than the last test's changes
    result = make(copy, "-t", "all")
    assert result.returncode == 0, result.stderr
    return copy


def touch(path: Path) -> None:
    time.sleep(0.01)
    path.touch()


def test_nothing_changed_nothing_runs(made: Path) -> None:
    assert make(made, "-q", "all").returncode == 0
    result = make(made, "-n", "all")
    assert result.stdout.strip() == "make: Nothing to be done for 'all'."


@pytest.mark.parametrize(
    ("changed", "expected"),
    [
        ("tools/handbook/book.css", PDFS),
        ("tools/handbook/pdf.py", PDFS),
        ("tools/handbook/fonts.py", PDFS | EPUBS),
        ("tools/handbook/print/justify.py", PDFS),
        ("tools/handbook/publication.py", PDFS | EPUBS),
        ("tools/handbook/built_site.py", EVERYTHING_BUT_VENV),
        ("tools/handbook/epub/book.py", EPUBS),
        ("tools/handbook/epub/style.css", EPUBS),
        ("tools/handbook/bench/scales.py", set()),
        ("tools/handbook/corpus/scoring.py", set()),
        ("tools/handbook/audit.py", set()),
        ("tools/handbook/chromium.py", set()),
        ("source/glossary.yml", EVERYTHING_BUT_VENV),
        ("source/mass-line-essays.txt", EVERYTHING_BUT_VENV),
        ("source/hant-overrides.tsv", EVERYTHING_BUT_VENV),
        ("tools/handbook/model.py", EVERYTHING_BUT_VENV),
        ("docs/index.md", SITE),
        ("docs/assets/stylesheets/handbook.css", SITE),
        ("mkdocs.yml", SITE),
        ("tools/hooks/editions.py", SITE),
        ("tools/theme/main.html", SITE),
        ("requirements.lock", {"venv"} | EVERYTHING_BUT_VENV),
        ("tools/setup/system_packages.py", {"system check"}),
    ],
)
def test_a_change_sets_off_what_depends_on_it(made: Path, changed: str, expected: set) -> None:
    touch(made / changed)
    assert steps(made, "all") == expected


def test_a_new_module_in_a_new_package_is_a_dependency(made: Path) -> None:
    """The converter's modules are found on each run, wherever they move."""
    package = made / "tools" / "handbook" / "reshaped"
    package.mkdir()
    try:
        (package / "__init__.py").write_text("", encoding="utf-8")
        assert steps(made, "all") == EVERYTHING_BUT_VENV
    finally:
        shutil.rmtree(package)


def test_a_removed_module_breaks_nothing(made: Path) -> None:
    module = made / "tools" / "handbook" / "model.py"
    kept = module.read_bytes()
    module.unlink()
    try:
        assert make(made, "-q", "all").returncode == 0
    finally:
        module.write_bytes(kept)


def test_the_editions_do_not_wait_for_each_other(made: Path) -> None:
    """What `make -j2` runs side by side: each edition's build and PDF alone."""
    touch(made / "source" / "glossary.yml")
    hans = steps(made, "build/make/pdf-zh-Hans")
    assert hans == {"convert", "build zh-Hans", "place zh-Hans", "pdf zh-Hans"}
    assert steps(made, "site/zh-Hant/index.html") == {"convert", "build zh-Hant", "place zh-Hant"}


def test_one_edition_alone(made: Path) -> None:
    touch(made / "source" / "glossary.yml")
    assert steps(made, "all", "EDITIONS=zh-Hant") == {
        "convert",
        "build zh-Hant",
        "place zh-Hant",
        "pdf zh-Hant",
        "epub zh-Hant",
    }


def test_a_new_site_address_rebuilds_the_site(made: Path) -> None:
    assert steps(made, "all", "HANDBOOK_SITE_URL=https://example.github.io/handbook/") == SITE
    assert steps(made, "all", "HANT=s2hk") == SITE  # the settings file now says both
    assert steps(made, "all") == SITE  # and back


def test_embedding_the_epub_fonts_remakes_the_epubs_alone(made: Path) -> None:
    assert steps(made, "all", "EPUB_FONTS=embed") == EPUBS
    assert "--fonts embed" in make(made, "-n", "all", "EPUB_FONTS=embed").stdout
    assert steps(made, "all") == EPUBS  # and back


def test_publish_adds_the_offline_zip_to_the_site(made: Path) -> None:
    result = make(made, "-n", "publish")
    assert "HANDBOOK_OFFLINE=true" in result.stdout
    assert "cp build/handbook-offline.zip site/downloads/handbook-offline.zip" in result.stdout
    assert "-path '*/downloads/*.epub'" in result.stdout  # the EPUBs go into the zip


# --- make serve ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return False


@pytest.mark.slow
def test_serve_reconverts_when_the_glossary_changes(tmp_path: Path) -> None:
    """A maintainer edits source/glossary.yml under `make serve` and sees the page change."""
    project = copy_project(tmp_path / "handbook")
    bin_dir = ROOT / ".venv" / "bin"
    # This checkout's virtual environment, which `make test` has just brought up
    # to date: the copy's make must find nothing to install into it.
    stamp = (bin_dir / "handbook").stat().st_mtime
    assert all(stamp >= (ROOT / f).stat().st_mtime for f in ("pyproject.toml", "requirements.lock"))
    port = free_port()
    server = subprocess.Popen(
        ["make", f"BIN={bin_dir}", "serve", f"SERVE_ADDRESS=127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, ended as one below
        env={k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL")},
    )
    page = f"http://127.0.0.1:{port}/glossary/qun-zhong-lu-xian/"
    marker = "此处为测试所加"
    try:
        assert wait_for(lambda: "群众路线" in fetch(page), 120), "make serve did not start"
        assert marker not in fetch(page)
        glossary = project / "source" / "glossary.yml"
        text = glossary.read_text(encoding="utf-8")
        definition = "definition: 一切为了群众,"
        assert definition in text
        glossary.write_text(text.replace(definition, f"{definition}{marker},", 1), "utf-8")
        assert wait_for(lambda: marker in fetch(page), 120), "the page did not change"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


@pytest.mark.slow
def test_without_a_site_address_the_build_says_so_and_invents_none(tmp_path: Path) -> None:
    """No placeholder host in a build: no canonical links, no sitemap entries, and a warning."""
    project = copy_project(tmp_path / "handbook")
    bin_dir = ROOT / ".venv" / "bin"
    result = make(project, f"BIN={bin_dir}", "-o", str(bin_dir / "handbook"), "build")
    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    for edition in ("zh-Hans", "zh-Hant"):
        assert f"warning: HANDBOOK_SITE_URL is not set: {edition} is built without" in output
    pages = list((project / "site").rglob("*.html"))
    assert len(pages) > 40 and (project / "site" / "zh-Hant" / "index.html") in pages
    for page in pages:
        assert 'rel="canonical"' not in page.read_text(encoding="utf-8"), page
    for sitemap in (project / "site").rglob("sitemap.xml"):
        assert "<loc>" not in sitemap.read_text(encoding="utf-8")
    assert "example.org" not in (project / "mkdocs.yml").read_text(encoding="utf-8")
