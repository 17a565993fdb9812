"""The work log in period P, reduced to the aggregates duty figures need.

The database computes these with GROUP BY, so that figures over a million-entry log
cost one pass over the rows inside the database; ``summarise_log`` computes the same
from raw rows, for tests, the demo and small data. Per field, the SQL it stands for
(all over entries with ``day BETWEEN start AND end``):

- ``per_duty``: ``GROUP BY duty code → COUNT(*), SUM(times), SUM(hours)``
- ``per_section``: ``GROUP BY section → COUNT(*), SUM(hours), COUNT(DISTINCT person)``
- ``per_month``: ``GROUP BY year-month of day → COUNT(*), SUM(hours)``
- ``persons_by_day``: ``GROUP BY day → COUNT(DISTINCT person)``
- ``log_persons``: ``COUNT(DISTINCT person)``
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from math import fsum


@dataclass(frozen=True, slots=True)
class LogEntry:
    day: date
    person: str
    section: str | None
    duty_code: str
    times: int
    hours: float


@dataclass(frozen=True)
class DutyLogSummary:
    per_duty: Mapping[str, tuple[int, int, float]]  # code → (entries, times, hours); ≥1 entry
    per_section: Mapping[str | None, tuple[int, float, int]]  # → (entries, hours, persons)
    per_month: Mapping[str, tuple[int, float]]  # "2020-03" → (entries, hours)
    persons_by_day: Mapping[date, int]  # day → distinct persons with ≥1 entry that day
    log_persons: int  # distinct persons in P


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def summarise_log(entries: Iterable[LogEntry], start: date, end: date) -> DutyLogSummary:
    """Aggregate the entries dated within [start, end]; others are ignored. Hours are
    summed with ``math.fsum``, so the order of the rows cannot change a figure."""
    if end < start:
        raise ValueError(f"period ends ({end.isoformat()}) before it starts ({start.isoformat()})")
    duty_counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    duty_hours: dict[str, list[float]] = defaultdict(list)
    section_hours: dict[str | None, list[float]] = defaultdict(list)
    section_persons: dict[str | None, set[str]] = defaultdict(set)
    month_hours: dict[str, list[float]] = defaultdict(list)
    day_persons: dict[date, set[str]] = defaultdict(set)
    for entry in entries:
        if not start <= entry.day <= end:
            continue
        counts = duty_counts[entry.duty_code]
        counts[0] += 1
        counts[1] += entry.times
        duty_hours[entry.duty_code].append(entry.hours)
        section_hours[entry.section].append(entry.hours)
        section_persons[entry.section].add(entry.person)
        month_hours[month_key(entry.day)].append(entry.hours)
        day_persons[entry.day].add(entry.person)
    return DutyLogSummary(
        per_duty={
            code: (n, times, fsum(duty_hours[code])) for code, (n, times) in duty_counts.items()
        },
        per_section={
            section: (len(hours), fsum(hours), len(section_persons[section]))
            for section, hours in section_hours.items()
        },
        per_month={month: (len(hours), fsum(hours)) for month, hours in month_hours.items()},
        persons_by_day={day: len(persons) for day, persons in day_persons.items()},
        log_persons=len(set().union(*day_persons.values())),
    )
