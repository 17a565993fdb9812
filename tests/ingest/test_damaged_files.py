"""Files that are damaged, cut off or stretched out of shape: one clear IngestError naming
the file, never a traceback, never an abort, and nothing on the terminal but that."""

from __future__ import annotations

import io
import re
import struct
import zipfile
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from orgeval_tui.i18n import set_language
from orgeval_tui.ingest import extent
from orgeval_tui.ingest.errors import IngestError
from orgeval_tui.ingest.extent import MAX_CELLS, oversized_xlsx_sheet
from orgeval_tui.ingest.workbook import read_workbook

from .helpers import FIXTURES


def _roster(path, stray: str | None = None):
    book = Workbook()
    sheet = book.active
    sheet.title = "花名册"
    sheet.append(["姓名", "性别", "出生日期", "学历", "职级"])
    sheet.append(["赵刚", "男", "1985-03-08", "本科", "一级科员"])
    if stray:
        sheet[stray] = "x"
    book.save(path)
    return path


def _error(path, capfd) -> str:
    with pytest.raises(IngestError) as caught:
        read_workbook(path)
    assert capfd.readouterr().err == ""
    return str(caught.value)


@pytest.mark.parametrize("stray", ["XFD1048576", "XFD20000", "J1048576"])
def test_a_stray_value_far_from_the_table_is_refused_with_its_cell(tmp_path, capfd, stray):
    """Before: the reader built the whole rectangle (512 GB for XFD1048576: the process
    aborted; 13 GB and a minute for XFD20000)."""
    message = _error(_roster(tmp_path / "名册.xlsx", stray), capfd)

    assert message.startswith("名册.xlsx, sheet 花名册: ")
    assert f"as far as cell {stray}" in message
    assert f"{MAX_CELLS:,}" in message and "stray value" in message


def test_a_far_value_in_a_small_rectangle_is_read(tmp_path):
    (sheet,) = read_workbook(_roster(tmp_path / "名册.xlsx", "XFD3"))

    assert len(sheet.rows) == 3 and len(sheet.rows[0]) == 16384
    assert sheet.rows[2][-1] == "x"


def test_a_formatted_empty_cell_far_away_does_not_count(tmp_path):
    path = _roster(tmp_path / "名册.xlsx")
    book = load_workbook(path)
    book.active["XFD1048576"].font = Font(bold=True)
    book.save(path)

    assert oversized_xlsx_sheet(path) is None
    (sheet,) = read_workbook(path)
    assert sheet.rows[1][0] == "赵刚"


def test_cells_with_a_namespace_prefix_are_measured_too(tmp_path):
    path = _roster(tmp_path / "名册.xlsx", "XFD1048576")
    _rewrite(path, lambda name, data: _prefixed(data) if "worksheets/" in name else data)

    name, extent = oversized_xlsx_sheet(path)

    assert name == "花名册" and extent.corner == "XFD1048576"


def _prefixed(data: bytes) -> bytes:
    data = data.replace(b"<worksheet xmlns=", b"<x:worksheet xmlns:x=")
    data = data.replace(b"</worksheet>", b"</x:worksheet>")
    for tag in (b"sheetData", b"row", b"c", b"v", b"is", b"t", b"dimension", b"sheetViews"):
        data = data.replace(b"<" + tag + b">", b"<x:" + tag + b">")
        data = data.replace(b"<" + tag + b" ", b"<x:" + tag + b" ")
        data = data.replace(b"</" + tag + b">", b"</x:" + tag + b">")
    return data


