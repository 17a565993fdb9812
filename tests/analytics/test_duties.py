"""Duty figures: execution, core-business share, fill rate, workload, notes."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from orgeval_tui.analytics.display import percent
from orgeval_tui.analytics.duties import (
    CatalogueDuty,
    DutyLogSummary,
    duty_figures,
    summarise_log,
)
from orgeval_tui.i18n import set_language

from .duty_data import CATALOGUE, END, LOG, START, WORKDAYS

WORKDAYS_ASSUMED_NOTE = (
    "working days were taken as Monday–Friday where the office calendar has no entry; "
    "fill rate and workload ratio rest on that assumption"
)


def figures(roster_headcount=2, workdays=WORKDAYS, workdays_assumed=False, log=LOG):
    return duty_figures(
        CATALOGUE,
        summarise_log(log, START, END),
        workdays=workdays,
        workdays_assumed=workdays_assumed,
        roster_headcount=roster_headcount,
    )


def summary(per_duty, *, persons_by_day=None, log_persons=1) -> DutyLogSummary:
    """A summary as the database would hand it over, consistent in its entry counts."""
    entries = sum(n for n, _, _ in per_duty.values())
    hours = sum(h for _, _, h in per_duty.values())
    return DutyLogSummary(
        per_duty=per_duty,
        per_section={None: (entries, hours, log_persons)} if entries else {},
        per_month={"2020-06": (entries, hours)} if entries else {},
        persons_by_day=persons_by_day or {},
        log_persons=log_persons,
    )


def test_execution_counts_catalogue_duties_with_an_entry_in_the_period():
    result = figures()

    assert (result.duties_defined, result.duties_executed) == (5, 4)
    assert result.execution_rate == 4 / 5
    # D3 was logged only outside P.
    assert result.never_executed == (("D3", "信息化推进", "信息科"),)


def test_the_pilot_execution_rate_of_94_duties_out_of_132():
    catalogue = [CatalogueDuty(f"Z{i:03d}", f"职责{i}", None, "business") for i in range(132)]
    idle = set(range(0, 114, 3))  # 38 duties nobody logged
    executed = {f"Z{i:03d}": (1, 1, 1.0) for i in range(132) if i not in idle}

    result = duty_figures(
        catalogue, summary(executed), workdays=(), workdays_assumed=False, roster_headcount=1
    )

    assert (result.duties_defined, result.duties_executed) == (132, 94)
    assert percent(result.execution_rate) == "71.21%"
    assert len(result.never_executed) == 38
    assert [ref.code for ref in result.never_executed] == sorted(
        d.code for d in catalogue if d.code not in executed
    )


def test_business_share_by_count_sums_times_and_by_hours_sums_hours():
    result = figures()

    assert (result.entries, result.times, result.hours) == (7, 9, 34.0)
    assert result.business_share_by_count == 7 / 9
    assert percent(result.business_share_by_count) == "77.78%"
    assert result.business_share_by_hours == 31.0 / 34.0
    assert percent(result.business_share_by_hours) == "91.18%"
    assert result.by_category["general"] == (1, 1, 2.0, 1 / 9, 2.0 / 34.0)
    assert result.by_category["other"] == (1, 1, 1.0, 1 / 9, 1.0 / 34.0)
    assert "unknown" not in result.by_category


def test_fill_rate_counts_each_person_once_a_workday_and_never_a_day_off():
    result = figures()

    assert result.workdays == 4
    assert result.person_workdays_filled == 4  # not 6: the holiday and Saturday do not fill
    assert result.fill_rate == 4 / (2 * 4)
    assert percent(result.fill_rate) == "50.00%"


def test_workload_ratio_counts_all_hours_against_eight_a_workday():
    result = figures()

    assert result.workload_ratio == 34.0 / (2 * 4 * 8)
    assert percent(result.workload_ratio) == "53.13%"  # 53.125, half up


def test_monday_to_friday_gives_other_figures_and_says_so():
    monday_to_friday = [START + timedelta(days=i) for i in range(5)]

    result = figures(workdays=monday_to_friday, workdays_assumed=True)

    assert result.workdays == 5
    assert result.fill_rate == 4 / (2 * 5)  # 王芳's 28th no longer fills, her 25th does
    assert result.workdays_assumed is True
    assert result.notes == (WORKDAYS_ASSUMED_NOTE,)


def test_an_official_calendar_needs_no_note():
    assert figures().notes == ()
    assert figures().workdays_assumed is False


def test_the_workdays_note_follows_the_language():
    set_language("zh")

    result = figures(workdays_assumed=True)

    assert result.notes == (
        "办公日历未覆盖的日期按周一至周五计为工作日，填报率和工作量比率以此为准",
    )


def test_persons_are_the_roster_headcount_when_a_roster_is_loaded():
    result = figures(roster_headcount=5)

    assert (result.persons, result.persons_source, result.log_persons) == (5, "roster", 2)
    assert result.fill_rate == 4 / (5 * 4)
    assert result.workload_ratio == 34.0 / (5 * 4 * 8)


def test_without_a_roster_persons_are_the_distinct_persons_in_the_log_and_it_says_so():
    result = figures(roster_headcount=None)

    assert (result.persons, result.persons_source) == (2, "log")
    assert result.fill_rate == 0.5
    assert result.notes == ("no roster loaded: persons are the 2 distinct persons in the log",)


def test_a_log_naming_more_persons_than_the_roster_is_pointed_out():
    result = figures(roster_headcount=1)

    assert result.fill_rate == 4 / 4
    assert result.notes == (
        "the log names 2 persons, more than the roster's 1: the fill rate can exceed 100%",
    )


def test_log_codes_outside_the_catalogue_count_as_work_but_not_as_executed_duties():
    per_duty = {"D1": (1, 3, 6.0), "X9": (2, 1, 2.0)}

    result = duty_figures(
        CATALOGUE,
        summary(per_duty),
        workdays=WORKDAYS,
        workdays_assumed=False,
        roster_headcount=1,
    )

    assert result.duties_executed == 1
    assert result.unknown_duty_codes == ("X9",)
    assert result.business_share_by_count == 3 / 4
    assert result.by_category["unknown"] == (2, 1, 2.0, 1 / 4, 2.0 / 8.0)
    assert result.notes == (
        "1 duty codes in the log are not in the catalogue (X9): "
        "their work counts in the totals, not as executed duties",
    )


def test_nothing_to_measure_gives_no_rates_rather_than_zero():
    empty = summary({}, log_persons=0)

    result = duty_figures((), empty, workdays=(), workdays_assumed=False, roster_headcount=None)

    assert result.execution_rate is None
    assert result.business_share_by_count is None
    assert result.business_share_by_hours is None
    assert result.fill_rate is None
    assert result.workload_ratio is None
    assert result.by_category["business"].share_by_count is None


def test_a_catalogue_without_a_work_log_has_no_rates_not_zero_ones():
    result = duty_figures(
        CATALOGUE,
        summary({}, log_persons=0),
        workdays=WORKDAYS,
        workdays_assumed=False,
        roster_headcount=3,
    )

    assert result.execution_rate is None
    assert result.fill_rate is None
    assert result.workload_ratio is None
    assert len(result.never_executed) == 5
    assert result.business_share_by_count is None
    assert result.notes == (
        "no work log in the period: execution rate, fill rate and workload ratio "
        "cannot be computed",
    )


def test_the_pilot_fill_rate_workload_and_hours_share():
    """县工信局 2020: 82.67 %, 78.94 %, 76.18 %, as 15 persons over 250 workdays might give."""
    workdays = [date(2020, 1, 1) + timedelta(days=i) for i in range(250)]
    catalogue = [
        CatalogueDuty("B", "业务", None, "business"),
        CatalogueDuty("G", "综合", None, "general"),
    ]
    per_duty = {"B": (2800, 7000, 18041.0), "G": (800, 2000, 5641.0)}
    # 3100 (person, workday) pairs filled: 200 days × 12 persons + 50 days × 14.
    by_day = {day: 12 for day in workdays[:200]} | {day: 14 for day in workdays[200:]}

    result = duty_figures(
        catalogue,
        summary(per_duty, persons_by_day=by_day, log_persons=15),
        workdays=workdays,
        workdays_assumed=False,
        roster_headcount=15,
    )

    assert result.person_workdays_filled == 3100
    assert percent(result.fill_rate) == "82.67%"
    assert percent(result.workload_ratio) == "78.94%"
    assert percent(result.business_share_by_count) == "77.78%"
    assert percent(result.business_share_by_hours) == "76.18%"


def test_per_section_rows_follow_the_catalogue_then_other_sections_then_none():
    per_duty = {"D1": (6, 6, 21.0)}
    base = summary(per_duty)
    sections = DutyLogSummary(
        per_duty=per_duty,
        per_section={
            None: (1, 1.0, 1),
            "临时专班": (1, 2.0, 1),
            "办公室": (1, 4.0, 2),
            "专项组": (1, 2.0, 1),
            "运行科": (2, 12.0, 3),
        },
        per_month=base.per_month,
        persons_by_day={},
        log_persons=4,
    )

    result = duty_figures(
        CATALOGUE, sections, workdays=(), workdays_assumed=False, roster_headcount=None
    )

    assert [row.section for row in result.per_section] == [
        "运行科",
        "办公室",
        "专项组",
        "临时专班",
        None,
    ]
    assert result.per_section[0] == ("运行科", 2, 12.0, 3, 4.0)
    assert result.per_section[1].hours_per_person == 2.0


def test_per_section_and_per_month_from_the_log():
    result = figures()

    assert result.per_section == (
        ("运行科", 4, 25.5, 1, 25.5),
        ("投资科", 2, 7.5, 1, 7.5),
        (None, 1, 1.0, 1, 1.0),
    )
    assert result.per_month == (("2020-06", 7, 34.0),)


def test_months_are_listed_in_order():
    per_duty = {"D1": (3, 3, 3.0)}
    months = DutyLogSummary(
        per_duty=per_duty,
        per_section={"运行科": (3, 3.0, 1)},
        per_month={"2021-01": (1, 1.0), "2020-11": (1, 1.0), "2020-12": (1, 1.0)},
        persons_by_day={},
        log_persons=1,
    )

    result = duty_figures(
        CATALOGUE, months, workdays=(), workdays_assumed=False, roster_headcount=1
    )

    assert [row.month for row in result.per_month] == ["2020-11", "2020-12", "2021-01"]


def test_aggregates_that_disagree_on_the_entries_are_refused():
    inconsistent = DutyLogSummary(
        per_duty={"D1": (3, 3, 3.0)},
        per_section={"运行科": (2, 3.0, 1)},
        per_month={"2020-06": (3, 3.0)},
        persons_by_day={},
        log_persons=1,
    )

    with pytest.raises(ValueError, match="3 entries by duty, 2 by section, 3 by month"):
        duty_figures(
            CATALOGUE, inconsistent, workdays=(), workdays_assumed=False, roster_headcount=1
        )


def test_a_catalogue_listing_a_code_twice_is_refused():
    twice = (*CATALOGUE, CatalogueDuty("D1", "重复", None, "general"))

    with pytest.raises(ValueError, match="D1 appears twice"):
        duty_figures(twice, summary({}), workdays=(), workdays_assumed=False, roster_headcount=1)


def test_an_unknown_category_is_refused():
    with pytest.raises(ValueError, match="category"):
        CatalogueDuty("D9", "某职责", None, "业务工作")


def test_json_uses_domain_identifiers():
    document = json.loads(json.dumps(figures(workdays_assumed=True).to_json(), ensure_ascii=False))

    assert document["duties_defined"] == 5
    assert document["execution_rate"] == 0.8
    assert document["business_share_by_count"] == 7 / 9
    assert document["fill_rate"] == 0.5
    assert document["workload_ratio"] == 34 / 64
    assert document["workdays"] == 4
    assert document["workdays_assumed"] is True
    assert document["notes"] == [WORKDAYS_ASSUMED_NOTE]
    assert document["never_executed"] == [{"code": "D3", "name": "信息化推进", "section": "信息科"}]
    assert document["per_section"][2] == {
        "section": None,
        "entries": 1,
        "hours": 1.0,
        "persons": 1,
        "hours_per_person": 1.0,
    }
    assert document["per_month"] == [{"month": "2020-06", "entries": 7, "hours": 34.0}]
    assert document["by_category"]["business"]["share_by_hours"] == 31 / 34
