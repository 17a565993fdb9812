"""Reaching a unit from the palette and reading its figures, as an evaluator does."""

from __future__ import annotations

from orgeval_tui.app import OrgevalApp
from orgeval_tui.dialogs.help import HelpScreen
from orgeval_tui.i18n import set_language
from orgeval_tui.screens.home import HomeScreen
from orgeval_tui.screens.unit import UnitScreen
from orgeval_tui.storage.database import Database

from .helpers import settle, table_rows


async def _open_bureau_from_the_palette(pilot):
    await settle(pilot)
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press("g", "x", "j")
    await pilot.pause(0.3)
    await pilot.press("enter")
    await settle(pilot)


async def test_ctrl_p_gxj_enter_opens_the_bureau_with_its_execution_rate(demo_db):
    set_language("zh")
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        await _open_bureau_from_the_palette(pilot)
        screen = app.screen
        overview = dict(table_rows(screen.query_one("#overview-table")))

    assert isinstance(screen, UnitScreen)
    assert overview["单位"] == "县工业和信息化局"
    assert overview["2020年度 执行率"] == "71.21%"
    assert overview["2020年度 填报率"] == "82.67%"
    assert overview["2020年度 工作量比率"] == "78.94%"
    assert overview["互评得分"] == "99.28"


async def test_tabs_show_roster_duties_services_and_problems(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        await _open_bureau_from_the_palette(pilot)
        screen = app.screen
        await pilot.press("right_square_bracket")
        roster_tab = screen.query_one("#tabs").active
        duties = dict(table_rows(screen.query_one("#duties-table")))
        never = table_rows(screen.query_one("#duties-never"))
        services = table_rows(screen.query_one("#services-table"))
        problems = table_rows(screen.query_one("#problems-table"))

    assert roster_tab == "roster"
    assert duties["duties executed"] == "94"
    assert duties["core business share by hours"] == "76.18%"
    assert len(never) == 38
    assert ["cases", "110"] in services and ["cases", "44"] in services
    assert [row[0] for row in problems] == ["2021-005", "2021-006", "2021-007", "2021-008"]


def _forget_ranks(demo_db) -> None:
    """The bureau's roster with every rank unknown."""
    from sqlalchemy import select, update

    from orgeval_tui.models import Staff, Unit

    database = Database.open(str(demo_db))
    with database.write() as session:
        bureau = session.scalar(select(Unit.id).where(Unit.name == "县工业和信息化局"))
        ids = list(session.scalars(select(Staff.id).where(Staff.unit_id == bureau)))
        session.execute(update(Staff).where(Staff.id.in_(ids)).values(rank_level=None))
    database.dispose()


async def _bureau_roster(demo_db):
    set_language("zh")
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_bureau_from_the_palette(pilot)
        screen = app.screen
        overview = dict(table_rows(screen.query_one("#overview-table")))
        roster = dict(table_rows(screen.query_one("#roster-table")))
        chart = screen.query_one("#roster-ranks")
        chart.focus()
        await pilot.press("n")
        ranks = str(chart.render())
    return overview, roster, ranks


async def test_ranks_all_unknown_read_unknown_not_zero(demo_db):
    _forget_ranks(demo_db)

    overview, roster, ranks = await _bureau_roster(demo_db)

    assert overview["副科级以上占比"] == "不详 19/19"
    assert roster["副科级以上占比"] == "不详 19/19"
    assert ranks.splitlines()[-1].split() == ["不详", "19"]


async def test_the_rank_chart_shows_its_unknown_so_its_bars_add_up(demo_db):
    """The demo's bureau has one person whose rank its registry left blank."""
    _, roster, ranks = await _bureau_roster(demo_db)

    counts = [int(line.split()[-1]) for line in ranks.splitlines()[1:] if line.strip()]
    assert sum(counts) == 19
    assert ranks.splitlines()[-1].split() == ["不详", "1"]
    assert roster["副科级以上占比"].endswith("（不详 1/19）")


async def test_numbers_are_one_key_away_from_a_chart(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        await _open_bureau_from_the_palette(pilot)
        chart = app.screen.query_one("#roster-ages")
        chart.focus()
        bars = str(chart.render())
        await pilot.press("n")
        numbers = str(chart.render())

    assert "█" in bars
    assert "█" not in numbers and "45–54" in numbers


async def test_c_copies_the_problem_number(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        await _open_bureau_from_the_palette(pilot)
        app.screen.query_one("#tabs").active = "problems"
        app.screen.query_one("#problems-table").focus()
        await pilot.press("j", "c")
        await pilot.pause()

    assert app.clipboard == "2021-006"


async def test_question_mark_shows_the_focused_widgets_keys_first(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        await _open_bureau_from_the_palette(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        rows = table_rows(help_screen.query_one("#help-table"))
        await pilot.press("escape")
        await pilot.pause()
        back = app.screen

    assert isinstance(help_screen, HelpScreen)
    assert rows[0][0].startswith("Keys of the overview")
    ids = [row[2] for row in rows]
    assert "table.down" in ids and "unit.back" in ids and "app.quit" in ids
    assert ids.index("table.down") < ids.index("unit.back") < ids.index("app.quit")
    assert isinstance(back, UnitScreen)


async def test_keys_can_be_rebound_from_the_config(demo_db, tmp_path, monkeypatch):
    config = tmp_path / "config.toml"
    config.write_text('[keys]\n"app.help" = "f1"\n"unit.back" = "backspace"\n', encoding="utf-8")
    monkeypatch.setenv("ORGEVAL_CONFIG", str(config))
    app = OrgevalApp(Database.open(str(demo_db)))

    async with app.run_test(size=(80, 24)) as pilot:
        await _open_bureau_from_the_palette(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, UnitScreen), "? no longer opens help"
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("backspace")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


def test_no_binding_takes_ctrl_s_or_ctrl_j():
    from orgeval_tui.dialogs import error, help
    from orgeval_tui.screens import home, unit
    from orgeval_tui.widgets import figures, paged_table, unit_navigator, vim

    classes = [
        OrgevalApp,
        home.HomeScreen,
        unit.UnitScreen,
        help.HelpScreen,
        error.ErrorScreen,
        figures.BarChart,
        paged_table.PagedTable,
        unit_navigator.UnitNavigator,
        vim.VimDataTable,
        vim.VimTree,
    ]
    own = [binding for cls in classes for binding in cls.__dict__.get("BINDINGS", [])]
    keys = {key for binding in own for key in binding.key.split(",")}
    ids = [binding.id for binding in own]

    assert "ctrl+s" not in keys and "ctrl+j" not in keys
    assert all(ids), "every binding has an id"
    assert len(ids) == len(set(ids))


async def test_the_work_log_is_paged_not_loaded_whole(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        await _open_bureau_from_the_palette(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        await settle(pilot)
        log = app.screen.query_one("#log-table")
        first = (log.page_offset, log.total, log.query_one("VimDataTable").row_count)
        await pilot.press("n")
        await settle(pilot)
        second = log.page_offset
        await pilot.press("greater_than_sign")
        await settle(pilot)
        last = (log.page_offset, log.query_one("VimDataTable").row_count)
        position = str(log.query_one(".paged-position").render())

    assert first == (0, 12255, 200), "the evaluation's span has 12,255 entries, as on home"
    assert second == 200
    assert last == (12200, 55)
    assert position == "12,201–12,255 / 12,255  log entries 2020-01-01 – 2021-06-30"


def _rescore_the_bureau_itself(demo_db) -> None:
    """县工信局 corrects two of its self-scores: 4 → 3.5 and 5.5 → 8 (93 → 95)."""
    from orgeval_tui.services.scores import set_score

    database = Database.open(str(demo_db))
    set_score(database, "县工信局", "A1.1", points=3.5, note="内设机构自查", self_score=True)
    set_score(database, "县工信局", "B1.1", points=8, self_score=True)


async def _self_evaluation_on_screen(demo_db) -> tuple[dict, list]:
    """县工信局's evaluations tab, and the home screen's row for it once back."""
    set_language("zh")
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        await _open_bureau_from_the_palette(pilot)
        rows = dict(table_rows(app.screen.query_one("#evaluations-table")))
        rows |= dict(table_rows(app.screen.query_one("#review-peer")))
        await pilot.press("escape")
        await settle(pilot)
        progress = table_rows(app.screen.query_one("#progress"))
    return rows, next(row for row in progress if row[0] == "县工信局")


async def test_the_evaluations_tab_shows_the_units_self_evaluation(demo_db):
    """The demo's 县工信局 scored itself on all 22 leaves: 49 of 50 on 执行情况, 44 of 50
    on 使用效益 (pilot_scores)."""
    rows, bureau = await _self_evaluation_on_screen(demo_db)

    assert rows["自评得分"] == "93.0"
    assert rows["指标满分"] == "100.0"
    assert (rows["已自评指标"], rows["指标数"]) == ("22", "22")
    assert rows["互评得分"] == "99.28"
    assert bureau[4] == "22"  # the home screen's "self" column counts the scores


async def test_a_changed_self_score_changes_the_self_evaluation(demo_db):
    _rescore_the_bureau_itself(demo_db)
    rows, _bureau = await _self_evaluation_on_screen(demo_db)

    assert rows["自评得分"] == "95.0"
    assert (rows["已自评指标"], rows["指标数"]) == ("22", "22")


async def test_self_scores_marked_not_applicable_leave_the_maximum(demo_db):
    """县总工会 has no duty log and marked its four 履职效能 leaves 不适用: its 76.5
    points are read against the 80 left."""
    set_language("zh")
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the first progress row: 县总工会
        await settle(pilot)
        name = app.screen.figures.info.name
        rows = dict(table_rows(app.screen.query_one("#evaluations-table")))

    assert name == "县总工会"
    assert (rows["自评得分"], rows["指标满分"]) == ("76.5", "80.0")
    assert (rows["已自评指标"], rows["指标数"]) == ("22", "22")


async def test_the_pane_in_view_says_it_is_loading_until_the_figures_come(demo_db, monkeypatch):
    import threading

    from orgeval_tui.services import workspace

    release = threading.Event()
    compute = workspace.unit_figures

    def held_back(*args, **kwargs):
        release.wait(10)
        return compute(*args, **kwargs)

    monkeypatch.setattr(workspace, "unit_figures", held_back)
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("j", "enter")
        await pilot.pause()
        panes = {pane.id: pane for pane in app.screen.query("TabPane")}
        first = {name for name, pane in panes.items() if pane.loading}
        await pilot.press("right_square_bracket")
        await pilot.pause()
        second = {name for name, pane in panes.items() if pane.loading}
        release.set()
        await settle(pilot)
        after = {name for name, pane in panes.items() if pane.loading}

    assert first == {"overview"}, "only the pane in view animates a loading indicator"
    assert second == {"overview", "roster"}, "the next pane viewed says so too"
    assert after == set()


async def test_the_overview_names_periods_in_english(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        await _open_bureau_from_the_palette(pilot)
        overview = dict(table_rows(app.screen.query_one("#overview-table")))

    assert overview["Year 2020 duty execution rate"] == "71.21%"
    assert overview["H1 2021 cases"] == "44"
    assert not any("年度" in label or "上半年" in label for label in overview)
