"""The office's working-day calendar.

Every day of a year the office knows is a row: seeded from the `chinese-calendar`
package for the years it covers, then editable (a county may add a local holiday).
A day with no row falls back to Monday-Friday, and the figures that used such days
say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, insert, select

from ..domain.errors import UserError
from ..domain.roles import Need
from ..i18n import t
from ..models import CalendarDay
from ..storage.database import Database
from .access import require

ADJUSTED_WORKDAY = "调休上班"


@dataclass(frozen=True)
class Workdays:
    days: tuple[date, ...]
    assumed_days: int  # days of the period judged Monday-Friday for want of calendar data

    @property
    def assumed(self) -> bool:
        return self.assumed_days > 0


@dataclass(frozen=True)
class DayView:
    day: date
    is_workday: bool
    name: str | None
    source: str


def _official_years() -> range:
    from chinese_calendar.constants import holidays

    years = [day.year for day in holidays]
    return range(min(years), max(years) + 1)


def _official_days(year: int) -> list[dict]:
    import chinese_calendar
    from chinese_calendar.constants import Holiday

    chinese_names = {holiday.value: holiday.chinese for holiday in Holiday}
    rows = []
    day = date(year, 1, 1)
    while day.year == year:
        is_holiday, name = chinese_calendar.get_holiday_detail(day)
        is_workday = not is_holiday
        label = None
        if is_holiday and name:
            label = chinese_names.get(name, name)
        elif is_workday and day.weekday() >= 5:
            label = ADJUSTED_WORKDAY
        rows.append({"day": day, "is_workday": is_workday, "name": label, "source": "seed"})
        day += timedelta(days=1)
    return rows


def _years_seeded(session, years) -> set[int]:
    present = set()
    for year in years:
        count = session.scalar(
            select(func.count())
            .select_from(CalendarDay)
            .where(
                CalendarDay.day.between(date(year, 1, 1), date(year, 12, 31)),
                CalendarDay.source == "seed",
            )
        )
        if count:
            present.add(year)
    return present


def seed_calendar(db: Database, years=None) -> list[int]:
    """Seed the official calendar for ``years`` (default: every year the package
    covers) that has no day yet; returns the years seeded. Office edits are kept."""
    official = _official_years()
    wanted = [y for y in (years or official) if y in official]
    with db.read() as session:
        missing = [y for y in wanted if y not in _years_seeded(session, wanted)]
    if not missing:
        return []
    with db.write(derived=True) as session:
        fresh = [y for y in missing if y not in _years_seeded(session, missing)]
        for year in fresh:
            edited = set(
                session.scalars(
                    select(CalendarDay.day).where(
                        CalendarDay.day.between(date(year, 1, 1), date(year, 12, 31))
                    )
                )
            )
            rows = [row for row in _official_days(year) if row["day"] not in edited]
            session.execute(insert(CalendarDay), rows)
    return fresh


def workdays_between(db: Database, start: date, end: date) -> Workdays:
    if end < start:
        raise UserError(t("calendar.bad_period", start=start, end=end))
    seed_calendar(db, range(start.year, end.year + 1))
    with db.read() as session:
        known = dict(
            session.execute(
                select(CalendarDay.day, CalendarDay.is_workday).where(
                    CalendarDay.day.between(start, end)
                )
            ).all()
        )
    days, assumed = [], 0
    day = start
    while day <= end:
        if day in known:
            if known[day]:
                days.append(day)
        else:
            assumed += 1
            if day.weekday() < 5:
                days.append(day)
        day += timedelta(days=1)
    return Workdays(days=tuple(days), assumed_days=assumed)


def set_day(db: Database, day: date, *, is_workday: bool, name: str | None = None) -> DayView:
    with db.write() as session:
        require(session, Need.COUNTY)
        row = session.get(CalendarDay, day)
        if row is None:
            row = CalendarDay(day=day, is_workday=is_workday, name=name, source="manual")
            session.add(row)
        else:
            row.is_workday, row.name, row.source = is_workday, name, "manual"
        session.flush()
        return DayView(row.day, row.is_workday, row.name, row.source)


def special_days(db: Database, year: int) -> list[DayView]:
    """Holidays on weekdays, workdays on weekends, and every office edit, of one year."""
    seed_calendar(db, [year])
    with db.read() as session:
        rows = session.scalars(
            select(CalendarDay)
            .where(CalendarDay.day.between(date(year, 1, 1), date(year, 12, 31)))
            .order_by(CalendarDay.day)
        ).all()
    return [
        DayView(r.day, r.is_workday, r.name, r.source)
        for r in rows
        if r.source == "manual" or r.is_workday == (r.day.weekday() >= 5)
    ]
