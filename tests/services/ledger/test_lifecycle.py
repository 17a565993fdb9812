"""A problem's life from the command line: every transition, every refusal, and a history
that only grows."""

from __future__ import annotations

import hashlib
import json
from datetime import date

import pytest
from sqlalchemy import func, select

from orgeval_tui.domain.errors import UserError
from orgeval_tui.models import AuditEvent, Problem, ProblemEvent
from orgeval_tui.services import ledger
from tests.office import add_problem, recording


def _add(run, title="内设机构挂牌不规范", unit="县工信局", *extra):
    with recording():
        added = run("ledger", "add", "--unit", unit, "--title", title, *extra)
    assert added.code == 0, added.err
    return added.out.strip()


def _ok(result):
    assert result.code == 0, result.err
    return result


def _show(run, number):
    return _ok(run("ledger", "show", number, "--json")).json()


def test_the_whole_life_from_the_command_line(run, tmp_path):
    number = _add(
        run,
        "内设机构挂牌不规范",
        "县工信局",
        "--description",
        "“运行监测科”仍挂旧牌",
        "--source",
        "onsite",
        "--category",
        "机构挂牌",
        "--severity",
        "low",
        "--recommendation",
        "对照“三定”规定规范挂牌",
    )
    assert number == "2021-001"

    _ok(run("ledger", "feedback", number, "--on", "2021-07-28"))
    _ok(
        run(
            "ledger",
            "plan",
            number,
            "--measures",
            "按“三定”规定更换标牌",
            "--responsible",
            "李倩（办公室）",
            "--deadline",
            "2021-08-31",
            "--allow-past-deadline",
        )
    )
    refused = run("ledger", "extend", number, "--deadline", "2021-09-30", "--reason", "统一制作")
    assert refused.code == 1
    assert "the deadline 2021-09-30 has already passed" in refused.err
    assert "--allow-past-deadline" in refused.err
    extend = ["--deadline", "2021-09-30", "--reason", "标牌需统一制作", "--allow-past-deadline"]
    _ok(run("ledger", "extend", number, *extend))
    report = tmp_path / "整改报告.pdf"
    report.write_bytes(b"%PDF-1.4 rectification report")
    _ok(run("ledger", "report", number, "--text", "已更换全部标牌", "--file", str(report)))
    _ok(run("ledger", "reopen", number, "--reason", "复查发现仍有1块旧牌"))
    _ok(run("ledger", "report", number, "--text", "旧牌已全部拆除"))
    done = _ok(run("ledger", "verify", number, "--note", "实地复查：挂牌规范，同意销号"))
    assert done.out.strip() == f"{number}: verify (look-back) done; now closed"

    shown = _show(run, number)
    assert shown["status"] == "closed"
    assert shown["deadline"] == "2021-09-30"
    assert shown["report_text"] == "旧牌已全部拆除"
    assert shown["verify_note"] == "实地复查：挂牌规范，同意销号"
    assert shown["verifier"]  # the OS account that ran the look-back
    assert shown["allowed"] == ["reopen"]
    actions = [(e["action"], e["from_status"], e["to_status"]) for e in shown["events"]]
    assert actions == [
        ("create", None, "identified"),
        ("feedback", "identified", "fed_back"),
        ("plan", "fed_back", "rectifying"),
        ("extend", "rectifying", "rectifying"),
        ("report", "rectifying", "reported"),
        ("reopen", "reported", "rectifying"),
        ("report", "rectifying", "reported"),
        ("verify", "reported", "closed"),
    ]
    extend = shown["events"][3]
    assert extend["reason"] == "标牌需统一制作"
    assert extend["detail"] == {"deadline": "2021-09-30", "old_deadline": "2021-08-31"}
    first_report = shown["events"][4]["detail"]
    assert first_report["report_file_name"] == "整改报告.pdf"
    assert first_report["report_file_hash"] == hashlib.sha256(report.read_bytes()).hexdigest()
    assert shown["events"][5]["reason"] == "复查发现仍有1块旧牌"
    for event in shown["events"]:
        assert event["actor"]
        assert event["at"].endswith("+00:00")  # UTC-aware


def test_the_report_file_is_kept_by_name_and_hash_not_content(run, office, tmp_path):
    number = _add(run)
    run("ledger", "feedback", number)
    run(
        "ledger",
        "plan",
        number,
        "--measures",
        "m",
        "--responsible",
        "r",
        "--deadline",
        "2099-01-01",
    )
    report = tmp_path / "report.docx"
    report.write_bytes(b"PK\x03\x04 the unit's report")

    shown = _ok(run("ledger", "report", number, "--file", str(report), "--json")).json()

    assert shown["report_file_name"] == "report.docx"
    assert shown["report_file_hash"] == hashlib.sha256(report.read_bytes()).hexdigest()
    assert shown["report_text"] is None
    missing = run("ledger", "report", number, "--file", str(tmp_path / "nope.pdf"))
    assert missing.code == 1 and "nope.pdf" in missing.err


