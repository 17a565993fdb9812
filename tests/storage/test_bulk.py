"""Bulk writes store exactly what SQLAlchemy Core stores: dates, aware times (as UTC),
texts and blanks, on every backend."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import delete, insert, select

from orgeval_tui.models import Case
from orgeval_tui.storage.bulk import bulk_insert, insert_tuples

SHANGHAI = timezone(timedelta(hours=8))
ROWS = [
    {
        "channel": "hotline",
        "case_no": "12345-0001",
        "unit_name": "县工信局",
        "received_on": date(2020, 3, 2),
        "received_at": datetime(2020, 3, 2, 9, 30, tzinfo=SHANGHAI),
        "deadline_at": datetime(2020, 3, 9, 18, 0, tzinfo=SHANGHAI),
        "closed_at": None,
        "rating": "satisfied",
    },
    {
        "channel": "hotline",
        "case_no": "12345-0002",
        "unit_name": "县气象局",
        "received_on": date(2020, 12, 31),
        "received_at": datetime(2020, 12, 31, 23, 59, tzinfo=SHANGHAI),
        "deadline_at": None,
        "closed_at": datetime(2021, 1, 4, 8, 0, tzinfo=SHANGHAI),
        "rating": None,
    },
]
KEYS = list(ROWS[0])


def _stored(database) -> list[tuple]:
    with database.read() as session:
        return [
            tuple(row)
            for row in session.execute(
                select(*(Case.__table__.c[k] for k in KEYS)).order_by(Case.__table__.c.case_no)
            )
        ]


@pytest.mark.parametrize("write", ["tuples", "dicts"])
def test_bulk_rows_read_back_as_core_rows(database, write):
    with database.write() as session:
        session.execute(insert(Case.__table__), ROWS)
    by_core = _stored(database)
    with database.write() as session:
        session.execute(delete(Case.__table__))
        if write == "tuples":
            insert_tuples(session, Case.__table__, KEYS, [tuple(r.values()) for r in ROWS])
        else:
            bulk_insert(session, Case.__table__, ROWS)

    assert _stored(database) == by_core
    assert by_core[0][4] == datetime(2020, 3, 2, 1, 30, tzinfo=UTC)
    assert by_core[1][5] is None  # a blank stays blank


def test_a_naive_time_is_refused_as_core_refuses_it(database):
    naive = [{**ROWS[0], "received_at": datetime(2020, 3, 2, 9, 30)}]
    with pytest.raises(Exception, match="naive datetime refused"):
        with database.write() as session:
            bulk_insert(session, Case.__table__, naive)
