"""Interview outlines (访谈提纲): the shipped questions per kind of activity, which an
evaluation may replace kind by kind."""

from __future__ import annotations

import json
import tomllib
from functools import cache
from importlib import resources

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.errors import UserError
from ...domain.fieldwork_words import ACTIVITY_KINDS
from ...domain.roles import Need
from ...i18n import t
from ...storage.database import Database
from ..access import require
from ..evaluations import find_evaluation
from .words import kind_of

QUESTION_LIMIT = 200


@cache
def default_outlines() -> dict[str, tuple[str, ...]]:
    text = resources.files("orgeval_tui.outlines").joinpath("default.toml").read_text("utf-8")
    shipped = tomllib.loads(text)
    return {kind: tuple(shipped.get(kind, ())) for kind in ACTIVITY_KINDS}


def outline_in(session: Session, evaluation_id: int, kind: str) -> tuple[str, ...]:
    from ...models import InterviewOutline

    stored = session.scalar(
        select(InterviewOutline.questions).where(
            InterviewOutline.evaluation_id == evaluation_id, InterviewOutline.kind == kind
        )
    )
    return tuple(json.loads(stored)) if stored is not None else default_outlines()[kind]


def outline(db: Database, kind: str, evaluation: str | None = None) -> tuple[str, ...]:
    """The questions of ``kind`` in the evaluation (the current one by default)."""
    kind = kind_of(kind)
    with db.read() as session:
        return outline_in(session, find_evaluation(session, evaluation).id, kind)


def clean_questions(lines) -> tuple[str, ...]:
    """One question per line: blank lines dropped, each trimmed, none repeated, none
    over ``QUESTION_LIMIT`` characters."""
    questions: list[str] = []
    for number, line in enumerate(lines, start=1):
        question = line.strip()
        if not question or question in questions:
            continue
        if len(question) > QUESTION_LIMIT:
            raise UserError(t("fieldwork.question_too_long", line=number, limit=QUESTION_LIMIT))
        questions.append(question)
    return tuple(questions)


def set_outline(
    db: Database, kind: str, questions, evaluation: str | None = None
) -> tuple[str, ...]:
    """Replace the evaluation's questions of ``kind``; an empty list brings back the
    shipped ones."""
    from ...models import InterviewOutline

    kind = kind_of(kind)
    questions = clean_questions(questions)
    with db.write() as session:
        require(session, Need.COUNTY)
        evaluation_id = find_evaluation(session, evaluation).id
        stored = session.scalar(
            select(InterviewOutline).where(
                InterviewOutline.evaluation_id == evaluation_id, InterviewOutline.kind == kind
            )
        )
        if not questions:
            if stored is not None:
                session.delete(stored)
            return default_outlines()[kind]
        value = json.dumps(list(questions), ensure_ascii=False)
        if stored is None:
            session.add(InterviewOutline(evaluation_id=evaluation_id, kind=kind, questions=value))
        else:
            stored.questions = value
        return questions


def copy_outlines(session: Session, source_id: int, target_id: int) -> None:
    """An evaluation set up from an earlier one starts with its outlines."""
    from ...models import InterviewOutline

    session.add_all(
        InterviewOutline(evaluation_id=target_id, kind=row.kind, questions=row.questions)
        for row in session.scalars(
            select(InterviewOutline).where(InterviewOutline.evaluation_id == source_id)
        )
    )