def test_a_report_needs_text_or_a_file(run):
    number = _add(run)
    run("ledger", "feedback", number)
    run(
        "ledger",
        "plan",
        number,
        "--measures",
        "m",
        "--responsible",
        "r",
        "--deadline",
        "2099-01-01",
    )

    refused = run("ledger", "report", number)

    assert refused.code == 1
    assert "needs its text, a file, or both" in refused.err


@pytest.mark.parametrize(
    ("steps", "command", "state", "allowed"),
    [
        (
            [],
            ["plan", "--measures", "m", "--responsible", "r", "--deadline", "2099-01-01"],
            "identified",
            "feed back (feedback), withdraw (withdraw)",
        ),
        ([], ["verify", "--note", "n"], "identified", "feed back (feedback), withdraw (withdraw)"),
        (
            ["feedback"],
            ["report", "--text", "t"],
            "fed back",
            "plan the rectification (plan), withdraw (withdraw)",
        ),
        (
            ["feedback"],
            ["extend", "--deadline", "2099-01-01", "--reason", "r"],
            "fed back",
            "plan the rectification (plan), withdraw (withdraw)",
        ),
        (
            ["feedback", "plan"],
            ["verify", "--note", "n"],
            "rectifying",
            "report (report), extend the deadline (extend), withdraw (withdraw)",
        ),
        (
            ["feedback", "plan"],
            ["reopen", "--reason", "r"],
            "rectifying",
            "report (report), extend the deadline (extend), withdraw (withdraw)",
        ),
        (
            ["feedback", "plan", "report"],
            ["extend", "--deadline", "2099-02-01", "--reason", "r"],
            "reported",
            "verify (look-back) (verify), reopen (failed look-back) (reopen), withdraw (withdraw)",
        ),
        (
            ["feedback", "plan", "report", "verify"],
            ["withdraw", "--reason", "r"],
            "closed",
            "reopen (failed look-back) (reopen)",
        ),
        (
            ["feedback", "plan", "report", "verify"],
            ["feedback"],
            "closed",
            "reopen (failed look-back) (reopen)",
        ),
    ],
)
def test_other_transitions_are_refused_naming_the_state_and_what_is_allowed(
    run, steps, command, state, allowed
):
    number = _add(run)
    arguments = {
        "feedback": [],
        "plan": ["--measures", "m", "--responsible", "r", "--deadline", "2099-01-01"],
        "report": ["--text", "t"],
        "verify": ["--note", "n"],
    }
    for step in steps:
        _ok(run("ledger", step, number, *arguments[step]))
    before = _show(run, number)

    refused = run("ledger", command[0], number, *command[1:])

    assert refused.code == 1
    assert refused.out == ""
    assert refused.err.count("\n") == 1  # one line
    assert f"{number} is {state}: cannot " in refused.err
    assert f"allowed now: {allowed}" in refused.err
    assert _show(run, number) == before  # nothing written


def test_a_refusal_speaks_chinese_too(run):
    number = _add(run)
    run("ledger", "feedback", number)
    run(
        "ledger",
        "plan",
        number,
        "--measures",
        "m",
        "--responsible",
        "r",
        "--deadline",
        "2099-01-01",
    )
    run("ledger", "report", number, "--text", "t")
    run("ledger", "verify", number, "--note", "n")

    refused = run(
        "ledger",
        "plan",
        number,
        "--measures",
        "m",
        "--responsible",
        "r",
        "--deadline",
        "2099-01-01",
        lang="zh",
    )

    assert refused.code == 1
    assert refused.err == (
        f"orgeval: 错误: {number} 当前状态为“已销号”，不能制定整改措施；"
        "当前可以：回头看退回整改 (reopen)\n"
    )


def test_a_withdrawn_problem_stays_listed_and_takes_no_further_step(run):
    number = _add(run)
    run("ledger", "feedback", number)

    withdrawn = _ok(
        run("ledger", "withdraw", number, "--reason", "与2021-003重复，录入错误", "--json")
    )

    assert withdrawn.json()["status"] == "withdrawn"
    assert withdrawn.json()["withdraw_reason"] == "与2021-003重复，录入错误"
    listed = _ok(run("ledger", "ls", "--json")).json()
    assert [(p["number"], p["status"]) for p in listed] == [(number, "withdrawn")]
    again = run("ledger", "feedback", number)
    assert again.code == 1
    assert "withdrawn: cannot feed back; a withdrawn problem takes no further step" in again.err


def test_withdrawal_is_allowed_from_every_state_but_closed(run):
    steps = {
        "identified": [],
        "fed_back": [["feedback"]],
        "rectifying": [
            ["feedback"],
            ["plan", "--measures", "m", "--responsible", "r", "--deadline", "2099-01-01"],
        ],
        "reported": [
            ["feedback"],
            ["plan", "--measures", "m", "--responsible", "r", "--deadline", "2099-01-01"],
            ["report", "--text", "t"],
        ],
    }
    for state, path in steps.items():
        number = _add(run, f"问题 {state}")
        for step in path:
            _ok(run("ledger", step[0], number, *step[1:]))
        assert _show(run, number)["status"] == state
        _ok(run("ledger", "withdraw", number, "--reason", "录入错误"))
        assert _show(run, number)["status"] == "withdrawn"


