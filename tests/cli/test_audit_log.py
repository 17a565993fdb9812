"""`orgeval audit log`: who changed what and when, newest first, on SQLite and
PostgreSQL — a unit's records are those of its own row and of its problems and scores
(deleted ones too), never another unit's; by account; since a day; as JSON; user data
printed as written; a wrong day refused in one line."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from orgeval_tui.domain.actor import acting_as
from orgeval_tui.domain.clock import clock_at, office_tz
from orgeval_tui.services import ledger
from orgeval_tui.services.scores import set_score
from tests.office import add_problem, team

FIRST_LEAF = "A1.1"
LATER = date(2030, 7, 5)


def _on(day: date):
    return clock_at(datetime.combine(day, datetime.min.time(), tzinfo=office_tz()).replace(hour=10))


@pytest.fixture
def trail(office):
    """Two units' problems and scores, written by two accounts on different days (the
    second after the day the office itself was set up, which is today)."""
    from orgeval_tui.services.evaluation_setup import edit_evaluation

    team(office, "wangli", role="admin")
    team(office, "zhangmin")
    with acting_as("wangli"), _on(date(2021, 6, 30)):
        edit_evaluation(office, add_units=("县工信局", "总工会"))
        add_problem(office, "县工信局", "挂牌不规范", category="机构挂牌")  # 2021-001
        add_problem(office, "总工会", "职责交叉未厘清")  # 2021-002
    with acting_as("zhangmin"), _on(LATER):
        ledger.feedback(office, "2021-001", LATER)
        set_score(office, "县工信局", FIRST_LEAF, points=3, note="增设科室一个")
        set_score(office, "总工会", FIRST_LEAF, points=4)
    return office


@pytest.fixture
def log(cli, trail):
    def run(*args: str, lang: str = "en"):
        return cli("--db", trail.url, "--lang", lang, "audit", "log", *args)

    return run


def _records(done) -> list[dict]:
    assert done.code == 0, done.err
    return done.json()["records"]


def test_a_unit_shows_its_problems_and_scores_and_nothing_of_another_unit(log):
    records = _records(log("--unit", "县工信局", "--json", "--limit", "1000"))
    subjects = {record["subject"] for record in records}

    assert "problem 2021-001" in subjects
    assert f"score {FIRST_LEAF} 县工业和信息化局" in subjects
    assert "unit 县工业和信息化局" in subjects
    assert not any("2021-002" in s or "县总工会" in s for s in subjects), subjects
    status = next(
        r for r in records if r["subject"] == "problem 2021-001" and r["field"] == "status"
    )
    assert (status["old"], status["new"]) == ("identified", "fed_back")
    assert (status["old_words"], status["new_words"]) == ("identified", "fed back")


def test_the_text_view_says_the_change_in_words_newest_first(log):
    done = log("--unit", "县工信局", lang="zh")
    lines = done.out.splitlines()

    assert done.code == 0, done.err
    assert lines[0].split() == ["时间", "操作人", "记录", "字段", "原值", "→", "新值"]
    assert lines[1].startswith("2030-07-05 10:00  zhangmin")
    status_line = next(line for line in lines if "整改状态" in line)
    assert "问题 2021-001" in status_line and "已发现 → 已反馈" in status_line


def test_a_deleted_problem_stays_in_its_units_trail(trail, log):
    from orgeval_tui.models import Problem, ProblemEvent

    with acting_as("wangli"), trail.write() as session:
        problem = session.scalars(select(Problem).where(Problem.number == "2021-001")).one()
        for event in session.scalars(
            select(ProblemEvent).where(ProblemEvent.problem_id == problem.id)
        ):
            session.delete(event)
        session.flush()
        session.delete(problem)

    records = _records(log("--unit", "县工信局", "--json", "--limit", "1000"))
    deleted = [r for r in records if r["action"] == "delete"]
    others = _records(log("--unit", "总工会", "--json", "--limit", "1000"))

    assert deleted and all(r["subject"] == "problem 2021-001" for r in deleted)
    assert {r["field"] for r in deleted} >= {"title", "unit_id", "status"}
    assert not any(r["action"] == "delete" for r in others)


def test_actor_and_since_narrow_the_records(log):
    by_wangli = _records(log("--actor", "wangli", "--json", "--limit", "1000"))
    since = _records(log("--since", "2030-07-05", "--json", "--limit", "1000"))

    assert by_wangli and {r["actor"] for r in by_wangli} == {"wangli"}
    assert {r["subject"] for r in by_wangli} >= {"problem 2021-001", "problem 2021-002"}
    assert since and {r["actor"] for r in since} == {"zhangmin"}
    assert min(r["at"] for r in since) == "2030-07-05T10:00:00+08:00"
    assert _records(log("--since", "2030-07-06", "--json")) == []


def test_json_keeps_stable_keys_and_says_when_older_records_are_left_out(log):
    done = log("--json", "--limit", "2")
    document = done.json()

    assert set(document) == {"records", "limit", "more"}
    assert document["limit"] == 2 and document["more"] is True
    assert set(document["records"][0]) == {
        "record",
        "at",
        "actor",
        "action",
        "entity",
        "entity_id",
        "subject",
        "field",
        "field_label",
        "old",
        "new",
        "old_words",
        "new_words",
    }
    ids = [r["record"] for r in document["records"]]
    assert ids == sorted(ids, reverse=True)
    assert "Older records match too" in log("--limit", "2").out


def test_markup_and_terminal_control_in_a_value_print_literally(trail, log, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")  # the title on one line
    with acting_as("wangli"):
        add_problem(trail, "县工信局", "[bold red]伪造[/] \x1b[2J清屏")

    done = log("--unit", "县工信局", "--limit", "1000")

    assert done.code == 0, done.err
    assert "[bold red]伪造[/]" in done.out
    assert "\x1b" not in done.out and "␛[2J清屏" in done.out


def test_a_wrong_day_limit_or_unit_is_refused_in_one_line(log):
    day = log("--since", "2021-02-30", lang="zh")
    unit = log("--unit", "县无此局")
    limit = log("--limit", "0")

    assert day.code == 1 and day.out == ""
    assert day.err.strip().count("\n") == 0
    assert "2021-02-30 不是日期：请写成 YYYY-MM-DD" in day.err
    assert unit.code == 1 and "县无此局" in unit.err
    assert limit.code == 1 and "--limit 0: give a number of records, 1 or more" in limit.err
