"""The working-day calendar: official days, office edits, and the Monday-Friday fallback."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from orgeval_tui.models import AuditEvent, CalendarDay
from orgeval_tui.services.calendar import seed_calendar, set_day, workdays_between


def test_2020_has_the_official_249_working_days(database):
    workdays = workdays_between(database, date(2020, 1, 1), date(2020, 12, 31))

    assert len(workdays.days) == 249
    assert not workdays.assumed
    assert date(2020, 1, 19) in workdays.days, "Sunday 19 January 2020 was an adjusted workday"
    assert date(2020, 10, 1) not in workdays.days, "National Day"
    assert date(2020, 1, 31) not in workdays.days, "the extended 2020 Spring Festival"


def test_years_outside_the_official_calendar_fall_back_to_monday_to_friday(database):
    workdays = workdays_between(database, date(2030, 1, 1), date(2030, 1, 31))

    assert workdays.assumed
    assert workdays.assumed_days == 31
    assert len(workdays.days) == 23  # January 2030: 23 weekdays
    assert date(2030, 1, 1) in workdays.days, "no holiday is known there, so none is taken"


def test_a_period_across_known_and_unknown_years_counts_the_unknown_days(database):
    workdays = workdays_between(database, date(2026, 12, 1), date(2027, 1, 31))

    assert workdays.assumed_days == 31


def test_office_edits_change_the_count_and_survive_reseeding(database):
    set_day(database, date(2020, 6, 1), is_workday=False, name="县庆")

    seed_calendar(database, [2020])
    workdays = workdays_between(database, date(2020, 1, 1), date(2020, 12, 31))

    assert len(workdays.days) == 248
    with database.read() as session:
        day = session.get(CalendarDay, date(2020, 6, 1))
        assert (day.is_workday, day.name, day.source) == (False, "县庆", "manual")
        audit = session.scalars(select(AuditEvent).where(AuditEvent.entity == "calendar_day")).all()
    assert any(e.field == "is_workday" and e.new == "False" for e in audit)


def test_seeding_twice_writes_nothing_the_second_time(database):
    assert seed_calendar(database, [2021]) == [2021]
    assert seed_calendar(database, [2021]) == []


def test_cli_shows_a_year_and_its_special_days(cli, database_url):
    shown = cli("--db", database_url, "calendar", "show", "--year", "2020", "--json")

    assert shown.code == 0, shown.err
    year = shown.json()
    assert year["workdays"] == 249
    assert year["assumed_days"] == 0
    special = {d["day"]: d for d in year["special_days"]}
    assert special["2020-01-19"]["is_workday"] is True
    assert special["2020-01-19"]["name"] == "调休上班"
    assert special["2020-10-01"]["name"] == "国庆节"


def test_cli_marks_a_local_holiday(cli, database_url):
    marked = cli(
        "--db", database_url, "calendar", "set", "2020-06-01", "--holiday", "--name", "县庆"
    )
    assert marked.code == 0, marked.err
    assert "2020-06-01" in marked.out

    shown = cli("--db", database_url, "calendar", "show", "--year", "2020", "--json").json()

    assert shown["workdays"] == 248


def test_cli_says_when_a_year_is_assumed(cli, database_url):
    shown = cli("--db", database_url, "calendar", "show", "--year", "2031")

    assert shown.code == 0, shown.err
    assert "Monday–Friday assumed" in shown.out
