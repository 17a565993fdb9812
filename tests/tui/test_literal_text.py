"""Names and texts that users typed are shown as written, never read as markup: a
bracket in a unit's name or a problem's title neither colours the screen nor stops it."""

from __future__ import annotations

from sqlalchemy import update
from textual.widgets import Static

from orgeval_tui.app import OrgevalApp
from orgeval_tui.dialogs.form import FormScreen
from orgeval_tui.i18n import set_language
from orgeval_tui.models import Evaluation
from orgeval_tui.screens.home import HomeScreen
from orgeval_tui.screens.ledger import LedgerScreen
from orgeval_tui.services import ledger
from orgeval_tui.services.units import add_unit, unit_tree
from orgeval_tui.storage.database import Database

from .helpers import settle, table_rows, tree_labels

UNIT = "县[b]营商办[/b]"
TITLE = "挂牌[/b]不规范[red]"


def _bracketed(demo_db) -> Database:
    database = Database.open(str(demo_db))
    add_unit(database, UNIT, short_name="[i]营商")
    with database.write() as session:
        session.execute(update(Evaluation).values(name="[bold]2021年度评估"))
    ledger.add(database, UNIT, TITLE, description="[link=x]说明[/link]")
    return database


async def test_brackets_in_user_text_show_as_written_everywhere(demo_db):
    database = _bracketed(demo_db)
    set_language("zh")
    app = OrgevalApp(database, keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        title = str(home.query_one("#progress-title", Static).render())
        units = tree_labels(home.query_one("#unit-tree"))
        await pilot.press("L")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LedgerScreen)
        table = screen.query_one("#ledger-table").table
        table.move_cursor(row=table.row_count - 1)
        await settle(pilot)
        row = table_rows(table)[-1]
        detail = str(screen.query_one("#ledger-detail-text", Static).render())
        await pilot.press("slash")
        for key in "[/b]":
            await pilot.press(key)
        await pilot.press("enter")
        await settle(pilot)
        filters = str(screen.query_one("#ledger-filters", Static).render())
        await pilot.press("x")
        await settle(pilot)
        table.move_cursor(row=table.row_count - 1)
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        form = app.screen
        note = str(form.query_one(".form-note", Static).render())

    assert "[bold]2021年度评估" in title
    assert any(UNIT in label for label in units)
    assert row[2] == "[i]营商" and row[3].startswith("挂牌[/b]")
    assert TITLE in detail and "[link=x]说明[/link]" in detail
    assert "“[/b]”" in filters
    assert isinstance(form, FormScreen) and TITLE in note


async def test_a_unit_with_brackets_in_its_name_opens(demo_db):
    database = _bracketed(demo_db)
    unit_id = next(node.id for node in unit_tree(database) if node.name == UNIT)
    app = OrgevalApp(database, keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_unit(unit_id)
        await settle(pilot)
        problems = table_rows(app.screen.query_one("#problems-table"))
        shown = app.screen.title

    assert shown == UNIT
    assert problems[0][1] == TITLE
