"""The system-package set-up that `make` and `make test` run first
(tools/setup/system_packages.py), against fake package managers on PATH:
nothing is installed for real and no root is needed."""

from __future__ import annotations

import importlib.util
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT

SCRIPT = ROOT / "tools" / "setup" / "system_packages.py"
_spec = importlib.util.spec_from_file_location("system_packages", SCRIPT)
assert _spec and _spec.loader
setup = sys.modules["system_packages"] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(setup)

OS_RELEASE = {
    "debian": 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n',
    "ubuntu": 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n',
    "mint": 'NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n',
    "fedora": "NAME=Fedora Linux\nID=fedora\n",
    "rocky": 'ID="rocky"\nID_LIKE="rhel centos fedora"\n',
    "arch": "NAME=Arch Linux\nID=arch\n",
    "manjaro": "ID=manjaro\nID_LIKE=arch\n",
    "alpine": "ID=alpine\n",
}
TEST_ONLY = ["chromium", "poppler-utils", "default-jre-headless", "nodejs"]


def os_release(tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"os-release-{name}"
    path.write_text(OS_RELEASE[name], encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "system"),
    [
        ("debian", "Debian/Ubuntu"),
        ("ubuntu", "Debian/Ubuntu"),
        ("mint", "Debian/Ubuntu"),
        ("fedora", "Fedora"),
        ("rocky", "Fedora"),
        ("arch", "Arch"),
        ("manjaro", "Arch"),
    ],
)
def test_the_system_is_told_by_os_release(tmp_path: Path, name: str, system: str) -> None:
    assert setup.detect(os_release(tmp_path, name), "linux").name == system


def test_unknown_systems_and_macos(tmp_path: Path) -> None:
    assert setup.detect(os_release(tmp_path, "alpine"), "linux") is None
    assert setup.detect(tmp_path / "absent", "linux") is None
    assert setup.detect(tmp_path / "absent", "darwin").name == "macOS"


def test_make_test_needs_what_make_needs_and_the_test_tools() -> None:
    build, test = setup.DEBIAN.packages(["build"]), setup.DEBIAN.packages(["build", "test"])
    assert "fonts-noto-cjk" in build and "libpango-1.0-0" in build and "python3-venv" in build
    assert not set(TEST_ONLY) & set(build)
    assert test == build + TEST_ONLY
    for system in (setup.DEBIAN, setup.FEDORA, setup.ARCH, setup.MACOS):
        assert system.packages(["build"]), system.name  # fonts and pango everywhere


@pytest.mark.parametrize(
    ("system", "missing", "commands"),
    [
        (setup.DEBIAN, ["chromium"], ["sudo apt-get install chromium"]),
        (setup.FEDORA, ["pango", "poppler-utils"], ["sudo dnf install pango poppler-utils"]),
        (setup.ARCH, ["noto-fonts-cjk"], ["sudo pacman -S --needed noto-fonts-cjk"]),
        (
            setup.MACOS,
            ["pango", "cask:chromium", "poppler"],
            ["brew install pango poppler", "brew install --cask chromium"],
        ),
    ],
)
def test_the_message_names_the_packages_and_the_command(
    system: object, missing: list[str], commands: list[str]
) -> None:
    message = setup.missing_message(system, missing)
    assert message.startswith("error: missing system packages")
    for command in commands:
        assert f"\n  {command}\n" in message
    assert message.endswith("then run make again.")


# --- fake package managers --------------------------------------------------


def fake(bin_dir: Path, name: str, script: str) -> None:
    path = bin_dir / name
    path.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)


@pytest.fixture
def machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake Debian: dpkg-query answers from `installed`, apt-get and sudo log to `log`."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (tmp_path / "installed").write_text("", encoding="utf-8")
    (tmp_path / "log").write_text("", encoding="utf-8")
    fake(
        bin_dir,
        "dpkg-query",
        'shift 2\nfor p in "$@"; do\n'
        '  if grep -qx "$p" "$FAKE/installed"; then echo "$p install ok installed";\n'
        '  elif grep -qx "$p-removed" "$FAKE/installed"; then echo "$p deinstall ok config-files";\n'
        '  else echo "dpkg-query: no packages found matching $p" >&2; fi\ndone\n',
    )
    fake(
        bin_dir,
        "apt-get",
        'echo "apt-get $* (DEBIAN_FRONTEND=$DEBIAN_FRONTEND)" >> "$FAKE/log"\n'
        '[ -n "$FAKE_APT_FAILS" ] && exit 100\n'
        'if [ "$1" = install ]; then for p in "$@"; do case "$p" in -*|install) ;; '
        '*) echo "$p" >> "$FAKE/installed";; esac; done; fi\n',
    )
    fake(bin_dir, "sudo", 'echo "sudo $*" >> "$FAKE/log"\n[ "$1" = -n ] && shift\nexec "$@"\n')
    fake(bin_dir, "rpm", 'grep -qx "$2" "$FAKE/installed"\n')
    monkeypatch.setenv("FAKE", str(tmp_path))
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}/usr/bin{os.pathsep}/bin")
    monkeypatch.delenv("FAKE_APT_FAILS", raising=False)
    return tmp_path


