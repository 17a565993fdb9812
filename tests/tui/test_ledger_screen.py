"""The ledger screen: every problem, filtered, searched, sorted and paged; a problem's
detail with its timeline; each step one key and a small form, for one or many."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import insert, select
from textual.widgets import Input, Static

from orgeval_tui.app import OrgevalApp
from orgeval_tui.dialogs.form import FormScreen
from orgeval_tui.domain.actor import acting_as
from orgeval_tui.i18n import set_language
from orgeval_tui.screens.ledger import LedgerScreen
from orgeval_tui.services import ledger
from orgeval_tui.storage.database import Database
from tests.office import add_problem, team

from .helpers import footer_words, settle, table_rows

TODAY = date(2026, 11, 27)


@pytest.fixture(autouse=True)
def pinned_today(pin_today):
    pin_today(TODAY)
    set_language("zh")


async def _open_ledger(pilot) -> LedgerScreen:
    await settle(pilot)
    await pilot.press("L")
    await settle(pilot)
    assert isinstance(pilot.app.screen, LedgerScreen)
    return pilot.app.screen


def _numbers(screen) -> list[str]:
    return [row[1] for row in table_rows(screen.query_one("#ledger-table").table)]


def _detail(screen) -> str:
    return str(screen.query_one("#ledger-detail-text", Static).render())


async def _type(pilot, text: str) -> None:
    for character in text:
        await pilot.press(character)


async def _goto(pilot, screen, number: str) -> None:
    table = screen.query_one("#ledger-table").table
    table.move_cursor(row=_numbers(screen).index(number))
    await settle(pilot)


async def test_L_opens_every_problem_with_the_first_ones_timeline(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_ledger(pilot)
        numbers = _numbers(screen)
        rows = table_rows(screen.query_one("#ledger-table").table)
        position = str(screen.query_one(".paged-position", Static).render())
        detail = _detail(screen)

    assert numbers == [f"2021-{n:03d}" for n in range(1, 11)]
    assert position == "1–10 / 10"
    assert rows[9][4:] == ["整改中", "2021-12-31", "逾期 1792 天"]
    assert "机关干部队伍年龄老化" in detail and "办理记录" in detail
    assert "2021-10-20 10:00  刘晓燕  报送整改报告  整改中 → 已报告" in detail


async def test_search_finds_any_chinese_substring(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_ledger(pilot)
        await pilot.press("slash")
        assert screen.query_one("#ledger-search", Input).has_focus
        await _type(pilot, "挂牌")
        await pilot.press("enter")
        await settle(pilot)
        found = _numbers(screen)
        filters = str(screen.query_one("#ledger-filters", Static).render())

    assert found == ["2021-006", "2021-009"]
    assert "“挂牌”" in filters


async def test_overdue_toggle_sort_and_clearing(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_ledger(pilot)
        await pilot.press("exclamation_mark")
        await settle(pilot)
        overdue = _numbers(screen)
        await pilot.press("x", "s")  # clear, then sort by deadline
        await settle(pilot)
        by_deadline = [row[5] for row in table_rows(screen.query_one("#ledger-table").table)]

    assert overdue == ["2021-010"]
    assert by_deadline == sorted(by_deadline)
    assert len(by_deadline) == 10


async def test_the_filter_form_narrows_to_a_status_and_a_unit(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_ledger(pilot)
        await pilot.press("F")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-unit").value = "县总工会"
        form.query_one("#field-status").value = "closed"
        await pilot.click("#form-ok")
        await settle(pilot)
        narrowed = _numbers(screen)

    assert narrowed == ["2021-002", "2021-003", "2021-004"]


async def test_extend_is_one_key_and_a_form_and_lands_in_the_timeline(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_ledger(pilot)
        await _goto(pilot, screen, "2021-010")
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        await _type(pilot, "2022/3/31")
        await pilot.press("tab")
        await _type(pilot, "汛期后统一整改")
        await pilot.press("enter")
        await settle(pilot)
        question = str(app.screen.query_one(".form-error", Static).render())
        await pilot.press("enter")  # yes, a deadline already past
        await settle(pilot)
        assert isinstance(app.screen, LedgerScreen)
        row = table_rows(screen.query_one("#ledger-table").table)[9]
        detail = _detail(screen)

    assert "整改时限 2022-03-31 已过（今天是 2026-11-27）" in question
    assert "确认无误请再按 Enter" in question
    assert row[5] == "2022-03-31"
    assert "延期" in detail and "汛期后统一整改" in detail and "2021-12-31 → 2022-03-31" in detail
    shown = ledger.show(Database.open(str(demo_db)), "2021-010")
    assert shown.problem.deadline == date(2022, 3, 31)
    assert shown.events[-1].action == "extend"


async def test_a_refused_step_stays_in_the_form_and_changes_nothing(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_ledger(pilot)
        await _goto(pilot, screen, "2021-010")
        await pilot.press("e")
        await settle(pilot)
        await _type(pilot, "2021-11-01")  # earlier than the deadline it has
        await pilot.press("tab")
        await _type(pilot, "延期")
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        error = str(form.query_one(".form-error", Static).render())

    assert isinstance(form, FormScreen)
    assert "2021-11-01" in error and "2021-12-31" in error
    assert ledger.show(Database.open(str(demo_db)), "2021-010").problem.deadline == date(
        2021, 12, 31
    )


async def test_only_the_steps_a_problem_allows_are_offered(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_ledger(pilot)
        await _goto(pilot, screen, "2021-005")  # closed: only reopen
        offered = {b.binding.action for b in app.active_bindings.values() if b.enabled}
        await pilot.press("v")  # verify is not allowed on a closed problem
        await settle(pilot)
        still_ledger = isinstance(app.screen, LedgerScreen)

    assert "step('reopen')" in offered
    assert "step('verify')" not in offered and "step('feedback')" not in offered
    assert still_ledger


async def test_a_bulk_withdrawal_moves_each_selected_problem_with_its_own_event(demo_db):
    database = Database.open(str(demo_db))
    first = ledger.add(database, "县气象局", "档案目录不全")
    second = ledger.add(database, "县气象局", "档案目录不全（重复登记）")
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_ledger(pilot)
        await _goto(pilot, screen, first.number)
        await pilot.press("space", "space")  # selects both, moving down
        await settle(pilot)
        marks = [row[0] for row in table_rows(screen.query_one("#ledger-table").table)]
        await pilot.press("w")
        await settle(pilot)
        await _type(pilot, "误登记")
        await pilot.press("enter")
        await settle(pilot)

    assert marks[-2:] == ["●", "●"]
    for number in (first.number, second.number):
        shown = ledger.show(database, number)
        assert shown.problem.status == "withdrawn"
        assert [(e.action, e.reason) for e in shown.events][-1] == ("withdraw", "误登记")


async def test_adding_a_problem_from_the_screen_numbers_it_next(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_ledger(pilot)
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        form.query_one("#field-unit").value = "县工业和信息化局"
        form.query_one("#field-title").focus()
        await _type(pilot, "科室职责交叉")
        await pilot.press("enter")
        await settle(pilot)
        numbers = _numbers(screen)

    assert numbers[-1] == "2021-011"
    added = ledger.show(Database.open(str(demo_db)), "2021-011").problem
    assert (added.unit, added.title, added.status) == (
        "县工业和信息化局",
        "科室职责交叉",
        "identified",
    )


async def test_the_unit_screen_opens_its_own_ledger(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await _type(pilot, "gxj")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        numbers = _numbers(app.screen)

    assert numbers == ["2021-005", "2021-006", "2021-007", "2021-008"]


def _add_many(path, count: int) -> None:
    """``count`` more problems for 县工信局, written in bulk (the search triggers run)."""
    from orgeval_tui.models import Evaluation, Problem, Unit

    database = Database.open(str(path))
    with database.write() as session:
        evaluation = session.scalar(select(Evaluation.id))
        unit = session.scalar(select(Unit.id).where(Unit.name == "县工业和信息化局"))
        created = datetime(2021, 7, 1, 2, tzinfo=UTC)
        session.execute(
            insert(Problem.__table__),
            [
                {
                    "evaluation_id": evaluation,
                    "number": f"2021-{n:05d}",
                    "unit_id": unit,
                    "source": "duties",
                    "title": f"履职记录缺失 {n}",
                    "description": "",
                    "recommendation": "",
                    "severity": "low",
                    "status": "identified",
                    "created_at": created + timedelta(minutes=n),
                    "version": 1,
                }
                for n in range(100, 100 + count)
            ],
        )
    database.dispose()


async def test_a_large_ledger_is_shown_a_page_at_a_time(demo_db):
    _add_many(demo_db, 1000)
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_ledger(pilot)
        table = screen.query_one("#ledger-table")
        first = (str(screen.query_one(".paged-position", Static).render()), table.table.row_count)
        await pilot.press("n")
        await settle(pilot)
        second = (str(screen.query_one(".paged-position", Static).render()), _numbers(screen)[0])

    assert first == ("1–200 / 1,010", 200)
    assert second == ("201–400 / 1,010", "2021-00290")


async def _step(pilot, key: str, *entries: str, confirm: bool = False) -> None:
    """Press a step's key, fill its form's fields in order, and save (``confirm``: and
    answer the form's question with Enter again)."""
    await pilot.press(key)
    await settle(pilot)
    assert isinstance(pilot.app.screen, FormScreen), key
    for index, entry in enumerate(entries):
        if index:
            await pilot.press("tab")
        focused = pilot.app.focused
        if isinstance(focused, Input):
            focused.value = ""
        await _type(pilot, entry)
    await pilot.press("enter")
    await settle(pilot)
    if confirm:
        await pilot.press("enter")
        await settle(pilot)
    assert isinstance(pilot.app.screen, LedgerScreen), f"{key}: the form did not close"


async def test_a_whole_life_from_the_keyboard(demo_db, tmp_path):
    report = tmp_path / "整改报告.txt"
    report.write_text("已更换标牌", encoding="utf-8")
    database = Database.open(str(demo_db))
    number = add_problem(database, "县气象局", "科室标牌未更新").number  # 2021-06-30
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_ledger(pilot)
        await _goto(pilot, screen, number)
        await _step(pilot, "f", "2021-07-05")
        await _step(pilot, "m", "更换标牌", "办公室主任", "2021-08-31", confirm=True)
        await _step(pilot, "r", "已按三定规定更换", str(report), "2021-08-20")
        await _step(pilot, "v", "现场核查已更换", "2021-09-01")
        await _step(pilot, "o", "回访发现二楼标牌仍为旧名")
        status = table_rows(screen.query_one("#ledger-table").table)[-1][4]
        detail = _detail(screen)

    shown = ledger.show(database, number)
    assert [e.action for e in shown.events] == [
        "create",
        "feedback",
        "plan",
        "report",
        "verify",
        "reopen",
    ]
    assert shown.problem.status == "rectifying" and status == "整改中"
    assert shown.problem.report_file_name == "整改报告.txt"
    assert shown.problem.fed_back_on == date(2021, 7, 5)
    assert "回访发现二楼标牌仍为旧名" in detail


async def _withdraw_after_another_extends(pilot, demo_db) -> str:
    """On the ledger, 2021-010 shown; another evaluator extends it; this one then tries to
    withdraw it: the form's error."""
    screen = await _open_ledger(pilot)
    await _goto(pilot, screen, "2021-010")
    team(Database.open(str(demo_db)), "王科长")
    with acting_as("王科长"):
        ledger.extend(
            Database.open(str(demo_db)), "2021-010", date(2022, 1, 31), "春节后", past_deadline=True
        )
    await pilot.press("w")
    await settle(pilot)
    await _type(pilot, "误登记")
    await pilot.press("enter")
    await settle(pilot)
    return str(pilot.app.screen.query_one(".form-error", Static).render())


async def test_a_change_by_someone_else_meanwhile_is_a_conflict_shown_in_the_form(
    demo_db, monkeypatch
):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        error = await _withdraw_after_another_extends(pilot, demo_db)

    assert "王科长" in error and "2021-010" in error
    assert ledger.show(Database.open(str(demo_db)), "2021-010").problem.status == "rectifying"


async def _select(pilot, screen, *numbers: str) -> None:
    for number in numbers:
        await _goto(pilot, screen, number)
        await pilot.press("space")
        await settle(pilot)


def _footer_keys(app, screen=None) -> list[str]:
    return footer_words(screen or app.screen)


async def test_a_step_on_a_mixed_selection_names_the_problem_that_refuses(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_ledger(pilot)
        await _select(pilot, screen, "2021-010", "2021-001")  # 整改中, 已报告
        filters = str(screen.query_one("#ledger-filters", Static).render())
        offered = " ".join(_footer_keys(app))
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        error = str(form.query_one(".form-error", Static).render())

    assert "已选 2 项" in filters
    # Five steps are open to one or the other: their keys under one word.
    assert "r v o e w 步骤" in offered
    assert isinstance(form, FormScreen)
    assert "2021-001 当前状态为“已报告”，不能延期" in error
    assert "2021-010" not in error
    # The steps it allows, in words: the command names (verify) are the command line's.
    assert "回头看销号" in error and "(verify)" not in error


async def test_the_ledger_footer_does_not_offer_the_ledger(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        home = " ".join(_footer_keys(app))
        screen = await _open_ledger(pilot)
        ledger_footer = " ".join(_footer_keys(app))
        await pilot.press("question_mark")  # the help over the ledger, its footer below
        await settle(pilot)
        under_help = " ".join(_footer_keys(app, screen))

    assert "问题台账" in home
    assert "问题台账" not in ledger_footer
    assert "问题台账" not in under_help


async def test_a_strike_off_in_the_future_is_refused_in_the_form(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_ledger(pilot)
        await _goto(pilot, screen, "2021-001")  # reported
        await pilot.press("v")
        await settle(pilot)
        await _type(pilot, "同意销号")
        await pilot.press("tab")
        app.focused.value = ""
        await _type(pilot, "2099-01-01")
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        error = str(form.query_one(".form-error", Static).render())

    assert isinstance(form, FormScreen)
    assert "2021-001：销号日期 2099-01-01 晚于今天（2026-11-27）" in error
    assert ledger.show(Database.open(str(demo_db)), "2021-001").problem.status == "reported"


async def test_after_a_conflict_enter_saves_the_input_on_top_of_the_newer_version(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        error = await _withdraw_after_another_extends(pilot, demo_db)
        await pilot.press("enter")
        await settle(pilot)
        back = isinstance(app.screen, LedgerScreen)

    # The other's change at noon in the office (04:00 UTC), named as the form names it.
    assert "王科长 于 2026-11-27 12:00 修改（整改时限：2021-12-31 → 2022-01-31）" in error
    assert "按 Enter：在此新版本上保存所填内容" in error
    assert back
    shown = ledger.show(Database.open(str(demo_db)), "2021-010").problem
    assert (shown.status, shown.deadline) == ("withdrawn", date(2022, 1, 31))


def _cell_widths(table) -> list[int]:
    return [column.get_render_width(table) for column in table.columns.values()]


async def test_the_columns_follow_the_terminal_width(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_ledger(pilot)
        table = screen.query_one("#ledger-table").table
        await pilot.press("exclamation_mark")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        narrow = (sum(_cell_widths(table)), table.scrollable_content_region.width)
        due = table_rows(table)[8][6]
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        wide = (sum(_cell_widths(table)), table.scrollable_content_region.width)
        titles = [row[3] for row in table_rows(table)]

    assert narrow[0] <= narrow[1]  # nothing clipped
    assert due == "2021-09-02 销号"
    assert wide[0] <= wide[1]
    assert titles[9] == "气象灾害预警信息向基层传递时效性有待提升"
    assert not any(title.endswith("…") for title in titles)  # the room went to them


async def test_the_filter_form_shows_every_field_at_80_by_24(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        await _open_ledger(pilot)
        await pilot.press("F")
        await settle(pilot)
        form = app.screen
        fields = form.query_one(".form-fields")
        screen_region = form.region
        shown = [
            widget.id
            for widget in fields.query("Input, Select, Checkbox")
            if fields.region.contains_region(widget.region) and widget.region.height
        ]

    assert isinstance(form, FormScreen)
    assert len(shown) == 7
    assert screen_region.height == 24


async def test_a_new_problem_has_a_multi_line_description_and_the_cursor_on_it(demo_db):
    from textual.widgets import TextArea

    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_ledger(pilot)
        await _goto(pilot, screen, "2021-003")
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        form.query_one("#field-unit").value = "县工业和信息化局"
        form.query_one("#field-title").focus()
        await _type(pilot, "科室职责交叉")
        description = form.query_one("#field-description")
        description.focus()
        await _type(pilot, "第一行")
        await pilot.press("enter")
        await _type(pilot, "第二行")
        await pilot.click("#form-ok")
        await settle(pilot)
        highlighted = screen._highlighted_number()
        detail = _detail(screen)

    assert isinstance(description, TextArea)
    assert highlighted == "2021-011"
    assert "科室职责交叉" in detail
    added = ledger.show(Database.open(str(demo_db)), "2021-011").problem
    assert added.description == "第一行\n第二行"


async def test_a_conflict_then_a_question_are_answered_in_turn(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_ledger(pilot)
        await _goto(pilot, screen, "2021-010")
        team(Database.open(str(demo_db)), "王科长")
        with acting_as("王科长"):
            other = Database.open(str(demo_db))
            ledger.extend(other, "2021-010", date(2022, 1, 31), "春节后", past_deadline=True)
        await pilot.press("e")
        await settle(pilot)
        await _type(pilot, "2022-03-31")
        await pilot.press("tab")
        await _type(pilot, "汛期后统一整改")
        answers = []
        for _ in range(3):  # the conflict, then the deadline already past, then saved
            await pilot.press("enter")
            await settle(pilot)
            if isinstance(app.screen, FormScreen):
                answers.append(str(app.screen.query_one(".form-error", Static).render()))
        back = isinstance(app.screen, LedgerScreen)

    assert len(answers) == 2
    assert "王科长" in answers[0] and "整改时限 2022-03-31 已过" in answers[1]
    assert back
    assert ledger.show(Database.open(str(demo_db)), "2021-010").problem.deadline == date(
        2022, 3, 31
    )


async def test_a_problem_shows_the_on_site_findings_it_came_from(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_ledger(pilot)
        await _goto(pilot, screen, "2021-006")
        signage = _detail(screen)

    assert "实地评发现" in signage
    assert "2021-07-13  实地查看  “运行监测科”仍挂机构改革前“经济运行科”旧牌" in signage
    assert "（A1.2）" in signage
    assert signage.index("实地评发现") < signage.index("办理记录")
