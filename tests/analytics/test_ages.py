"""Age in completed years at the reference date."""

from __future__ import annotations

from datetime import date

import pytest

from orgeval_tui.analytics.ages import age_band
from orgeval_tui.analytics.roster import age_on


@pytest.mark.parametrize(
    ("birth", "as_of", "age"),
    [
        (date(1970, 6, 30), date(2020, 6, 29), 49),
        (date(1970, 6, 30), date(2020, 6, 30), 50),
        (date(1970, 6, 30), date(2020, 7, 1), 50),
        (date(1970, 6, 30), date(2021, 6, 29), 50),
        (date(1970, 6, 30), date(2021, 6, 30), 51),
        (date(1970, 1, 1), date(2020, 12, 31), 50),
        (date(2000, 2, 29), date(2021, 2, 28), 20),  # not yet: the birthday is "after" 28 Feb
        (date(2000, 2, 29), date(2021, 3, 1), 21),
        (date(2000, 2, 29), date(2024, 2, 28), 23),
        (date(2000, 2, 29), date(2024, 2, 29), 24),  # leap year: the birthday itself
        (date(2020, 5, 1), date(2020, 5, 1), 0),
    ],
)
def test_age_is_completed_years(birth, as_of, age):
    assert age_on(birth, as_of) == age


def test_a_birth_after_the_reference_date_is_refused():
    with pytest.raises(ValueError, match="after the reference date"):
        age_on(date(2021, 1, 1), date(2020, 12, 31))


@pytest.mark.parametrize(
    ("age", "band"),
    [
        (20, "under_35"),
        (34, "under_35"),
        (35, "35_44"),
        (44, "35_44"),
        (45, "45_54"),
        (54, "45_54"),
        (55, "55_plus"),
        (70, "55_plus"),
    ],
)
def test_age_bands_start_at_their_lower_bound(age, band):
    assert age_band(age) == band
