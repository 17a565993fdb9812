from __future__ import annotations

import pytest

from orgeval_tui.ingest.values import parse_amount, parse_count


def _refusal(parser, raw, **options) -> str:
    with pytest.raises(ValueError) as caught:
        parser(raw, **options)
    return str(caught.value)


@pytest.mark.parametrize(
    ("raw", "count"),
    [(3, 3), (3.0, 3), ("3", 3), (" 3 ", 3), ("3.0", 3), ("3次", 3), ("３", 3), (0, 0),
     ("1,200", 1200)],
)  # fmt: skip
def test_parse_count(raw, count):
    assert parse_count(raw) == count
    assert type(parse_count(raw)) is int


@pytest.mark.parametrize(
    ("raw", "message"),
    [(2.5, "not a whole number: 2.5"), ("2.5", "not a whole number: 2.5"),
     ("三", "not a whole number: 三"), ("3次4", "not a whole number: 3次4"),
     (-1, "cannot be negative: -1"), ("-2", "cannot be negative: -2"),
     (True, "not a whole number: True"), (float("nan"), "not a whole number: nan"),
     (None, "missing"), ("", "missing")],
)  # fmt: skip
def test_parse_count_refuses(raw, message):
    assert _refusal(parse_count, raw) == message


def test_a_blank_count_takes_the_default():
    assert parse_count(None, default=1) == 1
    assert parse_count("  ", default=0) == 0
    assert parse_count("4", default=1) == 4


@pytest.mark.parametrize(
    ("raw", "amount"),
    [(1.5, 1.5), (2, 2.0), ("1.5", 1.5), ("1.5h", 1.5), ("1.5 H", 1.5), ("1.5小时", 1.5),
     ("１.５", 1.5), ("１．５小时", 1.5), ("2个小时", 2.0), (".5", 0.5), ("3.", 3.0),
     ("0", 0.0), ("-0", 0.0)],
)  # fmt: skip
def test_parse_amount(raw, amount):
    assert parse_amount(raw) == amount
    assert type(parse_amount(raw)) is float


@pytest.mark.parametrize(
    ("raw", "message"),
    [("一个半小时", "not a number: 一个半小时"), ("h", "not a number: h"),
     ("1.5.2", "not a number: 1.5.2"), ("30分钟", "not a number: 30分钟"),
     (-0.5, "cannot be negative: -0.5"), ("-1.5小时", "cannot be negative: -1.5小时"),
     (float("inf"), "not a number: inf"), (None, "missing")],
)  # fmt: skip
def test_parse_amount_refuses(raw, message):
    assert _refusal(parse_amount, raw) == message


def test_a_blank_amount_takes_the_default():
    assert parse_amount(None, default=0.0) == 0.0
    assert parse_amount("", default=2.5) == 2.5
