"""`orgeval ledger ...` from a shell stays light: no Textual, pandas or openpyxl."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("textual", "pandas", "openpyxl")
PROBE = """
import json, sys
sys.argv = ["orgeval", *{args!r}]
from orgeval_tui import cli
code = 0
try:
    cli.main()
except SystemExit as exc:
    code = exc.code
sys.stdout.flush()
print(json.dumps([code, [m for m in {heavy!r} if m in sys.modules]]), file=sys.stderr)
"""


@pytest.mark.parametrize(
    "args",
    [
        ["ledger", "ls"],
        ["ledger", "ls", "--unit", "县工信局", "--overdue"],
        ["ledger", "ls", "--search", "挂牌", "--json"],
        ["ledger", "show", "2021-005"],
        ["ledger", "add", "--unit", "县气象局", "--title", "预警滞后"],
    ],
    ids=["ls", "ls-overdue", "ls-search", "show", "add"],
)
def test_ledger_commands_load_no_heavy_modules(demo_db, args):
    probe = PROBE.format(args=["--db", str(demo_db), *args], heavy=HEAVY)

    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120
    )

    code, loaded = json.loads(done.stderr.strip().splitlines()[-1])
    assert code in (0, None), done.stderr
    assert loaded == [], done.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["ledger", "ls", "--unit", "县工信局", "--overdue"],
        ["ledger", "ls", "--search", "挂牌", "--json"],
    ],
    ids=["ls-overdue", "ls-search"],
)
def test_looking_up_builds_no_model_class(demo_db, args):
    """A lookup reads through the light table handles: building the models' classes
    would cost it ≈ 0.15 s (bench/ledger_ls.py)."""
    probe = PROBE.format(args=["--db", str(demo_db), *args], heavy=("orgeval_tui.models",))

    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120
    )

    code, loaded = json.loads(done.stderr.strip().splitlines()[-1])
    assert code in (0, None), done.stderr
    assert loaded == [], "the models were imported"