def _rewrite(path, change) -> None:
    with zipfile.ZipFile(path) as source:
        parts = [(info.filename, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts:
            target.writestr(name, change(name, data))


def _patched_zip(source: bytes, patch) -> bytes:
    data = bytearray(source)
    for signature, offset_of in ((b"PK\x03\x04", "local"), (b"PK\x01\x02", "central")):
        at = data.find(signature)
        while at != -1:
            patch(data, at, offset_of)
            at = data.find(signature, at + 4)
    return bytes(data)


def test_a_zip_member_needing_an_unknown_version_is_a_damaged_workbook(tmp_path, capfd):
    """Before: NotImplementedError ("zip file version 9.9") from the format sniffing."""

    def version(data, at, kind):
        struct.pack_into("<H", data, at + (4 if kind == "local" else 6), 99)

    for name in ("roster.xlsx", "roster.ods"):
        path = tmp_path / name
        path.write_bytes(_patched_zip((FIXTURES / name).read_bytes(), version))

        message = _error(path, capfd)

        assert message.startswith(f"{name}: the workbook is damaged"), message


def test_a_name_flagged_utf8_that_is_not_is_a_damaged_workbook(tmp_path, capfd):
    """Before: UnicodeDecodeError from the format sniffing."""

    def bad_name(data, at, kind):
        if kind == "central":
            flags = struct.unpack_from("<H", data, at + 8)[0]
            struct.pack_into("<H", data, at + 8, flags | 0x800)
            data[at + 46] = 0xFF

    path = tmp_path / "名册.xlsx"
    path.write_bytes(_patched_zip((FIXTURES / "roster.xlsx").read_bytes(), bad_name))

    assert _error(path, capfd).startswith("名册.xlsx: the workbook is damaged")


def test_a_sheet_whose_data_is_missing_is_named_with_the_reason(tmp_path, capfd):
    """Before: "cannot read the workbook (花名册)", the sheet's name given as the reason."""
    path = tmp_path / "名册.xlsx"
    path.write_bytes((FIXTURES / "roster.xlsx").read_bytes())
    with zipfile.ZipFile(path) as source:
        parts = [(i.filename, source.read(i)) for i in source.infolist()]
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts:
            if name != "xl/worksheets/sheet1.xml":
                target.writestr(name, data)

    message = _error(path, capfd)

    assert message == (
        "名册.xlsx, sheet 花名册: the sheet's data is missing or damaged: open the workbook "
        "in Excel or WPS and save it again as .xlsx"
    )


def test_a_truncated_xls_is_one_message_and_no_panic_on_the_terminal(tmp_path, capfd):
    """Before: calamine panicked, printing a Rust panic and backtrace before the error."""
    data = (FIXTURES / "roster.xls").read_bytes()
    for size in (600, 3000, 6232, 7256, 7679):
        path = tmp_path / f"名册{size}.xls"
        path.write_bytes(data[:size])

        message = _error(path, capfd)

        assert message.startswith(f"名册{size}.xls: the workbook is damaged"), message


def test_a_damaged_xls_that_makes_the_reader_panic_prints_nothing(tmp_path, capfd):
    """Whole in its container, damaged inside: the reader panics in the child process."""
    data = bytearray((FIXTURES / "roster.xls").read_bytes())
    data[1180], data[3138] = 107, 222
    path = tmp_path / "名册.xls"
    path.write_bytes(bytes(data))

    assert _error(path, capfd).startswith("名册.xls: the workbook is damaged")


def test_xls_files_are_still_read_and_errors_come_back_in_the_users_language(tmp_path, capfd):
    set_language("zh")
    (sheet,) = read_workbook(FIXTURES / "roster.xls")
    path = tmp_path / "名册.xls"
    path.write_bytes((FIXTURES / "roster.xls").read_bytes()[:3000])

    message = _error(path, capfd)

    assert sheet.rows[3][3] == "赵\u3000刚"
    assert message.startswith("名册.xls：工作簿已损坏")


def test_a_csv_field_over_the_limit_is_named_as_such(tmp_path, capfd):
    """Before: "not a workbook or CSV file"."""
    path = tmp_path / "名册.csv"
    path.write_text('姓名,说明\n赵刚,"' + "长" * 140_000 + "\n王芳,x\n", encoding="utf-8")

    message = _error(path, capfd)

    assert message.startswith("名册.csv: line 2 holds a field longer than 131,072 characters")
    assert "never closed" in message


def test_measuring_reads_the_sheet_in_chunks_across_tag_boundaries(monkeypatch):
    rows = b"".join(
        b'<row r="%d"><c r="A%d" t="s"><v>1</v></c><c r="C%d" s="1"/></row>' % (n, n, n)
        for n in range(1, 20_001)
    )
    xml = b"<worksheet><sheetData>" + rows + b'<row r="20001"><c r="B20001"><v>2</v></c></row>'
    xml += b"</sheetData></worksheet>"
    monkeypatch.setattr(extent, "_CHUNK", 997)  # a prime: chunks end inside tags

    measured = extent._measure(io.BytesIO(xml))

    assert (measured.rows, measured.columns) == (20001, 2)


def test_a_far_cell_written_with_its_reference_last_is_measured_in_any_chunk(monkeypatch):
    """Chunks after the first are searched only for cells wider than the widest so far,
    written as every writer writes them (<c r="..."); a cell written otherwise is not
    missed."""
    rows = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (n, n) for n in range(1, 3000))
    far = b'<row r="3000"><c t="s" r="XFD3000"><v>2</v></c></row>'
    xml = b"<worksheet><sheetData>" + rows + far + b"</sheetData></worksheet>"
    monkeypatch.setattr(extent, "_CHUNK", 4096)

    measured = extent._measure(io.BytesIO(xml))

    assert (measured.rows, measured.columns) == (3000, 16384)


def _date_cell_holding(path, value: bytes):
    """A roster whose birth date cell (formatted as a date) holds ``value`` as written
    in the XML; found by tests/ingest/test_bad_input.py's kind of file."""
    book = Workbook()
    book.active.title = "花名册"
    book.active.append(["姓名", "性别", "出生日期"])
    book.active.append(["赵刚", "男", date(1985, 3, 8)])
    book.active.append(["王芳", "女", -1e12])  # a number, not formatted as a date
    book.save(path)
    _rewrite(
        path,
        lambda name, data: (
            re.sub(rb'(<c r="C2"[^>]*><v>)[^<]*(</v>)', rb"\g<1>" + value + rb"\g<2>", data)
            if "worksheets/" in name
            else data
        ),
    )
    return path


@pytest.mark.parametrize("value", [b"-1e308", b"-inf", b"-123456789012345"])
def test_a_date_cell_the_reader_cannot_turn_into_a_date_is_one_message(tmp_path, capfd, value):
    """Before: the reader (calamine, through chrono) panicked on a date before 1 AD by
    some hundred million years, printing "thread panicked at ... TimeDelta::milliseconds
    out of bounds" and a stack trace on the terminal (where the TUI draws) before the
    error."""
    message = _error(_date_cell_holding(tmp_path / "名册.xlsx", value), capfd)

    assert message.startswith("名册.xlsx: the workbook is damaged"), message


def test_a_large_negative_number_in_an_ordinary_cell_is_still_read(tmp_path, capfd):
    (sheet,) = read_workbook(_date_cell_holding(tmp_path / "名册.xlsx", b"31114"))

    assert sheet.rows[1][2] == date(1985, 3, 8) and sheet.rows[2][2] == -1e12
    assert capfd.readouterr().err == ""
