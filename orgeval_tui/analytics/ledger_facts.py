"""Facts about problems: pure functions of a problem and a day, no database.

A "problem" here is anything with the ledger's attributes (``status``, ``deadline``,
``created_at``, ``verified_on``, ``withdrawn_on``, and ``unit`` for the counts): the
service's ``ProblemView``, an ORM row, a test's namespace.

* ``overdue``: the deadline has passed (it is before ``today``) and the problem is still
  open (identified, fed back or rectifying): not reported, closed or withdrawn. A
  deadline is the last day allowed, so a problem is not overdue on its deadline.
* due within N days: open, deadline from ``today`` to ``today + N`` inclusive (an
  overdue problem is not "due").
* days open: from the day it was recorded (``created_at`` in the office's time zone) to
  the day it was struck off (``verified_on``), withdrawn (``withdrawn_on``), or ``today``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta

OPEN_STATUSES = ("identified", "fed_back", "rectifying")
# Concluded: struck off or withdrawn. Every other problem is unconcluded, a reported one
# too (its look-back is still to come): the two together count every problem once.
CONCLUDED_STATUSES = ("closed", "withdrawn")
UNCONCLUDED_STATUSES = (*OPEN_STATUSES, "reported")
DUE_SOON_DAYS = (10, 20)


def is_overdue(problem, today: date) -> bool:
    return (
        problem.status in OPEN_STATUSES
        and problem.deadline is not None
        and problem.deadline < today
    )


def overdue_where(columns, today: date) -> tuple:
    """``is_overdue`` as SQL conditions on a problem table's ``columns`` (its ``.c``)."""
    return (
        columns.status.in_(OPEN_STATUSES),
        columns.deadline.is_not(None),
        columns.deadline < today,
    )


def days_overdue(problem, today: date) -> int | None:
    return (today - problem.deadline).days if is_overdue(problem, today) else None


def days_left(problem, today: date) -> int | None:
    """Days until the deadline (0 on the day itself) of an open problem not yet overdue."""
    if problem.status not in OPEN_STATUSES or problem.deadline is None:
        return None
    left = (problem.deadline - today).days
    return left if left >= 0 else None


def is_due_within(problem, today: date, days: int) -> bool:
    left = days_left(problem, today)
    return left is not None and left <= days


def created_on(problem) -> date:
    from ..domain.clock import office_tz

    return problem.created_at.astimezone(office_tz()).date()


def days_open(problem, today: date) -> int:
    if problem.status == "closed" and problem.verified_on is not None:
        end = problem.verified_on
    elif problem.status == "withdrawn" and problem.withdrawn_on is not None:
        end = problem.withdrawn_on
    else:
        end = today
    return max(0, (end - created_on(problem)).days)


@dataclass(frozen=True)
class ProblemFacts:
    today: date
    overdue: bool
    days_overdue: int | None
    days_left: int | None
    due_within_10: bool
    due_within_20: bool
    days_open: int

    def to_json(self) -> dict:
        document = asdict(self)
        document["today"] = self.today.isoformat()
        return document


def facts(problem, today: date) -> ProblemFacts:
    return ProblemFacts(
        today=today,
        overdue=is_overdue(problem, today),
        days_overdue=days_overdue(problem, today),
        days_left=days_left(problem, today),
        due_within_10=is_due_within(problem, today, 10),
        due_within_20=is_due_within(problem, today, 20),
        days_open=days_open(problem, today),
    )


@dataclass(frozen=True)
class UnitCounts:
    unit: str
    total: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    open: int = 0
    overdue: int = 0
    due_within_10: int = 0
    due_within_20: int = 0

    def to_json(self) -> dict:
        return asdict(self)


def count_by_unit(problems: Iterable, today: date) -> list[UnitCounts]:
    """Counts per unit (in the order units first appear): total, per status, open,
    overdue, due within 10 and 20 days."""
    tallies: dict[str, dict] = {}
    for problem in problems:
        tally = tallies.setdefault(
            problem.unit,
            {"total": 0, "by_status": {}, "open": 0, "overdue": 0, 10: 0, 20: 0},
        )
        tally["total"] += 1
        tally["by_status"][problem.status] = tally["by_status"].get(problem.status, 0) + 1
        tally["open"] += problem.status in OPEN_STATUSES
        tally["overdue"] += is_overdue(problem, today)
        for days in DUE_SOON_DAYS:
            tally[days] += is_due_within(problem, today, days)
    return [
        UnitCounts(
            unit=unit,
            total=t["total"],
            by_status=t["by_status"],
            open=t["open"],
            overdue=t["overdue"],
            due_within_10=t[10],
            due_within_20=t[20],
        )
        for unit, t in tallies.items()
    ]


def due_window(today: date, days: int) -> tuple[date, date]:
    """The deadlines that are "due within ``days``" on ``today``: both ends included."""
    return today, today + timedelta(days=days)
