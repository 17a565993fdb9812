"""Evaluation projects (评估项目): setting one up, which one is current, and finding one
by name.

The current evaluation is chosen explicitly and stored in the database (one row of
``current_evaluation``), so every evaluator on the server works in the same one; setting
one up makes it current. A database with evaluations and no choice (upgraded from when
the latest was current) keeps the latest. It is the one problems are numbered in,
questionnaires are filed under, whose reference date ages are taken at, and the one
every read of questionnaires, problems and on-site activities keeps to
(``in_evaluation``); this module is the only place that says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ..domain.errors import NotFound, UserError
from ..domain.roles import Need
from ..i18n import current_language, t
from ..storage import tables as T
from ..storage.database import Database
from .access import require
from .units import find_unit

if TYPE_CHECKING:
    from ..models import Evaluation

_E = T.evaluation.c
_CURRENT = T.current_evaluation.c
_PREFIX = re.compile(r"[0-9A-Za-z][0-9A-Za-z-]{0,19}")


_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Period:
    label: str
    start: date
    end: date

    @property
    def shown(self) -> str:
        return period_name(self.label, self.start, self.end)


def period_name(label: str, start: date, end: date) -> str:
    """How a period reads on screen: the office's own name (2021年上半年), unless it is
    written in Chinese and the user reads English: then it is named from its dates."""
    if current_language() == "zh" or not _CJK.search(label):
        return label
    return dated_period_name(start, end)


def dated_period_name(start: date, end: date) -> str:
    """A year, a half, a quarter or a month when the period is exactly one, else the
    months or days it spans."""
    if start.day != 1 or (end + timedelta(days=1)).day != 1:
        return t("period.days", start=start.isoformat(), end=end.isoformat())
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    year = start.year
    if start.month == 1 and months == 12:
        return t("period.year", year=year)
    if start.month in (1, 7) and months == 6:
        return t("period.first_half" if start.month == 1 else "period.second_half", year=year)
    if start.month in (1, 4, 7, 10) and months == 3:
        return t("period.quarter", year=year, quarter=(start.month + 2) // 3)
    if months == 1:
        return t("period.month", year=year, month=start.month)
    return t(
        "period.months",
        first=f"{start.year}-{start.month:02d}",
        last=f"{end.year}-{end.month:02d}",
    )


@dataclass(frozen=True)
class EvaluationInfo:
    id: int
    name: str
    reference_date: date
    periods: tuple[Period, ...]

    @property
    def span(self) -> Period | None:
        """From the first period's start to the last one's end: the one stretch of the
        work log every count of it is taken over (home, a unit's log), and says so."""
        if not self.periods:
            return None
        start = min(p.start for p in self.periods)
        end = max(p.end for p in self.periods)
        return Period(f"{start.isoformat()} – {end.isoformat()}", start, end)


def create_evaluation(
    db: Database,
    name: str,
    reference_date: date,
    *,
    number_prefix: str,
    periods: Iterable[Period] = (),
    units: Iterable[str] = (),
    copy_from: str | None = None,
) -> EvaluationInfo:
    """Set up an evaluation: its name, the day ages and headcounts are taken at, the
    prefix of its problem numbers, the periods it looks at and the units under
    evaluation (by name or short name). ``copy_from`` names an earlier evaluation whose
    units, grade bands, rubric and interview outlines it starts with (its periods are its
    own); without
    one it gets the default rubric. It becomes the current evaluation; the first one
    set up takes the questionnaires imported before it (filed under no evaluation), as
    they were imported for it."""
    from ..models import Evaluation, EvaluationPeriod, EvaluationUnit
    from .fieldwork.outlines import copy_outlines
    from .rubric_store import copy_rubric, default_rubric, install_rubric

    name = (name or "").strip()
    prefix = (number_prefix or "").strip()
    if not name:
        raise UserError(t("evaluation.empty", field=t("evaluation.field.name")))
    if not prefix:
        raise UserError(t("evaluation.empty", field=t("evaluation.field.number_prefix")))
    if _PREFIX.fullmatch(prefix) is None:
        raise UserError(t("evaluation.bad_prefix", prefix=prefix))
    periods = check_periods(periods)
    with db.write() as session:
        require(session, Need.ADMIN)
        if session.scalar(select(_E.id).where(_E.name == name)) is not None:
            raise UserError(t("evaluation.exists", name=name))
        source = None if copy_from is None else find_evaluation(session, copy_from)
        unit_ids = [] if source is None else _unit_ids(session, source.id)
        unit_ids = list(dict.fromkeys([*unit_ids, *(find_unit(session, ref).id for ref in units)]))
        evaluation = Evaluation(name=name, reference_date=reference_date, number_prefix=prefix)
        if source is not None:
            evaluation.grade_excellent = source.grade_excellent
            evaluation.grade_good = source.grade_good
            evaluation.grade_pass = source.grade_pass
        first = session.scalar(select(func.count()).select_from(T.evaluation)) == 0
        session.add(evaluation)
        session.flush()
        make_current(session, evaluation.id)
        if first:
            survey = T.survey.c
            session.execute(
                update(T.survey)
                .where(survey.evaluation_id.is_(None))
                .values(evaluation_id=evaluation.id)
            )
        session.add_all(
            EvaluationPeriod(evaluation_id=evaluation.id, label=p.label, start=p.start, end=p.end)
            for p in periods
        )
        session.add_all(
            EvaluationUnit(evaluation_id=evaluation.id, unit_id=unit_id) for unit_id in unit_ids
        )
        if source is None or not copy_rubric(session, source.id, evaluation.id):
            install_rubric(session, evaluation.id, default_rubric())
        if source is not None:
            copy_outlines(session, source.id, evaluation.id)
        return EvaluationInfo(
            evaluation.id, name, reference_date, tuple(sorted(periods, key=lambda p: p.start))
        )


def check_periods(periods: Iterable[Period]) -> tuple[Period, ...]:
    """``periods`` as given, refused when one has no label, ends before it starts, or
    shares its label with another."""
    periods = tuple(periods)
    labels = set()
    for period in periods:
        if not period.label.strip():
            raise UserError(t("evaluation.empty", field=t("evaluation.field.period_label")))
        if period.start > period.end:
            raise UserError(
                t("evaluation.bad_period", label=period.label, start=period.start, end=period.end)
            )
        if period.label in labels:
            raise UserError(t("evaluation.period_twice", label=period.label))
        labels.add(period.label)
    return periods


def _unit_ids(session: Session, evaluation_id: int) -> list[int]:
    unit = T.evaluation_unit.c
    return list(
        session.scalars(
            select(unit.unit_id).where(unit.evaluation_id == evaluation_id).order_by(unit.unit_id)
        )
    )


def current_evaluation_id(session: Session) -> int | None:
    """The current evaluation's id: the one chosen, else the latest (a database from
    before the choice was stored), or None when there is no evaluation yet. A plain
    query on the light table handles: the quick paths call it without the models."""
    chosen = select(_CURRENT.evaluation_id).limit(1).scalar_subquery()
    latest = select(_E.id).order_by(_E.id.desc()).limit(1).scalar_subquery()
    return session.scalar(select(func.coalesce(chosen, latest)))


def in_evaluation(column, evaluation_id: int | None):
    """The condition that keeps a read to one evaluation's rows, ``column`` being a
    table's ``evaluation_id``: every questionnaire, problem and on-site activity belongs
    to its evaluation, and nothing of one year shows in another. With no evaluation
    (``None``), the rows filed under none: questionnaires imported before the first
    evaluation was set up. Reads pass the evaluation they show, else
    ``current_evaluation_id``."""
    return column.is_(None) if evaluation_id is None else column == evaluation_id


def make_current(session: Session, evaluation_id: int) -> None:
    """Record ``evaluation_id`` as the current evaluation, for every evaluator (through
    the ORM, so the audit trail says who switched)."""
    from ..models import CurrentEvaluation

    chosen = session.get(CurrentEvaluation, 1)
    if chosen is None:
        session.add(CurrentEvaluation(slot=1, evaluation_id=evaluation_id))
    else:
        chosen.evaluation_id = evaluation_id


def use_evaluation(db: Database, name: str) -> EvaluationInfo:
    """Make the evaluation named ``name`` the current one; refused, listing the names,
    when there is none of that name."""
    with db.write() as session:
        require(session, Need.ADMIN)
        evaluation = find_evaluation(session, name)
        make_current(session, evaluation.id)
        return evaluation_info(session, evaluation)


def evaluation_info(session: Session, evaluation: Evaluation) -> EvaluationInfo:
    from ..models import EvaluationPeriod

    periods = session.scalars(
        select(EvaluationPeriod)
        .where(EvaluationPeriod.evaluation_id == evaluation.id)
        .order_by(EvaluationPeriod.start, EvaluationPeriod.label)
    )
    return EvaluationInfo(
        evaluation.id,
        evaluation.name,
        evaluation.reference_date,
        tuple(Period(p.label, p.start, p.end) for p in periods),
    )


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
