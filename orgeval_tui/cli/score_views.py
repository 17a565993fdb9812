"""How `orgeval score` shows a score sheet and a recorded score: a table for people,
JSON for scripts. Figures are written as every screen writes them (analytics/display)."""

from __future__ import annotations

from ..analytics import display
from ..analytics.display import one_decimal
from ..i18n import t
from .literal import literal, plain

_points = display.points


def _given(score) -> str:
    """A given score (GivenScore or SavedScore) as a cell: points, 不适用, or the count."""
    if score is None:
        return t("score_cli.unscored")
    if score.points is None:
        return t("score_cli.na")
    return _with_count(_points(score.points), score.count)


def _with_count(points: str, count: int | None) -> str:
    return points if count is None else t("score_cli.with_count", points=points, count=count)


def _grade(grade: str | None) -> str:
    return t(f"score.grade.{grade}") if grade else t("figure.no_data")


def _total(subtotal) -> str:
    return one_decimal(subtotal.total)


def _mean(line) -> str:
    if not line.evaluators:
        return t("score_cli.unscored")
    if line.outcome.not_applicable:
        return t("score_cli.na")
    text = one_decimal(line.outcome.points).rstrip("0").rstrip(".")
    return text + (" !" if line.agreement.flagged else "")


def _suggested(line) -> str:
    if line.suggestion is None:
        return ""
    if line.suggestion.points is None:
        return t("figure.no_data")
    return _points(line.suggestion.points)


# JSON.


def _subtotal_json(rubric, code: str, subtotal) -> dict:
    return {
        "name": rubric.by_code()[code].name,
        "points": subtotal.points,
        "max": subtotal.maximum,
        "total": subtotal.total,
        "scored": subtotal.scored,
        "leaves": subtotal.leaves,
    }


def _given_json(score) -> dict | None:
    if score is None:
        return None
    return {
        "points": score.points,
        "na": score.not_applicable,
        "count": score.count,
        "note": score.note,
        "version": score.version,
    }


def _line_json(line) -> dict:
    leaf, mine, own = line.leaf, line.mine, line.self_score
    return {
        "code": leaf.code,
        "name": leaf.name,
        "kind": leaf.kind,
        "max": leaf.maximum,
        "points": line.outcome.points,
        "na": line.outcome.not_applicable,
        "flagged": line.agreement.flagged,
        "self_points": None if own is None else own.points,
        "self_na": own is not None and own.not_applicable,
        "self_note": None if own is None else own.note,
        "suggested": None if line.suggestion is None else line.suggestion.points,
        "suggestion": None if line.suggestion is None else line.suggestion.explanation,
        "suggested_count": None if line.suggestion is None else line.suggestion.count,
        "note": None if mine is None else mine.note,
        "mine": _given_json(mine),
        "version": 0 if mine is None else mine.version,
        "evaluators": dict(line.evaluators),
    }


def sheet_json(sheet) -> dict:
    rubric, result = sheet.rubric, sheet.result
    parts, areas = {}, {}
    for indicator in rubric.indicators:
        subtotal = result.by_indicator.get(indicator.code)
        if subtotal is not None:
            into = parts if indicator.parent is None else areas
            into[indicator.code] = _subtotal_json(rubric, indicator.code, subtotal)
    return {
        "unit": sheet.unit,
        "evaluation": sheet.evaluation,
        "evaluator": sheet.evaluator,
        "total": result.overall.total,
        "points": result.overall.points,
        "max": result.overall.maximum,
        "scored": result.overall.scored,
        "leaves": result.overall.leaves,
        "grade": result.grade,
        "vetoed": list(result.vetoed),
        "rank": sheet.rank,
        "ranked_units": sheet.ranked_units,
        "finalized": sheet.finalized,
        "parts": parts,
        "areas": areas,
        "indicators": [_line_json(line) for line in sheet.lines],
    }


def saved_json(saved, sheet) -> dict:
    leaf = sheet.rubric.by_code()[saved.code]
    return {
        "unit": saved.unit,
        "evaluation": sheet.evaluation,
        "code": saved.code,
        "name": leaf.name,
        "source": saved.source,
        "evaluator": saved.evaluator,
        "points": saved.points,
        "na": saved.points is None,
        "count": saved.count,
        "max": saved.maximum,
        "version": saved.version,
        "total": sheet.result.overall.total,
        "grade": sheet.result.grade,
    }


