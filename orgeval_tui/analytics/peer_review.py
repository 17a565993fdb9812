"""What evaluators read from the questionnaires beyond the scores (DOMAIN.md,
"Questionnaires"): each staff item's satisfaction, which departments answered the peer
survey for a unit, how the peer totals spread, and the raters to look at twice.

Definitions (a peer response's *total* is its item scores summed, scaled to 100, as for
``peer_score``; a *department* is the responding department named on a response):
- ``item_satisfaction`` = the item's mean / the scale's maximum × 100.
- ``asked`` = the departments that answered the peer survey for any evaluated unit of
  the evaluation; ``responded`` = those that answered it for this unit; ``missing`` =
  asked and not responded.
- ``total_bands``: the unit's responses counted by total in bands of ten points: below
  60, 60–69, 70–79, 80–89 and 90–100 (a band holds the totals from its lower bound up to,
  not including, the next band's: 69.5 is in 60–69).
- A department is *flagged*:
  - ``same``: it answered for two or more units and every one of its responses, for every
    unit, has the same total: it does not tell the units apart;
  - ``far``: its total for this unit (the mean of its responses' totals) is more than
    ``FAR_POINTS`` points and more than ``FAR_DEVIATIONS`` standard deviations (sample
    standard deviation of the other departments' totals) from the mean of the other
    departments' totals for the unit, each department counted once. At least two other
    departments are needed to judge.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from .surveys import ItemMean

FAR_POINTS = 10
FAR_DEVIATIONS = 2
# (label, lowest total in the band); each band runs up to the next one's lowest.
TOTAL_BANDS = (("<60", 0), ("60–69", 60), ("70–79", 70), ("80–89", 80), ("90–100", 90))


@dataclass(frozen=True)
class StaffItem:
    number: int
    text: str
    answers: int
    mean: float | None  # None when nobody answered the item
    satisfaction: float | None  # mean / scale maximum × 100


def staff_items(item_means: Sequence[ItemMean], scale_max: float) -> tuple[StaffItem, ...]:
    return tuple(
        StaffItem(
            item.number,
            item.text,
            item.answers,
            item.mean,
            None if item.mean is None else item.mean / scale_max * 100,
        )
        for item in item_means
    )


@dataclass(frozen=True)
class DepartmentCoverage:
    asked: tuple[str, ...]
    responded: tuple[str, ...]
    missing: tuple[str, ...]


def department_coverage(asked: Iterable[str], responded: Iterable[str]) -> DepartmentCoverage:
    """Departments in the order first met in ``asked``; blank names are no department."""
    asked_names = tuple(dict.fromkeys(n.strip() for n in asked if n and n.strip()))
    here = {n.strip() for n in responded if n and n.strip()}
    return DepartmentCoverage(
        asked=asked_names,
        responded=tuple(n for n in asked_names if n in here),
        missing=tuple(n for n in asked_names if n not in here),
    )


@dataclass(frozen=True)
class TotalBand:
    label: str
    low: int
    count: int


def total_bands(totals: Iterable[Fraction]) -> tuple[TotalBand, ...]:
    counts = [0] * len(TOTAL_BANDS)
    for total in totals:
        counts[_band(total)] += 1
    return tuple(
        TotalBand(label, low, count)
        for (label, low), count in zip(TOTAL_BANDS, counts, strict=True)
    )


def _band(total: Fraction) -> int:
    for index in range(len(TOTAL_BANDS) - 1, 0, -1):
        if total >= TOTAL_BANDS[index][1]:
            return index
    return 0


@dataclass(frozen=True)
class RaterFlag:
    department: str
    rule: str  # "same" or "far"
    score: float  # same: the one total it gives; far: its mean total for this unit
    others_mean: float | None = None  # far: the other departments' mean for this unit
    gap: float | None = None  # far: score − others_mean (negative: below the others)
    deviations: float | None = None  # far: |gap| in standard deviations of the others


def flagged_raters(
    totals: Mapping[tuple[str, int], Sequence[Fraction]], unit_id: int
) -> tuple[RaterFlag, ...]:
    """``totals``: (department, unit id) → the totals of its responses for that unit, over
    every evaluated unit. The departments flagged for ``unit_id``, by name (see the
    module's docstring)."""
    by_department: dict[str, dict[int, Sequence[Fraction]]] = {}
    for (department, unit), given in totals.items():
        if department and given:
            by_department.setdefault(department, {})[unit] = given
    flags = []
    means = {
        department: sum(units[unit_id], Fraction(0)) / len(units[unit_id])
        for department, units in by_department.items()
        if unit_id in units
    }
    for department in sorted(means):
        units = by_department[department]
        every = {total for given in units.values() for total in given}
        if len(units) >= 2 and len(every) == 1:
            flags.append(RaterFlag(department, "same", float(next(iter(every)))))
            continue
        far = _far(department, means)
        if far is not None:
            flags.append(far)
    return tuple(flags)


def _far(department: str, means: Mapping[str, Fraction]) -> RaterFlag | None:
    others = [float(mean) for name, mean in means.items() if name != department]
    if len(others) < 2:
        return None
    score = float(means[department])
    centre = statistics.fmean(others)
    spread = statistics.stdev(others)
    gap = score - centre
    if abs(gap) <= FAR_POINTS or abs(gap) <= FAR_DEVIATIONS * spread:
        return None
    deviations = abs(gap) / spread if spread else None
    return RaterFlag(department, "far", score, centre, gap, deviations)
