"""The command palette as a user meets it: opened at once, typed into at once."""

from __future__ import annotations

import time

from textual.command import CommandList

from orgeval_tui.app import OrgevalApp
from orgeval_tui.services import workspace
from orgeval_tui.storage.database import Database

from .helpers import settle


def _slow_search_entries(monkeypatch, seconds: float) -> None:
    """The units' pinyin index takes as long as it does on a cold start (pypinyin's import
    and a read), so the user's keys arrive before it is there."""
    real = workspace.search_entries

    def slow(database):
        time.sleep(seconds)
        return real(database)

    monkeypatch.setattr(workspace, "search_entries", slow)


async def _prompts(pilot, seconds: float) -> list[str]:
    """What the palette lists, once it has had ``seconds`` to answer."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        await pilot.pause(0.1)
    options = pilot.app.screen.query_one(CommandList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_gxj_typed_before_the_unit_index_is_ready_still_finds_the_bureau(
    demo_db, monkeypatch
):
    _slow_search_entries(monkeypatch, 0.6)
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press("g", "x", "j")
        found = await _prompts(pilot, 2.0)

    assert any("县工业和信息化局" in prompt for prompt in found), found


async def test_an_emptied_query_lists_the_commands_again(demo_db, monkeypatch):
    _slow_search_entries(monkeypatch, 0.6)
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press("g", "x", "j")
        await pilot.pause(0.1)
        await pilot.press("backspace", "backspace", "backspace")
        found = await _prompts(pilot, 2.0)

    assert found, "an empty query lists what the palette offers"
    assert any("县总工会" in prompt for prompt in found), found


async def test_the_palette_opened_after_the_home_screen_loaded_finds_units(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press("g", "x", "j")
        found = await _prompts(pilot, 1.5)

    assert any("县工业和信息化局" in prompt for prompt in found), found
