"""The converter as a hostile or unlucky user meets it: no script from a text
ever runs, nothing outside the output folder is touched, a crash, a full disk
or a second run at the same time never leaves a folder later runs refuse, and
every bad input is one `error:` line."""

from __future__ import annotations

import fcntl
import json
import os
import random
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from functools import partial
from html.parser import HTMLParser
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from conftest import QuietHandler
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from searching import search
from support import SOURCE, build_site, kept_han
from support import run_handbook as handbook

from handbook import cli
from handbook.chars import HAN_CHAR as HAN
from handbook.output import STAGING
from handbook.output_plan import MANIFEST, digest

TEXT = SOURCE.read_text(encoding="utf-8")
TWO_ESSAYS = (
    "学习材料汇编\n\n"
    "第一篇:坚持群众路线\n\n群众路线是我们党的生命线。我们要坚持。\n\n"
    "第二篇:密切联系群众\n\n密切联系群众是党的优良作风。\n"
)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of the folder but the staging area of an unfinished run."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and STAGING not in p.relative_to(folder).parts
    }


def one_error(result: subprocess.CompletedProcess[str], path: Path | str) -> str:
    """The run failed with exactly one `error: PATH…` line and no traceback."""
    assert result.returncode == 1, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: {path}"), lines[0]
    return lines[0]


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


# --- 1. no script from a text runs -----------------------------------------------

# Every element a payload could create carries class="hostile"; none may appear.
HOSTILE_TEXT = "\n\n".join(
    [
        "标题<img class=hostile src=x onerror=alert(1)>",
        "2024-01-01",
        "第一篇:<img class=hostile src=x onerror=alert(2)>" + "很长的题目" * 12,
        "群众路线是党的生命线。<script class=hostile>alert(3)</script>",
        "一、<b class=hostile>小标题</b>`反引号`",
        "[点我](javascript:alert(4))后面的段落里有独特词语甲乙丙。",
        "~~~",
        "代码块里的字",
        "~~~",
        "```",
        "    缩进的代码行",
        "{{ config.site_name }}{% raw %}",
        "第二篇:第二个题目<svg class=hostile onload=alert(5)>",
        "正文二。",
    ]
)
HOSTILE_GLOSSARY = """\
- term: 群众路线
  slug: qun-zhong-lu-xian
  category: concept
  definition: 定义<img class=hostile src=x onerror=alert(6)>和`反引号`、"引号"、(括号)、~~~
"""
# Pieces that must show on the pages as written (the reader widens ASCII
# punctuation beside Chinese, so these have none of that).
AS_WRITTEN = ["~~~", "```", "缩进的代码行", "{{ config.site_name }}{% raw %}", "`反引号`"]
WATCH = """
window.__hostile = [];
new MutationObserver((records) => {
  for (const record of records)
    for (const node of record.addedNodes)
      if (node.nodeType === 1 && (node.matches(".hostile, [onerror], [onload]")
          || node.querySelector(".hostile, [onerror], [onload]")))
        window.__hostile.push(node.outerHTML.slice(0, 2000));
}).observe(document, { childList: true, subtree: true });
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A text and a glossary full of markup, converted and built (both editions)."""
    root = tmp_path_factory.mktemp("hostile")
    source = write(root / "text.txt", HOSTILE_TEXT)
    write(root / "glossary.yml", HOSTILE_GLOSSARY)
    result = handbook("convert", source, "--out", root / "docs", "--quiet")
    assert result.returncode == 0, result.stderr
    build_site(root)
    return root / "site"


@pytest.fixture(scope="module")
def hostile_server(hostile_site: Path) -> Any:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=hostile_site))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.slow
def test_hostile_text_stays_text_in_every_page(hostile_site: Path):
    pages = list(hostile_site.rglob("*.html"))
    assert any("zh-Hant" in p.parts for p in pages), "both editions are built"
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<(img|script|b|svg)\s+class=.?hostile", html), page
        assert not re.search(r"""href=["']?javascript:""", html), page
    essay = (hostile_site / "text" / "essay-01" / "index.html").read_text(encoding="utf-8")
    article = essay[essay.index('<article class="md-content__inner') : essay.index("</article>")]
    assert "<pre" not in article and "<code" not in article  # ~~~, ``` and indents stay text
    import html as html_lib

    shown = html_lib.unescape(re.sub(r"<[^>]+>", "", article))
    for piece in AS_WRITTEN:
        assert piece in shown, piece
    assert "{: #p" not in shown  # the paragraphs' anchors are anchors, not text


