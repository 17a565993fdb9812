"""Writing a report from the TUI: which report (a unit's evaluation report or feedback
letter, or the special report), its format, and its file, prefilled with the document's
name in the folder orgeval was started in and completed as it is typed.

The report is written in a thread (``write_report`` reads the database and writes the
file); its steps move the progress bar through messages, so the screen keeps answering.
Written, the dialog says the document's title and the file's absolute path, which ``c``
copies to the clipboard (OSC 52: through SSH and tmux too). A refusal (a format the
report is not written in, a folder that does not exist, a broken template) is shown in
the dialog with every choice kept, to fix and write again.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Button, Input, ProgressBar, Select, Static

from ..domain.printable import printable
from ..i18n import current_language, t
from ..services.reports.writing import (
    FORMATS,
    REPORT_KINDS,
    REPORT_LANGUAGE,
    ReportRequest,
    write_report,
)
from ..widgets.vim import literal
from .form import Field, FormScreen

UNIT_KINDS = ("unit", "feedback")
REPORT_SUFFIXES = {suffix for suffixes in FORMATS.values() for suffix in suffixes}


def default_file(kind: str, unit: str | None, suffix: str) -> str:
    """The document's name, in the folder orgeval was started in (as the CLI writes a
    relative path): 县工业和信息化局评估报告.docx, 评估专报.docx."""
    name = t(f"tui.report.default.{kind}", unit=unit or "")
    return f"{printable(name, one_line=True).replace('/', '／')}{suffix}"


def _format_options(kind: str) -> tuple[tuple[str, str], ...]:
    return tuple((t(f"tui.report.format{suffix}"), suffix) for suffix in FORMATS[kind])


class ReportScreen(FormScreen):
    """The report dialog: ``unit`` (its name) offers its report and feedback letter
    besides the special report; without one, the special report alone."""

    BINDINGS = [Binding("c", "copy_path", "key.copy_path", id="report.copy_path")]

    class Stepped(Message):
        def __init__(self, done: int, steps: int) -> None:
            super().__init__()
            self.done, self.steps = done, steps

    def __init__(self, database, unit: str | None = None, kind: str = "unit") -> None:
        kinds = REPORT_KINDS if unit else tuple(k for k in REPORT_KINDS if k not in UNIT_KINDS)
        if kind not in kinds:
            kind = kinds[0]
        self.database, self.unit = database, unit
        self.default = default_file(kind, unit, FORMATS[kind][0])
        self.written_path: Path | None = None
        fields = [
            Field(
                "kind",
                t("tui.report.kind"),
                "choice",
                required=True,
                default=kind,
                options=tuple((t(f"tui.report.kind.{k}"), k) for k in kinds),
            ),
            Field(
                "format",
                t("tui.report.format"),
                "choice",
                required=True,
                default=FORMATS[kind][0],
                options=_format_options(kind),
            ),
            Field("file", t("tui.report.file"), "path", required=True, default=self.default),
        ]
        title = t("tui.report.title_unit", unit=unit) if unit else t("tui.report.title")
        super().__init__(
            literal(printable(title, one_line=True)),
            fields,
            self._write,
            note=t("tui.report.note"),
            working=lambda values: t("tui.report.working", file=values["file"]),
        )

    def on_mount(self) -> None:
        box = self.query_one(".form-box")
        box.mount(Static(id="report-written"), before=box.query_one(".form-buttons"))
        self.query_one("#report-written").display = False
        # Most often the report offered is the one wanted: Enter writes it at once. (The
        # form focuses its first field when mounted, after this.)
        self.call_after_refresh(self.query_one("#field-file").focus)

    # Choosing: the format follows the report, the file's name both.

    @on(Select.Changed, "#field-kind")
    def _kind_chosen(self, event: Select.Changed) -> None:
        if event.value is Select.NULL:
            return
        formats = self.query_one("#field-format", Select)
        chosen = formats.value
        formats.set_options(_format_options(event.value))  # back to the first format
        if chosen in FORMATS[event.value]:
            formats.value = chosen
        formats.disabled = len(FORMATS[event.value]) == 1
        self._fit_file()
        self._to_the_file(event.select)

    @on(Select.Changed, "#field-format")
    def _format_chosen(self, event: Select.Changed) -> None:
        self._fit_file()
        self._to_the_file(event.select)

    def _to_the_file(self, select: Select) -> None:
        """A choice made from a list leads to the file, where Enter writes."""
        if select.has_focus:
            self.query_one("#field-file").focus()

    def _fit_file(self) -> None:
        """The file takes the new report's name if it had the last one's (in whichever
        folder it was typed), and the chosen format's suffix if it had a report's."""
        kind = self.query_one("#field-kind", Select).value
        suffix = self.query_one("#field-format", Select).value
        if kind is Select.NULL or suffix is Select.NULL:
            return
        new_default = default_file(kind, self.unit, suffix)
        field = self.query_one("#field-file", Input)
        typed = Path(field.value.strip())
        if not field.value.strip():
            field.value = new_default
        elif typed.name == self.default:
            field.value = str(typed.with_name(new_default))
        elif typed.suffix.lower() in REPORT_SUFFIXES:
            field.value = str(typed.with_suffix(suffix))
        self.default = new_default

    # Writing, in the form's thread.

    def _write(self, values: dict):
        kind = values["kind"]
        path = Path(values["file"]).expanduser()
        if path.suffix.lower() in REPORT_SUFFIXES:
            path = path.with_suffix(values["format"])  # the format chosen decides
        else:
            path = path.with_name(path.name + values["format"])
        unit = self.unit if kind in UNIT_KINDS else None
        request = ReportRequest(kind=kind, path=path, unit=unit)

        def stepped(done: int, steps: int, _label: str) -> None:
            # The bar shows the steps; the form's line already says what is written.
            self.post_message(self.Stepped(done, steps))

        return kind, write_report(self.database, request, progress=stepped)

    def on_report_screen_stepped(self, message: Stepped) -> None:
        self.query_one(ProgressBar).update(total=message.steps, progress=message.done)

    def on_form_screen_done(self, message: FormScreen.Done) -> None:
        message.prevent_default()  # the form stays open, saying what it wrote
        kind, written = message.result
        self.written_path = written.path.resolve()
        # The document is in Chinese; another screen says its title in its own words.
        title = written.title
        if current_language() != REPORT_LANGUAGE:
            title = t(f"report.title.{kind}", unit=self.unit)
        self.query_one(".form-progress").display = False
        shown = self.query_one("#report-written", Static)
        shown.update(
            Text(
                "\n".join(
                    (
                        t("tui.report.written", title=title),
                        printable(str(self.written_path), one_line=True),
                        t("tui.report.written_hint"),
                    )
                )
            )
        )
        shown.display = True
        self.query_one("#form-ok", Button).disabled = False
        close = self.query_one("#form-cancel", Button)
        close.label = t("tui.close")
        close.focus()
        self.refresh_bindings()

    def on_form_screen_refused(self, message: FormScreen.Refused) -> None:
        self.query_one("#report-written").display = False
        # Most often the report offered is the one wanted: Enter writes it at once. (The
        # form focuses its first field when mounted, after this.)
        self.call_after_refresh(self.query_one("#field-file").focus)
        self.written_path = None
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "copy_path":
            return self.written_path is not None
        return True

    def action_copy_path(self) -> None:
        path = str(self.written_path)
        self.app.copy_to_clipboard(path)
        self.notify(t("tui.report.copied", path=path), markup=False)


def report_dialog(database, unit: str | None = None, kind: str = "unit") -> ReportScreen:
    """The dialog for ``unit``'s report (its name), or for the special report."""
    return ReportScreen(database, unit, kind)
