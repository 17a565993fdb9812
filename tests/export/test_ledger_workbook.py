"""`orgeval export ledger`: the office's 台账 layout, and no text ever becomes a formula."""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
from datetime import date, datetime

import openpyxl
import pytest
from sqlalchemy import update

from orgeval_tui.ingest.workbook import read_workbook
from orgeval_tui.models import Problem

from ..services.ledger.ledger_book import (
    FORMULA_TEXTS,
    HEADER_ROW,
    SHEET,
    build_every_state,
    export,
    sheet_xml,
    styles_xml,
)

HEADERS = [
    "序号", "问题编号", "单位", "问题来源", "问题类别", "问题标题", "问题描述", "严重程度",
    "整改建议", "登记日期", "反馈日期", "整改措施", "责任人", "整改时限", "整改状态", "整改报告",
    "报告附件", "附件哈希", "报告日期", "核查人", "销号日期", "核查意见", "撤销原因", "撤销日期",
    "是否逾期",
]  # fmt: skip


@pytest.fixture
def ledger_book(office, cli, tmp_path):
    """The office's ledger with a problem in every state, exported."""
    made = build_every_state(office, tmp_path)
    path = tmp_path / "台账.xlsx"
    done = export(cli, office, path)
    return made, path, done


def _rows(path):
    sheet = openpyxl.load_workbook(path)[SHEET]
    columns = {cell.value: cell.column for cell in sheet[HEADER_ROW]}
    rows = {}
    for row in range(HEADER_ROW + 1, sheet.max_row + 1):
        number = sheet.cell(row=row, column=columns["问题编号"]).value
        rows[number] = {h: sheet.cell(row=row, column=c) for h, c in columns.items()}
    return sheet, rows


def test_the_ledger_in_the_office_layout(ledger_book):
    made, path, done = ledger_book
    sheet, rows = _rows(path)

    assert done.out.strip().startswith(f"{path}: 7 problem(s) of 2021年度评估, 1 overdue on ")
    title = sheet["A1"]
    assert title.value == "2021年度评估问题整改台账"
    assert title.font.bold and title.font.size > 11
    assert "A1:Y1" in {str(r) for r in sheet.merged_cells.ranges}  # Y: the 25th column
    assert [cell.value for cell in sheet[HEADER_ROW]] == HEADERS
    assert sheet.freeze_panes == "C4"
    assert sheet.auto_filter.ref == f"A3:Y{HEADER_ROW + len(made)}"
    assert sheet.print_title_rows == "$3:$3"
    assert sheet.page_setup.orientation == "landscape"
    assert list(rows) == list(made)
    assert [rows[n]["序号"].value for n in made] == list(range(1, len(made) + 1))


def test_labels_dates_and_states_as_the_office_reads_them(ledger_book):
    _made, path, _ = ledger_book
    _, rows = _rows(path)

    closed = rows["2021-005"]
    assert closed["单位"].value == "县总工会"
    assert closed["问题来源"].value == "办件数据"
    assert closed["严重程度"].value == "中"
    assert closed["整改状态"].value == "已销号"
    assert closed["销号日期"].value == datetime(2021, 10, 10)
    assert closed["销号日期"].number_format == "yyyy-mm-dd"
    assert closed["反馈日期"].value == datetime(2021, 7, 28)
    assert closed["核查意见"].value == "回头看：已整改，同意销号"
    assert rows["2021-001"]["整改状态"].value == "已发现"
    assert rows["2021-001"]["严重程度"].value == "高"
    assert rows["2021-002"]["问题来源"].value == "互评"
    assert rows["2021-003"]["整改时限"].value == datetime(2021, 9, 30)  # after the extension
    assert rows["2021-006"]["整改状态"].value == "已撤销"
    assert rows["2021-006"]["撤销原因"].value == "与 2021-002 重复"
    reported = rows["2021-004"]
    assert reported["报告附件"].value == "整改报告.pdf"
    assert re.fullmatch(r"[0-9a-f]{64}", reported["附件哈希"].value)
    reopened = rows["2021-007"]
    assert reopened["整改状态"].value == "整改中"
    assert reopened["整改报告"].value == "已更换全部标牌"
    assert reopened["销号日期"].value is None
    assert rows["2021-002"]["问题描述"].alignment.wrap_text
    read_back = read_workbook(path)[0].rows  # as calamine, Excel and LibreOffice read it
    description = rows["2021-002"]["问题描述"]
    assert read_back[description.row - 1][description.column - 1] == (
        "第一行：“运行监测科”仍挂旧牌\n第二行\r\n第三行，@x"
    )


