"""The layers of DESIGN.md: Textual only in the UI modules, and a light CLI."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "orgeval_tui"
UI_MODULES = ("app.py", "screens", "dialogs", "widgets")
HEAVY = ("textual", "pandas", "openpyxl")


def _imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def _non_ui_modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] in UI_MODULES:
            continue
        yield relative, path


def test_nothing_below_the_screens_imports_textual():
    offenders = [str(rel) for rel, path in _non_ui_modules() if "textual" in _imported_roots(path)]

    assert offenders == []


def test_the_layering_check_sees_ui_modules():
    """Guard the guard: the scan must find Textual where it does belong."""
    assert "textual" in _imported_roots(PACKAGE / "app.py")


_PROBE = """
import json, sys
sys.argv = ["orgeval", *{args!r}]
from orgeval_tui import cli
try:
    cli.main()
except SystemExit:
    pass
sys.stdout.flush()
print(json.dumps([m for m in {heavy!r} if m in sys.modules]), file=sys.stderr)
"""


@pytest.mark.parametrize(
    "args",
    [["--help"], ["units", "list", "--json"], ["units", "add", "县气象局"], ["init"]],
    ids=["help", "units-list", "units-add", "init"],
)
def test_cli_commands_load_no_heavy_modules(args, tmp_path):
    db = ["--db", str(tmp_path / "o.db")] if args != ["--help"] else []
    probe = _PROBE.format(args=[*db, *args], heavy=HEAVY)

    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120
    )

    loaded = json.loads(done.stderr.strip().splitlines()[-1])
    assert loaded == [], done.stderr
