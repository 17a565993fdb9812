"""`orgeval ledger ls --unit U --overdue` on a 100,000-problem SQLite ledger, against
a bare sqlite3 script running the same query (the floor), and beside the import of
sqlmodel.

Builds (once, cached under bench/.cache/) the ledger of `ledger_data.py` (60 units, eight
yearly evaluations, deadlines around the day of the build), then times fresh processes,
alternating, each `--repeat` times:
  sqlite3    a bare python script (standard library only) running the same query on the
             current evaluation's problems (what the ledger lists) and printing its rows:
             the floor, a process that does only the lookup
  orgeval    python -m orgeval_tui --db DB ledger ls --unit 县工业和信息化局 --overdue
             (the table is rendered at 120 columns; stdout to /dev/null)
  sqlmodel   python -c "import sqlmodel"  (context: the import of the stack alone)
Before timing, the problem numbers of `ledger ls --json` are checked against the
script's. "Today" is the office's (`domain.clock.office_today`) for both. Prints medians,
the ratio orgeval / sqlite3 and, as context, orgeval / sqlmodel.

Bytecode: as in tui_startup.py, the children keep .pyc files under
bench/.cache/pycache (this workplace sets PYTHONDONTWRITEBYTECODE=1 and the .venv holds
none); the warm-up run fills it. `--no-pyc` measures without.

    uv run python bench/ledger_ls.py [--problems 100000] [--repeat 11] [--no-pyc]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from ledger_data import UNIT, build  # noqa: E402

from orgeval_tui.domain.clock import office_today  # noqa: E402

CACHE = Path(__file__).parent / ".cache"
# The ledger lists the current evaluation's problems: the one chosen, else the latest.
CURRENT = (
    "p.evaluation_id = coalesce((SELECT evaluation_id FROM current_evaluation), "
    "(SELECT max(id) FROM evaluation))"
)
BARE = f"""\
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
rows = conn.execute(
    "SELECT p.number, u.name, p.title, p.status, p.deadline FROM problem p "
    "JOIN unit u ON u.id = p.unit_id WHERE u.name = ? AND {CURRENT} "
    "AND p.status IN ('identified', 'fed_back', 'rectifying') AND p.deadline < ? "
    "ORDER BY p.id",
    (sys.argv[2], sys.argv[3]),
).fetchall()
for row in rows:
    print(*row, sep="  ")
"""


def timed(command: list[str]) -> float:
    began = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - began
    if done.returncode != 0:
        raise SystemExit(f"{command[:3]} failed:\n{done.stderr}")
    return elapsed


def same_rows(commands: dict[str, list[str]], rows: int) -> None:
    """Both sides answer the same problems, in the same order."""

    def output(command: list[str]) -> str:
        done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8")
        if done.returncode != 0:
            raise SystemExit(f"{command[:3]} failed:\n{done.stderr}")
        return done.stdout

    ours = [p["number"] for p in json.loads(output([*commands["orgeval"], "--json"]))]
    bare = [line.split("  ")[0] for line in output(commands["sqlite3"]).splitlines()]
    assert ours == bare and len(ours) == rows, (len(ours), len(bare), rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--problems", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=11)
    parser.add_argument("--no-pyc", action="store_true", help="children compile every module")
    args = parser.parse_args()

    db = CACHE / f"ledger-{args.problems}.db"
    if not db.exists():
        print(f"building {db} …", flush=True)
        began = time.perf_counter()
        build(db, args.problems)
        print(f"built in {time.perf_counter() - began:.0f} s", flush=True)
    if args.no_pyc:
        os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
        os.environ.pop("PYTHONPYCACHEPREFIX", None)
    else:
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["PYTHONPYCACHEPREFIX"] = str(CACHE / "pycache")

    today = office_today().isoformat()
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT count(*) FROM problem p JOIN unit u ON u.id = p.unit_id WHERE u.name = ? "
            f"AND {CURRENT} AND p.status IN ('identified', 'fed_back', 'rectifying') "
            "AND p.deadline < ?",
            (UNIT, today),
        ).fetchone()[0]
        total = conn.execute("SELECT count(*) FROM problem").fetchone()[0]

    with tempfile.TemporaryDirectory(prefix="orgeval-ledger-ls-") as tmp:
        work = Path(tmp)
        os.environ.update(
            HOME=str(work),
            XDG_CONFIG_HOME=str(work / "config"),
            XDG_DATA_HOME=str(work / "data"),
            LANG="zh_CN.UTF-8",
            COLUMNS="120",
        )
        os.environ.pop("ORGEVAL_DB", None)
        bare = work / "bare.py"
        bare.write_text(BARE, encoding="utf-8")
        commands = {
            "sqlite3": [sys.executable, str(bare), str(db), UNIT, today],
            "orgeval": [
                sys.executable, "-m", "orgeval_tui", "--db", str(db),
                "ledger", "ls", "--unit", UNIT, "--overdue",
            ],
            "sqlmodel": [sys.executable, "-c", "import sqlmodel"],
        }  # fmt: skip
        same_rows(commands, rows)
        for command in commands.values():  # warm the page cache and the bytecode
            timed(command)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for i in range(args.repeat):
            for name, command in commands.items():
                times[name].append(timed(command))
            print(
                f"run {i + 1}: "
                + ", ".join(f"{name} {times[name][-1]:.3f} s" for name in commands),
                flush=True,
            )

    median = {name: statistics.median(values) for name, values in times.items()}
    print(
        f"{platform.machine()}, Python {platform.python_version()}, SQLite "
        f"{sqlite3.sqlite_version}, {'no bytecode' if args.no_pyc else 'bytecode cached'}"
    )
    print(f"{total:,} problems; {UNIT} overdue on {today}: {rows} rows")
    print(f"median of {args.repeat}")
    for name in commands:
        print(f"  {name:9} {median[name]:.3f} s")
    print(f"orgeval / sqlite3   {median['orgeval'] / median['sqlite3']:.2f}  (the floor)")
    print(f"orgeval / sqlmodel  {median['orgeval'] / median['sqlmodel']:.2f}  (context)")


if __name__ == "__main__":
    main()