class FooterLabels(HTMLParser):
    """The aria-labels of a page's previous and next links, as a browser reads them."""

    def __init__(self) -> None:
        super().__init__()
        self.labels: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        for direction in ("prev", "next"):
            if tag == "a" and f"md-footer__link--{direction}" in (a.get("class") or ""):
                self.labels[direction] = a.get("aria-label") or ""


@pytest.mark.slow
def test_footer_links_name_a_hostile_title_as_written(hostile_site: Path):
    """A screen reader reads a previous/next link's title as the text wrote it:
    the markup in the title (HOSTILE_TEXT) escaped once, never `&lt;` read out."""
    for root in (hostile_site, hostile_site / "zh-Hant"):
        labels = {}
        for essay in ("essay-01", "essay-02"):
            parser = FooterLabels()
            parser.feed((root / "text" / essay / "index.html").read_text(encoding="utf-8"))
            labels[essay] = parser.labels
        assert "<svg class=hostile onload=alert(5)>" in labels["essay-01"]["next"], root
        assert "<img class=hostile src=x onerror=alert(2)>" in labels["essay-02"]["prev"], root
        for label in (*labels["essay-01"].values(), *labels["essay-02"].values()):
            assert "&lt;" not in label and "&amp;" not in label, label


@pytest.mark.slow
@pytest.mark.pdf
def test_hostile_text_stays_text_in_the_print_edition(hostile_site: Path, tmp_path: Path):
    """The book the PDF maker lays out (its two documents, written beside each
    PDF with --html, in a copy of the site), parsed as WeasyPrint parses it."""
    import tinyhtml5

    from handbook.addresses import DOWNLOADS
    from handbook.editions import built_editions

    docs = hostile_site.parent / "docs"
    hostile_site = shutil.copytree(hostile_site, tmp_path / "site")
    made = subprocess.run(
        [sys.executable, "-m", "handbook.pdf", "--site", hostile_site, "--docs", docs, "--html"],
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0, made.stderr
    editions = built_editions(hostile_site)
    assert len(editions) == 2
    for edition in editions:
        books = sorted((edition.root(hostile_site) / DOWNLOADS).glob("*.html"))
        assert len(books) == 2, books  # the front and essays, the glossary and colophon
        document = "".join(book.read_text(encoding="utf-8") for book in books)
        for book in books:
            tree = tinyhtml5.parse(book.read_text(encoding="utf-8"), namespace_html_elements=False)
            assert not [e for e in tree.iter() if "hostile" in (e.get("class") or "")]
            links = [e.get("href") or "" for e in tree.iter("a")]
            assert not [href for href in links if href.startswith("javascript:")]
        assert "~~~" in document and "`反引" in document  # 反引号 or 反引號


@pytest.mark.browser
@pytest.mark.parametrize(
    ("edition", "width"),
    [("", 1280), ("", 375), ("zh-Hant/", 375)],
    ids=["zh-Hans-desktop", "zh-Hans-phone", "zh-Hant-phone"],
)
def test_no_script_from_a_text_runs_in_the_browser(
    open_page: Any, hostile_server: str, edition: str, width: int
):
    """Search for words only in a later section of a hostile essay (its page's
    own entry then heads the results), hover the term links (their popover
    shows the definition's markup as text), focus the links to the previous
    and next essay: no dialog, no element from the text."""
    dialogs: list[str] = []
    base = hostile_server + edition
    for path in ("text/essay-01/", "text/essay-02/"):
        page = open_page("about:blank", hostile_server, viewport={"width": width, "height": 800})
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.add_init_script(WATCH)
        page.goto(base + path)
        page.mouse.wheel(0, 600)  # the header shows the page title, cut off on a phone
        terms = page.locator("article a[href*='glossary/']:visible").all()
        assert terms or path != "text/essay-01/", "the hostile glossary's term is linked"
        for link in terms:
            link.hover()
            page.wait_for_timeout(300)  # the popover opens after 250 ms
            # the definition shown as written: its markup is text
            shown = page.locator(".handbook-term__definition").text_content() or ""
            assert "<img class=hostile" in shown and "`反引" in shown, shown
        for link in page.locator(".md-footer__link").all():
            link.focus()
            page.wait_for_timeout(300)
        groups = search(page, "甲乙丙")
        assert any("essay-01" in r.href for group in groups for r in group), groups
        page.wait_for_timeout(300)
        created = page.evaluate(
            "window.__hostile.concat([...document.querySelectorAll('.hostile')]"
            ".map((e) => e.outerHTML))"
        )
        assert created == [], created
    assert dialogs == []


# --- 2. the manifest is not trusted -------------------------------------------------


@pytest.mark.parametrize("entry", ["../outside.md", "ABSOLUTE", "a/../../outside.md"])
def test_manifest_entries_outside_the_folder_are_refused(tmp_path: Path, entry: str):
    source = write(tmp_path / "text.txt", TWO_ESSAYS)
    out = tmp_path / "docs"
    assert handbook("convert", source, "--out", out, "--quiet").returncode == 0
    victim = write(tmp_path / "outside.md", "一个不相干的文件\n")
    entry = str(victim) if entry == "ABSOLUTE" else entry
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    manifest["files"][entry] = digest(victim.read_bytes())
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    before = snapshot(out)
    for flags in ([], ["--force"]):
        result = handbook("convert", source, "--out", out, *flags)
        assert "not a page inside" in one_error(result, out / MANIFEST)
        assert victim.read_text(encoding="utf-8") == "一个不相干的文件\n"
        assert snapshot(out) == before


# --- 3. --report never overwrites what it did not write -------------------------------


@pytest.mark.parametrize("target", ["source", "other", "folder", "missing-folder", "inside"])
def test_report_is_refused_before_anything_is_written(tmp_path: Path, target: str):
    source = write(tmp_path / "text.txt", TWO_ESSAYS)
    other = write(tmp_path / "notes.json", '{"mine": true}\n')
    (tmp_path / "folder").mkdir()
    out = tmp_path / "docs"
    report = {
        "source": source,
        "other": other,
        "folder": tmp_path / "folder",
        "missing-folder": tmp_path / "nowhere" / "report.json",
        "inside": out / "report.json",
    }[target]
    result = handbook("convert", source, "--out", out, "--report", report)
    one_error(result, report)
    assert not out.exists()  # nothing written
    assert source.read_text(encoding="utf-8") == TWO_ESSAYS
    assert other.read_text(encoding="utf-8") == '{"mine": true}\n'


def test_report_replaces_its_own_report(tmp_path: Path):
    source = write(tmp_path / "text.txt", TWO_ESSAYS)
    report = tmp_path / "report.json"
    for _ in range(2):
        result = handbook("convert", source, "--out", tmp_path / "docs", "--report", report)
        assert result.returncode == 0, result.stderr
    assert json.loads(report.read_text(encoding="utf-8"))["collections"][0]["counts"]["essays"] == 2


# --- 4. a conversion is one transaction ------------------------------------------------


@pytest.fixture(scope="module")
def handbooks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Three sources and each one's handbook converted into a fresh folder:
    the old one, the new one a run is killed during, another to run after."""
    root = tmp_path_factory.mktemp("transactions")
    essays = TEXT.split("第五篇")
    sources = {
        "old": write(root / "src" / "alpha.txt", TEXT * 2),
        "new": write(root / "src" / "beta.txt", essays[0] * 2),
        "after": write(root / "src" / "gamma.txt", TWO_ESSAYS),
    }
    folders = {}
    for name, source in sources.items():
        out = root / name
        result = handbook("convert", source, "--out", out, "--quiet")
        assert result.returncode == 0, result.stderr
        folders[name] = snapshot(out)
    return {"root": root, "sources": sources, "folders": folders}


# Runs the command and SIGKILLs itself at the N-th call of a file operation.
KILL_AT = """
import os, signal, sys, threading
from handbook import cli
target, calls, lock = int(sys.argv[1]), [0], threading.Lock()
def counted(operation):
    def call(*args, **kwargs):
        with lock:
            calls[0] += 1
            if calls[0] == target:
                os.kill(os.getpid(), signal.SIGKILL)
        return operation(*args, **kwargs)
    return call
for name in ("open", "write", "fsync", "replace", "rename", "unlink", "rmdir", "mkdir", "scandir"):
    setattr(os, name, counted(getattr(os, name)))
status = cli.main(sys.argv[2:])
print(calls[0], file=sys.stderr)
sys.exit(status)
"""


def killed_at(operation: int, args: list[str | Path]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", KILL_AT, str(operation), *map(str, args)],
        capture_output=True,
        text=True,
    )


def check_state_and_recover(out: Path, handbooks: dict[str, Any], when: str) -> None:
    """After a kill the folder is the old handbook or the new one, or the
    switch is committed and waits; a run with another source then succeeds."""
    folders = handbooks["folders"]
    if (out / STAGING / "commit.json").exists():
        check = handbook("check", handbooks["sources"]["new"], "--out", out)
        assert "interrupted half way" in one_error(check, out), when
    else:
        state = snapshot(out)
        assert state in (folders["old"], folders["new"]), f"{when}: a mixed folder"
    result = handbook("convert", handbooks["sources"]["after"], "--out", out, "--quiet")
    assert result.returncode == 0, f"{when}: {result.stderr}"
    assert snapshot(out) == folders["after"], when
    assert not (out / STAGING).exists(), when
    assert not list(out.rglob(".tmp-*")), when
    assert not [d for d in out.rglob("*") if d.is_dir() and not any(d.iterdir())], when


@pytest.mark.slow
def test_killed_at_any_file_operation_the_folder_is_old_or_new(
    tmp_path: Path, handbooks: dict[str, Any]
):
    """Kill the conversion at file operations spread over the whole run (the
    staging, the commit, the switch), then run again with another source."""
    out = tmp_path / "docs"
    args = ["convert", handbooks["sources"]["new"], "--out", out, "--quiet"]
    shutil.copytree(handbooks["root"] / "old", out)
    full = killed_at(10**9, args)
    assert full.returncode == 0, full.stderr
    total = int(full.stderr.split()[-1])
    assert snapshot(out) == handbooks["folders"]["new"]
    rng = random.Random(12)  # one point in each tenth of the run, and its last operations
    points = [rng.randint(k * total // 10 + 1, (k + 1) * total // 10) for k in range(10)]
    points += [1, *(total - n for n in range(4))]
    for point in points:
        shutil.rmtree(out)
        shutil.copytree(handbooks["root"] / "old", out)
        run = killed_at(point, args)
        assert run.returncode == -signal.SIGKILL, (point, run.stderr)
        check_state_and_recover(out, handbooks, f"killed at operation {point} of {total}")


@pytest.mark.slow
def test_killed_at_random_moments_the_folder_is_old_or_new(
    tmp_path: Path, handbooks: dict[str, Any]
):
    out = tmp_path / "docs"
    source = handbooks["sources"]["new"]
    start = time.monotonic()
    shutil.copytree(handbooks["root"] / "old", out)
    assert handbook("convert", source, "--out", out, "--quiet").returncode == 0
    duration = time.monotonic() - start
    rng = random.Random(7)
    for _ in range(4):
        shutil.rmtree(out)
        shutil.copytree(handbooks["root"] / "old", out)
        # --quiet, as the run timed: without it the Traditional review comes first
        process = subprocess.Popen(
            [sys.executable, "-m", "handbook.cli", "convert", source, "--out", out, "--quiet"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        delay = rng.uniform(0, duration)
        time.sleep(delay)
        process.kill()
        process.wait()
        check_state_and_recover(out, handbooks, f"killed after {delay:.2f} s")


def test_stale_temporary_files_of_older_runs_are_removed(tmp_path: Path):
    source = write(tmp_path / "text.txt", TWO_ESSAYS)
    out = tmp_path / "docs"
    assert handbook("convert", source, "--out", out, "--quiet").returncode == 0
    orphans = [
        write(out / "text" / ".tmp-a1b2c3d4.md", "半截"),
        write(out / ".tmp-zz_9x8y7.md", ""),
    ]
    mine = write(out / "text" / ".tmp-notes.md", "我的")  # not a name the converter used
    result = handbook("convert", source, "--out", out)
    assert result.returncode == 0, result.stderr
    assert "2 stale temporary files removed" in result.stdout
    assert not any(p.exists() for p in orphans) and mine.exists()


@pytest.mark.parametrize("manifest", [b"", b'{"generator": "handbook", "files": {"index.md": "ab'])
def test_a_cut_off_manifest_is_one_clear_error(tmp_path: Path, manifest: bytes):
    source = write(tmp_path / "text.txt", TWO_ESSAYS)
    out = tmp_path / "docs"
    assert handbook("convert", source, "--out", out, "--quiet").returncode == 0
    (out / MANIFEST).write_bytes(manifest)
    before = snapshot(out)
    assert "git checkout" in one_error(handbook("convert", source, "--out", out), out / MANIFEST)
    assert snapshot(out) == before


def file_size_limit(limit: int) -> None:
    """In the child: writes past `limit` bytes fail (EFBIG) as on a full disk."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


@pytest.mark.parametrize("quiet", [True, False], ids=["writing the pages", "the review first"])
def test_a_full_disk_changes_nothing(tmp_path: Path, handbooks: dict[str, Any], quiet: bool):
    """The disk fills while the pages are written; or, with the report of the
    Traditional edition's choices, while its converter starts with no tables
    cached yet (it unpacks OpenCC's tables into temporary files), before any
    page is written."""
    out = tmp_path / "docs"
    shutil.copytree(handbooks["root"] / "old", out)
    empty_cache = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    result = handbook(
        "convert",
        handbooks["sources"]["new"],
        "--out",
        out,
        *(["--quiet"] if quiet else []),
        env=empty_cache,
        preexec_fn=partial(file_size_limit, 20_000),
    )
    if quiet:
        assert "cannot write: File too large; nothing was changed" in one_error(result, out)
    else:
        assert one_error(result, "").endswith("File too large")
    assert snapshot(out) == handbooks["folders"]["old"]
    assert not (out / STAGING).exists()
    result = handbook("convert", handbooks["sources"]["new"], "--out", out, "--quiet")
    assert result.returncode == 0 and snapshot(out) == handbooks["folders"]["new"]


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_pages_get_the_permissions_the_umask_allows(tmp_path: Path, umask: int):
    source = write(tmp_path / "text.txt", TWO_ESSAYS)
    out = tmp_path / "docs"
    result = subprocess.run(
        [sys.executable, "-m", "handbook.cli", "convert", source, "--out", out, "--quiet"],
        preexec_fn=partial(os.umask, umask),
    )
    assert result.returncode == 0
    for path in [out / "index.md", out / "text" / "essay-01.md", out / MANIFEST]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask, path


# --- 5. one conversion at a time --------------------------------------------------------


def test_a_second_conversion_into_the_same_folder_stops_clearly(tmp_path: Path):
    source = write(tmp_path / "text.txt", TWO_ESSAYS)
    out = tmp_path / "docs"
    assert handbook("convert", source, "--out", out, "--quiet").returncode == 0
    before = snapshot(out)
    fd = os.open(out, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)  # as a conversion running in another process holds it
    try:
        other = write(tmp_path / "other.txt", TWO_ESSAYS.replace("坚持", "继续坚持"))
        result = handbook("convert", other, "--out", out)
        assert "another conversion is writing" in one_error(result, out)
        assert snapshot(out) == before
    finally:
        os.close(fd)


def test_two_conversions_at_once_leave_one_whole_handbook(tmp_path: Path, handbooks):
    out = tmp_path / "docs"
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "handbook.cli", "convert", str(src), "--out", str(out)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for src in (handbooks["sources"]["old"], handbooks["sources"]["new"])
    ]
    outcomes = [(run.wait(), run.stderr.read()) for run in runs]
    assert any(status == 0 for status, _ in outcomes)
    for status, stderr in outcomes:
        assert status == 0 or "another conversion is writing" in stderr, stderr
    assert snapshot(out) in (handbooks["folders"]["old"], handbooks["folders"]["new"])


