"""Home: the evaluation's progress per unit, and every unit in a tree.

Enter on a row or a unit opens it; Tab moves between the two panes. On a database
without an evaluation or without units, it says what to do first and offers it; the
same steps stay on keys (and in the palette) afterwards.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Static

from ..i18n import t
from ..widgets.live import LiveScreen, UnitIndexReady
from ..widgets.translated import TranslatedBindings
from ..widgets.unit_navigator import UnitNavigator
from ..widgets.vim import VimDataTable, literal
from ..widgets.workers import db_worker


def _mark(count: int) -> str:
    return str(count) if count else "—"


def _of_leaves(scored: int, leaves: int | None) -> str:
    """Leaves scored of the rubric's leaves (5/22); no rubric, nothing to score."""
    return f"{scored}/{leaves}" if leaves else "—"


SETUP_STEPS = ("evaluation", "unit", "import")
# One word for the three in the footer ("e u i 新建/导入"), so that it keeps every key at 80
# columns; `?` and the tooltips name each.
SETUP_KEYS = Binding.Group("key.setup", compact=False)


class HomeScreen(LiveScreen, TranslatedBindings, Screen):
    BINDINGS = [
        Binding(
            key,
            f"app.setup('{step}')",
            f"key.setup.{step}",
            tooltip=f"tui.setup.{step}_button",
            id=f"home.{step}",
            group=SETUP_KEYS,
        )
        for key, step in zip("eui", SETUP_STEPS, strict=True)
    ]

    class Loaded(Message):
        def __init__(self, evaluation, progress, roots, marker) -> None:
            super().__init__()
            self.evaluation, self.progress, self.roots = evaluation, progress, roots
            self.marker = marker

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="first-steps", classes="home-first-steps"):
            yield Static(id="first-steps-text", classes="home-first-steps-text")
            with Horizontal():
                for step in SETUP_STEPS:
                    yield Button(t(f"tui.setup.{step}_button"), id=f"setup-{step}", compact=True)
        yield Static(t("tui.home.progress"), id="progress-title", classes="pane-title")
        yield VimDataTable(id="progress", cursor_type="row", zebra_stripes=True)
        yield Static(t("tui.home.units"), classes="pane-title")
        yield UnitNavigator(id="navigator")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#progress", VimDataTable)
        table.add_columns(*t("tui.progress.headers").split("|"))
        self.query_one("#first-steps").display = False
        table.loading = True
        self.load()

    @db_worker(group="home")
    def load(self) -> None:
        from ..services.changes import data_marker
        from ..services.progress import evaluation_progress
        from ..services.units import unit_tree

        database = self.app.database
        marker = data_marker(database)
        evaluation, progress = evaluation_progress(database)
        self.post_message(self.Loaded(evaluation, progress, unit_tree(database), marker))

    def refresh_data(self) -> None:
        self.load()

    def on_unit_navigator_index_wanted(self, _message: UnitNavigator.IndexWanted) -> None:
        self.app.want_unit_index()

    def on_home_screen_loaded(self, message: Loaded) -> None:
        first = self.shown_marker is None
        self.shown_marker = message.marker
        title = self.query_one("#progress-title", Static)
        evaluation = message.evaluation
        span = evaluation.span if evaluation else None
        # On a line of its own: beside a long evaluation name it wrapped inside the dates.
        period = f"\n{t('tui.home.log_period', period=span.shown)}" if span else ""
        title.update(
            literal(f"{t('tui.home.progress')}  {evaluation.name}{period}")
            if evaluation
            else t("tui.home.no_evaluation")
        )
        table = self.query_one("#progress", VimDataTable)
        cursor = table.cursor_row
        table.clear()
        for row in message.progress:
            table.add_row(
                row.short_name or row.name,
                _mark(row.staff),
                _mark(row.log_entries),
                _mark(row.cases),
                _mark(row.self_scores),
                _mark(row.peer_responses),
                _mark(row.onsite_activities),
                _of_leaves(row.office_scored_leaves, row.leaves),
                _mark(row.problems_open),
                _mark(row.problems_overdue),
                _mark(row.problems_concluded),
                key=str(row.unit_id),
            )
        table.loading = False
        self.query_one(UnitNavigator).show_units(message.roots)
        offered = self._offer_first_steps(evaluation is not None, bool(message.roots))
        if first:
            if offered:
                self.query_one("#setup-evaluation" if evaluation is None else "#setup-unit").focus()
            else:
                table.focus()
            self.app.call_after_refresh(self.app.first_screen_shown)
        else:
            table.move_cursor(row=cursor)

    def _offer_first_steps(self, has_evaluation: bool, has_units: bool) -> bool:
        """Says what to do first while the evaluation or its units are missing."""
        panel = self.query_one("#first-steps")
        panel.display = not (has_evaluation and has_units)
        if has_evaluation:
            text = t("tui.setup.no_units")
        else:
            text = t("tui.setup.no_evaluation" if has_units else "tui.setup.first_steps")
        self.query_one("#first-steps-text", Static).update(text)
        return panel.display

    def access_changed(self) -> None:
        """The first steps this account may not take are greyed, as their keys are."""
        for step in SETUP_STEPS:
            self.query_one(f"#setup-{step}", Button).disabled = not self.app.may_set_up(step)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        step = (event.button.id or "").removeprefix("setup-")
        if step in SETUP_STEPS:
            self.app.action_setup(step)

    def on_unit_index_ready(self, message: UnitIndexReady) -> None:
        self.query_one(UnitNavigator).set_initials(message.entries)

    def on_data_table_row_selected(self, event: VimDataTable.RowSelected) -> None:
        self.app.open_unit(int(event.row_key.value))

    def on_unit_navigator_chosen(self, message: UnitNavigator.Chosen) -> None:
        self.app.open_unit(message.unit_id)
