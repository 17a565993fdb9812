"""Giving scores: an evaluator's points (or count of instances, or 不适用) on a leaf
for a unit, the unit's self-scores, and finalising a unit's scores.

Every write goes through the ORM, so the audit trail records who changed which score
when; a score's version guards against a change made meanwhile (``expected_version``:
the version the writer read, 0 when it read no score)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..analytics.rubric_rules import Indicator
from ..analytics.scoring import count_problem, deduction_points, score_problem
from ..domain.actor import current_actor
from ..domain.errors import ConflictError, UserError
from ..domain.roles import Need
from ..i18n import t
from ..storage import audit
from ..storage.database import Database
from .access import require
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


class ScoreRefused(UserError):
    """One score that cannot be recorded; ``field`` says which part of the request is
    wrong ("code", "points" or "count"), so that an import can name the column."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class ScoreInput:
    """One score asked for: exactly one of points, count or ``na``."""

    code: str
    points: float | None = None
    count: int | None = None
    na: bool = False
    note: str = ""


class ScoresRefused(UserError):
    """Scores given together, refused together: ``problems`` are (index of the input,
    field, message), every one found; nothing was written."""

    def __init__(self, unit: str, problems: list[tuple[int, str, str]]) -> None:
        super().__init__(
            t("score.batch_refused", unit=unit, count=len(problems))
            + "\n"
            + "\n".join(message for _, _, message in problems)
        )
        self.problems = problems


def _leaf(rubric, code: str) -> Indicator:
    leaf = rubric.by_code().get(code)
    if leaf is None:
        raise ScoreRefused(t("score.unknown_code", code=code), "code")
    if leaf.kind is None:
        raise ScoreRefused(t("score.not_a_leaf", code=code, name=leaf.name), "code")
    return leaf


def _points_given(
    leaf: Indicator, points: float | None, count: int | None, na: bool, note: str, source: str
) -> float | None:
    """The points to record, or None for 不适用; refused with the reason otherwise."""
    chosen = sum(value is not None and value is not False for value in (points, count, na))
    if chosen != 1:
        raise ScoreRefused(t("score.one_of", code=leaf.code), "points")
    if na:
        return None
    if count is not None:
        if leaf.kind != "deduction":
            message = t("score.count_not_deduction", code=leaf.code, name=leaf.name)
            raise ScoreRefused(message, "count")
        problem = count_problem(count)
        if problem is not None:
            raise ScoreRefused(f"{leaf.code} {leaf.name}: {problem.text()}", "count")
        points = deduction_points(leaf, count)
    # The unit's self-score carries its evidence when it has any; the office's
    # justification is required below the maximum.
    problem = score_problem(leaf.maximum, points, note if source == OFFICE else "-")
    if problem is not None:
        raise ScoreRefused(f"{leaf.code} {leaf.name}: {problem.text()}", "points")
    return float(points)


def _checked(rubric, given: ScoreInput, source: str) -> tuple[Indicator, float | None]:
    """The leaf a score goes on and the points it records (None: 不适用), or refused."""
    leaf = _leaf(rubric, given.code)
    return leaf, _points_given(leaf, given.points, given.count, given.na, given.note, source)


def _record(
    session,
    evaluation_id: int,
    unit,
    leaf: Indicator,
    given: ScoreInput,
    points: float | None,
    source: str,
    evaluator: str,
    expected_version: int | None = None,
) -> SavedScore:
    """Write one checked score (the unit is known not to be finalised)."""
    from ..models import Indicator as IndicatorRow
    from ..models import Score

    indicator_id = session.scalar(
        select(IndicatorRow.id).where(
            IndicatorRow.evaluation_id == evaluation_id, IndicatorRow.code == leaf.code
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
            raise ConflictError(t("score.conflict_removed", unit=unit.name, code=leaf.code))
        raise ConflictError(audit.conflict_message(session, Score, (row.id,), row))
    if row is None:
        row = Score(indicator_id=indicator_id, unit_id=unit.id, source=source, evaluator=evaluator)
        session.add(row)
    row.points = points
    row.not_applicable = points is None
    row.count = given.count if leaf.kind == "deduction" and not given.na else None
    row.justification = given.note
    try:
        session.flush()
    except IntegrityError as exc:
        # Another writer recorded this very score between our read and our insert.
        raise ConflictError(t("score.conflict_new", unit=unit.name, code=leaf.code)) from exc
    return SavedScore(
        unit.name, leaf.code, source, evaluator, points, row.count, leaf.maximum, row.version
    )


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
    from ..models.rubric import SELF_EVALUATOR

    source = SELF if self_score else OFFICE
    evaluator = SELF_EVALUATOR if self_score else current_actor()
    given = ScoreInput(code, points, count, na, (note or "").strip())
    with db.write() as session:
        found = find_evaluation(session, evaluation)
        rubric = rubric_or_refuse(session, found)
        unit = evaluated_unit(session, found, unit_ref)
        require(session, Need.CASEWORK, unit.id)
        leaf, recorded = _checked(rubric, given, source)
        if is_finalized(session, found.id, unit.id):
            raise UserError(t("score.finalized", unit=unit.name))
        return _record(
            session, found.id, unit, leaf, given, recorded, source, evaluator, expected_version
        )


def set_self_scores(
    db: Database,
    unit_ref: str,
    scores: Sequence[ScoreInput],
    *,
    evaluation: str | None = None,
    dry_run: bool = False,
) -> list[SavedScore]:
    """Record the unit's self-scores (自评) all at once, in one transaction, under the
    same rules as ``set_score``: every input is checked first, and one bad input
    refuses them all (ScoresRefused lists every one). ``dry_run`` checks and writes
    nothing."""
    from ..models.rubric import SELF_EVALUATOR

    scores = [replace(given, note=(given.note or "").strip()) for given in scores]
    with db.write() as session:
        found = find_evaluation(session, evaluation)
        rubric = rubric_or_refuse(session, found)
        unit = evaluated_unit(session, found, unit_ref)
        require(session, Need.CASEWORK, unit.id)
        if is_finalized(session, found.id, unit.id):
            raise UserError(t("score.finalized", unit=unit.name))
        checked, problems, seen = [], [], set()
        for index, given in enumerate(scores):
            try:
                checked.append((given, *_checked(rubric, given, SELF)))
            except ScoreRefused as exc:
                problems.append((index, exc.field, str(exc)))
                continue
            if given.code in seen:
                problems.append((index, "code", t("score.given_twice", code=given.code)))
            seen.add(given.code)
        if problems:
            raise ScoresRefused(unit.name, problems)
        if dry_run:
            return []
        return [
            _record(session, found.id, unit, leaf, given, points, SELF, SELF_EVALUATOR)
            for given, leaf, points in checked
        ]


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
        require(session, Need.CASEWORK, sheet.unit_id)
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
        require(session, Need.CASEWORK, unit.id)
        lock = session.get(ScoreLock, (found.id, unit.id))
        if lock is None or not lock.finalized:
            raise UserError(t("score.not_finalized", unit=unit.name))
        lock.finalized, lock.reason = False, reason
        return unit.name
