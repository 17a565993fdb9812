"""Questionnaires: peer surveys scored out of a maximum, staff surveys on a 1-5 scale."""

from __future__ import annotations

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

SURVEY_KINDS = ("peer", "staff")


class Survey(SQLModel, table=True):
    __tablename__ = "survey"
    __table_args__ = (UniqueConstraint("evaluation_id", "kind", "title"),)

    id: int | None = Field(default=None, primary_key=True)
    evaluation_id: int | None = Field(
        default=None, foreign_key="evaluation.id", index=True, ondelete="CASCADE"
    )
    kind: str = Field(max_length=10)
    title: str = Field(max_length=200)


class SurveyItem(SQLModel, table=True):
    __tablename__ = "survey_item"
    __table_args__ = (UniqueConstraint("survey_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    survey_id: int = Field(foreign_key="survey.id", ondelete="CASCADE")
    number: int
    text: str = Field(max_length=500)
    max_score: float = Field(default=5)


class SurveyResponse(SQLModel, table=True):
    __tablename__ = "survey_response"
    __table_args__ = (UniqueConstraint("survey_id", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    survey_id: int = Field(foreign_key="survey.id", ondelete="CASCADE")
    unit_id: int = Field(foreign_key="unit.id", index=True, ondelete="CASCADE")
    code: str = Field(max_length=64)
    respondent: str | None = Field(default=None, max_length=100)
    respondent_unit_id: int | None = Field(default=None, foreign_key="unit.id", ondelete="SET NULL")
    total: float | None = None
    import_id: int | None = Field(default=None, foreign_key="import_record.id", ondelete="SET NULL")


class SurveyAnswer(SQLModel, table=True):
    __tablename__ = "survey_answer"

    response_id: int = Field(foreign_key="survey_response.id", primary_key=True, ondelete="CASCADE")
    item_id: int = Field(foreign_key="survey_item.id", primary_key=True, ondelete="CASCADE")
    score: float
