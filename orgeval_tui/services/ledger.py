"""The problem ledger (问题台账): a problem's life, its lookups, one place for the rules.

Life (DOMAIN.md), one function per transition, each one write transaction that changes
the problem through the ORM (so the audit trail and the version column see it) and
appends a ``ProblemEvent`` (who, when, from → to, why, the values set as JSON):

=============  ===========================  ==========================================
action         from                         to, and what it records
=============  ===========================  ==========================================
``add``        —                            identified: number PREFIX-NNN, the finding
``feedback``   identified                   fed_back: the day it was sent to the unit
``plan``       fed_back                     rectifying: measures, responsible, deadline
``report``     rectifying                   reported: report text and/or file name+SHA-256
``verify``     reported                     closed: look-back passed; verifier (the OS
                                            account), day, note
``reopen``     reported, closed             rectifying: look-back failed; the reason
``extend``     rectifying                   rectifying: old and new deadline, the reason
``withdraw``   any but closed, withdrawn    withdrawn: the reason and day; stays listed
=============  ===========================  ==========================================

``extend`` is allowed only while rectifying: that is when the unit works against its
deadline (before ``plan`` there is none; once reported the deadline no longer runs), and
the new deadline must be later than the current one. A deadline is never before the day
the problem was fed back. Anything else is refused with a message naming the problem's
state and what it allows. Nothing is ever deleted.

Every transition takes ``expected_version``: the version the caller showed its user. If
the problem has moved on since, the change is refused with a ``ConflictError`` naming
who changed it and what (the audit trail); a concurrent write between our read and our
update is caught the same way by the version column.

Views handed to callers are frozen dataclasses; no ORM object leaves this module.
"""

from __future__ import annotations

import hashlib
import json
import random
import time
from dataclasses import dataclass, fields
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import BigInteger, and_, case, cast, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .. import audit
from ..actor import current_actor
from ..db import Database
from ..errors import ConflictError, NotFound, UserError
from ..i18n import catalogues, t
from ..models import Evaluation, Problem, ProblemEvent, Unit
from ..models.base import utcnow
from ..models.ledger import PROBLEM_SOURCES, PROBLEM_STATUSES, SEVERITIES
from . import ledger_search
from .ledger_facts import OPEN_STATUSES, ProblemFacts, UnitCounts, due_window, facts
from .units import clean_name, find_unit

ALLOWED: dict[str, tuple[str, ...]] = {
    "identified": ("feedback", "withdraw"),
    "fed_back": ("plan", "withdraw"),
    "rectifying": ("report", "extend", "withdraw"),
    "reported": ("verify", "reopen", "withdraw"),
    "closed": ("reopen",),
    "withdrawn": (),
}
ACTIONS = ("create", "feedback", "plan", "report", "verify", "reopen", "extend", "withdraw")
STATUS_FILTERS = (*PROBLEM_STATUSES, "open")
NUMBER_ATTEMPTS = 8
_LIMITS = {"title": 200, "category": 50, "responsible": 50}


@dataclass(frozen=True)
class ProblemView:
    id: int
    number: str
    evaluation_id: int
    unit_id: int
    unit: str
    unit_short: str | None
    source: str
    category: str | None
    title: str
    description: str
    recommendation: str
    severity: str
    status: str
    fed_back_on: date | None
    measures: str | None
    responsible: str | None
    deadline: date | None
    report_text: str | None
    report_file_name: str | None
    report_file_hash: str | None
    reported_on: date | None
    verifier: str | None
    verified_on: date | None
    verify_note: str | None
    withdraw_reason: str | None
    withdrawn_on: date | None
    created_at: datetime
    version: int

    @property
    def unit_label(self) -> str:
        return self.unit_short or self.unit

    def to_json(self) -> dict:
        return {f.name: _jsonable(getattr(self, f.name)) for f in fields(self)}


@dataclass(frozen=True)
class EventView:
    id: int
    action: str
    from_status: str | None
    to_status: str
    actor: str
    at: datetime
    reason: str | None
    detail: dict

    def to_json(self) -> dict:
        return {f.name: _jsonable(getattr(self, f.name)) for f in fields(self)}


