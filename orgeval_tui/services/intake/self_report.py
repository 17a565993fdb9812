"""`orgeval import selfreport FILE --unit U`: a unit's self-evaluation report (自评报告)
kept as text with its list of evidence, one per evaluation and unit.

The file is read whole (``ingest.self_report``) before anything is written: a file that
is missing, of another kind, not what its name says or without text is refused naming
it, and nothing is written. The unit must be under the current evaluation. Importing a
unit's report again replaces it; the row goes through the ORM, so the audit trail keeps
who imported what, and what it replaced.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from ...domain.actor import current_actor
from ...domain.clock import utcnow
from ...domain.roles import Need
from ...ingest.self_report import read_self_report
from ...models import SelfReport
from ...storage.database import Database
from ..access import require
from ..evaluations import find_evaluation
from ..score_sheet import evaluated_unit


@dataclass(frozen=True)
class SelfReportImport:
    file: str
    unit: str
    evaluation: str
    characters: int
    evidence: tuple[str, ...]
    replaced: bool  # the unit had a report in this evaluation, now replaced

    def to_json(self) -> dict:
        return {
            "kind": "selfreport",
            "file": self.file,
            "unit": self.unit,
            "evaluation": self.evaluation,
            "characters": self.characters,
            "evidence": list(self.evidence),
            "replaced": self.replaced,
        }


@dataclass(frozen=True)
class SelfReportView:
    """A unit's report as the 评议 tab shows it."""

    file: str
    imported_at: datetime
    imported_by: str
    text: str
    evidence: tuple[str, ...]

    @property
    def characters(self) -> int:
        return characters(self.text)


def characters(text: str) -> int:
    """A report's length as a word processor counts Chinese text (字数): its characters,
    spaces and line breaks left out."""
    return sum(not ch.isspace() for ch in text)


def import_self_report(db: Database, path: str | Path, unit: str) -> SelfReportImport:
    """``unit``: its name or short name, as `--unit` takes it."""
    report = read_self_report(path)
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    with db.write() as session:
        evaluation = find_evaluation(session)
        found = evaluated_unit(session, evaluation, unit)
        require(session, Need.CASEWORK, found.id)
        row = session.scalars(
            select(SelfReport).where(
                SelfReport.evaluation_id == evaluation.id, SelfReport.unit_id == found.id
            )
        ).first()
        replaced = row is not None
        if row is None:
            row = SelfReport(evaluation_id=evaluation.id, unit_id=found.id)
            session.add(row)
        row.file_name = report.file[:255]
        row.sha256 = digest
        row.text = report.text
        row.evidence = json.dumps(list(report.evidence), ensure_ascii=False)
        row.imported_by = current_actor()[:64]
        row.imported_at = utcnow()
        unit_name, evaluation_name = found.name, evaluation.name
    return SelfReportImport(
        report.file, unit_name, evaluation_name, characters(report.text), report.evidence, replaced
    )


def self_report_in(session, evaluation_id: int | None, unit_id: int) -> SelfReportView | None:
    """The unit's report in the evaluation, read in ``session``; None when none was
    imported (or there is no evaluation)."""
    if evaluation_id is None:
        return None
    row = session.execute(
        select(
            SelfReport.file_name,
            SelfReport.imported_at,
            SelfReport.imported_by,
            SelfReport.text,
            SelfReport.evidence,
        ).where(SelfReport.evaluation_id == evaluation_id, SelfReport.unit_id == unit_id)
    ).first()
    if row is None:
        return None
    file, at, by, text, evidence = row
    return SelfReportView(file, at, by, text, tuple(json.loads(evidence or "[]")))
