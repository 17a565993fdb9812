"""Duties import: a unit's duty catalogue and its work log, from one workbook.

The catalogue sheet and the log sheet are told apart by their headers, in any order.
"""

from __future__ import annotations

from operator import itemgetter

from sqlalchemy import Column, Integer, Text, delete, func, insert, literal, select

from ...domain.roles import Need
from ...i18n import t
from ...ingest import values as v
from ...ingest.errors import IngestError
from ...ingest.table import find_table, missing_columns
from ...ingest.text import shown
from ...models import Duty, WorkLogEntry
from ...storage.database import Database
from ...storage.long_write import LongWrite
from ...storage.staging import Stage
from ..access import require
from ..units import find_unit
from .common import (
    ImportSummary,
    ProblemList,
    ensure_sections,
    open_source,
    record_import,
    staged_section_id,
)

CATALOGUE_REQUIRED = ("duty_code", "duty_name", "category")
CATALOGUE_OPTIONAL = ("section",)
LOG_REQUIRED = ("log_date", "name", "duty_code", "hours")
LOG_OPTIONAL = ("times", "section", "duty_name")


def _tables(source):
    catalogue = log = None
    for sheet in source.sheets:
        # The log also names duty codes, so it is recognised first by its own columns.
        if log is None:
            log = find_table(sheet, LOG_REQUIRED, LOG_OPTIONAL, file=source.name)
            if log is not None:
                continue
        if catalogue is None:
            catalogue = find_table(sheet, CATALOGUE_REQUIRED, CATALOGUE_OPTIONAL, file=source.name)
    if catalogue is None:
        raise missing_columns(source.sheets, CATALOGUE_REQUIRED, source.name)
    if log is None:
        raise missing_columns(source.sheets, LOG_REQUIRED, source.name)
    return catalogue, log


def _catalogue(table, problems: ProblemList) -> list[dict]:
    duties, seen = [], {}
    for row in table.rows:
        code = v.clean_text(row.values.get("duty_code"))
        name = v.clean_text(row.values.get("duty_name"))
        ok = True
        if not code:
            problems.add(table, row.number, "duty_code", t("intake.required"))
            ok = False
        elif code in seen:
            problems.add(
                table,
                row.number,
                "duty_code",
                t("intake.duplicate_code", code=shown(code), row=seen[code]),
            )
            ok = False
        if not name:
            problems.add(table, row.number, "duty_name", t("intake.required"))
            ok = False
        try:
            category = v.parse_category(row.values.get("category"))
        except ValueError as exc:
            problems.add(table, row.number, "category", str(exc))
            ok = False
        if ok:
            seen[code] = row.number
            section = v.clean_name(row.values.get("section"))
            duties.append({"code": code, "name": name, "category": category, "section": section})
    return duties


def _log(table, known_codes: dict[str, str | None], problems: ProblemList) -> list[dict]:
    entries = []
    for row in table.rows:
        values = row.values
        ok = True
        try:
            day = v.parse_date(values.get("log_date"))
        except ValueError as exc:
            problems.add(table, row.number, "log_date", str(exc))
            ok = False
        person = v.clean_name(values.get("name"))
        if not person:
            problems.add(table, row.number, "name", t("intake.required"))
            ok = False
        code = v.clean_text(values.get("duty_code"))
        if not code:
            problems.add(table, row.number, "duty_code", t("intake.required"))
            ok = False
        elif code not in known_codes:
            problems.add(table, row.number, "duty_code", t("intake.unknown_duty", code=shown(code)))
            ok = False
        try:
            times = v.parse_count(values.get("times"), default=1)
        except ValueError as exc:
            problems.add(table, row.number, "times", str(exc))
            ok = False
        try:
            hours = v.parse_amount(values.get("hours"))
        except ValueError as exc:
            problems.add(table, row.number, "hours", str(exc))
            ok = False
        if ok:
            section = v.clean_name(values.get("section")) or known_codes[code]
            entries.append(
                {
                    "day": day,
                    "person": person,
                    "duty_code": code,
                    "section": section,
                    "times": times,
                    "hours": hours,
                }
            )
    return entries


