"""Counts and amounts (times, hours, scores) typed by hand or stored as numbers."""

from __future__ import annotations

import math
import re
import unicodedata

from ..i18n import t
from .text import is_blank, shown

_NUMBER = re.compile(r"([+-]?)(\d+(?:\.\d*)?|\.\d+)")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d*)?")
_COUNT_UNITS = ("次",)
_AMOUNT_UNITS = ("个小时", "小时", "hours", "hour", "hrs", "hr", "h")


def parse_count(value: object, *, default: int | None = None) -> int:
    """A non-negative whole number: 3, 3.0, "3", "3次"; blank gives ``default``."""
    if is_blank(value):
        return _default(default)
    number = _number(value, _COUNT_UNITS, "ingest.value.not_count")
    if not number.is_integer():
        raise ValueError(t("ingest.value.not_count", value=shown(value)))
    return int(number)


def parse_amount(value: object, *, default: float | None = None) -> float:
    """A non-negative number: 1.5, "1.5h", "1.5小时", "１.５"; blank gives ``default``."""
    if is_blank(value):
        return _default(default)
    return _number(value, _AMOUNT_UNITS, "ingest.value.not_number")


def _default(default):
    if default is None:
        raise ValueError(t("ingest.value.missing"))
    return default


def _number(value: object, units: tuple[str, ...], not_number: str) -> float:
    kind = type(value)
    if kind is int or kind is float:
        number = float(value)
    elif kind is str:
        number = _number_from_text(value, units)
    else:
        number = None
    if number is None or not math.isfinite(number):
        raise ValueError(t(not_number, value=shown(value)))
    if number < 0:
        raise ValueError(t("ingest.value.negative", value=shown(value)))
    return number + 0.0  # -0 is 0


def _number_from_text(value: str, units: tuple[str, ...]) -> float | None:
    text = "".join(unicodedata.normalize("NFKC", value).split()).lower()
    for unit in units:
        if text.endswith(unit) and len(text) > len(unit):
            text = text[: -len(unit)]
            break
    if _THOUSANDS.fullmatch(text):
        text = text.replace(",", "")
    match = _NUMBER.fullmatch(text)
    if match is None:
        return None
    return float(match.group(0))
