from __future__ import annotations

import pytest

from orgeval_tui.domain.errors import UserError
from orgeval_tui.i18n import set_language
from orgeval_tui.ingest.errors import IngestError, RowProblem


@pytest.mark.parametrize(
    ("problem", "text"),
    [
        (RowProblem("花名册", 7, "出生日期", "not a date: 1981-13-01"),
         "花名册!7: 出生日期: not a date: 1981-13-01"),
        (RowProblem("花名册", 7, None, "row unreadable"), "花名册!7: row unreadable"),
        (RowProblem("花名册", None, "姓名", "listed twice"), "花名册: 姓名: listed twice"),
        (RowProblem("", 4, "性别", "missing"), "4: 性别: missing"),
    ],
)  # fmt: skip
def test_a_row_problem_reads_sheet_row_field_message(problem, text):
    assert str(problem) == text


def test_row_problems_sort_by_sheet_then_row_even_with_whole_sheet_problems():
    problems = [
        RowProblem("b", 2, "x", "m"),
        RowProblem("a", 10, "姓名", "m"),
        RowProblem("a", None, None, "whole sheet"),
        RowProblem("a", 9, None, "m"),
        RowProblem("a", 9, "出生日期", "m"),
    ]

    ordered = sorted(problems)

    assert [(p.sheet, p.row, p.field) for p in ordered] == [
        ("a", None, None),
        ("a", 9, None),
        ("a", 9, "出生日期"),
        ("a", 10, "姓名"),
        ("b", 2, "x"),
    ]


def test_row_problems_compare_by_value():
    assert RowProblem("a", 1, "f", "m") == RowProblem("a", 1, "f", "m")
    assert RowProblem("a", 1, "f", "m") != RowProblem("a", 2, "f", "m")
    assert "_order" not in repr(RowProblem("a", 1, "f", "m"))


def test_an_ingest_error_is_a_user_error_naming_the_file():
    error = IngestError.about("报表.xlsx", "the file is empty")

    assert isinstance(error, UserError)
    assert str(error) == "报表.xlsx: the file is empty"


def test_an_ingest_error_names_the_sheet_in_the_current_language():
    assert str(IngestError.about("a.xlsx", "m", sheet="花名册")) == "a.xlsx, sheet 花名册: m"
    set_language("zh")
    assert str(IngestError.about("a.xlsx", "m", sheet="花名册")) == "a.xlsx，工作表 花名册：m"
