"""Home: the evaluation's progress per unit, and every unit in a tree.

Enter on a row or a unit opens it; Tab moves between the two panes.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

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


class HomeScreen(LiveScreen, TranslatedBindings, Screen):
    class Loaded(Message):
        def __init__(self, evaluation, progress, roots, marker) -> None:
            super().__init__()
            self.evaluation, self.progress, self.roots = evaluation, progress, roots
            self.marker = marker

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("tui.home.progress"), id="progress-title", classes="pane-title")
        yield VimDataTable(id="progress", cursor_type="row", zebra_stripes=True)
        yield Static(t("tui.home.units"), classes="pane-title")
        yield UnitNavigator(id="navigator")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#progress", VimDataTable)
        table.add_columns(*t("tui.progress.headers").split("|"))
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
        if first:
            table.focus()
            self.app.call_after_refresh(self.app.first_screen_shown)
        else:
            table.move_cursor(row=cursor)

    def on_unit_index_ready(self, message: UnitIndexReady) -> None:
        self.query_one(UnitNavigator).set_initials(message.entries)

    def on_data_table_row_selected(self, event: VimDataTable.RowSelected) -> None:
        self.app.open_unit(int(event.row_key.value))

    def on_unit_navigator_chosen(self, message: UnitNavigator.Chosen) -> None:
        self.app.open_unit(message.unit_id)
