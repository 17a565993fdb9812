"""The figures of DOMAIN.md for one unit: the database supplies rows and aggregates
(grouped in SQL, so a large work log costs no more than reading it once), the pure
functions of analytics/ compute the figures."""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date

from sqlalchemy import distinct, func, select

from ..analytics.cases import CaseRow, case_figures
from ..analytics.duties import CatalogueDuty, DutyLogSummary, duty_figures
from ..analytics.duty_log import month_key
from ..analytics.roster import Person, Quotas, roster_figures
from ..analytics.surveys import PeerResponse, StaffResponse, peer_figures, staff_survey_figures
from ..domain.clock import office_today, office_tz
from ..models import (
    Benchmark,
    Case,
    Duty,
    Section,
    Staff,
    Survey,
    SurveyAnswer,
    SurveyItem,
    SurveyResponse,
    WorkLogEntry,
)
from ..storage.database import Database
from .calendar import workdays_between
from .evaluations import current_evaluation, in_evaluation, period_name
from .units import find_unit


def reference_date(db: Database) -> date:
    """Ages and headcounts are taken as of the current evaluation's reference date."""
    with db.read() as session:
        evaluation = current_evaluation(session)
        found = evaluation.reference_date if evaluation is not None else None
    return found or office_today()


def _headcount(session, unit_id: int) -> int:
    return session.scalar(select(func.count()).select_from(Staff).where(Staff.unit_id == unit_id))


def roster_for_unit(db: Database, unit: str, as_of: date | None = None):
    as_of = as_of or reference_date(db)
    with db.read() as session:
        found = find_unit(session, unit)
        return found.name, as_of, roster_in(session, found, as_of)


def roster_in(session, unit, as_of: date):
    """The roster figures of ``unit`` (its row) at ``as_of``, read in ``session``."""
    quotas = Quotas(
        admin=unit.quota_admin,
        public=unit.quota_public,
        service=unit.quota_service,
        leaders=unit.quota_leaders,
    )
    rows = session.execute(
        select(
            Staff.name,
            Staff.gender,
            Staff.birth_date,
            Staff.education_level,
            Staff.rank_level,
            Section.name,
        )
        .outerjoin(Section, Section.id == Staff.section_id)
        .where(Staff.unit_id == unit.id)
        .order_by(Staff.id)
    ).all()
    return roster_figures([Person(*row) for row in rows], as_of, quotas)


def duty_summary(session, unit_id: int, start: date, end: date) -> DutyLogSummary:
    """The work log of P reduced in two grouped reads, both answered from the covering
    index on (unit, day, section, person, duty, times, hours) without touching the table:
    per duty, and per (day, section, person), from which the sections, days, months and
    persons follow in Python over a few thousand rows."""
    in_period = (
        WorkLogEntry.unit_id == unit_id,
        WorkLogEntry.day >= start,
        WorkLogEntry.day <= end,
    )
    by_duty = (
        select(
            WorkLogEntry.duty_id,
            func.count().label("entries"),
            func.sum(WorkLogEntry.times).label("times"),
            func.sum(WorkLogEntry.hours).label("hours"),
        )
        .where(*in_period)
        .group_by(WorkLogEntry.duty_id)
        .subquery()
    )
    per_duty = {
        code: (entries, times, hours)
        for code, entries, times, hours in session.execute(
            select(Duty.code, by_duty.c.entries, by_duty.c.times, by_duty.c.hours).join(
                Duty, Duty.id == by_duty.c.duty_id
            )
        )
    }
    by_day_section_person = (
        select(
            WorkLogEntry.day,
            WorkLogEntry.section_id,
            WorkLogEntry.person,
            func.count(),
            func.sum(WorkLogEntry.hours),
        )
        .where(*in_period)
        .group_by(WorkLogEntry.day, WorkLogEntry.section_id, WorkLogEntry.person)
    )
    # Core, not the ORM's result machinery: thousands of plain rows.
    rows = session.connection().execute(by_day_section_person).all()
    section_ids = {row[1] for row in rows} - {None}
    section_names = dict(
        session.execute(select(Section.id, Section.name).where(Section.id.in_(section_ids))).all()
    )
    sections = defaultdict(lambda: [0, [], set()])
    days = defaultdict(lambda: [0, [], set()])
    for day, section_id, person, entries, hours in rows:
        section = sections[section_id]
        section[0] += entries
        section[1].append(hours)
        section[2].add(person)
        on_day = days[day]
        on_day[0] += entries
        on_day[1].append(hours)
        on_day[2].add(person)
    months = defaultdict(lambda: [0, []])
    for day, (entries, hours, _) in days.items():
        month = months[month_key(day)]
        month[0] += entries
        month[1].extend(hours)
    return DutyLogSummary(
        per_duty=per_duty,
        per_section={
            section_names.get(section_id): (entries, math.fsum(hours), len(persons))
            for section_id, (entries, hours, persons) in sections.items()
        },
        per_month={m: (e, math.fsum(h)) for m, (e, h) in sorted(months.items())},
        persons_by_day={day: len(persons) for day, (_, _, persons) in days.items()},
        log_persons=len(set().union(*(persons for _, _, persons in days.values()))),
    )


