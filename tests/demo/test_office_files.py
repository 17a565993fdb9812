"""The pilot written out as the office's own files: what each file looks like to someone
opening it, and that the office's real imports read every messy cell of them. The
figures they give are tests/test_pilot_figures.py's (the demo is built from them)."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import select

from orgeval_tui.analytics import ladders
from orgeval_tui.demo.office_files import OfficeFile, write_office_files
from orgeval_tui.demo.office_files_workbook import EXPORTED_AT
from orgeval_tui.demo.pilot import add_evaluation, add_team, add_units, import_file
from orgeval_tui.demo.pilot_data import pilot_data
from orgeval_tui.models import Staff, Unit
from orgeval_tui.services.calendar import seed_calendar

ZGH, WHG, GXJ, QXJ = "县总工会", "县工人文化宫", "县工业和信息化局", "县气象局"
GENDERS = {"男": "male", "女": "female"}
# GB 11643's weights, 2^(17-i) mod 11, and check characters, written out.
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECKS = "10X98765432"
TIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")


# --- the files, written once for the module ------------------------------------------


@pytest.fixture(scope="module")
def data():
    return pilot_data()


@pytest.fixture(scope="module")
def written(data, tmp_path_factory) -> tuple[Path, list[OfficeFile]]:
    folder = tmp_path_factory.mktemp("office") / "试点文件"
    return folder, write_office_files(data, folder)


def files_of(written, kind: str) -> list[OfficeFile]:
    return [f for f in written[1] if f.kind == kind]


def roster_path(written, unit: str) -> Path:
    (found,) = [f for f in files_of(written, "roster") if f.options["unit"] == unit]
    return written[0] / found.name


def sheets(path: Path) -> dict[str, list[list]]:
    """Every sheet as its rows, empty cells None (as the import reads them)."""
    with CalamineWorkbook.from_path(str(path)) as workbook:
        return {
            name: [
                [None if cell == "" else cell for cell in row]
                for row in workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
            ]
            for name in workbook.sheet_names
        }


def only_sheet(path: Path) -> list[list]:
    (rows,) = sheets(path).values()
    return rows


def roster_table(written, unit: str) -> list[dict]:
    """The roster's data rows as header → cell, the header being its third row."""
    rows = only_sheet(roster_path(written, unit))
    header = rows[2]
    people = [row for row in rows[3:] if isinstance(row[0], int | float)]  # 序号 1, 2, …
    return [dict(zip(header, row, strict=True)) for row in people]


def all_roster_rows(written) -> list[tuple[str, dict]]:
    return [
        (f.options["unit"], row)
        for f in files_of(written, "roster")
        for row in roster_table(written, f.options["unit"])
    ]


def id_of(row: dict) -> str | None:
    return next((row[h] for h in ("身份证号", "公民身份号码") if row.get(h)), None)


def birth_of(row: dict):
    return next((row[h] for h in ("出生日期", "出生年月") if row.get(h)), None)


def valid_check_digit(number: str) -> bool:
    total = sum(int(digit) * weight for digit, weight in zip(number[:17], ID_WEIGHTS, strict=True))
    return ID_CHECKS[total % 11] == number[17].upper()


def age(born: date, on: date = date(2021, 6, 30)) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def hotline_rows(written) -> list[list[str]]:
    (export,) = files_of(written, "cases")
    text = (written[0] / export.name).read_bytes().decode("gb18030")
    return list(csv.reader(io.StringIO(text, newline="")))


# --- the database they are read into -----------------------------------------------------


def load(database, data, written, *kinds: str) -> list:
    """Register the pilot's units, seed the calendar, set up the evaluation, and import
    the files of ``kinds`` (all when none is named) in the order given; the imports'
    summaries."""
    add_units(database, data)
    add_team(database, data)
    seed_calendar(database, [2020, 2021])
    add_evaluation(database, data)
    folder, files = written
    return [import_file(database, folder, f) for f in files if not kinds or f.kind in kinds]


def test_the_files_come_in_the_order_they_are_imported(written, data):
    folder, files = written

    assert [f.kind for f in files] == ["roster"] * 4 + ["duties", "cases", "survey"] + [
        "survey"
    ] * 4 + ["selfreport"] * 3
    assert [f.options for f in files_of(written, "selfreport")] == [
        {"unit": ZGH}, {"unit": GXJ}, {"unit": QXJ},
    ]  # fmt: skip
    assert [f.options for f in files_of(written, "roster")] == [{"unit": u} for u in data.staff]
    assert files_of(written, "duties")[0].options == {"unit": GXJ}
    assert files_of(written, "cases")[0].options == {"channel": "hotline"}
    surveys = [f.options for f in files_of(written, "survey")]
    assert surveys == [{"kind": "peer"}] + [
        {"kind": "staff", "unit": u} for u in (ZGH, WHG, GXJ, QXJ)
    ]
    assert sorted(p.name for p in folder.iterdir()) == sorted(f.name for f in files)
    assert files_of(written, "roster")[0].name == "在编人员信息表（县总工会）.xlsx"


