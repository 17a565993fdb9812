"""Every screen writes figures through display: two decimals for rates, half up."""

from __future__ import annotations

from fractions import Fraction

import pytest

from orgeval_tui.analytics.display import figure_text, one_decimal, percent, two_decimals


@pytest.mark.parametrize(
    ("rate", "shown"),
    [
        (94 / 132, "71.21%"),  # the pilot's execution rate
        (7 / 9, "77.78%"),
        (1, "100.00%"),
        (1.0, "100.00%"),
        (0, "0.00%"),
        (Fraction(1, 8), "12.50%"),
        (Fraction(94, 132), "71.21%"),
        # 0.71215 is held as 0.712149999…: rounding the float would give 71.21%.
        (0.71215, "71.22%"),
        (0.53125, "53.13%"),
        (None, "—"),
    ],
)
def test_percent_shows_two_decimals_rounded_half_up(rate, shown):
    assert percent(rate) == shown


def test_the_half_up_cases_are_real_float_traps():
    """Guard the cases above: Python's round() would get them wrong."""
    assert round(0.71215 * 100, 2) == 71.21
    assert round(99.285, 2) == 99.28
    assert round(0.15, 1) == 0.1


@pytest.mark.parametrize(
    ("value", "shown"),
    [(39.75, "39.8"), (52.0, "52.0"), (52, "52.0"), (0.15, "0.2"), (39.74, "39.7"), (None, "—")],
)
def test_one_decimal(value, shown):
    assert one_decimal(value) == shown


@pytest.mark.parametrize(
    ("value", "shown"), [(99.285, "99.29"), (99.7, "99.70"), (99.2, "99.20"), (None, "—")]
)
def test_two_decimals(value, shown):
    assert two_decimals(value) == shown


@pytest.mark.parametrize(
    ("identifier", "value", "shown"),
    [
        ("execution_rate", 94 / 132, "71.21%"),
        ("vs_county_average", 1.5, "150.00%"),
        ("avg_age", 39.75, "39.8"),
        ("peer_score", 99.7, "99.70"),
        ("headcount", 7, "7"),
        ("fill_rate", None, "—"),
    ],
)
def test_figure_text_writes_each_identifier_its_way(identifier, value, shown):
    assert figure_text(identifier, value) == shown