# --- 6. every bad input is one error line -------------------------------------------------


def immutable(path: Path) -> None:
    """A folder nobody may write to: read-only, or for root (who may write
    anyway) immutable."""
    if os.geteuid() != 0:
        path.chmod(0o555)
    elif subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
        pytest.skip("root, and the file system refuses chattr +i")


def writable(path: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)
    path.chmod(0o755)


def state(out: Path) -> dict[str, bytes] | None:
    try:
        return snapshot(out) if out.is_dir() else None
    except OSError:  # a name too long to look up
        return None


OUTPUT_CASES = ["out is a file", "out is read-only", "path too long", "index.md is a folder"]
OUTPUT_CASES += ["manifest null", "manifest []", "manifest a folder"]


@pytest.mark.parametrize("case", OUTPUT_CASES)
def test_unusable_output_is_one_error_line(tmp_path: Path, case: str):
    source = write(tmp_path / "text.txt", TWO_ESSAYS)
    out = tmp_path / "docs"
    where = out
    if case == "out is a file":
        write(out, "一个文件")
    elif case == "out is read-only":
        out.mkdir()
        immutable(out)
    elif case == "path too long":
        out = where = tmp_path / ("长" * 100)
    elif case == "index.md is a folder":
        (out / "index.md").mkdir(parents=True)
        where = out / "index.md"
    else:
        out.mkdir()
        where = out / MANIFEST
        if case == "manifest a folder":
            where.mkdir()
        else:
            where.write_text(case.removeprefix("manifest "), encoding="utf-8")
    try:
        before = state(out)
        one_error(handbook("convert", source, "--out", out), where)
        assert state(out) == before
    finally:
        if case == "out is read-only":
            writable(out)


