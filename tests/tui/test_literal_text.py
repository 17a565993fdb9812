"""Names and texts that users typed are shown as written, never read as markup: a
bracket in a unit's name or a problem's title neither colours the screen nor stops it."""

from __future__ import annotations

import html
import re

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


ESCAPES = "\x1b[2J\x1b]0;owned\x07"


async def test_escape_sequences_in_user_text_never_reach_the_terminal(demo_db):
    """Tables, trees, the ledger's detail and the error dialog: a control character is
    shown as its picture (␛), never written to the terminal."""
    from orgeval_tui.dialogs.error import ErrorScreen

    database = Database.open(str(demo_db))
    unit = add_unit(database, f"县{ESCAPES}局")
    ledger.add(database, f"县{ESCAPES}局", f"挂牌{ESCAPES}不规范", description=f"说明{ESCAPES}")
    with database.write() as session:
        session.execute(update(Evaluation).values(name=f"评估{ESCAPES}"))
    set_language("zh")
    app = OrgevalApp(database, keymap={})
    screens = []

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screens.append(app.export_screenshot())
        units = tree_labels(app.screen.query_one("#unit-tree"))
        await pilot.press("L")
        await settle(pilot)
        table = app.screen.query_one("#ledger-table").table
        table.move_cursor(row=table.row_count - 1)
        await settle(pilot)
        screens.append(app.export_screenshot())
        detail = str(app.screen.query_one("#ledger-detail-text", Static).render())
        app.push_screen(ErrorScreen("导入.csv：性别：不是性别：男\x1b]52;c;aGk=\x07"))
        await settle(pilot)
        screens.append(app.export_screenshot())
        message = str(app.screen.query_one("#error-message", Static).render())
        app.pop_screen()
        app.open_unit(unit.id)
        await settle(pilot)
        screens.append(app.export_screenshot())
        home_title = screens[0]

    assert all("\x1b" not in svg and "\x07" not in svg for svg in screens)
    assert any("县␛[2J␛]0;owned␇局" in label for label in units)
    assert "评估␛[2J␛]0;owned" in home_title.replace("&#160;", " ")
    # rich drops the bell itself when text is appended; the escapes it keeps are shown.
    assert "挂牌␛[2J␛]0;owned" in detail and "说明␛[2J" in detail
    assert "男␛]52;c;aGk=␇" in message


async def test_the_palette_lists_a_bracketed_unit_as_written(office):
    """Textual reads a palette entry given as a string as markup: ``县[/]局`` stopped
    the palette with a MarkupError."""
    add_unit(office, f"县[/]局{ESCAPES}", short_name="[b]局")
    app = OrgevalApp(office, keymap={})

    # Tall enough that the palette's list shows the units below the app's own commands.
    async with app.run_test(size=(100, 60)) as pilot:
        await settle(pilot)
        app.action_command_palette()
        await settle(pilot)
        await pilot.pause(0.3)
        listed = app.export_screenshot()
        for key in "局":
            await pilot.press(key)
        await pilot.pause(0.5)
        await settle(pilot)
        found = app.export_screenshot()

    for svg in (listed, found):
        text = html.unescape(re.sub(r"<[^>]+>|\n\s*", "", svg))
        assert "\x1b" not in text
        assert "县[/]局␛[2J" in text
