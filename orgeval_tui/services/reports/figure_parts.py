"""The three data sources of a unit report (roster, duty performance, service handling)
as report content, from the figures ``analytics`` computed."""

from __future__ import annotations

from ...analytics.ages import AGE_BANDS
from ...export.report_content import (
    CasePeriod,
    CategoryRow,
    DutyPeriod,
    InstitutionRoster,
    MonthRow,
    RosterPart,
    SectionRow,
    Share,
)
from ...i18n import t
from ..presentation import figure_label
from .words import count, day, decimal, rate, share_of_known, text


def _shares(counts: dict[str, int], headcount: int, always=()) -> list[Share]:
    """A slice per rung: the ladder's own rungs always, others (the unknown, another
    ladder's) when someone is on them, so the slices add up to the headcount."""
    always = set(always)
    return [
        Share(figure_label(key), count(n), rate(n / headcount if headcount else None))
        for key, n in counts.items()
        if n or key in always
    ]


def roster_part(roster, children, as_of) -> RosterPart:
    """``roster``: RosterFigures or None (no roster loaded); ``children``: (institution,
    RosterFigures)."""
    institutions = [
        InstitutionRoster(
            name,
            count(child.headcount),
            decimal(child.avg_age),
            share_of_known(child.college_or_above_share, child.education_unknown, child.headcount),
            share_of_known(child.section_level_or_above_share, child.rank_unknown, child.headcount),
        )
        for name, child in children
    ]
    if roster is None:
        nothing = count(None)
        return RosterPart(
            False, day(as_of), nothing, nothing, rate(None), decimal(None), rate(None),
            rate(None), rate(None), [], [], [], [], [], institutions,
        )  # fmt: skip
    headcount = roster.headcount
    return RosterPart(
        available=True,
        as_of=day(as_of),
        headcount=count(headcount),
        female=count(roster.female),
        female_share=rate(roster.female_share),
        avg_age=decimal(roster.avg_age),
        college_or_above_share=share_of_known(
            roster.college_or_above_share, roster.education_unknown, headcount
        ),
        bachelor_or_above_share=share_of_known(
            roster.bachelor_or_above_share, roster.education_unknown, headcount
        ),
        section_level_or_above_share=share_of_known(
            roster.section_level_or_above_share, roster.rank_unknown, headcount
        ),
        flags=[t("report.flag", title=f.title, evidence=f.evidence) for f in roster.flags],
        age_bands=_shares(roster.age_bands, headcount, AGE_BANDS),
        education=_shares(roster.education, headcount),
        ranks=_shares(roster.rank, headcount),
        sections=[
            Share(
                text(row.section) or t("report.no_section"),
                count(row.headcount),
                rate(row.headcount / headcount if headcount else None),
            )
            for row in roster.by_section
        ],
        institutions=institutions,
    )


def duty_period(period, duty) -> DutyPeriod:
    return DutyPeriod(
        period=period.shown,
        duties_defined=count(duty.duties_defined),
        duties_executed=count(duty.duties_executed),
        execution_rate=rate(duty.execution_rate),
        business_share_by_count=rate(duty.business_share_by_count),
        business_share_by_hours=rate(duty.business_share_by_hours),
        fill_rate=rate(duty.fill_rate),
        workload_ratio=rate(duty.workload_ratio),
        workdays=count(duty.workdays),
        persons=count(duty.persons),
        entries=count(duty.entries),
        hours=decimal(duty.hours),
        never_executed_count=count(len(duty.never_executed)),
        never_executed=[f"{d.code} {text(d.name)}" for d in duty.never_executed],
        notes=list(duty.notes),
        categories=[
            CategoryRow(
                figure_label(key),
                count(load.times),
                decimal(load.hours),
                rate(load.share_by_count),
                rate(load.share_by_hours),
            )
            for key, load in duty.by_category.items()
            if load.entries or key != "unknown"
        ],
        sections=[
            SectionRow(
                text(row.section) or t("report.no_section"),
                count(row.entries),
                decimal(row.hours),
                count(row.persons),
                decimal(row.hours_per_person),
            )
            for row in duty.per_section
        ],
        months=[
            MonthRow(row.month, count(row.entries), decimal(row.hours)) for row in duty.per_month
        ],
    )


def _comparison(cases) -> str:
    ratio = cases.vs_county_average
    if ratio is None:
        return t("report.county.none")
    if ratio > 1:
        return t("report.county.above")
    if ratio < 1:
        return t("report.county.below")
    return t("report.county.equal")


def case_period(period, channel: str, cases) -> CasePeriod:
    return CasePeriod(
        period=period.shown,
        channel=t(f"report.channel.{channel}"),
        cases=count(cases.cases),
        cases_per_capita=decimal(cases.cases_per_capita),
        closed=count(cases.closed),
        on_time=count(cases.on_time),
        on_time_rate=rate(cases.on_time_rate),
        satisfaction_rate=rate(cases.satisfaction_rate),
        county_average=decimal(cases.county_average_cases),
        vs_county_average=rate(cases.vs_county_average),
        comparison=_comparison(cases),
    )
