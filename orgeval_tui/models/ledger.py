"""The problem ledger (问题台账): problems and the events of their lives.

On SQLite the ledger's text is also indexed for substring search (``problem_search``, an
FTS5 table of overlapping character bigrams kept in sync by triggers on ``problem`` and
``problem_event``; see ``services/ledger/search.py`` and migration 0002); on PostgreSQL
``problem_search`` is a table of documents with GIN indexes, kept by triggers too
(migration 0009). Neither is a SQLModel table: ``is_search_index_table`` lets Alembic's
comparison skip them. A migration that rebuilds ``problem`` or ``problem_event`` in batch
mode drops their triggers and must create them again (``tests/services/ledger`` checks they exist).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from ..domain.ledger_words import PROBLEM_SOURCES, PROBLEM_STATUSES, SEARCH_INDEX, SEVERITIES
from .base import timestamp_column, utcnow, version_column

__all__ = ["PROBLEM_SOURCES", "PROBLEM_STATUSES", "SEVERITIES", "Problem", "ProblemEvent"]


_problem_version = version_column()


class Problem(SQLModel, table=True):
    __tablename__ = "problem"
    __table_args__ = (
        UniqueConstraint("evaluation_id", "number"),
        Index("ix_problem_unit_status", "unit_id", "status"),
        Index("ix_problem_status_deadline", "status", "deadline"),
        # The current evaluation's problems as a range of ids: two seeks (ledger search).
        Index("ix_problem_evaluation_id_id", "evaluation_id", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    evaluation_id: int = Field(foreign_key="evaluation.id", ondelete="RESTRICT")
    number: str = Field(max_length=20)
    unit_id: int = Field(foreign_key="unit.id", ondelete="RESTRICT")
    source: str = Field(max_length=10)
    category: str | None = Field(default=None, max_length=50)
    title: str = Field(max_length=200)
    description: str = Field(default="", sa_type=Text)
    recommendation: str = Field(default="", sa_type=Text)
    severity: str = Field(default="medium", max_length=10)
    status: str = Field(default="identified", max_length=12)
    fed_back_on: date | None = None
    measures: str | None = Field(default=None, sa_type=Text)
    responsible: str | None = Field(default=None, max_length=50)
    deadline: date | None = None
    report_text: str | None = Field(default=None, sa_type=Text)
    report_file_name: str | None = Field(default=None, max_length=255)
    report_file_hash: str | None = Field(default=None, max_length=64)
    reported_on: date | None = None
    verifier: str | None = Field(default=None, max_length=50)
    verified_on: date | None = None
    verify_note: str | None = Field(default=None, sa_type=Text)
    withdraw_reason: str | None = Field(default=None, sa_type=Text)
    withdrawn_on: date | None = None
    created_at: datetime = Field(default_factory=utcnow, sa_column=timestamp_column(nullable=False))
    version: int = Field(default=1, sa_column=_problem_version)

    __mapper_args__ = {"version_id_col": _problem_version}


class ProblemEvent(SQLModel, table=True):
    """One step in a problem's life: never edited, never deleted."""

    __tablename__ = "problem_event"

    id: int | None = Field(default=None, primary_key=True)
    problem_id: int = Field(foreign_key="problem.id", index=True, ondelete="RESTRICT")
    action: str = Field(max_length=20)
    from_status: str | None = Field(default=None, max_length=12)
    to_status: str = Field(max_length=12)
    actor: str = Field(max_length=64)
    at: datetime = Field(default_factory=utcnow, sa_column=timestamp_column(nullable=False))
    reason: str | None = Field(default=None, sa_type=Text)
    detail: str | None = Field(default=None, sa_type=Text, description="JSON of the values set")


SEARCH_INDEX_TABLES = frozenset(
    {SEARCH_INDEX, *(f"{SEARCH_INDEX}_{shadow}" for shadow in ("data", "idx", "docsize", "config"))}
)


def is_search_index_table(name: str) -> bool:
    """The search index: SQLite's FTS5 table and its shadow tables, or PostgreSQL's table
    of documents (not in the metadata)."""
    return name in SEARCH_INDEX_TABLES
