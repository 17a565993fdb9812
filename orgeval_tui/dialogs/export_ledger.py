"""Exporting the problem ledger from the TUI: the workbook's path (completed as it is
typed), written in a thread; the form says where it went and how many problems."""

from __future__ import annotations

from pathlib import Path

from ..i18n import t
from .form import Field, FormScreen


def default_ledger_path() -> Path:
    """Beside where orgeval was started, as the command line writes a relative path."""
    return Path.cwd() / t("tui.export.default_name")


def export_ledger_form(database) -> FormScreen:
    fields = [
        Field(
            "file", t("tui.export.file"), "path", required=True, default=str(default_ledger_path())
        )
    ]

    def run(values: dict) -> str:
        from ..services.ledger.workbook import export_ledger

        path = Path(values["file"]).expanduser()
        done = export_ledger(database, path)
        return t(
            "ledger_excel.exported",
            file=str(done.path.resolve()),
            evaluation=done.evaluation,
            rows=done.rows,
            overdue=done.overdue,
            today=done.today.isoformat(),
        )

    return FormScreen(t("tui.export.title"), fields, run, note=t("tui.export.note"))
