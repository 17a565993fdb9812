"""How a figure is written wherever it is shown, so that no two screens round apart."""

from __future__ import annotations

from ..i18n import t
from .rounding import Number, round_half_up


def missing() -> str:
    """A figure that cannot be computed (its inputs are missing, its denominator is 0):
    it says so in words (无数据), never 0 and never a bare dash."""
    return t("figure.no_data")


def percent(rate: Number | None) -> str:
    """A rate (a fraction) as a percentage with two decimals: 94/132 → "71.21%"."""
    if rate is None:
        return missing()
    return f"{round_half_up(rate, 2, times_power_of_ten=2):f}%"


def one_decimal(value: Number | None) -> str:
    """An average or a ratio shown with one decimal: 39.75 → "39.8"."""
    if value is None:
        return missing()
    return f"{round_half_up(value, 1):f}"


def two_decimals(value: Number | None) -> str:
    """A score shown with two decimals: 99.285 → "99.29"."""
    if value is None:
        return missing()
    return f"{round_half_up(value, 2):f}"


def points(value: Number | None) -> str:
    """Rubric points as shown: a score exactly (steps of 0.5: "3.5", "4"), a mean of
    evaluators' scores or a sum of means to two decimals ("46.83"); "—" for none."""
    if value is None:
        return "—"
    text = f"{round_half_up(value, 2):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


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


# A share over a ladder → the figure counting the people whose rung is unknown. The
# share is over the known (DOMAIN.md, "Roster"), so it is never shown without them.
LADDER_SHARES = {
    "college_or_above_share": "education_unknown",
    "bachelor_or_above_share": "education_unknown",
    "section_level_or_above_share": "rank_unknown",
}


def ladder_share(share: Number | None, unknown: int, headcount: int) -> str:
    """A share over the known rungs, with the unknown beside it: "83.33%", "83.33%
    (unknown 1/19)", and "unknown 6/6" when nobody's rung is known."""
    if not unknown:
        return percent(share)
    note = t("figure.share_unknown", unknown=unknown, headcount=headcount)
    if share is None:
        return note
    return t("figure.share_with_unknown", share=percent(share), note=note)


def figure_in(document: dict, identifier: str) -> str:
    """A figure of a result's JSON as shown, with what it needs beside it (a ladder
    share carries its unknown count)."""
    value = document.get(identifier)
    unknown_key = LADDER_SHARES.get(identifier)
    if unknown_key is not None and unknown_key in document:
        return ladder_share(value, document[unknown_key], document.get("headcount", 0))
    return figure_text(identifier, value)


def figure_text(identifier: str, value) -> str:
    """A figure as shown, chosen by its DOMAIN.md identifier (a key of ``to_json``)."""
    if value is None:
        return missing()
    if identifier in RATES:
        return percent(value)
    if identifier in ONE_DECIMAL:
        return one_decimal(value)
    if identifier in TWO_DECIMALS:
        return two_decimals(value)
    return str(value)
