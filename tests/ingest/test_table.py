from __future__ import annotations

from datetime import date

import pytest

from orgeval_tui.i18n import set_language
from orgeval_tui.ingest.errors import IngestError, RowProblem
from orgeval_tui.ingest.table import SourceRow, find_table, missing_columns
from orgeval_tui.ingest.workbook import Sheet, read_workbook

from .helpers import FIXTURES

ROSTER_FILES = [
    "roster.xlsx", "roster.xls", "roster.ods", "roster_gb18030.csv", "roster_utf8_bom.csv",
]  # fmt: skip
ROSTER_FIELDS = ("name", "birth_date")
ROSTER_OPTIONAL = ("gender", "id_number", "education", "rank", "establishment_kind", "section")


def _roster(name: str):
    (sheet,) = read_workbook(FIXTURES / name)
    return find_table(sheet, ROSTER_FIELDS, ROSTER_OPTIONAL, file=name)


@pytest.mark.parametrize("name", ROSTER_FILES)
def test_the_header_is_found_under_the_titles(name):
    table = _roster(name)

    assert table.file == name
    assert table.header_row == 3
    assert table.headers == {
        "id_number": "身份证号码",
        "gender": "性别",
        "name": "姓\u3000\u3000名",  # as written
        "birth_date": "出生年月",
        "education": "学历",
        "rank": "现职级",
        "establishment_kind": "编制类型",
        "section": "所在科室",
    }


@pytest.mark.parametrize("name", ROSTER_FILES)
def test_row_numbers_are_those_the_spreadsheet_shows(name):
    table = _roster(name)

    assert [row.number for row in table.rows] == [4, 5, 7, 8, 9]
    assert [row.values["name"] for row in table.rows] == [
        "赵\u3000刚", "王\u3000芳", " 李 明 ", "陈\u3000静", "张  伟",
    ]  # fmt: skip


@pytest.mark.parametrize("name", ROSTER_FILES)
def test_blank_rows_notes_and_totals_are_skipped_and_counted(name):
    table = _roster(name)

    # row 6 is blank, row 10 is 合计, row 11 is the 注：… line
    assert table.skipped_blank == 2
    assert table.skipped_totals == 1


@pytest.mark.parametrize("name", ROSTER_FILES)
def test_only_the_asked_fields_are_kept_in_any_column_order(name):
    table = _roster(name)

    first = table.rows[0]
    assert set(first.values) == set(ROSTER_FIELDS) | set(ROSTER_OPTIONAL)
    assert first.values["id_number"] == "110101198105120118"
    assert first.values["section"] == "办公室"
    assert first.values["birth_date"] == "1981.05"
    assert first.items == {}
    # 备注 (an extra column) is only in the file, not in the rows
    assert "借调" not in table.rows[3].values.values()


def test_the_roster_on_a_second_sheet_starting_at_b4():
    instructions, roster = read_workbook(FIXTURES / "roster_second_sheet.xlsx")

    assert find_table(instructions, ROSTER_FIELDS) is None
    table = find_table(roster, ROSTER_FIELDS, ("gender", "rank"))
    assert table.header_row == 4
    assert [(r.number, r.values["name"], r.values["birth_date"]) for r in table.rows] == [
        (5, "周\u3000敏", date(1988, 9, 30)),
        (6, "吴 强", "1979-12-01"),
        (7, "郑丽", "1995年6月"),
    ]


def test_the_header_must_lie_within_the_searched_rows():
    rows = [[f"标题{i}"] for i in range(5)] + [["姓名", "性别"], ["赵刚", "男"]]
    sheet = Sheet("s", rows)

    assert find_table(sheet, ["name"], search_rows=5) is None
    assert find_table(sheet, ["name"], search_rows=6).header_row == 6


def test_a_row_naming_only_some_required_fields_is_not_the_header():
    sheet = Sheet("s", [["姓名", "备注"], ["姓名", "出生日期"], ["赵刚", "1981-05-12"]])

    table = find_table(sheet, ["name", "birth_date"])

    assert table.header_row == 2
    assert table.rows == [SourceRow(3, {"name": "赵刚", "birth_date": "1981-05-12"}, {})]


