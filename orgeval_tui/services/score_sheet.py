"""A unit's score sheet in an evaluation: every leaf of the rubric with the unit's
self-score, the suggestion, this evaluator's score and every evaluator's, and the
totals, grade and rank that follow (DOMAIN.md, "Rubric")."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..analytics.rubric_rules import Indicator, Rubric
from ..analytics.scoring import (
    Agreement,
    LeafOutcome,
    UnitResult,
    office_outcome,
    ranks,
    unit_result,
)
from ..domain.actor import current_actor
from ..domain.errors import UserError
from ..i18n import t
from ..storage.database import Database
from .evaluations import evaluation_info, find_evaluation
from .fieldwork.findings import findings_by_leaf
from .fieldwork.views import FindingView
from .rubric_store import evaluation_rubric
from .score_figures import LeafSuggestion, figure_span, suggestions
from .units import find_unit

OFFICE, SELF = "office", "self"


@dataclass(frozen=True)
class GivenScore:
    """One evaluator's (or the unit's own) score on a leaf."""

    points: float | None  # None: 不适用
    count: int | None
    note: str
    version: int

    @property
    def not_applicable(self) -> bool:
        return self.points is None


@dataclass(frozen=True)
class LeafLine:
    leaf: Indicator
    self_score: GivenScore | None
    mine: GivenScore | None
    evaluators: Mapping[str, float | None]  # actor → points (None: 不适用)
    outcome: LeafOutcome  # the unit's office outcome: the evaluators' mean
    agreement: Agreement
    suggestion: LeafSuggestion | None
    findings: tuple[FindingView, ...] = ()  # on-site findings that bear on it (evidence)


@dataclass(frozen=True)
class ScoreSheet:
    evaluation_id: int
    evaluation: str
    unit_id: int
    unit: str
    evaluator: str
    rubric: Rubric
    lines: tuple[LeafLine, ...]
    result: UnitResult
    rank: int | None
    ranked_units: int  # evaluated units with a total
    finalized: bool

    def line(self, code: str) -> LeafLine:
        return next(line for line in self.lines if line.leaf.code == code)

    def with_my_points(self, code: str, points: float | None, na: bool = False) -> ScoreSheet:
        """The sheet as it would be with this evaluator's points on ``code`` (what the
        scoring screen shows while a score is being typed, before it is saved)."""
        lines = []
        for line in self.lines:
            if line.leaf.code == code:
                evaluators = {k: v for k, v in line.evaluators.items() if k != self.evaluator}
                if na or points is not None:
                    evaluators[self.evaluator] = None if na else points
                outcome, agreement = office_outcome(evaluators, line.leaf.maximum)
                line = replace(line, evaluators=evaluators, outcome=outcome, agreement=agreement)
            lines.append(line)
        outcomes = {line.leaf.code: line.outcome for line in lines}
        return replace(self, lines=tuple(lines), result=unit_result(self.rubric, outcomes))


def score_rows(session: Session, evaluation_id: int, unit_ids=None):
    from ..models import Indicator as IndicatorRow
    from ..models import Score

    query = (
        select(
            Score.unit_id,
            IndicatorRow.code,
            Score.source,
            Score.evaluator,
            Score.points,
            Score.count,
            Score.justification,
            Score.version,
        )
        .join(IndicatorRow, IndicatorRow.id == Score.indicator_id)
        .where(IndicatorRow.evaluation_id == evaluation_id)
        .order_by(Score.evaluator)
    )
    if unit_ids is not None:
        query = query.where(Score.unit_id.in_(unit_ids))
    return session.execute(query).all()


def office_outcomes(rubric: Rubric, rows) -> dict[int, dict[str, LeafOutcome]]:
    """Each unit's office outcome per leaf."""
    leaves = {leaf.code: leaf for leaf in rubric.leaves()}
    given: dict[int, dict[str, dict[str, float | None]]] = {}
    for unit_id, code, source, evaluator, points, *_ in rows:
        if source == OFFICE and code in leaves:
            given.setdefault(unit_id, {}).setdefault(code, {})[evaluator] = points
    return {
        unit_id: {
            code: office_outcome(scores, leaves[code].maximum)[0]
            for code, scores in by_code.items()
        }
        for unit_id, by_code in given.items()
    }


