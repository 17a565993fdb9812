"""An evaluation project: its reference date, periods, evaluated units and grade bands."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field, SQLModel

from .base import timestamp_column, utcnow, version_column

_evaluation_version = version_column()


class Evaluation(SQLModel, table=True):
    __tablename__ = "evaluation"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, unique=True)
    reference_date: date
    number_prefix: str = Field(max_length=20, description="problem numbers: PREFIX-NNN")
    grade_excellent: float = Field(default=90)
    grade_good: float = Field(default=80)
    grade_pass: float = Field(default=60)
    created_at: datetime = Field(default_factory=utcnow, sa_column=timestamp_column(nullable=False))
    version: int = Field(default=1, sa_column=_evaluation_version)

    __mapper_args__ = {"version_id_col": _evaluation_version}


class EvaluationPeriod(SQLModel, table=True):
    __tablename__ = "evaluation_period"
    __table_args__ = (UniqueConstraint("evaluation_id", "label"),)

    id: int | None = Field(default=None, primary_key=True)
    evaluation_id: int = Field(foreign_key="evaluation.id", index=True, ondelete="CASCADE")
    label: str = Field(max_length=50)
    start: date
    end: date


class EvaluationUnit(SQLModel, table=True):
    """A unit under evaluation in one evaluation project."""

    __tablename__ = "evaluation_unit"

    evaluation_id: int = Field(foreign_key="evaluation.id", primary_key=True, ondelete="CASCADE")
    unit_id: int = Field(foreign_key="unit.id", primary_key=True, ondelete="RESTRICT")


class CurrentEvaluation(SQLModel, table=True):
    """The office's current evaluation, chosen explicitly (`orgeval evaluation use`), one
    row at most: stored in the database so that every evaluator on the server works in
    the same one."""

    __tablename__ = "current_evaluation"
    __table_args__ = (CheckConstraint("slot = 1", name="one_row"),)

    slot: int = Field(default=1, primary_key=True)
    evaluation_id: int = Field(foreign_key="evaluation.id", ondelete="CASCADE")
