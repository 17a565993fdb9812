"""`orgeval score sheet`: a unit's self-evaluation sheet (自评得分表), the evaluation's
rubric with columns for the unit's self points and evidence, written by
``export.self_sheet_workbook`` and read back by ``services.intake.self_scores``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import UserError
from ..export.self_sheet_workbook import SelfSheet, write_self_sheet
from ..i18n import t
from ..storage.database import Database
from .evaluations import find_evaluation
from .score_sheet import evaluated_unit, rubric_or_refuse


@dataclass(frozen=True)
class SelfSheetExport:
    path: Path
    unit: str
    evaluation: str
    leaves: int


def export_self_sheet(
    db: Database, unit_ref: str, path: str | Path, *, evaluation: str | None = None
) -> SelfSheetExport:
    """Write the unit's sheet in the evaluation (the current one unless named) to
    ``path`` (.xlsx)."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise UserError(t("self_sheet.not_xlsx", file=path.name))
    with db.read() as session:
        found = find_evaluation(session, evaluation)
        rubric = rubric_or_refuse(session, found)
        unit = evaluated_unit(session, found, unit_ref)
        content = SelfSheet(unit=unit.name, evaluation=found.name, rubric=rubric)
    write_self_sheet(path, content)
    return SelfSheetExport(path, content.unit, content.evaluation, len(rubric.leaves()))
