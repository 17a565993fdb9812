"""Scoring against a rubric (DOMAIN.md, "Rubric"): what a score may be, what a
deduction or a figure suggests, totals per part and area, grade, agreement, rank.

Points are in steps of 0.5 and maxima too, so sums of them are exact in binary
floating point; only means and totals (a division) are not, and those are rounded
for display alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..i18n import t
from .display import RATES, TWO_DECIMALS, one_decimal, percent, two_decimals
from .rounding import Number, round_half_up, to_decimal
from .rubric_rules import GRADES, Indicator, Problem, Rubric, is_half_step

FAIL = "fail"
PASS = "pass"
# How many decimals a figure is compared at: as it is shown, so that a value shown
# as 90.00% falls in the band "90% or more" (a rate is a fraction: 4 decimals).
_COMPARED_PLACES = {**dict.fromkeys(RATES, 4), **dict.fromkeys(TWO_DECIMALS, 2)}


def score_problem(maximum: float, points: float, justification: str | None) -> Problem | None:
    """Why ``points`` cannot be a score on a leaf of ``maximum``, or None when it can."""
    values = {"points": f"{points:g}", "max": f"{maximum:g}"}
    if not 0 <= points <= maximum:
        return Problem("score_out_of_range", values)
    if not is_half_step(points):
        return Problem("score_step", values)
    if points < maximum and not (justification or "").strip():
        return Problem("score_needs_justification", values)
    return None


def count_problem(count: int) -> Problem | None:
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        return Problem("bad_count", {"count": count})
    return None


def deduction_points(leaf: Indicator, count: int) -> float:
    """A deduction leaf's points for ``count`` instances found: its maximum less
    ``per_instance`` each, never below 0."""
    if leaf.kind != "deduction" or leaf.per_instance is None:
        raise ValueError(f"{leaf.code} is not a deduction leaf")
    problem = count_problem(count)
    if problem is not None:
        raise ValueError(problem.text())
    return max(0.0, leaf.maximum - leaf.per_instance * count)


@dataclass(frozen=True)
class Suggestion:
    points: float | None  # None when the figure is unknown
    band: int | None  # 1-based; None below every band or when unknown
    explanation: str  # e.g. "执行率 71.21% → 第3档 → 5.5/8"


def figure_text(figure: str, value: Number | None) -> str:
    """A figure as every screen shows it (display.py); a rubric's figures all have a rule."""
    if figure in RATES:
        return percent(value)
    if figure in TWO_DECIMALS:
        return two_decimals(value)
    return one_decimal(value)


def suggest_from_figure(leaf: Indicator, value: Number | None) -> Suggestion:
    """The points a figure leaf suggests for ``value`` of its figure, and how they follow."""
    if leaf.kind != "figure" or leaf.figure is None:
        raise ValueError(f"{leaf.code} is not a figure leaf")
    values = {
        "figure": t(f"figure.{leaf.figure}"),
        "value": figure_text(leaf.figure, value),
        "max": f"{leaf.maximum:g}",
    }
    if value is None:
        return Suggestion(None, None, t("rubric.suggestion.no_data", **values))
    compared = round_half_up(value, _COMPARED_PLACES.get(leaf.figure, 1))
    for number, band in enumerate(leaf.bands, start=1):
        if compared >= to_decimal(band.at_least):
            text = t("rubric.suggestion.band", band=number, points=f"{band.points:g}", **values)
            return Suggestion(band.points, number, text)
    return Suggestion(0.0, None, t("rubric.suggestion.below", **values))


@dataclass(frozen=True)
class LeafOutcome:
    """A leaf's office points for a unit: ``points`` None when nobody scored it."""

    points: float | None = None
    not_applicable: bool = False


@dataclass(frozen=True)
class Subtotal:
    points: float  # sum of points on scored leaves
    maximum: float  # sum of maxima of the leaves not N/A
    scored: int
    leaves: int

    @property
    def total(self) -> float | None:
        """Points over the maximum left, scaled to 100; None when nothing is scored or
        every leaf is N/A."""
        return self.points / self.maximum * 100 if self.maximum and self.scored else None