INPUT_CASES = {
    "handbook.yml a list": ("handbook.yml", b"- 400\n", 1),
    "handbook.yml a string": ("handbook.yml", b"fast\n", 1),
    "handbook.yml not UTF-8": ("handbook.yml", b"description_chars: 80 # \xb3\xa4\n", 1),
    "handbook.yml a bool": ("handbook.yml", b"reading_chars_per_minute: true\n", 1),
    "glossary.yml not UTF-8": ("glossary.yml", "- term: 群众\n".encode("gb18030"), 1),
    "glossary.yml line 0x10": (
        "glossary.yml",
        "- term: 群众路线\n  category: concept\n  definition: 定义\n"
        "  defined_at: {line: 0x10, quote: 群众路线}\n".encode(),
        4,
    ),
}


@pytest.mark.parametrize("case", INPUT_CASES)
def test_bad_data_files_are_one_error_line_with_the_line(tmp_path: Path, case: str):
    name, content, line = INPUT_CASES[case]
    source = write(tmp_path / "text.txt", TWO_ESSAYS)
    data = write(tmp_path / name, content)
    one_error(handbook("convert", source, "--out", tmp_path / "docs"), f"{data}:{line}:")
    assert not (tmp_path / "docs").exists()


@pytest.mark.parametrize("case", ["punycode", "/dev/zero", "fifo", "too large", "folder"])
def test_unreadable_sources_are_refused_at_once(tmp_path: Path, case: str):
    source = write(tmp_path / "text.txt", TWO_ESSAYS)
    flags: list[str] = []
    if case == "punycode":  # a codec for domain names; ASCII bytes make it fail oddly
        write(source, "abc-def\n")
        flags = ["--encoding", "punycode"]
    elif case == "/dev/zero":
        source = Path("/dev/zero")
    elif case == "fifo":
        source = tmp_path / "fifo.txt"
        os.mkfifo(source)
    elif case == "too large":
        write(tmp_path / "handbook.yml", "max_source_megabytes: 1\n")
        write(source, TEXT * 25)
    else:
        source = tmp_path
    result = handbook("convert", source, "--out", tmp_path / "docs", *flags, timeout=60)
    one_error(result, source)
    assert not (tmp_path / "docs").exists()


