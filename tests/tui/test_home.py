"""The first screen: the registered units, loaded off the UI thread."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from orgeval_tui.app import OrgevalApp
from orgeval_tui.db import Database
from orgeval_tui.screens.error import ErrorScreen
from orgeval_tui.screens.home import HomeScreen


async def _settle(pilot, app) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_home_lists_the_pilot_units_with_children_indented(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)))

    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot, app)
        table = app.screen.query_one("#units", DataTable)
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]

    assert names[:4] == ["县总工会", "└ 县工人文化宫", "县工业和信息化局", "县气象局"]
    assert "沂城街道" in names, "the peer-evaluating townships are units too"


async def test_empty_database_says_how_to_add_a_unit(tmp_path):
    app = OrgevalApp(Database.open(str(tmp_path / "empty.db")))

    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot, app)
        status = str(app.screen.query_one("#status", Static).render())

    assert "orgeval units add" in status


async def test_a_failing_load_shows_a_modal_not_a_crash(demo_db, monkeypatch):
    def broken_tree(_db):
        raise RuntimeError("disk unplugged")

    monkeypatch.setattr("orgeval_tui.services.units.unit_tree", broken_tree)
    app = OrgevalApp(Database.open(str(demo_db)))

    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot, app)
        assert isinstance(app.screen, ErrorScreen)
        assert "disk unplugged" in str(app.screen.query_one("#error-message", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert app.return_code in (None, 0)


async def test_ctrl_q_quits(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)))

    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot, app)
        await pilot.press("ctrl+q")
        await pilot.pause()

    assert app.return_code == 0


def test_demo_without_a_terminal_says_to_use_ssh_t(cli):
    result = cli("demo")

    assert result.code == 1
    assert "ssh -t" in result.err
