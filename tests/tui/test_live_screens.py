"""Every screen shows the database as it is now: when it comes back into view, and
within seconds of another evaluator's change, without a key."""

from __future__ import annotations

from datetime import date

from orgeval_tui.app import OrgevalApp
from orgeval_tui.screens.home import HomeScreen
from orgeval_tui.screens.ledger import LedgerScreen
from orgeval_tui.screens.unit import UnitScreen
from orgeval_tui.services import ledger, progress
from orgeval_tui.storage.database import Database

from .helpers import settle, table_rows


def _progress(app) -> dict[str, list[str]]:
    return {row[0]: row for row in table_rows(app.screen.query_one("#progress"))}


def _ledger_work(database) -> None:
    """What the tester did in the ledger: strike off one problem, extend another."""
    ledger.apply(database, "verify", [("2021-001", None)], note="已整改到位")
    ledger.apply(
        database, "extend", [("2021-010", None)], deadline=date(2099, 12, 31), reason="汛期"
    )


async def _wait(pilot, seconds: float) -> None:
    await pilot.pause(seconds)
    await settle(pilot)


async def test_home_shows_the_ledger_work_on_escape(demo_db):
    database = Database.open(str(demo_db))
    app = OrgevalApp(database, keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        before = _progress(app)
        await pilot.press("L")
        await settle(pilot)
        assert isinstance(app.screen, LedgerScreen)
        _ledger_work(database)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        after = _progress(app)

    assert (before["总工会"][10], after["总工会"][10]) == ("3", "4"), "struck off"
    assert (before["气象局"][9], after["气象局"][9]) == ("1", "—"), "no longer overdue"


async def test_another_evaluators_change_shows_on_home_without_a_key(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})
    app.CHANGE_POLL_SECONDS = 0.2

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        elsewhere = Database.open(str(demo_db))  # another evaluator, another connection
        _ledger_work(elsewhere)
        elsewhere.dispose()
        await _wait(pilot, 0.6)
        after = _progress(app)

    assert after["总工会"][10] == "4"
    assert after["气象局"][9] == "—"


async def test_an_idle_screen_over_an_unchanged_database_reads_it_once(demo_db, monkeypatch):
    reads = []
    real = progress.evaluation_progress
    monkeypatch.setattr(progress, "evaluation_progress", lambda db: reads.append(1) or real(db))
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})
    app.CHANGE_POLL_SECONDS = 0.1

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await _wait(pilot, 0.8)

    assert len(reads) == 1


async def test_the_unit_screen_follows_a_change_and_keeps_its_tab(demo_db):
    database = Database.open(str(demo_db))
    app = OrgevalApp(database, keymap={})
    app.CHANGE_POLL_SECONDS = 0.2

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "enter")  # 气象局
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, UnitScreen)
        screen.query_one("#tabs").active = "problems"
        await settle(pilot)
        before = table_rows(screen.query_one("#problems-table"))
        _ledger_work(database)
        await _wait(pilot, 0.6)
        after = table_rows(screen.query_one("#problems-table"))
        tab = screen.query_one("#tabs").active

    assert tab == "problems"
    row = next(r for r in before if r[0] == "2021-010")
    assert row[3].endswith("!"), "overdue before"
    assert next(r for r in after if r[0] == "2021-010")[3] == "2099-12-31"


async def test_the_ledger_follows_another_evaluators_change(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})
    app.CHANGE_POLL_SECONDS = 0.2

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        elsewhere = Database.open(str(demo_db))
        _ledger_work(elsewhere)
        elsewhere.dispose()
        await _wait(pilot, 0.6)
        rows = {r[1]: r for r in table_rows(app.screen.query_one("#ledger-table").table)}

    assert "2099-12-31" in rows["2021-010"]


async def test_a_database_gone_away_is_said_once_not_every_poll(demo_db, monkeypatch):
    from orgeval_tui.dialogs.error import ErrorScreen
    from orgeval_tui.services import changes

    app = OrgevalApp(Database.open(str(demo_db)), keymap={})
    app.CHANGE_POLL_SECONDS = 0.1

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)

        def gone(_db):
            raise ConnectionError("server closed the connection")

        monkeypatch.setattr(changes, "data_marker", gone)
        await _wait(pilot, 0.8)
        errors = [screen for screen in app.screen_stack if isinstance(screen, ErrorScreen)]

    assert len(errors) == 1


async def test_a_poll_while_the_unit_index_is_read_does_not_read_it_again(demo_db, monkeypatch):
    """The palette's units take longer to read than the first poll (a loaded machine):
    the poll leaves that reading alone instead of cancelling it and starting over."""
    import time

    from orgeval_tui.services import workspace

    real, calls = workspace.search_entries, []

    def slow(database):
        calls.append(1)
        time.sleep(OrgevalApp.CHANGE_POLL_SECONDS + 0.5)
        return real(database)

    monkeypatch.setattr(workspace, "search_entries", slow)
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(OrgevalApp.CHANGE_POLL_SECONDS * 2 + 1)
        await settle(pilot)
        entries = app.search_entries

    assert len(calls) == 1
    assert entries, "the units were read"
