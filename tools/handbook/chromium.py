"""The system's Chromium, as everything that opens the handbook in a browser
starts it, and the phone it plays: the browser tests and the search's measure (through Playwright,
which never downloads a browser of its own) and the audit (through Lighthouse).

Debian's package `chromium` (tools/setup/system_packages.py installs it) puts
it at PATH; README, "System packages", says what to do elsewhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

PATH = Path("/usr/bin/chromium")
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


def launch(playwright: Any) -> Any:
    """Chromium, headless, started by Playwright (`sync_playwright()`'s object)."""
    return playwright.chromium.launch(executable_path=str(PATH), headless=True, args=ARGS)
