"""Which Chromium the browser tests, the search's measure and the audit start:
Debian's, unless HANDBOOK_CHROMIUM names another; no browser is started here."""

from __future__ import annotations

from pathlib import Path

from handbook import chromium


def test_unset_the_debian_package_s_chromium_is_started() -> None:
    assert chromium.path({}) == Path("/usr/bin/chromium")
    assert chromium.path({"HANDBOOK_CHROMIUM": ""}) == Path("/usr/bin/chromium")


def test_set_the_chromium_it_names_is_started(tmp_path: Path) -> None:
    browser = tmp_path / "chrome"
    assert chromium.path({"HANDBOOK_CHROMIUM": str(browser)}) == browser


def test_the_environment_is_read_when_the_browser_starts(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HANDBOOK_CHROMIUM", str(tmp_path / "chrome"))
    assert chromium.path() == tmp_path / "chrome"
    monkeypatch.delenv("HANDBOOK_CHROMIUM")
    assert chromium.path() == Path("/usr/bin/chromium")


def test_a_missing_browser_is_named_with_who_named_it(monkeypatch, tmp_path: Path) -> None:
    named = {"HANDBOOK_CHROMIUM": str(tmp_path / "chrome")}
    assert chromium.absent(named) == f"{tmp_path / 'chrome'} (HANDBOOK_CHROMIUM)"
    (tmp_path / "chrome").touch()
    assert chromium.absent(named) is None
    monkeypatch.setattr(chromium, "DEFAULT", tmp_path / "bin" / "chromium")  # not installed
    assert chromium.absent({}) == f"{tmp_path / 'bin' / 'chromium'} (Debian package chromium)"


def test_the_audit_without_its_browser_says_so_and_stops(monkeypatch, tmp_path, capsys) -> None:
    from handbook import audit

    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<!doctype html>", encoding="utf-8")
    monkeypatch.setenv("HANDBOOK_CHROMIUM", str(tmp_path / "chrome"))
    assert audit.main(["--site", str(tmp_path / "site"), "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == (
        f"error: {tmp_path / 'chrome'} (HANDBOOK_CHROMIUM): no Chromium there to run Lighthouse in\n"
    )
    assert not (tmp_path / "out").exists()  # stopped before anything was written
