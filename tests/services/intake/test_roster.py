"""Roster imports: office exports in every format, refused whole on any bad row."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from orgeval_tui.models import ImportRecord, Staff
from orgeval_tui.services.units import add_unit

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "ingest"
LIBREOFFICE_FORMATS = ["roster.xlsx", "roster.xls", "roster.ods"]
CSV_FORMATS = ["roster_gb18030.csv", "roster_utf8_bom.csv"]
EXPECTED_STAFF = [
    ("赵刚", "male", date(1981, 5, 12), "大学本科", 4, "正科级", 3, "行政编制"),
    ("王芳", "female", date(1985, 3, 8), "硕士研究生", 5, "一级主任科员", 3, "行政编制"),
    ("李明", "male", date(1990, 7, 15), "大专", 3, "一级科员", 1, "事业编制"),
    ("陈静", "female", date(1992, 1, 1), "本科（在职）", 4, "四级主任科员", 2, "行政编制"),
    ("张伟", "male", date(1975, 11, 20), "高中", 2, "办事员", 1, "工勤编制"),
]


@pytest.fixture
def bureau(database):
    add_unit(database, "县工业和信息化局", short_name="县工信局")
    return database


def _staff(database):
    with database.read() as session:
        rows = session.execute(
            select(
                Staff.name,
                Staff.gender,
                Staff.birth_date,
                Staff.education,
                Staff.education_level,
                Staff.rank,
                Staff.rank_level,
                Staff.establishment_kind,
            ).order_by(Staff.id)
        ).all()
    return [tuple(r) for r in rows]


def _count(database, model):
    with database.read() as session:
        return session.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize("name", LIBREOFFICE_FORMATS + CSV_FORMATS)
def test_office_exports_import_the_same_staff(cli, bureau, name):
    result = cli("--db", bureau.url, "import", "roster", str(FIXTURES / name), "--unit", "县工信局")

    assert result.code == 0, result.err
    assert "5 rows imported" in result.out
    assert _staff(bureau) == EXPECTED_STAFF


def test_the_roster_can_sit_on_a_later_sheet(cli, bureau):
    result = cli(
        "--db",
        bureau.url,
        "import",
        "roster",
        str(FIXTURES / "roster_second_sheet.xlsx"),
        "--unit",
        "县工信局",
    )

    assert result.code == 0, result.err
    assert _count(bureau, Staff) > 0


def test_reimporting_replaces_and_never_doubles(cli, bureau):
    path = str(FIXTURES / "roster.xlsx")
    cli("--db", bureau.url, "import", "roster", path, "--unit", "县工信局")

    again = cli("--db", bureau.url, "import", "roster", path, "--unit", "县工信局", "--json")

    assert again.code == 0, again.err
    assert again.json()["replaced"] == 5
    assert _count(bureau, Staff) == 5
    with bureau.read() as session:
        records = session.scalars(select(ImportRecord).order_by(ImportRecord.id)).all()
    assert [(r.kind, r.file_name, r.rows) for r in records] == [("roster", "roster.xlsx", 5)] * 2
    assert len(records[0].file_hash) == 64 and records[0].file_hash == records[1].file_hash
    assert records[0].actor


def test_dry_run_writes_nothing(cli, bureau):
    result = cli(
        "--db",
        bureau.url,
        "import",
        "roster",
        str(FIXTURES / "roster.ods"),
        "--unit",
        "县工信局",
        "--dry-run",
        "--json",
    )

    assert result.code == 0, result.err
    summary = result.json()
    assert (summary["rows"], summary["dry_run"]) == (5, True)
    assert _count(bureau, Staff) == 0
    assert _count(bureau, ImportRecord) == 0


@pytest.mark.sqlite_only
def test_identity_numbers_are_never_stored(cli, bureau):
    cli("--db", bureau.url, "import", "roster", str(FIXTURES / "roster.xlsx"), "--unit", "县工信局")
    bureau.dispose()
    stored = b"".join(p.read_bytes() for p in Path(bureau.engine.url.database).parent.glob("*"))

    assert b"110101198105120118" not in stored
    assert "110101198105120118".encode("utf-16-le") not in stored


def _roster_book(path: Path, rows: list[list]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "花名册"
    sheet.append(["县工业和信息化局在编人员信息表"])
    sheet.append(["姓名", "性别", "出生日期", "身份证号", "学历", "职级"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_bad_rows_are_all_listed_and_nothing_is_written(cli, bureau, tmp_path):
    good = str(FIXTURES / "roster.xlsx")
    assert cli("--db", bureau.url, "import", "roster", good, "--unit", "县工信局").code == 0
    before = _staff(bureau)
    bad = _roster_book(
        tmp_path / "名册.xlsx",
        [
            ["赵刚", "男", "1981-05-12", "110101198105120118", "大学本科", "正科级"],
            ["王芳", "女", "1985-13-08", None, "硕士研究生", "一级主任科员"],
            ["李明", "男", None, "110101199007150319", "大专", "一级科员"],
            [None, "女", "1990-01-01", None, "本科", "科员"],
            ["陈静", "女", "1992-01-01", None, "扫盲班", "科员"],
        ],
    )

    result = cli("--db", bureau.url, "import", "roster", str(bad), "--unit", "县工信局")

    assert result.code == 1
    lines = result.err.splitlines()
    assert lines[0].startswith("orgeval: error: 名册.xlsx: not imported, 4 problem(s)")
    assert lines[1].startswith("花名册!4: 出生日期: ")
    assert lines[2].startswith("花名册!5: 身份证号: ")
    assert "check digit" in lines[2] and "110101199007150319" not in lines[2]
    assert lines[3] == "花名册!6: 姓名: required, but empty"
    assert lines[4].startswith("花名册!7: 学历: ")
    assert "Traceback" not in result.err
    assert _staff(bureau) == before
    assert _count(bureau, ImportRecord) == 1


def test_birth_date_must_agree_with_the_id_number(cli, bureau, tmp_path):
    bad = _roster_book(
        tmp_path / "名册.xlsx",
        [
            ["赵刚", "男", "1981-05-13", "110101198105120118", "大学本科", "正科级"],
        ],
    )

    result = cli("--db", bureau.url, "import", "roster", str(bad), "--unit", "县工信局")

    assert result.code == 1
    assert "花名册!3: 出生日期: 1981-05-13 does not match" in result.err


def test_birth_date_comes_from_the_id_number_when_absent(cli, bureau, tmp_path):
    path = _roster_book(
        tmp_path / "名册.xlsx",
        [
            ["赵刚", None, None, "110101198105120118", "大学本科", "正科级"],
        ],
    )

    assert cli("--db", bureau.url, "import", "roster", str(path), "--unit", "县工信局").code == 0

    assert _staff(bureau)[0][:3] == ("赵刚", "male", date(1981, 5, 12))


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("roster_missing_column.xlsx", "has neither a birth-date nor an ID-number column"),
        ("not_a_workbook.xlsx", "not_a_workbook.xlsx: not a workbook or CSV file"),
        ("empty.xlsx", "empty.xlsx: the file is empty"),
        ("no-such-file.xlsx", "no-such-file.xlsx: no such file"),
    ],
)
def test_unreadable_files_get_one_line_and_change_nothing(cli, bureau, name, message):
    result = cli("--db", bureau.url, "import", "roster", str(FIXTURES / name), "--unit", "县工信局")

    assert result.code == 1
    assert message in result.err
    assert result.err.count("\n") == 1
    assert _count(bureau, Staff) == 0
    assert _count(bureau, ImportRecord) == 0


def test_a_missing_required_column_is_named(cli, bureau, tmp_path):
    book = Workbook()
    book.active.append(["性别", "出生日期"])
    book.active.append(["男", "1981-05-12"])
    book.save(tmp_path / "名册.xlsx")

    result = cli(
        "--db", bureau.url, "import", "roster", str(tmp_path / "名册.xlsx"), "--unit", "县工信局"
    )

    assert result.code == 1
    assert "名册.xlsx" in result.err and "姓名" in result.err


def test_an_unknown_unit_is_refused(cli, bureau):
    result = cli(
        "--db", bureau.url, "import", "roster", str(FIXTURES / "roster.xlsx"), "--unit", "县财政局"
    )

    assert result.code == 1
    assert "no such unit: 县财政局" in result.err