# Text.


def print_saved(saved, sheet) -> None:
    import typer

    leaf = sheet.rubric.by_code()[saved.code]
    if saved.points is None:
        given = t("score_cli.na")
    else:
        given = _with_count(f"{_points(saved.points)}/{leaf.maximum:g}", saved.count)
    key = "score_cli.recorded_self" if saved.source == "self" else "score_cli.recorded"
    typer.echo(plain(t(key, unit=saved.unit, code=leaf.code, name=leaf.name, given=given)))
    typer.echo(plain(_total_line(sheet)))


def _total_line(sheet) -> str:
    overall = sheet.result.overall
    if overall.total is None:
        return t("score_cli.total_none", unit=sheet.unit)
    return t(
        "score_cli.total",
        unit=sheet.unit,
        total=_total(overall),
        points=_points(overall.points),
        max=_points(overall.maximum),
        grade=_grade(sheet.result.grade),
    )


def print_sheet(sheet) -> None:
    from rich.console import Console
    from rich.table import Column, Table

    console = Console()
    state = t("score_cli.finalized_yes" if sheet.finalized else "score_cli.finalized_no")
    title = t("score_cli.title", unit=sheet.unit, evaluation=sheet.evaluation, state=state)
    table = Table(
        Column(t("score_cli.col.code"), no_wrap=True),
        Column(t("score_cli.col.indicator"), overflow="fold", ratio=2),
        Column(t("score_cli.col.max"), justify="right"),
        Column(t("score_cli.col.self"), justify="right"),
        Column(t("score_cli.col.suggested"), justify="right"),
        Column(t("score_cli.col.mine"), justify="right"),
        Column(t("score_cli.col.mean"), justify="right", no_wrap=True),
        Column(t("score_cli.col.note"), overflow="fold", ratio=3),
        title=literal(title),
        title_justify="left",
        box=None,
        pad_edge=False,
    )
    for line in sheet.lines:
        leaf = line.leaf
        table.add_row(
            literal(leaf.code),
            literal(t("score_cli.veto", name=leaf.name) if leaf.veto else leaf.name),
            _points(leaf.maximum),
            _given(line.self_score),
            _suggested(line),
            _given(line.mine),
            _mean(line),
            literal(line.mine.note if line.mine else ""),
        )
    console.print(table)
    console.print(t("score_cli.legend"), soft_wrap=True)
    _print_totals(console, sheet)
    _print_suggestions(console, sheet)


def _print_totals(console, sheet) -> None:
    from rich.table import Table

    rubric, result = sheet.rubric, sheet.result
    table = Table(box=None, show_header=False, pad_edge=False)
    for indicator in rubric.indicators:
        code = indicator.code
        subtotal = result.by_indicator.get(code)
        if subtotal is None:  # a leaf
            continue
        indent = "  " * len(rubric.ancestors(code))
        scored = subtotal.scored > 0
        table.add_row(
            literal(f"{indent}{code} {indicator.name}"),
            f"{_points(subtotal.points) if scored else t('score_cli.unscored')}"
            f"/{_points(subtotal.maximum)}",
            t("score_cli.scaled", total=_total(subtotal)),
        )
    console.print(table)
    console.print(literal(_total_line(sheet)))
    rank = (
        t("score_cli.rank", rank=sheet.rank, of=sheet.ranked_units)
        if sheet.rank is not None
        else t("score_cli.no_rank")
    )
    console.print(literal(rank))
    if result.vetoed:
        names = "、".join(f"{c} {rubric.by_code()[c].name}" for c in result.vetoed)
        console.print(literal(t("score_cli.vetoed", leaves=names)))


def _print_suggestions(console, sheet) -> None:
    lines = [line for line in sheet.lines if line.suggestion is not None]
    if not lines:
        return
    console.print(t("score_cli.suggestions"))
    for line in lines:
        console.print(literal(f"  {line.leaf.code} {line.suggestion.explanation}"))
