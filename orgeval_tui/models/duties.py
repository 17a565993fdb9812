"""A unit's duty catalogue and the work log staff keep against it."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

DUTY_CATEGORIES = ("business", "general", "other")


class Duty(SQLModel, table=True):
    __tablename__ = "duty"
    __table_args__ = (UniqueConstraint("unit_id", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", index=True, ondelete="CASCADE")
    section_id: int | None = Field(default=None, foreign_key="section.id", ondelete="SET NULL")
    code: str = Field(max_length=50)
    name: str = Field(max_length=500)
    category: str = Field(default="other", max_length=20)
    import_id: int | None = Field(default=None, foreign_key="import_record.id", ondelete="SET NULL")


class WorkLogEntry(SQLModel, table=True):
    __tablename__ = "work_log_entry"
    __table_args__ = (
        # Covering: a period's log is read (grouped by day, section and person, or by
        # duty) from the index alone, never from the table's rows.
        Index(
            "ix_work_log_entry_unit_day",
            "unit_id",
            "day",
            "section_id",
            "person",
            "duty_id",
            "times",
            "hours",
        ),
        CheckConstraint("times >= 0 AND hours >= 0", name="amounts_not_negative"),
    )

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", ondelete="CASCADE")
    duty_id: int = Field(foreign_key="duty.id", index=True, ondelete="CASCADE")
    section_id: int | None = Field(default=None, foreign_key="section.id", ondelete="SET NULL")
    person: str = Field(max_length=50)
    day: date
    times: int = Field(default=1)
    hours: float = Field(default=0)
    import_id: int | None = Field(default=None, foreign_key="import_record.id", ondelete="SET NULL")
