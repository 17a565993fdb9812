"""A small duty catalogue and log, over the week of the 2020 Dragon Boat Festival.

Mon 22 – Wed 24 June are workdays, Thu 25 – Sat 27 are the holiday, Sun 28 is an
adjusted workday: four workdays, so Monday–Friday would give a different answer.
"""

from __future__ import annotations

from datetime import date

from orgeval_tui.analytics.duties import CatalogueDuty, LogEntry

START, END = date(2020, 6, 22), date(2020, 6, 28)
WORKDAYS = (date(2020, 6, 22), date(2020, 6, 23), date(2020, 6, 24), date(2020, 6, 28))

CATALOGUE = (
    CatalogueDuty("D1", "企业服务", "运行科", "business"),
    CatalogueDuty("D2", "项目审核", "投资科", "business"),
    CatalogueDuty("D3", "信息化推进", "信息科", "business"),
    CatalogueDuty("G1", "公文处理", "办公室", "general"),
    CatalogueDuty("O1", "其他交办事项", None, "other"),
)


def entry(day: int, person: str, section, code: str, times: int, hours: float) -> LogEntry:
    return LogEntry(date(2020, 6, day), person, section, code, times, hours)


LOG = (
    entry(21, "王芳", "运行科", "D3", 5, 8.0),  # Sunday before P: ignored
    entry(22, "王芳", "运行科", "D1", 2, 8.0),
    entry(23, "王芳", "运行科", "D2", 1, 7.5),
    entry(25, "王芳", "运行科", "G1", 1, 2.0),  # holiday: hours count, the day is not filled
    entry(28, "王芳", "运行科", "D1", 2, 8.0),  # adjusted workday: filled
    entry(22, "李强", "投资科", "D2", 1, 3.0),
    entry(22, "李强", "投资科", "D2", 1, 4.5),  # same person, same day: one filled day
    entry(27, "李强", None, "O1", 1, 1.0),  # Saturday
    entry(29, "李强", "投资科", "D3", 1, 8.0),  # Monday after P: ignored
)
# In P: 7 entries, 9 times (7 business), 34.0 hours (31.0 business).
# Filled (person, workday) pairs: 王芳 22, 23, 28; 李强 22 → 4 of 2 × 4.
