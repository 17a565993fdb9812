"""The three data sources of a unit report (roster, duty performance, service handling)
as report content, from the figures ``analytics`` computed."""

from __future__ import annotations

from ...analytics.ages import AGE_BANDS
from ...export.report_content import (
    NO_CHART,
    CasePeriod,
    CategoryRow,
    Chart,
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


def chart(key: str, kind: str, title: str, points, series_name: str = "") -> Chart:
    """A chart of (label, value) points; none when a value is unknown (a chart would
    draw it as 0) or there is nothing to draw."""
    points = list(points)
    if not points or any(value is None for _, value in points):
        return NO_CHART
    return Chart(
        t("report.chart.marker", name=key), kind, title,
        [label for label, _ in points], [(series_name or title, [float(v) for _, v in points])],
    )  # fmt: skip


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
        education_chart=chart(
            "roster.education", "pie", t("report.chart.education"),
            ((figure_label(k), n) for k, n in roster.education.items() if n),
        ),
        age_chart=chart(
            "roster.ages", "bar", t("report.chart.ages"),
            ((figure_label(k), n) for k, n in roster.age_bands.items() if n or k in AGE_BANDS),
            t("report.chart.people"),
        ),
    )  # fmt: skip


def duty_period(position: int, period, duty) -> DutyPeriod:
    """The ``position``th period (from 0) of the evaluation."""
    key = f"duties{position}"
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
        category_chart=chart(
            f"{key}.categories", "pie", t("report.chart.categories", period=period.shown),
            ((figure_label(k), v.hours) for k, v in duty.by_category.items() if v.hours),
        ),
        section_chart=chart(
            f"{key}.sections", "bar", t("report.chart.sections", period=period.shown),
            ((text(r.section) or t("report.no_section"), r.hours) for r in duty.per_section),
            t("report.chart.hours"),
        ),
        month_chart=chart(
            f"{key}.months", "line", t("report.chart.months", period=period.shown),
            ((r.month, r.hours) for r in duty.per_month), t("report.chart.hours"),
        ),
    )  # fmt: skip


def case_chart(unit: str, periods) -> Chart:
    """The unit's cases against the county average, per period (``periods``: (Period,
    CaseFigures)); the average left out where it is unknown."""
    if not periods:
        return NO_CHART
    averages = [cases.county_average_cases for _, cases in periods]
    series = [(unit, [float(cases.cases) for _, cases in periods])]
    if all(a is not None for a in averages):
        series.append((t("report.chart.county_average"), [float(a) for a in averages]))
    return Chart(
        t("report.chart.marker", name="cases"), "bar", t("report.chart.cases"),
        [period.shown for period, _ in periods], series,
    )  # fmt: skip


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
