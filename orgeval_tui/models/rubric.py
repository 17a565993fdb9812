"""The rubric (a tree of indicators) and the scores given against its leaves."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Text, UniqueConstraint, false
from sqlmodel import Field, SQLModel

from .base import timestamp_column, utcnow, version_column

SCORE_SOURCES = ("self", "office")
# A unit's self-scores are the unit's, one per leaf, whoever in the office types them.
SELF_EVALUATOR = ""


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
    kind: str | None = Field(default=None, max_length=20, description="None on a parent")
    per_instance: float | None = Field(default=None, description="deduction leaves")
    categories: str | None = Field(
        default=None, sa_type=Text, description="deduction leaves: ledger categories, JSON list"
    )
    linked_figure: str | None = Field(default=None, max_length=50, description="figure leaves")
    bands: str | None = Field(
        default=None, sa_type=Text, description="figure leaves: [[at_least, points], ...] JSON"
    )
    veto: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    position: int = Field(default=0)


_score_version = version_column()


class Score(SQLModel, table=True):
    __tablename__ = "score"
    __table_args__ = (
        UniqueConstraint("indicator_id", "unit_id", "source", "evaluator"),
        CheckConstraint("points >= 0", name="points_not_negative"),
        CheckConstraint(
            "(not_applicable AND points IS NULL) OR (NOT not_applicable AND points IS NOT NULL)",
            name="points_or_not_applicable",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    indicator_id: int = Field(foreign_key="indicator.id", ondelete="CASCADE")
    unit_id: int = Field(foreign_key="unit.id", index=True, ondelete="CASCADE")
    source: str = Field(max_length=10)
    evaluator: str = Field(max_length=50)
    points: float | None = Field(default=None, description="None when not applicable")
    count: int | None = Field(default=None, description="deduction leaves: instances found")
    not_applicable: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    justification: str = Field(default="", sa_type=Text)
    updated_at: datetime = Field(default_factory=utcnow, sa_column=timestamp_column(nullable=False))
    version: int = Field(default=1, sa_column=_score_version)

    __mapper_args__ = {"version_id_col": _score_version}


_lock_version = version_column()


class ScoreLock(SQLModel, table=True):
    """A unit's office scores in one evaluation, finalised (locked) or reopened with a
    reason; no row means never finalised."""

    __tablename__ = "score_lock"

    evaluation_id: int = Field(foreign_key="evaluation.id", primary_key=True, ondelete="CASCADE")
    unit_id: int = Field(foreign_key="unit.id", primary_key=True, ondelete="CASCADE")
    finalized: bool = Field(default=True)
    reason: str = Field(default="", sa_type=Text, description="why it was last reopened")
    changed_at: datetime = Field(default_factory=utcnow, sa_column=timestamp_column(nullable=False))
    version: int = Field(default=1, sa_column=_lock_version)

    __mapper_args__ = {"version_id_col": _lock_version}
