"""Staff on a unit's establishment, as imported from the real-name registry.

Identity-card numbers are read for birth date and gender, then discarded: no column
here can hold one.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Field, SQLModel


class Staff(SQLModel, table=True):
    __tablename__ = "staff"

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", index=True, ondelete="CASCADE")
    section_id: int | None = Field(default=None, foreign_key="section.id", ondelete="SET NULL")
    name: str = Field(max_length=50)
    gender: str | None = Field(default=None, max_length=10)
    birth_date: date | None = None
    education: str | None = Field(default=None, max_length=50)
    education_level: int | None = None
    rank: str | None = Field(default=None, max_length=50)
    rank_level: int | None = None
    establishment_kind: str | None = Field(default=None, max_length=50)
    import_id: int | None = Field(default=None, foreign_key="import_record.id", ondelete="SET NULL")