def test_a_field_named_twice_takes_the_first_column():
    sheet = Sheet("s", [["出生日期", "姓名", "出生年月"], ["1981-05-12", "赵刚", "1981-05"]])

    table = find_table(sheet, ["name", "birth_date"])

    assert table.headers["birth_date"] == "出生日期"
    assert table.rows[0].values["birth_date"] == "1981-05-12"


def test_header_cells_are_matched_loosely_but_reported_as_written():
    sheet = Sheet("s", [["*姓　名", "工作时长\n（小时）：", "Ｑ１"], ["赵刚", 2, 5]])

    table = find_table(sheet, ["name", "hours"], items=True)

    assert table.headers == {"name": "*姓　名", "hours": "工作时长 （小时）："}
    assert table.rows[0].values == {"name": "赵刚", "hours": 2}
    assert table.rows[0].items == {1: 5}


def test_short_rows_and_whitespace_cells_read_as_blank():
    sheet = Sheet(
        "s",
        [
            ["姓名", "性别", "出生日期"],
            ["赵刚", "  "],
            ["王芳", "\u3000", None],
            ["李明", "", "\n"],
        ],
    )

    table = find_table(sheet, ["name"], ["gender", "birth_date"])

    assert [r.values for r in table.rows] == [
        {"name": "赵刚", "gender": None, "birth_date": None},
        {"name": "王芳", "gender": None, "birth_date": None},
        {"name": "李明", "gender": None, "birth_date": None},
    ]


def test_rows_of_empty_and_whitespace_cells_are_blank():
    sheet = Sheet("s", [["姓名", "性别"], ["", " "], ["\u3000", None], [], ["赵刚", "男"]])

    table = find_table(sheet, ["name"], ["gender"])

    assert [r.number for r in table.rows] == [5]
    assert table.skipped_blank == 3


def test_a_data_row_whose_first_cell_is_empty_is_still_data():
    sheet = Sheet("s", [["序号", "姓名"], [None, "赵刚"], ["  ", "王芳"]])

    table = find_table(sheet, ["name"])

    assert [r.values["name"] for r in table.rows] == ["赵刚", "王芳"]


@pytest.mark.parametrize(
    "first_cell",
    ["合计", "合 计", "总计", "小计", "合计：", "合计（5人）", "总计人数", "　合　计　"],
)
def test_totals_rows_are_skipped_wherever_they_are(first_cell):
    sheet = Sheet(
        "s",
        [["序号", "姓名"], [1, "赵刚"], [None, first_cell], [2, "王芳"], [first_cell, "2人"]],
    )

    table = find_table(sheet, ["name"])

    assert [r.number for r in table.rows] == [2, 4]
    assert table.skipped_totals == 2


@pytest.mark.parametrize("first_cell", ["合作办", "总工会", "小王", "合", "计"])
def test_rows_merely_starting_like_a_total_are_data(first_cell):
    sheet = Sheet("s", [["姓名", "科室"], [first_cell, "办公室"]])

    assert len(find_table(sheet, ["name"]).rows) == 1


@pytest.mark.parametrize(
    "note",
    ["注：数据来自实名制系统", "注:", "注1：退休人员不列入", "说明：无", "制表人：李四",
     "填报日期：2024年6月30日", "审核人: 王五", "备注：见附件"],
)  # fmt: skip
def test_notes_under_the_table_are_skipped_as_blank(note):
    sheet = Sheet("s", [["姓名", "性别"], ["赵刚", "男"], [note, None], [None, None]])

    table = find_table(sheet, ["name"], ["gender"])

    assert [r.number for r in table.rows] == [2]
    assert table.skipped_blank == 2


def test_a_signature_line_with_several_notes_is_skipped():
    sheet = Sheet("s", [["姓名", "性别", "科室"], ["赵刚", "男", "办公室"],
                        ["制表人：李四", None, "审核人：王五"]])  # fmt: skip

    table = find_table(sheet, ["name"])

    assert len(table.rows) == 1
    assert table.skipped_blank == 1