def duties_for_unit(db: Database, unit: str, start: date, end: date):
    workdays = workdays_between(db, start, end)
    with db.read() as session:
        found = find_unit(session, unit)
        headcount = _headcount(session, found.id)
        return found.name, duties_in(session, found.id, start, end, workdays, headcount)


def duties_in(session, unit_id: int, start: date, end: date, workdays, headcount: int):
    """The duty figures of a unit over [start, end] (``workdays``: that period's, from
    ``calendar.workdays_between``), read in ``session``."""
    catalogue = [
        CatalogueDuty(code=code, name=name, section=section, category=category)
        for code, name, section, category in session.execute(
            select(Duty.code, Duty.name, Section.name, Duty.category)
            .outerjoin(Section, Section.id == Duty.section_id)
            .where(Duty.unit_id == unit_id)
            .order_by(Duty.id)
        )
    ]
    return duty_figures(
        catalogue,
        duty_summary(session, unit_id, start, end),
        workdays=workdays.days,
        workdays_assumed=workdays.assumed,
        roster_headcount=headcount or None,
    )


def cases_for_unit(db: Database, unit: str, channel: str, start: date, end: date):
    with db.read() as session:
        found = find_unit(session, unit)
        headcount = _headcount(session, found.id)
        return found.name, cases_in(session, found.id, channel, start, end, headcount)


def cases_in(session, unit_id: int, channel: str, start: date, end: date, headcount: int):
    """The service figures of a unit on ``channel`` over [start, end], read in ``session``."""
    tz = office_tz()
    in_period = (Case.channel == channel, Case.received_on >= start, Case.received_on <= end)
    rows = session.execute(
        select(Case.case_no, Case.received_on, Case.deadline_at, Case.closed_at, Case.rating)
        .where(*in_period, Case.unit_id == unit_id)
        .order_by(Case.received_on, Case.case_no)
    ).all()
    county = dict(
        session.execute(
            select(Case.unit_name, func.count()).where(*in_period).group_by(Case.unit_name)
        ).all()
    )
    benchmark = session.scalar(
        select(Benchmark.value).where(
            Benchmark.figure == "county_average_cases",
            Benchmark.channel == channel,
            Benchmark.period_start == start,
            Benchmark.period_end == end,
        )
    )
    cases = [
        CaseRow(
            case_no=no,
            received_on=received,
            deadline_at=deadline.astimezone(tz).replace(tzinfo=None) if deadline else None,
            closed_at=closed.astimezone(tz).replace(tzinfo=None) if closed else None,
            rating=rating,
        )
        for no, received, deadline, closed, rating in rows
    ]
    return case_figures(
        cases, headcount=headcount or None, county_counts=county, benchmark=benchmark
    )


def _current_id_and_name(session) -> tuple[int | None, str | None]:
    evaluation = current_evaluation(session)
    return (evaluation.id, evaluation.name) if evaluation is not None else (None, None)


def peer_for_unit(db: Database, unit: str):
    """The unit's name, the current evaluation's (None without one) and the unit's
    peer-evaluation figures in it."""
    with db.read() as session:
        found = find_unit(session, unit)
        evaluation_id, evaluation = _current_id_and_name(session)
        return found.name, evaluation, peer_in(session, found.id, evaluation_id)


def _surveys(kind: str, evaluation_id: int | None) -> tuple:
    return (Survey.kind == kind, in_evaluation(Survey.evaluation_id, evaluation_id))


def peer_responses(
    session, evaluation_id: int | None, unit_id: int | None = None
) -> list[tuple[int, PeerResponse]]:
    """The peer responses of an evaluation (about one unit when given), each with the
    unit it rates, in the order they were imported."""
    peer = _surveys("peer", evaluation_id)
    about = () if unit_id is None else (SurveyResponse.unit_id == unit_id,)
    maxima = dict(
        session.execute(
            select(SurveyItem.id, SurveyItem.max_score)
            .join(Survey, Survey.id == SurveyItem.survey_id)
            .where(*peer)
        ).all()
    )
    answers = defaultdict(list)
    for response_id, item_id, score in session.execute(
        select(SurveyAnswer.response_id, SurveyAnswer.item_id, SurveyAnswer.score)
        .join(SurveyResponse, SurveyResponse.id == SurveyAnswer.response_id)
        .join(Survey, Survey.id == SurveyResponse.survey_id)
        .where(*peer, *about)
        .order_by(SurveyAnswer.response_id, SurveyAnswer.item_id)
    ):
        answers[response_id].append((item_id, score))
    return [
        (
            rated,
            PeerResponse(
                code=code,
                respondent=respondent,
                scores=[score for _, score in answers[rid]],
                maxima=[maxima[item] for item, _ in answers[rid]],
            ),
        )
        for rid, code, respondent, rated in session.execute(
            select(
                SurveyResponse.id,
                SurveyResponse.code,
                SurveyResponse.respondent,
                SurveyResponse.unit_id,
            )
            .join(Survey, Survey.id == SurveyResponse.survey_id)
            .where(*peer, *about)
            .order_by(SurveyResponse.id)
        )
    ]


