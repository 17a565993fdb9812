"""A unit edited or removed elsewhere (`orgeval units edit` in another shell) shows on
the first screen's unit tree within seconds, without a key."""

from __future__ import annotations

from orgeval_tui.app import OrgevalApp
from orgeval_tui.services.unit_edits import edit_unit, remove_unit
from orgeval_tui.services.units import add_unit
from orgeval_tui.storage.database import Database

from .helpers import settle, tree_labels


async def _labels_after(pilot, app, seconds: float) -> list[str]:
    await pilot.pause(seconds)
    await settle(pilot)
    return tree_labels(app.screen.query_one("#unit-tree"))


async def test_the_unit_tree_follows_a_rename_and_a_removal_made_elsewhere(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})
    app.CHANGE_POLL_SECONDS = 0.2

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        before = tree_labels(app.screen.query_one("#unit-tree"))
        elsewhere = Database.open(str(demo_db))  # the command line, its own connection
        edit_unit(elsewhere, "县工信局", name="县经济和信息化局", short_name="县经信局")
        renamed = await _labels_after(pilot, app, 0.6)
        add_unit(elsewhere, "县临时机构")
        added = await _labels_after(pilot, app, 0.6)
        remove_unit(elsewhere, "县临时机构")
        removed = await _labels_after(pilot, app, 0.6)
        elsewhere.dispose()

    assert "县工业和信息化局（县工信局）" in before
    assert "县经济和信息化局（县经信局）" in renamed
    assert "县工业和信息化局（县工信局）" not in renamed
    assert len(renamed) == len(before)
    assert "县临时机构" in added
    assert removed == renamed
