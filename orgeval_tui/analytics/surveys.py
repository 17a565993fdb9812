"""Questionnaire figures (DOMAIN.md, "Questionnaires"): peer score, staff survey.

Scores are summed as the decimals they were written as (``Fraction(repr(x))``), so a
mean that is exactly 99.285 on paper is 99.285 here, and rounds to 99.29.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Context, Decimal, Inexact
from fractions import Fraction
from functools import reduce
from typing import NamedTuple

from .figures import JsonFigures
from .rounding import round_half_up

PEER_SCORE_PLACES = 2


def _exact(value: float) -> Fraction:
    return Fraction(repr(value)) if isinstance(value, float) else Fraction(value)


# Decimals written in a questionnaire add exactly at this precision; were a sum ever
# inexact, Inexact is raised rather than a rounded sum returned.
_EXACT = Context(prec=100, traps=[Inexact])


def _exact_sum(values: Sequence[float]) -> Fraction:
    """The sum of the decimals ``values`` were written as: added as Decimals (in C) and
    made a Fraction once, the same number summing their Fractions gives, in a tenth of
    the time (a peer survey has thousands of answers)."""
    decimals = (Decimal(repr(v)) if isinstance(v, float) else Decimal(v) for v in values)
    return Fraction(reduce(_EXACT.add, decimals, Decimal(0)))


@dataclass(frozen=True, slots=True)
class PeerResponse:
    code: str
    respondent: str | None  # the responding department
    scores: Sequence[float]
    maxima: Sequence[float]  # the maximum of each item, pairwise with scores

    def __post_init__(self):
        if len(self.scores) != len(self.maxima):
            raise ValueError(
                f"response {self.code}: {len(self.scores)} scores for {len(self.maxima)} items"
            )
        if sum(self.maxima) <= 0:
            raise ValueError(f"response {self.code}: its items have no maximum to score against")
        for score, maximum in zip(self.scores, self.maxima, strict=True):
            if not 0 <= score <= maximum:
                raise ValueError(f"response {self.code}: score {score} outside 0..{maximum}")

    def out_of_100(self) -> Fraction:
        return _exact_sum(self.scores) / _exact_sum(self.maxima) * 100


@dataclass(frozen=True)
class PeerFigures(JsonFigures):
    peer_score: float | None  # two decimals, half up; None without responses
    peer_responses: int
    peer_departments: int  # distinct non-empty respondents
    min_response_score: float | None  # out of 100, unrounded
    max_response_score: float | None


def peer_figures(responses: Sequence[PeerResponse]) -> PeerFigures:
    scores = [response.out_of_100() for response in responses]
    departments = {(r.respondent or "").strip() for r in responses} - {""}
    mean = sum(scores, Fraction(0)) / len(scores) if scores else None
    return PeerFigures(
        peer_score=float(round_half_up(mean, PEER_SCORE_PLACES)) if mean is not None else None,
        peer_responses=len(responses),
        peer_departments=len(departments),
        min_response_score=float(min(scores)) if scores else None,
        max_response_score=float(max(scores)) if scores else None,
    )


@dataclass(frozen=True, slots=True)
class StaffResponse:
    code: str
    scores: Mapping[int, float]  # item number → answer on the scale; unanswered items absent


class ItemMean(NamedTuple):
    number: int
    text: str
    answers: int
    mean: float | None  # over the answers given; None when nobody answered


@dataclass(frozen=True)
class StaffSurveyFigures(JsonFigures):
    staff_responses: int
    item_count: int
    answers: int
    item_means: tuple[ItemMean, ...]  # by item number
    scale_max: float
    staff_satisfaction: float | None  # mean of the answered items' means / scale_max × 100


def staff_survey_figures(
    responses: Sequence[StaffResponse], items: Mapping[int, str], scale_max: float = 5
) -> StaffSurveyFigures:
    """Each item's mean is over the answers it got, so a skipped item neither lowers nor
    raises the others; ``staff_satisfaction`` averages the items that have a mean."""
    answers: dict[int, list[Fraction]] = {number: [] for number in items}
    for response in responses:
        for number, score in response.scores.items():
            if number not in answers:
                raise ValueError(f"response {response.code}: no item {number} in the survey")
            if not 1 <= score <= scale_max:
                raise ValueError(
                    f"response {response.code}: item {number} answered {score}, "
                    f"outside 1..{scale_max}"
                )
            answers[number].append(_exact(score))
    means = {
        number: sum(given, Fraction(0)) / len(given) if given else None
        for number, given in answers.items()
    }
    answered = [mean for mean in means.values() if mean is not None]
    satisfaction = (
        sum(answered, Fraction(0)) / len(answered) / _exact(scale_max) * 100 if answered else None
    )
    return StaffSurveyFigures(
        staff_responses=len(responses),
        item_count=len(items),
        answers=sum(len(given) for given in answers.values()),
        item_means=tuple(
            ItemMean(number, items[number], len(answers[number]), _float(means[number]))
            for number in sorted(items)
        ),
        scale_max=float(scale_max),
        staff_satisfaction=_float(satisfaction),
    )


def _float(value: Fraction | None) -> float | None:
    return float(value) if value is not None else None
