"""The Textual application: screens, bindings, keymap, and the one place worker errors land."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from .dialogs.palette import UnitCommands
from .domain.errors import UserError
from .i18n import t
from .storage.database import Database
from .widgets.translated import TranslatedBindings
from .widgets.workers import WorkFailed


class OrgevalApp(TranslatedBindings, App):
    CSS_PATH = "styles/app.tcss"
    TITLE = "orgeval"
    COMMANDS = App.COMMANDS | {UnitCommands}
    BINDINGS = [
        Binding("ctrl+q", "quit", "key.quit", id="app.quit", priority=True),
        Binding("question_mark", "help", "key.help", id="app.help"),
        Binding("tab", "focus_next", "key.next_pane", show=False, id="app.next_pane"),
        Binding("L", "ledger", "key.ledger", id="app.ledger"),
    ]

    def __init__(self, database: Database, keymap: dict[str, str] | None = None):
        super().__init__()
        self.database = database
        self.search_entries = None
        self._keymap = keymap

    def on_mount(self) -> None:
        from .screens.home import HomeScreen
        from .services.settings import load_keymap

        self.title = t("tui.title")
        try:
            self.set_keymap(self._keymap if self._keymap is not None else load_keymap())
        except UserError as exc:
            self.notify(str(exc), severity="error")
        self.push_screen(HomeScreen())

    def first_screen_shown(self) -> None:
        """Once the home screen has its data, what the start built (modules, classes,
        styles: ≈ 110,000 objects) is moved out of the garbage collector's reach: a full
        collection no longer walks it all on the UI thread (it took 150–240 ms of
        opening the ledger, bench/tui_ledger.py)."""
        import gc

        gc.freeze()

    def open_unit(self, unit_id: int) -> None:
        from .screens.unit import UnitScreen

        self.push_screen(UnitScreen(unit_id))

    def action_ledger(self, unit: str | None = None) -> None:
        """The problem ledger; from a unit's screen, filtered to that unit."""
        from .screens.ledger import LedgerScreen
        from .services.ledger import LedgerQuery

        if self._ledger_shown():
            return
        self.push_screen(LedgerScreen(LedgerQuery(unit=unit)))

    def _ledger_shown(self) -> bool:
        """Whether the ledger is the screen shown, or under the dialogs on top of it (the
        help, a form): its footer then does not offer to open it."""
        from textual.screen import ModalScreen

        from .screens.ledger import LedgerScreen

        for screen in reversed(self.screen_stack):
            if isinstance(screen, LedgerScreen):
                return True
            if not isinstance(screen, ModalScreen):
                return False
        return False

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "ledger":
            return not self._ledger_shown()
        return True

    def get_system_commands(self, screen):
        from textual.app import SystemCommand

        yield from super().get_system_commands(screen)
        yield SystemCommand(t("key.ledger"), t("tui.ledger.palette_help"), self.action_ledger)

    def action_help(self) -> None:
        from .dialogs.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen.for_app(self))

    def on_work_failed(self, message: WorkFailed) -> None:
        from .dialogs.error import ErrorScreen

        error = message.error
        text = str(error) if isinstance(error, UserError) else f"{type(error).__name__}: {error}"
        self.log.error(text)
        self.push_screen(ErrorScreen(text))


def run_app(database: Database) -> None:
    OrgevalApp(database).run()
