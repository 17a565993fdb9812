"""With next year's evaluation current, home, a unit's screen and the ledger show none
of the pilot's questionnaires, visits or problems; switched back, they show them all."""

from __future__ import annotations

from datetime import date

from orgeval_tui.app import OrgevalApp
from orgeval_tui.demo.pilot_data import EVALUATION
from orgeval_tui.screens.home import HomeScreen
from orgeval_tui.screens.ledger import LedgerScreen
from orgeval_tui.screens.unit import UnitScreen
from orgeval_tui.services.evaluations import Period, create_evaluation, use_evaluation
from orgeval_tui.storage.database import Database

from .helpers import bureau_id, settle, table_rows

PILOT = EVALUATION["name"]


def _next_year(database) -> None:
    create_evaluation(
        database,
        "2022年度评估",
        date(2022, 6, 30),
        number_prefix="2022",
        periods=[Period("2022年度", date(2022, 1, 1), date(2022, 12, 31))],
        copy_from=PILOT,
    )


def _bureau_on_home(app) -> list[str]:
    rows = {row[0]: row for row in table_rows(app.screen.query_one("#progress"))}
    return rows["县工信局"]


def _unit_tables(screen) -> tuple[list, dict, dict]:
    return (
        table_rows(screen.query_one("#problems-table")),
        dict(table_rows(screen.query_one("#evaluations-table")))
        | dict(table_rows(screen.query_one("#review-peer"))),
        dict(table_rows(screen.query_one("#overview-table"))),
    )


async def _wait(pilot, seconds: float) -> None:
    await pilot.pause(seconds)
    await settle(pilot)


async def test_next_years_home_and_unit_screen_show_none_of_the_pilots_data(demo_db):
    database = Database.open(str(demo_db))
    _next_year(database)
    app = OrgevalApp(database, keymap={})
    app.CHANGE_POLL_SECONDS = 0.2

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        home = _bureau_on_home(app)
        app.open_unit(bureau_id(demo_db))
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, UnitScreen)
        problems, evaluations, overview = _unit_tables(screen)

        use_evaluation(database, PILOT)  # as the palette or another evaluator does
        await _wait(pilot, 0.6)
        problems_back, evaluations_back, overview_back = _unit_tables(screen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        home_back = _bureau_on_home(app)

    # name, staff, log, cases, self, peer, on-site, office, open, overdue, concluded
    assert home[2:4] == ["—", "—"], "no log entry nor case of 2022"
    assert home[5:7] == ["—", "—"], "no questionnaire, no visit"
    assert home[8:] == ["—", "—", "—"], "no problem"
    assert problems == []
    # Next year's rubric is in place, and nobody has scored against it yet.
    assert evaluations == {
        "self-evaluation score": "no data",
        "rubric maximum": "100.0",
        "items self-scored": "0",
        "rubric items": "22",
        "self-evaluation report": "not imported (orgeval import selfreport FILE --unit U)",
        "peer questionnaires": "no data",
    }
    assert "peer score" not in overview and overview["On-site activities"] == "0"

    assert home_back[2:4] == ["12255", "154"]
    assert home_back[5] == "375" and home_back[6] != "—" and home_back[10] == "4"
    assert [row[0] for row in problems_back] == ["2021-005", "2021-006", "2021-007", "2021-008"]
    assert evaluations_back["peer score"] == "99.28"
    assert overview_back["peer score"] == "99.28"


async def test_next_years_ledger_screen_lists_none_of_the_pilots_problems(demo_db):
    database = Database.open(str(demo_db))
    _next_year(database)
    app = OrgevalApp(database, keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LedgerScreen)
        rows = table_rows(screen.query_one("#ledger-table").table)
        use_evaluation(database, PILOT)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        rows_back = table_rows(app.screen.query_one("#ledger-table").table)

    assert rows == []
    assert [row[1] for row in rows_back] == [f"2021-{n:03d}" for n in range(1, 11)]
