"""On-site evaluation (实地评): the activities of a visit, their notes and files, what
each one found, the interview outlines of an evaluation, and a unit's self-evaluation
report (自评报告)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from ..domain.fieldwork_words import ACTIVITY_KINDS
from .base import timestamp_column, utcnow, version_column

__all__ = [
    "ACTIVITY_KINDS",
    "ActivityFile",
    "Finding",
    "FindingIndicator",
    "InterviewOutline",
    "OnsiteActivity",
    "SelfReport",
]

_activity_version = version_column()


class OnsiteActivity(SQLModel, table=True):
    """One activity of a visit. ``notes`` are the saved notes; ``draft`` holds what was
    typed since the last save (written as it is typed, never audited field by field), so
    an editor that dies comes back with it."""

    __tablename__ = "onsite_activity"

    id: int | None = Field(default=None, primary_key=True)
    evaluation_id: int = Field(foreign_key="evaluation.id", index=True, ondelete="CASCADE")
    unit_id: int = Field(foreign_key="unit.id", index=True, ondelete="CASCADE")
    kind: str = Field(max_length=20)
    held_on: date
    place: str | None = Field(default=None, max_length=200)
    evaluators: str | None = Field(default=None, max_length=500)
    # JSON: [{"role": "科室负责人", "name": "..."}], the name optional (interviews are
    # often anonymous).
    people_met: str | None = Field(default=None, sa_type=Text)
    notes: str = Field(default="", sa_type=Text)
    draft: str | None = Field(default=None, sa_type=Text)
    draft_saved_at: datetime | None = Field(default=None, sa_column=timestamp_column())
    draft_by: str | None = Field(default=None, max_length=64)
    created_by: str | None = Field(default=None, max_length=64)
    created_at: datetime | None = Field(default_factory=utcnow, sa_column=timestamp_column())
    version: int = Field(default=1, sa_column=_activity_version)

    __mapper_args__ = {"version_id_col": _activity_version}


class ActivityFile(SQLModel, table=True):
    """A photo or scan attached to an activity: where it is and its SHA-256; the file
    stays where it is."""

    __tablename__ = "activity_file"

    id: int | None = Field(default=None, primary_key=True)
    activity_id: int = Field(foreign_key="onsite_activity.id", index=True, ondelete="CASCADE")
    path: str = Field(max_length=1000)
    sha256: str = Field(max_length=64)
    size: int
    added_by: str = Field(max_length=64)
    added_at: datetime = Field(default_factory=utcnow, sa_column=timestamp_column(nullable=False))


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
    created_by: str | None = Field(default=None, max_length=64)
    created_at: datetime | None = Field(default_factory=utcnow, sa_column=timestamp_column())
    version: int = Field(default=1, sa_column=_finding_version)

    __mapper_args__ = {"version_id_col": _finding_version}


class FindingIndicator(SQLModel, table=True):
    """A rubric leaf a finding bears on (evidence for its score), by the leaf's code."""

    __tablename__ = "finding_indicator"

    finding_id: int = Field(foreign_key="finding.id", primary_key=True, ondelete="CASCADE")
    code: str = Field(primary_key=True, max_length=20)


class InterviewOutline(SQLModel, table=True):
    """An evaluation's own questions for one kind of activity (访谈提纲), replacing the
    shipped defaults for that kind. ``questions``: a JSON list of strings."""

    __tablename__ = "interview_outline"
    __table_args__ = (UniqueConstraint("evaluation_id", "kind"),)

    id: int | None = Field(default=None, primary_key=True)
    evaluation_id: int = Field(foreign_key="evaluation.id", ondelete="CASCADE")
    kind: str = Field(max_length=20)
    questions: str = Field(sa_type=Text)


class SelfReport(SQLModel, table=True):
    """A unit's self-evaluation report (自评报告) as text, with its list of evidence
    (JSON list of strings); importing it again replaces it."""

    __tablename__ = "self_report"
    __table_args__ = (UniqueConstraint("evaluation_id", "unit_id"),)

    id: int | None = Field(default=None, primary_key=True)
    evaluation_id: int = Field(foreign_key="evaluation.id", ondelete="CASCADE")
    unit_id: int = Field(foreign_key="unit.id", index=True, ondelete="CASCADE")
    file_name: str = Field(max_length=255)
    sha256: str = Field(max_length=64)
    text: str = Field(sa_type=Text)
    evidence: str = Field(default="[]", sa_type=Text)
    imported_by: str = Field(max_length=64)
    imported_at: datetime = Field(
        default_factory=utcnow, sa_column=timestamp_column(nullable=False)
    )
