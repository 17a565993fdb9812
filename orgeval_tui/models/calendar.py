"""The office's working-day calendar: statutory holidays and adjusted workdays."""

from __future__ import annotations

from datetime import date

from sqlmodel import Field, SQLModel


class CalendarDay(SQLModel, table=True):
    """A day whose working status is known. Days absent from the table fall back to
    Monday-Friday, and figures that used such days say so."""

    __tablename__ = "calendar_day"

    day: date = Field(primary_key=True)
    is_workday: bool
    name: str | None = Field(default=None, max_length=50)
    source: str = Field(default="seed", max_length=10)
