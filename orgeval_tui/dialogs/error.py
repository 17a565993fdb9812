"""The modal every worker error ends in: the app shows it and carries on."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ..i18n import t
from ..widgets.translated import TranslatedBindings
from ..widgets.vim import literal


class ErrorScreen(TranslatedBindings, ModalScreen[None]):
    # A message key, translated per instance: the class is built before the language is known.
    BINDINGS = [Binding("escape", "dismiss", "tui.close", id="error.close")]

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(id="error-box"):
            yield Static(t("tui.error_title"), id="error-title")
            yield Static(literal(self.message), id="error-message")
            yield Button(t("tui.close"), id="error-close", variant="error")

    def on_button_pressed(self, _event: Button.Pressed) -> None:
        self.dismiss()
