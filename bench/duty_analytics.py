"""Duty analytics over a large work log, against the floor of reading it once.

Builds (once, cached under bench/.cache/) an SQLite database whose unit has a catalogue
of 132 duties, a 40-person roster and N work-log entries over 2020, then times in one
run, alternating, each `--repeat` times:
  floor     pandas.read_sql of the unit's entries for the period, with one query;
  orgeval   services.figures.duties_for_unit (SQL aggregates + analytics).
Prints medians and the ratio orgeval / floor (target: at most 1.5).

    uv run python bench/duty_analytics.py [--entries 1000000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import random
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


def floor(database: Database, unit_id: int) -> float:
    import pandas as pd

    began = time.perf_counter()
    with database.engine.connect() as conn:
        frame = pd.read_sql(
            select(
                WorkLogEntry.day,
                WorkLogEntry.person,
                WorkLogEntry.duty_id,
                WorkLogEntry.section_id,
                WorkLogEntry.times,
                WorkLogEntry.hours,
            ).where(
                WorkLogEntry.unit_id == unit_id, WorkLogEntry.day >= START, WorkLogEntry.day <= END
            ),
            conn,
        )
    elapsed = time.perf_counter() - began
    assert len(frame) > 0
    return elapsed


def orgeval(database: Database) -> float:
    began = time.perf_counter()
    _, figures = duties_for_unit(database, "县工信局", START, END)
    elapsed = time.perf_counter() - began
    assert figures.duties_executed == 94
    return elapsed


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
    import pandas  # noqa: F401 - imported before timing: the floor is the query, not the import

    orgeval(database)  # warm the page cache and the calendar seed for both sides
    floors, ours = [], []
    for _ in range(args.repeat):
        floors.append(floor(database, unit_id))
        ours.append(orgeval(database))
    f, o = statistics.median(floors), statistics.median(ours)
    print(f"{args.entries:,} entries, median of {args.repeat}")
    print(f"floor   (pandas.read_sql, one query)  {f:8.3f} s")
    print(f"orgeval (duties_for_unit)             {o:8.3f} s")
    print(f"ratio orgeval / floor                 {o / f:8.2f}  (target ≤ 1.5)")


if __name__ == "__main__":
    main()
