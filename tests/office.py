"""A county office to test against: its units and its evaluation."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime

from orgeval_tui.domain.clock import clock_at, office_tz
from orgeval_tui.services.evaluations import create_evaluation
from orgeval_tui.services.units import add_unit


def add_evaluation(database, name="2021年度评估", prefix="2021", reference=date(2021, 6, 30)):
    return create_evaluation(database, name, reference, number_prefix=prefix).id


def build_office(database):
    """Three units and the 2021 evaluation (problem numbers 2021-NNN)."""
    add_unit(database, "县工业和信息化局", short_name="县工信局")
    add_unit(database, "县总工会", short_name="总工会")
    add_unit(database, "县气象局", short_name="气象局")
    add_evaluation(database)
    return database


# The pilot's problems were recorded at its start: the days of their later steps (fed
# back 2021-07-01 at the earliest) may not come before the day a problem was recorded.
RECORDED = datetime(2021, 6, 30, 9, tzinfo=office_tz())


@contextmanager
def recording() -> Iterator[None]:
    """Record problems (or run `orgeval ledger add`) on the pilot's first day."""
    with clock_at(RECORDED):
        yield


def add_problem(database, *args, **values):
    """``ledger.add``, on the pilot's first day."""
    from orgeval_tui.services import ledger

    with recording():
        return ledger.add(database, *args, **values)


def team(database, *names: str, role: str = "evaluator") -> None:
    """Give each named evaluator ``role`` (as the account running the tests, the
    database's admin), so that work done ``acting_as`` them is allowed."""
    from orgeval_tui.services.users import add_user, list_users

    known = {account.name for account in list_users(database)}
    for name in names:
        if name not in known:
            add_user(database, name, role)