def test_overdue_rows_are_marked(ledger_book):
    _made, path, _ = ledger_book
    _, rows = _rows(path)

    overdue = [n for n, row in rows.items() if row["是否逾期"].value == "是"]
    assert overdue == ["2021-003"]  # rectifying, deadline 2021-09-30 passed
    assert all(row["是否逾期"].value == "否" for n, row in rows.items() if n != "2021-003")
    marked = {n for n, row in rows.items() if row["问题标题"].fill.fgColor.rgb.endswith("FFC7CE")}
    assert marked == {"2021-003"}


def test_columns_are_as_wide_as_their_content(ledger_book):
    _made, path, _ = ledger_book
    sheet, _ = _rows(path)
    widths = {
        cell.value: sheet.column_dimensions[cell.column_letter].width for cell in sheet[HEADER_ROW]
    }

    assert widths["问题编号"] >= 10  # 2021-001
    assert widths["单位"] >= 18  # 县工业和信息化局: 8 CJK characters, 16 cells
    assert widths["问题描述"] > widths["严重程度"]
    assert max(widths.values()) <= 50


def test_texts_that_look_like_formulas_stay_texts(ledger_book, office, cli, tmp_path):
    """Written as strings with quotePrefix: no <f> in the file, nothing a spreadsheet
    would evaluate. Tabs and CRs at the start are possible in data that came from
    elsewhere; they are treated the same."""
    with office.write() as session:
        session.execute(
            update(Problem)
            .where(Problem.number == "2021-002")
            .values(title="\t=cmd|' /C calc'!A0", measures="\r=1+1")
        )
    path = tmp_path / "again.xlsx"
    export(cli, office, path)
    xml = sheet_xml(path)
    quoted = {
        index
        for index, xf in enumerate(re.findall(r"<xf [^>]*/>|<xf [^>]*>", _cell_xfs(path)))
        if 'quotePrefix="1"' in xf
    }

    assert "<f>" not in xml and "<f " not in xml
    _, rows = _rows(path)
    cells = [
        rows["2021-001"]["问题标题"],  # =1+1
        rows["2021-001"]["问题描述"],  # +86 …
        rows["2021-001"]["整改建议"],  # -5
        rows["2021-001"]["问题类别"],  # =SUM(A1:A3)
        rows["2021-002"]["问题标题"],  # \t=cmd…
        rows["2021-002"]["整改措施"],  # \r=1+1
    ]
    values = [cell.value for cell in cells]
    assert values[:3] == list(FORMULA_TEXTS[:3])
    assert values[3] == "=SUM(A1:A3)"
    assert values[4] == "\t=cmd|' /C calc'!A0"
    assert values[5] in ("\r=1+1", "_x000D_=1+1")  # openpyxl does not unescape
    for cell in cells:
        assert cell.data_type == "s"
        assert cell.quotePrefix
        written = re.search(rf'<c r="{cell.coordinate}"([^>]*)>', xml).group(1)
        assert re.search(r't="(s|inlineStr)"', written), written
        assert int(re.search(r's="(\d+)"', written).group(1)) in quoted
    assert rows["2021-002"]["问题类别"].quotePrefix is False  # 机构挂牌: an ordinary text


