"""The 12345 hotline export: cases of 2020 and the first half of 2021 across the county.

县工信局 receives 110 cases in 2020 and 44 in the first half of 2021, every one closed on
time and rated 满意 or 基本满意; the other units' counts keep it above the county average.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from datetime import date, datetime, time, timedelta
from functools import cache

from chinese_calendar import get_workdays

from .pilot_random import weighted
from .pilot_rosters import GXJ
from .pilot_units import EVALUATED_CASES, PEERS

PERIODS = ((date(2020, 1, 1), date(2020, 12, 31)), (date(2021, 1, 1), date(2021, 6, 30)))
# Working days a case has, and how often.
TIME_LIMITS = ((3, 2), (5, 6), (10, 2))
# rating → weight, for units other than 县工信局; None = not rated.
RATINGS = (("satisfied", 76), ("basically_satisfied", 13), ("unsatisfied", 4), (None, 7))
GXJ_RATINGS = (("satisfied", 86), ("basically_satisfied", 14))
LATE_SHARE = 0.05
# Cases received in the last days of the export may still be open.
OPEN_FROM = date(2021, 6, 24)


@cache
def _workdays() -> tuple[list[date], frozenset[date]]:
    """The official working days around the export, sorted and as a set (asking
    chinese_calendar day by day is slow)."""
    days = get_workdays(date(2019, 12, 1), date(2021, 9, 30))
    return days, frozenset(days)


def is_workday(day: date) -> bool:
    return day in _workdays()[1]


def _add_workdays(day: date, n: int) -> date:
    """The ``n``-th working day after ``day``."""
    days = _workdays()[0]
    return days[bisect_right(days, day) + n - 1]


def _received(rng: random.Random, start: date, end: date) -> datetime:
    while True:
        day = start + timedelta(days=rng.randrange((end - start).days + 1))
        if is_workday(day) or rng.random() < 0.45:
            break
    minute = rng.randrange(7 * 60 + 30, 21 * 60)
    return datetime.combine(day, time(minute // 60, minute % 60, rng.randrange(60)))


def _office_hours(rng: random.Random, moment: datetime) -> datetime:
    """A closing moment at night moves on to the next morning (never past an 18:00
    deadline it kept, never before the moment itself)."""
    if 8 <= moment.hour < 21:
        return moment.replace(second=0)
    day = moment.date() + timedelta(days=1 if moment.hour >= 21 else 0)
    return datetime.combine(day, time(8, rng.randrange(60)))


def _case(rng: random.Random, unit: str, received: datetime) -> dict:
    deadline = datetime.combine(
        _add_workdays(received.date(), weighted(rng, TIME_LIMITS)), time(18, 0)
    )
    exemplary = unit == GXJ
    if not exemplary and received.date() >= OPEN_FROM and rng.random() < 0.5:
        closed = None
    elif not exemplary and rng.random() < LATE_SHARE:
        closed = deadline + timedelta(minutes=rng.randrange(60, 5 * 24 * 60))
    else:
        span = (deadline - received).total_seconds()
        closed = received + timedelta(seconds=int(span * rng.uniform(0.1, 0.95)))
    if closed is not None:
        closed = _office_hours(rng, closed)
    rating = None
    if closed is not None:
        rating = weighted(rng, GXJ_RATINGS if exemplary else RATINGS)
    return {
        "channel": "hotline",
        "case_no": None,  # numbered once every case is drawn
        "unit_name": unit,
        "received_at": received,
        "deadline_at": deadline,
        "closed_at": closed,
        "rating": rating,
    }


def _counts(rng: random.Random) -> dict[str, tuple[int, int]]:
    counts = dict(EVALUATED_CASES)
    for name, *_quotas, cases_2020 in PEERS:
        if cases_2020 is not None:
            counts[name] = (cases_2020, round(cases_2020 * rng.uniform(0.36, 0.5)))
    return counts


def cases(rng: random.Random) -> list[dict]:
    rows = []
    for unit, per_period in _counts(rng).items():
        for (start, end), count in zip(PERIODS, per_period, strict=True):
            for _ in range(count):
                rows.append(_case(rng, unit, _received(rng, start, end)))
    rows.sort(key=lambda c: (c["received_at"], c["unit_name"]))
    # Numbers run per day through everything the hotline received, most of it not here.
    day, seq = None, 0
    for row in rows:
        if row["received_at"].date() != day:
            day, seq = row["received_at"].date(), 0
        seq += rng.randint(1, 9)
        row["case_no"] = f"{day:%Y%m%d}{seq:05d}"
    return rows
