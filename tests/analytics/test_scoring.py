"""Scoring rules on worked examples: the pilot's 县工信局 figures, deductions, N/A,
totals per part and area, grades with a veto, evaluators' agreement, rank."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orgeval_tui.analytics.display import ONE_DECIMAL, RATES, TWO_DECIMALS
from orgeval_tui.analytics.rubric_rules import FIGURE_IDS, load_default_rubric
from orgeval_tui.analytics.scoring import (
    LeafOutcome,
    deduction_points,
    evaluators_mean,
    figure_text,
    grade,
    ranks,
    score_problem,
    suggest_from_figure,
    unit_result,
)
from orgeval_tui.i18n import set_language

RUBRIC = load_default_rubric().rubric
LEAF = RUBRIC.by_code()
BANDS = RUBRIC.grades


def _full_marks(**changes: LeafOutcome) -> dict[str, LeafOutcome]:
    outcomes = {leaf.code: LeafOutcome(leaf.maximum) for leaf in RUBRIC.leaves()}
    outcomes.update({code.replace("_", "."): o for code, o in changes.items()})
    return outcomes


@pytest.mark.parametrize(
    ("code", "value", "points", "english", "chinese"),
    [
        (
            "B1.1",
            Fraction(94, 132),
            5.5,
            "duty execution rate 71.21% → band 3 → 5.5/8",
            "执行率 71.21% → 第3档 → 5.5/8",
        ),
        ("B1.3", 0.8267, 3, "fill rate 82.67% → band 2 → 3/4", "填报率 82.67% → 第2档 → 3/4"),
        (
            "B1.4",
            0.7894,
            3,
            "workload ratio 78.94% → band 2 → 3/4",
            "工作量比率 78.94% → 第2档 → 3/4",
        ),
        (
            "B1.2",
            0.7618,
            3,
            "core business share by hours 76.18% → band 2 → 3/4",
            "业务工作占比（按时长） 76.18% → 第2档 → 3/4",
        ),
        ("B3.2", 99.28, 6, "peer score 99.28 → band 1 → 6/6", "互评得分 99.28 → 第1档 → 6/6"),
    ],
)
def test_the_pilot_figures_of_the_bureau_suggest_points(code, value, points, english, chinese):
    suggestion = suggest_from_figure(LEAF[code], value)

    assert suggestion.points == points
    assert suggestion.explanation == english
    set_language("zh")
    assert suggest_from_figure(LEAF[code], value).explanation == chinese


def test_a_figure_is_banded_as_it_is_shown():
    # 0.89996 is shown as 90.00%: it earns the band "90% or more".
    assert suggest_from_figure(LEAF["B1.1"], 0.89996).points == 8
    assert suggest_from_figure(LEAF["B1.1"], 0.89994).points == 7


def test_every_figure_a_rubric_may_name_is_shown_as_elsewhere():
    assert FIGURE_IDS <= RATES | ONE_DECIMAL | TWO_DECIMALS
    assert figure_text("cases_per_capita", 36.67) == "36.7"
    assert figure_text("vs_county_average", 1.25) == "125.00%"


def test_an_unknown_figure_suggests_nothing_and_says_so():
    suggestion = suggest_from_figure(LEAF["B2.3"], None)

    assert (suggestion.points, suggestion.band) == (None, None)
    assert suggestion.explanation == "satisfaction no data → no suggestion"


def test_a_figure_below_every_band_suggests_zero():
    leaf = LEAF["B3.2"]
    lowest = leaf.bands[-1]
    banded = replace(leaf, bands=leaf.bands[:-1])

    assert lowest.at_least == 0
    assert suggest_from_figure(banded, 50).points == 0
    assert (
        suggest_from_figure(banded, 50).explanation == "peer score 50.00 → below every band → 0/6"
    )


@pytest.mark.parametrize(
    ("points", "note", "message"),
    [
        (8.5, "", "8.5 points: a score runs from 0 to the maximum 8"),
        (-0.5, "x", "-0.5 points: a score runs from 0 to the maximum 8"),
        (5.25, "x", "5.25 points: a score goes in steps of 0.5"),
        (5.5, " ", "5.5 of 8 points: a score below the maximum needs a justification"),
        (5.5, None, "5.5 of 8 points: a score below the maximum needs a justification"),
    ],
)
def test_a_score_out_of_range_off_step_or_unjustified_is_refused(points, note, message):
    assert score_problem(8, points, note).text() == message


def test_full_marks_need_no_justification_and_a_justified_score_passes():
    assert score_problem(8, 8, None) is None
    assert score_problem(8, 0, "未开展") is None
    assert score_problem(8, 5.5, "执行率 71.21%") is None


@pytest.mark.parametrize(("count", "points"), [(0, 6), (1, 4), (2, 2), (3, 0), (7, 0)])
def test_a_deduction_loses_points_per_instance_down_to_zero(count, points):
    assert deduction_points(LEAF["A3.1"], count) == points  # 6 points, 2 per instance


def test_a_negative_count_is_refused():
    with pytest.raises(ValueError, match="the number of instances found is a whole number"):
        deduction_points(LEAF["A1.2"], -1)


@given(count=st.integers(min_value=0, max_value=1000))
def test_deduction_points_stay_between_zero_and_the_maximum_in_half_steps(count):
    for leaf in RUBRIC.leaves():
        if leaf.kind == "deduction":
            points = deduction_points(leaf, count)
            assert 0 <= points <= leaf.maximum
            assert score_problem(leaf.maximum, points, "x") is None


def test_full_marks_total_100_and_grade_excellent():
    result = unit_result(RUBRIC, _full_marks())

    assert (result.overall.points, result.overall.maximum, result.overall.total) == (100, 100, 100)
    assert result.grade == "excellent"
    assert result.by_indicator["A"].total == 100
    assert (result.by_indicator["B1"].points, result.by_indicator["B1"].maximum) == (20, 20)


def test_not_applicable_leaves_leave_points_and_maximum_and_the_total_is_scaled():
    # 12345 does not apply to a unit without hotline cases: 服务效能 (15) leaves.
    na = LeafOutcome(None, not_applicable=True)
    outcomes = _full_marks(B2_1=na, B2_2=na, B2_3=na, B1_1=LeafOutcome(5.5))

    result = unit_result(RUBRIC, outcomes)

    assert (result.overall.points, result.overall.maximum) == (82.5, 85)
    assert round(result.overall.total, 4) == 97.0588
    assert result.by_indicator["B2"].total is None
    assert (result.by_indicator["B"].points, result.by_indicator["B"].maximum) == (32.5, 35)


def test_an_unscored_leaf_counts_in_the_maximum_with_no_points():
    outcomes = _full_marks()
    del outcomes["B3.1"]

    result = unit_result(RUBRIC, outcomes)

    assert (result.overall.points, result.overall.maximum) == (97, 100)
    assert (result.overall.scored, result.overall.leaves) == (21, 22)


def test_a_failed_veto_caps_an_excellent_total_at_pass():
    outcomes = _full_marks(A3_1=LeafOutcome(deduction_points(LEAF["A3.1"], 1)))

    result = unit_result(RUBRIC, outcomes)

    assert result.overall.total == 98
    assert result.vetoed == ("A3.1",)
    assert result.grade == "pass"


@pytest.mark.parametrize(
    ("total", "vetoed", "expected"),
    [
        (90, False, "excellent"),
        (89.9, False, "good"),
        (80, False, "good"),
        (60, False, "pass"),
        (59.9, False, "fail"),
        (85, True, "pass"),
        (59, True, "fail"),
        (None, False, None),
    ],
)
def test_grade_bands(total, vetoed, expected):
    assert grade(total, BANDS, vetoed) == expected


def test_evaluators_mean_and_the_flag_beyond_a_quarter_of_the_maximum():
    agreeing = evaluators_mean({"王": 6, "李": 8}, 8)  # differ by 2 = a quarter: not flagged
    differing = evaluators_mean({"王": 5.5, "李": 8}, 8)

    assert (agreeing.mean, agreeing.flagged) == (7, False)
    assert (differing.mean, differing.flagged) == (6.75, True)
    assert evaluators_mean({}, 8).mean is None


def test_rank_among_units_shares_equal_totals_and_leaves_out_units_without_one():
    totals = {
        "县工信局": 92.5,
        "县总工会": 88.04,
        "县气象局": 88.0,
        "县审计局": 95.0,
        "县档案馆": None,
    }

    assert ranks(totals) == {
        "县审计局": 1,
        "县工信局": 2,
        "县总工会": 3,
        "县气象局": 3,
        "县档案馆": None,
    }