def _cell_xfs(path) -> str:
    return re.search(r"<cellXfs[^>]*>(.*)</cellXfs>", styles_xml(path), re.S).group(1)


@pytest.mark.sqlite_only
@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_shows_the_formula_texts_as_typed(ledger_book, tmp_path):
    _made, path, _ = ledger_book
    out = tmp_path / "csv"
    subprocess.run(
        [
            "libreoffice",
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        # A locale the machine surely has: without one LibreOffice cannot open 台账.xlsx.
        env={**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"},
    )
    with (out / "台账.csv").open(encoding="utf-8") as handle:
        rows = {row[1]: row for row in csv.reader(handle) if len(row) > 5}

    identified = rows["2021-001"]
    assert identified[5] == "=1+1"  # 问题标题, not 2
    assert identified[6] == "+86 138 0000 0000"
    assert identified[8] == "-5"
    assert identified[4] == "=SUM(A1:A3)"
    assert rows["2021-003"][24] == "是"


def test_one_unit_or_one_state(office, cli, tmp_path):
    build_every_state(office, tmp_path)
    path = tmp_path / "one.xlsx"

    done = export(cli, office, path, "--unit", "总工会", "--status", "已销号")
    _, rows = _rows(path)

    assert list(rows) == ["2021-005"]
    assert "1 problem(s)" in done.out
    sheet = openpyxl.load_workbook(path)[SHEET]
    assert "单位：总工会" in sheet["A2"].value and "整改状态：已销号" in sheet["A2"].value


def test_refusals_leave_no_file(office, cli, tmp_path, monkeypatch):
    build_every_state(office, tmp_path)
    wrong = cli("--db", office.url, "export", "ledger", "-o", str(tmp_path / "台账.xls"))
    nowhere = cli("--db", office.url, "export", "ledger", "-o", str(tmp_path / "no" / "t.xlsx"))
    unknown = cli(
        "--db", office.url, "export", "ledger", "-o", str(tmp_path / "e.xlsx"),
        "--evaluation", "2020年度评估",
    )  # fmt: skip

    assert wrong.code == 1 and "name the file *.xlsx" in wrong.err
    assert nowhere.code == 1 and "cannot write" in nowhere.err
    assert unknown.code == 1 and "no evaluation named 2020年度评估" in unknown.err
    assert "2021年度评估" in unknown.err
    assert not list(tmp_path.glob("*.xls*"))


def test_a_failed_write_keeps_the_previous_file(office, cli, tmp_path, monkeypatch):
    build_every_state(office, tmp_path)
    path = tmp_path / "台账.xlsx"
    export(cli, office, path)
    before = path.read_bytes()

    def broken(self, filename):
        with open(filename, "wb") as handle:
            handle.write(b"PK\x03\x04 half a workbook")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("openpyxl.workbook.workbook.Workbook.save", broken)
    failed = cli("--db", office.url, "export", "ledger", "-o", str(path))

    assert failed.code == 1
    assert "the disk is full" in failed.err
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if "台账" in p.name] == ["台账.xlsx"]


def test_an_empty_ledger_is_still_a_ledger(office, cli, tmp_path):
    path = tmp_path / "empty.xlsx"

    done = export(cli, office, path)

    assert "0 problem(s)" in done.out
    sheet = openpyxl.load_workbook(path)[SHEET]
    assert [cell.value for cell in sheet[HEADER_ROW]] == HEADERS
    assert sheet.max_row == HEADER_ROW


def test_the_export_json(office, cli, tmp_path):
    build_every_state(office, tmp_path)
    path = tmp_path / "台账.xlsx"

    done = cli("--db", office.url, "export", "ledger", "-o", str(path), "--json")

    document = done.json()
    assert document["rows"] == 7 and document["overdue"] == 1
    assert document["evaluation"] == "2021年度评估"
    assert date.fromisoformat(document["today"])
