"""The leadership special report (专报) as report content: every evaluated unit of the
current evaluation side by side (total, parts, grade, rank, peer score, staffing, duty
execution), the practice its figures show, the problems and how far their rectification
has come (the office's 问题整改基本情况统计表), and each unit's result class."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import func, select

from ...analytics.ledger_facts import UnitCounts, count_by_unit
from ...analytics.result_class import result_class
from ...analytics.scoring import ranks
from ...export.report_content import (
    Practice,
    RectificationRow,
    SummaryPart,
    SummaryReport,
    SummaryRow,
)
from ...i18n import t
from ...storage.database import Database
from .score_parts import part_score
from .unit_content import head, problem_item, terms
from .words import count, grade, joined, rate, score, total

STATES = ("identified", "fed_back", "rectifying", "reported", "closed", "withdrawn")


def _practice(rubric, result, suggested: dict) -> str:
    """The figures at full marks, as the scores show them: "执行率 96.00%、满意度 100.00%"."""
    strengths = []
    for leaf in rubric.leaves():
        suggestion = suggested.get(leaf.code)
        outcome = result.get(leaf.code)
        if leaf.kind != "figure" or suggestion is None or outcome is None:
            continue
        if outcome.points is not None and outcome.points >= leaf.maximum:
            strengths.append(suggestion.explanation.split(" → ")[0])
    return joined(strengths)


def _rectification(unit: str, counts: UnitCounts | None) -> RectificationRow:
    """A line of the table from the ledger's counts of the unit (None: no problem)."""
    counts = counts or UnitCounts(unit)
    return RectificationRow(
        unit,
        count(counts.total),
        *(count(counts.by_status.get(state, 0)) for state in STATES),
        count(counts.overdue),
    )


def _all_units(label: str, tallies) -> UnitCounts:
    by_status: Counter = Counter()
    for tally in tallies:
        by_status.update(tally.by_status)
    return UnitCounts(
        label,
        total=sum(tally.total for tally in tallies),
        by_status=dict(by_status),
        overdue=sum(tally.overdue for tally in tallies),
    )


def summary_report(db: Database, office: str, on: date) -> SummaryReport:
    from ...models import Staff, Unit
    from ..evaluations import current_evaluation
    from ..figures import duties_in, peer_in
    from ..ledger.queries import evaluation_problems
    from ..progress import current_evaluation as current_info
    from ..score_figures import figure_span, suggestions
    from ..score_sheet import (
        evaluated_unit_ids,
        office_outcomes,
        rubric_or_refuse,
        score_rows,
        unit_results,
    )

    evaluation = current_info(db)
    if evaluation is None:
        from ...domain.errors import UserError

        raise UserError(t("figures.no_evaluation"))
    span = figure_span(db, evaluation)
    with db.read() as session:
        found = current_evaluation(session)
        rubric = rubric_or_refuse(session, found)
        unit_ids = evaluated_unit_ids(session, found.id)
        results = unit_results(session, found.id, rubric)
        outcomes = office_outcomes(rubric, score_rows(session, found.id))
        units = {u.id: u for u in session.scalars(select(Unit).where(Unit.id.in_(unit_ids)))}
        headcounts = dict(
            session.execute(
                select(Staff.unit_id, func.count())
                .where(Staff.unit_id.in_(unit_ids))
                .group_by(Staff.unit_id)
            ).all()
        )
        peers = {uid: peer_in(session, uid, found.id) for uid in unit_ids}
        executions = {
            uid: duties_in(
                session, uid, span.period.start, span.period.end, span.workdays,
                headcounts.get(uid, 0),
            ).execution_rate
            if span.period is not None
            else None
            for uid in unit_ids
        }  # fmt: skip
        suggested = {
            uid: suggestions(session, found.id, units[uid], rubric, span) for uid in unit_ids
        }
    order = ranks({uid: results[uid].overall.total for uid in unit_ids})
    by_rank = sorted(unit_ids, key=lambda uid: (order[uid] is None, order[uid] or 0, uid))
    rows, parts, practices = [], [], []
    for uid in by_rank:
        unit, result = units[uid], results[uid]
        quota = unit.quota_admin + unit.quota_public + unit.quota_service
        headcount = headcounts.get(uid, 0)
        rows.append(
            SummaryRow(
                rank=count(order[uid]),
                unit=unit.name,
                total=total(result.overall.total),
                grade=grade(result.grade),
                peer_score=score(peers[uid].peer_score),
                quota_total=count(quota),
                headcount=count(headcount),
                vacancies=count(quota - headcount),
                quota_usage=rate(headcount / quota if quota else None),
                execution_rate=rate(executions[uid]),
                result_class=t(f"report.class.{result_class(result.grade)}"),
            )
        )
        for part in rubric.children(None):
            score_ = part_score(rubric, part.code, result)
            parts.append(
                SummaryPart(
                    unit.name, part.code, part.name, score_.points, score_.maximum, score_.total
                )
            )
        strengths = _practice(rubric, outcomes.get(uid, {}), suggested[uid])
        practices.append(Practice(unit.name, strengths or t("report.practice.none")))
    _, problems = evaluation_problems(db)
    names = [units[uid].name for uid in by_rank]
    tallies = count_by_unit(problems, on)
    by_unit = {tally.unit: tally for tally in tallies}
    rectification = [_rectification(name, by_unit.get(name)) for name in names]
    shown = [p for p in problems if p.status != "withdrawn"]
    classes = [result_class(results[uid].grade) for uid in by_rank]
    the_terms = terms(on)
    return SummaryReport(
        report=head(t("report.title.summary"), office, on, evaluation),
        unit_count=count(len(unit_ids)),
        units=rows,
        parts=parts,
        practices=practices,
        problems=[problem_item(i, p, the_terms) for i, p in enumerate(shown, 1)],
        rectification=rectification,
        rectification_total=_rectification(
            t("report.total_row"), _all_units(t("report.total_row"), tallies)
        ),
        praised=[name for name, c in zip(names, classes, strict=True) if c == "praise"],
        talks=[name for name, c in zip(names, classes, strict=True) if c == "talk"],
        result_rule=t("report.class.rule"),
        notes=[t("report.unscored", unit=units[uid].name) for uid in by_rank if order[uid] is None],
    )
