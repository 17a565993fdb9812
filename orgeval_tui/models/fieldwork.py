"""On-site evaluation: the activities of a visit and what each one found."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Text
from sqlmodel import Field, SQLModel

from .base import version_column

ACTIVITY_KINDS = ("briefing", "archives", "signage", "callback", "interview", "other")

_activity_version = version_column()


class OnsiteActivity(SQLModel, table=True):
    __tablename__ = "onsite_activity"

    id: int | None = Field(default=None, primary_key=True)
    evaluation_id: int = Field(foreign_key="evaluation.id", index=True, ondelete="CASCADE")
    unit_id: int = Field(foreign_key="unit.id", index=True, ondelete="CASCADE")
    kind: str = Field(max_length=20)
    held_on: date
    participants: str | None = Field(default=None, max_length=500)
    summary: str = Field(default="", sa_type=Text)
    version: int = Field(default=1, sa_column=_activity_version)

    __mapper_args__ = {"version_id_col": _activity_version}


_finding_version = version_column()


class Finding(SQLModel, table=True):
    __tablename__ = "finding"

    id: int | None = Field(default=None, primary_key=True)
    activity_id: int = Field(foreign_key="onsite_activity.id", index=True, ondelete="CASCADE")
    text: str = Field(sa_type=Text)
    severity: str | None = Field(default=None, max_length=10)
    problem_id: int | None = Field(
        default=None, foreign_key="problem.id", index=True, ondelete="SET NULL"
    )
    version: int = Field(default=1, sa_column=_finding_version)

    __mapper_args__ = {"version_id_col": _finding_version}
