"""Peer score and the staff questionnaire."""

from __future__ import annotations

import json

import pytest

from orgeval_tui.analytics.display import two_decimals
from orgeval_tui.analytics.surveys import (
    PeerResponse,
    StaffResponse,
    peer_figures,
    staff_survey_figures,
)


def peer(code, respondent, *scores, maxima=None) -> PeerResponse:
    return PeerResponse(code, respondent, list(scores), list(maxima or [50] * len(scores)))


@pytest.mark.parametrize(
    "responses",
    [
        [peer("Q1", "纪委监委", 49.28, 50), peer("Q2", "审计局", 49.29, 50)],
        # As binary floats 99.0 and 99.57 average just below 99.285: only adding the
        # decimals as written gets the tie, and rounds it up.
        [peer("Q1", "纪委监委", 99.0, maxima=[100]), peer("Q2", "审计局", 99.57, maxima=[100])],
    ],
)
def test_peer_score_rounds_the_decimal_mean_half_up(responses):
    figures = peer_figures(responses)

    assert figures.peer_score == 99.29  # the mean is 99.285 exactly
    assert round((99.28 + 99.29) / 2, 2) == 99.28  # what float arithmetic would have said
    assert round((99.0 + 99.57) / 2, 2) == 99.28


def test_each_response_is_scaled_to_100_by_its_item_maxima():
    responses = [
        peer("Q1", "甲", 10, 9, 5, maxima=[10, 10, 5]),  # 24 of 25 → 96
        peer("Q2", "乙", 8, 8, 4, maxima=[10, 10, 5]),  # 20 of 25 → 80
    ]

    figures = peer_figures(responses)

    assert figures.peer_score == 88.0
    assert (figures.min_response_score, figures.max_response_score) == (80.0, 96.0)


@pytest.mark.parametrize(
    ("totals", "score"),
    [([99.7] * 3, 99.7), ([99.2, 99.36, 99.28], 99.28), ([99.0, 99.4], 99.2)],
    ids=["总工会", "工信局", "气象局"],
)
def test_the_pilot_peer_scores(totals, score):
    responses = [peer(f"Q{i}", f"部门{i}", total, maxima=[100]) for i, total in enumerate(totals)]

    figures = peer_figures(responses)

    assert figures.peer_score == score
    assert two_decimals(figures.peer_score) == f"{score:.2f}"


def test_departments_are_distinct_named_respondents():
    responses = [
        peer("Q1", "纪委监委", 50),
        peer("Q2", "审计局", 50),
        peer("Q3", "纪委监委", 49),
        peer("Q4", None, 48),
        peer("Q5", "  ", 47),
    ]

    figures = peer_figures(responses)

    assert (figures.peer_responses, figures.peer_departments) == (5, 2)


def test_no_peer_responses_give_no_score():
    figures = peer_figures([])

    assert figures.peer_score is None
    assert (figures.peer_responses, figures.peer_departments) == (0, 0)
    assert figures.to_json()["peer_score"] is None


@pytest.mark.parametrize(
    ("scores", "maxima", "problem"),
    [([10, 10], [10], "2 scores for 1 items"), ([11], [10], "outside"), ([0], [0], "no maximum")],
)
def test_unscorable_peer_responses_are_refused(scores, maxima, problem):
    with pytest.raises(ValueError, match=problem):
        PeerResponse("Q1", "甲", scores, maxima)


ITEMS = {1: "职责履行", 2: "科室管理", 3: "人员配备", 4: "工作量"}


def test_staff_items_average_the_answers_they_got():
    responses = [
        StaffResponse("S1", {1: 5, 2: 4}),
        StaffResponse("S2", {1: 4, 2: 4, 3: 3}),
        StaffResponse("S3", {1: 3}),
    ]

    figures = staff_survey_figures(responses, ITEMS)

    assert (figures.staff_responses, figures.item_count, figures.answers) == (3, 4, 6)
    assert [(i.number, i.answers, i.mean) for i in figures.item_means] == [
        (1, 3, 4.0),
        (2, 2, 4.0),
        (3, 1, 3.0),
        (4, 0, None),
    ]
    # Item 4 had no answers and is left out, not counted as 0: (4 + 4 + 3) / 3 / 5 × 100.
    assert figures.staff_satisfaction == pytest.approx(220 / 3, abs=1e-12)
    assert two_decimals(figures.staff_satisfaction) == "73.33"


def test_the_pilot_questionnaire_of_25_items():
    items = {n: f"第{n}题" for n in range(1, 26)}
    responses = [StaffResponse(f"S{r}", {n: 5 if n % 5 else 4 for n in items}) for r in range(3)]

    figures = staff_survey_figures(responses, items)

    assert figures.item_count == 25
    assert figures.staff_satisfaction == (20 * 5 + 5 * 4) / 25 / 5 * 100


def test_no_staff_answers_give_no_satisfaction():
    figures = staff_survey_figures([StaffResponse("S1", {})], ITEMS)

    assert figures.staff_satisfaction is None
    assert json.loads(json.dumps(figures.to_json()))["staff_satisfaction"] is None


@pytest.mark.parametrize(("answers", "problem"), [({9: 3}, "no item 9"), ({1: 6}, "outside")])
def test_answers_off_the_survey_are_refused(answers, problem):
    with pytest.raises(ValueError, match=problem):
        staff_survey_figures([StaffResponse("S1", answers)], ITEMS)


def test_staff_json_lists_item_means():
    figures = staff_survey_figures([StaffResponse("S1", {1: 4})], {1: "职责履行"})

    assert figures.to_json()["item_means"] == [
        {"number": 1, "text": "职责履行", "answers": 1, "mean": 4.0}
    ]
    assert figures.to_json()["staff_satisfaction"] == 80.0
