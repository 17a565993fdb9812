"""Evaluation projects (评估项目): which one is current, and finding one by name.

The current evaluation is the latest one recorded. It is the one problems are numbered
in, questionnaires are filed under, and whose reference date ages are taken at; this
module is the only place that says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import NotFound, UserError
from ..i18n import t
from ..storage import tables as T

if TYPE_CHECKING:
    from ..models import Evaluation

_E = T.evaluation.c


def current_evaluation_id(session: Session) -> int | None:
    """The current evaluation's id, or None when there is no evaluation yet. A plain
    query on the light table handle: the quick paths call it without the models."""
    return session.scalar(select(_E.id).order_by(_E.id.desc()).limit(1))


def current_evaluation(session: Session, *, lock: bool = False) -> Evaluation | None:
    """The current evaluation; ``lock`` takes its row lock (PostgreSQL) so that writers
    numbering problems in it queue."""
    from ..models import Evaluation

    evaluation_id = current_evaluation_id(session)
    if evaluation_id is None:
        return None
    return session.get(Evaluation, evaluation_id, with_for_update=lock or None)


def find_evaluation(session: Session, name: str | None = None, *, lock: bool = False) -> Evaluation:
    """The evaluation named ``name``, or the current one when None; refused with a message
    when there is none."""
    if name is None:
        evaluation = current_evaluation(session, lock=lock)
        if evaluation is None:
            raise UserError(t("ledger.no_evaluation"))
        return evaluation
    from ..models import Evaluation

    statement = select(Evaluation).where(Evaluation.name == name.strip())
    if lock:
        statement = statement.with_for_update()
    evaluation = session.scalars(statement).first()
    if evaluation is None:
        names = t("ledger.list_sep").join(
            session.scalars(select(Evaluation.name).order_by(Evaluation.id))
        )
        raise NotFound(t("ledger.no_such_evaluation", name=name, names=names or "—"))
    return evaluation
