"""The two routes to duty figures agree: aggregates from SQL GROUP BY, and
``summarise_log`` over raw rows."""

from __future__ import annotations

import random
import sqlite3
from datetime import date, timedelta

import pytest

from orgeval_tui.analytics.duties import (
    DutyLogSummary,
    LogEntry,
    duty_figures,
    summarise_log,
)

from .duty_data import CATALOGUE, END, LOG, START, WORKDAYS


def test_summarise_log_builds_the_aggregates_by_hand():
    expected = DutyLogSummary(
        per_duty={
            "D1": (2, 4, 16.0),
            "D2": (3, 3, 15.0),
            "G1": (1, 1, 2.0),
            "O1": (1, 1, 1.0),
        },
        per_section={"运行科": (4, 25.5, 1), "投资科": (2, 7.5, 1), None: (1, 1.0, 1)},
        per_month={"2020-06": (7, 34.0)},
        persons_by_day={
            date(2020, 6, 22): 2,
            date(2020, 6, 23): 1,
            date(2020, 6, 25): 1,
            date(2020, 6, 27): 1,
            date(2020, 6, 28): 1,
        },
        log_persons=2,
    )

    assert summarise_log(LOG, START, END) == expected


def test_the_period_includes_both_ends():
    summary = summarise_log(LOG, date(2020, 6, 21), date(2020, 6, 21))

    assert summary.per_duty == {"D3": (1, 5, 8.0)}
    assert summary.log_persons == 1


def test_a_period_ending_before_it_starts_is_refused():
    with pytest.raises(ValueError, match="before it starts"):
        summarise_log(LOG, END, START)


def test_hours_do_not_depend_on_the_order_of_the_rows():
    """0.1 + 0.2 + 0.3 is 0.6000000000000001 added left to right, 0.6 right to left."""
    rows = [LogEntry(START, "王芳", None, "D1", 1, h) for h in (0.1, 0.2, 0.3)]

    forward = summarise_log(rows, START, END)
    backward = summarise_log(reversed(rows), START, END)

    assert forward == backward
    assert forward.per_duty["D1"][2] == 0.6
    assert 0.1 + 0.2 + 0.3 != 0.6  # the trap is real


def _random_log(seed: int, count: int) -> list[LogEntry]:
    rng = random.Random(seed)
    people = {f"员工{i}": rng.choice(["运行科", "投资科", "办公室", None]) for i in range(9)}
    codes = [duty.code for duty in CATALOGUE] + ["X1"]
    first = date(2020, 5, 20)
    log = []
    for _ in range(count):
        person = rng.choice(list(people))
        log.append(
            LogEntry(
                day=first + timedelta(days=rng.randrange(60)),
                person=person,
                section=people[person],
                duty_code=rng.choice(codes),
                times=rng.randint(1, 4),
                hours=rng.randrange(1, 17) / 2,  # halves: every sum is exact in any order
            )
        )
    return log


_SCHEMA = "CREATE TABLE log (day TEXT, person TEXT, section TEXT, code TEXT, times INT, hours REAL)"
_IN_P = "WHERE day BETWEEN :start AND :end"


def _summary_by_sql(log: list[LogEntry], start: date, end: date) -> DutyLogSummary:
    """The aggregates as the database layer computes them: one GROUP BY each."""
    db = sqlite3.connect(":memory:")
    db.execute(_SCHEMA)
    db.executemany(
        "INSERT INTO log VALUES (?, ?, ?, ?, ?, ?)",
        [(e.day.isoformat(), e.person, e.section, e.duty_code, e.times, e.hours) for e in log],
    )
    period = {"start": start.isoformat(), "end": end.isoformat()}

    def rows(select: str):
        return db.execute(select.format(where=_IN_P), period).fetchall()

    per_duty = rows("SELECT code, COUNT(*), SUM(times), SUM(hours) FROM log {where} GROUP BY code")
    per_section = rows(
        "SELECT section, COUNT(*), SUM(hours), COUNT(DISTINCT person) FROM log {where} "
        "GROUP BY section"
    )
    per_month = rows(
        "SELECT strftime('%Y-%m', day), COUNT(*), SUM(hours) FROM log {where} GROUP BY 1"
    )
    by_day = rows("SELECT day, COUNT(DISTINCT person) FROM log {where} GROUP BY day")
    [(log_persons,)] = rows("SELECT COUNT(DISTINCT person) FROM log {where}")
    return DutyLogSummary(
        per_duty={code: (n, times, hours) for code, n, times, hours in per_duty},
        per_section={section: (n, hours, persons) for section, n, hours, persons in per_section},
        per_month={month: (n, hours) for month, n, hours in per_month},
        persons_by_day={date.fromisoformat(day): n for day, n in by_day},
        log_persons=log_persons,
    )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sql_aggregates_and_summarise_log_give_identical_figures(seed):
    log = _random_log(seed, 3000)
    start, end = date(2020, 6, 1), date(2020, 6, 30)
    workdays = [d for d in (start + timedelta(days=i) for i in range(30)) if d.weekday() < 5]
    by_sql = _summary_by_sql(log, start, end)
    by_rows = summarise_log(log, start, end)

    def figures(summary, headcount):
        return duty_figures(
            CATALOGUE,
            summary,
            workdays=workdays,
            workdays_assumed=True,
            roster_headcount=headcount,
        ).to_json()

    assert by_sql == by_rows
    for headcount in (None, 12):
        assert figures(by_sql, headcount) == figures(by_rows, headcount)
    assert figures(by_rows, 12)["unknown_duty_codes"] == ["X1"]
    assert 0 < figures(by_rows, 12)["fill_rate"] < 1


def test_both_routes_agree_on_the_small_log():
    by_sql = _summary_by_sql(list(LOG), START, END)
    kwargs = {"workdays": WORKDAYS, "workdays_assumed": False, "roster_headcount": 2}

    assert by_sql == summarise_log(LOG, START, END)
    assert (
        duty_figures(CATALOGUE, by_sql, **kwargs).to_json()
        == duty_figures(CATALOGUE, summarise_log(LOG, START, END), **kwargs).to_json()
    )
