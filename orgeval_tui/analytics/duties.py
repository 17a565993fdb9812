"""Duty-performance figures of one unit over a period P (DOMAIN.md, "Duty performance")."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from math import fsum
from typing import NamedTuple

from ..i18n import t

# LogEntry and summarise_log are re-exported: the whole duty API is importable from here.
from .duty_log import DutyLogSummary, LogEntry, summarise_log
from .figures import JsonFigures, ratio

__all__ = [
    "CATEGORIES",
    "CatalogueDuty",
    "CategoryLoad",
    "DutyFigures",
    "DutyLogSummary",
    "DutyRef",
    "LogEntry",
    "MonthLoad",
    "SectionLoad",
    "duty_figures",
    "summarise_log",
]

CATEGORIES = ("business", "general", "other")
UNKNOWN_CATEGORY = "unknown"  # log entries whose duty code is not in the catalogue
HOURS_PER_WORKDAY = 8


@dataclass(frozen=True, slots=True)
class CatalogueDuty:
    code: str
    name: str
    section: str | None
    category: str  # "business" | "general" | "other"

    def __post_init__(self):
        if self.category not in CATEGORIES:
            raise ValueError(f"duty {self.code}: category must be one of {CATEGORIES}")


class DutyRef(NamedTuple):
    code: str
    name: str
    section: str | None


class CategoryLoad(NamedTuple):
    entries: int
    times: int
    hours: float
    share_by_count: float | None  # of all times
    share_by_hours: float | None  # of all hours


class SectionLoad(NamedTuple):
    section: str | None
    entries: int
    hours: float
    persons: int  # distinct persons who logged work for this section
    hours_per_person: float | None


class MonthLoad(NamedTuple):
    month: str  # "2020-03"
    entries: int
    hours: float


@dataclass(frozen=True)
class DutyFigures(JsonFigures):
    """Entries whose duty code is not in the catalogue (``unknown_duty_codes``) count in
    the totals, the shares' denominators and by_category["unknown"], since the work was
    done, but never as executed duties."""

    duties_defined: int
    duties_executed: int
    execution_rate: float | None
    never_executed: tuple[DutyRef, ...]  # catalogue order
    unknown_duty_codes: tuple[str, ...]
    entries: int
    times: int
    hours: float
    business_share_by_count: float | None
    business_share_by_hours: float | None
    by_category: dict[str, CategoryLoad]
    workdays: int
    workdays_assumed: bool  # some of P fell back to Monday–Friday: say so with the figures
    persons: int
    persons_source: str  # "roster" | "log"
    log_persons: int
    person_workdays_filled: int  # distinct (person, workday) pairs with ≥1 entry
    fill_rate: float | None
    workload_ratio: float | None
    per_section: tuple[SectionLoad, ...]  # catalogue order of sections, then others, None last
    per_month: tuple[MonthLoad, ...]
    notes: tuple[str, ...]  # sentences every display of these figures must carry


def duty_figures(
    catalogue: Sequence[CatalogueDuty],
    summary: DutyLogSummary,
    *,
    workdays: Collection[date],
    workdays_assumed: bool,
    roster_headcount: int | None,
) -> DutyFigures:
    """``workdays``: the official working days of P (see services.calendar);
    ``roster_headcount``: the unit's headcount when a roster is loaded, else None, and
    persons are then the distinct persons in the log."""
    by_code = _index(catalogue)
    _check_consistent(summary)
    executed = {code for code, (entries, _, _) in summary.per_duty.items() if entries > 0}
    unknown_codes = tuple(sorted(code for code in executed if code not in by_code))
    by_category = _by_category(by_code, summary, has_unknown=bool(unknown_codes))
    entries = sum(load.entries for load in by_category.values())
    times = sum(load.times for load in by_category.values())
    hours = fsum(hours for _, _, hours in summary.per_duty.values())
    if roster_headcount is not None:
        persons, persons_source = roster_headcount, "roster"
    else:
        persons, persons_source = summary.log_persons, "log"
    working_days = set(workdays)
    # Weekend and holiday entries add hours, but a day off cannot be "filled".
    filled = sum(summary.persons_by_day.get(day, 0) for day in working_days)
    # No work log in P is not a log of nothing done: the figures resting on it are
    # unknown (无数据), not 0 (DOMAIN.md).
    capacity = persons * len(working_days) if entries else None
    duties_executed = sum(code in executed for code in by_code)
    return DutyFigures(
        duties_defined=len(by_code),
        duties_executed=duties_executed,
        execution_rate=ratio(duties_executed, len(by_code)) if entries else None,
        never_executed=tuple(
            DutyRef(d.code, d.name, d.section) for d in catalogue if d.code not in executed
        ),
        unknown_duty_codes=unknown_codes,
        entries=entries,
        times=times,
        hours=hours,
        business_share_by_count=by_category["business"].share_by_count,
        business_share_by_hours=by_category["business"].share_by_hours,
        by_category=by_category,
        workdays=len(working_days),
        workdays_assumed=workdays_assumed,
        persons=persons,
        persons_source=persons_source,
        log_persons=summary.log_persons,
        person_workdays_filled=filled,
        fill_rate=ratio(filled, capacity),
        workload_ratio=ratio(hours, capacity and capacity * HOURS_PER_WORKDAY),
        per_section=_per_section(catalogue, summary),
        per_month=tuple(
            MonthLoad(month, n, float(h)) for month, (n, h) in sorted(summary.per_month.items())
        ),
        notes=_notes(
            workdays_assumed, persons, persons_source, summary.log_persons, unknown_codes, entries
        ),
    )


def _index(catalogue: Sequence[CatalogueDuty]) -> dict[str, CatalogueDuty]:
    by_code: dict[str, CatalogueDuty] = {}
    for duty in catalogue:
        if duty.code in by_code:
            raise ValueError(f"duty code {duty.code} appears twice in the catalogue")
        by_code[duty.code] = duty
    return by_code


def _check_consistent(summary: DutyLogSummary) -> None:
    """The aggregates are separate queries: if they disagree on the number of entries,
    one of them filtered P differently, and every figure would be quietly wrong."""
    per_duty = sum(n for n, _, _ in summary.per_duty.values())
    per_section = sum(n for n, _, _ in summary.per_section.values())
    per_month = sum(n for n, _ in summary.per_month.values())
    if not per_duty == per_section == per_month:
        raise ValueError(
            f"log aggregates disagree: {per_duty} entries by duty, "
            f"{per_section} by section, {per_month} by month"
        )


def _by_category(
    by_code: dict[str, CatalogueDuty], summary: DutyLogSummary, *, has_unknown: bool
) -> dict[str, CategoryLoad]:
    categories = (*CATEGORIES, UNKNOWN_CATEGORY) if has_unknown else CATEGORIES
    sums: dict[str, tuple[list[int], list[int], list[float]]] = {
        category: ([], [], []) for category in categories
    }
    for code, (entries, times, hours) in summary.per_duty.items():
        duty = by_code.get(code)
        category = duty.category if duty is not None else UNKNOWN_CATEGORY
        for bucket, value in zip(sums[category], (entries, times, hours), strict=True):
            bucket.append(value)
    all_times = sum(times for _, times, _ in summary.per_duty.values())
    all_hours = fsum(hours for _, _, hours in summary.per_duty.values())
    loads = {}
    for category, (entries, times, hours) in sums.items():
        category_hours = fsum(hours)
        loads[category] = CategoryLoad(
            entries=sum(entries),
            times=sum(times),
            hours=category_hours,
            share_by_count=ratio(sum(times), all_times),
            share_by_hours=ratio(category_hours, all_hours),
        )
    return loads


def _per_section(
    catalogue: Sequence[CatalogueDuty], summary: DutyLogSummary
) -> tuple[SectionLoad, ...]:
    # The catalogue lists sections in the unit's own order (its mandate's); keep it.
    order = {}
    for duty in catalogue:
        if duty.section is not None:
            order.setdefault(duty.section, len(order))

    def position(section):
        if section is None:
            return (2, 0, "")
        if section in order:
            return (0, order[section], "")
        return (1, 0, section)

    return tuple(
        SectionLoad(section, entries, float(hours), persons, ratio(float(hours), persons))
        for section, (entries, hours, persons) in sorted(
            summary.per_section.items(), key=lambda item: position(item[0])
        )
    )


def _notes(
    workdays_assumed: bool,
    persons: int,
    persons_source: str,
    log_persons: int,
    unknown_codes: tuple[str, ...],
    entries: int,
) -> tuple[str, ...]:
    notes = []
    if not entries:
        notes.append(t("analytics.duties.note.no_log"))
    if workdays_assumed:
        notes.append(t("analytics.duties.note.workdays_assumed"))
    if persons_source == "log":
        notes.append(t("analytics.duties.note.persons_from_log", persons=persons))
    elif log_persons > persons:
        notes.append(
            t("analytics.duties.note.log_exceeds_roster", log_persons=log_persons, persons=persons)
        )
    if unknown_codes:
        notes.append(
            t(
                "analytics.duties.note.unknown_codes",
                count=len(unknown_codes),
                codes=", ".join(unknown_codes),
            )
        )
    return tuple(notes)