# --- 7. encodings are detected or refused, never guessed into garbage -----------------------


@pytest.mark.parametrize(
    ("name", "data", "line", "message"),
    [
        (
            "GB18030 with a UTF-8 paragraph",
            TWO_ESSAYS.encode("gb18030") + "\n这一段是另一种编码保存的。\n".encode(),
            11,
            "mixes encodings",
        ),
        (
            "UTF-8 with a GB18030 paragraph",
            TWO_ESSAYS.encode() + "\n这一段是另一种编码保存的。\n".encode("gb18030"),
            11,
            "mixes encodings",
        ),
        (
            "short Big5",
            "彙編\n\n第一篇:堅持群眾路線\n\n群眾路線是我們黨的生命線。\n".encode("big5"),
            3,
            "Big5",
        ),
        (
            "Shift-JIS",
            "日本語の文章です。\n\n漢字と仮名が混ざっています。\n".encode("shift_jis"),
            1,
            "another encoding",
        ),
        ("a stray byte", TWO_ESSAYS.encode().replace("优良".encode(), b"\xff"), 9, "damaged"),
        ("U+FFFD in the text", TWO_ESSAYS.replace("优良", "优\ufffd").encode(), 9, "U+FFFD"),
        (
            "UTF-8 decoded twice",
            TWO_ESSAYS.replace("优良", "我们".encode().decode("cp1252")).encode(),
            9,
            "decoded twice",
        ),
    ],
)
def test_implausible_decodings_stop_and_name_the_line(
    tmp_path: Path, name: str, data: bytes, line: int, message: str
):
    source = write(tmp_path / "text.txt", data)
    error = one_error(handbook("convert", source, "--out", tmp_path / "docs"), f"{source}:{line}:")
    assert message in error
    assert not (tmp_path / "docs").exists()


