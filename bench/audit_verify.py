"""How long `orgeval audit verify` takes over a long audit trail, against reading the
same records without checking them, in the same run.

    uv run python bench/audit_verify.py [--records 1000000]

A database at the current schema gets --records chained audit records (field changes
of plausible length, a few actors, one second apart); then the verifier walks them,
and a plain read of the same columns in the same batches is the baseline.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, text

from orgeval_tui.models import AuditEvent
from orgeval_tui.storage.audit_chain import GENESIS, chained, verify
from orgeval_tui.storage.database import Database

BATCH = 20000


def fill(database: Database, count: int) -> None:
    start = datetime(2021, 6, 30, tzinfo=UTC)
    previous = GENESIS
    for first in range(0, count, BATCH):
        records = [
            {
                "actor": ("wangli", "zhangmin", "liqiang")[n % 3],
                "at": start + timedelta(seconds=n),
                "entity": "problem",
                "entity_id": str(n % 5000),
                "action": "update",
                "field": "measures",
                "old": f"第{n}次修改前的整改措施：明确责任科室和完成时限",
                "new": f"第{n}次修改后的整改措施：建立台账，逐项销号",
            }
            for n in range(first, min(first + BATCH, count))
        ]
        records = chained(previous, records)
        previous = records[-1]["chain"]
        with database.engine.begin() as connection:
            connection.execute(insert(AuditEvent.__table__), records)


def plain_read(database: Database) -> int:
    count, after = 0, 0
    with database.engine.connect() as connection:
        while True:
            rows = connection.execute(
                text(
                    "SELECT id, chain, actor, at, entity, entity_id, action, field, old, new "
                    "FROM audit_event WHERE id > :after ORDER BY id LIMIT :n"
                ),
                {"after": after, "n": BATCH},
            ).all()
            if not rows:
                return count
            count += len(rows)
            after = rows[-1][0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=1_000_000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = Database.open(str(Path(folder) / "audit.db"))
        started = time.perf_counter()
        fill(database, options.records)
        print(
            f"{options.records:,} chained records written in {time.perf_counter() - started:.1f} s"
        )
        started = time.perf_counter()
        read = plain_read(database)
        baseline = time.perf_counter() - started
        with database.engine.connect() as connection:
            started = time.perf_counter()
            verdict = verify(connection)
            seconds = time.perf_counter() - started
        assert verdict.first_break is None and verdict.records == read == options.records
        print(f"plain read of the same records: {baseline:.2f} s")
        print(f"audit verify: {seconds:.2f} s ({seconds / baseline:.2f}× the plain read)")
        database.dispose()


if __name__ == "__main__":
    main()
