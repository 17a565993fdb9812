"""What the TUI shows, as plain values: the evaluation's progress per unit, a unit's
overview, and the names the command palette searches. No ORM object leaves here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select

from ..db import Database
from ..models import (
    Case,
    Evaluation,
    EvaluationPeriod,
    EvaluationUnit,
    OnsiteActivity,
    Problem,
    Score,
    Staff,
    Survey,
    SurveyResponse,
    Unit,
    WorkLogEntry,
)

OPEN_STATUSES = ("identified", "fed_back", "rectifying")
DONE_STATUSES = ("reported", "closed", "withdrawn")


@dataclass(frozen=True)
class Period:
    label: str
    start: date
    end: date


@dataclass(frozen=True)
class EvaluationInfo:
    id: int
    name: str
    reference_date: date
    periods: tuple[Period, ...]


@dataclass(frozen=True)
class UnitProgress:
    """One evaluated unit: what is loaded and done, and its problems."""

    unit_id: int
    name: str
    short_name: str | None
    staff: int
    log_entries: int
    cases: int
    self_scores: int
    peer_responses: int
    onsite_activities: int
    office_scores: int
    problems_open: int
    problems_overdue: int
    problems_closed: int


@dataclass(frozen=True)
class UnitInfo:
    id: int
    name: str
    short_name: str | None
    kind: str
    parent: str | None
    children: tuple[str, ...]
    quota_admin: int
    quota_public: int
    quota_service: int
    quota_leaders: int
    headcount: int

    @property
    def quota_total(self) -> int:
        return self.quota_admin + self.quota_public + self.quota_service

    @property
    def vacancies(self) -> int:
        return self.quota_total - self.headcount


@dataclass(frozen=True)
class SearchEntry:
    unit_id: int
    name: str
    short_name: str | None
    initials: tuple[str, ...] = field(default_factory=tuple)


def current_evaluation(db: Database) -> EvaluationInfo | None:
    with db.read() as session:
        evaluation = session.scalars(select(Evaluation).order_by(Evaluation.id.desc())).first()
        if evaluation is None:
            return None
        periods = session.execute(
            select(EvaluationPeriod.label, EvaluationPeriod.start, EvaluationPeriod.end)
            .where(EvaluationPeriod.evaluation_id == evaluation.id)
            .order_by(EvaluationPeriod.start)
        ).all()
        return EvaluationInfo(
            evaluation.id,
            evaluation.name,
            evaluation.reference_date,
            tuple(Period(*p) for p in periods),
        )


def _counts(session, column, *where) -> dict[int, int]:
    return dict(session.execute(select(column, func.count()).where(*where).group_by(column)).all())


def evaluation_progress(db: Database, today: date | None = None) -> list[UnitProgress]:
    """Every unit under the current evaluation (every unit when there is none)."""
    today = today or date.today()
    evaluation = current_evaluation(db)
    with db.read() as session:
        units = select(Unit.id, Unit.name, Unit.short_name).order_by(Unit.id)
        if evaluation is not None:
            units = units.join(EvaluationUnit, EvaluationUnit.unit_id == Unit.id).where(
                EvaluationUnit.evaluation_id == evaluation.id
            )
        rows = session.execute(units).all()
        staff = _counts(session, Staff.unit_id)
        log = _counts(session, WorkLogEntry.unit_id)
        cases = _counts(session, Case.unit_id, Case.unit_id.is_not(None))
        self_scores = _counts(session, Score.unit_id, Score.source == "self")
        office_scores = _counts(session, Score.unit_id, Score.source == "office")
        peer = dict(
            session.execute(
                select(SurveyResponse.unit_id, func.count())
                .join(Survey, Survey.id == SurveyResponse.survey_id)
                .where(Survey.kind == "peer")
                .group_by(SurveyResponse.unit_id)
            ).all()
        )
        onsite = _counts(session, OnsiteActivity.unit_id)
        opened = _counts(session, Problem.unit_id, Problem.status.in_(OPEN_STATUSES))
        overdue = _counts(
            session,
            Problem.unit_id,
            Problem.status.in_(OPEN_STATUSES),
            Problem.deadline.is_not(None),
            Problem.deadline < today,
        )
        closed = _counts(session, Problem.unit_id, Problem.status == "closed")
    return [
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
            office_scores=office_scores.get(uid, 0),
            problems_open=opened.get(uid, 0),
            problems_overdue=overdue.get(uid, 0),
            problems_closed=closed.get(uid, 0),
        )
        for uid, name, short in rows
    ]


def unit_info(db: Database, unit_id: int) -> UnitInfo:
    from ..errors import NotFound
    from ..i18n import t

    with db.read() as session:
        unit = session.get(Unit, unit_id)
        if unit is None:
            raise NotFound(t("unit.not_found", ref=unit_id))
        parent = session.get(Unit, unit.parent_id).name if unit.parent_id else None
        children = tuple(
            session.scalars(select(Unit.name).where(Unit.parent_id == unit_id).order_by(Unit.id))
        )
        headcount = session.scalar(
            select(func.count()).select_from(Staff).where(Staff.unit_id == unit_id)
        )
        return UnitInfo(
            unit.id,
            unit.name,
            unit.short_name,
            unit.kind,
            parent,
            children,
            unit.quota_admin,
            unit.quota_public,
            unit.quota_service,
            unit.quota_leaders,
            headcount,
        )


def search_entries(db: Database) -> list[SearchEntry]:
    """Units with the pinyin initials of their names, for the command palette."""
    from pypinyin import Style, lazy_pinyin

    def initials(text: str | None) -> str:
        if not text:
            return ""
        return "".join(lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")).lower()

    with db.read() as session:
        rows = session.execute(select(Unit.id, Unit.name, Unit.short_name).order_by(Unit.id)).all()
    return [
        SearchEntry(uid, name, short, tuple(i for i in (initials(name), initials(short)) if i))
        for uid, name, short in rows
    ]


@dataclass(frozen=True)
class ProblemRow:
    number: str
    title: str
    status: str
    deadline: date | None
    overdue: bool


@dataclass(frozen=True)
class UnitFigures:
    """Everything a unit's screen shows, computed in one worker."""

    info: UnitInfo
    as_of: date
    roster: object | None  # analytics.roster.RosterFigures
    children: tuple[tuple[str, object], ...]  # (institution, its RosterFigures)
    duties: tuple[tuple[Period, object], ...]  # (period, DutyFigures)
    cases: tuple[tuple[Period, object], ...]  # (period, CaseFigures), hotline
    peer: object | None  # PeerFigures
    staff_survey: object | None  # StaffSurveyFigures
    problems: tuple[ProblemRow, ...]


