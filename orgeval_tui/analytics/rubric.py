"""Rubric figures (DOMAIN.md, "Rubric"): a unit's self-evaluation against the leaves.

Points are in steps of 0.5, so sums are exact in binary floating point.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .figures import JsonFigures


@dataclass(frozen=True)
class SelfEvaluation(JsonFigures):
    self_score: float | None  # sum of the unit's self-points on the leaves; None if none
    self_maximum: float  # sum of the maxima of the leaves the unit did not mark 不适用
    self_scored_items: int  # leaves self-scored, 不适用 included
    rubric_items: int


def self_evaluation(
    leaves: Mapping[int, float], scores: Iterable[tuple[int, float | None]]
) -> SelfEvaluation:
    """``leaves``: indicator id → maximum; ``scores``: (indicator id, points) of the
    unit's self-scores, points None where the unit marked the leaf 不适用: it then leaves
    both the points and the maximum. Scores on anything but a leaf of this rubric are
    not counted."""
    given = {indicator: value for indicator, value in scores if indicator in leaves}
    points = [value for value in given.values() if value is not None]
    not_applicable = {indicator for indicator, value in given.items() if value is None}
    return SelfEvaluation(
        self_score=sum(points) if points else None,
        self_maximum=sum(m for indicator, m in leaves.items() if indicator not in not_applicable),
        self_scored_items=len(given),
        rubric_items=len(leaves),
    )
