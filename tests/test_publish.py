"""The hosted handbook: the GitHub Pages workflow builds with the project's own
make targets and official actions only, and the README says how to publish."""

from __future__ import annotations

import re

import yaml
from support import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
OFFICIAL = {
    "actions/checkout",
    "actions/configure-pages",
    "actions/upload-pages-artifact",
    "actions/deploy-pages",
}


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps() -> list[dict]:
    return [step for job in workflow()["jobs"].values() for step in job["steps"]]


def make_targets() -> set[str]:
    """The targets `make help` lists: those with a `## description`."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z-]+):.*## ", makefile, re.M))


def test_the_workflow_uses_official_actions_only() -> None:
    used = [step["uses"] for step in steps() if "uses" in step]
    assert {u.split("@")[0] for u in used} == OFFICIAL
    assert all(re.fullmatch(r"[\w/-]+@v\d+", u) for u in used), used


def test_the_workflow_builds_with_make_targets_only() -> None:
    commands = [step["run"].strip() for step in steps() if "run" in step]
    assert commands, "the workflow builds nothing"
    targets = make_targets()
    assert "publish" in targets
    for command in commands:
        words = command.split()
        assert words[0] == "make" and len(words) > 1, command
        assert set(words[1:]) <= targets, command


def test_the_workflow_publishes_the_site_at_the_repository_s_address() -> None:
    flow = workflow()
    assert flow[True]["push"]["branches"] == ["main"]  # YAML reads the key `on` as true
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build = next(s for s in steps() if "run" in s)
    assert build["env"]["HANDBOOK_SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    upload = next(s for s in steps() if s.get("uses", "").startswith("actions/upload-pages"))
    assert upload["with"]["path"] == "site"


def test_the_readme_says_how_to_publish() -> None:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    assert "Settings → Pages" in text and "GitHub Actions" in text
    assert ".github/workflows/pages.yml" in text
    for header in ("Content-Encoding", "Cache-Control", "application/json", "text/javascript"):
        assert header in text, header
