"""The tests' own layout: what test modules share lives in support.py (and
fixtures in conftest.py), so that no test module imports another one, each
runs alone, and every helper has one owner."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def imported_modules(source: Path) -> set[str]:
    tree = ast.parse(source.read_text(encoding="utf-8"), filename=str(source))
    modules = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
    return modules


def test_imported_modules_sees_imports_in_functions_too(tmp_path: Path) -> None:
    module = tmp_path / "test_sample.py"
    module.write_text("import os\n\ndef f():\n    from test_other import HELPER\n")
    assert imported_modules(module) == {"os", "test_other"}


def test_no_test_module_imports_another() -> None:
    crossings = {
        source.name: sorted(
            m for m in imported_modules(source) if m.rpartition(".")[2].startswith("test_")
        )
        for source in sorted(TESTS.glob("test_*.py"))
    }
    assert {name: found for name, found in crossings.items() if found} == {}