def test_replaced_characters_are_kept_and_reported_on_request(tmp_path: Path):
    # two bytes that start no GB18030 character, before 优良 on line 9
    good = "优良".encode("gb18030")
    source = write(
        tmp_path / "text.txt", TWO_ESSAYS.encode("gb18030").replace(good, b"\x80\xff" + good)
    )
    report = tmp_path / "report.json"
    result = handbook(
        "convert", source, "--out", tmp_path / "docs", "--replace-invalid", "--report", report
    )
    assert result.returncode == 0, result.stderr
    assert "line 9: replacement-character: 0x80 | 0xff → U+FFFD" in result.stdout
    repairs = json.loads(report.read_text(encoding="utf-8"))["collections"][0]["repairs"]
    replaced = [r for r in repairs if r["rule"] == "replacement-character"]
    assert [(r["line"], r["count"]) for r in replaced] == [(9, 2)]
    assert "\ufffd\ufffd优良" in (tmp_path / "docs" / "text" / "essay-02.md").read_text()


# --- 8. markup, permissions, links, settings ----------------------------------------------------


def test_a_symlinked_output_folder_never_leads_outside(tmp_path: Path):
    source = write(tmp_path / "text.txt", TWO_ESSAYS)
    out = tmp_path / "docs"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out.mkdir()
    (out / "text").symlink_to(elsewhere)
    for flags in ([], ["--force"]):
        result = handbook("convert", source, "--out", out, *flags)
        assert "symbolic link" in one_error(result, out / "text")
        assert list(elsewhere.iterdir()) == []
        assert sorted(p.name for p in out.iterdir()) == ["text"]


