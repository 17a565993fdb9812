"""Roster import: the staff on a unit's establishment, from the real-name registry."""

from __future__ import annotations

from sqlalchemy import delete, func, insert, select

from ...db import Database
from ...errors import UserError
from ...i18n import t
from ...ingest import values as v
from ...models import Staff
from ..units import find_unit
from .common import (
    ImportSummary,
    ProblemList,
    ensure_sections,
    locate_table,
    open_source,
    record_import,
)

REQUIRED = ("name",)
OPTIONAL = (
    "gender",
    "birth_date",
    "id_number",
    "education",
    "rank",
    "establishment_kind",
    "section",
)


def _person(row, table, problems: ProblemList) -> dict | None:
    values = row.values
    person: dict = {}
    failed = False

    def parse(field_id, parser, raw):
        nonlocal failed
        try:
            return parser(raw)
        except ValueError as exc:
            problems.add(table, row.number, field_id, str(exc))
            failed = True
            return None

    name = v.clean_name(values.get("name"))
    if not name:
        problems.add(table, row.number, "name", t("intake.required"))
        failed = True
    person["name"] = name

    facts = None
    if values.get("id_number") is not None:
        facts = parse("id_number", v.parse_id_number, values["id_number"])
    birth = None
    if values.get("birth_date") is not None:
        birth = parse("birth_date", v.parse_date, values["birth_date"])
    if facts and birth:
        # 出生年月 (1981.05) names a month: only that much is compared, and the ID
        # number's full date is kept.
        month_only = v.month_only(values["birth_date"])
        derived = facts.birth_date
        if (derived.replace(day=1) if month_only else derived) != birth:
            problems.add(
                table,
                row.number,
                "birth_date",
                t("intake.birth_mismatch", given=birth.isoformat(), derived=derived.isoformat()),
            )
            failed = True
        elif month_only:
            birth = derived
    person["birth_date"] = birth or (facts.birth_date if facts else None)
    if person["birth_date"] is None and not failed:
        problems.add(table, row.number, "birth_date", t("intake.no_birth_date"))
        failed = True

    gender = None
    if values.get("gender") is not None:
        gender = parse("gender", v.parse_gender, values["gender"])
    if facts and gender and facts.gender != gender:
        problems.add(table, row.number, "gender", t("intake.gender_mismatch"))
        failed = True
    person["gender"] = gender or (facts.gender if facts else None)

    education = v.clean_text(values.get("education"))
    person["education"] = education
    person["education_level"] = (
        parse("education", v.parse_education, education) if education else None
    )
    rank = v.clean_text(values.get("rank"))
    person["rank"] = rank
    person["rank_level"] = parse("rank", v.parse_rank, rank) if rank else None
    person["establishment_kind"] = v.clean_text(values.get("establishment_kind"))
    person["section"] = v.clean_name(values.get("section"))
    return None if failed else person


def import_roster(
    db: Database, path, *, unit: str, sheet: str | None = None, dry_run: bool = False
) -> ImportSummary:
    source = open_source(path)
    table = locate_table(source, REQUIRED, OPTIONAL, sheet=sheet)
    if "birth_date" not in table.headers and "id_number" not in table.headers:
        raise UserError(t("intake.roster_needs_birth", file=source.name, sheet=table.sheet))
    with db.read() as session:
        unit_row = find_unit(session, unit)
        unit_id, unit_name = unit_row.id, unit_row.name
        existing = session.scalar(
            select(func.count()).select_from(Staff).where(Staff.unit_id == unit_id)
        )

    problems = ProblemList()
    people = [_person(row, table, problems) for row in table.rows]
    problems.check(source.name)
    if not people:
        raise UserError(t("intake.no_rows", file=source.name, sheet=table.sheet))
    summary = ImportSummary(
        kind="roster",
        file=source.name,
        unit=unit_name,
        rows=len(people),
        replaced=existing,
        dry_run=dry_run,
        details={"sheet": table.sheet, "header_row": table.header_row},
    )
    if dry_run:
        return summary

    with db.write() as session:
        import_id = record_import(session, source, "roster", unit_id, len(people))
        write_roster(session, unit_id, people, import_id)
    return summary


def write_roster(session, unit_id: int, people: list[dict], import_id: int | None) -> None:
    """Replace the unit's staff with ``people`` (dicts of Staff fields plus ``section``)."""
    sections = ensure_sections(session, unit_id, (p["section"] for p in people))
    session.execute(delete(Staff).where(Staff.unit_id == unit_id))
    rows = []
    for person in people:
        row = {k: value for k, value in person.items() if k != "section"}
        row["unit_id"] = unit_id
        row["section_id"] = sections.get(person["section"]) if person["section"] else None
        row["import_id"] = import_id
        rows.append(row)
    if rows:
        session.execute(insert(Staff), rows)