def test_a_roster_is_laid_out_as_the_registry_exports_it(written, data):
    for unit, people in data.staff.items():
        path = roster_path(written, unit)
        with CalamineWorkbook.from_path(str(path)) as workbook:
            sheet = workbook.get_sheet_by_name(workbook.sheet_names[0])
            merged = sheet.merged_cell_ranges
        rows = only_sheet(path)

        assert rows[0][0] == f"{unit}在编人员信息表"
        assert ((0, 0), (0, len(rows[2]) - 1)) in merged  # the title spans the table
        assert rows[1][0].startswith(f"填报单位：{unit}") and "截至2021年6月30日" in rows[1][0]
        assert rows[2][:3] == ["序号", "姓名", "性别"]
        assert [row[0] for row in rows[3 : 3 + len(people)]] == list(range(1, len(people) + 1))
        below = rows[3 + len(people) :]
        assert all(cell is None for cell in below[0])  # a blank row, then the totals
        assert below[1][:2] == ["合计", f"{len(people)}人"]


def test_some_roster_rows_carry_an_id_number_with_a_valid_check_digit(written, data):
    rows = all_roster_rows(written)
    numbers = [id_of(row) for _unit, row in rows if id_of(row)]
    only_id = [row for _unit, row in rows if id_of(row) and not birth_of(row)]

    assert 5 <= len(numbers) < len(rows)
    assert only_id, "some people are known by their ID number alone"
    for number in numbers:
        assert isinstance(number, str) and len(number) == 18  # text: no digits lost
        assert number.startswith("371323")  # issued in 沂水县
        assert valid_check_digit(number), number
    assert any(number.endswith("X") for number in numbers)


def test_birth_dates_are_written_the_ways_offices_write_them(written):
    births = [birth_of(row) for _unit, row in all_roster_rows(written) if birth_of(row)]
    texts = [b for b in births if isinstance(b, str)]

    assert any(isinstance(b, date) for b in births)  # a date cell
    for form in (r"\d{4}-\d{2}-\d{2}", r"\d{4}/\d{2}/\d{2}", r"\d{8}", r"\d{4}\.\d{2}"):
        assert any(re.fullmatch(form, text) for text in texts), form


def test_rosters_use_the_registrys_words(written):
    rows = all_roster_rows(written)

    def column(*headers):
        return {row[h] for _unit, row in rows for h in headers if row.get(h)}

    assert column("性别") == {"男", "女"}
    assert {"本科", "大学本科", "大专", "大学专科", "硕士", "研究生"} <= column("学历", "最高学历")
    ranks = column("职级", "现职级", "职务职级")
    assert {"正科级（局长）", "副科级（副局长）", "正科级（主席）"} <= ranks
    padded = [row["姓名"] for _u, row in rows if re.search(r"\s", row["姓名"])]
    assert padded == ["魏  丽"]


def test_the_duty_workbook_has_a_catalogue_sheet_and_a_log_sheet(written, data):
    (duties,) = files_of(written, "duties")
    found = sheets(written[0] / duties.name)
    catalogue, log = found["职责目录"], found["履职记录"]

    assert list(found) == ["职责目录", "履职记录"]
    assert catalogue[0][0].startswith(GXJ) and log[0][0].startswith(GXJ)  # the titles
    assert catalogue[1] == ["序号", "职责编号", "职责名称", "所属科室", "职责类别"]
    assert len(catalogue) - 2 == len(data.duties[GXJ]) == 132
    assert {row[4] for row in catalogue[2:]} == {"业务工作", "综合事务", "其他"}
    assert log[1] == ["填报日期", "姓名", "所在科室", "职责编号", "履职次数", "工作时长（小时）"]
    assert len(log) - 2 == 12255
    assert all(isinstance(row[0], date) for row in log[2:])  # date cells, not text


def test_the_hotline_export_is_a_gb18030_csv_under_a_title(written, data):
    (export,) = files_of(written, "cases")
    raw = (written[0] / export.name).read_bytes()
    rows = hotline_rows(written)

    assert export.name.endswith(".csv")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert len(rows[0]) == 1 and "12345" in rows[0][0]  # the title, then the export time
    assert rows[1][0].startswith("导出时间")
    assert rows[2] == ["序号", "工单编号", "承办单位", "受理时间", "办理时限", "办结时间", "满意度"]
    cases = rows[3:]
    assert len(cases) == len(data.cases)
    assert [row[1] for row in cases] == [case["case_no"] for case in data.cases]
    assert {row[2] for row in cases} == {case["unit_name"] for case in data.cases}
    assert all(TIME.fullmatch(row[3]) and TIME.fullmatch(row[4]) for row in cases)
    assert {row[6] for row in cases} == {"满意", "基本满意", "不满意", "", "未评价"}


