"""Day one in the TUI, one evaluator from an empty database to an exported ledger, by
keyboard and forms alone: set up the evaluation, register a unit, import its roster,
score it completely, record a problem and export the ledger — no step a dead end."""

from __future__ import annotations

import openpyxl
import pytest
from textual.widgets import Input, TextArea

from orgeval_tui.app import OrgevalApp
from orgeval_tui.dialogs.form import FormScreen
from orgeval_tui.i18n import set_language
from orgeval_tui.screens.ledger import LedgerScreen
from orgeval_tui.screens.scoring import ScoringScreen
from orgeval_tui.services.rubric_store import default_rubric
from orgeval_tui.services.score_sheet import score_sheet

from .first_steps_files import GOOD, write_roster
from .helpers import settle, table_rows


@pytest.fixture(autouse=True)
def chinese():
    set_language("zh")


async def _form(pilot, key: str) -> FormScreen:
    await pilot.press(key)
    await settle(pilot)
    assert isinstance(pilot.app.screen, FormScreen), key
    return pilot.app.screen


async def _fill_and_submit(pilot, form: FormScreen, **values) -> None:
    for name, value in values.items():
        widget = form.query_one(f"#field-{name}")
        if isinstance(widget, TextArea):
            widget.text = value
        else:
            widget.value = value
    # By keyboard: the notice of the step before may lie over the button.
    form.query_one("#form-ok").focus()
    await pilot.press("enter")
    await settle(pilot)
    await pilot.app.workers.wait_for_complete()
    await settle(pilot)
    assert pilot.app.screen is not form, (
        form.form_title,
        str(form.query_one(".form-error").render()),
    )


async def test_a_new_evaluator_goes_from_nothing_to_a_scored_unit_and_an_exported_ledger(
    database, tmp_path
):
    roster = write_roster(tmp_path / "名册.xlsx", GOOD)
    workbook = tmp_path / "问题台账.xlsx"
    app = OrgevalApp(database, keymap={})
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await _fill_and_submit(
            pilot,
            await _form(pilot, "e"),
            name="2022年度机构编制评估",
            reference_date="2022-12-31",
            prefix="2022",
            periods="2022年度=2022-01-01..2022-12-31",
        )
        await _fill_and_submit(
            pilot, await _form(pilot, "u"), name="县工业和信息化局", short="县工信局"
        )
        await _fill_and_submit(
            pilot, await _form(pilot, "i"), file=str(roster), unit="县工业和信息化局"
        )
        home_rows = table_rows(app.screen.query_one("#progress"))

        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"gxj")
        await settle(pilot)
        await pilot.press("down", "enter")  # 打开, then 评分

        await settle(pilot)
        assert isinstance(app.screen, ScoringScreen)
        for leaf in default_rubric().leaves():
            if leaf.code == "A1.2":
                await pilot.press("x", "1", "enter")
                await pilot.pause()
                await pilot.press(*"guapai", "enter")
            else:
                await pilot.press(*f"{leaf.maximum:g}", "enter")
            await settle(pilot)
        summary = str(app.screen.query_one("#score-summary").render())
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("L")
        await settle(pilot)
        assert isinstance(app.screen, LedgerScreen)
        await _fill_and_submit(
            pilot,
            await _form(pilot, "a"),
            unit="县工业和信息化局",
            title="内设机构挂牌不规范",
            category="机构挂牌",
        )
        ledger_rows = table_rows(app.screen.query_one("#ledger-table").table)
        form = await _form(pilot, "X")
        form.query_one("#field-file", Input).value = str(workbook)
        await _fill_and_submit(pilot, form)
        notices = [str(toast.render()) for toast in app.screen.query("Toast")]

    assert home_rows[0][:2] == ["县工信局", "3"], "the roster is counted on home"
    assert "总分 99.5 优秀" in summary and "已评 22/22" in summary
    sheet = score_sheet(database, "县工信局")
    assert sheet.line("A1.2").mine.count == 1 and sheet.line("A1.2").mine.note == "guapai"
    assert [row[1] for row in ledger_rows] == ["2022-001"]
    assert any(str(workbook) in notice for notice in notices)
    cells = openpyxl.load_workbook(workbook).active.iter_rows(values_only=True)
    assert any("内设机构挂牌不规范" in str(cell) for row in cells for cell in row)
