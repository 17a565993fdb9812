from __future__ import annotations

import shutil
import zipfile
from datetime import date

import pytest

from orgeval_tui.domain.errors import UserError
from orgeval_tui.i18n import set_language
from orgeval_tui.ingest.errors import IngestError
from orgeval_tui.ingest.workbook import Sheet, read_workbook

from .helpers import FIXTURES

ROSTER_FILES = ["roster.xlsx", "roster.xls", "roster.ods"]
CSV_FILES = ["roster_gb18030.csv", "roster_utf8_bom.csv"]


def _error(path) -> str:
    with pytest.raises(IngestError) as caught:
        read_workbook(path)
    assert isinstance(caught.value, UserError)
    return str(caught.value)


@pytest.mark.parametrize("name", ROSTER_FILES)
def test_libreoffice_workbooks_are_read_from_cell_a1(name):
    (sheet,) = read_workbook(FIXTURES / name)

    assert sheet.name == "花名册"
    assert sheet.rows[0][0] == "县工业和信息化局在编人员信息表"
    # merged title: the value in its first cell, the rest empty
    assert sheet.rows[0][1:] == [None] * 9
    assert sheet.rows[2][3] == "姓\u3000\u3000名"
    assert sheet.rows[3][3] == "赵\u3000刚"
    assert sheet.rows[4][5] == date(1985, 3, 8)
    assert sheet.rows[5] == [None] * 10
    assert sheet.rows[9][0] == "合计"


@pytest.mark.parametrize("name", ROSTER_FILES)
def test_numbers_stay_raw(name):
    (sheet,) = read_workbook(FIXTURES / name)

    assert sheet.rows[7][5] == 19920101 and type(sheet.rows[7][5]) in (int, float)
    assert sheet.rows[3][1] == "110101198105120118"


def test_empty_cells_are_none_not_empty_strings():
    for name in ROSTER_FILES:
        (sheet,) = read_workbook(FIXTURES / name)
        assert all(value != "" for row in sheet.rows for value in row), name


def test_leading_empty_rows_and_columns_are_kept_so_positions_match_the_spreadsheet():
    instructions, roster = read_workbook(FIXTURES / "roster_second_sheet.xlsx")

    assert instructions.name == "填表说明"
    assert roster.name == "在编人员信息表"
    assert roster.rows[:3] == [[None] * 5] * 3
    assert roster.rows[3] == [None, "姓名", "性别", "出生日期", "职级"]  # B4


@pytest.mark.parametrize("name", CSV_FILES)
def test_csv_files_are_decoded_and_split(name):
    (sheet,) = read_workbook(FIXTURES / name)

    assert sheet.name == name.removesuffix(".csv")
    assert sheet.rows[0][0] == "县工业和信息化局在编人员信息表"
    assert sheet.rows[2] == [
        "序号", "身份证号码", "性别", "姓\u3000\u3000名", "备注", "出生年月", "学历", "现职级",
        "编制类型", "所在科室",
    ]  # fmt: skip
    assert sheet.rows[3][3] == "赵\u3000刚"
    assert sheet.rows[4][5] == "1985/3/8"
    assert sheet.rows[5] == [None] * 10


def test_the_gb18030_fixture_really_is_gb18030():
    data = (FIXTURES / "roster_gb18030.csv").read_bytes()

    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert (FIXTURES / "roster_utf8_bom.csv").read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        ("姓名,性别\n赵刚,男\n", "utf-8"),
        ("姓名,性别\n赵刚,男\n", "utf-8-sig"),
        ("姓名,性别\n赵刚,男\n", "gb18030"),
        ("姓名,性别\n赵刚,男\n", "utf-16"),
        ("姓名\t性别\n赵刚\t男\n", "utf-8"),
        ("姓名;性别\n赵刚;男\n", "gb18030"),
    ],
)
def test_csv_encoding_and_delimiter_are_sniffed(tmp_path, content, encoding):
    path = tmp_path / "名册.csv"
    path.write_bytes(content.encode(encoding))

    (sheet,) = read_workbook(path)

    assert sheet == Sheet("名册", [["姓名", "性别"], ["赵刚", "男"]])


