"""Loading the pilot of the source document into a database.

The data (`pilot_data`) reproduces every figure of DOMAIN.md; it goes in through the
same writers as the office's imports, so the figures come out through the same path.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import select

from ..domain.clock import office_tz
from ..models import (
    Evaluation,
    EvaluationPeriod,
    EvaluationUnit,
    Finding,
    OnsiteActivity,
    Problem,
    ProblemEvent,
    Unit,
)
from ..services.calendar import seed_calendar
from ..services.intake.cases import write_cases
from ..services.intake.common import SourceFile, ensure_sections, record_import
from ..services.intake.duties import write_duties
from ..services.intake.roster import STAFF_FIELDS, write_roster
from ..services.intake.surveys import write_survey
from ..services.units import add_unit
from ..storage.database import Database
from .pilot_data import PilotData, pilot_data

PROBLEM_FIELDS = (
    "number",
    "source",
    "category",
    "title",
    "description",
    "recommendation",
    "severity",
    "status",
    "fed_back_on",
    "measures",
    "responsible",
    "deadline",
    "report_text",
    "reported_on",
    "verifier",
    "verified_on",
    "verify_note",
    "created_at",
)


def load_pilot(database: Database) -> bool:
    """Load the pilot into an empty database; a database with units is left alone."""
    with database.read() as session:
        if session.scalars(select(Unit.id).limit(1)).first() is not None:
            return False
    data = pilot_data()
    _add_units(database, data)
    seed_calendar(database, [2020, 2021])
    with database.write() as session:
        unit_ids = dict(session.execute(select(Unit.name, Unit.id)).all())
        evaluation_id = _add_evaluation(session, data, unit_ids)
        source = SourceFile(Path("pilot"), "pilot-demo", _digest(data), [])
        import_id = record_import(session, source, "demo", None, 0, note=data.evaluation["name"])
        _add_casework_data(session, data, unit_ids, import_id)
        _add_fieldwork(session, data, unit_ids, evaluation_id)
        _add_problems(session, data, unit_ids, evaluation_id)
    return True


def _digest(data: PilotData) -> str:
    return hashlib.sha256(repr(data.evaluation).encode()).hexdigest()


def _add_units(database: Database, data: PilotData) -> None:
    for unit in data.units:
        add_unit(
            database,
            unit["name"],
            short_name=unit.get("short_name"),
            parent=unit.get("parent"),
            kind=unit["kind"],
            quota_admin=unit.get("quota_admin", 0),
            quota_public=unit.get("quota_public", 0),
            quota_service=unit.get("quota_service", 0),
            quota_leaders=unit.get("quota_leaders", 0),
        )


def _add_evaluation(session, data: PilotData, unit_ids) -> int:
    spec = data.evaluation
    evaluation = Evaluation(
        name=spec["name"],
        reference_date=spec["reference_date"],
        number_prefix=spec["number_prefix"],
    )
    session.add(evaluation)
    session.flush()
    for label, start, end in spec["periods"]:
        session.add(
            EvaluationPeriod(evaluation_id=evaluation.id, label=label, start=start, end=end)
        )
    for unit in data.units:
        if unit.get("evaluated"):
            session.add(EvaluationUnit(evaluation_id=evaluation.id, unit_id=unit_ids[unit["name"]]))
    session.flush()
    return evaluation.id


def _add_casework_data(session, data: PilotData, unit_ids, import_id) -> None:
    for unit, names in data.sections.items():
        ensure_sections(session, unit_ids[unit], names)
    for unit, people in data.staff.items():
        rows = [{f: person.get(f) for f in (*STAFF_FIELDS, "section")} for person in people]
        write_roster(session, unit_ids[unit], rows, import_id)
    for unit, duties in data.duties.items():
        write_duties(session, unit_ids[unit], duties, data.work_log.get(unit, []), import_id)
    tz = office_tz()
    by_channel: dict[str, list[dict]] = {}
    for case in data.cases:
        by_channel.setdefault(case["channel"], []).append(
            {
                "case_no": case["case_no"],
                "unit_name": case["unit_name"],
                "unit_id": unit_ids.get(case["unit_name"]),
                "received_on": case["received_at"].date(),
                "received_at": case["received_at"].replace(tzinfo=tz),
                "deadline_at": _aware(case.get("deadline_at"), tz),
                "closed_at": _aware(case.get("closed_at"), tz),
                "rating": case.get("rating"),
            }
        )
    for channel, cases in by_channel.items():
        write_cases(session, channel, cases, import_id)
    for kind, survey in (("peer", data.peer_survey), ("staff", data.staff_survey)):
        items = survey["items"]
        maxima = {number: float(top) for number, _, top in items}
        texts = {number: text for number, text, _ in items}
        responses = [
            {
                "code": r["code"],
                "respondent": r.get("respondent"),
                "unit_id": unit_ids[r["unit"]],
                "scores": {
                    number: float(s) for (number, _, _), s in zip(items, r["scores"], strict=True)
                },
            }
            for r in survey["responses"]
        ]
        write_survey(session, kind, maxima, responses, import_id, texts)


def _aware(value, tz):
    return value.replace(tzinfo=tz) if value is not None else None


def _add_fieldwork(session, data: PilotData, unit_ids, evaluation_id) -> None:
    for spec in data.onsite:
        activity = OnsiteActivity(
            evaluation_id=evaluation_id,
            unit_id=unit_ids[spec["unit"]],
            kind=spec["kind"],
            held_on=spec["held_on"],
            participants=spec.get("participants"),
            summary=spec.get("summary", ""),
        )
        session.add(activity)
        session.flush()
        for finding in spec.get("findings", []):
            session.add(
                Finding(
                    activity_id=activity.id, text=finding["text"], severity=finding.get("severity")
                )
            )
    session.flush()


def _add_problems(session, data: PilotData, unit_ids, evaluation_id) -> None:
    import json

    for spec in data.problems:
        problem = Problem(
            evaluation_id=evaluation_id,
            unit_id=unit_ids[spec["unit"]],
            **{f: spec.get(f) for f in PROBLEM_FIELDS if spec.get(f) is not None},
        )
        session.add(problem)
        session.flush()
        for event in spec.get("events", []):
            session.add(
                ProblemEvent(
                    problem_id=problem.id,
                    action=event["action"],
                    from_status=event.get("from_status"),
                    to_status=event["to_status"],
                    actor=event["actor"],
                    at=event["at"],
                    reason=event.get("reason"),
                    detail=json.dumps(event.get("detail") or {}, ensure_ascii=False, default=str),
                )
            )
    session.flush()
