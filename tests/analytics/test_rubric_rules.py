"""The shipped rubric loads and checks; every rule refuses a broken copy by name."""

from __future__ import annotations

import copy
import tomllib
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orgeval_tui.analytics.rubric_rules import load_default_rubric, read_rubric
from orgeval_tui.i18n import set_language

AREAS = {
    "A": [
        "机构设置与挂牌",
        "职能配置与履行",
        "编制使用",
        "领导职数",
        "实名制管理",
        "编外与借调人员",
    ],
    "B": ["履职效能", "服务效能", "评议"],
}


def _document() -> dict:
    text = (resources.files("orgeval_tui") / "rubrics" / "default.toml").read_text("utf-8")
    return tomllib.loads(text)


def _row(document: dict, code: str) -> dict:
    return next(row for row in document["indicators"] if row["code"] == code)


def _refusals(document: dict) -> list[str]:
    reading = read_rubric(document)
    assert reading.rubric is None
    return [problem.text() for problem in reading.problems]


def test_the_shipped_rubric_loads_with_two_parts_whose_leaves_sum_to_100():
    reading = load_default_rubric()

    assert reading.problems == ()
    rubric = reading.rubric
    assert [(p.code, p.name, p.maximum) for p in rubric.children(None)] == [
        ("A", "执行情况", 50),
        ("B", "使用效益", 50),
    ]
    for part, names in AREAS.items():
        assert [area.name for area in rubric.children(part)] == names
    assert sum(leaf.maximum for leaf in rubric.leaves()) == 100
    assert rubric.grades == {"excellent": 90, "good": 80, "pass": 60}


def test_the_shipped_rubric_scores_compliance_by_deduction_and_names_its_figures():
    rubric = load_default_rubric().rubric
    compliance = [leaf for leaf in rubric.leaves() if rubric.ancestors(leaf.code)[-1] == "A"]
    figures = {leaf.name: leaf.figure for leaf in rubric.leaves() if leaf.kind == "figure"}

    assert {leaf.kind for leaf in compliance} == {"deduction"}
    assert all(leaf.per_instance > 0 and leaf.standard for leaf in compliance)
    assert {leaf.name for leaf in rubric.leaves() if leaf.veto} == {
        "不超编进人",
        "不超职数配备领导",
    }
    assert figures == {
        "执行率": "execution_rate",
        "业务工作占比": "business_share_by_hours",
        "填报率": "fill_rate",
        "工作量": "workload_ratio",
        "人均办件量": "vs_county_average",
        "按时办结率": "on_time_rate",
        "满意率": "satisfaction_rate",
        "互评得分": "peer_score",
        "职工问卷": "staff_satisfaction",
    }
    assert rubric.by_code()["B3.1"].kind == "graded"


def test_a_duplicate_code_is_refused_by_name():
    document = _document()
    document["indicators"].append(copy.deepcopy(_row(document, "B3.1")))

    assert "indicator B3.1: the code is used twice" in _refusals(document)


def test_an_unknown_parent_is_refused():
    document = _document()
    _row(document, "A1.2")["parent"] = "A9"

    assert "indicator A1.2: parent A9 is not an indicator of the rubric" in _refusals(document)


def test_parents_that_lead_back_to_the_indicator_are_refused():
    document = _document()
    _row(document, "A")["parent"] = "A1"

    assert "indicator A: its parents lead back to itself" in _refusals(document)


@pytest.mark.parametrize("value", [0, -1, 2.3, "4"])
def test_a_maximum_not_above_zero_in_half_steps_is_refused(value):
    document = _document()
    _row(document, "A1.1")["max"] = value

    assert (
        f"indicator A1.1: max must be a number above 0 in steps of 0.5 (got {value})"
        in _refusals(document)
    )


def test_leaf_maxima_that_do_not_sum_to_100_are_refused_with_the_sum():
    document = _document()
    _row(document, "A1.1")["max"] = 5

    assert _refusals(document) == ["the leaves' maxima sum to 101, not 100"]