def installed(machine: Path, *packages: str) -> None:
    (machine / "installed").write_text("".join(f"{p}\n" for p in packages), encoding="utf-8")


def main(machine: Path, *args: str, system: str = "debian") -> int:
    return setup.main([*args, "--os-release", str(os_release(machine, system))])


def log(machine: Path) -> list[str]:
    return (machine / "log").read_text(encoding="utf-8").splitlines()


def test_nothing_missing_nothing_done(machine: Path, capsys: pytest.CaptureFixture) -> None:
    installed(machine, *setup.DEBIAN.packages(["build", "test"]))
    assert main(machine, "test") == 0
    assert log(machine) == []
    assert capsys.readouterr().err == ""


def test_as_root_the_missing_packages_are_installed(
    machine: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    build = setup.DEBIAN.packages(["build"])
    installed(machine, *build, "chromium-removed")  # removed, its configuration left
    assert main(machine, "test") == 0
    assert log(machine) == [
        "apt-get update -qq (DEBIAN_FRONTEND=noninteractive)",
        f"apt-get install -y -qq --no-install-recommends {' '.join(TEST_ONLY)}"
        " (DEBIAN_FRONTEND=noninteractive)",
    ]
    assert f"Installing system packages: {' '.join(TEST_ONLY)}" in capsys.readouterr().err


def test_without_root_through_sudo_when_it_asks_no_password(
    machine: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    assert main(machine, "build") == 0
    assert log(machine)[0] == "sudo -n true"
    assert log(machine)[1].startswith("sudo -n env DEBIAN_FRONTEND=noninteractive apt-get update")
    assert set(setup.DEBIAN.packages(["build"])) <= set(
        (machine / "installed").read_text(encoding="utf-8").split()
    )


def test_without_rights_it_stops_with_the_command(
    machine: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    fake(machine / "bin", "sudo", 'echo "sudo $*" >> "$FAKE/log"\nexit 1\n')  # wants a password
    installed(machine, *setup.DEBIAN.packages(["build"]))
    assert main(machine, "test") == 1
    assert log(machine) == ["sudo -n true"]
    err = capsys.readouterr().err
    assert err.startswith(f"error: missing system packages (Debian/Ubuntu): {' '.join(TEST_ONLY)}")
    assert f"\n  sudo apt-get install {' '.join(TEST_ONLY)}\n" in err


def test_build_does_not_ask_for_the_test_tools(machine: Path) -> None:
    installed(machine, *setup.DEBIAN.packages(["build"]))
    assert main(machine, "build") == 0
    assert log(machine) == []


def test_check_only_reports(machine: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(machine, "build", "--check") == 1
    assert log(machine) == []
    assert "fonts-noto-cjk" in capsys.readouterr().err


def test_a_failed_install_is_an_error(
    machine: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    monkeypatch.setenv("FAKE_APT_FAILS", "1")
    assert main(machine, "build") == 1
    assert "(apt-get exited 100)" in capsys.readouterr().err


def test_other_systems_are_told_not_served(machine: Path, capsys: pytest.CaptureFixture) -> None:
    installed(machine, "fontconfig", "pango")
    assert main(machine, "build", system="fedora") == 1
    assert log(machine) == []  # never installs there
    err = capsys.readouterr().err
    assert "error: missing system packages (Fedora): google-noto-serif-cjk-fonts" in err
    assert "\n  sudo dnf install google-noto-serif-cjk-fonts google-noto-sans-cjk-fonts\n" in err


def test_an_unknown_system_is_a_warning(machine: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(machine, "build", system="alpine") == 0
    assert capsys.readouterr().err.startswith("warning: unknown system")


def test_the_script_runs_before_the_virtual_environment(machine: Path) -> None:
    """`make` runs it with the system's python3, before .venv exists: standard library only."""
    installed(machine, *setup.DEBIAN.packages(["build", "test"]))
    result = subprocess.run(
        [
            sys.executable,
            "-I",
            "-S",
            str(SCRIPT),
            "test",
            "--os-release",
            str(os_release(machine, "debian")),
        ],
        capture_output=True,
        text=True,
        env={"PATH": os.environ["PATH"], "FAKE": str(machine)},
    )
    assert result.returncode == 0, result.stderr
