"""A refused import: every row problem of the file, in a list that scrolls (a file may
have thousands), so the user can fix the file at each place named."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ..domain.printable import printable
from ..i18n import t
from ..widgets.translated import TranslatedBindings
from ..widgets.vim import literal


class ImportErrorsScreen(TranslatedBindings, ModalScreen[None]):
    BINDINGS = [Binding("escape", "dismiss", "tui.close", id="import_errors.close")]

    def __init__(self, file: str, problems: list[str]) -> None:
        """``problems``: each row problem as it reads (sheet!row: column: why)."""
        super().__init__()
        self.file, self.problems = file, problems

    def compose(self) -> ComposeResult:
        with Vertical(id="import-errors-box"):
            title = t("tui.import_errors.title", file=self.file)
            yield Static(literal(title), id="import-errors-title")
            yield Static(t("tui.import_errors.summary", count=len(self.problems)))
            with VerticalScroll(id="import-errors-list"):
                rows = "\n".join(printable(p, one_line=True) for p in self.problems)
                yield Static(literal(rows), id="import-errors-rows")
            with Horizontal(id="import-errors-buttons"):
                yield Button(t("tui.close"), variant="error", compact=True)

    def on_mount(self) -> None:
        self.query_one("#import-errors-list").focus()

    def on_button_pressed(self, _event: Button.Pressed) -> None:
        self.dismiss()
