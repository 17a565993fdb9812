"""The screens offer what the account may do and grey the rest: a viewer reads every
screen and changes nothing, an evaluator limited to one unit steps that unit's problems
only, an admin keeps every key. The header names the account and its role."""

from __future__ import annotations

import pytest
from textual.widgets import Button

from orgeval_tui.app import OrgevalApp
from orgeval_tui.i18n import set_language
from orgeval_tui.screens.home import HomeScreen
from orgeval_tui.screens.ledger import LedgerScreen
from orgeval_tui.storage.database import Database
from tests.tui.helpers import settle, table_rows


@pytest.fixture(autouse=True)
def _chinese():
    set_language("zh")


def _enabled(screen, key: str) -> bool | None:
    """Whether the footer offers ``key`` (None: not shown on this screen at all)."""
    binding = screen.active_bindings.get(key)
    return None if binding is None else binding.enabled


async def _ledger_on(pilot, number: str) -> LedgerScreen:
    await settle(pilot)
    await pilot.press("L")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, LedgerScreen)
    table = screen.query_one("#ledger-table").table
    numbers = [row[1] for row in table_rows(table)]
    table.move_cursor(row=numbers.index(number))
    await settle(pilot)
    return screen


async def test_a_viewer_sees_every_screen_with_the_changes_greyed(demo_db, actor):
    actor("小李", role="viewer")
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        home = app.screen
        assert app.sub_title == "小李 · 查看者"
        assert [_enabled(home, key) for key in "eui"] == [False, False, False]
        assert all(button.disabled for button in home.query(Button))
        await pilot.press("e")
        await settle(pilot)
        assert app.screen is home  # no form opened

        ledger = await _ledger_on(pilot, "2021-010")
        assert _enabled(ledger, "a") is False
        assert not [key for key, b in ledger.active_bindings.items() if b.binding.action
                    in ("step", "steps") and b.enabled]  # fmt: skip
        await pilot.press("a")
        await settle(pilot)
        assert app.screen is ledger
        assert "气象灾害预警信息" in str(ledger.query_one("#ledger-detail-text").render())


def _weather_evaluator(demo_db, actor) -> Database:
    """The demo, acted on by 小王, an evaluator for 县气象局 only."""
    from orgeval_tui.services.users import add_user

    database = Database.open(str(demo_db))
    add_user(database, "小王", "evaluator", ["县气象局"])
    actor("小王", db=database)
    return database


async def test_an_evaluator_of_one_unit_steps_only_that_units_problems(demo_db, actor):
    app = OrgevalApp(_weather_evaluator(demo_db, actor), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        ledger = await _ledger_on(pilot, "2021-010")  # 气象局's, being rectified
        assert app.sub_title == "小王 · 评估员"
        own = {b.binding.action for b in ledger.active_bindings.values() if b.enabled}
        assert any(action.startswith("step") for action in own)
        assert _enabled(ledger, "a") is True

        table = ledger.query_one("#ledger-table").table
        table.move_cursor(row=0)  # 2021-001, 总工会's
        await settle(pilot)
        other = {b.binding.action for b in ledger.active_bindings.values() if b.enabled}
        assert not any(action.startswith("step") for action in other)

        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert [_enabled(app.screen, key) for key in "eui"] == [False, False, True]


async def test_the_admin_keeps_every_key(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.sub_title == ""  # nothing greyed, nothing to explain
        assert [_enabled(app.screen, key) for key in "eui"] == [True, True, True]
        ledger = await _ledger_on(pilot, "2021-010")
        assert _enabled(ledger, "a") is True


async def test_a_new_problem_is_offered_only_for_the_evaluators_units(demo_db, actor):
    from orgeval_tui.dialogs.form import FormScreen

    app = OrgevalApp(_weather_evaluator(demo_db, actor), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        await _ledger_on(pilot, "2021-010")
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormScreen)
        (unit_field,) = [field for field in form.fields if field.name == "unit"]
        assert [label for label, _ in unit_field.options] == ["县气象局"]


async def test_a_viewer_reads_the_on_site_notes_and_cannot_change_them(tmp_path, actor):
    from orgeval_tui.screens.fieldwork import FieldworkScreen
    from orgeval_tui.services import fieldwork
    from tests.tui.fieldwork_office import build_field_office

    office = build_field_office(tmp_path / "office.db")
    database = office.open()
    fieldwork.save_notes(database, office.activity_id, "谈话要点")
    actor("小李", role="viewer", db=database)
    app = OrgevalApp(database, keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_unit(office.unit_id)
        await settle(pilot)
        unit = app.screen
        unit.query_one("#tabs").active = "fieldwork"
        await settle(pilot)
        assert _enabled(unit, "s") is False and _enabled(unit, "a") is False
        await pilot.press("enter")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, FieldworkScreen)
        await pilot.press("x", "y", "f3")
        await settle(pilot)
        assert editor.editor.text == "谈话要点" and editor.editor.read_only
        assert _enabled(editor, "f3") is False
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is unit  # left without a refused save

    detail = fieldwork.activity_detail(database, office.activity_id)
    assert (detail.notes, detail.draft, detail.findings) == ("谈话要点", None, ())
