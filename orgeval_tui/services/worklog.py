"""A unit's work log, a page at a time: a log of 100,000 entries is never loaded whole."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from ..models import Duty, Section, WorkLogEntry
from ..storage.database import Database


@dataclass(frozen=True)
class LogLine:
    day: date
    person: str
    section: str | None
    duty_code: str
    duty_name: str
    times: int
    hours: float


@dataclass(frozen=True)
class LogPage:
    offset: int
    total: int
    lines: tuple[LogLine, ...]


def log_page(
    db: Database, unit_id: int, start: date, end: date, offset: int, limit: int = 200
) -> LogPage:
    where = (WorkLogEntry.unit_id == unit_id, WorkLogEntry.day >= start, WorkLogEntry.day <= end)
    with db.read() as session:
        total = session.scalar(select(func.count()).select_from(WorkLogEntry).where(*where))
        offset = max(0, min(offset, max(0, total - 1) // limit * limit))
        rows = session.execute(
            select(
                WorkLogEntry.day,
                WorkLogEntry.person,
                Section.name,
                Duty.code,
                Duty.name,
                WorkLogEntry.times,
                WorkLogEntry.hours,
            )
            .join(Duty, Duty.id == WorkLogEntry.duty_id)
            .outerjoin(Section, Section.id == WorkLogEntry.section_id)
            .where(*where)
            .order_by(WorkLogEntry.day, WorkLogEntry.id)
            .offset(offset)
            .limit(limit)
        ).all()
    return LogPage(offset, total, tuple(LogLine(*row) for row in rows))
