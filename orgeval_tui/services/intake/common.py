"""What every import shares: the refusal with every bad row, the summary, the record."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import insert

from ...domain.actor import current_actor
from ...domain.clock import utcnow
from ...domain.errors import UserError
from ...i18n import t
from ...ingest.errors import IngestError, RowProblem
from ...ingest.table import Table, find_table, missing_columns
from ...ingest.workbook import Sheet, read_workbook
from ...models import ImportRecord

MAX_LISTED_PROBLEMS = 200


class ImportRefused(UserError):
    """The file was not imported because of the rows listed; nothing was written."""

    def __init__(self, file: str, problems: list[RowProblem]):
        self.file = file
        self.problems = sorted(problems)
        listed = [str(p) for p in self.problems[:MAX_LISTED_PROBLEMS]]
        if len(self.problems) > MAX_LISTED_PROBLEMS:
            listed.append(t("intake.more_problems", count=len(self.problems) - MAX_LISTED_PROBLEMS))
        header = t("intake.refused", file=file, count=len(self.problems))
        super().__init__("\n".join([header, *listed]))


@dataclass(frozen=True)
class ColumnUse:
    """Which columns of one sheet an import read and which it left aside, as written."""

    sheet: str
    used: tuple[str, ...]
    ignored: tuple[str, ...]

    @classmethod
    def of(cls, table: Table) -> ColumnUse:
        return cls(table.sheet, table.used, table.ignored)

    def to_json(self) -> dict:
        return {"sheet": self.sheet, "used": list(self.used), "ignored": list(self.ignored)}


@dataclass
class ImportSummary:
    kind: str
    file: str
    unit: str | None
    rows: int
    replaced: int = 0
    skipped: int = 0
    dry_run: bool = False
    details: dict = field(default_factory=dict)
    # Every import says which columns it read: a column it did not know is not lost
    # without a word (the tables it read, in the order read).
    tables: tuple[Table, ...] = ()

    @property
    def columns(self) -> tuple[ColumnUse, ...]:
        return tuple(ColumnUse.of(table) for table in self.tables)

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "file": self.file,
            "unit": self.unit,
            "rows": self.rows,
            "replaced": self.replaced,
            "skipped": self.skipped,
            "dry_run": self.dry_run,
            **self.details,
            "columns": [use.to_json() for use in self.columns],
        }


@dataclass(frozen=True)
class SourceFile:
    path: Path
    name: str
    digest: str
    sheets: list[Sheet]


def open_source(path: str | Path) -> SourceFile:
    path = Path(path)
    sheets = read_workbook(path)
    return SourceFile(path=path, name=path.name, digest=_sha256(path), sheets=sheets)


def _sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def locate_table(
    source: SourceFile,
    required,
    optional=(),
    *,
    sheet: str | None = None,
    items: bool = False,
) -> Table:
    """The first sheet (or the named one) whose header names the required columns."""
    sheets = source.sheets
    if sheet is not None:
        sheets = [s for s in source.sheets if s.name == sheet]
        if not sheets:
            names = "、".join(s.name for s in source.sheets)
            raise IngestError(t("intake.no_sheet", file=source.name, sheet=sheet, sheets=names))
    for candidate in sheets:
        table = find_table(candidate, required, optional, file=source.name, items=items)
        if table is not None:
            return table
    raise missing_columns(sheets, required, source.name)


class ProblemList:
    """Row problems of one file, gathered before anything is written."""

    def __init__(self) -> None:
        self.items: list[RowProblem] = []

    def add(self, table: Table, row_number: int | None, field_id: str | None, message: str):
        header = table.headers.get(field_id, field_id) if field_id else None
        self.items.append(RowProblem(table.sheet, row_number, header, message))

    def check(self, file: str) -> None:
        if self.items:
            raise ImportRefused(file, self.items)


def record_import(
    session, source: SourceFile, kind: str, unit_id: int | None, rows: int, skipped=0, note=None
) -> int:
    """The trace of one import (bulk rows bypass the audit trail; this is their record)."""
    record = ImportRecord(
        kind=kind,
        unit_id=unit_id,
        file_name=source.name,
        file_hash=source.digest,
        rows=rows,
        skipped=skipped,
        actor=current_actor(),
        at=utcnow(),
        note=note,
    )
    session.add(record)
    session.flush()
    return record.id


def ensure_sections(session, unit_id: int, names) -> dict[str, int]:
    """Section name → id for the unit, creating the sections a file names."""
    from sqlalchemy import select

    from ...models import Section

    existing = dict(
        session.execute(select(Section.name, Section.id).where(Section.unit_id == unit_id)).all()
    )
    new = sorted({n for n in names if n and n not in existing})
    if new:
        session.execute(insert(Section), [{"unit_id": unit_id, "name": n} for n in new])
        existing = dict(
            session.execute(
                select(Section.name, Section.id).where(Section.unit_id == unit_id)
            ).all()
        )
    return existing


def staged_section_id(unit_id: int, section_name):
    """The id of the unit's section a staged row names (``ensure_sections`` made it), for
    an ``INSERT … SELECT`` from the staged rows."""
    from sqlalchemy import select

    from ...models import Section

    return (
        select(Section.id)
        .where(Section.unit_id == unit_id, Section.name == section_name)
        .scalar_subquery()
    )