def _has(session, model, *where) -> bool:
    return session.scalar(select(func.count()).select_from(model).where(*where)) > 0


def unit_figures(db: Database, unit_id: int, today: date | None = None) -> UnitFigures:
    from ..models import Duty
    from .figures import (
        cases_for_unit,
        duties_for_unit,
        peer_for_unit,
        reference_date,
        roster_for_unit,
        staff_survey_for_unit,
    )

    today = today or date.today()
    info = unit_info(db, unit_id)
    evaluation = current_evaluation(db)
    periods = evaluation.periods if evaluation else ()
    as_of = reference_date(db)
    with db.read() as session:
        has_duties = _has(session, Duty, Duty.unit_id == unit_id)
        has_cases = _has(session, Case, Case.unit_id == unit_id)
        has_peer = _has(session, SurveyResponse, SurveyResponse.unit_id == unit_id)
        child_ids = list(
            session.scalars(select(Unit.id).where(Unit.parent_id == unit_id).order_by(Unit.id))
        )
        problems = tuple(
            ProblemRow(
                number,
                title,
                status,
                deadline,
                bool(status in OPEN_STATUSES and deadline is not None and deadline < today),
            )
            for number, title, status, deadline in session.execute(
                select(Problem.number, Problem.title, Problem.status, Problem.deadline)
                .where(Problem.unit_id == unit_id)
                .order_by(Problem.number)
            )
        )
    roster = roster_for_unit(db, info.name, as_of)[2] if info.headcount else None
    children = []
    for child_id in child_ids:
        child = unit_info(db, child_id)
        if child.headcount:
            children.append((child.name, roster_for_unit(db, child.name, as_of)[2]))
    duties = (
        tuple((p, duties_for_unit(db, info.name, p.start, p.end)[1]) for p in periods)
        if has_duties
        else ()
    )
    cases = (
        tuple((p, cases_for_unit(db, info.name, "hotline", p.start, p.end)[1]) for p in periods)
        if has_cases
        else ()
    )
    peer = peer_for_unit(db, info.name)[1] if has_peer else None
    staff_survey = staff_survey_for_unit(db, info.name)[1] if has_peer or info.headcount else None
    if staff_survey is not None and not staff_survey.staff_responses:
        staff_survey = None
    return UnitFigures(
        info, as_of, roster, tuple(children), duties, cases, peer, staff_survey, problems
    )