def test_reopening_a_closed_problem_clears_its_strike_off_but_keeps_the_history(run):
    number = _add(run)
    for step in (
        ["feedback"],
        ["plan", "--measures", "m", "--responsible", "r", "--deadline", "2099-01-01"],
        ["report", "--text", "t"],
        ["verify", "--note", "看过了"],
    ):
        _ok(run("ledger", step[0], number, *step[1:]))

    _ok(run("ledger", "reopen", number, "--reason", "群众反映问题反弹"))

    shown = _show(run, number)
    assert shown["status"] == "rectifying"
    assert (shown["verifier"], shown["verified_on"], shown["verify_note"]) == (None, None, None)
    reopen = shown["events"][-1]
    assert reopen["reason"] == "群众反映问题反弹"
    assert reopen["detail"]["struck_off"]["verify_note"] == "看过了"


def test_an_extension_needs_a_later_deadline_and_a_reason(run):
    number = _add(run)
    run("ledger", "feedback", number, "--on", "2021-07-28")
    run(
        "ledger",
        "plan",
        number,
        "--measures",
        "m",
        "--responsible",
        "r",
        "--deadline",
        "2021-09-30",
        "--allow-past-deadline",
    )

    earlier = run("ledger", "extend", number, "--deadline", "2021-09-30", "--reason", "r")
    blank = run("ledger", "extend", number, "--deadline", "2021-12-31", "--reason", "  ")
    done = run(
        "ledger",
        "extend",
        number,
        *("--deadline", "2021-12-31", "--reason", "招标周期长", "--allow-past-deadline"),
    )

    assert earlier.code == 1 and "2021-09-30 is not after 2021-09-30" in earlier.err
    assert blank.code == 1 and "reason cannot be empty" in blank.err
    assert done.code == 0 and done.out.strip() == f"{number}: deadline extended to 2021-12-31"


def test_a_deadline_before_the_feedback_is_refused(run):
    number = _add(run)
    run("ledger", "feedback", number, "--on", "2021-07-28")

    refused = run(
        "ledger",
        "plan",
        number,
        "--measures",
        "m",
        "--responsible",
        "r",
        "--deadline",
        "2021-07-01",
    )

    assert refused.code == 1
    assert "before the day the problem was fed back (2021-07-28)" in refused.err


def test_bad_input_is_a_user_or_usage_error(run):
    number = _add(run)
    assert run("ledger", "feedback", number, "--on", "28.7.2021").code == 2
    assert run("ledger", "add", "--unit", "县工信局", "--title", "t", "--source", "x").code == 1
    assert run("ledger", "add", "--unit", "县工信局", "--title", "t", "--severity", "x").code == 1
    assert run("ledger", "add", "--unit", "没有的单位", "--title", "t").code == 1
    assert run("ledger", "add", "--unit", "县工信局", "--title", " ").code == 1
    assert run("ledger", "add", "--unit", "县工信局", "--title", "长" * 201).code == 1
    assert run("ledger", "show", "2021-999").err == "orgeval: error: no problem numbered 2021-999\n"
    assert run("ledger", "ls", "--status", "done").code == 1
    assert run("ledger", "ls", "--due-within", "-1").code == 1


def test_add_prints_the_problem_as_json(run):
    added = _ok(run("ledger", "add", "--unit", "总工会", "--title", "机关干部年龄老化", "--json"))

    problem = added.json()
    assert problem["number"] == "2021-001"
    assert problem["unit"] == "县总工会"
    assert problem["status"] == "identified"
    assert problem["source"] == "onsite" and problem["severity"] == "medium"
    assert problem["created_at"].endswith("+00:00")
    assert problem["version"] == 1


def test_every_transition_writes_one_event_and_the_audit_trail_in_its_transaction(office):
    problem = add_problem(office, "县工信局", "挂牌不规范")
    ledger.feedback(office, problem.number, date(2021, 7, 28))
    ledger.plan(office, problem.number, "换牌", "李倩", date(2021, 8, 31), past_deadline=True)

    with office.read() as session:
        events = session.scalars(select(ProblemEvent).order_by(ProblemEvent.id)).all()
        audited = session.scalars(
            select(AuditEvent.field).where(
                AuditEvent.entity == "problem", AuditEvent.action == "update"
            )
        ).all()
        version = session.scalar(select(Problem.version))
    assert [e.action for e in events] == ["create", "feedback", "plan"]
    assert json.loads(events[2].detail) == {
        "measures": "换牌",
        "responsible": "李倩",
        "deadline": "2021-08-31",
    }
    assert {"status", "fed_back_on", "measures", "responsible", "deadline"} <= set(audited)
    assert version == 3


def test_a_refused_transition_writes_nothing(office):
    problem = ledger.add(office, "县工信局", "挂牌不规范")
    with pytest.raises(UserError):
        ledger.verify(office, problem.number, "note")

    with office.read() as session:
        assert session.scalar(select(func.count()).select_from(ProblemEvent)) == 1
        assert session.scalar(select(Problem.version)) == 1
