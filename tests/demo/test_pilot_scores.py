"""The demo's scores: the pilot's evaluation on the default rubric, each unit's
self-evaluation, and two evaluators' office scores with their justifications, the totals
and grades they come to (hand-checked below from the points of each leaf)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from orgeval_tui.analytics.display import one_decimal
from orgeval_tui.demo.pilot_ledger import SHANGHAI
from orgeval_tui.models import AuditEvent
from orgeval_tui.services.rubric_store import default_rubric
from orgeval_tui.services.score_sheet import score_sheet
from orgeval_tui.storage.database import Database

UNITS = ("县总工会", "县工业和信息化局", "县气象局")
EVALUATORS = {"张立新", "刘晓燕"}
DUTY_LEAVES = {"B1.1", "B1.2", "B1.3", "B1.4"}


@pytest.fixture(scope="module")
def sheets(demo_template):
    database = Database.open(str(demo_template))
    try:
        yield {unit: score_sheet(database, unit, evaluator="张立新") for unit in UNITS}
    finally:
        database.dispose()


def test_the_pilots_evaluation_is_scored_on_the_default_rubric(sheets):
    default = default_rubric()

    for sheet in sheets.values():
        assert [i.code for i in sheet.rubric.indicators] == [i.code for i in default.indicators]
        assert [line.leaf.maximum for line in sheet.lines] == [
            leaf.maximum for leaf in default.leaves()
        ]


def test_every_unit_scored_itself_on_every_leaf_with_its_evidence(sheets):
    for unit, sheet in sheets.items():
        missing = [line.leaf.code for line in sheet.lines if line.self_score is None]
        assert missing == [], unit
        assert all(line.self_score.note for line in sheet.lines), unit
    bureau = sheets["县工业和信息化局"]
    assert bureau.line("A3.1").self_score.note == "实名制系统《在编人员信息表》、用编进人审批表"
    assert bureau.line("B1.1").self_score.points == 5.5
    union = sheets["县总工会"]
    assert union.line("B1.1").self_score.not_applicable, "no duty log: the unit says 不适用"


def test_two_evaluators_scored_every_leaf_of_every_unit(sheets):
    for unit, sheet in sheets.items():
        for line in sheet.lines:
            assert set(line.evaluators) == EVALUATORS, (unit, line.leaf.code)


def test_every_office_score_below_the_maximum_says_why(sheets):
    for unit, sheet in sheets.items():
        for line in sheet.lines:
            mine = line.mine
            if mine.points is None or mine.points < line.leaf.maximum:
                assert mine.note, (unit, line.leaf.code)
    assert "部分岗位职责未开展" in sheets["县工业和信息化局"].line("A2.1").mine.note
    assert "挂牌不规范" in sheets["县工业和信息化局"].line("A1.2").mine.note
    assert "填报不够及时完整" in sheets["县工业和信息化局"].line("B1.3").mine.note
    assert "年龄老化" in sheets["县总工会"].line("A3.2").mine.note
    assert "统筹使用不够" in sheets["县总工会"].line("A3.2").mine.note
    assert "档案不完整" in sheets["县总工会"].line("A5.1").mine.note
    assert "挂牌名称与“三定”规定不一致" in sheets["县气象局"].line("A1.2").mine.note
    assert "预警信息传递时效" in sheets["县气象局"].line("A2.2").mine.note


def test_figure_and_deduction_leaves_follow_the_pilots_data(sheets):
    """A figure leaf at the points its figure suggests (不适用 where the figure is
    unknown), a deduction leaf at its ledger count: for the first evaluator on every
    leaf."""
    for unit, sheet in sheets.items():
        for line in sheet.lines:
            if line.leaf.kind == "figure":
                assert line.mine.points == line.suggestion.points, (unit, line.leaf.code)
            elif line.leaf.kind == "deduction":
                assert line.mine.count == line.suggestion.count, (unit, line.leaf.code)
    bureau = sheets["县工业和信息化局"]
    assert (bureau.line("B1.1").mine.points, bureau.line("B1.3").mine.points) == (5.5, 3.0)
    assert bureau.line("A2.1").suggestion.count == 1
    union = sheets["县总工会"]
    assert {c for c in DUTY_LEAVES if union.line(c).outcome.not_applicable} == DUTY_LEAVES


def test_the_evaluators_differ_on_two_leaves_and_one_is_flagged(sheets):
    differing = {
        (unit, line.leaf.code): dict(line.evaluators)
        for unit, sheet in sheets.items()
        for line in sheet.lines
        if len(set(line.evaluators.values())) > 1
    }
    flagged = {
        (unit, line.leaf.code)
        for unit, sheet in sheets.items()
        for line in sheet.lines
        if line.agreement.flagged
    }

    assert differing == {
        ("县工业和信息化局", "A2.1"): {"张立新": 5.0, "刘晓燕": 3.0},  # 2 > 6 / 4
        ("县气象局", "A1.2"): {"张立新": 3.5, "刘晓燕": 3.0},  # 0.5 ≤ 4 / 4
    }
    assert flagged == {("县工业和信息化局", "A2.1")}
    assert sheets["县工业和信息化局"].line("A2.1").outcome.points == 4.0


def test_the_totals_grades_and_ranks(sheets):
    """By hand, the office's points per leaf (the mean where the evaluators differ):
    县总工会 A 4+4+6+3+6+3+5+3+3.5+3+4+3 = 47.5 of 50; B (B1 不适用) 1+5+5+3+6+5 = 25 of
    30; 72.5 / 80 = 90.625. 县工信局 A 4+3.5+4+4+6+4+5+3+3.5+3+4+3 = 47; B
    5.5+3+3+3+5+5+5+3+6+5 = 43.5; 90.5 / 100. 县气象局 A 4+3.25+6+3+6+4+5+3+4+3+4+3 =
    48.25; B (B1 不适用) 1+5+2+2.5+6+5 = 21.5 of 30; 69.75 / 80 = 87.1875."""
    shown = {
        unit: (
            one_decimal(sheet.result.overall.total),
            sheet.result.overall.points,
            sheet.result.overall.maximum,
            sheet.result.grade,
            sheet.rank,
        )
        for unit, sheet in sheets.items()
    }
    parts = {
        unit: tuple(
            (sheet.result.by_indicator[part].points, sheet.result.by_indicator[part].maximum)
            for part in ("A", "B")
        )
        for unit, sheet in sheets.items()
    }

    assert shown == {
        "县总工会": ("90.6", 72.5, 80.0, "excellent", 1),
        "县工业和信息化局": ("90.5", 90.5, 100.0, "excellent", 2),
        "县气象局": ("87.2", 69.75, 80.0, "good", 3),
    }
    assert parts == {
        "县总工会": ((47.5, 50.0), (25.0, 30.0)),
        "县工业和信息化局": ((47.0, 50.0), (43.5, 50.0)),
        "县气象局": ((48.25, 50.0), (21.5, 30.0)),
    }
    assert all(sheet.result.vetoed == () for sheet in sheets.values())


def test_the_scores_were_given_through_the_audited_service(demo_template):
    with Database.open(str(demo_template)).read() as session:
        actors = session.execute(
            select(AuditEvent.actor, AuditEvent.at).where(AuditEvent.entity == "score")
        ).all()

    assert {actor for actor, _ in actors} == EVALUATORS  # the clerk typed the self-scores
    days = {at.astimezone(SHANGHAI).date().isoformat() for _, at in actors}
    assert days == {"2021-07-02", "2021-07-26", "2021-07-27"}
