"""Units (departments and their subordinate institutions) and their sections."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field, SQLModel

from .base import version_column

UNIT_KINDS = ("department", "institution", "township", "other")

_unit_version = version_column()


class Unit(SQLModel, table=True):
    __tablename__ = "unit"
    __table_args__ = (
        CheckConstraint(
            "quota_admin >= 0 AND quota_public >= 0 AND quota_service >= 0 AND quota_leaders >= 0",
            name="quotas_not_negative",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100, unique=True)
    short_name: str | None = Field(default=None, max_length=50, index=True)
    kind: str = Field(default="department", max_length=20)
    parent_id: int | None = Field(
        default=None, foreign_key="unit.id", index=True, ondelete="RESTRICT"
    )
    quota_admin: int = Field(default=0)
    quota_public: int = Field(default=0)
    quota_service: int = Field(default=0)
    quota_leaders: int = Field(default=0)
    mandate_ref: str | None = Field(default=None, max_length=200)
    version: int = Field(default=1, sa_column=_unit_version)

    __mapper_args__ = {"version_id_col": _unit_version}


class Section(SQLModel, table=True):
    __tablename__ = "section"
    __table_args__ = (UniqueConstraint("unit_id", "name"),)

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", index=True, ondelete="CASCADE")
    name: str = Field(max_length=100)
