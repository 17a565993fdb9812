"""Home: the registered units (a placeholder until the full workspace lands)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from ..i18n import t
from ..presentation import unit_cells, unit_columns, walk_tree
from .workers import db_worker


class HomeScreen(Screen):
    class UnitsLoaded(Message):
        def __init__(self, roots: list) -> None:
            super().__init__()
            self.roots = roots

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("tui.placeholder"), id="intro")
        yield Static(t("tui.loading"), id="status")
        yield DataTable(id="units", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#units", DataTable)
        table.add_columns(*unit_columns())
        self.load_units()

    @db_worker(group="home-units")
    def load_units(self) -> None:
        from ..services.units import unit_tree

        self.post_message(self.UnitsLoaded(unit_tree(self.app.database)))

    def on_home_screen_units_loaded(self, message: UnitsLoaded) -> None:
        table = self.query_one("#units", DataTable)
        status = self.query_one("#status", Static)
        table.clear()
        for depth, node in walk_tree(message.roots):
            table.add_row(*unit_cells(node, depth), key=str(node.id))
        status.update(t("tui.units") if message.roots else t("tui.no_units"))
        table.focus()
