"""The fixtures end to end: read, find the table, parse every cell; every format agrees."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from orgeval_tui.analytics import ladders
from orgeval_tui.ingest import values as v
from orgeval_tui.ingest.table import find_table
from orgeval_tui.ingest.workbook import read_workbook

from .helpers import FIXTURES

ROSTER_FILES = [
    "roster.xlsx", "roster.xls", "roster.ods", "roster_gb18030.csv", "roster_utf8_bom.csv",
]  # fmt: skip
OPTIONAL = ("gender", "id_number", "education", "rank", "establishment_kind", "section")

EXPECTED_ROSTER = [
    (4, "赵刚", "male", date(1981, 5, 1), date(1981, 5, 12), ladders.BACHELOR,
     ladders.SECTION_CHIEF, "行政编制", "办公室"),
    (5, "王芳", "female", date(1985, 3, 8), date(1985, 3, 8), ladders.POSTGRADUATE,
     ladders.SECTION_CHIEF, "行政编制", "产业发展股"),
    (7, "李明", "male", date(1990, 7, 15), date(1990, 7, 15), ladders.JUNIOR_COLLEGE,
     ladders.CLERK, "事业编制", "产业发展股"),
    (8, "陈静", "female", date(1992, 1, 1), date(1992, 1, 1), ladders.BACHELOR,
     ladders.DEPUTY_SECTION, "行政编制", "办公室"),
    (9, "张伟", "male", date(1975, 11, 20), date(1975, 11, 20), ladders.SECONDARY,
     ladders.CLERK, "工勤编制", "办公室"),
]  # fmt: skip


def _person(row):
    values = row.values
    facts = v.parse_id_number(values["id_number"])
    gender = v.parse_gender(values["gender"])
    assert facts.gender == gender
    return (
        row.number,
        v.clean_name(values["name"]),
        gender,
        v.parse_date(values["birth_date"]),
        facts.birth_date,
        v.parse_education(values["education"]),
        v.parse_rank(values["rank"]),
        v.clean_text(values["establishment_kind"]),
        v.clean_name(values["section"]),
    )


@pytest.mark.parametrize("name", ROSTER_FILES)
def test_every_roster_format_gives_the_same_clean_people(name):
    (sheet,) = read_workbook(FIXTURES / name)
    table = find_table(sheet, ["name", "birth_date"], OPTIONAL, file=name)

    assert [_person(row) for row in table.rows] == EXPECTED_ROSTER
    assert (table.skipped_blank, table.skipped_totals) == (2, 1)


def test_the_roster_on_the_second_sheet_parses():
    _, roster = read_workbook(FIXTURES / "roster_second_sheet.xlsx")
    table = find_table(roster, ["name", "birth_date"], ["gender", "rank"])

    people = [
        (v.clean_name(r.values["name"]), v.parse_date(r.values["birth_date"]),
         v.parse_rank(r.values["rank"]))
        for r in table.rows
    ]  # fmt: skip

    assert people == [
        ("周敏", date(1988, 9, 30), ladders.DEPUTY_SECTION),
        ("吴强", date(1979, 12, 1), ladders.SECTION_CHIEF),
        ("郑丽", date(1995, 6, 1), ladders.CLERK),
    ]


def test_hotline_cases_from_an_xls_with_date_time_cells():
    (sheet,) = read_workbook(FIXTURES / "cases.xls")
    table = find_table(sheet, ["case_no", "received"], ["unit", "deadline", "closed", "rating"])

    cases = [
        (
            v.clean_text(r.values["case_no"]),
            v.parse_datetime(r.values["received"]),
            v.parse_datetime(r.values["deadline"], end_of_day=True),
            None if r.values["closed"] is None else v.parse_datetime(r.values["closed"]),
            v.parse_rating(r.values["rating"]),
        )
        for r in table.rows
    ]

    assert table.header_row == 2
    assert cases == [
        ("GD20240305001", datetime(2024, 3, 5, 9, 12, 30), datetime(2024, 3, 12, 23, 59, 59),
         datetime(2024, 3, 8, 16, 40), "satisfied"),
        ("GD20240306002", datetime(2024, 3, 6, 14, 5), datetime(2024, 3, 13, 23, 59, 59),
         datetime(2024, 3, 14, 10, 0), "basically_satisfied"),
        ("GD20240307003", datetime(2024, 3, 7, 8, 30), datetime(2024, 3, 14, 23, 59, 59),
         None, None),
    ]  # fmt: skip


def test_questionnaire_scores_parse_against_their_maxima():
    (sheet,) = read_workbook(FIXTURES / "questionnaire.xlsx")
    table = find_table(sheet, ["evaluated_unit"], ["response_code", "total"], items=True)

    scores = [
        {n: v.parse_amount(raw, default=0.0) for n, raw in row.items.items()} for row in table.rows
    ]

    assert scores == [
        {1: 9.0, 2: 18.0, 3: 27.0, 4: 36.0},
        {1: 8.5, 2: 17.0, 3: 25.0, 4: 38.0},
        {1: 10.0, 2: 20.0, 3: 0.0, 4: 35.0},
    ]
    for row, given in zip(table.rows, scores, strict=True):
        assert v.parse_amount(row.values["total"]) == sum(given.values())
        assert all(given[n] <= top for n, top in table.item_maxima.items())


def test_fixtures_stay_small():
    sizes = {p.name: p.stat().st_size for p in FIXTURES.iterdir() if p.suffix != ".py"}

    assert len(sizes) >= 11
    assert max(sizes.values()) < 30_000
