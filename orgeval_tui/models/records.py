"""What came in (import records) and what changed (the append-only audit trail)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Text
from sqlmodel import Field, SQLModel

from .base import timestamp_column, utcnow


class ImportRecord(SQLModel, table=True):
    __tablename__ = "import_record"

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=20)
    unit_id: int | None = Field(
        default=None, foreign_key="unit.id", index=True, ondelete="SET NULL"
    )
    file_name: str = Field(max_length=255)
    file_hash: str = Field(max_length=64)
    rows: int
    skipped: int = Field(default=0)
    actor: str = Field(max_length=64)
    at: datetime = Field(default_factory=utcnow, sa_column=timestamp_column(nullable=False))
    note: str | None = Field(default=None, sa_type=Text)


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_entity", "entity", "entity_id"),)

    id: int | None = Field(default=None, primary_key=True)
    actor: str = Field(max_length=64)
    at: datetime = Field(default_factory=utcnow, sa_column=timestamp_column(nullable=False))
    entity: str = Field(max_length=50)
    entity_id: str = Field(max_length=64)
    action: str = Field(max_length=10)
    field: str | None = Field(default=None, max_length=50)
    old: str | None = Field(default=None, sa_type=Text)
    new: str | None = Field(default=None, sa_type=Text)
    # SHA-256 of the record before and of this one's fields (storage/audit_chain.py).
    chain: str | None = Field(default=None, max_length=64)
