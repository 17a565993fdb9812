"""Service-handling figures: on time, satisfaction, against the county average."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest

from orgeval_tui.analytics.cases import CaseRow, case_figures, summarise_county
from orgeval_tui.analytics.display import percent

DEADLINE = datetime(2020, 3, 10, 17, 0, tzinfo=UTC)


def case(no, *, deadline=DEADLINE, closed=None, rating=None) -> CaseRow:
    return CaseRow(no, date(2020, 3, 1), deadline, closed, rating)


CASES = (
    case("C1", closed=DEADLINE - timedelta(days=2), rating="satisfied"),
    case("C2", closed=DEADLINE, rating="basically_satisfied"),  # at the deadline: on time
    case("C3", closed=DEADLINE + timedelta(minutes=1), rating="unsatisfied"),  # late
    case("C4", deadline=None, closed=DEADLINE, rating=None),  # no deadline: on time, unrated
    case("C5", closed=None, rating=None),  # still open
)
COUNTY = {"县工信局": 5, "县总工会": 2, "县气象局": 3}


def test_on_time_is_over_closed_cases_and_satisfaction_over_rated_ones():
    figures = case_figures(CASES, headcount=2, county_counts=COUNTY)

    assert (figures.cases, figures.closed, figures.open) == (5, 4, 1)
    assert (figures.on_time, figures.late) == (3, 1)
    assert figures.on_time_rate == 3 / 4
    assert (figures.rated, figures.unrated) == (3, 2)
    assert (figures.satisfied, figures.basically_satisfied, figures.unsatisfied) == (1, 1, 1)
    assert figures.satisfaction_rate == 2 / 3
    assert percent(figures.satisfaction_rate) == "66.67%"
    assert figures.cases_per_capita == 2.5


def test_the_county_average_is_the_mean_over_units_with_cases():
    figures = case_figures(CASES, headcount=2, county_counts=COUNTY)

    assert figures.county_units == 3
    assert figures.county_average_cases == 10 / 3
    assert figures.county_average_source == "computed"
    assert figures.vs_county_average == 5 / (10 / 3)
    assert figures.above_county_average is True


def test_an_entered_benchmark_wins_over_the_computed_average():
    figures = case_figures(CASES, headcount=2, county_counts=COUNTY, benchmark=6)

    assert figures.county_average_cases == 6.0
    assert figures.county_average_source == "benchmark"
    assert figures.vs_county_average == 5 / 6
    assert figures.above_county_average is False


def test_exactly_the_average_is_not_above_it():
    figures = case_figures(CASES, headcount=2, county_counts={"甲": 5, "乙": 4, "丙": 6})

    assert figures.county_average_cases == 5.0
    assert figures.above_county_average is False


def test_the_pilot_hotline_year_all_on_time_and_satisfied():
    """县工信局 2020: 110 hotline cases, all on time, satisfaction 100 %, above average."""
    cases = [case(f"R{i}", closed=DEADLINE, rating="satisfied") for i in range(110)]

    figures = case_figures(
        cases, headcount=19, county_counts={"县工信局": 110, "县总工会": 12, "县气象局": 30}
    )

    assert figures.cases == 110
    assert percent(figures.on_time_rate) == "100.00%"
    assert percent(figures.satisfaction_rate) == "100.00%"
    assert figures.above_county_average is True


def test_no_cases_and_no_headcount_give_no_rates():
    figures = case_figures([], headcount=None, county_counts={})

    assert figures.cases == 0
    assert figures.cases_per_capita is None
    assert figures.on_time_rate is None
    assert figures.satisfaction_rate is None
    assert figures.county_average_cases is None
    assert figures.county_average_source is None
    assert figures.vs_county_average is None
    assert figures.above_county_average is None


def test_a_zero_headcount_gives_no_cases_per_capita():
    assert case_figures(CASES, headcount=0, county_counts=COUNTY).cases_per_capita is None


def test_open_and_unrated_cases_alone_give_no_rates():
    figures = case_figures([case("C5")], headcount=3, county_counts={"甲": 1})

    assert (figures.on_time_rate, figures.satisfaction_rate) == (None, None)
    assert figures.cases_per_capita == 1 / 3


def test_a_rating_outside_the_three_is_refused():
    with pytest.raises(ValueError, match="rating"):
        case("C9", rating="满意")


def test_county_counts_from_rows_keep_to_the_period():
    rows = [
        ("县工信局", date(2020, 1, 1)),
        ("县工信局", date(2020, 12, 31)),
        ("县工信局", date(2021, 1, 1)),
        ("县总工会", date(2019, 12, 31)),
        ("县气象局", date(2020, 6, 1)),
    ]

    counts = summarise_county(rows, date(2020, 1, 1), date(2020, 12, 31))

    assert counts == {"县工信局": 2, "县气象局": 1}  # 县总工会 has no case in P


def test_county_counts_refuse_a_backwards_period():
    with pytest.raises(ValueError):
        summarise_county([], date(2021, 1, 1), date(2020, 1, 1))


def test_json_uses_domain_identifiers():
    document = json.loads(
        json.dumps(case_figures(CASES, headcount=2, county_counts=COUNTY).to_json())
    )

    assert document["cases"] == 5
    assert document["cases_per_capita"] == 2.5
    assert document["on_time_rate"] == 0.75
    assert document["satisfaction_rate"] == 2 / 3
    assert document["county_average_cases"] == 10 / 3
    assert document["vs_county_average"] == 1.5
    assert document["above_county_average"] is True
