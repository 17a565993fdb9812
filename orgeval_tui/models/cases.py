"""Cases handled through the government-service system and the 12345 hotline."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from .base import timestamp_column

CASE_CHANNELS = ("hotline", "service")
CASE_RATINGS = ("satisfied", "basically_satisfied", "unsatisfied")


class Case(SQLModel, table=True):
    """One case. ``unit_name`` is kept as exported, so the county average can count
    units that are not registered here; ``unit_id`` links the ones that are."""

    __tablename__ = "service_case"
    __table_args__ = (
        UniqueConstraint("channel", "case_no"),
        Index("ix_case_unit_received", "unit_id", "received_on"),
        Index("ix_case_channel_received", "channel", "received_on"),
    )

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=20)
    case_no: str = Field(max_length=64)
    unit_id: int | None = Field(default=None, foreign_key="unit.id", ondelete="SET NULL")
    unit_name: str = Field(max_length=100)
    received_on: date = Field(description="local calendar day the case was received")
    received_at: datetime | None = Field(default=None, sa_column=timestamp_column())
    deadline_at: datetime | None = Field(default=None, sa_column=timestamp_column())
    closed_at: datetime | None = Field(default=None, sa_column=timestamp_column())
    rating: str | None = Field(default=None, max_length=30)
    import_id: int | None = Field(default=None, foreign_key="import_record.id", ondelete="SET NULL")


class Benchmark(SQLModel, table=True):
    """An entered comparison value (e.g. the county's average cases) that wins over
    the computed one for its figure, channel and period."""

    __tablename__ = "benchmark"
    __table_args__ = (UniqueConstraint("figure", "channel", "period_start", "period_end"),)

    id: int | None = Field(default=None, primary_key=True)
    figure: str = Field(max_length=50)
    channel: str | None = Field(default=None, max_length=20)
    period_start: date
    period_end: date
    value: float
    note: str | None = Field(default=None, max_length=500)
