"""How long the report commands take, as whole commands (start-up included), against
`orgeval ledger ls` on the same database in the same run.

    uv run python bench/reports.py [--repeat 3] [--units 50]

1. The demo database: `report unit 县工信局` as .docx and .xlsx, `report feedback`,
   `report summary` (target: a unit report under 2 s each).
2. The demo with the pilot's three evaluated units cloned to --units evaluated units,
   each with its roster, sections, duty catalogue and work log, cases, peer responses and
   scores: `report summary` (target: under 10 s for 50 units).

Prints the median of --repeat runs of each command and its ratio to the baseline.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PILOT_UNITS = ("县总工会", "县工业和信息化局", "县气象局")
ENVIRONMENT: dict[str, str] = dict(os.environ)


def _command(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "orgeval_tui", "--db", str(db), "--lang", "zh", *args]


def _environment(cache: Path) -> dict[str, str]:
    """As an installed orgeval runs: with its bytecode (this machine's shells set
    PYTHONDONTWRITEBYTECODE, which would compile every module on every start)."""
    environment = {**os.environ, "PYTHONPYCACHEPREFIX": str(cache)}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    return environment


def _median_seconds(command: list[str], repeat: int) -> float:
    """The median of ``repeat`` runs after one that fills the bytecode cache."""
    times = []
    subprocess.run(command, capture_output=True, env=ENVIRONMENT)
    for _ in range(repeat):
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, env=ENVIRONMENT)
        times.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    return statistics.median(times)


def _columns(connection, table: str) -> list[str]:
    return [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]


def _copy_rows(connection, table: str, where: str, params, replace: dict) -> dict[int, int]:
    """Insert copies of the rows of ``table`` matching ``where`` with the columns in
    ``replace`` set (a value or a function of the old row); returns old id → new id."""
    columns = _columns(connection, table)
    kept = [c for c in columns if c != "id"]
    mapping = {}
    rows = connection.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE {where}", params)
    for row in rows.fetchall():
        old = dict(zip(columns, row, strict=True))
        values = [
            (replace[c](old) if callable(replace[c]) else replace[c]) if c in replace else old[c]
            for c in kept
        ]
        cursor = connection.execute(
            f"INSERT INTO {table} ({', '.join(kept)}) VALUES ({', '.join('?' * len(kept))})",
            values,
        )
        if "id" in columns:
            mapping[old["id"]] = cursor.lastrowid
    return mapping


def clone_units(db: Path, total: int) -> None:
    """Evaluated units up to ``total``, each a copy of a pilot unit's data."""
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA foreign_keys=OFF")
    evaluation_id = connection.execute("SELECT evaluation_id FROM current_evaluation").fetchone()[0]
    sources = [
        connection.execute("SELECT id FROM unit WHERE name = ?", (name,)).fetchone()[0]
        for name in PILOT_UNITS
    ]
    for n in range(total - len(PILOT_UNITS)):
        source = sources[n % len(sources)]
        unit_map = _copy_rows(
            connection, "unit", "id = ?", (source,),
            {"name": lambda r, n=n: f"{r['name']}（副本{n + 1}）", "short_name": None,
             "parent_id": None, "version": 1},
        )  # fmt: skip
        unit = unit_map[source]
        sections = _copy_rows(connection, "section", "unit_id = ?", (source,), {"unit_id": unit})
        in_section = {
            "unit_id": unit,
            "section_id": lambda r, known=sections: known.get(r["section_id"]),
        }
        _copy_rows(connection, "staff", "unit_id = ?", (source,), in_section)
        duties = _copy_rows(connection, "duty", "unit_id = ?", (source,), in_section)
        _copy_rows(
            connection, "work_log_entry", "unit_id = ?", (source,),
            {**in_section, "duty_id": lambda r, known=duties: known.get(r["duty_id"])},
        )  # fmt: skip
        name = connection.execute("SELECT name FROM unit WHERE id = ?", (unit,)).fetchone()[0]
        _copy_rows(
            connection, "service_case", "unit_id = ?", (source,),
            {"unit_id": unit, "unit_name": name,
             "case_no": lambda r, u=unit: f"{r['case_no']}-{u}"},
        )  # fmt: skip
        responses = _copy_rows(
            connection, "survey_response", "unit_id = ?", (source,),
            {"unit_id": unit, "code": lambda r, u=unit: f"{r['code']}-{u}"},
        )  # fmt: skip
        for old, new in responses.items():
            connection.execute(
                "INSERT INTO survey_answer (response_id, item_id, score) "
                "SELECT ?, item_id, score FROM survey_answer WHERE response_id = ?",
                (new, old),
            )
        _copy_rows(connection, "score", "unit_id = ?", (source,), {"unit_id": unit})
        connection.execute(
            "INSERT INTO evaluation_unit (evaluation_id, unit_id) VALUES (?, ?)",
            (evaluation_id, unit),
        )
    connection.commit()
    connection.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--units", type=int, default=50)
    options = parser.parse_args()
    from orgeval_tui.demo.loader import open_demo_database

    global ENVIRONMENT
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        ENVIRONMENT = _environment(folder / "pycache")
        demo = folder / "demo.db"
        open_demo_database(path=demo).dispose()
        baseline = _median_seconds(_command(demo, "ledger", "ls"), options.repeat)
        print(f"baseline `ledger ls` on the demo: {baseline:.2f} s")
        for label, args in (
            (
                "report unit 县工信局 .docx",
                ("report", "unit", "县工信局", "-o", str(folder / "u.docx")),
            ),
            (
                "report unit 县工信局 .xlsx",
                ("report", "unit", "县工信局", "-o", str(folder / "u.xlsx")),
            ),
            (
                "report feedback 县工信局",
                ("report", "feedback", "县工信局", "-o", str(folder / "f.docx")),
            ),
            ("report summary (3 units)", ("report", "summary", "-o", str(folder / "s.docx"))),
        ):
            seconds = _median_seconds(_command(demo, *args), options.repeat)
            print(f"{label}: {seconds:.2f} s ({seconds / baseline:.2f}× baseline)")
        many = folder / "many.db"
        open_demo_database(path=many).dispose()
        clone_units(many, options.units)
        baseline = _median_seconds(_command(many, "ledger", "ls"), options.repeat)
        seconds = _median_seconds(
            _command(many, "report", "summary", "-o", str(folder / "s50.docx")), options.repeat
        )
        print(
            f"report summary ({options.units} units): {seconds:.2f} s "
            f"({seconds / baseline:.2f}× `ledger ls` there, {baseline:.2f} s)"
        )


if __name__ == "__main__":
    main()
