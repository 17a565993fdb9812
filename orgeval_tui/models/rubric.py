"""The rubric (a tree of indicators) and the scores given against its leaves."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from .base import timestamp_column, utcnow, version_column

SCORE_SOURCES = ("self", "office")


class Indicator(SQLModel, table=True):
    __tablename__ = "indicator"
    __table_args__ = (UniqueConstraint("evaluation_id", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    evaluation_id: int = Field(foreign_key="evaluation.id", index=True, ondelete="CASCADE")
    parent_id: int | None = Field(default=None, foreign_key="indicator.id", ondelete="CASCADE")
    code: str = Field(max_length=20)
    name: str = Field(max_length=200)
    max_points: float | None = Field(default=None, description="set on leaves only")
    standard: str | None = Field(default=None, sa_type=Text)
    linked_figure: str | None = Field(default=None, max_length=50)
    position: int = Field(default=0)


_score_version = version_column()


class Score(SQLModel, table=True):
    __tablename__ = "score"
    __table_args__ = (
        UniqueConstraint("indicator_id", "unit_id", "source", "evaluator"),
        CheckConstraint("points >= 0", name="points_not_negative"),
    )

    id: int | None = Field(default=None, primary_key=True)
    indicator_id: int = Field(foreign_key="indicator.id", ondelete="CASCADE")
    unit_id: int = Field(foreign_key="unit.id", index=True, ondelete="CASCADE")
    source: str = Field(max_length=10)
    evaluator: str = Field(max_length=50)
    points: float
    justification: str = Field(default="", sa_type=Text)
    updated_at: datetime = Field(default_factory=utcnow, sa_column=timestamp_column(nullable=False))
    version: int = Field(default=1, sa_column=_score_version)

    __mapper_args__ = {"version_id_col": _score_version}
