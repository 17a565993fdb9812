"""A period reads in the user's language: the office's own Chinese name in zh, a name
made from its dates in en (the data names periods in Chinese)."""

from __future__ import annotations

from datetime import date

import pytest

from orgeval_tui.i18n import set_language
from orgeval_tui.services.evaluations import Period, dated_period_name


@pytest.mark.parametrize(
    ("start", "end", "en", "zh"),
    [
        (date(2020, 1, 1), date(2020, 12, 31), "Year 2020", "2020年度"),
        (date(2021, 1, 1), date(2021, 6, 30), "H1 2021", "2021年上半年"),
        (date(2021, 7, 1), date(2021, 12, 31), "H2 2021", "2021年下半年"),
        (date(2021, 4, 1), date(2021, 6, 30), "Q2 2021", "2021年第2季度"),
        (date(2021, 3, 1), date(2021, 3, 31), "2021-03", "2021年3月"),
        (date(2020, 11, 1), date(2021, 2, 28), "2020-11 – 2021-02", "2020-11至2021-02"),
        (date(2021, 3, 5), date(2021, 6, 30), "2021-03-05 – 2021-06-30", "2021-03-05至2021-06-30"),
    ],
)
def test_a_period_is_named_from_its_dates(start, end, en, zh):
    set_language("en")
    assert dated_period_name(start, end) == en
    set_language("zh")
    assert dated_period_name(start, end) == zh


def test_the_offices_chinese_name_in_zh_and_a_dated_name_in_en():
    period = Period("2021年上半年", date(2021, 1, 1), date(2021, 6, 30))
    set_language("zh")
    assert period.shown == "2021年上半年"
    set_language("en")
    assert period.shown == "H1 2021"
    assert Period("spring review", date(2021, 3, 5), date(2021, 5, 1)).shown == "spring review"


def test_the_evaluation_overview_names_its_periods_in_english(cli, demo_db):
    done = cli("--db", str(demo_db), "--lang", "en", "analyze", "evaluation")

    assert done.code == 0, done.err
    assert "Year 2020" in done.out and "H1 2021" in done.out
    assert "年度 " not in done.out and "上半年" not in done.out
