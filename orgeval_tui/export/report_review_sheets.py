"""The last sheets of a unit's report workbook: the three evaluations, the scored
rubric, and the problems with the terms of their rectification."""

from __future__ import annotations

from .report_content import UnitReport
from .report_sheet import SheetWriter, headers, label

SCORE_WRAP = frozenset({2, 6, 7})
PROBLEM_WRAP = frozenset({2, 6, 7, 10})


def reviews(workbook, report: UnitReport, footer: str) -> None:
    writer = SheetWriter(workbook, label("sheet.reviews"), span=5)
    writer.title(report.report.title)
    part = report.reviews
    for heading, keys in (
        ("self", ("self_total", "self_grade", "self_report")),
        ("staff", ("staff_responses", "staff_items", "staff_satisfaction")),
        ("peer", ("peer_score", "peer_responses", "peer_departments")),
    ):
        writer.heading(label(heading))
        writer.figures([(label(key), getattr(part, key)) for key in keys])
    writer.heading(label("activities"))
    rows = [[a.kind, a.date, a.place, a.people, a.findings] for a in part.activities]
    writer.table(headers("activity", "day", "place", "people", "findings"), rows, frozenset({4}))
    writer.heading(label("findings"))
    rows = [[f.date, f.kind, f.text, f.indicators, f.problem] for f in part.findings]
    writer.table(
        headers("day", "finding_kind", "finding", "indicators", "problem_number"),
        rows,
        frozenset({3, 4}),
    )
    writer.finish("landscape", footer)


def scores(workbook, report: UnitReport, footer: str) -> None:
    writer = SheetWriter(workbook, label("sheet.scores"), span=7)
    writer.title(report.report.title)
    columns = headers(
        "code", "indicator", "maximum", "self_points", "points", "justification", "evidence"
    )
    first_header = None
    for part in report.scores:
        writer.heading(f"{part.code} {part.name}")
        rows = [
            [
                row.code,
                row.name,
                row.maximum,
                row.self_points,
                row.points,
                row.justification,
                row.evidence,
            ]
            for row in part.rows
        ]
        rows.append(["", label("subtotal"), part.maximum, "", part.points, "", ""])
        rows.append(["", label("part_total"), "", "", part.total, "", ""])
        block = writer.table(columns, rows, SCORE_WRAP)
        first_header = first_header or block.header_row
    for column, cap in ((6, 40), (7, 36)):
        writer.widths[column] = min(writer.widths.get(column, cap), cap)
    writer.finish("landscape", footer, title_row=first_header)


def problems(workbook, report: UnitReport, footer: str) -> None:
    writer = SheetWriter(workbook, label("sheet.problems"), span=8)
    writer.title(report.report.title)
    writer.heading(label("problems"))
    columns = headers(
        "number",
        "title",
        "category",
        "source",
        "severity",
        "description",
        "recommendation",
        "status",
        "fed_back_on",
        "measures",
        "responsible",
        "deadline",
    )
    rows = [
        [
            p.number,
            p.title,
            p.category,
            p.source,
            p.severity,
            p.description,
            p.recommendation,
            p.status,
            p.fed_back_on,
            p.measures,
            p.responsible,
            p.deadline,
        ]
        for p in report.problems
    ]
    block = writer.table(columns, rows, PROBLEM_WRAP)
    if not report.problems:
        writer.line(label("no_problems"))
        writer.gap()
    writer.heading(label("terms"))
    writer.figures(
        [
            (label("rectify_by"), report.terms.deadline),
            (label("report_due"), report.terms.report_due),
        ]
    )
    for column in PROBLEM_WRAP:
        writer.widths[column] = min(writer.widths.get(column, 30), 30)
    writer.finish("landscape", footer, title_row=block.header_row)
