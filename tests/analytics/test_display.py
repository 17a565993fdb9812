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
        (None, "no data"),
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
    [
        (39.75, "39.8"),
        (52.0, "52.0"),
        (52, "52.0"),
        (0.15, "0.2"),
        (39.74, "39.7"),
        (None, "no data"),
    ],
)
def test_one_decimal(value, shown):
    assert one_decimal(value) == shown


@pytest.mark.parametrize(
    ("value", "shown"), [(99.285, "99.29"), (99.7, "99.70"), (99.2, "99.20"), (None, "no data")]
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
        ("fill_rate", None, "no data"),
    ],
)
def test_figure_text_writes_each_identifier_its_way(identifier, value, shown):
    assert figure_text(identifier, value) == shown


@pytest.mark.parametrize(
    ("language", "share", "unknown", "headcount", "shown"),
    [
        ("zh", None, 6, 6, "不详 6/6"),
        ("zh", 5 / 6, 0, 6, "83.33%"),
        ("zh", 15 / 18, 1, 19, "83.33%（不详 1/19）"),
        ("en", None, 6, 6, "unknown 6/6"),
        ("en", 15 / 18, 1, 19, "83.33% (unknown 1/19)"),
    ],
)
def test_a_ladder_share_carries_its_unknown(language, share, unknown, headcount, shown):
    from orgeval_tui.analytics.display import figure_in
    from orgeval_tui.i18n import set_language

    set_language(language)
    document = {
        "headcount": headcount,
        "section_level_or_above_share": share,
        "rank_unknown": unknown,
    }

    assert figure_in(document, "section_level_or_above_share") == shown


def test_a_figure_without_inputs_says_no_data_in_words():
    from orgeval_tui.i18n import set_language

    set_language("zh")

    assert figure_text("fill_rate", None) == "无数据"
