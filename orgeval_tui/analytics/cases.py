"""Service-handling figures of one unit over a period P (DOMAIN.md, "Service handling")."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from .figures import JsonFigures, ratio

RATINGS = ("satisfied", "basically_satisfied", "unsatisfied")
SATISFIED_RATINGS = ("satisfied", "basically_satisfied")


@dataclass(frozen=True, slots=True)
class CaseRow:
    case_no: str
    received_on: date
    deadline_at: datetime | None
    closed_at: datetime | None
    rating: str | None  # RATINGS, or None when not rated (blank, 未评价, 无)

    def __post_init__(self):
        if self.rating is not None and self.rating not in RATINGS:
            raise ValueError(f"case {self.case_no}: rating must be one of {RATINGS} or None")


@dataclass(frozen=True)
class CaseFigures(JsonFigures):
    """``on_time`` counts closed cases closed on or before their deadline; a closed case
    without a deadline counts as on time, since no time limit was set that it could
    miss. Open cases are in neither part of ``on_time_rate``. ``satisfaction_rate`` is
    over rated cases only."""

    cases: int
    headcount: int | None
    cases_per_capita: float | None
    closed: int
    open: int
    on_time: int
    late: int
    on_time_rate: float | None
    rated: int
    unrated: int
    satisfied: int
    basically_satisfied: int
    unsatisfied: int
    satisfaction_rate: float | None
    county_units: int  # units with case data in P behind a computed average
    county_average_cases: float | None
    county_average_source: str | None  # "benchmark" | "computed" | None (no average)
    vs_county_average: float | None
    above_county_average: bool | None


def case_figures(
    cases: Sequence[CaseRow],
    *,
    headcount: int | None,
    county_counts: Mapping[str, int],
    benchmark: float | None = None,
) -> CaseFigures:
    """``cases``: the unit's cases received in P, on one channel. ``county_counts``:
    unit → cases received in P, for every unit with case data in P, the unit itself
    included. ``benchmark``: an entered county average, which wins when given."""
    closed = [case for case in cases if case.closed_at is not None]
    on_time = sum(_closed_on_time(case) for case in closed)
    ratings = Counter(case.rating for case in cases if case.rating is not None)
    rated = sum(ratings.values())
    satisfied = sum(ratings[rating] for rating in SATISFIED_RATINGS)
    average, source, above = _county_average(len(cases), county_counts, benchmark)
    return CaseFigures(
        cases=len(cases),
        headcount=headcount,
        cases_per_capita=ratio(len(cases), headcount),
        closed=len(closed),
        open=len(cases) - len(closed),
        on_time=on_time,
        late=len(closed) - on_time,
        on_time_rate=ratio(on_time, len(closed)),
        rated=rated,
        unrated=len(cases) - rated,
        satisfied=ratings["satisfied"],
        basically_satisfied=ratings["basically_satisfied"],
        unsatisfied=ratings["unsatisfied"],
        satisfaction_rate=ratio(satisfied, rated),
        county_units=len(county_counts),
        county_average_cases=average,
        county_average_source=source,
        vs_county_average=ratio(len(cases), average),
        above_county_average=above,
    )


def _closed_on_time(case: CaseRow) -> bool:
    return case.deadline_at is None or case.closed_at <= case.deadline_at


def _county_average(
    cases: int, county_counts: Mapping[str, int], benchmark: float | None
) -> tuple[float | None, str | None, bool | None]:
    if benchmark is not None:
        return float(benchmark), "benchmark", cases > benchmark
    if not county_counts:
        return None, None, None
    total, units = sum(county_counts.values()), len(county_counts)
    # Compare cases × units with the total: exact, where the float mean might not be.
    return ratio(total, units), "computed", cases * units > total


def summarise_county(
    cases_by_unit: Iterable[tuple[str, date]], start: date, end: date
) -> dict[str, int]:
    """unit → cases received within [start, end], from (unit, received_on) pairs: the
    ``county_counts`` of ``case_figures``. Units with no case in P are absent, as in
    ``SELECT unit, COUNT(*) … WHERE received_on BETWEEN … GROUP BY unit``."""
    if end < start:
        raise ValueError(f"period ends ({end.isoformat()}) before it starts ({start.isoformat()})")
    return dict(Counter(unit for unit, received in cases_by_unit if start <= received <= end))