def test_the_delimiter_is_judged_by_rows_not_by_a_title_or_free_text(tmp_path):
    text = (
        "县工信局 2024年度 履职记录\n"
        "姓名\t职责内容\t时长\n"
        "赵刚\t起草文件, 校对, 报送\t1.5\n"
        "王芳\t会议; 记录\t2\n"
    )
    path = tmp_path / "log.txt"
    path.write_text(text, encoding="utf-8")

    (sheet,) = read_workbook(path)

    assert sheet.rows[1] == ["姓名", "职责内容", "时长"]
    assert sheet.rows[2] == ["赵刚", "起草文件, 校对, 报送", "1.5"]


def test_quoted_csv_fields_may_hold_delimiters_and_line_breaks(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text('姓名,职责内容\n赵刚,"起草,\n报送"\n王芳,会议\n', encoding="utf-8")

    (sheet,) = read_workbook(path)

    assert sheet.rows == [["姓名", "职责内容"], ["赵刚", "起草,\n报送"], ["王芳", "会议"]]


def test_the_format_is_judged_by_content_not_by_the_extension(tmp_path):
    xls_named_xlsx = tmp_path / "导出.xlsx"
    shutil.copy(FIXTURES / "roster.xls", xls_named_xlsx)
    ods_named_xls = tmp_path / "导出.xls"
    shutil.copy(FIXTURES / "roster.ods", ods_named_xls)
    xlsx_named_csv = tmp_path / "导出.csv"
    shutil.copy(FIXTURES / "roster.xlsx", xlsx_named_csv)

    for path in (xls_named_xlsx, ods_named_xls, xlsx_named_csv):
        (sheet,) = read_workbook(path)
        assert sheet.name == "花名册", path.name
        assert sheet.rows[3][3] == "赵\u3000刚", path.name


def test_a_png_named_xlsx_is_not_a_workbook():
    assert _error(FIXTURES / "not_a_workbook.xlsx") == (
        "not_a_workbook.xlsx: not a workbook or CSV file (xlsx, xls, ods, csv)"
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("报表.xlsx", b"just some text, not a spreadsheet\n"),
        ("报表.xls", "姓名,性别\n赵刚,男\n".encode()),
        ("报表.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
        ("报表.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        ("报表.xlsx", b"PK\x03\x04 not really a zip"),
    ],
)
def test_files_that_are_not_spreadsheets_are_refused_in_one_line(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)

    assert _error(path) == f"{name}: not a workbook or CSV file (xlsx, xls, ods, csv)"


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "报告.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")

    assert _error(path) == "报告.xlsx: not a workbook or CSV file (xlsx, xls, ods, csv)"


def test_a_damaged_workbook_is_refused_without_a_traceback(tmp_path):
    path = tmp_path / "坏表.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook><sheets><sheet")
        archive.writestr("[Content_Types].xml", "<Types/>")

    message = _error(path)

    assert message.startswith("坏表.xlsx: cannot read the workbook (")
    assert message.endswith("): open it in Excel or WPS and save it again as .xlsx")
    assert "\n" not in message


def test_a_truncated_xls_is_refused_without_a_traceback(tmp_path):
    path = tmp_path / "半截.xls"
    path.write_bytes((FIXTURES / "roster.xls").read_bytes()[:1024])

    assert _error(path).startswith("半截.xls: the workbook is damaged and cannot be read")


@pytest.mark.parametrize(
    "content",
    [
        b"<html><body><table><tr><td>\xe5\xa7\x93\xe5\x90\x8d</td></tr></table></body></html>",
        b'\xef\xbb\xbf<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:'
        b'spreadsheet"></Workbook>',
        b"\r\n<table border=1><tr><td>1</td></tr></table>",
    ],
)
def test_a_web_page_posing_as_a_workbook_is_named_as_such(tmp_path, content):
    path = tmp_path / "工单导出.xls"
    path.write_bytes(content)

    assert _error(path) == (
        "工单导出.xls: a web page or XML file with a spreadsheet's name, not a workbook: "
        "open it in Excel or WPS and save it as .xlsx"
    )


