"""On-site activities: recording one, listing a unit's, reading one with its files and
findings, editing its particulars, saving its notes and attaching files.

Every write but the draft's goes through the ORM, so the audit trail records it; an
activity's version guards its notes against a save made meanwhile by someone else."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...domain.actor import current_actor
from ...domain.errors import ConflictError, NotFound, UserError
from ...domain.roles import Need
from ...i18n import t
from ...storage.database import Database
from ..access import require
from ..evaluations import find_evaluation, in_evaluation
from ..units import find_unit, find_unit_id
from .drafts import clear_draft
from .outlines import outline_in
from .views import ActivityDetail, ActivityRow, FileView, PersonMet
from .words import bounded, kind_of, person_met

NOTES_LIMIT = 200_000


def _people_json(people: Iterable[PersonMet | str]) -> str | None:
    met = [p if isinstance(p, PersonMet) else person_met(p) for p in people]
    return json.dumps([p.to_json() for p in met], ensure_ascii=False) if met else None


def _people(value: str | None) -> tuple[PersonMet, ...]:
    return tuple(PersonMet(p["role"], p.get("name")) for p in json.loads(value or "[]"))


def checked_notes(notes: str | None) -> str:
    notes = notes or ""
    if len(notes) > NOTES_LIMIT:
        raise UserError(t("fieldwork.notes_too_long", limit=NOTES_LIMIT, length=len(notes)))
    return notes


def add_activity(
    db: Database,
    unit: str,
    kind: str,
    held_on: date,
    *,
    place: str | None = None,
    evaluators: str | None = None,
    people_met: Iterable[PersonMet | str] = (),
    notes: str | None = None,
    evaluation: str | None = None,
) -> ActivityDetail:
    """Record an activity of the current evaluation (unless ``evaluation`` names one)."""
    from ...models import OnsiteActivity

    values = {
        "kind": kind_of(kind),
        "held_on": held_on,
        "place": bounded(place, "place"),
        "evaluators": bounded(evaluators, "evaluators") or current_actor(),
        "people_met": _people_json(people_met),
        "notes": checked_notes(notes),
    }
    with db.write() as session:
        found = find_evaluation(session, evaluation)
        unit_row = find_unit(session, unit)
        require(session, Need.CASEWORK, unit_row.id)
        activity = OnsiteActivity(
            evaluation_id=found.id, unit_id=unit_row.id, created_by=current_actor(), **values
        )
        session.add(activity)
        session.flush()
        activity_id = activity.id
    return activity_detail(db, activity_id)


def list_activities(
    db: Database, unit: str | None = None, evaluation: str | None = None
) -> list[ActivityRow]:
    """The evaluation's activities (one unit's when named), by date."""
    from ...models import Finding, OnsiteActivity, Unit

    a = OnsiteActivity
    findings = (
        select(func.count()).select_from(Finding).where(Finding.activity_id == a.id)
    ).scalar_subquery()
    with db.read() as session:
        found = find_evaluation(session, evaluation)
        statement = (
            select(a, Unit.name, findings)
            .join(Unit, Unit.id == a.unit_id)
            .where(in_evaluation(a.evaluation_id, found.id))
            .order_by(a.held_on, a.id)
        )
        if unit is not None:
            statement = statement.where(a.unit_id == find_unit_id(session, unit))
        return [
            ActivityRow(
                id=row.id,
                unit=name,
                kind=row.kind,
                held_on=row.held_on,
                place=row.place,
                evaluators=row.evaluators,
                findings=count,
                has_draft=row.draft is not None,
            )
            for row, name, count in session.execute(statement)
        ]


def load_activity(session: Session, activity_id: int):
    from ...models import OnsiteActivity

    activity = session.get(OnsiteActivity, activity_id)
    if activity is None:
        raise NotFound(t("fieldwork.no_activity", id=activity_id))
    return activity


def detail_in(session: Session, activity_id: int) -> ActivityDetail:
    from ...models import ActivityFile, Unit
    from .findings import findings_of

    activity = load_activity(session, activity_id)
    unit = session.get(Unit, activity.unit_id)
    files = session.scalars(
        select(ActivityFile)
        .where(ActivityFile.activity_id == activity_id)
        .order_by(ActivityFile.id)
    )
    return ActivityDetail(
        id=activity.id,
        unit=unit.name,
        unit_id=unit.id,
        evaluation_id=activity.evaluation_id,
        kind=activity.kind,
        held_on=activity.held_on,
        place=activity.place,
        evaluators=activity.evaluators,
        people_met=_people(activity.people_met),
        notes=activity.notes,
        draft=activity.draft,
        draft_saved_at=activity.draft_saved_at,
        draft_by=activity.draft_by,
        files=tuple(
            FileView(f.id, f.path, f.sha256, f.size, f.added_by, f.added_at) for f in files
        ),
        findings=tuple(findings_of(session, [activity_id])),
        outline=outline_in(session, activity.evaluation_id, activity.kind),
        created_by=activity.created_by,
        version=activity.version,
    )


def activity_detail(db: Database, activity_id: int) -> ActivityDetail:
    with db.read() as session:
        return detail_in(session, activity_id)


def _check_version(activity, expected_version: int | None) -> None:
    if expected_version is not None and activity.version != expected_version:
        raise ConflictError(t("fieldwork.changed_meanwhile", id=activity.id))


def save_notes(
    db: Database, activity_id: int, notes: str, expected_version: int | None = None
) -> ActivityDetail:
    """The notes as typed become the activity's notes; the draft is done with.
    ``expected_version``: the version the editor opened (a save made meanwhile by
    someone else is refused, and the typed notes stay in the draft)."""
    notes = checked_notes(notes)
    with db.write() as session:
        activity = load_activity(session, activity_id)
        require(session, Need.CASEWORK, activity.unit_id)
        _check_version(activity, expected_version)
        if activity.notes != notes:
            activity.notes = notes
        session.flush()
        clear_draft(session, activity_id)
    return activity_detail(db, activity_id)


def edit_activity(
    db: Database,
    activity_id: int,
    *,
    expected_version: int | None = None,
    kind: str | None = None,
    held_on: date | None = None,
    place: str | None = None,
    evaluators: str | None = None,
    people_met: Iterable[PersonMet | str] | None = None,
) -> ActivityDetail:
    """Correct an activity's particulars; only those given change (an empty place or
    list of people clears it)."""
    changes: dict = {}
    if kind is not None:
        changes["kind"] = kind_of(kind)
    if held_on is not None:
        changes["held_on"] = held_on
    if place is not None:
        changes["place"] = bounded(place, "place")
    if evaluators is not None:
        changes["evaluators"] = bounded(evaluators, "evaluators")
    if people_met is not None:
        changes["people_met"] = _people_json(people_met)
    with db.write() as session:
        activity = load_activity(session, activity_id)
        require(session, Need.CASEWORK, activity.unit_id)
        _check_version(activity, expected_version)
        for field, value in changes.items():
            if getattr(activity, field) != value:
                setattr(activity, field, value)
    return activity_detail(db, activity_id)
