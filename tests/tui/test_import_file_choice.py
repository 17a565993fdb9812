"""Choosing the file to import: completed as it is typed, or picked in a dialog."""

from __future__ import annotations

import pytest
from textual.widgets import Input
from textual_fspicker import FileOpen

from orgeval_tui.app import OrgevalApp
from orgeval_tui.i18n import set_language
from orgeval_tui.widgets.path_suggester import complete_path

from .helpers import settle


def test_a_typed_path_is_completed_from_its_folder(tmp_path):
    (tmp_path / "名册.xlsx").write_bytes(b"")
    (tmp_path / "名单").mkdir()
    (tmp_path / ".名册.xlsx").write_bytes(b"")  # hidden: never offered

    assert complete_path(f"{tmp_path}/名册") == f"{tmp_path}/名册.xlsx"
    assert complete_path(f"{tmp_path}/名单") == f"{tmp_path}/名单/", "a folder gets its /"
    assert complete_path(f"{tmp_path}/名") == f"{tmp_path}/名册.xlsx", "the first by name"
    assert complete_path(f"{tmp_path}/问卷") is None
    assert complete_path(f"{tmp_path}/no such folder/名") is None


@pytest.mark.sqlite_only
async def test_a_file_picked_in_the_dialog_fills_the_form(database, tmp_path, monkeypatch):
    set_language("zh")
    roster = tmp_path / "名册.xlsx"
    roster.write_bytes(b"")
    monkeypatch.chdir(tmp_path)
    async with OrgevalApp(database, keymap={}).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        form = pilot.app.screen
        await pilot.press("ctrl+o")
        await settle(pilot)
        picker = pilot.app.screen
        assert isinstance(picker, FileOpen)
        picker.dismiss(roster)  # as its 选定 does with the file highlighted
        await settle(pilot)
        back = pilot.app.screen is form
        typed = form.query_one("#field-file", Input).value

    assert back and typed == str(roster)
