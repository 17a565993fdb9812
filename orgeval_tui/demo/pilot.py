"""Loading the pilot of the source document into a database, the way an office would.

The pilot (``pilot_data``) is written out as the office's own files (``office_files``:
registry rosters, the duty workbook, the 12345 export, the questionnaires) and read back
by the same import services ``orgeval import`` runs, so header finding, words, dates and
ID numbers are exercised on every demo build. Units, the calendar and the evaluation go
in through their services; the ledger's ten lives are replayed step by step through the
lifecycle service, as the evaluators who took each step on the day they took it
(``clock_at``, ``acting_as``), and the units' and the office's scores are given through
the scoring service the same way (``pilot_scores``). On-site activities have no import
yet and are written directly.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import select

from ..domain.actor import acting_as
from ..domain.clock import clock_at
from ..domain.errors import UserError
from ..i18n import t
from ..models import Finding, OnsiteActivity, Unit
from ..services import ledger
from ..services.calendar import seed_calendar
from ..services.evaluations import Period, create_evaluation, current_evaluation
from ..services.intake.cases import import_cases
from ..services.intake.duties import import_duties
from ..services.intake.roster import import_roster
from ..services.intake.surveys import import_survey
from ..services.units import add_unit, has_units
from ..storage.database import Database
from . import pilot_self_reports
from .office_files import OfficeFile, write_office_files
from .pilot_data import PilotData, pilot_data
from .pilot_scores import score_pilot

IMPORTS = {
    "roster": import_roster,
    "duties": import_duties,
    "cases": import_cases,
    "survey": import_survey,
    "selfreport": pilot_self_reports.import_received,
}
CALENDAR_YEARS = [2020, 2021]


def load_pilot(database: Database, folder: Path | None = None) -> list[OfficeFile]:
    """Load the pilot into an empty database, its files written into ``folder`` (kept)
    or a temporary folder (removed); returns the files in the order they were imported.
    A database with units is refused: the pilot is loaded whole or not at all."""
    if has_units(database):
        raise UserError(t("demo.not_empty", url=database.display_url))
    data = pilot_data()
    add_units(database, data)
    seed_calendar(database, CALENDAR_YEARS)
    add_evaluation(database, data)
    with _folder(folder) as where:
        files = write_office_files(data, where)
        for office_file in files:
            import_file(database, where, office_file)
    _add_fieldwork(database, data)
    replay_ledger(database, data)
    score_pilot(database, evaluated_units(data))
    return files


@contextmanager
def _folder(folder: Path | None) -> Iterator[Path]:
    if folder is not None:
        yield folder
        return
    with tempfile.TemporaryDirectory(prefix="orgeval-pilot-") as temporary:
        yield Path(temporary)


def add_units(database: Database, data: PilotData) -> None:
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


def evaluated_units(data: PilotData) -> list[str]:
    return [unit["name"] for unit in data.units if unit.get("evaluated")]


def add_evaluation(database: Database, data: PilotData) -> None:
    """The pilot's evaluation, with the default rubric (``create_evaluation`` installs it)."""
    spec = data.evaluation
    create_evaluation(
        database,
        spec["name"],
        spec["reference_date"],
        number_prefix=spec["number_prefix"],
        periods=[Period(*period) for period in spec["periods"]],
        units=evaluated_units(data),
    )


def import_file(database: Database, folder: Path, office_file: OfficeFile):
    """One file through its import service, as `orgeval import KIND FILE ...` runs it;
    the import's summary."""
    return IMPORTS[office_file.kind](database, folder / office_file.name, **office_file.options)


def replay_ledger(database: Database, data: PilotData) -> None:
    """Each problem recorded, then each step of its life, through the lifecycle service."""
    for life in data.problems:
        with clock_at(life.recorded_at), acting_as(life.recorder):
            problem = ledger.add(database, life.unit, **life.finding)
        for step in life.steps:
            with clock_at(step.at), acting_as(step.actor):
                ledger.apply(database, step.action, [(problem.number, None)], **step.values)


def _add_fieldwork(database: Database, data: PilotData) -> None:
    with database.write() as session:
        evaluation_id = current_evaluation(session).id
        unit_ids = dict(session.execute(select(Unit.name, Unit.id)).all())
        for spec in data.onsite:
            activity = OnsiteActivity(
                evaluation_id=evaluation_id,
                unit_id=unit_ids[spec["unit"]],
                kind=spec["kind"],
                held_on=spec["held_on"],
                evaluators=spec.get("participants"),
                notes=spec.get("summary", ""),
            )
            session.add(activity)
            session.flush()
            session.add_all(
                Finding(activity_id=activity.id, text=f["text"], severity=f.get("severity"))
                for f in spec.get("findings", [])
            )
