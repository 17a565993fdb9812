"""An evaluation's rubric in the database: installed from a document (the default
shipped in the package, another evaluation's, an edited workbook), read back as the
``Rubric`` every rule of ``analytics.scoring`` takes, and replaced while no score
refers to it."""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..analytics.rubric_rules import Band, Indicator, Rubric, load_default_rubric
from ..domain.errors import UserError
from ..i18n import t


def default_rubric() -> Rubric:
    reading = load_default_rubric()
    if reading.rubric is None:  # the package's own file: a broken one is a build error
        raise RuntimeError("; ".join(p.text() for p in reading.problems))
    return reading.rubric


def install_rubric(session: Session, evaluation_id: int, rubric: Rubric) -> None:
    """Write ``rubric``'s indicators under the evaluation (which has none) and take its
    grade bands."""
    from ..models import Evaluation
    from ..models import Indicator as IndicatorRow

    ids: dict[str, int] = {}
    for position, indicator in enumerate(rubric.indicators, start=1):
        leaf = indicator.kind is not None
        row = IndicatorRow(
            evaluation_id=evaluation_id,
            parent_id=ids[indicator.parent] if indicator.parent else None,
            code=indicator.code,
            name=indicator.name,
            max_points=indicator.maximum if leaf else None,
            standard=indicator.standard or None,
            kind=indicator.kind,
            per_instance=indicator.per_instance,
            categories=json.dumps(list(indicator.categories), ensure_ascii=False)
            if indicator.kind == "deduction"
            else None,
            linked_figure=indicator.figure,
            bands=json.dumps([[b.at_least, b.points] for b in indicator.bands])
            if indicator.kind == "figure"
            else None,
            veto=indicator.veto,
            position=position,
        )
        session.add(row)
        session.flush()
        ids[indicator.code] = row.id
    evaluation = session.get(Evaluation, evaluation_id)
    evaluation.grade_excellent = rubric.grades["excellent"]
    evaluation.grade_good = rubric.grades["good"]
    evaluation.grade_pass = rubric.grades["pass"]


def evaluation_rubric(session: Session, evaluation_id: int) -> Rubric | None:
    """The evaluation's rubric with its grade bands; None when it has no indicators."""
    from ..models import Evaluation
    from ..models import Indicator as IndicatorRow

    rows = (
        session.execute(
            select(IndicatorRow)
            .where(IndicatorRow.evaluation_id == evaluation_id)
            .order_by(IndicatorRow.position, IndicatorRow.id)
        )
        .scalars()
        .all()
    )
    if not rows:
        return None
    code_of = {row.id: row.code for row in rows}
    leaves = [row for row in rows if row.kind is not None]
    sums: dict[str, float] = {}
    parent_of = {row.code: code_of.get(row.parent_id) for row in rows}
    for leaf in leaves:
        parent = parent_of[leaf.code]
        while parent is not None:
            sums[parent] = sums.get(parent, 0.0) + (leaf.max_points or 0.0)
            parent = parent_of[parent]
    indicators = tuple(_indicator(row, parent_of[row.code], sums) for row in rows)
    evaluation = session.get(Evaluation, evaluation_id)
    grades = {
        "excellent": evaluation.grade_excellent,
        "good": evaluation.grade_good,
        "pass": evaluation.grade_pass,
    }
    return Rubric(indicators, grades)


def _indicator(row, parent: str | None, sums: dict[str, float]) -> Indicator:
    if row.kind is None:
        return Indicator(row.code, row.name, parent, sums.get(row.code, 0.0))
    return Indicator(
        code=row.code,
        name=row.name,
        parent=parent,
        maximum=row.max_points,
        kind=row.kind,
        standard=row.standard or "",
        veto=bool(row.veto),
        per_instance=row.per_instance,
        figure=row.linked_figure,
        bands=tuple(Band(float(a), float(p)) for a, p in json.loads(row.bands or "[]")),
        categories=tuple(json.loads(row.categories or "[]")),
    )


def scores_on_rubric(session: Session, evaluation_id: int) -> int:
    from ..models import Indicator as IndicatorRow
    from ..models import Score

    return session.scalar(
        select(func.count())
        .select_from(Score)
        .join(IndicatorRow, IndicatorRow.id == Score.indicator_id)
        .where(IndicatorRow.evaluation_id == evaluation_id)
    )


def replace_rubric(session: Session, evaluation, rubric: Rubric) -> None:
    """Put ``rubric`` in place of the evaluation's; refused once any score refers to it
    (a score given against one standard cannot be carried to another)."""
    from ..models import Indicator as IndicatorRow

    scores = scores_on_rubric(session, evaluation.id)
    if scores:
        raise UserError(t("rubric.replace.scored", evaluation=evaluation.name, scores=scores))
    # Leaves first: a parent row is referenced by its children.
    rows = session.execute(
        select(IndicatorRow.id, IndicatorRow.parent_id).where(
            IndicatorRow.evaluation_id == evaluation.id
        )
    ).all()
    _delete_tree(session, rows)
    install_rubric(session, evaluation.id, rubric)


def _delete_tree(session: Session, rows) -> None:
    """Delete through the ORM, children before parents, so the audit trail records it."""
    from ..models import Indicator as IndicatorRow

    children: dict[int | None, list[int]] = {}
    for row_id, parent_id in rows:
        children.setdefault(parent_id, []).append(row_id)
    order: list[int] = []

    def visit(row_id: int) -> None:
        for child in children.get(row_id, ()):
            visit(child)
        order.append(row_id)

    for root in children.get(None, ()):
        visit(root)
    for row_id in order:
        session.delete(session.get(IndicatorRow, row_id))
        session.flush()


def copy_rubric(session: Session, source_id: int, target_id: int) -> bool:
    """Give the target evaluation the source's rubric; False when the source has none."""
    rubric = evaluation_rubric(session, source_id)
    if rubric is None:
        return False
    install_rubric(session, target_id, rubric)
    return True
