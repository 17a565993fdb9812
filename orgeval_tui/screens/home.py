"""Home: the registered units (a placeholder until the full workspace lands)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from ..i18n import t
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
        table.add_columns(*t("unit.headers").split("|"))
        self.load_units()

    @db_worker(group="home-units")
    def load_units(self) -> None:
        from ..services.units import unit_tree

        self.post_message(self.UnitsLoaded(unit_tree(self.app.database)))

    def on_home_screen_units_loaded(self, message: UnitsLoaded) -> None:
        table = self.query_one("#units", DataTable)
        status = self.query_one("#status", Static)
        table.clear()

        def add(node, depth: int) -> None:
            indent = "  " * (depth - 1) + "└ " if depth else ""
            table.add_row(
                f"{indent}{node.name}",
                node.short_name or "",
                t(f"unit.kind.{node.kind}"),
                str(node.quota_admin),
                str(node.quota_public),
                str(node.quota_service),
                str(node.quota_leaders),
                key=str(node.id),
            )
            for child in node.children:
                add(child, depth + 1)

        for root in message.roots:
            add(root, 0)
        status.update(t("tui.units") if message.roots else t("tui.no_units"))
        table.focus()
