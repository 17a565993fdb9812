"""What the TUI shows of a unit, as plain values: its overview and figures, and the
names the command palette searches. No ORM object leaves here. The home screen's
progress per unit is in ``progress``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select

from ..analytics.ledger_facts import is_overdue
from ..domain.clock import office_today
from ..models import Case, OnsiteActivity, Problem, Staff, Survey, SurveyResponse, Unit
from ..storage.database import Database
from .evaluations import Period, in_evaluation
from .progress import current_evaluation


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
    evaluated: bool = False  # under the current evaluation: the palette offers to score it


def unit_info_in(session, unit_id: int, unit=None) -> UnitInfo:
    from ..domain.errors import NotFound
    from ..i18n import t

    unit = unit or session.get(Unit, unit_id)
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

    from .evaluations import current_evaluation_id
    from .score_sheet import evaluated_unit_ids

    with db.read() as session:
        rows = session.execute(select(Unit.id, Unit.name, Unit.short_name).order_by(Unit.id)).all()
        evaluation_id = current_evaluation_id(session)
        evaluated = (
            set() if evaluation_id is None else set(evaluated_unit_ids(session, evaluation_id))
        )
    return [
        SearchEntry(
            uid,
            name,
            short,
            tuple(i for i in (initials(name), initials(short)) if i),
            uid in evaluated,
        )
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
    problems: tuple[ProblemRow, ...]
    onsite_activities: int = 0  # on-site evaluation activities recorded (home's 实地)
    log_span: Period | None = None  # the stretch of the work log shown: the evaluation's span


def _has(session, model, *where) -> bool:
    return session.scalar(select(func.count()).select_from(model).where(*where)) > 0


def unit_figures(db: Database, unit_id: int, today: date | None = None) -> UnitFigures:
    """Everything a unit's screen shows. Read in one session (and the calendar's), not
    one per figure: the worker shares the interpreter with a screen being built, and
    each round trip to the database costs it a wait for its turn."""
    from ..models import Duty
    from .calendar import workdays_between
    from .figures import cases_in, duties_in, peer_in, roster_in

    today = today or office_today()
    evaluation = current_evaluation(db)
    periods = evaluation.periods if evaluation else ()
    as_of = (evaluation.reference_date if evaluation else None) or office_today()
    evaluation_id = evaluation.id if evaluation else None
    workdays = {p: workdays_between(db, p.start, p.end) for p in periods}
    with db.read() as session:
        unit = session.get(Unit, unit_id)
        info = unit_info_in(session, unit_id, unit)
        has_duties = _has(session, Duty, Duty.unit_id == unit_id)
        has_cases = _has(session, Case, Case.unit_id == unit_id)
        has_peer = session.scalar(
            select(func.count())
            .select_from(SurveyResponse)
            .join(Survey, Survey.id == SurveyResponse.survey_id)
            .where(
                SurveyResponse.unit_id == unit_id,
                Survey.kind == "peer",
                in_evaluation(Survey.evaluation_id, evaluation_id),
            )
        )
        problems = tuple(
            ProblemRow(row.number, row.title, row.status, row.deadline, is_overdue(row, today))
            for row in session.execute(
                select(Problem.number, Problem.title, Problem.status, Problem.deadline)
                .where(
                    Problem.unit_id == unit_id,
                    in_evaluation(Problem.evaluation_id, evaluation_id),
                )
                .order_by(Problem.number)
            )
        )
        onsite = session.scalar(
            select(func.count())
            .select_from(OnsiteActivity)
            .where(
                OnsiteActivity.unit_id == unit_id,
                in_evaluation(OnsiteActivity.evaluation_id, evaluation_id),
            )
        )
        roster = roster_in(session, unit, as_of) if info.headcount else None
        children = []
        for child in session.scalars(
            select(Unit).where(Unit.parent_id == unit_id).order_by(Unit.id)
        ):
            if _has(session, Staff, Staff.unit_id == child.id):
                children.append((child.name, roster_in(session, child, as_of)))
        headcount = info.headcount
        duties = (
            tuple(
                (p, duties_in(session, unit_id, p.start, p.end, workdays[p], headcount))
                for p in periods
            )
            if has_duties
            else ()
        )
        cases = (
            tuple(
                (p, cases_in(session, unit_id, "hotline", p.start, p.end, headcount))
                for p in periods
            )
            if has_cases
            else ()
        )
        peer = peer_in(session, unit_id, evaluation_id) if has_peer else None
    return UnitFigures(
        info,
        as_of,
        roster,
        tuple(children),
        duties,
        cases,
        peer,
        problems,
        onsite,
        evaluation.span if evaluation else None,
    )
