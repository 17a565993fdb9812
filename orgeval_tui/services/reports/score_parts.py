"""A unit's score in report content: the result with its grade, rank and result class,
and the 评分表 part by part with each leaf's reasons and on-site evidence."""

from __future__ import annotations

from ...analytics.result_class import result_class
from ...analytics.scoring import UnitResult
from ...export.report_content import Figure, IndicatorRow, PartScore, PartSheet, ScoreResult
from ...i18n import t
from .words import count, grade, joined, ordinal, rubric_points, text, total


def part_score(rubric, code: str, result: UnitResult) -> PartScore:
    indicator = rubric.by_code()[code]
    subtotal = result.by_indicator.get(code)
    if subtotal is None:
        return PartScore(code, indicator.name, rubric_points(None), rubric_points(0), total(None))
    return PartScore(
        code,
        indicator.name,
        rubric_points(subtotal.points if subtotal.scored else None),
        rubric_points(subtotal.maximum),
        total(subtotal.total),
    )


def score_result(sheet) -> ScoreResult:
    """``sheet``: the unit's ScoreSheet."""
    rubric, result = sheet.rubric, sheet.result
    overall = result.overall
    parts = rubric.children(None)
    areas = [area for part in parts for area in rubric.children(part.code) if area.kind is None]
    by_code = rubric.by_code()
    return ScoreResult(
        scored=overall.total is not None,
        total=total(overall.total),
        grade=grade(result.grade),
        rank=count(sheet.rank),
        ranked_units=count(sheet.ranked_units),
        points=rubric_points(overall.points if overall.scored else None),
        maximum=rubric_points(overall.maximum),
        vetoed=joined(f"{code} {by_code[code].name}" for code in result.vetoed),
        finalized=t("report.finalized") if sheet.finalized else t("report.not_finalized"),
        result_class=t(f"report.class.{result_class(result.grade)}"),
        parts=[part_score(rubric, part.code, result) for part in parts],
        areas=[part_score(rubric, area.code, result) for area in areas],
    )


def _given(score) -> object:
    if score is None:
        return rubric_points(None)
    if score.not_applicable:
        return _not_applicable()
    return rubric_points(score.points)


def _not_applicable() -> Figure:
    return Figure(t("report.not_applicable"), None, "score")


def score_sheets(sheet, reasons: dict[str, list[str]]) -> list[PartSheet]:
    """``reasons``: leaf code → each evaluator's justification, in evaluator order."""
    rubric, result = sheet.rubric, sheet.result
    lines = {line.leaf.code: line for line in sheet.lines}
    sheets = []
    for position, part in enumerate(rubric.children(None), 1):
        rows = []
        for leaf in rubric.leaves():
            if part.code not in rubric.ancestors(leaf.code):
                continue
            line = lines[leaf.code]
            outcome = line.outcome
            rows.append(
                IndicatorRow(
                    code=leaf.code,
                    name=leaf.name,
                    maximum=rubric_points(leaf.maximum),
                    self_points=_given(line.self_score),
                    points=_not_applicable()
                    if outcome.not_applicable
                    else rubric_points(outcome.points),
                    justification="；".join(
                        dict.fromkeys(text(r) for r in reasons.get(leaf.code, ()) if text(r))
                    ),
                    evidence="；".join(text(f.text) for f in line.findings),
                )
            )
        score = part_score(rubric, part.code, result)
        sheets.append(
            PartSheet(
                ordinal(position),
                part.code,
                part.name,
                score.points,
                score.maximum,
                score.total,
                rows,
            )
        )
    return sheets