@dataclass(frozen=True)
class UnitResult:
    overall: Subtotal
    by_indicator: Mapping[str, Subtotal]  # every part and area (every parent) by code
    grade: str | None  # excellent | good | pass | fail; None without a total
    vetoed: tuple[str, ...]  # codes of the veto leaves failed


def _subtotal(leaves: Iterable[Indicator], outcomes: Mapping[str, LeafOutcome]) -> Subtotal:
    points = maximum = 0.0
    scored = count = 0
    for leaf in leaves:
        outcome = outcomes.get(leaf.code, LeafOutcome())
        if outcome.not_applicable:
            continue
        count += 1
        maximum += leaf.maximum
        if outcome.points is not None:
            points += outcome.points
            scored += 1
    return Subtotal(points, maximum, scored, count)


def failed_vetoes(rubric: Rubric, outcomes: Mapping[str, LeafOutcome]) -> tuple[str, ...]:
    """Veto leaves (一票否决) that lost points: a single instance fails them."""
    failed = []
    for leaf in rubric.leaves():
        outcome = outcomes.get(leaf.code, LeafOutcome())
        if leaf.veto and outcome.points is not None and outcome.points < leaf.maximum:
            failed.append(leaf.code)
    return tuple(failed)


def grade(total: float | None, bands: Mapping[str, float], vetoed: bool = False) -> str | None:
    """The grade band a total falls in; a failed veto item caps it at 合格 (pass)."""
    if total is None:
        return None
    reached = next((g for g in GRADES if total >= bands[g]), FAIL)
    if vetoed and reached != FAIL:
        return PASS
    return reached


def unit_result(rubric: Rubric, outcomes: Mapping[str, LeafOutcome]) -> UnitResult:
    leaves = rubric.leaves()
    under: dict[str, list[Indicator]] = {}
    for leaf in leaves:
        for ancestor in rubric.ancestors(leaf.code):
            under.setdefault(ancestor, []).append(leaf)
    overall = _subtotal(leaves, outcomes)
    vetoed = failed_vetoes(rubric, outcomes)
    return UnitResult(
        overall=overall,
        by_indicator={code: _subtotal(group, outcomes) for code, group in under.items()},
        grade=grade(overall.total, rubric.grades, bool(vetoed)),
        vetoed=vetoed,
    )


@dataclass(frozen=True)
class Agreement:
    mean: float | None  # None when no evaluator scored the leaf
    flagged: bool  # evaluators differ by more than a quarter of the maximum


def evaluators_mean(points_by_evaluator: Mapping[str, float], maximum: float) -> Agreement:
    points = list(points_by_evaluator.values())
    if not points:
        return Agreement(None, False)
    return Agreement(sum(points) / len(points), max(points) - min(points) > maximum / 4)


def ranks(totals: Mapping[str, float | None]) -> dict[str, int | None]:
    """Rank by total, highest first; equal totals share a rank (1, 2, 2, 4). A unit
    without a total has no rank. Totals are compared as shown (one decimal)."""
    shown = {unit: round_half_up(total, 1) for unit, total in totals.items() if total is not None}
    ordered = sorted(shown.values(), reverse=True)
    result: dict[str, int | None] = dict.fromkeys(totals)
    for unit, value in shown.items():
        result[unit] = ordered.index(value) + 1
    return result


def office_outcome(
    scores: Mapping[str, float | None], maximum: float
) -> tuple[LeafOutcome, Agreement]:
    """A leaf's office outcome from its evaluators' scores (None: marked 不适用): N/A
    when every evaluator who scored it says so, else the mean of the points given, with
    the evaluators' agreement on them."""
    given = {actor: points for actor, points in scores.items() if points is not None}
    agreement = evaluators_mean(given, maximum)
    if scores and not given:
        return LeafOutcome(not_applicable=True), agreement
    return LeafOutcome(agreement.mean), agreement