def test_an_empty_file_is_refused():
    assert _error(FIXTURES / "empty.xlsx") == "empty.xlsx: the file is empty"


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b",,,\r\n,,\r\n", b"  \n\n"])
def test_a_csv_without_values_is_empty(tmp_path, content):
    path = tmp_path / "空.csv"
    path.write_bytes(content)

    assert _error(path) == "空.csv: the file is empty"


def test_a_workbook_whose_sheets_have_no_values_is_empty(tmp_path):
    source = FIXTURES / "roster.xlsx"
    path = tmp_path / "空表.xlsx"
    # The fixture with every shared string and number blanked out would need an office
    # suite; a workbook whose only sheet holds whitespace says the same thing.
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as copy:
        for item in original.infolist():
            data = original.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = (
                    b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
                    b'openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="2"><c r="B2"'
                    b' t="inlineStr"><is><t xml:space="preserve">   </t></is></c></row>'
                    b"</sheetData></worksheet>"
                )
            copy.writestr(item, data)

    assert _error(path) == "空表.xlsx: the file is empty"


def test_a_missing_file_is_refused(tmp_path):
    assert _error(tmp_path / "没有.xlsx") == "没有.xlsx: no such file"


def test_a_folder_is_refused(tmp_path):
    folder = tmp_path / "名册.xlsx"
    folder.mkdir()

    assert _error(folder) == "名册.xlsx: a folder, not a file"


def test_text_in_neither_utf8_nor_gb18030_is_refused(tmp_path):
    path = tmp_path / "乱码.csv"
    path.write_bytes("姓名,性别\n".encode() + b"\xff\xfe\xff,\x80\n")

    assert _error(path) == (
        "乱码.csv: cannot read the text: it is neither UTF-8 nor GB18030; save it as CSV UTF-8"
    )


def test_utf16_text_cut_in_the_middle_of_a_character_is_refused(tmp_path):
    path = tmp_path / "半截.txt"
    path.write_bytes("姓名\t性别\n".encode("utf-16") + b"\x00")

    assert _error(path).startswith("半截.txt: cannot read the text")


def test_a_password_protected_workbook_says_so(monkeypatch):
    import python_calamine

    def refuse(*args, **kwargs):
        raise python_calamine.PasswordError("Workbook is password protected")

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_filelike", refuse)

    assert _error(FIXTURES / "roster.xlsx") == (
        "roster.xlsx: the workbook is password-protected: remove the password and save it again"
    )


def test_a_panic_inside_the_reader_becomes_a_one_line_error(monkeypatch):
    import python_calamine

    class PanicException(BaseException):
        """What pyo3 raises when Rust code panics: not an Exception."""

    def panic(*args, **kwargs):
        raise PanicException("called `Option::unwrap()` on a `None` value\nbacktrace")

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_filelike", panic)

    # The panic's own words speak of Rust, not of the file.
    assert _error(FIXTURES / "roster.xlsx") == (
        "roster.xlsx: the workbook is damaged and cannot be read: "
        "open it in Excel or WPS and save it again as .xlsx"
    )


def test_an_interrupt_while_reading_is_not_turned_into_an_error(monkeypatch):
    import python_calamine

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_filelike", interrupt)

    with pytest.raises(KeyboardInterrupt):
        read_workbook(FIXTURES / "roster.xlsx")


def test_file_errors_follow_the_language(tmp_path):
    set_language("zh")

    assert _error(tmp_path / "没有.xlsx") == "没有.xlsx：文件不存在"
    assert _error(FIXTURES / "not_a_workbook.xlsx") == (
        "not_a_workbook.xlsx：不是工作簿或 CSV 文件（支持 xlsx、xls、ods、csv）"
    )


def test_reading_a_workbook_accepts_a_string_path():
    assert read_workbook(str(FIXTURES / "roster.xlsx"))[0].name == "花名册"
