"""Evaluation projects as the office keeps them: listed, shown whole, and changed
afterwards (units in and out, periods, grade bands)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from ..domain.errors import UserError
from ..domain.roles import Need
from ..i18n import t
from ..storage.database import Database
from .access import require
from .evaluations import (
    EvaluationInfo,
    Period,
    check_periods,
    current_evaluation_id,
    evaluation_info,
    find_evaluation,
)
from .units import find_unit


@dataclass(frozen=True)
class GradeBands:
    """The lowest totals of 优秀, 良好 and 合格; below the last is 不合格."""

    excellent: float
    good: float
    passing: float

    def to_json(self) -> dict:
        return {"excellent": self.excellent, "good": self.good, "pass": self.passing}


@dataclass(frozen=True)
class EvaluationDetails:
    info: EvaluationInfo
    number_prefix: str
    grades: GradeBands
    units: tuple[str, ...]
    current: bool

    def to_json(self) -> dict:
        return {
            "name": self.info.name,
            "current": self.current,
            "reference_date": self.info.reference_date.isoformat(),
            "number_prefix": self.number_prefix,
            "periods": [
                {"label": p.label, "start": p.start.isoformat(), "end": p.end.isoformat()}
                for p in self.info.periods
            ],
            "units": list(self.units),
            "grades": self.grades.to_json(),
        }


def check_grades(values: Iterable[float]) -> GradeBands:
    """Three lowest totals, 优秀 then 良好 then 合格, each lower than the one before,
    within 0..100; refused otherwise."""
    values = tuple(values)
    shown = ",".join(f"{v:g}" for v in values)
    if len(values) != 3 or not 100 >= values[0] > values[1] > values[2] > 0:
        raise UserError(t("evaluation.bad_grades", grades=shown))
    return GradeBands(*values)


def _details(session, evaluation, current_id: int | None) -> EvaluationDetails:
    from ..models import EvaluationUnit, Unit

    units = session.scalars(
        select(Unit.name)
        .join(EvaluationUnit, EvaluationUnit.unit_id == Unit.id)
        .where(EvaluationUnit.evaluation_id == evaluation.id)
        .order_by(Unit.id)
    )
    return EvaluationDetails(
        evaluation_info(session, evaluation),
        evaluation.number_prefix,
        GradeBands(evaluation.grade_excellent, evaluation.grade_good, evaluation.grade_pass),
        tuple(units),
        evaluation.id == current_id,
    )


def list_evaluations(db: Database) -> list[EvaluationDetails]:
    """Every evaluation, in the order they were set up; the current one says so."""
    from ..models import Evaluation

    with db.read() as session:
        current_id = current_evaluation_id(session)
        evaluations = session.scalars(select(Evaluation).order_by(Evaluation.id)).all()
        return [_details(session, e, current_id) for e in evaluations]


def evaluation_details(db: Database, name: str | None = None) -> EvaluationDetails:
    """The evaluation named ``name``, or the current one."""
    with db.read() as session:
        return _details(session, find_evaluation(session, name), current_evaluation_id(session))


def edit_evaluation(
    db: Database,
    name: str | None = None,
    *,
    add_units: Iterable[str] = (),
    remove_units: Iterable[str] = (),
    periods: Iterable[Period] = (),
    grades: GradeBands | None = None,
) -> EvaluationDetails:
    """Change the evaluation named ``name`` (or the current one): units taken in or out,
    periods added (a period of a label it has already takes the new dates), grade bands.
    All of it or nothing: a unit already in, not in, or with problems recorded in this
    evaluation is refused, naming it."""
    from ..models import EvaluationUnit, Problem

    add_units, remove_units = tuple(add_units), tuple(remove_units)
    periods = check_periods(periods)
    if not (add_units or remove_units or periods or grades):
        raise UserError(t("evaluation.nothing_to_change"))
    with db.write() as session:
        require(session, Need.ADMIN)
        evaluation = find_evaluation(session, name, lock=True)
        taken = set(
            session.scalars(
                select(EvaluationUnit.unit_id).where(EvaluationUnit.evaluation_id == evaluation.id)
            )
        )
        for ref in add_units:
            unit = find_unit(session, ref)
            if unit.id in taken:
                raise UserError(t("evaluation.unit_in", unit=unit.name, name=evaluation.name))
            taken.add(unit.id)
            session.add(EvaluationUnit(evaluation_id=evaluation.id, unit_id=unit.id))
        for ref in remove_units:
            unit = find_unit(session, ref)
            if unit.id not in taken:
                raise UserError(t("evaluation.unit_not_in", unit=unit.name, name=evaluation.name))
            problems = session.scalar(
                select(func.count())
                .select_from(Problem)
                .where(Problem.evaluation_id == evaluation.id, Problem.unit_id == unit.id)
            )
            if problems:
                raise UserError(t("evaluation.unit_has_problems", unit=unit.name, count=problems))
            taken.discard(unit.id)
            session.delete(session.get(EvaluationUnit, (evaluation.id, unit.id)))
        for period in periods:
            _set_period(session, evaluation.id, period)
        if grades is not None:
            evaluation.grade_excellent = grades.excellent
            evaluation.grade_good = grades.good
            evaluation.grade_pass = grades.passing
        session.flush()
        return _details(session, evaluation, current_evaluation_id(session))


def _set_period(session, evaluation_id: int, period: Period) -> None:
    from ..models import EvaluationPeriod

    kept = session.scalars(
        select(EvaluationPeriod).where(
            EvaluationPeriod.evaluation_id == evaluation_id, EvaluationPeriod.label == period.label
        )
    ).first()
    if kept is None:
        session.add(
            EvaluationPeriod(
                evaluation_id=evaluation_id, label=period.label, start=period.start, end=period.end
            )
        )
    else:
        kept.start, kept.end = period.start, period.end


def parse_period(text: str) -> Period:
    """``LABEL=START..END`` (dates YYYY-MM-DD) as a period; refused naming the form."""
    label, sep, span = text.partition("=")
    start, dots, end = span.partition("..")
    try:
        if not (sep and dots):
            raise ValueError
        return Period(
            label.strip(), date.fromisoformat(start.strip()), date.fromisoformat(end.strip())
        )
    except ValueError:
        raise UserError(t("evaluation.bad_period_text", text=text)) from None


def parse_grades(text: str) -> GradeBands:
    """``90,80,60`` as grade bands; refused naming the form."""
    try:
        values = [float(part) for part in text.split(",")]
    except ValueError:
        raise UserError(t("evaluation.bad_grades", grades=text)) from None
    return check_grades(values)