def evaluated_unit_ids(session: Session, evaluation_id: int) -> list[int]:
    from ..models import EvaluationUnit

    return list(
        session.scalars(
            select(EvaluationUnit.unit_id).where(EvaluationUnit.evaluation_id == evaluation_id)
        )
    )


def unit_results(session: Session, evaluation_id: int, rubric: Rubric) -> dict[int, UnitResult]:
    """Every evaluated unit's result (units nobody has scored have no total)."""
    outcomes = office_outcomes(rubric, score_rows(session, evaluation_id))
    return {
        unit_id: unit_result(rubric, outcomes.get(unit_id, {}))
        for unit_id in evaluated_unit_ids(session, evaluation_id)
    }


def is_finalized(session: Session, evaluation_id: int, unit_id: int) -> bool:
    from ..models import ScoreLock

    lock = session.get(ScoreLock, (evaluation_id, unit_id))
    return lock is not None and lock.finalized


def rubric_or_refuse(session: Session, evaluation) -> Rubric:
    rubric = evaluation_rubric(session, evaluation.id)
    if rubric is None:
        raise UserError(t("score.no_rubric", evaluation=evaluation.name))
    return rubric


def evaluated_unit(session: Session, evaluation, ref: str):
    unit = find_unit(session, ref)
    if unit.id not in evaluated_unit_ids(session, evaluation.id):
        raise UserError(t("score.not_evaluated", unit=unit.name, evaluation=evaluation.name))
    return unit


def score_sheet(
    db: Database, unit_ref: str, evaluator: str | None = None, evaluation: str | None = None
) -> ScoreSheet:
    """The unit's sheet in the evaluation (the current one unless named), as
    ``evaluator`` (the OS account unless named) sees it."""
    evaluator = evaluator or current_actor()
    with db.read() as session:
        info = evaluation_info(session, find_evaluation(session, evaluation))
    span = figure_span(db, info)
    with db.read() as session:
        found = find_evaluation(session, evaluation)
        rubric = rubric_or_refuse(session, found)
        unit = evaluated_unit(session, found, unit_ref)
        rows = score_rows(session, found.id)
        results = {
            unit_id: result.overall.total
            for unit_id, result in unit_results(session, found.id, rubric).items()
        }
        suggested = suggestions(session, found.id, unit, rubric, span)
        finalized = is_finalized(session, found.id, unit.id)
        evidence = findings_by_leaf(session, found.id, unit.id)
        name, evaluation_name, evaluation_id = unit.name, found.name, found.id
    mine: dict[str, GivenScore] = {}
    own: dict[str, GivenScore] = {}
    given: dict[str, dict[str, float | None]] = {}
    for unit_id, code, source, who, points, count, note, version in rows:
        if unit_id != unit.id:
            continue
        score = GivenScore(points, count, note or "", version)
        if source == SELF:
            own[code] = score
            continue
        given.setdefault(code, {})[who] = points
        if who == evaluator:
            mine[code] = score
    lines = []
    for leaf in rubric.leaves():
        outcome, agreement = office_outcome(given.get(leaf.code, {}), leaf.maximum)
        lines.append(
            LeafLine(
                leaf,
                own.get(leaf.code),
                mine.get(leaf.code),
                given.get(leaf.code, {}),
                outcome,
                agreement,
                suggested.get(leaf.code),
                evidence.get(leaf.code, ()),
            )
        )
    outcomes = {line.leaf.code: line.outcome for line in lines}
    ranked = ranks(results)
    return ScoreSheet(
        evaluation_id=evaluation_id,
        evaluation=evaluation_name,
        unit_id=unit.id,
        unit=name,
        evaluator=evaluator,
        rubric=rubric,
        lines=tuple(lines),
        result=unit_result(rubric, outcomes),
        rank=ranked.get(unit.id),
        ranked_units=sum(1 for total in results.values() if total is not None),
        finalized=finalized,
    )
