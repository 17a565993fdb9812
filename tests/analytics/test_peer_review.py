"""What the 评议 tab reads from the questionnaires: each staff item's satisfaction, the
departments that answered for a unit of those asked, the spread of the peer totals, and
the raters flagged (analytics/peer_review.py states the rules)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from orgeval_tui.analytics.peer_review import (
    department_coverage,
    flagged_raters,
    staff_items,
    total_bands,
)
from orgeval_tui.analytics.surveys import ItemMean

GXJ, QXJ, ZGH = 1, 2, 3


def test_an_items_satisfaction_is_its_mean_over_the_scale_maximum():
    items = staff_items(
        [ItemMean(1, "职责清晰", 4, 4.25), ItemMean(2, "工作量饱满", 0, None)], scale_max=5
    )

    assert [(i.number, i.answers, i.mean, i.satisfaction) for i in items] == [
        (1, 4, 4.25, 85.0),
        (2, 0, None, None),
    ]


def test_the_departments_that_did_not_answer_for_the_unit_are_named():
    asked = ["沂城街道", "审计局", " 纪委监委 ", "审计局", "", "热线中心"]
    coverage = department_coverage(asked, ["审计局", "纪委监委", None])

    assert coverage.asked == ("沂城街道", "审计局", "纪委监委", "热线中心")
    assert coverage.responded == ("审计局", "纪委监委")
    assert coverage.missing == ("沂城街道", "热线中心")


def test_totals_fall_into_bands_of_ten_with_the_lower_bound_included():
    totals = [Fraction(59_5, 10), Fraction(60), Fraction(69_5, 10), Fraction(70), 89, 90, 100]

    assert [(b.label, b.count) for b in total_bands(totals)] == [
        ("<60", 1),
        ("60–69", 2),
        ("70–79", 1),
        ("80–89", 1),
        ("90–100", 2),
    ]


def _totals(rows):
    out = {}
    for department, unit, *given in rows:
        out[(department, unit)] = [Fraction(g) for g in given]
    return out


def test_a_department_giving_every_unit_the_same_total_is_flagged():
    totals = _totals(
        [
            ("审计局", GXJ, 100, 100),
            ("审计局", QXJ, 100),
            ("纪委监委", GXJ, 100, 98),
            ("纪委监委", QXJ, 100),
            ("热线中心", GXJ, 95),  # one unit only: nothing to tell apart
        ]
    )

    [flag] = flagged_raters(totals, GXJ)

    assert (flag.department, flag.rule, flag.score) == ("审计局", "same", 100.0)
    assert flagged_raters(totals, ZGH) == ()


def _others(*values):
    return [(f"部门{i}", GXJ, v) for i, v in enumerate(values)]


def test_a_department_far_from_the_others_mean_is_flagged_with_how_far():
    # The others: 96, 98, 100, 98 → mean 98, standard deviation 1.633.
    totals = _totals([*_others(96, 98, 100, 98), ("乡镇甲", GXJ, 80, 84), ("乡镇甲", QXJ, 99)])

    [flag] = flagged_raters(totals, GXJ)

    assert (flag.department, flag.rule, flag.score) == ("乡镇甲", "far", 82.0)
    # Each of the four others, measured against the rest (乡镇甲 among them), is not far.
    assert flag.others_mean == pytest.approx(98.0)
    assert flag.gap == pytest.approx(-16.0)
    assert flag.deviations == pytest.approx(16 / 1.632993, rel=1e-5)


def test_ten_points_or_less_from_the_others_is_not_far():
    totals = _totals([*_others(96, 98, 100, 98), ("乡镇甲", GXJ, 88)])

    assert flagged_raters(totals, GXJ) == ()


def test_more_than_ten_points_within_two_standard_deviations_is_not_far():
    # The others spread widely: mean 84, standard deviation 16.7; 65 is 19 below the mean.
    totals = _totals([*_others(60, 80, 100, 80, 100), ("乡镇甲", GXJ, 65)])

    assert flagged_raters(totals, GXJ) == ()


def test_far_needs_two_other_departments():
    totals = _totals([("审计局", GXJ, 100), ("乡镇甲", GXJ, 40)])

    assert flagged_raters(totals, GXJ) == ()
