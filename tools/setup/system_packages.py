"""The system packages the handbook needs, checked and, on Debian and Ubuntu, installed.

    python3 tools/setup/system_packages.py build|test [--check]

`make` runs it with `build` before anything else, `make test` with `test`
(which includes `build`). On Debian and Ubuntu it installs what is missing
with apt-get, as root or through sudo when sudo asks for no password. On
Fedora, Arch and macOS, or without the rights, it prints one message naming
the missing packages and the command that installs them, and exits 1, so that
nothing is built. `--check` only reports. Standard library only: it runs
before the virtual environment exists.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

GROUPS = {"build": ("build",), "test": ("build", "test")}  # what each make goal needs


@dataclass(frozen=True)
class Need:
    """One thing the handbook needs from the system, and its package on each
    system: space-separated names, "" where the system needs none; on macOS
    `cask:NAME` for a Homebrew cask."""

    purpose: str
    group: str  # build: `make`; test: `make test` as well
    debian: str
    fedora: str
    arch: str
    macos: str


# One line per need. Adding a package is adding a line here.
NEEDS = (
    # purpose, group, Debian/Ubuntu, Fedora, Arch, Homebrew
    Need("Python's venv module", "build", "python3-venv", "", "", ""),
    Need("fontconfig (finds the fonts)", "build", "fontconfig", "fontconfig", "fontconfig", "fontconfig"),
    Need("Pango (WeasyPrint's text layout)", "build", "libpango-1.0-0 libpangoft2-1.0-0", "pango", "pango", "pango"),
    Need("Noto Serif/Sans CJK SC, TC, HK (the PDFs' fonts)", "build", "fonts-noto-cjk", "google-noto-serif-cjk-fonts google-noto-sans-cjk-fonts", "noto-fonts-cjk", "cask:font-noto-serif-cjk cask:font-noto-sans-cjk"),
    Need("Chromium (browser tests)", "test", "chromium", "chromium", "chromium", "cask:chromium"),
    Need("poppler (pdftotext, pdffonts, pdftoppm in the PDF tests)", "test", "poppler-utils", "poppler-utils", "poppler", "poppler"),
    Need("Java (EPUBCheck in the EPUB tests)", "test", "default-jre-headless", "java-21-openjdk-headless", "jre-openjdk-headless", "openjdk"),
    Need("Node (runs the search worker's code in the search tests)", "test", "nodejs", "nodejs", "nodejs", "node"),
)  # fmt: skip


def run_quietly(cmd: Sequence[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(cmd), capture_output=True, text=True, stdin=subprocess.DEVNULL)


def dpkg_installed(packages: Sequence[str]) -> set[str]:
    # Exit status alone would count a removed package whose configuration is left.
    result = run_quietly(["dpkg-query", "-W", "-f=${Package} ${Status}\n", *packages])
    lines = (line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    return {name for name, status in lines if status.endswith(" ok installed")}


def each_installed(query: Callable[[str], list[str]]) -> Callable[[Sequence[str]], set[str]]:
    """Installed packages, asking the package manager about each one (exit status 0)."""
    return lambda packages: {p for p in packages if run_quietly(query(p)).returncode == 0}


def brew_query(package: str) -> list[str]:
    kind, _, name = package.rpartition(":")
    return ["brew", "list", "--cask" if kind == "cask" else "--formula", name]


def brew_commands(packages: Sequence[str]) -> list[list[str]]:
    formulae = [p for p in packages if not p.startswith("cask:")]
    casks = [p.removeprefix("cask:") for p in packages if p.startswith("cask:")]
    return ([["brew", "install", *formulae]] if formulae else []) + (
        [["brew", "install", "--cask", *casks]] if casks else []
    )


@dataclass(frozen=True)
class System:
    name: str
    ids: frozenset[str]  # os-release ID / ID_LIKE values
    field: str  # the Need attribute with this system's package names
    installed: Callable[[Sequence[str]], set[str]]
    commands: Callable[[Sequence[str]], list[list[str]]]  # what a person runs
    manager: str  # the program that must be on PATH
    installs_itself: bool = False  # make installs missing packages itself

    def packages(self, groups: Sequence[str]) -> list[str]:
        return [p for n in NEEDS if n.group in groups for p in getattr(n, self.field).split()]


DEBIAN = System(
    "Debian/Ubuntu",
    frozenset({"debian", "ubuntu"}),
    "debian",
    dpkg_installed,
    lambda p: [["sudo", "apt-get", "install", *p]],
    "dpkg-query",
    installs_itself=True,
)
FEDORA = System(
    "Fedora",
    frozenset({"fedora", "rhel", "centos"}),
    "fedora",
    each_installed(lambda p: ["rpm", "-q", p]),
    lambda p: [["sudo", "dnf", "install", *p]],
    "rpm",
)
ARCH = System(
    "Arch",
    frozenset({"arch", "archlinux"}),
    "arch",
    each_installed(lambda p: ["pacman", "-Q", p]),
    lambda p: [["sudo", "pacman", "-S", "--needed", *p]],
    "pacman",
)
MACOS = System("macOS", frozenset(), "macos", each_installed(brew_query), brew_commands, "brew")


def detect(os_release: Path, platform: str = sys.platform) -> System | None:
    """The system this is, from /etc/os-release (ID, ID_LIKE); None if unknown."""
    if platform == "darwin":
        return MACOS
    try:
        text = os_release.read_text(encoding="utf-8")
    except OSError:
        return None
    fields = dict(line.split("=", 1) for line in text.splitlines() if "=" in line)
    ids = {i for key in ("ID", "ID_LIKE") for i in fields.get(key, "").strip("\"'").split()}
    return next((s for s in (DEBIAN, FEDORA, ARCH) if s.ids & ids), None)


def privilege() -> list[str] | None:
    """The prefix that runs a command as root without asking: [] as root,
    sudo -n when sudo needs no password, None when neither works."""
    if os.geteuid() == 0:
        return []
    if shutil.which("sudo") and run_quietly(["sudo", "-n", "true"]).returncode == 0:
        return ["sudo", "-n"]
    return None


def apt_install(prefix: list[str], packages: Sequence[str]) -> int:
    env = [*prefix, "env", "DEBIAN_FRONTEND=noninteractive"]
    for cmd in (
        [*env, "apt-get", "update", "-qq"],
        [*env, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages],
    ):
        print(" ".join(cmd), file=sys.stderr, flush=True)
        status = subprocess.run(cmd, stdin=subprocess.DEVNULL).returncode
        if status:
            return status
    return 0


def missing_message(system: System, missing: Sequence[str], why: str = "") -> str:
    commands = "\n".join(f"  {' '.join(c)}" for c in system.commands(missing))
    return (
        f"error: missing system packages ({system.name}): {' '.join(missing)}{why}\n"
        f"Install them with:\n{commands}\nthen run make again."
    )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("group", choices=sorted(GROUPS), help="build: for `make`; test: for `make test`")
    p.add_argument("--check", action="store_true", help="only report what is missing")
    p.add_argument(
        "--os-release", type=Path, default=Path("/etc/os-release"), help=argparse.SUPPRESS
    )
    args = p.parse_args(argv)
    groups = GROUPS[args.group]
    system = detect(args.os_release)
    if system is None or not shutil.which(system.manager):
        needs = "; ".join(n.purpose for n in NEEDS if n.group in groups)
        print(
            "warning: unknown system, its packages are not checked; the handbook needs: "
            f"{needs} (README, System packages)",
            file=sys.stderr,
        )
        return 0
    wanted = system.packages(groups)
    missing = [p for p in wanted if p not in system.installed(wanted)]
    if not missing:
        return 0
    if args.check or not system.installs_itself:
        print(missing_message(system, missing), file=sys.stderr)
        return 1
    prefix = privilege()
    if prefix is None:
        print(missing_message(system, missing, " (installing needs root or sudo)"), file=sys.stderr)
        return 1
    print(f"Installing system packages: {' '.join(missing)}", file=sys.stderr, flush=True)
    status = apt_install(prefix, missing)
    still = [p for p in missing if p not in system.installed(missing)]
    if status or still:
        why = f" (apt-get exited {status})" if status else " (still missing after apt-get)"
        print(missing_message(system, still or missing, why), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
