"""`orgeval export ledger`: an evaluation's problem ledger, or a part of it, as the
office's 台账 workbook (written by ``export.ledger_workbook``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ...domain.clock import office_today
from ...domain.errors import UserError
from ...export.ledger_workbook import SHEET_LANGUAGE, write_ledger, zh
from ...i18n import catalogues, t
from .queries import evaluation_problems


@dataclass(frozen=True)
class LedgerExport:
    path: Path
    evaluation: str
    rows: int
    overdue: int
    today: date

    def to_json(self) -> dict:
        return {
            "file": str(self.path),
            "evaluation": self.evaluation,
            "rows": self.rows,
            "overdue": self.overdue,
            "today": self.today.isoformat(),
        }


def export_ledger(
    db,
    path: str | Path,
    *,
    evaluation: str | None = None,
    unit: str | None = None,
    status: str | None = None,
    today: date | None = None,
) -> LedgerExport:
    """Write the ledger of an evaluation (the current one by default), optionally one
    unit's or one status's problems, to ``path`` (.xlsx); overdue as of ``today``."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise UserError(t("ledger_excel.not_xlsx", file=path.name))
    today = today or office_today()
    name, problems = evaluation_problems(db, evaluation, unit=unit, status=status)
    subtitle = zh("ledger_excel.sheet.subtitle").format(
        today=today.isoformat(),
        unit=unit or zh("ledger_excel.sheet.all"),
        status=catalogues()[SHEET_LANGUAGE].get(f"ledger.status.{status}", status)
        if status
        else zh("ledger_excel.sheet.all"),
        count=len(problems),
    )
    title = zh("ledger_excel.sheet.title").format(evaluation=name)
    overdue = write_ledger(path, title, subtitle, problems, today)
    return LedgerExport(
        path=path, evaluation=name, rows=len(problems), overdue=overdue, today=today
    )