def peer_in(session, unit_id: int, evaluation_id: int | None):
    """The peer-evaluation figures of a unit in an evaluation, read in ``session``."""
    return peer_figures([r for _, r in peer_responses(session, evaluation_id, unit_id)])


def staff_survey_for_unit(db: Database, unit: str):
    """The unit's name, the current evaluation's (None without one) and the unit's
    staff-questionnaire figures in it."""
    with db.read() as session:
        found = find_unit(session, unit)
        evaluation_id, evaluation = _current_id_and_name(session)
        return found.name, evaluation, staff_survey_in(session, found.id, evaluation_id)


def staff_survey_in(session, unit_id: int, evaluation_id: int | None):
    """The staff-questionnaire figures of a unit in an evaluation, read in ``session``."""
    staff = _surveys("staff", evaluation_id)
    items = dict(
        session.execute(
            select(SurveyItem.number, SurveyItem.text)
            .join(Survey, Survey.id == SurveyItem.survey_id)
            .where(*staff)
            .order_by(SurveyItem.number)
        ).all()
    )
    answers = defaultdict(dict)
    codes = {}
    for rid, code, number, score in session.execute(
        select(SurveyResponse.id, SurveyResponse.code, SurveyItem.number, SurveyAnswer.score)
        .join(SurveyAnswer, SurveyAnswer.response_id == SurveyResponse.id)
        .join(SurveyItem, SurveyItem.id == SurveyAnswer.item_id)
        .join(Survey, Survey.id == SurveyResponse.survey_id)
        .where(*staff, SurveyResponse.unit_id == unit_id)
    ):
        answers[rid][number] = score
        codes[rid] = code
    responses = [StaffResponse(code=codes[rid], scores=scores) for rid, scores in answers.items()]
    return staff_survey_figures(responses, items)


def evaluation_overview(db: Database) -> dict:
    """The current evaluation at a glance: its units, questionnaires and problems."""
    from ..models import EvaluationPeriod, EvaluationUnit, Problem, Unit

    with db.read() as session:
        evaluation = current_evaluation(session)
        if evaluation is None:
            from ..domain.errors import UserError
            from ..i18n import t

            raise UserError(t("figures.no_evaluation"))
        periods = session.execute(
            select(EvaluationPeriod.label, EvaluationPeriod.start, EvaluationPeriod.end)
            .where(EvaluationPeriod.evaluation_id == evaluation.id)
            .order_by(EvaluationPeriod.start)
        ).all()
        units = list(
            session.scalars(
                select(Unit.name)
                .join(EvaluationUnit, EvaluationUnit.unit_id == Unit.id)
                .where(EvaluationUnit.evaluation_id == evaluation.id)
                .order_by(Unit.id)
            )
        )
        peer = _surveys("peer", evaluation.id)
        peer_responses = session.scalar(
            select(func.count()).select_from(SurveyResponse).join(Survey).where(*peer)
        )
        peer_departments = session.scalar(
            select(func.count(distinct(SurveyResponse.respondent))).join(Survey).where(*peer)
        )
        staff_items = session.scalar(
            select(func.count())
            .select_from(SurveyItem)
            .join(Survey)
            .where(*_surveys("staff", evaluation.id))
        )
        its_problems = in_evaluation(Problem.evaluation_id, evaluation.id)
        problems = session.scalar(select(func.count()).select_from(Problem).where(its_problems))
        fed_back = session.scalar(
            select(func.count())
            .select_from(Problem)
            .where(its_problems, Problem.fed_back_on.is_not(None))
        )
    return {
        "evaluation": evaluation.name,
        "reference_date": evaluation.reference_date.isoformat(),
        "periods": [
            {
                "label": period_name(label, start, end),
                "office_label": label,
                "from": start.isoformat(),
                "to": end.isoformat(),
            }
            for label, start, end in periods
        ],
        "units": units,
        "peer_responses": peer_responses,
        "peer_departments": peer_departments,
        "staff_items": staff_items,
        "problems": problems,
        "problems_fed_back": fed_back,
    }
