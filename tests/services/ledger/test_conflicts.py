"""Two evaluators changing the same problem: the second is refused, told who changed it
and what, and nothing the first wrote is overwritten."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from orgeval_tui.domain.errors import ConflictError
from orgeval_tui.i18n import set_language
from orgeval_tui.models import ProblemEvent
from orgeval_tui.services import ledger
from tests.office import add_problem


@pytest.fixture
def rectifying(office, actor):
    actor("zhangsan")
    number = add_problem(office, "县气象局", "预警信息传递滞后").number
    ledger.feedback(office, number, date(2021, 7, 28))
    ledger.plan(office, number, "建立信息员队伍", "侯雪梅", date(2021, 9, 30), past_deadline=True)
    return number


def _events(database) -> int:
    with database.read() as session:
        return session.scalar(select(func.count()).select_from(ProblemEvent))


def test_the_second_evaluator_is_refused_naming_the_first_change(office, rectifying, actor):
    seen = ledger.show(office, rectifying).problem.version  # both have this on screen

    actor("lisi")
    ledger.extend(
        office,
        rectifying,
        date(2021, 12, 31),
        "终端统一招标",
        expected_version=seen,
        past_deadline=True,
    )
    events = _events(office)

    actor("wangwu")
    with pytest.raises(ConflictError) as refused:
        ledger.extend(
            office,
            rectifying,
            date(2021, 11, 30),
            "另有安排",
            expected_version=seen,
            past_deadline=True,
        )

    message = str(refused.value)
    assert f"{rectifying} was changed by lisi" in message
    assert "deadline: 2021-09-30 → 2021-12-31" in message
    assert "nothing was saved" in message
    detail = ledger.show(office, rectifying)
    assert detail.problem.deadline == date(2021, 12, 31)
    assert detail.problem.version == seen + 1
    assert detail.events[-1].actor == "lisi"
    assert _events(office) == events


def test_from_the_command_line_too(run, office, rectifying, actor):
    seen = run("ledger", "show", rectifying, "--json").json()["version"]
    actor("lisi")
    first = run(
        "ledger", "report", rectifying, "--text", "已建立信息员队伍", "--if-version", str(seen)
    )
    assert first.code == 0, first.err

    actor("wangwu")
    second = run("ledger", "withdraw", rectifying, "--reason", "重复", "--if-version", str(seen))

    assert second.code == 1
    assert second.err.startswith(f"orgeval: error: {rectifying} was changed by lisi at ")
    assert second.err.count("\n") == 1
    shown = run("ledger", "show", rectifying, "--json").json()
    assert shown["status"] == "reported"
    assert shown["report_text"] == "已建立信息员队伍"


def test_the_current_version_goes_through(office, rectifying):
    seen = ledger.show(office, rectifying).problem.version

    done = ledger.report(office, rectifying, "已建立", expected_version=seen)

    assert done.status == "reported" and done.version == seen + 1


def test_the_conflict_reads_in_local_time_and_the_users_words(office, rectifying, actor, pin_today):
    set_language("zh")
    pin_today(date(2021, 10, 8))  # noon in the office, 04:00 UTC
    seen = ledger.show(office, rectifying).problem.version
    actor("lisi")
    ledger.extend(office, rectifying, date(2021, 12, 31), "终端统一招标", expected_version=seen)

    with pytest.raises(ConflictError) as refused:
        ledger.extend(office, rectifying, date(2021, 11, 30), "另有安排", expected_version=seen)

    message = str(refused.value)
    assert "已由 lisi 于 2021-10-08 12:00 修改（整改时限：2021-09-30 → 2021-12-31）" in message


def test_the_change_applies_on_top_of_the_newer_version_when_asked(office, rectifying, actor):
    seen = ledger.show(office, rectifying).problem.version
    actor("lisi")
    ledger.extend(office, rectifying, date(2021, 12, 31), "终端统一招标", past_deadline=True)
    actor("wangwu")
    targets = [(rectifying, seen)]
    with pytest.raises(ConflictError) as refused:
        ledger.apply(office, "withdraw", targets, reason="与 2021-002 重复")

    ledger.apply(office, "withdraw", targets, reason="与 2021-002 重复", **refused.value.retry_with)

    detail = ledger.show(office, rectifying)
    assert detail.problem.status == "withdrawn"
    assert detail.problem.deadline == date(2021, 12, 31)  # lisi's change stays
    assert [e.actor for e in detail.events][-2:] == ["lisi", "wangwu"]
