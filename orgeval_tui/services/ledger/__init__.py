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
from typing import TYPE_CHECKING

from sqlalchemy import BigInteger, and_, case, cast, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ...domain.actor import current_actor
from ...domain.errors import ConflictError, NotFound, UserError
from ...domain.ledger_words import PROBLEM_SOURCES, PROBLEM_STATUSES, SEVERITIES
from ...i18n import catalogues, t
from ...storage import audit
from ...storage import tables as T
from ...storage.database import Database
from ..units import find_unit, find_unit_id
from . import search as ledger_search
from .facts import OPEN_STATUSES, ProblemFacts, UnitCounts, due_window, facts, overdue_where

if TYPE_CHECKING:
    from ...models import Evaluation, Problem, Unit

ALLOWED: dict[str, tuple[str, ...]] = {
    "identified": ("feedback", "withdraw"),
    "fed_back": ("plan", "withdraw"),
    "rectifying": ("report", "extend", "withdraw"),
    "reported": ("verify", "reopen", "withdraw"),
    "closed": ("reopen",),
    "withdrawn": (),
}
ACTIONS = (
    "create",
    "feedback",
    "plan",
    "report",
    "verify",
    "reopen",
    "extend",
    "withdraw",
    "import",  # recorded by `orgeval import ledger` (services/intake/ledger.py)
)
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
    from ...domain.clock import office_tz

    return datetime.now(office_tz()).date()


_VIEW_COLUMNS = tuple(f.name for f in fields(ProblemView) if f.name not in ("unit", "unit_short"))


def _view(problem: Problem, unit: Unit) -> ProblemView:
    values = {name: getattr(problem, name) for name in _VIEW_COLUMNS}
    return ProblemView(unit=unit.name, unit_short=unit.short_name, **values)


def _row_view(row) -> ProblemView:
    return ProblemView(**row._mapping)


# Reads use the light table handles, not the models: a command that only reads then never
# builds the model classes (≈ 0.15 s) nor configures the mappers. The models are imported
# where a problem is written through the ORM.
_P = T.problem.c
_U = T.unit.c


def _view_select():
    columns = [_P[name] for name in _VIEW_COLUMNS]
    return select(*columns, _U.name.label("unit"), _U.short_name.label("unit_short")).join_from(
        T.problem, T.unit, _U.id == _P.unit_id
    )


# Finding things.


def current_evaluation(session: Session, *, lock: bool = False) -> Evaluation | None:
    """The latest evaluation: problems are recorded and numbered in it."""
    from ...models import Evaluation

    statement = select(Evaluation).order_by(Evaluation.id.desc()).limit(1)
    if lock:
        statement = statement.with_for_update()
    return session.scalars(statement).first()


def find_evaluation(session: Session, name: str | None = None, *, lock: bool = False) -> Evaluation:
    """The evaluation named ``name``, or the current one (the latest) when None; refused
    with a message when there is none."""
    if name is None:
        evaluation = current_evaluation(session, lock=lock)
        if evaluation is None:
            raise UserError(t("ledger.no_evaluation"))
        return evaluation
    from ...models import Evaluation

    statement = select(Evaluation).where(Evaluation.name == name.strip())
    if lock:
        statement = statement.with_for_update()
    evaluation = session.scalars(statement).first()
    if evaluation is None:
        names = t("ledger.list_sep").join(
            session.scalars(select(Evaluation.name).order_by(Evaluation.id))
        )
        raise NotFound(t("ledger.no_such_evaluation", name=name, names=names or "—"))
    return evaluation


