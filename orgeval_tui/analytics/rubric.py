"""Rubric figures (DOMAIN.md, "Rubric"): a unit's self-evaluation against the leaves.

Points are in steps of 0.5, so sums are exact in binary floating point.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .figures import JsonFigures


@dataclass(frozen=True)
class SelfEvaluation(JsonFigures):
    self_score: float | None  # sum of the unit's self-scores on the leaves; None if none
    self_maximum: float  # sum of the leaves' maxima
    self_scored_items: int
    rubric_items: int


def self_evaluation(
    leaves: Mapping[int, float], scores: Iterable[tuple[int, float]]
) -> SelfEvaluation:
    """``leaves``: indicator id → maximum; ``scores``: (indicator id, points) of the
    unit's self-scores. Scores on anything but a leaf of this rubric are not counted."""
    points = {indicator: value for indicator, value in scores if indicator in leaves}
    return SelfEvaluation(
        self_score=sum(points.values()) if points else None,
        self_maximum=sum(leaves.values()),
        self_scored_items=len(points),
        rubric_items=len(leaves),
    )
