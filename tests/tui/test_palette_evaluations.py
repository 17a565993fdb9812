"""Switching the current evaluation from the command palette: home and the open screens
follow, and the switch is the database's (every evaluator's), audited."""

from __future__ import annotations

import time
from datetime import date

from sqlalchemy import select
from textual.command import CommandList

from orgeval_tui.app import OrgevalApp
from orgeval_tui.i18n import set_language
from orgeval_tui.models import AuditEvent
from orgeval_tui.services.evaluations import create_evaluation
from orgeval_tui.services.progress import current_evaluation
from orgeval_tui.storage.database import Database

from .helpers import settle, table_rows

PILOT = "2021年度机构编制执行情况和使用效益评估（试点）"
NEXT_YEAR = "2022年度评估"


def _next_year(demo_db) -> Database:
    """The demo with next year's evaluation of 县工信局 alone set up: the current one."""
    database = Database.open(str(demo_db))
    create_evaluation(
        database, NEXT_YEAR, date(2022, 6, 30), number_prefix="2022", units=["县工信局"]
    )
    return database


async def _prompts(pilot, seconds: float = 1.0) -> list[str]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        await pilot.pause(0.1)
    options = pilot.app.screen.query_one(CommandList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def _home(app) -> tuple[str, list[list[str]]]:
    title = str(app.screen.query_one("#progress-title").render())
    return title, table_rows(app.screen.query_one("#progress"))


async def test_the_palette_switches_the_current_evaluation_and_home_follows(demo_db):
    database = _next_year(demo_db)
    app = OrgevalApp(database, keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        before = _home(app)
        await pilot.press("ctrl+p")
        await pilot.press(*"2021")
        offered = await _prompts(pilot)
        await pilot.press("enter")
        await settle(pilot)
        after = _home(app)

    assert offered[0].startswith(f"Switch evaluation: {PILOT}"), offered
    assert NEXT_YEAR in before[0]
    assert [(row[0], row[7]) for row in before[1]] == [("县工信局", "0/22")]
    assert PILOT in after[0]
    assert [(row[0], row[7]) for row in after[1]] == [
        ("总工会", "22/22"),
        ("县工信局", "22/22"),
        ("气象局", "22/22"),
    ]
    assert current_evaluation(database).name == PILOT
    with database.read() as session:
        switched = session.scalars(
            select(AuditEvent.entity).order_by(AuditEvent.id.desc()).limit(1)
        ).all()
    assert switched == ["current_evaluation"]


async def test_every_evaluation_is_offered_in_chinese_the_current_one_said_so(demo_db):
    _next_year(demo_db)
    set_language("zh")
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"202")
        offered = await _prompts(pilot)

    assert sorted(offered) == [
        f"切换评估项目：{PILOT}\n设为当前评估项目（所有评估人员都切换到它）",
        f"切换评估项目：{NEXT_YEAR}\n当前评估项目",
    ]


async def test_an_open_unit_screen_follows_when_it_comes_back_into_view(demo_db):
    """县工信局's screen, open under the palette, shows the evaluation switched to: the
    pilot's self-evaluation there, none yet in next year's."""
    _next_year(demo_db)
    set_language("zh")
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # 县工信局, the only unit of next year's
        await settle(pilot)
        before = dict(table_rows(app.screen.query_one("#evaluations-table")))
        await pilot.press("ctrl+p")
        await pilot.press(*"2021")
        await _prompts(pilot)
        await pilot.press("enter")
        await settle(pilot)
        after = dict(table_rows(app.screen.query_one("#evaluations-table")))

    assert before["已自评指标"] == "0"
    assert (after["已自评指标"], after["自评得分"]) == ("22", "93.0")
