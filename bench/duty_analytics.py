"""Duty analytics over a large work log, against the floor of reading it once.

Builds (once, cached under bench/.cache/) an SQLite database whose unit has a catalogue
of 132 duties, a 40-person roster and N work-log entries over 2020, then times in one
run, alternating, each `--repeat` times:
  floor     the standard library's sqlite3, its own connection to the same file: the
            unit's entries for the period (day, person, duty, section, times, hours),
            one query, fetchall();
  orgeval   services.figures.duties_for_unit (SQL aggregates + analytics);
  scan      the floor's query with `NOT INDEXED` (context): SQLite reads these rows
            through the `(unit_id, day)` index, as it does for orgeval's aggregates,
            and in this file, where every entry is the unit's, a table scan reads the
            same rows faster.
Both sides must see the same entries (the floor's row count is the figures' `entries`).
Prints medians, the ratio orgeval / floor and, as context, orgeval / scan.

    uv run python bench/duty_analytics.py [--entries 1000000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import platform
import random
import sqlite3
import statistics
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from orgeval_tui.models import Duty, Staff, Unit, WorkLogEntry
from orgeval_tui.services.figures import duties_for_unit
from orgeval_tui.services.units import add_unit
from orgeval_tui.storage.database import Database

CACHE = Path(__file__).parent / ".cache"
START, END = date(2020, 1, 1), date(2020, 12, 31)


def build(path: Path, entries: int) -> None:
    database = Database.open(str(path))
    unit_id = add_unit(database, "县工业和信息化局", short_name="县工信局").id
    rng = random.Random(2020)
    people = [f"人员{i:02d}" for i in range(40)]
    days = [START + timedelta(days=i) for i in range((END - START).days + 1)]
    with database.write() as session:
        session.execute(insert(Staff), [{"unit_id": unit_id, "name": name} for name in people])
        session.execute(
            insert(Duty),
            [
                {
                    "unit_id": unit_id,
                    "code": f"D{i:03d}",
                    "name": f"职责{i}",
                    "category": ("business", "general", "other")[i % 3],
                }
                for i in range(132)
            ],
        )
        duty_ids = list(session.scalars(select(Duty.id).where(Duty.unit_id == unit_id)))
    batch = 50_000
    for start in range(0, entries, batch):
        rows = [
            {
                "unit_id": unit_id,
                "duty_id": rng.choice(duty_ids[:94]),
                "person": rng.choice(people),
                "day": rng.choice(days),
                "times": rng.randint(1, 3),
                "hours": rng.randint(1, 16) / 2,
            }
            for _ in range(min(batch, entries - start))
        ]
        with database.write() as session:
            session.execute(insert(WorkLogEntry), rows)
    database.dispose()


FLOOR_SQL = (
    "SELECT day, person, duty_id, section_id, times, hours FROM work_log_entry{}"
    " WHERE unit_id = ? AND day >= ? AND day <= ?"
)


def floor(conn: sqlite3.Connection, unit_id: int, scan: bool = False) -> tuple[float, int]:
    """The rows the figures are made of, read once through the sqlite3 module alone: days
    stay the ISO text they are stored as, and freeing the rows is not timed."""
    sql = FLOOR_SQL.format(" NOT INDEXED" if scan else "")
    began = time.perf_counter()
    rows = conn.execute(sql, (unit_id, START.isoformat(), END.isoformat())).fetchall()
    elapsed = time.perf_counter() - began
    assert rows
    return elapsed, len(rows)


def orgeval(database: Database) -> tuple[float, int]:
    began = time.perf_counter()
    _, figures = duties_for_unit(database, "县工信局", START, END)
    elapsed = time.perf_counter() - began
    assert figures.duties_executed == 94
    return elapsed, figures.entries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"duty-log-{args.entries}.db"
    if not path.exists():
        print(f"building {path} …")
        build(path, args.entries)
    database = Database.open(str(path))
    with database.read() as session:
        unit_id = session.scalar(select(Unit.id).where(Unit.short_name == "县工信局"))
    conn = sqlite3.connect(path)

    # Warm the page cache and the calendar seed for both sides; both read the same rows.
    _, entries = orgeval(database)
    _, rows = floor(conn, unit_id)
    _, scanned = floor(conn, unit_id, scan=True)
    assert rows == scanned == entries, (rows, scanned, entries)
    floors, ours, scans = [], [], []
    for _ in range(args.repeat):
        floors.append(floor(conn, unit_id)[0])
        ours.append(orgeval(database)[0])
        scans.append(floor(conn, unit_id, scan=True)[0])
    conn.close()
    database.dispose()
    f, o, sc = statistics.median(floors), statistics.median(ours), statistics.median(scans)
    print(
        f"{platform.machine()}, Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )
    print(f"{args.entries:,} entries ({entries:,} in the period), median of {args.repeat}")
    print("  floor:   " + " ".join(f"{v:.3f}" for v in floors))
    print("  orgeval: " + " ".join(f"{v:.3f}" for v in ours))
    print("  scan:    " + " ".join(f"{v:.3f}" for v in scans))
    print(f"floor   (sqlite3, one query, fetchall)  {f:8.3f} s")
    print(f"orgeval (duties_for_unit)               {o:8.3f} s")
    print(f"scan    (the same, NOT INDEXED)         {sc:8.3f} s")
    print(f"ratio orgeval / floor                   {o / f:8.2f}")
    print(f"ratio orgeval / scan (context)          {o / sc:8.2f}")


if __name__ == "__main__":
    main()
