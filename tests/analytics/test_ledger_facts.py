"""Facts on a fixed day: overdue, due within N days, days open, per-unit counts."""

from __future__ import annotations

from datetime import UTC, date, datetime
from types import SimpleNamespace

import pytest

from orgeval_tui.analytics.ledger_facts import (
    count_by_unit,
    days_left,
    days_open,
    days_overdue,
    facts,
    is_due_within,
    is_overdue,
)
from orgeval_tui.services import ledger
from tests.office import add_problem

TODAY = date(2021, 10, 1)


def problem(status="rectifying", deadline=None, created=date(2021, 7, 23), **more):
    values = dict(
        status=status,
        deadline=deadline,
        created_at=datetime(created.year, created.month, created.day, 1, 0, tzinfo=UTC),
        verified_on=None,
        withdrawn_on=None,
        unit="县工信局",
    )
    values.update(more)
    return SimpleNamespace(**values)


@pytest.mark.parametrize(
    ("status", "deadline", "overdue"),
    [
        ("rectifying", date(2021, 9, 30), True),
        ("rectifying", date(2021, 10, 1), False),  # the deadline is the last day allowed
        ("rectifying", date(2021, 10, 2), False),
        ("fed_back", date(2021, 9, 1), True),
        ("identified", date(2021, 9, 1), True),
        ("reported", date(2021, 9, 1), False),
        ("closed", date(2021, 9, 1), False),
        ("withdrawn", date(2021, 9, 1), False),
        ("rectifying", None, False),
    ],
)
def test_overdue_is_a_passed_deadline_of_a_problem_not_yet_reported(status, deadline, overdue):
    assert is_overdue(problem(status, deadline), TODAY) is overdue


def test_days_overdue_and_days_left():
    assert days_overdue(problem(deadline=date(2021, 9, 21)), TODAY) == 10
    assert days_overdue(problem(deadline=date(2021, 10, 1)), TODAY) is None
    assert days_left(problem(deadline=date(2021, 10, 1)), TODAY) == 0
    assert days_left(problem(deadline=date(2021, 10, 11)), TODAY) == 10
    assert days_left(problem("reported", date(2021, 10, 11)), TODAY) is None
    assert days_left(problem(deadline=date(2021, 9, 30)), TODAY) is None


@pytest.mark.parametrize(
    ("deadline", "within_10", "within_20"),
    [
        (date(2021, 10, 1), True, True),
        (date(2021, 10, 11), True, True),
        (date(2021, 10, 12), False, True),
        (date(2021, 10, 21), False, True),
        (date(2021, 10, 22), False, False),
        (date(2021, 9, 30), False, False),  # overdue is not "due"
    ],
)
def test_due_within_counts_today_and_the_last_day(deadline, within_10, within_20):
    assert is_due_within(problem(deadline=deadline), TODAY, 10) is within_10
    assert is_due_within(problem(deadline=deadline), TODAY, 20) is within_20
    assert is_due_within(problem("reported", deadline), TODAY, 20) is False


def test_days_open_run_from_recording_to_strike_off_withdrawal_or_today():
    created = date(2021, 7, 23)
    assert days_open(problem(created=created), TODAY) == 70
    closed = problem("closed", created=created, verified_on=date(2021, 9, 3))
    assert days_open(closed, TODAY) == 42
    withdrawn = problem("withdrawn", created=created, withdrawn_on=date(2021, 7, 30))
    assert days_open(withdrawn, TODAY) == 7
    assert days_open(problem("reported", created=created), TODAY) == 70


def test_the_recording_day_is_the_offices_day_not_utcs():
    # 2021-07-22 17:30 UTC is 2021-07-23 01:30 in Asia/Shanghai.
    late = problem(created_at=datetime(2021, 7, 22, 17, 30, tzinfo=UTC))
    assert days_open(late, date(2021, 7, 24)) == 1


def test_facts_together():
    assert facts(problem(deadline=date(2021, 10, 5)), TODAY).to_json() == {
        "today": "2021-10-01",
        "overdue": False,
        "days_overdue": None,
        "days_left": 4,
        "due_within_10": True,
        "due_within_20": True,
        "days_open": 70,
    }


