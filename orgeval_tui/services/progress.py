"""The evaluation's progress per unit: what the home screen shows first.

Read through the light table handles (``orgeval_tui.storage.tables``), not the models: the first
screen then never builds the ORM's classes (see ``tables``). No ORM object leaves here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import distinct, func, select

from ..analytics.ledger_facts import CONCLUDED_STATUSES, UNCONCLUDED_STATUSES, overdue_where
from ..domain.clock import office_today
from ..storage import tables as T
from ..storage.database import Database
from .evaluations import EvaluationInfo, Period, current_evaluation_id, in_evaluation


@dataclass(frozen=True)
class UnitProgress:
    """One evaluated unit: what is loaded and done, and its problems."""

    unit_id: int
    name: str
    short_name: str | None
    staff: int
    log_entries: int
    cases: int
    self_scores: int  # leaves of the evaluation's rubric the unit scored itself on
    peer_responses: int
    onsite_activities: int
    office_scored_leaves: int  # leaves of the rubric at least one evaluator scored
    leaves: int | None  # the rubric's leaves; None: the evaluation has no rubric
    # Every problem is either open or concluded; overdue ones are some of the open.
    problems_open: int  # not concluded: identified … reported (awaiting its look-back)
    problems_overdue: int  # open, past the deadline, and no report in
    problems_concluded: int  # struck off (销号) or withdrawn


def _current(session) -> EvaluationInfo | None:
    e, p = T.evaluation.c, T.evaluation_period.c
    evaluation_id = current_evaluation_id(session)
    if evaluation_id is None:
        return None
    row = session.execute(select(e.id, e.name, e.reference_date).where(e.id == evaluation_id)).one()
    periods = session.execute(
        select(p.label, p.start, p.end).where(p.evaluation_id == row.id).order_by(p.start)
    ).all()
    return EvaluationInfo(row.id, row.name, row.reference_date, tuple(Period(*p) for p in periods))


def current_evaluation(db: Database) -> EvaluationInfo | None:
    """The current evaluation, with its periods in order."""
    with db.read() as session:
        return _current(session)


def _counts(session, column, *where) -> dict[int, int]:
    return dict(session.execute(select(column, func.count()).where(*where).group_by(column)).all())


def _within(evaluation: EvaluationInfo | None, day) -> tuple:
    """The work log and the cases counted on home are those of the evaluation's span
    (``day``: the column dating a row), as on a unit's tabs: none of another year's."""
    span = evaluation.span if evaluation is not None else None
    if span is None:
        return ()
    return (day >= span.start, day <= span.end)


def _scored_leaves(session, evaluation: EvaluationInfo | None, source: str) -> dict[int, int]:
    """Per unit, the leaves of the evaluation's rubric scored from ``source``: a leaf
    counts once however many evaluators scored it; other evaluations' scores not at all."""
    if evaluation is None:
        return {}
    score, indicator = T.score.c, T.indicator.c
    return dict(
        session.execute(
            select(score.unit_id, func.count(distinct(score.indicator_id)))
            .join(T.indicator, indicator.id == score.indicator_id)
            .where(indicator.evaluation_id == evaluation.id, score.source == source)
            .group_by(score.unit_id)
        ).all()
    )


def _leaves(session, evaluation: EvaluationInfo | None) -> int | None:
    if evaluation is None:
        return None
    indicator = T.indicator.c
    count = session.scalar(
        select(func.count()).where(
            indicator.evaluation_id == evaluation.id, indicator.kind.is_not(None)
        )
    )
    return count or None


def evaluation_progress(
    db: Database, today: date | None = None
) -> tuple[EvaluationInfo | None, list[UnitProgress]]:
    """The current evaluation and every unit under it (every unit when there is none)."""
    today = today or office_today()
    u, problem = T.unit.c, T.problem.c
    with db.read() as session:
        evaluation = _current(session)
        units = select(u.id, u.name, u.short_name).order_by(u.id)
        if evaluation is not None:
            eu = T.evaluation_unit.c
            units = units.join(T.evaluation_unit, eu.unit_id == u.id).where(
                eu.evaluation_id == evaluation.id
            )
        rows = session.execute(units).all()
        evaluation_id = evaluation.id if evaluation is not None else None
        survey, activity = T.survey.c, T.onsite_activity.c
        its_problems = in_evaluation(problem.evaluation_id, evaluation_id)
        staff = _counts(session, T.staff.c.unit_id)
        log_entry, case = T.work_log_entry.c, T.case.c
        log = _counts(session, log_entry.unit_id, *_within(evaluation, log_entry.day))
        cases = _counts(
            session, case.unit_id, case.unit_id.is_not(None), *_within(evaluation, case.received_on)
        )
        self_scores = _scored_leaves(session, evaluation, "self")
        office_scores = _scored_leaves(session, evaluation, "office")
        leaves = _leaves(session, evaluation)
        response = T.survey_response.c
        peer = dict(
            session.execute(
                select(response.unit_id, func.count())
                .join(T.survey, survey.id == response.survey_id)
                .where(survey.kind == "peer", in_evaluation(survey.evaluation_id, evaluation_id))
                .group_by(response.unit_id)
            ).all()
        )
        onsite = _counts(
            session, activity.unit_id, in_evaluation(activity.evaluation_id, evaluation_id)
        )
        opened = _counts(
            session, problem.unit_id, its_problems, problem.status.in_(UNCONCLUDED_STATUSES)
        )
        overdue = _counts(session, problem.unit_id, its_problems, *overdue_where(problem, today))
        concluded = _counts(
            session, problem.unit_id, its_problems, problem.status.in_(CONCLUDED_STATUSES)
        )
    return evaluation, [
        UnitProgress(
            unit_id=uid,
            name=name,
            short_name=short,
            staff=staff.get(uid, 0),
            log_entries=log.get(uid, 0),
            cases=cases.get(uid, 0),
            self_scores=self_scores.get(uid, 0),
            peer_responses=peer.get(uid, 0),
            onsite_activities=onsite.get(uid, 0),
            office_scored_leaves=office_scores.get(uid, 0),
            leaves=leaves,
            problems_open=opened.get(uid, 0),
            problems_overdue=overdue.get(uid, 0),
            problems_concluded=concluded.get(uid, 0),
        )
        for uid, name, short in rows
    ]
