"""Home: the evaluation's progress per unit, and every unit in a tree.

Enter on a row or a unit opens it; Tab moves between the two panes.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ..i18n import t
from ..widgets.translated import TranslatedBindings
from ..widgets.unit_navigator import UnitNavigator
from ..widgets.vim import VimDataTable, literal
from ..widgets.workers import db_worker


def _mark(count: int) -> str:
    return str(count) if count else "—"


class HomeScreen(TranslatedBindings, Screen):
    class Loaded(Message):
        def __init__(self, evaluation, progress, roots) -> None:
            super().__init__()
            self.evaluation, self.progress, self.roots = evaluation, progress, roots

    class Indexed(Message):
        def __init__(self, entries) -> None:
            super().__init__()
            self.entries = entries

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("tui.home.progress"), id="progress-title", classes="pane-title")
        yield VimDataTable(id="progress", cursor_type="row", zebra_stripes=True)
        yield Static(t("tui.home.units"), classes="pane-title")
        yield UnitNavigator(id="navigator")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#progress", VimDataTable)
        table.add_columns(*t("tui.progress.headers").split("|"))
        table.loading = True
        self.load()

    @db_worker(group="home")
    def load(self) -> None:
        from ..services.progress import evaluation_progress
        from ..services.units import unit_tree

        database = self.app.database
        evaluation, progress = evaluation_progress(database)
        self.post_message(self.Loaded(evaluation, progress, unit_tree(database)))

    def on_unit_navigator_index_wanted(self, _message: UnitNavigator.IndexWanted) -> None:
        self.index_names()

    @db_worker(group="home-index")
    def index_names(self) -> None:
        """Pinyin initials, built on the first filter: pypinyin costs a noticeable import,
        which the first screen should not pay."""
        from ..services.workspace import search_entries

        self.post_message(self.Indexed(search_entries(self.app.database)))

    def on_home_screen_loaded(self, message: Loaded) -> None:
        title = self.query_one("#progress-title", Static)
        evaluation = message.evaluation
        title.update(
            literal(f"{t('tui.home.progress')}  {evaluation.name}")
            if evaluation
            else t("tui.home.no_evaluation")
        )
        table = self.query_one("#progress", VimDataTable)
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
                _mark(row.office_scores),
                _mark(row.problems_open),
                _mark(row.problems_overdue),
                _mark(row.problems_closed),
                key=str(row.unit_id),
            )
        table.loading = False
        self.query_one(UnitNavigator).show_units(message.roots)
        table.focus()
        self.app.call_after_refresh(self.app.first_screen_shown)

    def on_home_screen_indexed(self, message: Indexed) -> None:
        self.app.search_entries = message.entries
        self.query_one(UnitNavigator).set_initials(message.entries)

    def on_data_table_row_selected(self, event: VimDataTable.RowSelected) -> None:
        self.app.open_unit(int(event.row_key.value))

    def on_unit_navigator_chosen(self, message: UnitNavigator.Chosen) -> None:
        self.app.open_unit(message.unit_id)
