"""A unit's score sheet read from the database: suggestions from the unit's figures and
ledger, evaluators' means and flags, N/A scaling, veto caps, grades, ranks, finalising,
and one evaluation's scores kept apart from another's."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from orgeval_tui.domain.actor import acting_as
from orgeval_tui.domain.errors import ConflictError, UserError
from orgeval_tui.i18n import set_language
from orgeval_tui.models import Score
from orgeval_tui.services import scores
from orgeval_tui.services.evaluations import create_evaluation, use_evaluation
from orgeval_tui.services.rubric_store import default_rubric, evaluation_rubric, replace_rubric
from orgeval_tui.services.score_sheet import score_sheet
from orgeval_tui.services.units import add_unit
from orgeval_tui.storage.database import Database
from tests.office import team

UNITS = ("县工信局", "气象局")


@pytest.fixture
def county(database):
    add_unit(database, "县工业和信息化局", short_name="县工信局")
    add_unit(database, "县气象局", short_name="气象局")
    create_evaluation(
        database, "2021年度评估", date(2021, 6, 30), number_prefix="2021", units=UNITS
    )
    return database


def _score_everything_at_max(database, unit, *, but=()):
    for leaf in default_rubric().leaves():
        if leaf.code not in but:
            scores.set_score(database, unit, leaf.code, points=leaf.maximum)


def _score_rows(database) -> int:
    with database.read() as session:
        return session.scalar(select(func.count()).select_from(Score))


def test_the_demo_bureau_is_suggested_points_from_its_figures_and_its_ledger(demo_db):
    set_language("zh")
    database = Database.open(str(demo_db))
    sheet = score_sheet(database, "县工信局")
    execution = sheet.line("B1.1").suggestion
    signage = sheet.line("A1.2").suggestion
    database.dispose()

    assert execution.explanation == "执行率 71.21% → 第3档 → 5.5/8"
    assert execution.points == 5.5
    # One problem of category 机构挂牌 in the ledger, 0.5 points each, from 4.
    assert (signage.count, signage.points) == (1, 3.5)


def test_a_unit_scored_in_full_has_its_total_grade_and_rank(county):
    _score_everything_at_max(county, "县工信局", but=("B1.1",))
    scores.set_score(county, "县工信局", "B1.1", points=5.5, note="执行率 71.21%")
    _score_everything_at_max(county, "气象局")

    bureau = score_sheet(county, "县工信局")
    weather = score_sheet(county, "气象局")

    assert (bureau.result.overall.points, bureau.result.overall.maximum) == (97.5, 100)
    assert bureau.result.overall.total == 97.5
    assert bureau.result.by_indicator["B"].points == 47.5
    assert bureau.result.by_indicator["B1"].maximum == 20
    assert bureau.result.grade == "excellent"
    assert (bureau.rank, weather.rank, bureau.ranked_units) == (2, 1, 2)


def test_not_applicable_leaves_the_maximum_and_the_total_is_scaled_to_100(county):
    _score_everything_at_max(county, "县工信局", but=("A6.2", "B1.1"))
    scores.set_score(county, "县工信局", "A6.2", na=True)
    scores.set_score(county, "县工信局", "B1.1", points=4, note="执行率偏低")

    overall = score_sheet(county, "县工信局").result.overall

    assert (overall.points, overall.maximum) == (93.0, 97.0)
    assert round(overall.total, 1) == 95.9


def test_a_count_of_instances_takes_points_off_never_below_zero(county):
    scores.set_score(county, "县工信局", "A1.2", count=3, note="三处挂牌不规范")
    scores.set_score(county, "县工信局", "A4.2", count=9, note="超配")

    sheet = score_sheet(county, "县工信局")

    assert (sheet.line("A1.2").mine.points, sheet.line("A1.2").mine.count) == (2.5, 3)
    assert sheet.line("A4.2").mine.points == 0


def test_a_failed_veto_item_caps_the_grade_at_pass(county):
    _score_everything_at_max(county, "县工信局", but=("A3.1",))
    scores.set_score(county, "县工信局", "A3.1", count=1, note="超编进人 1 名")

    result = score_sheet(county, "县工信局").result

    assert result.overall.total == 98
    assert (result.grade, result.vetoed) == ("pass", ("A3.1",))


def test_the_unit_has_the_mean_of_its_evaluators_and_far_apart_scores_are_flagged(county):
    team(county, "王评估", "李评估")
    with acting_as("王评估"):
        scores.set_score(county, "县工信局", "B1.1", points=8)
        scores.set_score(county, "县工信局", "B2.1", points=5)
    with acting_as("李评估"):
        scores.set_score(county, "县工信局", "B1.1", points=5, note="执行率偏低")
        scores.set_score(county, "县工信局", "B2.1", points=4.5, note="略低于平均")
        sheet = score_sheet(county, "县工信局")

    execution, cases = sheet.line("B1.1"), sheet.line("B2.1")
    assert execution.evaluators == {"李评估": 5, "王评估": 8}
    assert execution.mine.points == 5
    assert (execution.outcome.points, execution.agreement.flagged) == (6.5, True)
    assert (cases.outcome.points, cases.agreement.flagged) == (4.75, False)


def test_a_typed_score_shows_in_the_totals_before_it_is_saved(county):
    _score_everything_at_max(county, "县工信局", but=("B1.1",))
    sheet = score_sheet(county, "县工信局")

    typed = sheet.with_my_points("B1.1", 6)
    not_applicable = sheet.with_my_points("B1.1", None, na=True)

    assert sheet.result.overall.points == 92 and sheet.result.overall.scored == 21
    assert (typed.result.overall.points, typed.result.overall.total) == (98, 98)
    assert (not_applicable.result.overall.maximum, not_applicable.result.overall.total) == (
        92,
        100,
    )
    assert _score_rows(county) == 21


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"code": "B1.1", "points": 9}, "9 points: a score runs from 0 to the maximum 8"),
        ({"code": "B1.1", "points": 7.3}, "7.3 points: a score goes in steps of 0.5"),
        ({"code": "B1.1", "points": 7}, "a score below the maximum needs a justification"),
        ({"code": "Z9", "points": 1}, "no indicator Z9 in the rubric"),
        ({"code": "B1", "points": 1}, "B1 履职效能 is a group of indicators"),
        ({"code": "B1.1", "count": 1}, "is not scored by deduction"),
        ({"code": "B1.1", "points": 8, "na": True}, "give exactly one of points"),
    ],
)
def test_a_score_that_cannot_be_given_is_refused_and_nothing_is_written(county, values, message):
    set_language("en")
    values = dict(values)
    code = values.pop("code")
    with pytest.raises(UserError, match=message.replace(".", r"\.")):
        scores.set_score(county, "县工信局", code, **values)
    assert _score_rows(county) == 0


def test_a_stale_score_is_refused_naming_who_changed_it(county):
    set_language("en")
    team(county, "王评估")
    with acting_as("王评估"):
        saved = scores.set_score(county, "县工信局", "B1.1", points=8)
        scores.set_score(
            county, "县工信局", "B1.1", points=7, note="复核", expected_version=saved.version
        )
        with pytest.raises(
            ConflictError,
            match=r"县工业和信息化局 B1\.1 执行率 was changed by 王评估 at .*→ 复核",
        ):
            scores.set_score(
                county, "县工信局", "B1.1", points=6, note="再核", expected_version=saved.version
            )
        assert score_sheet(county, "县工信局").line("B1.1").mine.points == 7


def test_finalised_scores_are_locked_until_reopened_with_a_reason(county):
    set_language("en")
    with pytest.raises(UserError, match="22 indicators not scored"):
        scores.finalize(county, "县工信局")
    _score_everything_at_max(county, "县工信局")
    scores.finalize(county, "县工信局")

    with pytest.raises(UserError, match="finalised"):
        scores.set_score(county, "县工信局", "B1.1", points=7, note="复核")
    with pytest.raises(UserError, match="needs a reason"):
        scores.reopen(county, "县工信局", "  ")
    scores.reopen(county, "县工信局", "复核执行率")
    scores.set_score(county, "县工信局", "B1.1", points=7, note="复核")

    assert score_sheet(county, "县工信局").line("B1.1").mine.points == 7


def test_a_second_evaluation_copies_the_rubric_and_shows_none_of_the_firsts_scores(county):
    _score_everything_at_max(county, "县工信局")
    create_evaluation(
        county, "2022年度评估", date(2022, 6, 30), number_prefix="2022", copy_from="2021年度评估"
    )

    second = score_sheet(county, "县工信局")
    assert second.evaluation == "2022年度评估"
    assert [line.leaf.code for line in second.lines] == [
        leaf.code for leaf in default_rubric().leaves()
    ]
    assert all(line.mine is None and not line.evaluators for line in second.lines)
    assert second.result.overall.total is None

    use_evaluation(county, "2021年度评估")
    assert score_sheet(county, "县工信局").result.overall.total == 100


def test_a_rubric_is_replaced_only_while_no_score_refers_to_it(county):
    from orgeval_tui.services.evaluations import find_evaluation

    set_language("en")
    with county.write() as session:
        evaluation = find_evaluation(session)
        replace_rubric(session, evaluation, default_rubric())
    scores.set_score(county, "县工信局", "B1.1", points=8)

    with pytest.raises(UserError, match="1 scores refer to it"):
        with county.write() as session:
            replace_rubric(session, find_evaluation(session), default_rubric())
    with county.read() as session:
        assert len(evaluation_rubric(session, evaluation.id).leaves()) == 22
    assert _score_rows(county) == 1


def test_a_leaf_carries_the_findings_that_bear_on_it_in_its_unit_and_evaluation(county):
    from orgeval_tui.services import fieldwork

    site = fieldwork.add_activity(county, "县工信局", "实地查看", date(2021, 7, 13))
    other = fieldwork.add_activity(county, "气象局", "site", date(2021, 7, 20))
    signage = fieldwork.add_finding(county, site.id, "旧牌未换", indicators=["a1.2", "A1.1"])
    fieldwork.add_finding(county, site.id, "无关的发现")
    fieldwork.add_finding(county, other.id, "气象局的牌子", indicators=["A1.2"])
    create_evaluation(county, "2022年度评估", date(2022, 6, 30), number_prefix="2022", units=UNITS)

    later = score_sheet(county, "县工信局")
    use_evaluation(county, "2021年度评估")
    sheet = score_sheet(county, "县工信局")

    assert [f.text for f in sheet.line("A1.2").findings] == ["旧牌未换"]
    assert [f.id for f in sheet.line("A1.1").findings] == [signage.id]
    assert sheet.line("A2.1").findings == ()
    assert later.line("A1.2").findings == ()
