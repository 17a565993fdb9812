"""Shared column types and conventions for every table."""

from __future__ import annotations

from sqlalchemy import Column, Integer
from sqlmodel import SQLModel

from ..domain.clock import utcnow
from ..storage.tables import UTCDateTime

# Named constraints let batch migrations on SQLite find and alter them later.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = SQLModel.metadata
__all__ = ["metadata", "timestamp_column", "utcnow", "version_column"]


def timestamp_column(**kwargs) -> Column:
    return Column(UTCDateTime(), **kwargs)


def version_column() -> Column:
    """The optimistic-lock counter for rows that evaluators edit.

    SQLAlchemy's ``version_id_col`` needs this very Column object, so each model keeps
    its own in a module variable and names it in ``__mapper_args__``.
    """
    return Column("version", Integer, nullable=False, default=1, server_default="1")
