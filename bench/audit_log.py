"""How long `orgeval audit log` takes to read a long audit trail, filtered by unit, by
account and by day, against reading the newest records unfiltered, in the same run.

    uv run python bench/audit_log.py [--records 100000] [--units 50]

A database at the current schema gets --units units, 40 problems each (a tenth of them
deleted since, known only from the trail) and --records chained audit records: problem
field changes, score inserts (each with its unit_id record) and the deleted problems'
delete records, spread over the units (a third of them on the first) and three
accounts. Each read asks for the newest 100 records; the unit read is timed for the unit
with the most records and for one with none (the whole trail read). The best of 5 runs.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, text

from orgeval_tui.models import AuditEvent, Evaluation, Problem, Unit
from orgeval_tui.services.audit_log import read_audit
from orgeval_tui.storage.audit_chain import GENESIS, chained
from orgeval_tui.storage.database import Database

BATCH = 20000
PROBLEMS_PER_UNIT = 40


def fill(database: Database, count: int, units: int) -> None:
    start = datetime(2021, 6, 30, tzinfo=UTC)
    problems = units * PROBLEMS_PER_UNIT
    with database.engine.begin() as connection:
        connection.execute(
            insert(Unit.__table__),
            [
                {"id": u, "name": f"县测试局{u}", "kind": "department", "version": 1}
                for u in range(1, units + 1)
            ],
        )
        connection.execute(
            insert(Evaluation.__table__),
            [
                {
                    "id": 1,
                    "name": "评估",
                    "reference_date": date(2021, 6, 30),
                    "number_prefix": "2021",
                    "created_at": start,
                }
            ],
        )
        connection.execute(
            insert(Problem.__table__),
            [
                {
                    "id": p,
                    "evaluation_id": 1,
                    "number": f"2021-{p:05d}",
                    "unit_id": (p - 1) // PROBLEMS_PER_UNIT + 1,
                    "source": "onsite",
                    "title": f"问题{p}",
                    "created_at": start,
                    "version": 1,
                }
                for p in range(1, problems + 1)
                if p % 10  # every tenth problem was deleted: the trail alone knows its unit
            ],
        )

    def record(n: int) -> dict:
        # Unit 1 gets a third of the trail; the last unit almost nothing.
        problem = 1 + (n * 7) % problems if n % 3 else 1 + n % PROBLEMS_PER_UNIT
        if problem > problems - PROBLEMS_PER_UNIT:
            problem -= PROBLEMS_PER_UNIT
        unit = (problem - 1) // PROBLEMS_PER_UNIT + 1
        base = {
            "actor": ("wangli", "zhangmin", "liqiang")[n % 3],
            "at": start + timedelta(seconds=n),
        }
        if n % 5 == 0:
            return {
                **base,
                "entity": "score",
                "entity_id": str(n),
                "action": "insert",
                "field": "unit_id",
                "old": None,
                "new": str(unit),
            }
        if problem % 10 == 0 and n % 7 == 0:
            return {
                **base,
                "entity": "problem",
                "entity_id": str(problem),
                "action": "delete",
                "field": "unit_id",
                "old": str(unit),
                "new": None,
            }
        return {
            **base,
            "entity": "problem",
            "entity_id": str(problem),
            "action": "update",
            "field": "measures",
            "old": f"第{n}次修改前的整改措施",
            "new": f"第{n}次修改后的整改措施：建立台账，逐项销号",
        }

    previous = GENESIS
    for first in range(0, count, BATCH):
        records = chained(previous, [record(n) for n in range(first, min(first + BATCH, count))])
        previous = records[-1]["chain"]
        with database.engine.begin() as connection:
            connection.execute(insert(AuditEvent.__table__), records)


def timed(label: str, baseline: float | None, read) -> float:
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        page = read()
        best = min(best, time.perf_counter() - started)
    ratio = f" ({best / baseline:.2f}× unfiltered)" if baseline else ""
    print(f"{label}: {best * 1000:.0f} ms, {len(page.lines)} records{ratio}")
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--units", type=int, default=50)
    parser.add_argument(
        "--field-index",
        action="store_true",
        help="add an index on audit_event.field first (what a migration could add)",
    )
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = Database.open(str(Path(folder) / "audit.db"))
        fill(database, options.records, options.units)
        if options.field_index:
            with database.engine.begin() as connection:
                connection.execute(text("CREATE INDEX ix_bench_field ON audit_event (field)"))
        print(f"{options.records:,} audit records over {options.units} units")
        baseline = timed("newest 100, unfiltered", None, lambda: read_audit(database))
        timed("--unit (the busiest unit)", baseline, lambda: read_audit(database, unit="县测试局1"))
        timed(
            "--unit (a unit with no records: the whole trail read)",
            baseline,
            lambda: read_audit(database, unit=f"县测试局{options.units}"),
        )
        timed("--actor", baseline, lambda: read_audit(database, actor="zhangmin"))
        timed(
            "--since (a day that nearly every record follows)",
            baseline,
            lambda: read_audit(database, since=date(2021, 7, 1)),
        )
        database.dispose()


if __name__ == "__main__":
    main()
