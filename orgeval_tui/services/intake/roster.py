"""Roster import: the staff on a unit's establishment, from the real-name registry."""

from __future__ import annotations

from datetime import date
from operator import itemgetter

from sqlalchemy import Column, Integer, Text, delete, func, insert, literal, select

from ...domain.errors import UserError
from ...domain.roles import Need
from ...i18n import t
from ...ingest import values as v
from ...models import Staff
from ...storage.database import Database
from ...storage.long_write import LongWrite
from ...storage.staging import Stage
from ..access import require
from ..units import find_unit
from .common import (
    ImportSummary,
    ProblemList,
    ensure_sections,
    locate_table,
    open_source,
    record_import,
    staged_section_id,
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


def _categorical(raw, clean, parse=None):
    """(text as stored, level or parsed value); raises ValueError for a bad word."""
    text = clean(raw)
    return text, (parse(text) if parse is not None and text else None)


class _RowChecker:
    """Validates roster rows into Staff fields, gathering every problem.

    Gender, education, rank, kind and section take few distinct values in a roster of
    any size, so each distinct value is parsed once: it keeps a 100,000-row import
    within reach of the time it takes to read the workbook.
    """

    def __init__(self, table, problems: ProblemList):
        self.table, self.problems = table, problems
        self._memo: dict[tuple, tuple[dict, list]] = {}

    def _words(self, raws: tuple) -> tuple[dict, list[tuple[str, str]]]:
        """The Staff fields and the problems of one combination of word columns."""
        hit = self._memo.get(raws)
        if hit is None:
            fields, failures = {}, []
            for (field_id, target, clean, parse), raw in zip(_WORD_FIELDS, raws, strict=True):
                if raw is None:
                    fields[target] = fields[field_id] = None
                    continue
                try:
                    text, parsed = _categorical(raw, clean, parse)
                except ValueError as exc:
                    failures.append((field_id, str(exc)))
                    continue
                fields[field_id] = text
                if parse is not None:
                    fields[target] = parsed
            hit = self._memo[raws] = (fields, failures)
        return hit

    def person(self, row) -> dict | None:
        values, number, problems, table = row.values, row.number, self.problems, self.table
        failed = False

        name = v.clean_name(values.get("name"))
        if not name:
            problems.add(table, number, "name", t("intake.required"))
            failed = True

        facts = birth = None
        raw_id = values.get("id_number")
        if raw_id is not None:
            try:
                facts = v.parse_id_number(raw_id)
            except ValueError as exc:
                problems.add(table, number, "id_number", str(exc))
                failed = True
        raw_birth = values.get("birth_date")
        if raw_birth is not None:
            try:
                birth = v.parse_date(raw_birth)
            except ValueError as exc:
                problems.add(table, number, "birth_date", str(exc))
                failed = True
        if facts is not None and birth is not None:
            # 出生年月 (1981.05) names a month: only that much is compared, and the ID
            # number's full date is kept.
            month_only = type(raw_birth) is not date and v.month_only(raw_birth)
            derived = facts.birth_date
            if (derived.replace(day=1) if month_only else derived) != birth:
                given, found = birth.isoformat(), derived.isoformat()
                problems.add(
                    table,
                    number,
                    "birth_date",
                    t("intake.birth_mismatch", given=given, derived=found),
                )
                failed = True
            birth = derived
        birth = birth or (facts.birth_date if facts is not None else None)
        if birth is None and not failed:
            problems.add(table, number, "birth_date", t("intake.no_birth_date"))
            failed = True

        fields, failures = self._words(tuple(map(values.get, _WORD_COLUMNS)))
        person = fields.copy()
        person["name"], person["birth_date"] = name, birth
        for field_id, message in failures:
            problems.add(table, number, field_id, message)
            failed = True

        gender = person.get("gender")
        if facts is not None:
            if gender is not None and gender != facts.gender:
                problems.add(table, number, "gender", t("intake.gender_mismatch"))
                failed = True
            person["gender"] = gender or facts.gender
        return None if failed else person


# (column, Staff field for the parsed value, cleaner, parser)
_WORD_FIELDS = (
    ("gender", "gender", v.clean_text, v.parse_gender),
    ("education", "education_level", v.clean_text, v.parse_education),
    ("rank", "rank_level", v.clean_text, v.parse_rank),
    ("establishment_kind", "establishment_kind", v.clean_text, None),
    ("section", "section", v.clean_name, None),
)
_WORD_COLUMNS = tuple(spec[0] for spec in _WORD_FIELDS)


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
    checker = _RowChecker(table, problems)
    people = [checker.person(row) for row in table.rows]
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
        tables=(table,),
        details={"sheet": table.sheet, "header_row": table.header_row},
    )
    if dry_run:
        return summary

    stage = Stage(db.file)
    staged = stage_roster(stage, people)
    with db.write_staged(stage, LongWrite("roster", source.name)) as session:
        require(session, Need.CASEWORK, unit_id)
        import_id = record_import(session, source, "roster", unit_id, len(people))
        write_roster(session, unit_id, staged, {p["section"] for p in people}, import_id)
    return summary


STAFF_FIELDS = (
    "name",
    "gender",
    "birth_date",
    "education",
    "education_level",
    "rank",
    "rank_level",
    "establishment_kind",
)


def stage_roster(stage: Stage, people: list[dict]):
    """The people as staged rows (Staff fields and the section's name), before the
    write lock is taken."""
    columns = [*(Staff.__table__.c[name] for name in STAFF_FIELDS), Column("section", Text)]
    pick = itemgetter(*STAFF_FIELDS, "section")
    return stage.add("staff", columns, [pick(p) for p in people])


def write_roster(session, unit_id: int, staged, section_names, import_id: int | None) -> None:
    """Replace the unit's staff with the ``staged`` people, in one statement."""
    ensure_sections(session, unit_id, section_names)
    session.execute(delete(Staff).where(Staff.unit_id == unit_id))
    section_id = staged_section_id(unit_id, staged.c.section)
    rows = select(
        literal(unit_id),
        section_id,
        literal(import_id, Integer),
        *(staged.c[name] for name in STAFF_FIELDS),
    )
    session.execute(
        insert(Staff).from_select(("unit_id", "section_id", "import_id", *STAFF_FIELDS), rows)
    )
