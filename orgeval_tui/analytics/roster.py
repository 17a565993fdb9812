"""Roster figures of one unit at a reference date (DOMAIN.md, "Roster")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import NamedTuple

from ..i18n import t
from . import ladders
from .ages import AGE_BANDS, age_band, age_on
from .display import one_decimal, percent
from .figures import Flag, JsonFigures, ratio

__all__ = [
    "Person",
    "Quotas",
    "RosterFigures",
    "SectionHeadcount",
    "age_on",
    "roster_figures",
]

GENDERS = ("male", "female")
UNKNOWN = "unknown"

AGEING_AVERAGE_AGE = 50
YOUNG_BELOW_AGE = 35  # "nobody under 35" is the other sign of an ageing unit
LEADERSHIP_HEAVY_SHARE = Fraction(4, 5)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    gender: str | None  # "male" | "female" | None (unknown)
    birth_date: date | None
    education_level: int | None  # ladders.POSTGRADUATE … ladders.BELOW_SECONDARY
    rank_level: int | None  # ladders.COUNTY_LEVEL … ladders.CLERK
    section: str | None = None

    def __post_init__(self):
        # A stray "女" or an unmapped level would silently count as "not female" or
        # "below college"; refuse it where the row is made instead.
        if self.gender is not None and self.gender not in GENDERS:
            raise ValueError(f"{self.name}: gender must be one of {GENDERS} or None")
        if self.education_level is not None and self.education_level not in ladders.EDUCATION_KEYS:
            raise ValueError(f"{self.name}: unknown education level {self.education_level!r}")
        if self.rank_level is not None and self.rank_level not in ladders.RANK_KEYS:
            raise ValueError(f"{self.name}: unknown rank level {self.rank_level!r}")


@dataclass(frozen=True, slots=True)
class Quotas:
    admin: int = 0
    public: int = 0
    service: int = 0
    leaders: int = 0  # leadership posts: not part of quota_total

    def __post_init__(self):
        if min(self.admin, self.public, self.service, self.leaders) < 0:
            raise ValueError(f"quotas cannot be negative: {self}")

    @property
    def total(self) -> int:
        return self.admin + self.public + self.service


class SectionHeadcount(NamedTuple):
    section: str | None
    headcount: int


@dataclass(frozen=True)
class RosterFigures(JsonFigures):
    """``female_share`` is a fraction of ``headcount``. A share over a ladder (education,
    rank) is a fraction of the people whose rung is known: an unknown rung is neither
    above nor below, so it stands beside the share (``education_unknown``,
    ``rank_unknown``) and the share is None when nobody's rung is known (DOMAIN.md).
    Shares are None for an empty roster; ``avg_age`` is None when nobody has a birth
    date."""

    as_of: date
    headcount: int
    female: int
    gender_unknown: int
    female_share: float | None
    age_known: int
    avg_age: float | None
    age_bands: dict[str, int]  # AGE_BANDS + "unknown"
    education: dict[str, int]  # ladder keys, high to low, + "unknown"
    college_or_above: int
    college_or_above_share: float | None
    bachelor_or_above: int
    bachelor_or_above_share: float | None
    education_unknown: int
    rank: dict[str, int]  # ladder keys, high to low, + "unknown"
    section_level_or_above: int
    section_level_or_above_share: float | None
    rank_unknown: int
    quota_total: int | None
    quota_usage: float | None
    vacancies: int | None  # negative = over quota
    by_section: tuple[SectionHeadcount, ...]  # in roster order; empty if no sections given
    flags: tuple[Flag, ...]


def roster_figures(
    people: Sequence[Person], as_of: date, quotas: Quotas | None = None
) -> RosterFigures:
    headcount = len(people)
    female = sum(p.gender == "female" for p in people)
    ages = [age_on(p.birth_date, as_of) for p in people if p.birth_date is not None]
    bands = _age_bands(ages, headcount)
    education = _ladder_counts(people, "education_level", ladders.EDUCATION_KEYS)
    rank = _ladder_counts(people, "rank_level", ladders.RANK_KEYS)
    college = _at_or_above(people, "education_level", ladders.JUNIOR_COLLEGE)
    bachelor = _at_or_above(people, "education_level", ladders.BACHELOR)
    section_level = _at_or_above(people, "rank_level", ladders.DEPUTY_SECTION)
    education_known = headcount - education[UNKNOWN]
    rank_known = headcount - rank[UNKNOWN]
    quota_total = quotas.total if quotas is not None else None
    vacancies = quota_total - headcount if quota_total is not None else None
    return RosterFigures(
        as_of=as_of,
        headcount=headcount,
        female=female,
        gender_unknown=sum(p.gender is None for p in people),
        female_share=ratio(female, headcount),
        age_known=len(ages),
        avg_age=ratio(sum(ages), len(ages)),
        age_bands=bands,
        education=education,
        college_or_above=college,
        college_or_above_share=ratio(college, education_known),
        bachelor_or_above=bachelor,
        bachelor_or_above_share=ratio(bachelor, education_known),
        education_unknown=education[UNKNOWN],
        rank=rank,
        section_level_or_above=section_level,
        section_level_or_above_share=ratio(section_level, rank_known),
        rank_unknown=rank[UNKNOWN],
        quota_total=quota_total,
        quota_usage=ratio(headcount, quota_total),
        vacancies=vacancies,
        by_section=_by_section(people),
        flags=tuple(
            flag
            for flag in (
                _ageing(ages, headcount),
                _leadership_heavy(section_level, rank_known, headcount),
                _over_quota(headcount, quota_total),
            )
            if flag is not None
        ),
    )


def _age_bands(ages: list[int], headcount: int) -> dict[str, int]:
    bands = dict.fromkeys(AGE_BANDS, 0)
    for age in ages:
        bands[age_band(age)] += 1
    bands[UNKNOWN] = headcount - len(ages)
    return bands


def _ladder_counts(people: Sequence[Person], attribute: str, keys: dict[int, str]):
    counts = {keys[level]: 0 for level in sorted(keys, reverse=True)}
    counts[UNKNOWN] = 0
    for person in people:
        level = getattr(person, attribute)
        counts[keys[level] if level is not None else UNKNOWN] += 1
    return counts


def _at_or_above(people: Sequence[Person], attribute: str, floor: int) -> int:
    levels = (getattr(person, attribute) for person in people)
    return sum(level is not None and level >= floor for level in levels)


def _by_section(people: Sequence[Person]) -> tuple[SectionHeadcount, ...]:
    if all(p.section is None for p in people):
        return ()
    counts: dict[str | None, int] = {}
    for person in people:
        counts[person.section] = counts.get(person.section, 0) + 1
    return tuple(SectionHeadcount(section, n) for section, n in counts.items())


def _ageing(ages: list[int], headcount: int) -> Flag | None:
    reasons = []
    # Compare sums, not the float mean: exactly 50 must count as ≥ 50.
    if ages and sum(ages) >= AGEING_AVERAGE_AGE * len(ages):
        reasons.append(
            t(
                "analytics.flag.ageing.average",
                avg_age=one_decimal(ratio(sum(ages), len(ages))),
                threshold=AGEING_AVERAGE_AGE,
            )
        )
    if ages and min(ages) >= YOUNG_BELOW_AGE:
        if len(ages) == headcount:
            reasons.append(t("analytics.flag.ageing.nobody_young", young=YOUNG_BELOW_AGE))
        else:
            reasons.append(
                t(
                    "analytics.flag.ageing.nobody_young_known",
                    young=YOUNG_BELOW_AGE,
                    known=len(ages),
                    headcount=headcount,
                )
            )
    if not reasons:
        return None
    return Flag("ageing", t("analytics.flag.separator").join(reasons))


def _leadership_heavy(section_level: int, known: int, headcount: int) -> Flag | None:
    if not known or section_level < LEADERSHIP_HEAVY_SHARE * known:
        return None
    evidence = t(
        "analytics.flag.leadership_heavy.evidence"
        if known == headcount
        else "analytics.flag.leadership_heavy.evidence_known",
        count=section_level,
        known=known,
        headcount=headcount,
        share=percent(ratio(section_level, known)),
        threshold=percent(LEADERSHIP_HEAVY_SHARE),
    )
    return Flag("leadership_heavy", evidence)


def _over_quota(headcount: int, quota_total: int | None) -> Flag | None:
    if quota_total is None or headcount <= quota_total:
        return None
    evidence = t(
        "analytics.flag.over_quota.evidence",
        headcount=headcount,
        quota_total=quota_total,
        excess=headcount - quota_total,
    )
    return Flag("over_quota", evidence)
