"""The demo's on-site evaluation as an evaluator finds it: five activities per unit, with
their notes and people met, and the findings linked to the problems they became."""

from __future__ import annotations

from datetime import date

import pytest

from orgeval_tui.services import fieldwork, ledger
from orgeval_tui.services.fieldwork.findings import findings_of_problem
from orgeval_tui.storage.database import Database


@pytest.fixture
def demo(demo_db):
    database = Database.open(str(demo_db))
    yield database
    database.dispose()


def test_each_evaluated_unit_has_its_five_activities(demo):
    for unit in ("县总工会", "县工信局", "县气象局"):
        kinds = [row.kind for row in fieldwork.list_activities(demo, unit)]
        assert sorted(kinds) == ["archive", "briefing", "callback", "interview", "site"]


def test_an_interview_keeps_its_answers_per_question_and_its_people_by_role(demo):
    interview = next(
        row for row in fieldwork.list_activities(demo, "县工信局") if row.kind == "interview"
    )
    detail = fieldwork.activity_detail(demo, interview.id)
    assert detail.held_on == date(2021, 7, 14)
    assert detail.answers["工作量是否饱和"] == "局领导交办的临时性工作多，日常工作饱和。"
    assert "内设机构运行" in detail.answers and "编制使用与人员结构" not in detail.answers
    assert all(person.name is None for person in detail.people_met)  # anonymous
    assert detail.draft is None


def test_findings_are_linked_to_the_problems_they_became(demo):
    problems = {p.title: p for p in ledger.list_problems(demo)}
    signage = problems["内设机构挂牌不规范"]
    with demo.read() as session:
        found = findings_of_problem(session, signage.id)
    assert [f.text for f in found] == [
        "“运行监测科”仍挂机构改革前“经济运行科”旧牌，“节能与综合利用科”未挂牌。"
    ]
    assert found[0].problem_number == signage.number and found[0].indicators == ("A1.2",)
    linked = {
        f.problem_number
        for row in fieldwork.list_activities(demo)
        for f in fieldwork.activity_detail(demo, row.id).findings
        if f.problem_number
    }
    onsite = {p.number for p in problems.values() if p.source == "onsite"}
    assert onsite <= linked and len(linked) == len(problems) == 10
