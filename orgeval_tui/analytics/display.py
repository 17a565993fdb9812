"""How a figure is written wherever it is shown, so that no two screens round apart."""

from __future__ import annotations

from .rounding import Number, round_half_up

MISSING = "—"  # a figure that cannot be computed (e.g. its denominator is 0)


def percent(rate: Number | None) -> str:
    """A rate (a fraction) as a percentage with two decimals: 94/132 → "71.21%"."""
    if rate is None:
        return MISSING
    return f"{round_half_up(rate, 2, times_power_of_ten=2):f}%"


def one_decimal(value: Number | None) -> str:
    """An average or a ratio shown with one decimal: 39.75 → "39.8"."""
    if value is None:
        return MISSING
    return f"{round_half_up(value, 1):f}"


def two_decimals(value: Number | None) -> str:
    """A score shown with two decimals: 99.285 → "99.29"."""
    if value is None:
        return MISSING
    return f"{round_half_up(value, 2):f}"


# How each figure identifier is written. A test walks every figure result and fails
# on a fractional figure missing here, so a new figure cannot slip out unformatted.
RATES = frozenset(
    {
        "female_share",
        "college_or_above_share",
        "bachelor_or_above_share",
        "section_level_or_above_share",
        "quota_usage",
        "execution_rate",
        "business_share_by_count",
        "business_share_by_hours",
        "share_by_count",
        "share_by_hours",
        "fill_rate",
        "workload_ratio",
        "on_time_rate",
        "satisfaction_rate",
        "vs_county_average",
    }
)
ONE_DECIMAL = frozenset(
    {
        "avg_age",
        "hours",
        "hours_per_person",
        "cases_per_capita",
        "county_average_cases",
        "scale_max",
        "self_score",
        "self_maximum",
    }
)
TWO_DECIMALS = frozenset(
    {"peer_score", "min_response_score", "max_response_score", "mean", "staff_satisfaction"}
)


def figure_text(identifier: str, value) -> str:
    """A figure as shown, chosen by its DOMAIN.md identifier (a key of ``to_json``)."""
    if value is None:
        return MISSING
    if identifier in RATES:
        return percent(value)
    if identifier in ONE_DECIMAL:
        return one_decimal(value)
    if identifier in TWO_DECIMALS:
        return two_decimals(value)
    return str(value)