def import_duties(db: Database, path, *, unit: str, dry_run: bool = False) -> ImportSummary:
    source = open_source(path)
    catalogue_table, log_table = _tables(source)
    problems = ProblemList()
    duties = _catalogue(catalogue_table, problems)
    entries = _log(log_table, {d["code"]: d["section"] for d in duties}, problems)
    problems.check(source.name)
    if not duties:
        raise IngestError(t("intake.no_rows", file=source.name, sheet=catalogue_table.sheet))

    with db.read() as session:
        unit_row = find_unit(session, unit)
        unit_id, unit_name = unit_row.id, unit_row.name
        replaced = session.scalar(
            select(func.count()).select_from(WorkLogEntry).where(WorkLogEntry.unit_id == unit_id)
        )
    days = [e["day"] for e in entries]
    summary = ImportSummary(
        kind="duties",
        file=source.name,
        unit=unit_name,
        rows=len(entries),
        replaced=replaced,
        dry_run=dry_run,
        tables=(catalogue_table, log_table),
        details={
            "duties": len(duties),
            "entries": len(entries),
            "first_day": min(days).isoformat() if days else None,
            "last_day": max(days).isoformat() if days else None,
        },
    )
    if dry_run:
        return summary

    stage = Stage(db.file)
    staged = stage_entries(stage, entries)
    with db.write_staged(stage, LongWrite("duties", source.name)) as session:
        require(session, Need.CASEWORK, unit_id)
        import_id = record_import(session, source, "duties", unit_id, len(duties) + len(entries))
        write_duties(session, unit_id, duties, entries, staged, import_id)
    return summary


ENTRY_FIELDS = ("person", "day", "times", "hours")


def stage_entries(stage: Stage, entries: list[dict]):
    """The work log as staged rows (with the duty's code and the section's name),
    before the write lock is taken; it is the import's bulk."""
    columns = [
        *(WorkLogEntry.__table__.c[name] for name in ENTRY_FIELDS),
        Column("duty_code", Text),
        Column("section", Text),
    ]
    pick = itemgetter(*ENTRY_FIELDS, "duty_code", "section")
    return stage.add("work_log", columns, [pick(e) for e in entries])


def write_duties(session, unit_id: int, duties, entries, staged, import_id: int | None) -> None:
    """Replace the unit's catalogue and work log. ``duties``: code, name, category,
    section; ``entries`` (for their sections) and ``staged`` (the same, staged): day,
    person, duty_code, section, times, hours."""
    sections = ensure_sections(
        session, unit_id, [d["section"] for d in duties] + [e["section"] for e in entries]
    )
    session.execute(delete(WorkLogEntry).where(WorkLogEntry.unit_id == unit_id))
    session.execute(delete(Duty).where(Duty.unit_id == unit_id))
    session.execute(
        insert(Duty),
        [
            {
                "unit_id": unit_id,
                "code": d["code"],
                "name": d["name"],
                "category": d["category"],
                "section_id": sections.get(d["section"]),
                "import_id": import_id,
            }
            for d in duties
        ],
    )
    duty_id = (
        select(Duty.id)
        .where(Duty.unit_id == unit_id, Duty.code == staged.c.duty_code)
        .scalar_subquery()
    )
    section_id = staged_section_id(unit_id, staged.c.section)
    rows = select(
        literal(unit_id),
        duty_id,
        section_id,
        literal(import_id, Integer),
        *(staged.c[name] for name in ENTRY_FIELDS),
    )
    session.execute(
        insert(WorkLogEntry).from_select(
            ("unit_id", "duty_id", "section_id", "import_id", *ENTRY_FIELDS), rows
        )
    )
