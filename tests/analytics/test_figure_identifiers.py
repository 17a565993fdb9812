"""Every fractional figure in every result has a way to be shown (display.figure_text)."""

from __future__ import annotations

from datetime import date, datetime

from orgeval_tui.analytics import ladders
from orgeval_tui.analytics.cases import CaseRow, case_figures
from orgeval_tui.analytics.display import ONE_DECIMAL, RATES, TWO_DECIMALS
from orgeval_tui.analytics.duties import duty_figures, summarise_log
from orgeval_tui.analytics.roster import Person, Quotas, roster_figures
from orgeval_tui.analytics.rubric import self_evaluation
from orgeval_tui.analytics.surveys import (
    PeerResponse,
    StaffResponse,
    peer_figures,
    staff_survey_figures,
)

from .duty_data import CATALOGUE, END, LOG, START, WORKDAYS


def _documents() -> list[dict]:
    person = Person("甲", "female", date(1980, 1, 1), ladders.BACHELOR, ladders.CLERK, "办公室")
    when = datetime(2020, 3, 1, 12)
    return [
        roster_figures([person], date(2020, 12, 31), Quotas(admin=2)).to_json(),
        duty_figures(
            CATALOGUE,
            summarise_log(LOG, START, END),
            workdays=WORKDAYS,
            workdays_assumed=False,
            roster_headcount=2,
        ).to_json(),
        case_figures(
            [CaseRow("C1", date(2020, 3, 1), when, when, "satisfied")],
            headcount=3,
            county_counts={"甲": 1, "乙": 2},
        ).to_json(),
        peer_figures([PeerResponse("Q1", "审计局", [9.5], [10])]).to_json(),
        staff_survey_figures([StaffResponse("S1", {1: 4})], {1: "职责履行"}).to_json(),
        self_evaluation({1: 10.0, 2: 5.0}, [(1, 8.5)]).to_json(),
    ]


def _float_keys(value, key=None) -> set[str]:
    if isinstance(value, dict):
        return set().union(*(_float_keys(v, k) for k, v in value.items()))
    if isinstance(value, list):
        return set().union(*(_float_keys(v, key) for v in value))
    return {key} if isinstance(value, float) else set()


def test_every_fractional_figure_has_a_display_rule():
    float_keys = set().union(*(_float_keys(document) for document in _documents()))

    assert float_keys, "the walk found no fractional figures"
    assert float_keys <= RATES | ONE_DECIMAL | TWO_DECIMALS


def test_no_display_rule_names_a_figure_that_does_not_exist():
    every_key = set()

    def walk(value):
        if isinstance(value, dict):
            every_key.update(value)
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for document in _documents():
        walk(document)

    assert (RATES | ONE_DECIMAL | TWO_DECIMALS) <= every_key
    assert not (RATES & ONE_DECIMAL or RATES & TWO_DECIMALS or ONE_DECIMAL & TWO_DECIMALS)