@pytest.mark.parametrize("row", [["注释科", "男"], ["注：赵刚", "男"], ["说明", None]])
def test_rows_that_only_look_like_notes_are_data(row):
    sheet = Sheet("s", [["姓名", "性别"], row])

    assert len(find_table(sheet, ["name"], ["gender"]).rows) == 1


def test_questionnaire_items_and_their_maxima():
    (sheet,) = read_workbook(FIXTURES / "questionnaire.xlsx")

    table = find_table(
        sheet,
        ["evaluated_unit"],
        ["response_code", "respondent", "total"],
        file="questionnaire.xlsx",
        items=True,
    )

    assert table.header_row == 2
    assert table.item_maxima == {1: 10.0, 2: 20.0, 3: 30.0, 4: 40.0}
    assert table.item_headers == {
        1: "第1题（10分）",
        2: "第 2 题(满分20分)",
        3: "第三题（30分）",
        4: "第4题 职责履行情况（40分）",
    }  # fmt: skip
    assert [r.number for r in table.rows] == [3, 4, 5]
    assert table.rows[1].items == {1: 8.5, 2: "17", 3: 25, 4: 38}
    assert table.rows[2].items[3] is None
    assert table.rows[0].values == {
        "response_code": "HP-001", "respondent": "城关镇", "evaluated_unit": "县工信局",
        "total": 90,
    }  # fmt: skip


def test_items_are_read_only_when_asked_for():
    (sheet,) = read_workbook(FIXTURES / "questionnaire.xlsx")

    table = find_table(sheet, ["evaluated_unit"])

    assert table.item_maxima == {}
    assert all(r.items == {} for r in table.rows)


def test_numeric_item_headers_and_the_first_column_of_an_item_wins():
    sheet = Sheet("s", [["被评价单位", 1.0, 2, "Q2", "合计"], ["县工信局", 9, 8, 7, 17]])

    table = find_table(sheet, ["evaluated_unit"], ["total"], items=True)

    assert table.item_maxima == {1: None, 2: None}
    assert table.rows[0].items == {1: 9, 2: 8}
    assert table.rows[0].values == {"evaluated_unit": "县工信局", "total": 17}


def test_a_table_locates_problems_by_the_header_as_written():
    table = _roster("roster.xlsx")

    problem = table.problem(table.rows[1], "birth_date", "not a date: x")

    assert problem == RowProblem("花名册", 5, "出生年月", "not a date: x")
    assert str(table.problem(9, None, "m")) == "花名册!9: m"


def test_missing_columns_names_what_the_closest_row_lacks():
    sheets = read_workbook(FIXTURES / "roster_missing_column.xlsx")

    assert find_table(sheets[0], ["name", "birth_date"]) is None
    error = missing_columns(sheets, ["name", "birth_date"], "名册.xlsx")

    assert isinstance(error, IngestError)
    assert str(error) == (
        "名册.xlsx: no sheet has the columns 姓名, 出生日期 (sheet 花名册 is missing 出生日期)"
    )


def test_missing_columns_picks_the_sheet_that_came_closest():
    sheets = [
        Sheet("说明", [["填表说明"], ["姓名"]]),
        Sheet("名册", [["标题"], ["姓名", "性别", "学历"]]),
    ]

    error = missing_columns(sheets, ["name", "gender", "birth_date", "id_number"], "a.xlsx")

    assert str(error) == (
        "a.xlsx: no sheet has the columns 姓名, 性别, 出生日期, 身份证号 "
        "(sheet 名册 is missing 出生日期, 身份证号)"
    )


def test_missing_columns_when_no_row_names_any():
    error = missing_columns([Sheet("Sheet1", [["a", "b"], [1, 2]])], ["name"], "a.csv")

    assert str(error) == "a.csv: no sheet has the columns 姓名"


def test_missing_columns_speaks_chinese():
    set_language("zh")
    sheets = read_workbook(FIXTURES / "roster_missing_column.xlsx")

    error = missing_columns(sheets, ["name", "birth_date", "rank"], "名册.xlsx")

    assert str(error) == (
        "名册.xlsx：没有工作表包含这些列：姓名、出生日期、职级（工作表 花名册 缺少 出生日期、职级）"
    )
