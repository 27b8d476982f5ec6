"""The system's Chromium, as everything that opens the handbook in a browser
starts it, and the phone it plays: the browser tests and the search's measure
(through Playwright, which never downloads a browser of its own) and the audit
(through Lighthouse).

Debian's package `chromium` (tools/setup/system_packages.py installs it) puts
it at DEFAULT; on another system, HANDBOOK_CHROMIUM names the binary to start
instead (README, "System packages").
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

DEFAULT = Path("/usr/bin/chromium")
VARIABLE = "HANDBOOK_CHROMIUM"
# Headless on a build machine or in a container: no sandbox (it needs user
# namespaces), no GPU, no requests of the browser's own, no first-run page.
ARGS = ("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run")
# A phone, as the browser tests and the search's measure open a page on it
# (Playwright's `new_context` options).
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}


def path(environ: Mapping[str, str] = os.environ) -> Path:
    """The Chromium to start: the one HANDBOOK_CHROMIUM names, else Debian's."""
    named = environ.get(VARIABLE)
    return Path(named) if named else DEFAULT


def absent(environ: Mapping[str, str] = os.environ) -> str | None:
    """What is missing when the Chromium to start is not there, and who named
    it, for the message that says so; None when it is there."""
    browser = path(environ)
    if browser.exists():
        return None
    return f"{browser} ({VARIABLE if environ.get(VARIABLE) else 'Debian package chromium'})"


def launch(playwright: Any) -> Any:
    """Chromium, headless, started by Playwright (`sync_playwright()`'s object)."""
    return playwright.chromium.launch(executable_path=str(path()), headless=True, args=ARGS)