@dataclass(frozen=True)
class ProblemDetail:
    problem: ProblemView
    facts: ProblemFacts
    events: tuple[EventView, ...]
    allowed: tuple[str, ...]

    def to_json(self) -> dict:
        return {
            **self.problem.to_json(),
            "facts": self.facts.to_json(),
            "allowed": list(self.allowed),
            "events": [event.to_json() for event in self.events],
        }


def _jsonable(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def office_today() -> date:
    from ..timezone import office_tz

    return datetime.now(office_tz()).date()


_VIEW_COLUMNS = tuple(f.name for f in fields(ProblemView) if f.name not in ("unit", "unit_short"))


def _view(problem: Problem, unit: Unit) -> ProblemView:
    values = {name: getattr(problem, name) for name in _VIEW_COLUMNS}
    return ProblemView(unit=unit.name, unit_short=unit.short_name, **values)


def _row_view(row) -> ProblemView:
    return ProblemView(**row._mapping)


# Reads use the tables' columns, not the mapped classes: a command that only reads then
# never pays for configuring the ORM's mappers (≈ 20 ms of a quick lookup's start).
_P = Problem.__table__.c
_U = Unit.__table__.c


def _view_select():
    columns = [_P[name] for name in _VIEW_COLUMNS]
    return select(*columns, _U.name.label("unit"), _U.short_name.label("unit_short")).join_from(
        Problem.__table__, Unit.__table__, _U.id == _P.unit_id
    )


def _unit_id(session: Session, ref: str) -> int:
    """``find_unit``'s answer, read with one plain query when it is unambiguous: the unit
    whose full name this is, else the only one with this short name. Anything else (no
    such unit, a short name shared) is left to ``find_unit`` to refuse."""
    wanted = clean_name(ref)
    rows = session.execute(
        select(_U.id, _U.name).where(or_(_U.name == wanted, _U.short_name == wanted))
    ).all()
    named = [uid for uid, name in rows if name == wanted]
    if named:
        return named[0]
    if len(rows) == 1:
        return rows[0][0]
    return find_unit(session, ref).id


# Finding things.


def current_evaluation(session: Session, *, lock: bool = False) -> Evaluation | None:
    """The latest evaluation: problems are recorded and numbered in it."""
    statement = select(Evaluation).order_by(Evaluation.id.desc()).limit(1)
    if lock:
        statement = statement.with_for_update()
    return session.scalars(statement).first()


def _find(session: Session, number: str) -> Problem:
    wanted = (number or "").strip()
    matches = session.scalars(select(Problem).where(Problem.number == wanted)).all()
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise NotFound(t("ledger.not_found", number=wanted))
    evaluation = current_evaluation(session)
    mine = [p for p in matches if evaluation is not None and p.evaluation_id == evaluation.id]
    if len(mine) == 1:
        return mine[0]
    raise UserError(t("ledger.ambiguous", number=wanted, count=len(matches)))


def status_label(status: str) -> str:
    return t(f"ledger.status.{status}")


def action_label(action: str) -> str:
    return t(f"ledger.action.{action}")


def _allowed_text(allowed: tuple[str, ...]) -> str:
    return t("ledger.list_sep").join(f"{action_label(a)} ({a})" for a in allowed)


def _refuse(problem: Problem, action: str) -> None:
    allowed = ALLOWED[problem.status]
    if action in allowed:
        return
    key = "ledger.refused" if allowed else "ledger.refused_final"
    raise UserError(
        t(
            key,
            number=problem.number,
            state=status_label(problem.status),
            status=problem.status,
            action=action_label(action),
            allowed=_allowed_text(allowed),
        )
    )


def _required(value: str | None, field: str) -> str:
    cleaned = (value or "").strip()
    if not cleaned:
        raise UserError(t("ledger.empty", field=t(f"ledger.field.{field}")))
    return _bounded(cleaned, field)


def _optional(value: str | None, field: str) -> str | None:
    cleaned = (value or "").strip()
    return _bounded(cleaned, field) if cleaned else None


def _bounded(value: str, field: str) -> str:
    limit = _LIMITS.get(field)
    if limit is not None and len(value) > limit:
        raise UserError(
            t("ledger.too_long", field=t(f"ledger.field.{field}"), limit=limit, length=len(value))
        )
    return value


# Adding.


def _next_number(session: Session, evaluation: Evaluation) -> str:
    head = f"{evaluation.number_prefix}-"
    start = len(head) + 1
    tail = func.substr(Problem.number, start)
    if session.get_bind().dialect.name == "sqlite":
        digits_only = tail.op("NOT GLOB")("*[^0-9]*")
    else:
        digits_only = tail.op("~")("^[0-9]+$")
    highest = session.scalar(
        select(func.max(cast(tail, BigInteger))).where(
            Problem.evaluation_id == evaluation.id,
            func.substr(Problem.number, 1, len(head)) == head,
            func.length(Problem.number) > len(head),
            digits_only,
        )
    )
    return f"{head}{(highest or 0) + 1:03d}"


def add(
    db: Database,
    unit: str,
    title: str,
    description: str | None = None,
    source: str = "onsite",
    category: str | None = None,
    severity: str = "medium",
    recommendation: str | None = None,
) -> ProblemView:
    """Record a problem in the current evaluation (the latest), numbered PREFIX-NNN."""
    title = _required(title, "title")
    category = _optional(category, "category")
    if source not in PROBLEM_SOURCES:
        raise UserError(t("ledger.bad_source", source=source, sources=", ".join(PROBLEM_SOURCES)))
    if severity not in SEVERITIES:
        raise UserError(
            t("ledger.bad_severity", severity=severity, severities=", ".join(SEVERITIES))
        )
    for attempt in range(NUMBER_ATTEMPTS):
        try:
            return _add_once(
                db,
                unit,
                title=title,
                description=(description or "").strip(),
                source=source,
                category=category,
                severity=severity,
                recommendation=(recommendation or "").strip(),
            )
        except IntegrityError as exc:
            # Another writer took the same number meanwhile; the unique constraint refused
            # this one. Number it again, after a short random pause.
            if "number" not in str(exc.orig) or attempt == NUMBER_ATTEMPTS - 1:
                raise UserError(t("ledger.number_busy")) from exc
            time.sleep(random.uniform(0, 0.02 * (attempt + 1)))
    raise AssertionError("unreachable")


def _add_once(db: Database, unit_ref: str, **values) -> ProblemView:
    with db.write() as session:
        # On PostgreSQL the row lock queues adds to one evaluation, so max + 1 is free when
        # computed (SQLite's write lock already does that); the unique constraint and the
        # retry in add() remain the guarantee against writers that do not lock.
        evaluation = current_evaluation(session, lock=True)
        if evaluation is None:
            raise UserError(t("ledger.no_evaluation"))
        unit = find_unit(session, unit_ref)
        number = _next_number(session, evaluation)
        problem = Problem(evaluation_id=evaluation.id, unit_id=unit.id, number=number, **values)
        session.add(problem)
        session.flush()
        detail = {"number": number, "unit": unit.name, **values}
        _record(session, problem, "create", None, "identified", detail=detail)
        session.flush()
        return _view(problem, unit)


def _record(session, problem, action, from_status, to_status, *, reason=None, detail=None):
    session.add(
        ProblemEvent(
            problem_id=problem.id,
            action=action,
            from_status=from_status,
            to_status=to_status,
            actor=current_actor(),
            at=utcnow(),
            reason=reason,
            detail=json.dumps(
                {k: _jsonable(v) for k, v in (detail or {}).items()}, ensure_ascii=False
            ),
        )
    )


# Transitions.


def _transition(db, number, action, expected_version, change) -> ProblemView:
    """Load, check the version and the state, apply ``change`` (which returns the new
    status, the reason and the values it set), record the event; one transaction."""
    with db.write() as session:
        problem = _find(session, number)
        if expected_version is not None and problem.version != expected_version:
            raise ConflictError(audit.conflict_message(session, Problem, (problem.id,), problem))
        _refuse(problem, action)
        before = problem.status
        to_status, reason, detail = change(problem)
        problem.status = to_status
        _record(session, problem, action, before, to_status, reason=reason, detail=detail)
        session.flush()
        return _view(problem, session.get(Unit, problem.unit_id))


def feedback(
    db: Database, number: str, on: date | None = None, *, expected_version: int | None = None
) -> ProblemView:
    """Sent to the unit (反馈) on ``on`` (default today)."""
    day = on or office_today()

    def change(problem):
        problem.fed_back_on = day
        return "fed_back", None, {"fed_back_on": day}

    return _transition(db, number, "feedback", expected_version, change)


def plan(
    db: Database,
    number: str,
    measures: str,
    responsible: str,
    deadline: date,
    *,
    expected_version: int | None = None,
) -> ProblemView:
    """The unit's rectification plan: measures, the person responsible, the deadline."""
    measures = _required(measures, "measures")
    responsible = _required(responsible, "responsible")

    def change(problem):
        if problem.fed_back_on is not None and deadline < problem.fed_back_on:
            raise UserError(
                t(
                    "ledger.deadline_before_feedback",
                    deadline=deadline.isoformat(),
                    fed_back_on=problem.fed_back_on.isoformat(),
                )
            )
        problem.measures, problem.responsible, problem.deadline = measures, responsible, deadline
        return (
            "rectifying",
            None,
            {"measures": measures, "responsible": responsible, "deadline": deadline},
        )

    return _transition(db, number, "plan", expected_version, change)


def file_digest(path: str | Path) -> tuple[str, str]:
    """A report file's name and SHA-256; the content itself is never stored."""
    path = Path(path)
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError as exc:
        raise UserError(t("ledger.bad_file", path=str(path), reason=exc.strerror or exc)) from exc
    return path.name, digest.hexdigest()


def report(
    db: Database,
    number: str,
    text: str | None = None,
    file: str | Path | None = None,
    on: date | None = None,
    *,
    expected_version: int | None = None,
) -> ProblemView:
    """The unit's written rectification report: its text, a file (name and SHA-256), or
    both; received on ``on`` (default today)."""
    text = _optional(text, "report_text")
    file_name, file_hash = file_digest(file) if file is not None else (None, None)
    if text is None and file_name is None:
        raise UserError(t("ledger.report_empty"))
    day = on or office_today()

    def change(problem):
        problem.report_text = text
        problem.report_file_name, problem.report_file_hash = file_name, file_hash
        problem.reported_on = day
        detail = {"report_text": text, "reported_on": day}
        if file_name is not None:
            detail.update(report_file_name=file_name, report_file_hash=file_hash)
        return "reported", None, detail

    return _transition(db, number, "report", expected_version, change)


def verify(
    db: Database,
    number: str,
    note: str,
    on: date | None = None,
    *,
    expected_version: int | None = None,
) -> ProblemView:
    """The look-back (回头看) found the rectification done: struck off (销号)."""
    note = _required(note, "verify_note")
    day = on or office_today()

    def change(problem):
        problem.verifier, problem.verified_on, problem.verify_note = current_actor(), day, note
        return (
            "closed",
            None,
            {"verifier": problem.verifier, "verified_on": day, "verify_note": note},
        )

    return _transition(db, number, "verify", expected_version, change)


def reopen(
    db: Database,
    number: str,
    reason: str,
    on: date | None = None,
    *,
    expected_version: int | None = None,
) -> ProblemView:
    """The look-back found it not done: back to rectifying, with the reason. Reopening a
    closed problem clears its strike-off (kept in the events and the audit trail)."""
    reason = _required(reason, "reason")
    day = on or office_today()

    def change(problem):
        detail = {"verifier": current_actor(), "verified_on": day}
        if problem.status == "closed":
            detail["struck_off"] = {
                "verifier": problem.verifier,
                "verified_on": problem.verified_on,
                "verify_note": problem.verify_note,
            }
            detail["struck_off"] = {k: _jsonable(v) for k, v in detail["struck_off"].items()}
            problem.verifier = problem.verified_on = problem.verify_note = None
        return "rectifying", reason, detail

    return _transition(db, number, "reopen", expected_version, change)


def extend(
    db: Database,
    number: str,
    deadline: date,
    reason: str,
    *,
    expected_version: int | None = None,
) -> ProblemView:
    """A deadline extension (申请延期): the old and the new deadline and the reason."""
    reason = _required(reason, "reason")

    def change(problem):
        old = problem.deadline
        if old is not None and deadline <= old:
            raise UserError(
                t("ledger.not_later", deadline=deadline.isoformat(), old=old.isoformat())
            )
        problem.deadline = deadline
        return problem.status, reason, {"deadline": deadline, "old_deadline": old}

    return _transition(db, number, "extend", expected_version, change)


def withdraw(
    db: Database,
    number: str,
    reason: str,
    on: date | None = None,
    *,
    expected_version: int | None = None,
) -> ProblemView:
    """A problem recorded by mistake: withdrawn with the reason, never deleted."""
    reason = _required(reason, "reason")
    day = on or office_today()

    def change(problem):
        problem.withdraw_reason, problem.withdrawn_on = reason, day
        return "withdrawn", reason, {"withdraw_reason": reason, "withdrawn_on": day}

    return _transition(db, number, "withdraw", expected_version, change)


# Reading.


def show(db: Database, number: str, today: date | None = None) -> ProblemDetail:
    """One problem with its facts on ``today`` and its events, oldest first."""
    today = today or office_today()
    with db.read() as session:
        problem = _find(session, number)
        view = _view(problem, session.get(Unit, problem.unit_id))
        events = tuple(
            EventView(
                id=e.id,
                action=e.action,
                from_status=e.from_status,
                to_status=e.to_status,
                actor=e.actor,
                at=e.at,
                reason=e.reason,
                detail=json.loads(e.detail) if e.detail else {},
            )
            for e in session.scalars(
                select(ProblemEvent)
                .where(ProblemEvent.problem_id == problem.id)
                .order_by(ProblemEvent.at, ProblemEvent.id)
            )
        )
    return ProblemDetail(view, facts(view, today), events, ALLOWED[view.status])


def _status_values(status: str) -> tuple[str, ...]:
    """A status by its identifier or its label in either language (已销号), or ``open``."""
    wanted = status.strip()
    labels = catalogues().values()
    for known in STATUS_FILTERS:
        if wanted == known or any(wanted == words[f"ledger.status.{known}"] for words in labels):
            return OPEN_STATUSES if known == "open" else (known,)
    raise UserError(t("ledger.bad_status", status=status, statuses=", ".join(STATUS_FILTERS)))


def _filtered(session, statement, *, unit, status, overdue, due_within, search, today):
    where = []
    if unit is not None:
        where.append(_P.unit_id == _unit_id(session, unit))
    if status is not None:
        where.append(_P.status.in_(_status_values(status)))
    if overdue:
        where += [_P.status.in_(OPEN_STATUSES), _P.deadline < today]
    if due_within is not None:
        if due_within < 0:
            raise UserError(t("ledger.bad_days", days=due_within))
        first, last = due_window(today, due_within)
        where += [_P.status.in_(OPEN_STATUSES), _P.deadline.between(first, last)]
    found = ledger_search.plan(session, search)
    return ledger_search.apply(statement.where(*where), found), found


def _index_only(session, search):
    """The search's plan when the index alone answers it (no row needs reading)."""
    found = ledger_search.plan(session, search)
    if found is not None and found.match is not None and found.confirm is None:
        return found
    return None


def list_problems(
    db: Database,
    *,
    unit: str | None = None,
    status: str | None = None,
    overdue: bool = False,
    due_within: int | None = None,
    search: str | None = None,
    today: date | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[ProblemView]:
    """Problems of every evaluation, in the order they were recorded, filtered by unit
    (name or short name), status (or ``open``), overdue, due within N days (both on
    ``today``), and a search query (see ``ledger_search``); a page with limit/offset."""
    today = today or office_today()
    with db.read() as session:
        statement, found = _filtered(
            session,
            _view_select(),
            unit=unit,
            status=status,
            overdue=overdue,
            due_within=due_within,
            search=search,
            today=today,
        )
        # In the index's rowid order (= problem id) when it is searched: SQLite then walks
        # the index in order and stops at the limit, instead of sorting every match.
        matched = found is not None and found.match is not None
        statement = statement.order_by(ledger_search.search_index.c.rowid if matched else _P.id)
        if limit is not None:
            statement = statement.limit(limit)
        if offset:
            statement = statement.offset(offset)
        return [_row_view(row) for row in session.execute(statement)]


def count_problems(
    db: Database,
    *,
    unit: str | None = None,
    status: str | None = None,
    overdue: bool = False,
    due_within: int | None = None,
    search: str | None = None,
    today: date | None = None,
) -> int:
    """How many problems ``list_problems`` would return without a limit."""
    today = today or office_today()
    with db.read() as session:
        if (unit, status, overdue, due_within) == (None, None, False, None):
            found = _index_only(session, search)
            if found is not None:
                index = ledger_search.search_index
                return session.scalar(
                    select(func.count()).select_from(index).where(found.match_clause())
                )
        statement, _ = _filtered(
            session,
            select(func.count()).select_from(Problem.__table__),
            unit=unit,
            status=status,
            overdue=overdue,
            due_within=due_within,
            search=search,
            today=today,
        )
        return session.scalar(statement)


def matching_ids(db: Database, search: str) -> list[int]:
    """The ids of the problems a search query finds, ascending."""
    with db.read() as session:
        found = _index_only(session, search)
        if found is not None:
            rowid = ledger_search.search_index.c.rowid
            return list(
                session.scalars(
                    select(rowid)
                    .select_from(ledger_search.search_index)
                    .where(found.match_clause())
                    .order_by(rowid)
                )
            )
        statement = ledger_search.apply(
            select(_P.id).select_from(Problem.__table__), ledger_search.plan(session, search)
        )
        return list(session.scalars(statement.order_by(_P.id)))


def unit_counts(db: Database, today: date | None = None) -> list[UnitCounts]:
    """Per unit with problems: total, per status, open, overdue, due within 10 and 20
    days, counted in SQL (the same figures as ``ledger_facts.count_by_unit``)."""
    today = today or office_today()
    open_ = _P.status.in_(OPEN_STATUSES)

    def flag(condition):
        return func.sum(case((condition, 1), else_=0))

    due = {days: and_(open_, _P.deadline.between(*due_window(today, days))) for days in (10, 20)}
    with db.read() as session:
        rows = session.execute(
            select(
                _U.id,
                _U.name,
                _P.status,
                func.count(),
                flag(and_(open_, _P.deadline < today)),
                flag(due[10]),
                flag(due[20]),
            )
            .join_from(Problem.__table__, Unit.__table__, _U.id == _P.unit_id)
            .group_by(_U.id, _U.name, _P.status)
            .order_by(_U.id)
        ).all()
    tallies: dict[int, dict] = {}
    for unit_id, name, status, count, overdue, due10, due20 in rows:
        tally = tallies.setdefault(
            unit_id,
            {"unit": name, "total": 0, "by_status": {}, "open": 0, "overdue": 0, 10: 0, 20: 0},
        )
        tally["total"] += count
        tally["by_status"][status] = count
        tally["open"] += count if status in OPEN_STATUSES else 0
        tally["overdue"] += int(overdue or 0)
        tally[10] += int(due10 or 0)
        tally[20] += int(due20 or 0)
    return [
        UnitCounts(
            unit=t_["unit"],
            total=t_["total"],
            by_status=t_["by_status"],
            open=t_["open"],
            overdue=t_["overdue"],
            due_within_10=t_[10],
            due_within_20=t_[20],
        )
        for t_ in tallies.values()
    ]
