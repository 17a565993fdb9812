"""Who may do what in this database: each OS account's role, and the units an
evaluator is limited to (none listed: every unit). The rule is ``domain.roles``."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint
from sqlmodel import Field, SQLModel

from .base import timestamp_column, utcnow


class Account(SQLModel, table=True):
    __tablename__ = "account"
    __table_args__ = (
        CheckConstraint("role IN ('admin', 'evaluator', 'viewer')", name="known_role"),
    )

    name: str = Field(primary_key=True, max_length=64)
    role: str = Field(max_length=10)
    added_by: str = Field(max_length=64)
    added_at: datetime = Field(default_factory=utcnow, sa_column=timestamp_column(nullable=False))


class AccountUnit(SQLModel, table=True):
    __tablename__ = "account_unit"

    account: str = Field(
        primary_key=True, max_length=64, foreign_key="account.name", ondelete="CASCADE"
    )
    unit_id: int = Field(primary_key=True, foreign_key="unit.id", ondelete="CASCADE", index=True)