def test_a_parent_maximum_other_than_its_leaves_sum_is_refused():
    document = _document()
    _row(document, "A1")["max"] = 9

    assert _refusals(document) == ["indicator A1: max 9 is not the sum of its leaves' maxima (8)"]


def test_an_unknown_kind_is_refused():
    document = _document()
    _row(document, "B3.1")["kind"] = "guess"

    assert (
        "indicator B3.1: kind guess is unknown; use one of graded, deduction, figure"
        in _refusals(document)
    )


@pytest.mark.parametrize("value", [0, -0.5, 0.3, None])
def test_a_deduction_needs_points_per_instance_above_zero(value):
    document = _document()
    row = _row(document, "A2.1")
    if value is None:
        del row["per_instance"]
    else:
        row["per_instance"] = value

    assert any(
        text.startswith("indicator A2.1: per_instance (points lost per instance) must be above 0")
        for text in _refusals(document)
    )


def test_a_figure_leaf_names_a_known_figure():
    document = _document()
    _row(document, "B1.1")["figure"] = "happiness"

    assert _refusals(document) == [
        "indicator B1.1: figure happiness is not a figure of the evaluation"
    ]


def test_figure_bands_must_fall_in_order():
    document = _document()
    bands = _row(document, "B1.1")["bands"]
    bands[1], bands[2] = bands[2], bands[1]

    assert _refusals(document) == [
        "indicator B1.1: band 3 must start lower than the band before it and give no more points",
    ]


def test_band_points_above_the_maximum_are_refused():
    document = _document()
    _row(document, "B1.1")["bands"][0]["points"] = 9

    assert (
        "indicator B1.1: band 1 gives 9 points; points run from 0 to the maximum 8 in steps of 0.5"
        in _refusals(document)
    )


def test_a_field_of_another_kind_is_refused_not_ignored():
    document = _document()
    _row(document, "B3.1")["per_instance"] = 1

    assert _refusals(document) == [
        "indicator B3.1: field per_instance does not belong to a leaf of kind graded"
    ]


def test_an_empty_standard_is_refused():
    document = _document()
    _row(document, "A5.1")["standard"] = "  "

    assert _refusals(document) == ["indicator A5.1: standard is empty"]


def test_grade_bands_out_of_order_are_refused():
    document = _document()
    document["grades"] = {"excellent": 80, "good": 90, "pass": 60}

    assert _refusals(document) == ["grades must fall in order: excellent 80 > good 90 > pass 60"]


def test_every_problem_is_named_at_once_in_chinese():
    set_language("zh")
    document = _document()
    _row(document, "A1.1")["max"] = 0
    _row(document, "B1.1")["figure"] = "happiness"
    _row(document, "B2.2")["kind"] = "guess"

    assert _refusals(document) == [
        "指标 A1.1：max（分值）须为大于 0 的数，以 0.5 为单位（现为 0）",
        "指标 B1.1：figure happiness 不是评估数据中的指标",
        "指标 B2.2：字段 bands 不属于计分方式为 guess 的末级指标",
        "指标 B2.2：字段 figure 不属于计分方式为 guess 的末级指标",
        "指标 B2.2：计分方式 kind guess 未知，应为 graded, deduction, figure 之一",
    ]


LEAF_CODES = [row["code"] for row in _document()["indicators"] if "kind" in row]


@given(
    code=st.sampled_from(LEAF_CODES),
    change=st.integers(min_value=-2, max_value=6).filter(bool).map(lambda n: n / 2),
)
def test_any_leaf_maximum_changed_alone_breaks_the_sum(code, change):
    document = _document()
    row = _row(document, code)
    row["max"] += change
    for band in row.get("bands", []):  # the leaf stays sound apart from its maximum
        band["points"] = min(band["points"], row["max"])

    assert _refusals(document) == [f"the leaves' maxima sum to {100 + change:g}, not 100"]
