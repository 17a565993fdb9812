"""The Textual application: screens, bindings, keymap, and the one place worker errors land."""

from __future__ import annotations

import asyncio
import signal

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.message import Message

from .dialogs.palette import UnitCommands
from .dialogs.palette_evaluations import EvaluationCommands
from .dialogs.palette_reports import ReportCommands
from .domain.errors import UserError
from .domain.roles import Need
from .i18n import t
from .i18n.os_errors import os_error_message
from .storage.database import Database
from .widgets.live import LiveScreen, MarkerRead, SetupRead, UnitIndexReady
from .widgets.rights import Rights
from .widgets.translated import TranslatedBindings, textual_word
from .widgets.workers import WorkFailed, db_worker


class EvaluationSwitched(Message):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name


class OrgevalApp(Rights, TranslatedBindings, App):
    CSS_PATH = "styles/app.tcss"
    TITLE = "orgeval"
    COMMANDS = App.COMMANDS | {UnitCommands, EvaluationCommands, ReportCommands}
    BINDINGS = [
        Binding("ctrl+q", "quit", "key.quit", id="app.quit", priority=True),
        Binding("question_mark", "help", "key.help", id="app.help"),
        Binding("tab", "focus_next", "key.next_pane", show=False, id="app.next_pane"),
        Binding("L", "ledger", "key.ledger", id="app.ledger"),
    ]

    CHANGE_POLL_SECONDS = 2.0
    """How soon another evaluator's change shows on the screen in view."""

    def __init__(
        self,
        database: Database,
        keymap: dict[str, str] | None = None,
        notices: tuple[str, ...] = (),
    ):
        """``keymap`` None: read the user's config file; ``notices`` are shown on start."""
        super().__init__()
        self.database = database
        self.search_entries = None
        self._index_ready = asyncio.Event()
        self._index_marker = None
        self._poll_failing = False
        self._last_marker = None
        self._keymap = keymap
        self._notices = list(notices)

    def on_mount(self) -> None:
        from .screens.home import HomeScreen

        self.title = t("tui.title")
        keymap = self._keymap
        if keymap is None:
            keymap, notices = read_keymap()
            self._notices += notices
        self.set_keymap(keymap)
        self.push_screen(HomeScreen())
        self.read_access()
        self.set_interval(self.CHANGE_POLL_SECONDS, self.check_for_changes)
        for notice in self._notices:
            self.notify(notice, severity="warning", timeout=30, markup=False)
        if not self.is_headless and hasattr(signal, "SIGHUP"):
            # Also when started with SIGHUP ignored (nohup): with its terminal gone the
            # application would otherwise live on, its input dead, its notes unkept.
            asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self.terminal_hung_up)

    def terminal_hung_up(self) -> None:
        """The terminal closed under the application (SSH dropped, tmux killed): what was
        typed since the last draft is kept, and the application ends."""
        from .screens.fieldwork import FieldworkScreen

        for screen in self.screen_stack:
            if isinstance(screen, FieldworkScreen):
                screen.keep_draft_now()
        self.exit()

    @work(thread=True, exclusive=True, group="changes")
    def check_for_changes(self) -> None:
        """A failing poll (the database server gone) is shown once, not every two
        seconds; the next poll that succeeds rearms it."""
        from .services.changes import data_marker

        try:
            marker = data_marker(self.database)
        except Exception as exc:  # noqa: BLE001 - shown through the one handler
            if not self._poll_failing:
                self._poll_failing = True
                self.post_message(WorkFailed(exc))
            return
        self._poll_failing = False
        self.post_message(MarkerRead(marker))

    def on_marker_read(self, message: MarkerRead) -> None:
        if self._last_marker is not None and self._last_marker != message.marker:
            self.read_access()  # an admin may have changed this account's role
        self._last_marker = message.marker
        if self._index_marker not in (None, ()) and self._index_marker != message.marker:
            # A unit may have been added or renamed (``()``: being read; left alone, so
            # a slow reading is not cancelled by every poll and started again).
            self.load_unit_index()
        screen = self.screen_stack[-1] if self.screen_stack else None  # none: closing
        if isinstance(screen, LiveScreen):
            screen.marker_moved(message.marker)

    async def unit_index(self):
        """The units' names and initials, waiting for them if they are still being read.

        The palette's searches wait here: a search cancelled by the next key (the user
        typing on) leaves the reading to finish for the next one. Reading inside the
        palette provider's ``startup`` did not: Textual cancels the startup with the
        first cancelled search, and the palette then found no unit until it was closed.
        """
        self.want_unit_index()
        await self._index_ready.wait()
        return self.search_entries

    def want_unit_index(self) -> None:
        if self._index_marker is None and not self._index_ready.is_set():
            self._index_marker = ()  # being read
            self.load_unit_index()

    @db_worker(group="unit-index")
    def load_unit_index(self) -> None:
        """Pinyin initials, read when first wanted: pypinyin costs a noticeable import,
        which the first screen should not pay."""
        from .services import workspace
        from .services.changes import data_marker

        marker = data_marker(self.database)
        self.post_message(UnitIndexReady(workspace.search_entries(self.database), marker))

    def on_unit_index_ready(self, message: UnitIndexReady) -> None:
        self._index_marker, self.search_entries = message.marker, message.entries
        self._index_ready.set()
        for screen in self.screen_stack:
            screen.post_message(UnitIndexReady(message.entries, message.marker))

    def first_screen_shown(self) -> None:
        """Once the home screen has its data, what the start built (modules, classes,
        styles: ≈ 110,000 objects) is moved out of the garbage collector's reach: a full
        collection no longer walks it all on the UI thread (it took 150–240 ms of
        opening the ledger, bench/tui_ledger.py)."""
        import gc

        gc.freeze()
        self.want_unit_index()  # the palette's units, ready before ctrl+p is likely

    def open_unit(self, unit_id: int) -> None:
        from .screens.unit import UnitScreen

        self.push_screen(UnitScreen(unit_id))

    @db_worker(group="switch-evaluation")
    def switch_evaluation(self, name: str) -> None:
        """Make ``name`` the current evaluation (the palette's 切换评估项目)."""
        from .services.evaluations import use_evaluation

        self.post_message(EvaluationSwitched(use_evaluation(self.database, name).name))

    def on_evaluation_switched(self, message: EvaluationSwitched) -> None:
        """The switch is audited, so the data marker has moved: the screen in view reads
        its figures again now, the ones under it when they come back into view."""
        self.notify(t("evaluation.switched", name=message.name), markup=False)
        self.check_for_changes()

    def open_scoring(self, unit: str) -> None:
        """The scoring screen of ``unit`` (its name) in the current evaluation."""
        from .screens.scoring import ScoringScreen

        self.push_screen(ScoringScreen(unit))

    def open_activity(self, activity_id: int) -> None:
        """The note editor of an on-site activity (its notes, outline and findings)."""
        from .screens.fieldwork import FieldworkScreen

        self.push_screen(FieldworkScreen(activity_id))

    async def action_quit(self) -> None:
        """From the note editor, its notes are saved first (the last second of typing is
        not in the draft yet); the editor quits once they are."""
        from .screens.fieldwork import FieldworkScreen

        screen = self.screen
        if isinstance(screen, FieldworkScreen) and screen.save_then_quit():
            return
        self.exit()

    def action_ledger(self, unit: str | None = None) -> None:
        """The problem ledger; from a unit's screen, filtered to that unit."""
        from .screens.ledger import LedgerScreen
        from .services.ledger import LedgerQuery

        if self._ledger_shown():
            return
        self.push_screen(LedgerScreen(LedgerQuery(unit=unit)))

    def open_problem(self, number: str, unit: str) -> None:
        """The ledger on one problem: its unit's ledger searched for its number (``x``
        clears the filters to see the rest)."""
        from .screens.ledger import LedgerScreen
        from .services.ledger import LedgerQuery

        self.push_screen(LedgerScreen(LedgerQuery(unit=unit, search=number)))

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
        if action == "setup" and parameters:
            return True if self.may_set_up(parameters[0]) else None
        return True

    def get_system_commands(self, screen):
        from textual.app import SystemCommand

        for command in super().get_system_commands(screen):
            yield command._replace(
                title=textual_word(command.title), help=textual_word(command.help)
            )
        yield SystemCommand(t("key.ledger"), t("tui.ledger.palette_help"), self.action_ledger)
        for step in ("evaluation", "unit", "import"):
            if not self.may_set_up(step):
                continue
            yield SystemCommand(
                t(f"tui.setup.{step}_button"),
                t(f"tui.setup.palette.{step}"),
                lambda step=step: self.action_setup(step),
            )
        yield SystemCommand(
            t("tui.export.title"), t("tui.export.palette"), self.action_export_ledger
        )

    def action_export_ledger(self) -> None:
        from .dialogs.export_ledger import export_ledger_form

        self.push_screen(export_ledger_form(self.database), self._export_done)

    def _export_done(self, said: str | None) -> None:
        if said is not None:
            self.notify(said, markup=False, timeout=10)

    def action_setup(self, step: str) -> None:
        """A step of setting up (``evaluation``, ``unit`` or ``import``): its form, once
        what it offers to choose from (the units, the current evaluation) is read."""
        if self.may_set_up(step):
            self.read_setup(step)

    def may_set_up(self, step: str) -> bool:
        # An import names its unit in the form: an evaluator of any unit may start one.
        return self.may(Need.ADMIN) if step in ("evaluation", "unit") else self.may_change()

    @db_worker(group="setup")
    def read_setup(self, step: str) -> None:
        from .services.progress import current_evaluation
        from .services.units import unit_tree

        names, nodes = [], list(unit_tree(self.database))
        while nodes:
            node = nodes.pop(0)
            names.append(node.name)
            nodes[:0] = node.children
        evaluation = current_evaluation(self.database)
        self.post_message(SetupRead(step, names, evaluation.name if evaluation else None))

    def on_setup_read(self, message: SetupRead) -> None:
        from .dialogs.import_file import import_form
        from .dialogs.setup_forms import add_unit_form, new_evaluation_form

        if message.step == "evaluation":
            form = new_evaluation_form(self.database, message.units)
        elif message.step == "unit":
            form = add_unit_form(self.database, message.units, message.evaluation)
        else:
            form = import_form(self.database, message.units)
        self.push_screen(form, self._setup_done)

    def _setup_done(self, said: str | None) -> None:
        if said is None:
            return  # left without writing
        self.notify(said, markup=False)
        self.check_for_changes()  # the screen below shows what was just written

    def action_command_palette(self) -> None:
        """Textual's palette, with its placeholder in the user's language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(
                CommandPalette(id="--command-palette", placeholder=t("tui.palette.placeholder"))
            )

    def action_help(self) -> None:
        from .dialogs.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen.for_app(self))

    def on_work_failed(self, message: WorkFailed) -> None:
        from .dialogs.error import ErrorScreen

        error = message.error
        if isinstance(error, UserError):
            text = str(error)
        elif isinstance(error, OSError):
            text = os_error_message(error)
        else:
            text = f"{type(error).__name__}: {error}"
        self.log.error(text)
        self.push_screen(ErrorScreen(text))


def read_keymap() -> tuple[dict[str, str], list[str]]:
    """The user's rebindings, and what of the config file is not understood (each named
    with the file); a broken file starts the application with the default keys."""
    from .services.settings import load_config

    try:
        config = load_config()
    except UserError as exc:
        return {}, [str(exc)]
    if not config.keymap and not config.unknown_sections:
        return {}, []
    return config.keymap, config.ignored(binding_ids())


def binding_ids() -> set[str]:
    """Every binding id of the application's screens, dialogs and widgets: what the
    [keys] section of the config file may name."""
    import importlib
    import pkgutil

    from textual.dom import DOMNode

    from . import dialogs, screens, widgets

    for package in (screens, dialogs, widgets):
        for module in pkgutil.iter_modules(package.__path__, f"{package.__name__}."):
            importlib.import_module(module.name)
    ids: set[str] = set()
    classes = [DOMNode]
    while classes:
        cls = classes.pop()
        classes.extend(cls.__subclasses__())
        if cls.__module__.startswith(f"{__package__}."):
            ids.update(b.id for b in cls.BINDINGS if isinstance(b, Binding) and b.id)
    return ids


def run_app(database: Database) -> None:
    """Each start-up notice goes to stderr too: it stays readable after the screen is
    gone, and a session that cannot show the screen still says it."""
    import sys

    keymap, notices = read_keymap()
    for notice in notices:
        sys.stderr.write(f"orgeval: {t('warning.prefix')}: {notice}\n")
    OrgevalApp(database, keymap=keymap, notices=tuple(notices)).run()
