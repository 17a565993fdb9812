"""The demo's ledger: the pilot's 10 problems, in the states and with the dates of its
autumn, through `orgeval ledger`."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from sqlalchemy import select

from orgeval_tui.models import AuditEvent
from orgeval_tui.storage.database import Database

STATES = {
    "2021-001": "reported",
    **{f"2021-{i:03d}": "closed" for i in range(2, 10)},
    "2021-010": "rectifying",
}


def test_the_demo_lists_its_ten_problems_with_their_states(cli, demo_db):
    listed = cli("--db", str(demo_db), "ledger", "ls", "--json")

    assert listed.code == 0, listed.err
    problems = listed.json()
    assert {p["number"]: p["status"] for p in problems} == STATES
    units = {p["unit"] for p in problems}
    assert units == {"县总工会", "县工业和信息化局", "县气象局"}
    assert all(p["fed_back_on"] == "2021-07-28" for p in problems)


def test_the_demo_ledger_was_lived_through_the_lifecycle(cli, demo_db):
    """Every problem was recorded and moved by the service, as the evaluator who took
    each step on the day of it: one event per step, in order, and the audit trail of
    the same change."""
    for number, status in STATES.items():
        shown = cli("--db", str(demo_db), "ledger", "show", number, "--json").json()
        events = shown["events"]
        assert shown["status"] == status
        assert events[0]["action"] == "create" and events[0]["actor"] == "张立新"
        assert events[0]["at"].startswith("2021-07-23T01:")  # 09:.. in the office, as UTC
        assert shown["created_at"] == events[0]["at"]
        assert events[1]["action"] == "feedback" and events[1]["actor"] == "张立新"
        for before, after in zip(events, events[1:], strict=False):
            assert after["from_status"] == before["to_status"]
            assert after["at"] > before["at"]
        if status == "closed":
            assert events[-1]["action"] == "verify"
            assert shown["verifier"] == events[-1]["actor"] == "孙卫东"
            assert shown["verified_on"] == events[-1]["detail"]["verified_on"]
    with Database.open(str(demo_db)).read() as session:
        actors = set(
            session.scalars(select(AuditEvent.actor).where(AuditEvent.entity == "problem"))
        )
    assert actors == {"张立新", "刘晓燕", "孙卫东"}


def test_the_demo_table_in_chinese(cli, demo_db, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    table = cli("--db", str(demo_db), "--lang", "zh", "ledger", "ls")

    assert table.code == 0, table.err
    lines = table.out.splitlines()
    assert lines[0].split() == ["编号", "单位", "问题", "状态", "整改时限", "备注"]
    assert len([line for line in lines if line.startswith("2021-0")]) == 10
    assert "2021-009  气象局" in table.out
    assert "2021-10-28 销号" in table.out  # 2021-005, struck off after its second report
    assert lines[-1] == "共 10 个问题"


def test_a_demo_problem_shows_its_failed_look_back(cli, demo_db):
    shown = cli("--db", str(demo_db), "ledger", "show", "2021-005", "--json").json()

    assert [e["action"] for e in shown["events"]] == [
        "create",
        "feedback",
        "plan",
        "report",
        "reopen",
        "report",
        "verify",
    ]
    assert shown["events"][4]["reason"].startswith("回头看发现")
    assert shown["verified_on"] == "2021-10-28"
    assert shown["facts"]["days_open"] == 97  # 2021-07-23 to 2021-10-28


def test_the_demo_extension_and_search(cli, demo_db):
    extended = cli("--db", str(demo_db), "ledger", "show", "2021-010", "--json").json()
    found = cli("--db", str(demo_db), "ledger", "ls", "--search", "挂牌", "--json").json()

    assert extended["events"][-1]["detail"] == {
        "deadline": "2021-12-31",
        "old_deadline": "2021-09-30",
    }
    assert [p["number"] for p in found] == ["2021-006", "2021-009"]


@pytest.mark.parametrize("width", [60, 80, 132])
def test_tables_fit_the_terminal(cli, demo_db, monkeypatch, width):
    monkeypatch.setenv("COLUMNS", str(width))

    for args in (["ledger", "ls"], ["ledger", "show", "2021-005"]):
        for lang in ("zh", "en"):
            shown = cli("--db", str(demo_db), "--lang", lang, *args)
            assert shown.code == 0, shown.err
            assert max(cell_len(line) for line in shown.out.splitlines()) <= width


def test_text_is_shown_as_typed_never_as_markup(cli, run):
    number = run(
        "ledger", "add", "--unit", "县工信局", "--title", "[bold]挂牌[/bold] [紧急]",
        "--description", "见[附件1]",
    ).out.strip()  # fmt: skip

    listed = run("ledger", "ls")
    shown = run("ledger", "show", number)

    assert "[bold]挂牌[/bold] [紧急]" in listed.out
    assert "[bold]挂牌[/bold] [紧急]" in shown.out
    assert "见[附件1]" in shown.out