def test_the_questionnaire_tallies(written, data):
    folder = written[0]
    peer, *staff = files_of(written, "survey")
    rows = only_sheet(folder / peer.name)

    assert rows[0][0] == "部门履职情况互评调查问卷汇总表"
    header = rows[1]
    assert header[:3] == ["问卷编号", "评价单位", "被评价单位"]
    assert header[3:] == [
        f"第{n}题 {text}（{top}分）" for n, text, top in data.peer_survey["items"]
    ] + ["总分"]
    assert len(rows) - 2 == len(data.peer_survey["responses"])
    assert all(row[-1] == sum(row[3:-1]) for row in rows[2:])
    assert len({row[1] for row in rows[2:]}) == 50
    for office_file in staff:
        rows = only_sheet(folder / office_file.name)
        assert rows[0][0] == data.staff_survey["title"]
        assert office_file.options["unit"] in rows[1][0]
        header = rows[2]
        assert header[:2] == ["问卷编号", "所在科室"]
        assert header[2:] == [f"第{n}题 {text}" for n, text, _ in data.staff_survey["items"]]
        assert all(score in (1, 2, 3, 4, 5) for row in rows[3:] for score in row[2:])


def test_the_same_data_gives_the_same_bytes(written, data, tmp_path):
    folder, files = written

    again = write_office_files(data, tmp_path / "again")

    assert again == files
    for office_file in files:
        first = (folder / office_file.name).read_bytes()
        assert (tmp_path / "again" / office_file.name).read_bytes() == first, office_file.name
    # Nothing in a workbook comes from the clock: not the parts' times, not its properties.
    for office_file in files:
        if office_file.name.endswith(".xlsx"):
            with zipfile.ZipFile(folder / office_file.name) as archive:
                stamps = {info.date_time for info in archive.infolist()}
                core = archive.read("docProps/core.xml").decode()
            assert stamps == {EXPORTED_AT.timetuple()[:6]}
            assert core.count(EXPORTED_AT.strftime("%Y-%m-%dT%H:%M:%S")) == 2


# --- the files read by the office's imports --------------------------------------------------


def test_every_file_is_imported_and_nothing_is_refused(database, data, written):
    summaries = load(database, data, written)
    by_file = dict(zip((f.name for f in written[1]), summaries, strict=True))
    rosters, (duties,), (cases,), (peer, *staff) = (
        [by_file[f.name] for f in files_of(written, kind)]
        for kind in ("roster", "duties", "cases", "survey")
    )

    assert [(s.unit, s.rows) for s in rosters] == [(u, len(p)) for u, p in data.staff.items()]
    assert all(s.details["header_row"] == 3 for s in rosters)
    assert (duties.details["duties"], duties.details["entries"]) == (132, 12255)
    assert cases.rows == cases.details["linked"] == len(data.cases)
    assert (peer.rows, peer.details["departments"]) == (len(data.peer_survey["responses"]), 50)
    answered = [r["unit"] for r in data.staff_survey["responses"]]
    assert [(s.unit, s.rows) for s in staff] == [
        (u, answered.count(u)) for u in dict.fromkeys(answered)
    ]
    assert all(s.details["items"] == 25 for s in staff)
    assert not any(getattr(s, "skipped", 0) for s in summaries)
    reports = [by_file[f.name] for f in files_of(written, "selfreport")]
    assert [(r.unit, len(r.evidence), r.replaced) for r in reports] == [
        (ZGH, 5, False), (GXJ, 6, False), (QXJ, 4, False),
    ]  # fmt: skip


def test_the_roster_imports_read_the_messy_cells(database, data, written):
    """ID numbers give birth date and gender (and are not kept), a year-month is the 1st
    of the month, text dates are read as written, padded names lose their spaces."""
    load(database, data, written, "roster")
    with database.read() as session:
        stored = {
            (unit, person.name): person
            for person, unit in session.execute(
                select(Staff, Unit.name).join(Unit, Unit.id == Staff.unit_id)
            )
        }
    truth = {(unit, p["name"]): p for unit, people in data.staff.items() for p in people}
    assert stored.keys() == truth.keys()

    seen = set()
    for unit, row in all_roster_rows(written):
        person = stored[unit, "".join(row["姓名"].split())]
        expected = truth[unit, person.name]
        number, birth = id_of(row), birth_of(row)
        if number:
            from_id = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
            assert person.birth_date == from_id == expected["birth_date"]
            assert person.gender == ("male" if int(number[16]) % 2 else "female")
            seen.add("id" if birth is None else "id+month")
        elif isinstance(birth, str) and re.fullmatch(r"\d{4}\.\d{2}", birth):
            assert person.birth_date == expected["birth_date"].replace(day=1)
            assert age(person.birth_date) == age(expected["birth_date"])
            seen.add("month")
        else:
            assert person.birth_date == expected["birth_date"]
            seen.add("cell" if isinstance(birth, date) else "text")
        if row["性别"] is None:
            seen.add("gender from the ID number")
        else:
            assert person.gender == GENDERS[row["性别"]]
        assert person.gender == expected["gender"]
        assert person.education_level == expected["education_level"]
        assert person.rank_level == expected["rank_level"]
        assert not any(
            number and number in str(value) for value in vars(person).values()
        )  # the ID number is read, never stored

    assert seen == {"id", "id+month", "month", "cell", "text", "gender from the ID number"}
    head = stored[GXJ, "王德胜"]
    assert (head.rank, head.rank_level) == ("正科级（局长）", ladders.SECTION_CHIEF)
    assert (WHG, "魏丽") in stored
