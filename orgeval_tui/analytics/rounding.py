"""Rounding half up on the decimal value a figure stands for.

Binary floats cannot hold most decimals: 99.285 is stored as 99.28499999999999659…,
so rounding the float itself gives 99.28 where a person rounding the number on paper
gets 99.29. We round the decimal value instead: a float by its shortest repr (the
decimal it was written as, or the nearest one to it), a Fraction exactly.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

Number = int | float | Fraction | Decimal

# Enough digits that a Fraction's decimal expansion cannot fake a tie at any place a
# figure is rounded to (ties of small-denominator fractions terminate well before).
_FRACTION_DIGITS = 40


def to_decimal(value: Number) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Fraction):
        with localcontext() as context:
            context.prec = _FRACTION_DIGITS
            return Decimal(value.numerator) / Decimal(value.denominator)
    return Decimal(repr(float(value)))


def round_half_up(value: Number, places: int, *, times_power_of_ten: int = 0) -> Decimal:
    """``value`` × 10**times_power_of_ten, rounded half up to ``places`` decimals; the
    shift is exact, so a percentage rounds its own decimal value."""
    with localcontext() as context:
        context.prec = _FRACTION_DIGITS
        shifted = to_decimal(value).scaleb(times_power_of_ten)
        return shifted.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
