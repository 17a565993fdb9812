"""How figures and days are written in the documents: one ``Figure`` per figure, with
the text every screen shows (``analytics.display``) and the number behind it. Called
inside ``in_language("zh")``: the documents the office sends are in Chinese."""

from __future__ import annotations

import unicodedata
from datetime import date

from ...analytics.display import (
    ladder_share,
    missing,
    one_decimal,
    percent,
    points,
    two_decimals,
)
from ...export.report_content import Figure
from ...i18n import t

# Characters a Word or Excel file cannot carry (control characters other than tab and
# line breaks): user text loses them on the way out, as it does on screen.
_KEEP = {"\t", "\n"}


def text(value: object) -> str:
    if value is None:
        return ""
    value = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        c for c in value if c in _KEEP or not unicodedata.category(c).startswith("C")
    ).strip()


def count(value: int | None) -> Figure:
    if value is None:
        return Figure(missing(), None, "count")
    return Figure(str(value), float(value), "count")


def rate(value: float | None) -> Figure:
    return Figure(percent(value), value, "rate")


def share_of_known(value: float | None, unknown: int, headcount: int) -> Figure:
    """A share over a ladder, with the people whose rung is unknown beside it."""
    return Figure(ladder_share(value, unknown, headcount), value, "rate")


def decimal(value: float | None) -> Figure:
    return Figure(one_decimal(value), value, "decimal")


def score(value: float | None) -> Figure:
    """A score out of 100 or a peer score: two decimals (99.28)."""
    return Figure(two_decimals(value), value, "score")


def total(value: float | None) -> Figure:
    """A rubric total out of 100: one decimal (90.5), as the score sheet shows it."""
    return Figure(one_decimal(value), value, "decimal")


def rubric_points(value: float | None) -> Figure:
    """Points on the rubric (3.5, 46.83); a leaf nobody scored is 未评分, never 0."""
    if value is None:
        return Figure(t("report.not_scored"), None, "score")
    return Figure(points(value), value, "score")


def day(value: date | None) -> str:
    """2021年6月30日; "" for no day."""
    if value is None:
        return ""
    return f"{value.year}年{value.month}月{value.day}日"


def grade(value: str | None) -> str:
    return t(f"score.grade.{value}") if value else t("report.no_grade")


def joined(values) -> str:
    return "、".join(v for v in values if v)


_DIGITS = "零一二三四五六七八九"


def ordinal(n: int) -> str:
    """一, 二 … 十, 十一 … 九十九: the office's numbering of sections and items."""
    if n < 1 or n > 99:
        return str(n)
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def staffing(vacancies: int) -> str:
    if vacancies > 0:
        return t("report.staffing.vacant", count=vacancies)
    if vacancies < 0:
        return t("report.staffing.over", count=-vacancies)
    return t("report.staffing.full")
