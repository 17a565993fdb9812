"""Every screen's keys are readable in its footer at 80×24, in Chinese and in English:
no key runs under the palette's ^p or off the edge."""

from __future__ import annotations

import pytest
from textual.widgets import Footer

from orgeval_tui.app import OrgevalApp
from orgeval_tui.i18n import set_language
from orgeval_tui.storage.database import Database

from .helpers import bureau_id, settle


async def _home(pilot, demo_db) -> None:
    await settle(pilot)


async def _home_tree(pilot, demo_db) -> None:
    await settle(pilot)
    pilot.app.screen.query_one("#unit-tree").focus()
    await settle(pilot)


def _unit_tab(tab: str, focus: str | None = None):
    async def steps(pilot, demo_db) -> None:
        await settle(pilot)
        pilot.app.open_unit(bureau_id(demo_db))
        await settle(pilot)
        pilot.app.screen.query_one("#tabs").active = tab
        await settle(pilot)
        if focus:
            pilot.app.screen.query_one(focus).focus()
            await settle(pilot)

    return steps


async def _ledger_on_a_reported_problem(pilot, demo_db) -> None:
    """2021-001 is reported: verify, reopen and withdraw are all open to it."""
    await settle(pilot)
    await pilot.press("L")
    await settle(pilot)


async def _ledger_with_a_mixed_selection(pilot, demo_db) -> None:
    """2021-001 (reported) and 2021-010 (rectifying) selected: five steps are open to
    one or the other, more than the footer has room for one by one."""
    await _ledger_on_a_reported_problem(pilot, demo_db)
    await pilot.press("space", "G", "space")
    await settle(pilot)


async def _scoring(pilot, demo_db) -> None:
    await settle(pilot)
    pilot.app.open_scoring("县工业和信息化局")
    await settle(pilot)


async def _note_editor(pilot, demo_db) -> None:
    await _unit_tab("fieldwork")(pilot, demo_db)
    await pilot.press("enter")
    await settle(pilot)


SCREENS = {
    "home": _home,
    "home-tree": _home_tree,
    "unit-overview": None,
    "unit-log": None,
    "unit-chart": None,
    "unit-problems": None,
    "unit-fieldwork": None,
    "note-editor": _note_editor,
    "ledger": _ledger_on_a_reported_problem,
    "ledger-mixed": _ledger_with_a_mixed_selection,
    "scoring": _scoring,
}


def _steps(name):
    match name:
        case "unit-overview":
            return _unit_tab("overview")
        case "unit-log":
            return _unit_tab("log", "#log-table VimDataTable")
        case "unit-chart":
            return _unit_tab("duties", "#duties-categories")
        case "unit-problems":
            return _unit_tab("problems", "#problems-table")
        case "unit-fieldwork":
            return _unit_tab("fieldwork", "#fieldwork-table")
    return SCREENS[name]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", list(SCREENS))
async def test_every_key_of_the_footer_is_readable_at_80_by_24(name, lang, demo_db):
    set_language(lang)
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        steps = _steps(name)
        await steps(pilot, demo_db)
        footer = app.screen.query_one(Footer)
        # Textual's footer keys, by their type's name (the class is not public).
        keys = [k for k in footer.query("FooterKey") if not k.has_class("-command-palette")]
        palette = footer.query_one(".-command-palette").region
        shown = [(k.key_display, str(k.render()).strip(), k.region) for k in keys]

    assert shown, "the footer shows keys"
    clipped = [f"{key} {words}" for key, words, region in shown if region.right > palette.x]
    assert not clipped, f"under ^p or off the edge: {clipped}"
    # In the note editor `?` is typed into the notes: its help is on F1.
    help_key = "f1" if name == "note-editor" else "?"
    assert any(key == help_key for key, _, _ in shown), "the help's key is always in the footer"


async def test_help_says_in_full_what_the_footer_says_in_a_word(demo_db):
    set_language("zh")
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        await _ledger_on_a_reported_problem(pilot, demo_db)
        await pilot.press("question_mark")
        await settle(pilot)
        table = app.screen.query_one("#help-table")
        rows = {
            str(table.get_row_at(i)[2]): str(table.get_row_at(i)[1]) for i in range(table.row_count)
        }

    assert rows["ledger.verify"] == "回头看销号"
    assert rows["ledger.reopen"] == "回头看退回整改"
