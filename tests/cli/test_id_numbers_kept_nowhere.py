"""Resident ID numbers (身份证号) of an imported roster are read for the birth date and
gender and then dropped (ingest/idnumber.py): none is in the database file, in its
write-ahead log while the import's pages are still there, in a backup, or in any file
orgeval writes (the ledger workbook, every report in Word and Excel, the rubric, the
self-evaluation sheet), in any of its forms: 18 characters, 15 digits, or a number."""

from __future__ import annotations

import sqlite3
import struct
import zipfile
from datetime import date

import pytest
from openpyxl import Workbook

from orgeval_tui.ingest.workbook import read_workbook
from tests.ingest.helpers import check_char, make_id

pytestmark = pytest.mark.sqlite_only

UNIT = "县总工会"
# Staff of the roster written here: an 18-character number with an X check character,
# ordinary 18-digit ones, and a 15-digit number of the old form.
PEOPLE = [
    ("赵身份", "男", date(1968, 10, 15), 101),
    ("钱身份", "女", date(1975, 3, 2), 202),
    ("孙身份", "男", date(1982, 12, 31), 303),
]


def _x_id(born: date) -> str:
    sequence = 1
    while not make_id(born, sequence).endswith("X"):
        sequence += 2  # odd: a man
    return make_id(born, sequence)


def _fifteen(born: date, sequence: int) -> str:
    return f"371323{born:%y%m%d}{sequence:03d}"


def _eighteen(fifteen: str) -> str:
    first17 = f"{fifteen[:6]}19{fifteen[6:]}"
    return first17 + check_char(first17)


def _roster(path) -> list[str]:
    """Write the roster; the ID numbers in it, in every form each can take."""
    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "性别", "出生日期", "身份证号", "所在科室"])
    written = []
    for (name, gender, born, sequence), kind in zip(PEOPLE, ("x", "18", "15"), strict=True):
        if kind == "x":
            number = _x_id(born)
        elif kind == "18":
            number = make_id(born, sequence, region="371323")
        else:
            number = _fifteen(born, sequence)
        sheet.append([name, gender, born, number, "办公室"])
        written.append(number)
    book.save(path)
    forms = []
    for number in written:
        forms.append(number)
        if len(number) == 15:
            forms.append(_eighteen(number))
    return forms


def _pilot_ids(practice_files) -> list[str]:
    """The ID numbers in the pilot's rosters (two of its four give them)."""
    found = []
    for path in sorted(practice_files.glob("在编人员信息表*.xlsx")):
        for sheet in read_workbook(path):
            for row in sheet.rows:
                found += [v for v in row if isinstance(v, str) and len(v) == 18 and v[:6].isdigit()]
    return found


def _needles(numbers: list[str]) -> list[bytes]:
    """What to look for: the text in UTF-8 and UTF-16, and a number of digits only as
    SQLite or a workbook would hold it as a number (8-byte integer, double)."""
    needles = []
    for number in numbers:
        needles += [number.encode(), number.encode("utf-16-le"), number.lower().encode()]
        if number.isdigit():
            needles += [struct.pack(">q", int(number)), struct.pack(">d", float(number))]
            needles += [struct.pack("<d", float(number))]
    return needles


def _contents(path) -> list[tuple[str, bytes]]:
    """The file's bytes, and each member of it decompressed when it is a zip (docx, xlsx)."""
    data = path.read_bytes()
    parts = [(path.name, data)]
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            parts += [(f"{path.name}:{name}", archive.read(name)) for name in archive.namelist()]
    return parts


def _found(paths, numbers) -> list[str]:
    needles = _needles(numbers)
    return [
        f"{where}: {needle!r}"
        for path in paths
        for where, data in _contents(path)
        for needle in needles
        if needle in data
    ]


def test_no_id_number_is_kept_in_the_database_its_log_or_any_export(
    cli, demo_db, practice_files, tmp_path
):
    roster = tmp_path / "在编人员信息表（身份证）.xlsx"
    numbers = _roster(roster) + _pilot_ids(practice_files)
    db = ("--db", str(demo_db), "--lang", "zh")
    # A second connection keeps the write-ahead log from being folded into the file and
    # removed when the command closes its own.
    holder = sqlite3.connect(demo_db)
    holder.execute("SELECT count(*) FROM unit").fetchone()
    try:
        imported = cli(*db, "import", "roster", str(roster), "--unit", UNIT)
        pilot = sorted(practice_files.glob("在编人员信息表（县工业和信息化局）.xlsx"))[0]
        again = cli(*db, "import", "roster", str(pilot), "--unit", "县工业和信息化局")
        wal = demo_db.with_name(demo_db.name + "-wal")
        log = wal.read_bytes()
        written = [demo_db, wal]
    finally:
        holder.close()
    out = tmp_path / "out"
    out.mkdir()
    commands = [
        ("export", "ledger", "-o", str(out / "台账.xlsx")),
        ("report", "unit", UNIT, "-o", str(out / "报告.docx")),
        ("report", "unit", UNIT, "-o", str(out / "报告.xlsx")),
        ("report", "unit", "县工业和信息化局", "-o", str(out / "工信报告.xlsx")),
        ("report", "feedback", UNIT, "-o", str(out / "反馈函.docx")),
        ("report", "summary", "-o", str(out / "专报.docx")),
        ("rubric", "export", "-o", str(out / "指标.xlsx")),
        ("score", "sheet", "--unit", UNIT, "-o", str(out / "自评表.xlsx")),
        ("backup", "-o", str(out / "备份.db")),
    ]
    results = [cli(*db, *command) for command in commands]

    assert imported.code == 0, imported.err
    assert again.code == 0, again.err
    assert [r.code for r in results] == [0] * len(commands), [r.err for r in results]
    # The log holds the import's pages (the staff's names are there): the search can find.
    assert "赵身份".encode() in log and "孙身份".encode() in log
    exports = sorted(out.iterdir())
    assert len(exports) == len(commands)
    assert len(numbers) >= 10
    assert _found([*written, *exports], numbers) == []
    # What it looks for is found where it is: in the roster itself.
    assert _found([roster], numbers[:4])
