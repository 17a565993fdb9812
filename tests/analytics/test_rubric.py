"""A unit's self-evaluation against the rubric's leaves (DOMAIN.md, "Rubric")."""

from __future__ import annotations

from orgeval_tui.analytics.display import figure_text
from orgeval_tui.analytics.rubric import self_evaluation

LEAVES = {1: 10.0, 2: 20.0, 3: 15.5}


def test_the_self_score_sums_the_units_points_on_the_leaves():
    result = self_evaluation(LEAVES, [(1, 8.5), (3, 12.0)])

    assert result.self_score == 20.5
    assert result.self_maximum == 45.5
    assert (result.self_scored_items, result.rubric_items) == (2, 3)
    assert figure_text("self_score", result.self_score) == "20.5"


def test_points_on_something_not_a_leaf_of_this_rubric_do_not_count():
    assert self_evaluation(LEAVES, [(1, 4.0), (99, 50.0)]).self_score == 4.0


def test_no_self_scores_is_no_score_not_zero():
    result = self_evaluation(LEAVES, [])

    assert result.self_score is None
    assert figure_text("self_score", result.self_score) == "no data"
    assert result.self_scored_items == 0


def test_a_leaf_the_unit_marks_not_applicable_leaves_its_points_and_its_maximum():
    """不适用 (points None) counts as self-scored, but neither in the points nor in the
    maximum they are read against."""
    result = self_evaluation(LEAVES, [(1, 8.5), (2, None), (3, 12.0)])

    assert result.self_score == 20.5
    assert result.self_maximum == 25.5
    assert (result.self_scored_items, result.rubric_items) == (3, 3)


def test_only_not_applicable_self_scores_give_no_score():
    result = self_evaluation(LEAVES, [(2, None)])

    assert result.self_score is None
    assert result.self_maximum == 25.5
    assert result.self_scored_items == 1
