from __future__ import annotations

from datetime import date, datetime, time

import pytest

from orgeval_tui.i18n import set_language
from orgeval_tui.ingest.values import month_only, parse_date, parse_datetime


@pytest.mark.parametrize(
    ("raw", "day"),
    [
        (date(1981, 5, 12), date(1981, 5, 12)),
        (datetime(1981, 5, 12, 8, 30), date(1981, 5, 12)),
        ("1981-05-12", date(1981, 5, 12)),
        ("1981/05/12", date(1981, 5, 12)),
        ("1981/5/2", date(1981, 5, 2)),
        ("19810512", date(1981, 5, 12)),
        ("1981.05.12", date(1981, 5, 12)),
        (" 1981-05-12 ", date(1981, 5, 12)),
        ("1981.05", date(1981, 5, 1)),
        ("1981.5", date(1981, 5, 1)),
        ("1981.10", date(1981, 10, 1)),
        ("1981-05", date(1981, 5, 1)),
        ("198105", date(1981, 5, 1)),
        ("1981年5月12日", date(1981, 5, 12)),
        ("1981年05月12号", date(1981, 5, 12)),
        ("1981年5月", date(1981, 5, 1)),
        ("１９８１年５月１２日", date(1981, 5, 12)),
        ("2020-03-05 14:30:00", date(2020, 3, 5)),
        ("2020/3/5 14:30", date(2020, 3, 5)),
        ("2020-03-05T14:30:00", date(2020, 3, 5)),
        (19810512, date(1981, 5, 12)),
        (19810512.0, date(1981, 5, 12)),
        (198105, date(1981, 5, 1)),
        # 1981.05 typed into a number cell: year and month, unambiguous
        (1981.05, date(1981, 5, 1)),
        (1981.5, date(1981, 5, 1)),
        (1981.12, date(1981, 12, 1)),
    ],
)
def test_parse_date_accepts(raw, day):
    assert parse_date(raw) == day


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("1981-02-30", "not a date: 1981-02-30"),
        ("1981-13-01", "not a date: 1981-13-01"),
        ("1981.13", "not a date: 1981.13"),
        ("19810532", "not a date: 19810532"),
        ("81-05-12", "not a date: 81-05-12"),
        ("1981", "not a date: 1981"),
        ("张三", "not a date: 张三"),
        ("2020-03-05 25:00", "not a date: 2020-03-05 25:00"),
        ("1899-12-31", "the year must be between 1900 and 2100: 1899-12-31"),
        ("2101-01-01", "the year must be between 1900 and 2100: 2101-01-01"),
        (date(1899, 12, 30), "the year must be between 1900 and 2100: 1899-12-30"),
        (29718, "a number, not a date: 29718 (format the column as dates or as text"),
        (29718.0, "a number, not a date: 29718 (format the column"),
        (43895.5, "a number, not a date: 43895.5"),
        (1981, "not a date: 1981"),
        (1981.1, "1981.1 may mean January or October: write it as text, 1981.01 or 1981.10"),
        (19811332, "not a date: 19811332"),
        (time(14, 30), "not a date: 14:30:00"),
        (True, "not a date: True"),
        (None, "missing"),
        ("  ", "missing"),
    ],
)
def test_parse_date_refuses(raw, message):
    with pytest.raises(ValueError) as caught:
        parse_date(raw)
    assert str(caught.value).startswith(message)


def test_date_messages_follow_the_language():
    set_language("zh")
    with pytest.raises(ValueError, match="^不是日期：1981-02-30$"):
        parse_date("1981-02-30")


@pytest.mark.parametrize(
    ("raw", "moment"),
    [
        (datetime(2020, 3, 5, 14, 30), datetime(2020, 3, 5, 14, 30)),
        (date(2020, 3, 5), datetime(2020, 3, 5)),
        ("2020-03-05 14:30:00", datetime(2020, 3, 5, 14, 30)),
        ("2020-03-05 14:30:05.250", datetime(2020, 3, 5, 14, 30, 5)),
        ("2020-03-05 14:30", datetime(2020, 3, 5, 14, 30)),
        ("2020/3/5 9:05", datetime(2020, 3, 5, 9, 5)),
        ("2020-03-05T14:30:00", datetime(2020, 3, 5, 14, 30)),
        ("2020年3月5日 14:30", datetime(2020, 3, 5, 14, 30)),
        ("2020年3月5日14时30分", datetime(2020, 3, 5, 14, 30)),
        ("2020-03-05", datetime(2020, 3, 5)),
        ("20200305", datetime(2020, 3, 5)),
        (20200305, datetime(2020, 3, 5)),
    ],
)
def test_parse_datetime_accepts(raw, moment):
    assert parse_datetime(raw) == moment


@pytest.mark.parametrize(
    "raw", [date(2020, 3, 5), "2020-03-05", "2020/3/5", "2020年3月5日", 20200305]
)
def test_a_deadline_written_as_a_day_ends_with_the_day(raw):
    assert parse_datetime(raw, end_of_day=True) == datetime(2020, 3, 5, 23, 59, 59)


def test_a_deadline_with_a_time_keeps_its_time():
    assert parse_datetime("2020-03-05 12:00", end_of_day=True) == datetime(2020, 3, 5, 12)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("2020-03", "not a date and time: 2020-03"),
        ("2020-02-30 10:00", "not a date and time: 2020-02-30 10:00"),
        ("2020-03-05 24:00", "not a date and time: 2020-03-05 24:00"),
        ("2020-03-05 14:60", "not a date and time: 2020-03-05 14:60"),
        ("明天", "not a date and time: 明天"),
        (43895.5, "a number, not a date: 43895.5"),
        (time(14, 30), "not a date and time: 14:30:00"),
        (datetime(1899, 12, 31, 0, 0), "the year must be between 1900 and 2100"),
        (None, "missing"),
    ],
)
def test_parse_datetime_refuses(raw, message):
    with pytest.raises(ValueError) as caught:
        parse_datetime(raw)
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1981.05", True),
        ("1981.5", True),
        ("1981-05", True),
        ("198105", True),
        ("1981年5月", True),
        (" １９８１年５月 ", True),
        (198105, True),
        (198105.0, True),
        (1981.05, True),
        (43895.5, False),
        ("1981-05-12", False),
        ("19810512", False),
        ("1981年5月12日", False),
        ("2020-03-05 14:30", False),
        (19810512, False),
        (date(1981, 5, 1), False),
        (datetime(1981, 5, 1), False),
        ("张三", False),
        (None, False),
    ],
)
def test_month_only_tells_a_year_month_from_a_day(raw, expected):
    assert month_only(raw) is expected
