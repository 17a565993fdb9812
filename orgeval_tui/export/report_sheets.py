"""The sheets of a unit's report workbook, one function each, in the report's order.

Labels are the zh catalogue's ``report_excel.*`` (the documents are always Chinese);
the figures, names and texts are the report content's own.
"""

from __future__ import annotations

from openpyxl import Workbook

from . import workbook_charts as charts
from .ledger_workbook import zh
from .report_content import CasePeriod, DutyPeriod, Figure, PartScore, UnitReport
from .report_review_sheets import problems, reviews, scores
from .report_sheet import Block, SheetWriter, headers, label


def build(report: UnitReport) -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    footer = zh("ledger_excel.sheet.footer")
    for write in (overview, roster, duties, cases, reviews, scores, problems):
        write(workbook, report, footer)
    return workbook


def _chart_beside(
    writer: SheetWriter, block: Block, figures: list[Figure], draw, title: str, *columns, **options
) -> None:
    """``draw``'s chart of the table's ``columns`` beside it, or a line saying why
    there is none."""
    if not figures:
        return
    if charts.plottable(figures):
        writer.place_chart(draw(writer.sheet, title, block, *columns, **options), block)
    else:
        writer.line(label("no_chart"))
        writer.gap()


def overview(workbook, report: UnitReport, footer: str) -> None:
    head, unit, result = report.report, report.unit, report.result
    writer = SheetWriter(workbook, label("sheet.overview"), span=5)
    writer.title(head.title)
    writer.figures(
        [
            (label("evaluation"), head.evaluation),
            (label("office"), head.office),
            (label("date"), head.date),
            (label("reference_date"), head.reference_date),
            (label("periods"), head.periods),
        ]
    )
    writer.heading(label("unit_basics"))
    basics = [(label("unit"), unit.name)]
    if unit.parent:
        basics.append((label("parent"), unit.parent))
    if unit.institutions:
        basics.append((label("institutions"), unit.institutions))
    if unit.mandate:
        basics.append((label("mandate"), unit.mandate))
    basics += [
        (label("quota_admin"), unit.quota_admin),
        (label("quota_public"), unit.quota_public),
        (label("quota_service"), unit.quota_service),
        (label("quota_total"), unit.quota_total),
        (label("quota_leaders"), unit.quota_leaders),
        (label("headcount"), unit.headcount),
        (label("vacancies"), unit.vacancies),
        (label("quota_usage"), unit.quota_usage),
        (label("section_count"), unit.section_count),
        (label("sections"), "、".join(unit.sections)),
    ]
    writer.figures(basics)
    writer.heading(label("score"))
    writer.figures(
        [
            (label("total"), result.total),
            (label("grade"), result.grade),
            (label("rank"), result.rank),
            (label("ranked_units"), result.ranked_units),
            (label("points"), result.points),
            (label("maximum"), result.maximum),
            (label("vetoed"), result.vetoed or label("none")),
            (label("finalized"), result.finalized),
            (label("result_class"), result.result_class),
        ]
    )
    _score_table(writer, label("parts"), result.parts, chart=True)
    if result.areas:
        _score_table(writer, label("areas"), result.areas, chart=False)
    writer.finish("portrait", footer)


def _score_table(writer: SheetWriter, title: str, parts: list[PartScore], chart: bool) -> None:
    writer.heading(title)
    rows = [[p.code, p.name, p.points, p.maximum, p.total] for p in parts]
    block = writer.table(headers("code", "name", "points", "maximum", "total"), rows)
    if chart:
        totals = [p.total for p in parts]
        _chart_beside(writer, block, totals, charts.bars, label("chart.parts"), 2, 5, top=100)


def roster(workbook, report: UnitReport, footer: str) -> None:
    part = report.roster
    writer = SheetWriter(workbook, label("sheet.roster"), span=3)
    writer.title(report.report.title)
    if not part.available:
        writer.line(label("no_roster"))
        writer.finish("portrait", footer)
        return
    writer.figures(
        [
            (label("as_of"), part.as_of),
            (label("headcount"), part.headcount),
            (label("female"), part.female),
            (label("female_share"), part.female_share),
            (label("avg_age"), part.avg_age),
            (label("college_share"), part.college_or_above_share),
            (label("bachelor_share"), part.bachelor_or_above_share),
            (label("section_level_share"), part.section_level_or_above_share),
        ]
    )
    for flag in part.flags:
        writer.line(flag)
    if part.flags:
        writer.gap()
    for key, shares, kind in (
        ("age_bands", part.age_bands, charts.bars),
        ("education", part.education, charts.pie),
        ("ranks", part.ranks, charts.pie),
        ("roster_sections", part.sections, charts.bars),
    ):
        writer.heading(label(key))
        rows = [[s.label, s.count, s.share] for s in shares]
        block = writer.table(headers("item", "count", "share"), rows)
        counts = [s.count for s in shares]
        _chart_beside(writer, block, counts, kind, label(f"chart.{key}"), 1, 2)
    if part.institutions:
        writer.heading(label("institutions_compared"))
        rows = [
            [
                i.name,
                i.headcount,
                i.avg_age,
                i.college_or_above_share,
                i.section_level_or_above_share,
            ]
            for i in part.institutions
        ]
        columns = headers("institution", "headcount", "avg_age", "college", "section_level")
        writer.table(columns, rows)
    writer.finish("portrait", footer)


