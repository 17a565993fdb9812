"""Dates and date-times in the many ways offices write them."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time
from functools import lru_cache

from ..i18n import t
from .text import is_blank, shown

MIN_YEAR, MAX_YEAR = 1900, 2100

# A full day: 1981-05-12, 1981/5/2, 1981.05.12, 19810512, 1981年5月12日.
_DAY = r"(\d{4})(?:([-/.])(\d{1,2})\2(\d{1,2})|年(\d{1,2})月(\d{1,2})[日号]?|(\d{2})(\d{2}))"
_TIME = r"(\d{1,2})(?::(\d{1,2})(?::(\d{1,2})(?:\.\d{1,6})?)?|时(\d{1,2})分(?:(\d{1,2})秒)?)"
_DATETIME = re.compile(rf"{_DAY}(?:(?:\s*T\s*|\s*){_TIME})?", re.IGNORECASE)
# A month: 1981-05, 1981.5, 198105, 1981年5月 (the first day of it).
_MONTH = re.compile(r"(\d{4})(?:[-/.](\d{1,2})|年(\d{1,2})月份?|(\d{2}))")


class _NotDate(ValueError):
    """Raised inside this module; turned into the message for the value as written."""


def parse_date(value: object) -> date:
    """A calendar date from a date cell, a text in any common form, or 19810512."""
    kind = type(value)
    if kind is date:
        return _in_range(value, value)
    if kind is datetime:
        return _in_range(value.date(), value)
    if kind is str:
        if value.isspace() or not value:
            raise ValueError(t("ingest.value.missing"))
        return _date_from_text(value)
    if value is None:
        raise ValueError(t("ingest.value.missing"))
    if kind is int or kind is float:
        return _date_from_number(value)
    raise ValueError(t("ingest.value.not_date", value=shown(value)))


def parse_datetime(value: object, *, end_of_day: bool = False) -> datetime:
    """A naive local date-time; a day without a time is its start, or its last second."""
    kind = type(value)
    if kind is datetime:
        _in_range(value.date(), value)
        return value
    if kind is date:
        return _whole_day(_in_range(value, value), end_of_day)
    if is_blank(value):
        raise ValueError(t("ingest.value.missing"))
    if kind is str:
        text = value.strip()
        try:
            day, moment = _datetime_from_text(text)
        except _NotDate:
            raise ValueError(t("ingest.value.not_datetime", value=shown(value))) from None
        _in_range(day, value)
        if moment is None:
            return _whole_day(day, end_of_day)
        return datetime.combine(day, moment)
    if kind is int or kind is float:
        if _is_whole(value) and 10_000_000 <= value <= 99_999_999:
            return _whole_day(_date_from_number(value), end_of_day)
        raise ValueError(t("ingest.value.date_number", value=shown(value)))
    raise ValueError(t("ingest.value.not_datetime", value=shown(value)))


def month_only(value: object) -> bool:
    """True when the value names a year and month but no day (1981.05, 198105, 1981年5月,
    the number 1981.05): parse_date gives the 1st, which must not be compared as a day."""
    kind = type(value)
    if kind is str:
        return _month_only_text(value)
    if kind is int:
        return 100_000 <= value <= 999_999
    if kind is float:
        if value.is_integer():
            return 100_000 <= value <= 999_999
        return MIN_YEAR <= value < MAX_YEAR + 1
    return False


@lru_cache(maxsize=1024)
def _month_only_text(text: str) -> bool:
    text = unicodedata.normalize("NFKC", text.strip())
    return _DATETIME.fullmatch(text) is None and _MONTH.fullmatch(text) is not None


def _whole_day(day: date, end_of_day: bool) -> datetime:
    return datetime.combine(day, time(23, 59, 59) if end_of_day else time())


def _in_range(day: date, written: object) -> date:
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ValueError(t("ingest.value.year_range", value=shown(written)))
    return day


@lru_cache(maxsize=1 << 14)
def _date_from_text(text: str) -> date:
    """Cached: a roster or a log repeats the same dates many times."""
    text = text.strip()
    try:
        try:
            day, _ = _datetime_from_text(text)
        except _NotDate:
            day = _month_from_text(text)
    except _NotDate:
        raise ValueError(t("ingest.value.not_date", value=shown(text))) from None
    return _in_range(day, text)


def _datetime_from_text(text: str) -> tuple[date, time | None]:
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    match = _DATETIME.fullmatch(text)
    if match is None:
        raise _NotDate
    g = match.groups()
    year = int(g[0])
    month, day = (g[2], g[3]) if g[2] else (g[4], g[5]) if g[4] else (g[6], g[7])
    when = _make_date(year, int(month), int(day))
    if g[8] is None:
        return when, None
    hour = int(g[8])
    minute, second = (g[9], g[10]) if g[9] is not None else (g[11], g[12])
    try:
        moment = time(hour, int(minute), int(second or 0))
    except ValueError:
        raise _NotDate from None
    return when, moment


def _month_from_text(text: str) -> date:
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    match = _MONTH.fullmatch(text)
    if match is None:
        raise _NotDate
    month = next(m for m in match.groups()[1:] if m is not None)
    return _make_date(int(match.group(1)), int(month), 1)


def _make_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise _NotDate from None


def _is_whole(value: int | float) -> bool:
    return type(value) is int or value.is_integer()


def _date_from_number(value: int | float) -> date:
    """19810512 and 198105 typed into a numeric cell; 1981.05 typed as a number too.

    Anything else is most likely an Excel serial day number whose date format was lost;
    it is refused rather than guessed, since the same number means different days in the
    1900 and 1904 date systems and may just as well be a count.
    """
    try:
        if _is_whole(value):
            number = int(value)
            if 10_000_000 <= number <= 99_999_999:
                day = _make_date(number // 10000, number // 100 % 100, number % 100)
                return _in_range(day, value)
            if 100_000 <= number <= 999_999:
                return _in_range(_make_date(number // 100, number % 100, 1), value)
            if MIN_YEAR <= number <= MAX_YEAR:
                raise _NotDate  # a year alone
        elif MIN_YEAR <= value < MAX_YEAR + 1:
            return _year_month_number(value)
    except _NotDate:
        raise ValueError(t("ingest.value.not_date", value=shown(value))) from None
    raise ValueError(t("ingest.value.date_number", value=shown(value)))


def _year_month_number(value: float) -> date:
    year, _, digits = repr(value).partition(".")
    if digits == "1":
        # 1981.10 typed into a number cell is stored as 1981.1, the same as January.
        raise ValueError(t("ingest.value.month_ambiguous", value=shown(value), year=year))
    if len(digits) > 2:
        raise _NotDate
    return _make_date(int(year), int(digits), 1)