def _seed(office):
    """Seven problems in three units and every state; deadlines around TODAY."""
    plans = [
        ("县工信局", "rectifying", date(2021, 9, 20)),  # overdue
        ("县工信局", "rectifying", date(2021, 10, 5)),  # due within 10
        ("县工信局", "rectifying", date(2021, 10, 15)),  # due within 20
        ("县工信局", "reported", date(2021, 9, 1)),
        ("县总工会", "closed", date(2021, 9, 1)),
        ("县总工会", "withdrawn", date(2021, 9, 1)),
        ("县气象局", "fed_back", None),
    ]
    for i, (unit, state, deadline) in enumerate(plans):
        number = add_problem(office, unit, f"问题{i}").number
        ledger.feedback(office, number, date(2021, 7, 28))
        if state == "fed_back":
            continue
        ledger.plan(office, number, "措施", "负责人", deadline, past_deadline=True)
        if state == "reported" or state == "closed":
            ledger.report(office, number, "报告", on=date(2021, 8, 20))
        if state == "closed":
            ledger.verify(office, number, "同意销号", on=date(2021, 9, 3))
        if state == "withdrawn":
            ledger.withdraw(office, number, "重复", on=date(2021, 8, 1))


def test_filters_on_a_fixed_day(office):
    _seed(office)

    def numbers(**filters):
        return [p.number for p in ledger.list_problems(office, today=TODAY, **filters)]

    assert numbers(overdue=True) == ["2021-001"]
    assert numbers(due_within=10) == ["2021-002"]
    assert numbers(due_within=20) == ["2021-002", "2021-003"]
    assert numbers(unit="县工信局", status="rectifying") == ["2021-001", "2021-002", "2021-003"]
    assert numbers(status="open") == ["2021-001", "2021-002", "2021-003", "2021-007"]
    assert numbers(status="已销号") == ["2021-005"]
    assert numbers(unit="总工会") == ["2021-005", "2021-006"]
    assert ledger.count_problems(office, unit="县工信局", today=TODAY) == 4
    assert ledger.count_problems(office, overdue=True, today=TODAY) == 1


def test_per_unit_counts_in_sql_agree_with_the_pure_count(office):
    _seed(office)
    problems = ledger.list_problems(office, today=TODAY)

    counted = ledger.unit_counts(office, TODAY)

    assert counted == count_by_unit(problems, TODAY)
    by_unit = {c.unit: c for c in counted}
    gxj = by_unit["县工业和信息化局"]
    assert (gxj.total, gxj.open, gxj.overdue, gxj.due_within_10, gxj.due_within_20) == (
        4,
        3,
        1,
        1,
        2,
    )
    assert gxj.by_status == {"rectifying": 3, "reported": 1}
    assert by_unit["县总工会"].by_status == {"closed": 1, "withdrawn": 1}
    assert by_unit["县气象局"].open == 1


def test_the_cli_lists_overdue_and_due_problems_of_today(run, office, pin_today):
    _seed(office)
    pin_today(TODAY)

    overdue = run("ledger", "ls", "--unit", "县工信局", "--overdue", "--json").json()
    due = run("ledger", "ls", "--due-within", "20", "--json").json()
    shown = run("ledger", "show", "2021-001", "--json").json()

    assert [p["number"] for p in overdue] == ["2021-001"]
    assert overdue[0]["facts"]["days_overdue"] == 11
    assert [p["number"] for p in due] == ["2021-002", "2021-003"]
    assert shown["facts"]["overdue"] is True
    assert shown["facts"]["today"] == "2021-10-01"
    table = run("ledger", "ls", "--unit", "县工信局")
    assert "overdue 11 d" in table.out
    assert "4 d left" in table.out


def test_every_problem_is_concluded_or_not_never_both_nor_neither():
    from orgeval_tui.analytics.ledger_facts import CONCLUDED_STATUSES, UNCONCLUDED_STATUSES
    from orgeval_tui.domain.ledger_words import PROBLEM_STATUSES

    assert sorted((*CONCLUDED_STATUSES, *UNCONCLUDED_STATUSES)) == sorted(PROBLEM_STATUSES)
    assert "reported" in UNCONCLUDED_STATUSES, "a reported problem awaits its look-back"
