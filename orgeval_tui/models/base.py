"""Shared column types and conventions for every table."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Column, DateTime, Integer
from sqlalchemy.types import TypeDecorator
from sqlmodel import SQLModel

# Named constraints let batch migrations on SQLite find and alter them later.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = SQLModel.metadata


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """A timezone-aware instant, stored in UTC.

    SQLite keeps no offset, so values read back are marked UTC again; a naive value
    is refused rather than guessed at.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime refused: {value!r}")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def timestamp_column(**kwargs) -> Column:
    return Column(UTCDateTime(), **kwargs)


def version_column() -> Column:
    """The optimistic-lock counter for rows that evaluators edit.

    SQLAlchemy's ``version_id_col`` needs this very Column object, so each model keeps
    its own in a module variable and names it in ``__mapper_args__``.
    """
    return Column("version", Integer, nullable=False, default=1, server_default="1")
