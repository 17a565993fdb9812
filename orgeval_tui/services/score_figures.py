"""What a unit's figures and ledger suggest for its rubric leaves: a figure leaf's
points from the figure's band, a deduction leaf's count from the unit's problems in
the leaf's ledger categories. The evaluator decides; these are only suggestions.

Figures of a period (duty performance, 12345 service) are those of the evaluation's
first period, the one its report leads with; roster figures are taken at the
reference date; questionnaires are the evaluation's own."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..analytics.rubric_rules import Indicator, Rubric
from ..analytics.scoring import Suggestion, deduction_points, suggest_from_figure
from ..storage.database import Database
from .calendar import Workdays
from .evaluations import EvaluationInfo, Period

_DUTY_FIGURES = frozenset(
    {
        "execution_rate",
        "business_share_by_count",
        "business_share_by_hours",
        "fill_rate",
        "workload_ratio",
    }
)
_CASE_FIGURES = frozenset(
    {"cases_per_capita", "on_time_rate", "satisfaction_rate", "vs_county_average"}
)


@dataclass(frozen=True)
class LeafSuggestion:
    points: float | None
    explanation: str  # how the points follow: "执行率 71.21% → 第3档 → 5.5/8"
    count: int | None = None  # deduction leaves: the problems found in its categories


@dataclass(frozen=True)
class FigureSpan:
    """Where figures are taken: the reference date, and the first period with its
    working days (``calendar.workdays_between``, read before the session: it may seed
    the calendar); no period, no figure of one."""

    reference_date: date
    period: Period | None = None
    workdays: Workdays | None = None


def figure_span(db: Database, evaluation: EvaluationInfo) -> FigureSpan:
    from .calendar import workdays_between

    if not evaluation.periods:
        return FigureSpan(evaluation.reference_date)
    first = evaluation.periods[0]
    return FigureSpan(
        evaluation.reference_date, first, workdays_between(db, first.start, first.end)
    )


def suggestions(
    session: Session, evaluation_id: int, unit, rubric: Rubric, span: FigureSpan
) -> dict[str, LeafSuggestion]:
    """The suggestion of every figure and deduction leaf of ``rubric`` for ``unit``."""
    leaves = rubric.leaves()
    wanted = {leaf.figure for leaf in leaves if leaf.kind == "figure"}
    values = _figure_values(session, evaluation_id, unit, wanted, span) if wanted else {}
    counts = _problem_counts(session, evaluation_id, unit.id)
    result: dict[str, LeafSuggestion] = {}
    for leaf in leaves:
        if leaf.kind == "figure":
            suggestion: Suggestion = suggest_from_figure(leaf, values.get(leaf.figure))
            result[leaf.code] = LeafSuggestion(suggestion.points, suggestion.explanation)
        elif leaf.kind == "deduction":
            result[leaf.code] = _deduction(leaf, counts)
    return result


def _deduction(leaf: Indicator, counts: dict[str, int]) -> LeafSuggestion:
    from ..i18n import t

    found = sum(counts.get(category, 0) for category in leaf.categories)
    points = deduction_points(leaf, found)
    explanation = t(
        "score.suggestion.deduction",
        categories="、".join(leaf.categories) or "—",
        count=found,
        per=f"{leaf.per_instance:g}",
        points=f"{points:g}",
        max=f"{leaf.maximum:g}",
    )
    return LeafSuggestion(points, explanation, found)


def _problem_counts(session: Session, evaluation_id: int, unit_id: int) -> dict[str, int]:
    """The unit's problems per category in the evaluation, withdrawn ones aside (a
    withdrawn problem was found not to be one)."""
    from ..models import Problem

    return dict(
        session.execute(
            select(Problem.category, func.count())
            .where(
                Problem.evaluation_id == evaluation_id,
                Problem.unit_id == unit_id,
                Problem.status != "withdrawn",
                Problem.category.is_not(None),
            )
            .group_by(Problem.category)
        ).all()
    )


def _figure_values(
    session: Session, evaluation_id: int, unit, wanted: Iterable[str], span: FigureSpan
) -> dict:
    from .figures import cases_in, duties_in, peer_in, roster_in, staff_survey_in

    wanted = set(wanted)
    values: dict[str, object] = {}
    roster = roster_in(session, unit, span.reference_date)
    sources: list[object] = [roster]
    first = span.period
    if first is not None and wanted & _DUTY_FIGURES:
        sources.append(
            duties_in(session, unit.id, first.start, first.end, span.workdays, roster.headcount)
        )
    if first is not None and wanted & _CASE_FIGURES:
        sources.append(
            cases_in(session, unit.id, "hotline", first.start, first.end, roster.headcount)
        )
    if "peer_score" in wanted:
        sources.append(peer_in(session, unit.id, evaluation_id))
    if "staff_satisfaction" in wanted:
        sources.append(staff_survey_in(session, unit.id, evaluation_id))
    for figure in wanted:
        for source in sources:
            if hasattr(source, figure):
                values[figure] = getattr(source, figure)
                break
    return values
