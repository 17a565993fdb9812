"""Duty, case and questionnaire imports."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from orgeval_tui.models import Case, Duty, SurveyAnswer, SurveyResponse, WorkLogEntry
from orgeval_tui.services.units import add_unit

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "ingest"


@pytest.fixture
def county(database):
    add_unit(database, "县工业和信息化局", short_name="县工信局")
    add_unit(database, "县总工会", short_name="总工会")
    return database


def _count(database, model, *where):
    with database.read() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where))


def _duties_book(path: Path, log_rows: list[list], catalogue_rows=None) -> Path:
    book = Workbook()
    log = book.active
    log.title = "履职记录"
    log.append(["2020年度履职记录导出"])
    log.append(["工作日期", "姓名", "所属科室", "职责编号", "履职次数", "工作时长（小时）"])
    for row in log_rows:
        log.append(row)
    catalogue = book.create_sheet("岗位职责清单")
    catalogue.append(["职责编号", "职责内容", "所属科室", "职责类别"])
    for row in catalogue_rows or [
        ["GXJ001", "负责全县工业经济运行监测分析", "运行监测科", "业务工作"],
        ["GXJ002", "负责机关文电、会务、档案", "办公室", "综合事务"],
        ["GXJ003", "负责全县盐业行业管理", "综合法规科", "业务工作"],
    ]:
        catalogue.append(row)
    book.save(path)
    return path


def test_duties_import_catalogue_and_log_told_apart_by_headers(cli, county, tmp_path):
    path = _duties_book(
        tmp_path / "履职.xlsx",
        [
            [date(2020, 3, 2), "赵刚", "运行监测科", "GXJ001", 2, 6],
            [date(2020, 3, 2), "王芳", "办公室", "GXJ002", None, 2],
            ["2020-03-07", "赵刚", None, "GXJ001", 1, 1.5],
        ],
    )

    result = cli("--db", county.url, "import", "duties", str(path), "--unit", "县工信局", "--json")

    assert result.code == 0, result.err
    assert result.json()["duties"] == 3 and result.json()["entries"] == 3
    assert result.json()["columns"] == [
        {"sheet": "岗位职责清单", "used": ["职责编号", "职责内容", "所属科室", "职责类别"],
         "ignored": []},
        {"sheet": "履职记录",
         "used": ["工作日期", "姓名", "所属科室", "职责编号", "履职次数", "工作时长（小时）"],
         "ignored": []},
    ]  # fmt: skip
    figures = cli(
        "--db",
        county.url,
        "analyze",
        "duties",
        "--unit",
        "县工信局",
        "--from",
        "2020-03-01",
        "--to",
        "2020-03-31",
        "--json",
    ).json()
    assert (figures["duties_defined"], figures["duties_executed"]) == (3, 2)
    assert figures["times"] == 4, "a blank 次数 counts once"
    assert figures["hours"] == 9.5
    assert figures["business_share_by_count"] == 0.75


def test_duty_log_rows_naming_unknown_duties_are_refused(cli, county, tmp_path):
    path = _duties_book(
        tmp_path / "履职.xlsx",
        [
            [date(2020, 3, 2), "赵刚", "运行监测科", "GXJ009", 1, 2],
            ["2020-02-30", "王芳", "办公室", "GXJ002", 1, 2],
            [date(2020, 3, 3), "王芳", "办公室", "GXJ002", 1, "两小时"],
        ],
    )

    result = cli("--db", county.url, "import", "duties", str(path), "--unit", "县工信局")

    assert result.code == 1
    lines = result.err.splitlines()[1:]
    assert lines[0] == "履职记录!3: 职责编号: duty GXJ009 is not in the catalogue"
    assert lines[1].startswith("履职记录!4: 工作日期: ")
    assert lines[2].startswith("履职记录!5: 工作时长（小时）: ")
    assert _count(county, Duty) == 0


def test_reimporting_duties_replaces_them(cli, county, tmp_path):
    path = _duties_book(tmp_path / "履职.xlsx", [[date(2020, 3, 2), "赵刚", None, "GXJ001", 1, 2]])
    cli("--db", county.url, "import", "duties", str(path), "--unit", "县工信局")

    again = cli("--db", county.url, "import", "duties", str(path), "--unit", "县工信局")

    assert again.code == 0, again.err
    assert _count(county, Duty) == 3
    assert _count(county, WorkLogEntry) == 1


def test_case_export_made_by_libreoffice(cli, county):
    result = cli(
        "--db",
        county.url,
        "import",
        "cases",
        str(FIXTURES / "cases.xls"),
        "--channel",
        "hotline",
        "--json",
    )

    assert result.code == 0, result.err
    assert result.json()["rows"] == 3
    used = result.json()["columns"][0]["used"]
    assert "工单编号" in used and "承办单位" in used, "every import says which columns it read"
    figures = cli(
        "--db",
        county.url,
        "analyze",
        "cases",
        "--unit",
        "县工信局",
        "--channel",
        "hotline",
        "--from",
        "2024-01-01",
        "--to",
        "2024-12-31",
        "--json",
    ).json()
    assert figures["cases"] == 2
    assert figures["on_time_rate"] == 0.5, "closed 14 March against a 13 March deadline"
    assert figures["satisfaction_rate"] == 1.0


def test_cases_of_other_units_are_skipped_and_counted(cli, county):
    result = cli(
        "--db",
        county.url,
        "import",
        "cases",
        str(FIXTURES / "cases.xls"),
        "--channel",
        "hotline",
        "--unit",
        "县总工会",
    )

    assert result.code == 0, result.err
    assert "1 rows imported" in result.out
    assert "2 rows of other units skipped" in result.out


def test_reimporting_cases_never_doubles(cli, county):
    for _ in range(2):
        cli(
            "--db",
            county.url,
            "import",
            "cases",
            str(FIXTURES / "cases.xls"),
            "--channel",
            "hotline",
        )

    assert _count(county, Case) == 3


def test_peer_questionnaires(cli, county):
    result = cli(
        "--db",
        county.url,
        "import",
        "survey",
        str(FIXTURES / "questionnaire.xlsx"),
        "--kind",
        "peer",
        "--json",
    )

    assert result.code == 1, "HP-003 leaves 第三题 blank"
    assert "第三题（30分）: required, but empty" in result.err
    assert _count(county, SurveyResponse) == 0


def _peer_book(path: Path, rows) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "互评问卷"
    sheet.append(["问卷编号", "评价单位", "被评价单位", "第1题（50分）", "第2题（50分）", "总分"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_peer_scores_come_out_of_an_import(cli, county, tmp_path):
    path = _peer_book(
        tmp_path / "互评.xlsx",
        [
            ["HP-1", "沂城街道", "县工信局", 50, 49.5, 99.5],
            ["HP-2", "县审计局", "县工信局", 49, 50, None],
            ["HP-3", "沂城街道", "县总工会", 50, 50, 100],
        ],
    )

    assert cli("--db", county.url, "import", "survey", str(path), "--kind", "peer").code == 0
    figures = cli("--db", county.url, "analyze", "peer", "--unit", "县工信局", "--json").json()

    assert figures["peer_score"] == 99.25
    assert (figures["peer_responses"], figures["peer_departments"]) == (2, 2)
    assert _count(county, SurveyAnswer) == 6


def test_peer_rows_above_the_maximum_or_with_wrong_totals_are_refused(cli, county, tmp_path):
    path = _peer_book(
        tmp_path / "互评.xlsx",
        [
            ["HP-1", "沂城街道", "县工信局", 51, 49, None],
            ["HP-2", "县审计局", "县工信局", 49, 50, 98],
            ["HP-3", "县审计局", "县不存在局", 49, 50, None],
        ],
    )

    result = cli("--db", county.url, "import", "survey", str(path), "--kind", "peer")

    assert result.code == 1
    assert "互评问卷!2: 第1题（50分）: 51 is above the item's maximum 50" in result.err
    assert "互评问卷!3: 总分: total 98 differs from the sum of the items 99" in result.err
    assert "互评问卷!4: 被评价单位: no such unit: 县不存在局" in result.err


def test_staff_questionnaires_need_a_unit_and_the_1_to_5_scale(cli, county, tmp_path):
    book = Workbook()
    book.active.append(["问卷编号", "第1题", "第2题"])
    book.active.append(["ZP1", 5, 4])
    book.active.append(["ZP2", 6, 4])
    book.save(tmp_path / "职工.xlsx")
    path = str(tmp_path / "职工.xlsx")

    no_unit = cli("--db", county.url, "import", "survey", path, "--kind", "staff")
    bad = cli("--db", county.url, "import", "survey", path, "--kind", "staff", "--unit", "县工信局")

    assert no_unit.code == 1 and "--unit" in no_unit.err
    assert bad.code == 1 and "6 is not an answer on the 1–5 scale" in bad.err


def test_a_unit_cell_holding_a_number_a_date_or_a_boolean_is_read_as_its_text(
    cli, county, tmp_path
):
    """Before: TypeError in clean_name, a traceback for the user."""
    peer = _peer_book(
        tmp_path / "互评.xlsx",
        [
            ["HP-1", date(2024, 3, 5), 42, 50, 50, 100],
            ["HP-2", True, "县工信局", 50, 50, 100],
        ],
    )
    book = Workbook()
    book.active.append(["工单编号", "承办单位", "受理时间"])
    book.active.append(["GD-1", date(2024, 3, 5), date(2024, 3, 1)])
    book.active.append(["GD-2", 42.0, date(2024, 3, 1)])
    book.save(tmp_path / "工单.xlsx")

    surveys = cli("--db", county.url, "import", "survey", str(peer), "--kind", "peer")
    cases = cli(
        "--db", county.url, "import", "cases", str(tmp_path / "工单.xlsx"), "--channel", "hotline"
    )

    assert surveys.code == 1 and "Traceback" not in surveys.err
    assert "互评问卷!2: 被评价单位: no such unit: 42" in surveys.err
    assert cases.code == 0, cases.err
    assert _count(county, SurveyResponse) == 0
    with county.read() as session:
        names = session.scalars(select(Case.unit_name).order_by(Case.case_no)).all()
    assert names == ["2024-03-05", "42"]


def test_a_response_without_any_answer_writes_no_empty_answer_row(cli, county, tmp_path):
    """Before: the answers of such a file were an empty list, and inserting it wrote one
    row of nulls on SQLite (PostgreSQL refuses it with a traceback)."""
    book = Workbook()
    book.active.append(["问卷编号", "第1题", "第2题"])
    book.active.append(["ZP1", None, None])
    book.save(tmp_path / "职工.xlsx")

    result = cli(
        "--db", county.url, "import", "survey", str(tmp_path / "职工.xlsx"),
        "--kind", "staff", "--unit", "县工信局",
    )  # fmt: skip

    assert result.code == 0, result.err
    assert _count(county, SurveyResponse) == 1
    assert _count(county, SurveyAnswer) == 0
