"""The first screen: the evaluation's progress and the unit tree, loaded off the UI thread."""

from __future__ import annotations

from datetime import date

from textual.widgets import Static

from orgeval_tui.app import OrgevalApp
from orgeval_tui.dialogs.error import ErrorScreen
from orgeval_tui.screens.home import HomeScreen
from orgeval_tui.screens.unit import UnitScreen
from orgeval_tui.storage.database import Database

from .helpers import settle, table_rows, tree_labels


async def test_home_shows_each_evaluated_units_progress(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        rows = table_rows(app.screen.query_one("#progress"))
        title = str(app.screen.query_one("#progress-title").render())

    assert [r[0] for r in rows] == ["总工会", "县工信局", "气象局"]
    bureau = rows[1]
    assert bureau[1:4] == ["19", "12255", "154"], "roster, log entries, cases loaded"
    assert title.endswith("log: 2020-01-01 – 2021-06-30"), "the log's span is stated"
    assert bureau[5] == "375", "peer questionnaires"
    assert bureau[10] == "4", "problems concluded"
    weather = rows[2]
    assert (weather[8], weather[9]) == ("1", "1"), "one open problem, overdue"
    union = rows[0]
    assert (union[8], union[10]) == ("1", "3"), "2021-001, reported, is open until struck off"


async def test_the_scored_column_shows_the_leaves_the_office_scored(demo_db):
    """Every leaf of the pilot's 22 is scored by two evaluators: each counts once."""
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        rows = table_rows(app.screen.query_one("#progress"))

    assert [(row[4], row[7]) for row in rows] == [("22", "22/22")] * 3, "self, scored"


async def test_a_fresh_evaluations_scored_column_counts_its_own_scores(demo_db):
    """Next year's evaluation starts with the pilot's units and rubric and none of its
    scores; a leaf scored in it shows at once on home."""
    from orgeval_tui.services.evaluations import create_evaluation
    from orgeval_tui.services.scores import set_score

    database = Database.open(str(demo_db))
    create_evaluation(
        database,
        "2022年度评估",
        date(2022, 6, 30),
        number_prefix="2022",
        copy_from="2021年度机构编制执行情况和使用效益评估（试点）",
    )
    app = OrgevalApp(database, keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        before = [row[7] for row in table_rows(app.screen.query_one("#progress"))]
        set_score(database, "县工信局", "A1.1", count=0)
        app.check_for_changes()
        await settle(pilot)
        after = {row[0]: row[7] for row in table_rows(app.screen.query_one("#progress"))}

    assert before == ["0/22"] * 3
    assert after == {"总工会": "0/22", "县工信局": "1/22", "气象局": "0/22"}


async def test_the_unit_tree_puts_institutions_under_their_department(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        labels = tree_labels(app.screen.query_one("#unit-tree"))

    assert labels[:3] == [
        "县总工会（总工会）",
        "县工人文化宫（文化宫）",
        "县工业和信息化局（县工信局）",
    ]
    assert len(labels) == 54


async def test_slash_filters_the_tree_by_pinyin_initials(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one("#unit-tree").focus()
        await pilot.press("slash", "y", "c", "j", "d")
        await pilot.pause()
        labels = tree_labels(app.screen.query_one("#unit-tree"))
        await pilot.press("enter", "enter")
        await settle(pilot)
        opened = app.screen

    assert labels == ["沂城街道（沂城）"]
    assert isinstance(opened, UnitScreen)


async def test_enter_on_a_progress_row_opens_the_unit(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        assert isinstance(app.screen, UnitScreen)
        assert app.screen.figures.info.name == "县工业和信息化局"
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_empty_database_lists_no_evaluation(tmp_path):
    app = OrgevalApp(Database.open(str(tmp_path / "empty.db")), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        title = str(app.screen.query_one("#progress-title", Static).render())

    assert "No evaluation yet" in title


async def test_a_failing_load_shows_a_modal_not_a_crash(demo_db, monkeypatch):
    def broken(_db):
        raise RuntimeError("disk unplugged")

    monkeypatch.setattr("orgeval_tui.services.progress.evaluation_progress", broken)
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ErrorScreen)
        assert "disk unplugged" in str(app.screen.query_one("#error-message", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert app.return_code in (None, 0)


async def test_ctrl_q_quits(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()

    assert app.return_code == 0


def test_demo_without_a_terminal_says_to_use_ssh_t(cli):
    result = cli("demo")

    assert result.code == 1
    assert "ssh -t" in result.err


async def test_the_filter_puts_the_cursor_on_a_match_not_on_its_department(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one("#unit-tree").focus()
        await pilot.press("slash", "w", "h", "g")
        await settle(pilot)
        labels = tree_labels(app.screen.query_one("#unit-tree"))
        await pilot.press("enter", "enter")
        await settle(pilot)
        opened = app.screen

    assert labels == ["县总工会（总工会）", "县工人文化宫（文化宫）"], "the department for context"
    assert isinstance(opened, UnitScreen)
    assert opened.figures.info.name == "县工人文化宫"


async def test_a_filter_that_matches_nothing_says_so(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one("#unit-tree").focus()
        await pilot.press("slash", "q", "q", "q")
        await settle(pilot)
        note = app.screen.query_one("#unit-filter-empty", Static)
        shown, text = note.display, str(note.render())
        await pilot.press("backspace", "backspace", "backspace")
        await settle(pilot)
        hidden = not note.display

    assert shown and "qqq" in text
    assert hidden, "the note goes with the filter"