# --- properties ----------------------------------------------------------------------------

STRUCTURE = ["第一篇:题目", "第二篇:", "一、标题", "(二)小标题 正文。", "田局授课", "2022-08-28"]
STRUCTURE += [
    "群众路线是党的生命线。",
    "<b>粗</b>",
    "~~~",
    "„„",
    "a, b; c: d?",
    "\u3000\u3000缩进。",
]
structured = st.lists(
    st.one_of(
        st.sampled_from(STRUCTURE),
        st.text(alphabet=st.sampled_from(sorted(set(HAN.findall(TEXT)))), max_size=10),
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12),
    ),
    min_size=1,
    max_size=12,
).map("\n\n".join)
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "gb18030"]


def run_in_process(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = cli.main([str(a) for a in args])
    return status, capsys.readouterr().err


def assert_converted_or_one_error(
    status: int, stderr: str, source: Path, out: Path, text: str | None
) -> None:
    if status == 1:
        lines = stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"error: {source}"), stderr
        return
    assert status == 0, stderr
    if text is None:
        return
    report = json.loads((out.parent / "report.json").read_text(encoding="utf-8"))
    debris = {r["line"] for c in report["collections"] for r in c["removed"]}
    kept = kept_han(text, debris)
    pages = "".join(p.read_text(encoding="utf-8") for p in sorted(out.rglob("essay-*.md")))
    home = (out / "index.md").read_text(encoding="utf-8")
    found = iter(HAN.findall(home + pages))
    assert all(c in found for c in kept), "a character lost or out of order"


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=300))
def test_any_bytes_convert_or_fail_with_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes
):
    source = write(tmp_path / "gen.txt", data)
    out = tmp_path / "docs"
    shutil.rmtree(out, ignore_errors=True)
    status, stderr = run_in_process(["convert", source, "--out", out, "--quiet"], capsys)
    assert_converted_or_one_error(status, stderr, source, out, None)


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=structured, encoding=st.sampled_from(ENCODINGS))
def test_any_structured_text_keeps_every_character_or_fails_with_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, encoding: str
):
    source = write(tmp_path / "gen.txt", text.encode(encoding))  # GB18030 encodes all
    out = tmp_path / "docs"
    shutil.rmtree(out, ignore_errors=True)
    report = tmp_path / "report.json"
    status, stderr = run_in_process(
        ["convert", source, "--out", out, "--quiet", "--report", report], capsys
    )
    assert_converted_or_one_error(status, stderr, source, out, text)
