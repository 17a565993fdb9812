"""Several evaluators' processes writing one SQLite file at once lose nothing.

Each process runs ORM read-modify-write transactions through the project's own session
factory; with a deferred BEGIN two of them read the same value and one update is lost
(or surfaces as `database is locked`). BEGIN IMMEDIATE makes them queue instead.
"""

from __future__ import annotations

import multiprocessing
import traceback

import pytest

from orgeval_tui.models import Unit
from orgeval_tui.services.units import add_unit
from orgeval_tui.storage.database import Database

PROCESSES = 8
TRANSACTIONS = 500


def _increment_many(url: str, unit_id: int, count: int, start, errors) -> None:
    database = Database(url)
    start.wait()
    try:
        for _ in range(count):
            with database.write() as session:
                unit = session.get(Unit, unit_id)
                unit.quota_service = unit.quota_service + 1
    except Exception:  # noqa: BLE001 - reported to the parent, which fails the test
        errors.put(traceback.format_exc())
    finally:
        database.dispose()


@pytest.mark.sqlite_only
def test_parallel_read_modify_write_loses_nothing(database):
    unit_id = add_unit(database, "县工业和信息化局").id
    context = multiprocessing.get_context("fork")
    start, errors = context.Event(), context.Queue()
    workers = [
        context.Process(
            target=_increment_many, args=(database.url, unit_id, TRANSACTIONS, start, errors)
        )
        for _ in range(PROCESSES)
    ]
    database.dispose()  # forked children must not share the parent's connections
    for worker in workers:
        worker.start()
    start.set()
    for worker in workers:
        worker.join(timeout=600)

    reported = []
    while not errors.empty():
        reported.append(errors.get())
    assert reported == [], reported[0]
    assert [w.exitcode for w in workers] == [0] * PROCESSES
    with database.read() as session:
        unit = session.get(Unit, unit_id)
        assert unit.quota_service == PROCESSES * TRANSACTIONS
        assert unit.version == 1 + PROCESSES * TRANSACTIONS