def duties(workbook, report: UnitReport, footer: str) -> None:
    writer = SheetWriter(workbook, label("sheet.duties"), span=5)
    writer.title(report.report.title)
    if not report.duties:
        writer.line(label("no_duties"))
    for period in report.duties:
        _duty_period(writer, period)
    writer.finish("portrait", footer)


def _duty_period(writer: SheetWriter, period: DutyPeriod) -> None:
    writer.heading(period.period)
    writer.figures(
        [
            (label("duties_defined"), period.duties_defined),
            (label("duties_executed"), period.duties_executed),
            (label("execution_rate"), period.execution_rate),
            (label("business_by_count"), period.business_share_by_count),
            (label("business_by_hours"), period.business_share_by_hours),
            (label("fill_rate"), period.fill_rate),
            (label("workload_ratio"), period.workload_ratio),
            (label("workdays"), period.workdays),
            (label("persons"), period.persons),
            (label("entries"), period.entries),
            (label("hours"), period.hours),
            (label("never_executed_count"), period.never_executed_count),
        ]
    )
    name = period.period
    writer.heading(label("categories", period=name))
    rows = [
        [c.label, c.times, c.hours, c.share_by_count, c.share_by_hours] for c in period.categories
    ]
    columns = headers("category", "times", "hours", "share_by_count", "share_by_hours")
    block = writer.table(columns, rows)
    shares = [c.share_by_hours for c in period.categories]
    _chart_beside(writer, block, shares, charts.pie, label("chart.categories", period=name), 1, 5)

    writer.heading(label("duty_sections", period=name))
    rows = [[s.section, s.entries, s.hours, s.persons, s.hours_per_person] for s in period.sections]
    columns = headers("section", "entries", "hours", "persons", "hours_per_person")
    block = writer.table(columns, rows)
    hours = [s.hours for s in period.sections]
    _chart_beside(
        writer, block, hours, charts.bars, label("chart.duty_sections", period=name), 1, 3
    )

    writer.heading(label("months", period=name))
    rows = [[m.month, m.entries, m.hours] for m in period.months]
    block = writer.table(headers("month", "entries", "hours"), rows)
    hours = [m.hours for m in period.months]
    _chart_beside(writer, block, hours, charts.trend, label("chart.months", period=name), 1, 3)

    if period.never_executed:
        writer.heading(label("never_executed"))
        for duty in period.never_executed:
            writer.line(duty)
        writer.gap()
    if period.notes:
        writer.heading(label("notes"))
        for note in period.notes:
            writer.line(note)
        writer.gap()
    writer.gap()


def cases(workbook, report: UnitReport, footer: str) -> None:
    writer = SheetWriter(workbook, label("sheet.cases"), span=4)
    writer.title(report.report.title)
    periods: list[CasePeriod] = report.cases
    if not periods:
        writer.line(label("no_cases"))
        writer.finish("landscape", footer)
        return
    columns = [label("col.item")] + [f"{p.period} {p.channel}" for p in periods]
    block = writer.table(columns, case_rows(periods))
    drawn = [
        block.first_row + index
        for index, series in enumerate(
            ([p.cases for p in periods], [p.county_average for p in periods])
        )
        if charts.plottable(series)
    ]
    if drawn:
        chart = charts.bars_by_row(writer.sheet, label("chart.cases"), block, drawn)
        writer.place_chart(chart, block)
    if len(drawn) < 2:
        writer.line(label("no_chart"))
    writer.finish("landscape", footer)


def case_rows(periods: list[CasePeriod]) -> list[list]:
    """One row per figure, one column per period; the chart's series are the first two."""
    figures = (
        ("cases", lambda p: p.cases),
        ("county_average", lambda p: p.county_average),
        ("cases_per_capita", lambda p: p.cases_per_capita),
        ("closed", lambda p: p.closed),
        ("on_time", lambda p: p.on_time),
        ("on_time_rate", lambda p: p.on_time_rate),
        ("satisfaction_rate", lambda p: p.satisfaction_rate),
        ("vs_county_average", lambda p: p.vs_county_average),
        ("comparison", lambda p: p.comparison),
    )
    return [[label(key), *(value(p) for p in periods)] for key, value in figures]