def _find(session: Session, number: str) -> Problem:
    wanted = (number or "").strip()
    from ...models import Problem

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
    tail = func.substr(_P.number, start)
    if session.get_bind().dialect.name == "sqlite":
        digits_only = tail.op("NOT GLOB")("*[^0-9]*")
    else:
        digits_only = tail.op("~")("^[0-9]+$")
    highest = session.scalar(
        select(func.max(cast(tail, BigInteger))).where(
            _P.evaluation_id == evaluation.id,
            func.substr(_P.number, 1, len(head)) == head,
            func.length(_P.number) > len(head),
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
    source = _choice(source, PROBLEM_SOURCES, "source")
    severity = _choice(severity, SEVERITIES, "severity")
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
        from ...models import Problem

        problem = Problem(evaluation_id=evaluation.id, unit_id=unit.id, number=number, **values)
        session.add(problem)
        session.flush()
        detail = {"number": number, "unit": unit.name, **values}
        _record(session, problem, "create", None, "identified", detail=detail)
        session.flush()
        return _view(problem, unit)


def _record(session, problem, action, from_status, to_status, *, reason=None, detail=None):
    from ...models import ProblemEvent
    from ...models.base import utcnow

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
#
# Each transition is a builder: it checks the values it is given and returns the change,
# a function applied to one problem (it sets the problem's fields and returns the new
# status, the reason and the values recorded). ``apply`` runs one change over one or many
# problems in one write transaction, with an event for each.


def _feedback(on: date | None = None):
    """Sent to the unit (反馈) on ``on`` (default today)."""
    day = on or office_today()

    def change(problem):
        problem.fed_back_on = day
        return "fed_back", None, {"fed_back_on": day}

    return change


def _plan(measures: str, responsible: str, deadline: date):
    """The unit's rectification plan: measures, the person responsible, the deadline."""
    measures = _required(measures, "measures")
    responsible = _required(responsible, "responsible")
    if deadline is None:
        raise UserError(t("ledger.empty", field=t("ledger.field.deadline")))

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

    return change


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


def _report(text: str | None = None, file: str | Path | None = None, on: date | None = None):
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

    return change


def _verify(note: str, on: date | None = None):
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

    return change


def _reopen(reason: str, on: date | None = None):
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

    return change


def _extend(deadline: date, reason: str):
    """A deadline extension (申请延期): the old and the new deadline and the reason."""
    reason = _required(reason, "reason")
    if deadline is None:
        raise UserError(t("ledger.empty", field=t("ledger.field.deadline")))

    def change(problem):
        old = problem.deadline
        if old is not None and deadline <= old:
            raise UserError(
                t("ledger.not_later", deadline=deadline.isoformat(), old=old.isoformat())
            )
        problem.deadline = deadline
        return problem.status, reason, {"deadline": deadline, "old_deadline": old}

    return change


def _withdraw(reason: str, on: date | None = None):
    """A problem recorded by mistake: withdrawn with the reason, never deleted."""
    reason = _required(reason, "reason")
    day = on or office_today()

    def change(problem):
        problem.withdraw_reason, problem.withdrawn_on = reason, day
        return "withdrawn", reason, {"withdraw_reason": reason, "withdrawn_on": day}

    return change


TRANSITIONS = {
    "feedback": _feedback,
    "plan": _plan,
    "report": _report,
    "verify": _verify,
    "reopen": _reopen,
    "extend": _extend,
    "withdraw": _withdraw,
}


def apply(
    db: Database, action: str, targets: list[tuple[str, int | None]], **values
) -> list[ProblemView]:
    """One transition over every problem in ``targets`` (number, and the version its
    user saw, or None): all of them in one write transaction, each with its own event,
    or none of them. A problem whose state does not allow it, or that someone changed
    since (its version), refuses the whole batch, naming it."""
    if not targets:
        return []
    from ...models import Unit

    change = TRANSITIONS[action](**values)
    with db.write() as session:
        views = []
        for number, expected_version in targets:
            problem = _find(session, number)
            if expected_version is not None and problem.version != expected_version:
                raise ConflictError(
                    audit.conflict_message(session, type(problem), (problem.id,), problem)
                )
            _refuse(problem, action)
            before = problem.status
            to_status, reason, detail = change(problem)
            problem.status = to_status
            _record(session, problem, action, before, to_status, reason=reason, detail=detail)
            session.flush()
            views.append(_view(problem, session.get(Unit, problem.unit_id)))
        return views


def _one(db, action, number, expected_version, **values) -> ProblemView:
    return apply(db, action, [(number, expected_version)], **values)[0]


def feedback(
    db: Database, number: str, on: date | None = None, *, expected_version: int | None = None
) -> ProblemView:
    return _one(db, "feedback", number, expected_version, on=on)


def plan(
    db: Database,
    number: str,
    measures: str,
    responsible: str,
    deadline: date,
    *,
    expected_version: int | None = None,
) -> ProblemView:
    return _one(
        db,
        "plan",
        number,
        expected_version,
        measures=measures,
        responsible=responsible,
        deadline=deadline,
    )


def report(
    db: Database,
    number: str,
    text: str | None = None,
    file: str | Path | None = None,
    on: date | None = None,
    *,
    expected_version: int | None = None,
) -> ProblemView:
    return _one(db, "report", number, expected_version, text=text, file=file, on=on)


def verify(
    db: Database,
    number: str,
    note: str,
    on: date | None = None,
    *,
    expected_version: int | None = None,
) -> ProblemView:
    return _one(db, "verify", number, expected_version, note=note, on=on)


def reopen(
    db: Database,
    number: str,
    reason: str,
    on: date | None = None,
    *,
    expected_version: int | None = None,
) -> ProblemView:
    return _one(db, "reopen", number, expected_version, reason=reason, on=on)


def extend(
    db: Database,
    number: str,
    deadline: date,
    reason: str,
    *,
    expected_version: int | None = None,
) -> ProblemView:
    return _one(db, "extend", number, expected_version, deadline=deadline, reason=reason)


def withdraw(
    db: Database,
    number: str,
    reason: str,
    on: date | None = None,
    *,
    expected_version: int | None = None,
) -> ProblemView:
    return _one(db, "withdraw", number, expected_version, reason=reason, on=on)


# Reading.


def show(db: Database, number: str, today: date | None = None) -> ProblemDetail:
    """One problem with its facts on ``today`` and its events, oldest first."""
    from ...models import ProblemEvent, Unit

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
    known = _choice(status, STATUS_FILTERS, "status")
    return OPEN_STATUSES if known == "open" else (known,)


def _choice(value: str, known: tuple[str, ...], kind: str) -> str:
    """A status, source or severity by its identifier or its label in either language."""
    wanted = value.strip()
    for identifier in known:
        labels = (words.get(f"ledger.{kind}.{identifier}") for words in catalogues().values())
        if wanted == identifier or wanted in labels:
            return identifier
    raise UserError(unknown_word(kind, value, ", ".join(known)))


def unknown_word(kind: str, value: str, choices: str) -> str:
    """The refusal of a status, source or severity that is none of ``choices``."""
    plural = {"status": "statuses", "source": "sources", "severity": "severities"}[kind]
    return t(f"ledger.bad_{kind}", **{kind: value, plural: choices})


def _filtered(
    session,
    statement,
    *,
    unit,
    status,
    overdue,
    due_within,
    search,
    today,
    source=None,
    category=None,
    severity=None,
):
    where = []
    if unit is not None:
        where.append(_P.unit_id == find_unit_id(session, unit))
    if status is not None:
        where.append(_P.status.in_(_status_values(status)))
    if source is not None:
        where.append(_P.source == _choice(source, PROBLEM_SOURCES, "source"))
    if category is not None:
        where.append(_P.category == category.strip())
    if severity is not None:
        where.append(_P.severity == _choice(severity, SEVERITIES, "severity"))
    if overdue:
        where += overdue_where(_P, today)
    if due_within is not None:
        if due_within < 0:
            raise UserError(t("ledger.bad_days", days=due_within))
        first, last = due_window(today, due_within)
        where += [_P.status.in_(OPEN_STATUSES), _P.deadline.between(first, last)]
    found = ledger_search.plan(session, search)
    return ledger_search.apply(statement.where(*where), found), found


def _ranked(column, values: tuple[str, ...]):
    return case({value: rank for rank, value in enumerate(values)}, value=column, else_=99)


# The orders a problem list can be sorted in, each as its sort keys (then the id).
_ORDER_KEYS = {
    "recorded": (),
    "deadline": (_P.deadline.is_(None), _P.deadline),
    "unit": (_U.name,),
    "status": (_ranked(_P.status, PROBLEM_STATUSES),),
    "severity": (_ranked(_P.severity, SEVERITIES),),
}
ORDERS = tuple(_ORDER_KEYS)


def categories(db: Database) -> list[str]:
    """Every category in use, for choosing one."""
    with db.read() as session:
        return list(
            session.scalars(
                select(_P.category).where(_P.category.is_not(None)).distinct().order_by(_P.category)
            )
        )


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
    source: str | None = None,
    category: str | None = None,
    severity: str | None = None,
    today: date | None = None,
    limit: int | None = None,
    offset: int = 0,
    order: str = "recorded",
    descending: bool = False,
) -> list[ProblemView]:
    """Problems of every evaluation, filtered by unit (name or short name), status (or
    ``open``), source, category, severity, overdue, due within N days (both on
    ``today``), and a search query (see ``ledger_search``); in ``order`` (one of
    ``ORDERS``: as recorded by default), a page with limit/offset."""
    today = today or office_today()
    if order not in ORDERS:
        raise ValueError(f"unknown order {order!r}: use one of {', '.join(ORDERS)}")
    filters = {
        "unit": unit,
        "status": status,
        "overdue": overdue,
        "due_within": due_within,
        "search": search,
        "today": today,
        "source": source,
        "category": category,
        "severity": severity,
    }
    with db.read() as session:
        if order == "recorded" and not descending:
            statement, found = _filtered(session, _view_select(), **filters)
            # In the index's rowid order (= problem id) when it is searched: SQLite then
            # walks the index in order and stops at the limit, instead of sorting every
            # match.
            matched = found is not None and found.match is not None
            statement = statement.order_by(ledger_search.search_index.c.rowid if matched else _P.id)
            return [_row_view(row) for row in session.execute(_page(statement, limit, offset))]
        # Sorted otherwise: the page's ids first, sorting only the keys, then its rows by
        # id (sorting whole rows, texts and all, made the last page of 100,000 take 1.5 s).
        source_table = T.problem
        if order == "unit":
            source_table = source_table.join(T.unit, _U.id == _P.unit_id)
        ids_statement, _ = _filtered(session, select(_P.id).select_from(source_table), **filters)
        keys = [*_ORDER_KEYS[order], _P.id]
        ids_statement = ids_statement.order_by(
            *(key.desc() for key in keys) if descending else keys
        )
        ids = list(session.scalars(_page(ids_statement, limit, offset)))
        rows = {
            row.id: _row_view(row) for row in session.execute(_view_select().where(_P.id.in_(ids)))
        }
        return [rows[problem_id] for problem_id in ids]


def _page(statement, limit: int | None, offset: int):
    if limit is not None:
        statement = statement.limit(limit)
    return statement.offset(offset) if offset else statement


def evaluation_problems(
    db: Database,
    evaluation: str | None = None,
    *,
    unit: str | None = None,
    status: str | None = None,
) -> tuple[str, list[ProblemView]]:
    """The name of an evaluation (by name; the current one by default) and its problems,
    in the order they were recorded, filtered by unit and status as ``list_problems``."""
    with db.read() as session:
        found = find_evaluation(session, evaluation)
        where = [_P.evaluation_id == found.id]
        if unit is not None:
            where.append(_P.unit_id == find_unit_id(session, unit))
        if status is not None:
            where.append(_P.status.in_(_status_values(status)))
        rows = session.execute(_view_select().where(*where).order_by(_P.id))
        return found.name, [_row_view(row) for row in rows]


def count_problems(
    db: Database,
    *,
    unit: str | None = None,
    status: str | None = None,
    overdue: bool = False,
    due_within: int | None = None,
    search: str | None = None,
    source: str | None = None,
    category: str | None = None,
    severity: str | None = None,
    today: date | None = None,
) -> int:
    """How many problems ``list_problems`` would return without a limit."""
    today = today or office_today()
    unfiltered = (unit, status, overdue, due_within, source, category, severity)
    with db.read() as session:
        if unfiltered == (None, None, False, None, None, None, None):
            found = _index_only(session, search)
            if found is not None:
                index = ledger_search.search_index
                return session.scalar(
                    select(func.count()).select_from(index).where(found.match_clause())
                )
        statement, _ = _filtered(
            session,
            select(func.count()).select_from(T.problem),
            unit=unit,
            status=status,
            overdue=overdue,
            due_within=due_within,
            search=search,
            today=today,
            source=source,
            category=category,
            severity=severity,
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
            select(_P.id).select_from(T.problem), ledger_search.plan(session, search)
        )
        return list(session.scalars(statement.order_by(_P.id)))


def unit_counts(db: Database, today: date | None = None) -> list[UnitCounts]:
    """Per unit with problems: total, per status, open, overdue, due within 10 and 20
    days, counted in SQL (the same figures as ``facts.count_by_unit``)."""
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
                flag(and_(*overdue_where(_P, today))),
                flag(due[10]),
                flag(due[20]),
            )
            .join_from(T.problem, T.unit, _U.id == _P.unit_id)
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
