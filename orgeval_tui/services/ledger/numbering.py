"""Recording a problem: its number is the evaluation's prefix and the next free
three-digit sequence (``2021-007``), taken safely when several evaluators add at once."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import BigInteger, cast, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ...domain.errors import UserError
from ...domain.ledger_words import PROBLEM_SOURCES, SEVERITIES
from ...domain.roles import Need
from ...i18n import t
from ...storage.database import Database
from ..access import require
from ..evaluations import current_evaluation
from ..units import find_unit
from .transitions import record_event
from .views import P, ProblemView, problem_view
from .words import choice, optional_text, required_text

if TYPE_CHECKING:
    from ...models import Evaluation, Problem

NUMBER_ATTEMPTS = 8


def is_problem_number(number: str, prefix: str) -> bool:
    """Whether ``number`` is one ``next_number`` could issue in an evaluation numbered
    ``prefix``: ``PREFIX-NNN``, at least three digits, no extra leading zero."""
    head, _, digits = number.rpartition("-")
    return (
        head == prefix
        and digits.isascii()
        and digits.isdigit()
        and int(digits) >= 1
        and f"{int(digits):03d}" == digits
    )


def next_number(session: Session, evaluation: Evaluation) -> str:
    head = f"{evaluation.number_prefix}-"
    start = len(head) + 1
    tail = func.substr(P.number, start)
    if session.get_bind().dialect.name == "sqlite":
        digits_only = tail.op("NOT GLOB")("*[^0-9]*")
    else:
        digits_only = tail.op("~")("^[0-9]+$")
    highest = session.scalar(
        select(func.max(cast(tail, BigInteger))).where(
            P.evaluation_id == evaluation.id,
            func.substr(P.number, 1, len(head)) == head,
            func.length(P.number) > len(head),
            digits_only,
        )
    )
    return f"{head}{(highest or 0) + 1:03d}"


def add(
    db: Database,
    unit: str,
    title: str,
    description: str | None = None,
    source: str = "onsite",
    category: str | None = None,
    severity: str = "medium",
    recommendation: str | None = None,
    then: Callable[[Session, Problem], None] | None = None,
) -> ProblemView:
    """Record a problem in the current evaluation, numbered PREFIX-NNN. ``then`` runs in
    the same transaction once the problem has its id (to link what it came from): if it
    raises, nothing is recorded."""
    title = required_text(title, "title")
    category = optional_text(category, "category")
    source = choice(source, PROBLEM_SOURCES, "source")
    severity = choice(severity, SEVERITIES, "severity")
    for attempt in range(NUMBER_ATTEMPTS):
        try:
            return _add_once(
                db,
                unit,
                title=title,
                description=(description or "").strip(),
                source=source,
                category=category,
                severity=severity,
                recommendation=(recommendation or "").strip(),
                then=then,
            )
        except IntegrityError as exc:
            # Another writer took the same number meanwhile; the unique constraint refused
            # this one. Number it again, after a short random pause.
            if "number" not in str(exc.orig) or attempt == NUMBER_ATTEMPTS - 1:
                raise UserError(t("ledger.number_busy")) from exc
            time.sleep(random.uniform(0, 0.02 * (attempt + 1)))
    raise AssertionError("unreachable")


def _add_once(db: Database, unit_ref: str, then=None, **values) -> ProblemView:
    with db.write() as session:
        # On PostgreSQL the row lock queues adds to one evaluation, so max + 1 is free when
        # computed (SQLite's write lock already does that); the unique constraint and the
        # retry in add() remain the guarantee against writers that do not lock.
        evaluation = current_evaluation(session, lock=True)
        if evaluation is None:
            raise UserError(t("ledger.no_evaluation"))
        unit = find_unit(session, unit_ref)
        require(session, Need.CASEWORK, unit.id)
        number = next_number(session, evaluation)
        from ...models import Problem

        problem = Problem(evaluation_id=evaluation.id, unit_id=unit.id, number=number, **values)
        session.add(problem)
        session.flush()
        detail = {"number": number, "unit": unit.name, **values}
        record_event(session, problem, "create", None, "identified", detail=detail)
        if then is not None:
            then(session, problem)
        session.flush()
        return problem_view(problem, unit)
