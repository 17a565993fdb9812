"""Giving scores: an evaluator's points (or count of instances, or 不适用) on a leaf
for a unit, the unit's self-scores, and finalising a unit's scores.

Every write goes through the ORM, so the audit trail records who changed which score
when; a score's version guards against a change made meanwhile (``expected_version``:
the version the writer read, 0 when it read no score)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..analytics.rubric_rules import Indicator
from ..analytics.scoring import count_problem, deduction_points, score_problem
from ..domain.actor import current_actor
from ..domain.errors import ConflictError, UserError
from ..i18n import t
from ..storage import audit
from ..storage.database import Database
from .evaluations import find_evaluation
from .score_sheet import OFFICE, SELF, evaluated_unit, is_finalized, rubric_or_refuse


@dataclass(frozen=True)
class SavedScore:
    unit: str
    code: str
    source: str
    evaluator: str
    points: float | None  # None: 不适用
    count: int | None
    maximum: float
    version: int


def _leaf(rubric, code: str) -> Indicator:
    leaf = rubric.by_code().get(code)
    if leaf is None:
        raise UserError(t("score.unknown_code", code=code))
    if leaf.kind is None:
        raise UserError(t("score.not_a_leaf", code=code, name=leaf.name))
    return leaf


def _points_given(
    leaf: Indicator, points: float | None, count: int | None, na: bool, note: str, source: str
) -> float | None:
    """The points to record, or None for 不适用; refused with the reason otherwise."""
    chosen = sum(value is not None and value is not False for value in (points, count, na))
    if chosen != 1:
        raise UserError(t("score.one_of", code=leaf.code))
    if na:
        return None
    if count is not None:
        if leaf.kind != "deduction":
            raise UserError(t("score.count_not_deduction", code=leaf.code, name=leaf.name))
        problem = count_problem(count)
        if problem is not None:
            raise UserError(f"{leaf.code} {leaf.name}: {problem.text()}")
        points = deduction_points(leaf, count)
    # The unit's self-score carries its evidence when it has any; the office's
    # justification is required below the maximum.
    problem = score_problem(leaf.maximum, points, note if source == OFFICE else "-")
    if problem is not None:
        raise UserError(f"{leaf.code} {leaf.name}: {problem.text()}")
    return float(points)


def set_score(
    db: Database,
    unit_ref: str,
    code: str,
    *,
    points: float | None = None,
    count: int | None = None,
    na: bool = False,
    note: str | None = None,
    self_score: bool = False,
    expected_version: int | None = None,
    evaluation: str | None = None,
) -> SavedScore:
    """Record one score; refused, with nothing written, on any bad value, on a unit
    whose scores are finalised, or when the score changed since ``expected_version``."""
    from ..models import Indicator as IndicatorRow
    from ..models import Score
    from ..models.rubric import SELF_EVALUATOR

    source = SELF if self_score else OFFICE
    evaluator = SELF_EVALUATOR if self_score else current_actor()
    note = (note or "").strip()
    with db.write() as session:
        found = find_evaluation(session, evaluation)
        rubric = rubric_or_refuse(session, found)
        unit = evaluated_unit(session, found, unit_ref)
        leaf = _leaf(rubric, code)
        given = _points_given(leaf, points, count, na, note, source)
        if is_finalized(session, found.id, unit.id):
            raise UserError(t("score.finalized", unit=unit.name))
        indicator_id = session.scalar(
            select(IndicatorRow.id).where(
                IndicatorRow.evaluation_id == found.id, IndicatorRow.code == code
            )
        )
        row = session.scalars(
            select(Score).where(
                Score.indicator_id == indicator_id,
                Score.unit_id == unit.id,
                Score.source == source,
                Score.evaluator == evaluator,
            )
        ).first()
        seen = 0 if row is None else row.version
        if expected_version is not None and expected_version != seen:
            if row is None:
                raise ConflictError(t("score.conflict_removed", unit=unit.name, code=code))
            raise ConflictError(audit.conflict_message(session, Score, (row.id,), row))
        if row is None:
            row = Score(
                indicator_id=indicator_id, unit_id=unit.id, source=source, evaluator=evaluator
            )
            session.add(row)
        row.points = given
        row.not_applicable = given is None
        row.count = count if leaf.kind == "deduction" and not na else None
        row.justification = note
        try:
            session.flush()
        except IntegrityError as exc:
            # Another writer recorded this very score between our read and our insert.
            raise ConflictError(t("score.conflict_new", unit=unit.name, code=code)) from exc
        return SavedScore(
            unit.name, code, source, evaluator, given, row.count, leaf.maximum, row.version
        )


def finalize(db: Database, unit_ref: str, evaluation: str | None = None) -> str:
    """Lock the unit's scores in the evaluation; refused while a leaf is unscored."""
    from ..models import ScoreLock
    from .score_sheet import score_sheet

    sheet = score_sheet(db, unit_ref, evaluation=evaluation)
    unscored = [line.leaf.code for line in sheet.lines if not line.evaluators]
    if unscored:
        raise UserError(
            t(
                "score.finalize_unscored",
                unit=sheet.unit,
                count=len(unscored),
                codes="、".join(unscored[:8]) + ("…" if len(unscored) > 8 else ""),
            )
        )
    with db.write() as session:
        lock = session.get(ScoreLock, (sheet.evaluation_id, sheet.unit_id))
        if lock is not None and lock.finalized:
            raise UserError(t("score.already_finalized", unit=sheet.unit))
        if lock is None:
            session.add(ScoreLock(evaluation_id=sheet.evaluation_id, unit_id=sheet.unit_id))
        else:
            lock.finalized, lock.reason = True, ""
    return sheet.unit


def reopen(db: Database, unit_ref: str, reason: str, evaluation: str | None = None) -> str:
    """Unlock a finalised unit's scores, with the reason kept in the audit trail."""
    from ..models import ScoreLock

    reason = (reason or "").strip()
    if not reason:
        raise UserError(t("score.reopen_needs_reason"))
    with db.write() as session:
        found = find_evaluation(session, evaluation)
        unit = evaluated_unit(session, found, unit_ref)
        lock = session.get(ScoreLock, (found.id, unit.id))
        if lock is None or not lock.finalized:
            raise UserError(t("score.not_finalized", unit=unit.name))
        lock.finalized, lock.reason = False, reason
        return unit.name
