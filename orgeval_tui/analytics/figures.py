"""What every figure result shares: rates that are None when undefined, and JSON.

A result is a frozen dataclass whose field names are DOMAIN.md's identifiers, so
``to_json`` can walk the fields: dates become ISO strings, rows (named tuples) become
objects, rates stay unrounded fractions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from fractions import Fraction

from ..i18n import t


def ratio(numerator: float, denominator: float | None) -> float | None:
    """numerator / denominator, or None when the denominator is 0 or unknown: a rate
    with nothing to measure against is not 0, it does not exist."""
    if not denominator:
        return None
    return numerator / denominator  # int / int is correctly rounded in Python


def jsonable(value):
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, date):  # datetime too
        return value.isoformat()
    if isinstance(value, Fraction | Decimal):
        return float(value)
    if isinstance(value, JsonFigures):
        return value.to_json()
    if isinstance(value, tuple) and hasattr(value, "_asdict"):  # a row (NamedTuple)
        return {name: jsonable(item) for name, item in value._asdict().items()}
    if isinstance(value, Mapping):
        if not all(isinstance(key, str) for key in value):
            raise TypeError(f"JSON object keys must be strings: {list(value)!r}")
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    raise TypeError(f"no JSON form for {type(value).__name__}")


class JsonFigures:
    """Mixin for figure dataclasses: ``to_json()`` keyed by the field names."""

    def to_json(self) -> dict:
        return {field.name: jsonable(getattr(self, field.name)) for field in fields(self)}


@dataclass(frozen=True)
class Flag(JsonFigures):
    """A warning a figure raises, with the numbers behind it in the current language."""

    id: str
    evidence: str

    @property
    def title(self) -> str:
        return t(f"analytics.flag.{self.id}")
