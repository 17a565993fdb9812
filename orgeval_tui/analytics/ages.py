"""Ages in completed years, and the age bands of DOMAIN.md."""

from __future__ import annotations

from datetime import date

AGE_BANDS = ("under_35", "35_44", "45_54", "55_plus")
_BAND_FLOORS = ((55, "55_plus"), (45, "45_54"), (35, "35_44"))


def age_on(birth: date, as_of: date) -> int:
    """Completed years at ``as_of``: born 1970-06-30 → 50 on 2020-06-29, 51 on
    2020-06-30. Someone born on 29 February turns a year older on 1 March in a
    non-leap year (the birthday has not come while it is still 28 February)."""
    if birth > as_of:
        raise ValueError(f"born {birth.isoformat()}, after the reference date {as_of.isoformat()}")
    birthday_to_come = (as_of.month, as_of.day) < (birth.month, birth.day)
    return as_of.year - birth.year - birthday_to_come


def age_band(age: int) -> str:
    for floor, band in _BAND_FLOORS:
        if age >= floor:
            return band
    return "under_35"
