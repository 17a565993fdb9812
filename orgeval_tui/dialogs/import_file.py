"""Importing an office file from the TUI: its kind, the file (typed with completion, or
chosen in a picker) and the unit it belongs to. The import runs in a thread while the
form shows its progress; a refusal lists every row problem in a window of its own, and
the form stays open with what was chosen, to try again once the file is fixed."""

from __future__ import annotations

from pathlib import Path

from textual.binding import Binding
from textual.widgets import Input

from ..i18n import t
from ..services.intake import ImportRefused, ImportSummary
from .form import Field, FormScreen
from .import_errors import ImportErrorsScreen


def import_form(database, units: list[str]) -> ImportFormScreen:
    """``units``: the registered units' names, to choose the one the rows belong to."""
    from ..services.intake.by_kind import IMPORT_KINDS

    fields = [
        Field(
            "kind",
            t("tui.import.kind"),
            "choice",
            required=True,
            default="roster",
            options=tuple((t(f"tui.import.kind.{kind}"), kind) for kind in IMPORT_KINDS),
        ),
        Field("file", t("tui.import.file"), "path", required=True),
        Field(
            "unit",
            t("tui.import.unit"),
            "choice",
            options=tuple((u, u) for u in units),
            prompt=t("tui.import.unit_from_file"),
        ),
    ]

    def run(values: dict) -> str:
        from ..services.intake.by_kind import import_file

        path = Path(values["file"]).expanduser()
        return done_message(import_file(database, values["kind"], path, unit=values["unit"]))

    return ImportFormScreen(
        t("tui.import.title"),
        fields,
        run,
        note=t("tui.import.note"),
        working=lambda values: t("tui.import.working", file=Path(values["file"]).name),
    )


def done_message(summary: ImportSummary) -> str:
    if summary.kind == "ledger":
        details = summary.details
        return t(
            "tui.import.done_ledger",
            file=summary.file,
            added=details["added"],
            unchanged=details["unchanged"],
        )
    return t(
        "tui.import.done",
        file=summary.file,
        rows=summary.rows,
        kind=t(f"intake.kind.{summary.kind}"),
    )


class ImportFormScreen(FormScreen):
    BINDINGS = [Binding("ctrl+o", "browse", "tui.import.browse", id="import.browse")]

    def action_browse(self) -> None:
        from textual_fspicker import FileOpen

        typed = Path(self.query_one("#field-file", Input).value.strip() or ".").expanduser()
        start = typed if typed.is_dir() else typed.parent
        picker = FileOpen(
            start if start.is_dir() else Path.cwd(),
            t("tui.import.picker_title"),
            open_button=t("tui.import.picker_open"),
            cancel_button=t("tui.form.cancel"),
        )
        self.app.push_screen(picker, self._chosen)

    def _chosen(self, path: Path | None) -> None:
        if path is not None:
            field = self.query_one("#field-file", Input)
            field.value = str(path)
            field.focus()

    def show_refusal(self, message: FormScreen.Refused) -> None:
        error = message.error
        if not isinstance(error, ImportRefused):
            super().show_refusal(message)
        else:
            # The form keeps a line; the rows go where they can scroll.
            self._show_error(t("tui.import.refused_short", count=len(error.problems)))
            problems = [str(problem) for problem in error.problems]
            self.app.push_screen(ImportErrorsScreen(error.file, problems))
