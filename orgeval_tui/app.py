"""The Textual application: screens, bindings and the one place worker errors land."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding
from textual.worker import Worker, WorkerState

from .db import Database
from .i18n import t


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

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            from .screens.error import ErrorScreen

            self.push_screen(ErrorScreen(str(event.worker.error)))


def run_app(database: Database) -> None:
    OrgevalApp(database).run()
