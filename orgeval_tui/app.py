"""The Textual application: screens, bindings and the one place worker errors land."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from .db import Database
from .errors import UserError
from .i18n import t
from .screens.workers import WorkFailed


class OrgevalApp(App):
    CSS_PATH = "styles/app.tcss"
    TITLE = "orgeval"
    BINDINGS = [
        Binding("ctrl+q", "quit", t("tui.quit"), id="app.quit", priority=True),
    ]

    def __init__(self, database: Database):
        super().__init__()
        self.database = database

    def on_mount(self) -> None:
        from .screens.home import HomeScreen

        self.title = t("tui.title")
        self.push_screen(HomeScreen())

    def on_work_failed(self, message: WorkFailed) -> None:
        from .screens.error import ErrorScreen

        error = message.error
        text = str(error) if isinstance(error, UserError) else f"{type(error).__name__}: {error}"
        self.log.error(text)
        self.push_screen(ErrorScreen(text))


def run_app(database: Database) -> None:
    OrgevalApp(database).run()
