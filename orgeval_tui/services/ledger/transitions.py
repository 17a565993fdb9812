"""The steps of a problem's life (``lifecycle.STEPS``), each one write transaction.

Each step changes the problem through the ORM (so the audit trail and the version column
see it) and appends a ``ProblemEvent`` (who, when, from → to, why, the values set as
JSON):

=============  ==========================================================
step           what it records
=============  ==========================================================
``feedback``   the day the problem was sent to the unit
``plan``       measures, the person responsible, the deadline
``report``     the report's text and/or its file's name and SHA-256, the day
``verify``     look-back passed: verifier (who acts), day, note; struck off
``reopen``     look-back failed: the reason; a strike-off is cleared
``extend``     the old and the new deadline, the reason
``withdraw``   the reason and the day; the problem stays listed
=============  ==========================================================

``extend`` is allowed only while rectifying: that is when the unit works against its
deadline (before ``plan`` there is none; once reported the deadline no longer runs), and
the new deadline must be later than the current one. A deadline is never before the day
the problem was fed back (``lifecycle.deadline_refusal``); one already past is set only
when confirmed (``past_deadline``). A step's day is never after today nor before the day
of the step it follows (``lifecycle.day_problems``). Anything else is refused with a
message naming the problem's state and what it allows (``refusals``). Nothing is ever
deleted.

Who acts and when come from ``domain.actor`` and ``domain.clock`` (``acting_as`` and
``clock_at`` set them for a replay); a step's day defaults to the office's today.

Every step takes ``expected_version``: the version the caller showed its user. If the
problem has moved on since, the change is refused with a ``ConflictError`` naming who
changed it, when and what (the audit trail), whose ``retry_with`` applies the same
change on top of the version it names, should the user choose to; a concurrent write
between our read and our update is caught the same way by the version column.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.actor import current_actor
from ...domain.clock import office_today, utcnow
from ...domain.errors import ConflictError, NotFound, UserError
from ...domain.roles import Need
from ...i18n import t
from ...i18n.os_errors import os_reason
from ...storage import audit
from ...storage.database import Database
from ..access import require
from ..evaluations import current_evaluation
from .lifecycle import STEPS, deadline_refusal
from .refusals import confirm_deadline, refuse_day, refuse_step
from .views import ProblemView, jsonable, problem_view
from .words import optional_text, required_text

if TYPE_CHECKING:
    from ...models import Problem


def find_problem(session: Session, number: str) -> Problem:
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


def record_event(session, problem, action, from_status, to_status, *, reason=None, detail=None):
    from ...models import ProblemEvent

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
                {k: jsonable(v) for k, v in (detail or {}).items()}, ensure_ascii=False
            ),
        )
    )


# Each step is a builder: it checks the values it is given and returns the change, a
# function applied to one problem (it sets the problem's fields and returns the reason
# and the values recorded). ``apply`` runs one change over one or many problems in one
# write transaction, moving each to the state ``lifecycle.STEPS`` names, with an event
# for each.


def _feedback(on: date | None = None):
    """Sent to the unit (反馈) on ``on`` (default today)."""
    day = on or office_today()

    def change(problem):
        refuse_day(problem, "feedback", day)
        problem.fed_back_on = day
        return None, {"fed_back_on": day}

    return change


def _plan(measures: str, responsible: str, deadline: date, past_deadline: bool = False):
    """The unit's rectification plan: measures, the person responsible, the deadline
    (one already past only with ``past_deadline``, the user's confirmation)."""
    measures = required_text(measures, "measures")
    responsible = required_text(responsible, "responsible")
    if deadline is None:
        raise UserError(t("ledger.empty", field=t("ledger.field.deadline")))

    def change(problem):
        refusal = deadline_refusal(deadline, problem.fed_back_on)
        if refusal is not None:
            raise UserError(refusal)
        confirm_deadline(deadline, past_deadline)
        problem.measures, problem.responsible, problem.deadline = measures, responsible, deadline
        return None, {"measures": measures, "responsible": responsible, "deadline": deadline}

    return change


def file_digest(path: str | Path) -> tuple[str, str]:
    """A report file's name and SHA-256; the content itself is never stored."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            digest = hashlib.file_digest(handle, "sha256")
    except OSError as exc:
        raise UserError(t("ledger.bad_file", path=str(path), reason=os_reason(exc))) from exc
    return path.name, digest.hexdigest()


def _report(text: str | None = None, file: str | Path | None = None, on: date | None = None):
    """The unit's written rectification report: its text, a file (name and SHA-256), or
    both; received on ``on`` (default today)."""
    text = optional_text(text, "report_text")
    file_name, file_hash = file_digest(file) if file is not None else (None, None)
    if text is None and file_name is None:
        raise UserError(t("ledger.report_empty"))
    day = on or office_today()

    def change(problem):
        refuse_day(problem, "report", day)
        problem.report_text = text
        problem.report_file_name, problem.report_file_hash = file_name, file_hash
        problem.reported_on = day
        detail = {"report_text": text, "reported_on": day}
        if file_name is not None:
            detail.update(report_file_name=file_name, report_file_hash=file_hash)
        return None, detail

    return change


def _verify(note: str, on: date | None = None):
    """The look-back (回头看) found the rectification done: struck off (销号)."""
    note = required_text(note, "verify_note")
    day = on or office_today()

    def change(problem):
        refuse_day(problem, "verify", day)
        problem.verifier, problem.verified_on, problem.verify_note = current_actor(), day, note
        return None, {"verifier": problem.verifier, "verified_on": day, "verify_note": note}

    return change


def _reopen(reason: str, on: date | None = None):
    """The look-back found it not done: back to rectifying, with the reason. Reopening a
    closed problem clears its strike-off (kept in the events and the audit trail)."""
    reason = required_text(reason, "reason")
    day = on or office_today()

    def change(problem):
        refuse_day(problem, "reopen", day)
        detail = {"verifier": current_actor(), "verified_on": day}
        if problem.status == "closed":
            detail["struck_off"] = {
                "verifier": problem.verifier,
                "verified_on": problem.verified_on,
                "verify_note": problem.verify_note,
            }
            detail["struck_off"] = {k: jsonable(v) for k, v in detail["struck_off"].items()}
            problem.verifier = problem.verified_on = problem.verify_note = None
        return reason, detail

    return change


def _extend(deadline: date, reason: str, past_deadline: bool = False):
    """A deadline extension (申请延期): the old and the new deadline and the reason (a new
    deadline already past only with ``past_deadline``)."""
    reason = required_text(reason, "reason")
    if deadline is None:
        raise UserError(t("ledger.empty", field=t("ledger.field.deadline")))

    def change(problem):
        old = problem.deadline
        if old is not None and deadline <= old:
            raise UserError(
                t("ledger.not_later", deadline=deadline.isoformat(), old=old.isoformat())
            )
        confirm_deadline(deadline, past_deadline)
        problem.deadline = deadline
        return reason, {"deadline": deadline, "old_deadline": old}

    return change


def _withdraw(reason: str, on: date | None = None):
    """A problem recorded by mistake: withdrawn with the reason, never deleted."""
    reason = required_text(reason, "reason")
    day = on or office_today()

    def change(problem):
        refuse_day(problem, "withdraw", day)
        problem.withdraw_reason, problem.withdrawn_on = reason, day
        return reason, {"withdraw_reason": reason, "withdrawn_on": day}

    return change


BUILDERS = {
    "feedback": _feedback,
    "plan": _plan,
    "report": _report,
    "verify": _verify,
    "reopen": _reopen,
    "extend": _extend,
    "withdraw": _withdraw,
}


def apply(
    db: Database,
    action: str,
    targets: list[tuple[str, int | None]],
    *,
    accepted_versions: dict[str, int] | None = None,
    **values,
) -> list[ProblemView]:
    """One transition over every problem in ``targets`` (number, and the version its
    user saw, or None): all of them in one write transaction, each with its own event,
    or none of them. A problem whose state does not allow it, or that someone changed
    since (its version), refuses the whole batch, naming it. ``accepted_versions``
    (number → version) are newer versions the user has seen in a conflict and chosen to
    apply the change on top of; the conflict's ``retry_with`` gives them."""
    if not targets:
        return []
    from ...models import Unit

    accepted = dict(accepted_versions or {})
    change = BUILDERS[action](**values)
    with db.write() as session:
        views = []
        for number, expected_version in targets:
            problem = find_problem(session, number)
            require(session, Need.CASEWORK, problem.unit_id)
            seen = accepted.get(problem.number, expected_version)
            if seen is not None and problem.version != seen:
                raise ConflictError(
                    audit.conflict_message(session, type(problem), (problem.id,), problem),
                    retry_with={"accepted_versions": {**accepted, problem.number: problem.version}},
                )
            refuse_step(problem, action)
            before = problem.status
            reason, detail = change(problem)
            to_status = STEPS[action].target or before
            problem.status = to_status
            record_event(session, problem, action, before, to_status, reason=reason, detail=detail)
            session.flush()
            views.append(problem_view(problem, session.get(Unit, problem.unit_id)))
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
    past_deadline: bool = False,
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
        past_deadline=past_deadline,
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
    past_deadline: bool = False,
    expected_version: int | None = None,
) -> ProblemView:
    return _one(
        db,
        "extend",
        number,
        expected_version,
        deadline=deadline,
        reason=reason,
        past_deadline=past_deadline,
    )


def withdraw(
    db: Database,
    number: str,
    reason: str,
    on: date | None = None,
    *,
    expected_version: int | None = None,
) -> ProblemView:
    return _one(db, "withdraw", number, expected_version, reason=reason, on=on)
