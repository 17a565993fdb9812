"""The audit trail in the TUI: a unit's 审计 tab (its own records and its problems' and
scores', none of another unit's; a change made meanwhile on top once the screen reads
again) and `A` on the ledger (the highlighted problem's records); values as written."""

from __future__ import annotations

from orgeval_tui.app import OrgevalApp
from orgeval_tui.dialogs.problem_audit import ProblemAuditScreen
from orgeval_tui.domain.actor import acting_as
from orgeval_tui.i18n import set_language
from orgeval_tui.services import ledger
from orgeval_tui.storage.database import Database
from orgeval_tui.widgets.audit_trail import AuditTrail
from tests.office import team

from .helpers import bureau_id, settle, table_rows


async def _audit_tab(pilot, demo_db):
    await settle(pilot)
    pilot.app.open_unit(bureau_id(demo_db))
    await settle(pilot)
    screen = pilot.app.screen
    screen.query_one("#tabs").active = "audit"
    await settle(pilot)
    return screen


def _change_a_problem(demo_db, number: str, measures: str) -> None:
    database = Database.open(str(demo_db))
    try:
        team(database, "王五")
        with acting_as("王五"), database.write() as session:
            from sqlalchemy import select

            from orgeval_tui.models import Problem

            problem = session.scalars(select(Problem).where(Problem.number == number)).one()
            problem.measures = measures
    finally:
        database.dispose()


async def test_a_units_audit_tab_shows_its_records_newest_first_and_no_other_units(demo_db):
    set_language("zh")
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _audit_tab(pilot, demo_db)
        trail = screen.query_one(AuditTrail)
        rows = table_rows(trail.table)
        records = [line.record for line in trail.page.lines]
        note = str(trail.query_one(".audit-note").render())

    assert len(rows) == 200 and "更早的请用" in note
    assert records == sorted(records, reverse=True)
    assert rows[0][0] == "2021-07-27 09:21" and rows[0][1] == "刘晓燕"
    assert rows[0][2] == "评分 B3.3 县工业和信息化局"
    assert all(row[2].endswith(" 县工业和信息化局") for row in rows)


async def test_a_change_made_meanwhile_shows_on_top_with_its_words(demo_db):
    set_language("zh")
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _audit_tab(pilot, demo_db)
        _change_a_problem(demo_db, "2021-005", "[bold]立即[/]整改\x1b[2J")
        app.check_for_changes()
        await settle(pilot)
        trail = screen.query_one(AuditTrail)
        top = table_rows(trail.table)[0]
        shown = str(trail.query_one(".audit-record").render())

    assert top[1:4] == ["王五", "问题 2021-005", "整改措施"]
    assert "[bold]立即[/]整改␛[2J" in shown and "\x1b" not in shown
    assert "问题 2021-005 （修改）" in shown


async def test_A_on_the_ledger_shows_the_highlighted_problems_records(demo_db):
    set_language("zh")
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        await pilot.press("j", "A")  # the second problem, 2021-002
        await settle(pilot)
        dialog = app.screen
        rows = table_rows(dialog.query_one(AuditTrail).table)
        title = str(dialog.query_one("#problem-audit-title").render())
        await pilot.press("escape")
        await settle(pilot)
        closed = not isinstance(app.screen, ProblemAuditScreen)

    assert isinstance(dialog, ProblemAuditScreen) and closed
    assert title.startswith("问题 2021-002 的审计记录")
    assert rows and {row[2] for row in rows} == {"问题 2021-002"}
    fields = [row[3] for row in rows]
    assert fields[-1] != "整改状态" or rows[-1][4].endswith("已发现")
    status = [row[4] for row in rows if row[3] == "整改状态"]
    assert status[0] == "已报告 → 已销号" and status[-1] == "— → 已发现"


async def test_a_problem_recorded_meanwhile_has_its_audit_from_the_ledger(demo_db):
    set_language("en")
    database = Database.open(str(demo_db))
    team(database, "王五")
    with acting_as("王五"):
        added = ledger.add(database, "县工信局", "[red]挂牌[/]不规范")
    database.dispose()
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        await pilot.press("G", "A")
        await settle(pilot)
        trail = app.screen.query_one(AuditTrail)
        rows = table_rows(trail.table)
        title = next(index for index, row in enumerate(rows) if row[3] == "title")
        trail.table.move_cursor(row=title)
        await settle(pilot)
        shown = str(trail.query_one(".audit-record").render())

    assert {row[2] for row in rows} == {f"problem {added.number}"}
    assert rows[title][1] == "王五" and rows[title][4] == "— → [red]挂牌[/]不规范"
    assert f"problem {added.number} (added)  title: — → [red]挂牌[/]不规范" in shown
