"""What a unit's tabs show at 80×24: every figure home counts has a place, tables read
as tables, the log's columns fit, and a problem opens in the ledger."""

from __future__ import annotations

from orgeval_tui.app import OrgevalApp
from orgeval_tui.i18n import set_language
from orgeval_tui.screens.ledger import LedgerScreen
from orgeval_tui.screens.unit import UnitScreen
from orgeval_tui.storage.database import Database

from .helpers import settle, table_rows, unit_id


async def _open(pilot, demo_db, name: str = "县工业和信息化局") -> UnitScreen:
    await settle(pilot)
    pilot.app.open_unit(unit_id(demo_db, name))
    await settle(pilot)
    return pilot.app.screen


async def _tab(pilot, screen, tab: str) -> None:
    screen.query_one("#tabs").active = tab
    await settle(pilot)


async def test_the_overview_counts_the_on_site_activities_home_counts(demo_db):
    set_language("zh")
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        home = {row[0]: row for row in table_rows(app.screen.query_one("#progress"))}
        screen = await _open(pilot, demo_db)
        overview = dict(table_rows(screen.query_one("#overview-table")))

    assert home["县工信局"][6] == "5"
    assert overview["实地评估活动"] == "5 项（明细见“实地”页签）"


async def test_never_executed_duties_have_a_heading_and_read_left_to_right(demo_db):
    set_language("zh")
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot, demo_db)
        await _tab(pilot, screen, "duties")
        heading = str(screen.query_one("#duties-never-title").render())
        first = screen.query_one("#duties-never").get_row_at(0)

    assert heading == "未开展的职责（38 项）"
    assert getattr(first[1], "justify", None) != "right", "a name reads from the left"


def _log_some_work_without_a_section(demo_db) -> None:
    """Work logged by someone of no section (a leader): the system leaves 所在科室 blank."""
    from sqlalchemy import text

    database = Database.open(str(demo_db))
    with database.write() as session:
        session.execute(text("UPDATE work_log_entry SET section_id = NULL WHERE id % 3 = 0"))
    database.dispose()


async def test_hours_without_a_section_are_named_so(demo_db):
    _log_some_work_without_a_section(demo_db)
    set_language("zh")
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot, demo_db)
        labels = [bar.label for bar in screen.query_one("#duties-sections").bars]

    assert "未分科室" in labels
    assert "—" not in labels


async def test_enter_on_a_problem_opens_the_ledger_on_it(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot, demo_db)
        await _tab(pilot, screen, "problems")
        screen.query_one("#problems-table").focus()
        await pilot.press("j", "enter")
        await settle(pilot)
        ledger = app.screen
        rows = table_rows(ledger.query_one("#ledger-table").table)

    assert isinstance(ledger, LedgerScreen)
    assert [row[1] for row in rows] == ["2021-006"]


async def test_the_log_columns_fit_at_80_columns(demo_db):
    set_language("zh")
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot, demo_db)
        await _tab(pilot, screen, "log")
        table = screen.query_one("#log-table").table
        width = table.virtual_size.width
        room = table.scrollable_content_region.width

    assert width <= room, f"the log is {width} cells wide in {room}: 次数 and 时长 hidden"


async def test_l_scrolls_the_log_a_column_at_a_time(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(50, 24)) as pilot:
        screen = await _open(pilot, demo_db)
        await _tab(pilot, screen, "log")
        table = screen.query_one("#log-table").table
        table.focus()
        await pilot.press("l")
        await settle(pilot)
        moved = table.scroll_x
        first_column = table.ordered_columns[0].get_render_width(table)

    assert moved == first_column, "one press: past the date column, not one cell"


async def test_the_duty_figures_say_what_they_rest_on(demo_db):
    """With no work log in 2020, the rates are 无数据 and the duties tab and the overview
    say why beside them, as the command line does."""
    import sqlite3

    with sqlite3.connect(demo_db) as connection:
        connection.execute("DELETE FROM work_log_entry WHERE day < '2021-01-01'")
    set_language("zh")
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot, demo_db)
        duties = table_rows(screen.query_one("#duties-table"))
        overview = table_rows(screen.query_one("#overview-table"))

    no_log = ["说明", "该期间无履职记录：执行率、填报率和工作量比率无法计算"]
    assert ["填报率", "无数据"] in duties
    assert no_log in duties
    assert no_log in overview
