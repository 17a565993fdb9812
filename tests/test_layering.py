"""The layers of DESIGN.md, as import-linter contracts in pyproject.toml that a wrong
arrow breaks, and a CLI that stays light."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "orgeval_tui"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
HEAVY = ("textual", "pandas", "openpyxl", "docxtpl", "docx", "jinja2")
LAYERS = "Layers: interfaces over services over workbooks and figures over storage over"
NO_TEXTUAL = "Nothing below the screens imports Textual"
NO_DATABASE = "Figures and workbook reading touch no database"


def _lint(root: Path) -> subprocess.CompletedProcess:
    """lint-imports with the project's contracts (pyproject.toml) on the package found
    first on the path from ``root``."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(ROOT / "pyproject.toml")],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_package_keeps_its_layers():
    done = _lint(ROOT)

    assert done.returncode == 0, done.stdout + done.stderr
    for contract in (LAYERS, NO_TEXTUAL, NO_DATABASE):
        assert contract in " ".join(done.stdout.split())


@pytest.mark.parametrize(
    ("module", "wrong_import", "broken"),
    [
        ("services/units.py", "import textual.widgets", NO_TEXTUAL),
        ("analytics/roster.py", "from ..models import Unit", NO_DATABASE),
        ("services/units.py", "from ..screens import home", LAYERS),
        ("storage/database.py", "from ..services import units", LAYERS),
    ],
    ids=[
        "service-imports-textual",
        "analytics-imports-a-model",
        "service-imports-a-screen",
        "storage-imports-a-service",
    ],
)
def test_a_wrong_arrow_breaks_a_contract(tmp_path, module, wrong_import, broken):
    copy = tmp_path / "orgeval_tui"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    target = copy / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{wrong_import}\n", "utf-8")

    done = _lint(tmp_path)

    shown = " ".join(done.stdout.split())
    assert done.returncode == 1, shown
    assert f"{broken}" in shown and "BROKEN" in shown
    importer = "orgeval_tui." + module.removesuffix(".py").replace("/", ".")
    assert f"{importer} ->" in shown  # the report names the module that imports wrongly


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
