"""Exporting the problem ledger from the TUI: the key on the ledger screen and the
palette command give a form with a path; the workbook is written and the notice says
where and how many."""

from __future__ import annotations

import openpyxl
import pytest
from textual.widgets import Input

from orgeval_tui.app import OrgevalApp
from orgeval_tui.dialogs.form import FormScreen
from orgeval_tui.i18n import set_language
from orgeval_tui.storage.database import Database

from .helpers import settle


@pytest.fixture(autouse=True)
def chinese():
    set_language("zh")


def _cells(path) -> list[str]:
    sheet = openpyxl.load_workbook(path).active
    return [str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell]


async def test_the_ledger_screen_exports_the_ledger_to_the_path_typed(demo_db, tmp_path):
    target = tmp_path / "台账" / "问题台账.xlsx"
    target.parent.mkdir()
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        await pilot.press("X")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormScreen)
        path_input = form.query_one("#field-file", Input)
        assert path_input.value.endswith("问题台账.xlsx")
        path_input.value = str(target)
        await pilot.click("#form-ok")
        await settle(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
        notices = [str(toast.render()) for toast in app.screen.query("Toast")]

    cells = _cells(target)
    assert any("内设机构挂牌不规范" in cell for cell in cells)
    assert any(str(target) in notice and "10 个问题" in notice for notice in notices)


async def test_the_palette_offers_the_export_and_a_wrong_suffix_is_refused(demo_db, tmp_path):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"导出问题台账")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-file", Input).value = str(tmp_path / "台账.csv")
        await pilot.click("#form-ok")
        await settle(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
        error = str(form.query_one(".form-error").render())
        still_open = app.screen is form

    assert still_open
    assert "台账.csv" in error and ".xlsx" in error
    assert not (tmp_path / "台账.csv").exists()
