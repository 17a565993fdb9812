"""Loading the pilot of the source document into a database, the way an office would.

The pilot (``pilot_data``) is written out as the office's own files (``office_files``:
registry rosters, the duty workbook, the 12345 export, the questionnaires) and read back
by the same import services ``orgeval import`` runs, so header finding, words, dates and
ID numbers are exercised on every demo build. Units, the calendar and the evaluation go
in through their services; the ledger's ten lives are replayed step by step through the
lifecycle service, as the evaluators who took each step on the day they took it
(``clock_at``, ``acting_as``), and the units' and the office's scores are given through
the scoring service the same way (``pilot_scores``). The on-site activities are logged
through the on-site evaluation's services, and their findings linked to the problems they
became.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..domain.actor import acting_as
from ..domain.clock import clock_at
from ..domain.errors import UserError
from ..domain.roles import Role
from ..i18n import t
from ..services import fieldwork, ledger
from ..services.calendar import seed_calendar
from ..services.evaluations import Period, create_evaluation
from ..services.intake.cases import import_cases
from ..services.intake.duties import import_duties
from ..services.intake.roster import import_roster
from ..services.intake.surveys import import_survey
from ..services.units import add_unit, has_units
from ..services.users import add_user
from ..storage.database import Database
from . import pilot_self_reports
from .office_files import OfficeFile, write_office_files
from .pilot_data import PilotData, pilot_data
from .pilot_ledger import CLERK, LEAD, at_office_time
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
    add_team(database, data)
    seed_calendar(database, CALENDAR_YEARS)
    add_evaluation(database, data)
    with _folder(folder) as where:
        files = write_office_files(data, where)
        for office_file in files:
            import_file(database, where, office_file)
    becomes = add_fieldwork(database, data)
    replay_ledger(database, data)
    link_findings(database, becomes)
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


def add_team(database: Database, data: PilotData) -> None:
    """The pilot's evaluators get the evaluator role, so that their steps, scores and
    notes go through the services as theirs; the account loading the demo is its admin."""
    from .pilot_scores import EVALUATORS

    team = {LEAD, CLERK, *EVALUATORS}
    team.update(life.recorder for life in data.problems)
    team.update(step.actor for life in data.problems for step in life.steps)
    team.update(spec.recorder for spec in data.onsite)
    for name in sorted(team):
        add_user(database, name, Role.EVALUATOR)


def replay_ledger(database: Database, data: PilotData) -> None:
    """Each problem recorded, then each step of its life, through the lifecycle service."""
    for life in data.problems:
        with clock_at(life.recorded_at), acting_as(life.recorder):
            problem = ledger.add(database, life.unit, **life.finding)
        for step in life.steps:
            with clock_at(step.at), acting_as(step.actor):
                ledger.apply(database, step.action, [(problem.number, None)], **step.values)


def add_fieldwork(database: Database, data: PilotData) -> dict[int, str]:
    """Each activity logged on its day by its note-taker, with its notes and findings,
    through the on-site evaluation's services; the finding ids by the title of the
    problem each became."""
    becomes: dict[int, str] = {}
    for spec in data.onsite:
        with clock_at(at_office_time(spec.held_on, 17, 30)), acting_as(spec.recorder):
            activity = fieldwork.add_activity(
                database,
                spec.unit,
                spec.kind,
                spec.held_on,
                place=spec.place,
                evaluators="、".join(spec.evaluators),
                people_met=spec.people_met,
                notes=spec.notes,
            )
            for finding in spec.findings:
                added = fieldwork.add_finding(
                    database,
                    activity.id,
                    finding.text,
                    severity=finding.severity,
                    indicators=finding.indicators,
                )
                if finding.problem is not None:
                    becomes[added.id] = finding.problem
    return becomes


def link_findings(database: Database, becomes: dict[int, str]) -> None:
    """Each finding linked to the ledger problem it became, found by its title."""
    numbers = {p.title: p.number for p in ledger.list_problems(database)}
    for finding_id, title in becomes.items():
        with acting_as(LEAD):
            fieldwork.link_finding(database, finding_id, numbers[title])
