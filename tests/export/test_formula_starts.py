"""No workbook orgeval writes holds a formula for user text: the pilot with every text a
user or a file gives starting with one of the characters a spreadsheet reads as the
start of a formula (=, +, -, @, tab, CR), then every .xlsx export written (the ledger,
the unit report, the rubric, the self-evaluation sheet) and read back cell by cell: no
cell is a formula, and each text reads back as it is in the database."""

from __future__ import annotations

import sqlite3

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

pytestmark = pytest.mark.sqlite_only

STARTS = ("=", "+", "-", "@", "\t", "\r")
WORD = "甲公式"  # after the start, so that a marked text is found among the cells
MARKED = {
    "problem": ("title", "description", "recommendation", "measures", "category"),
    "indicator": ("name", "standard"),
    "unit": ("short_name",),
    "finding": ("text",),
}
UNIT = "县工业和信息化局"


def _mark(path) -> set[str]:
    """Start the texts with the STARTS in turn, row by row; the texts as now stored."""
    texts = set()
    with sqlite3.connect(path) as connection:
        for table, columns in MARKED.items():
            rows = connection.execute(f"SELECT id, {', '.join(columns)} FROM {table}").fetchall()
            for number, (row_id, *values) in enumerate(rows):
                marked = [
                    f"{STARTS[(number + i) % len(STARTS)]}{WORD}{value or ''}"
                    for i, value in enumerate(values)
                ]
                assignments = ", ".join(f"{column} = ?" for column in columns)
                connection.execute(
                    f"UPDATE {table} SET {assignments} WHERE id = ?", (*marked, row_id)
                )
                texts.update(marked)
    return texts


def _cells(path) -> list[str]:
    """Every text cell as a spreadsheet shows it (python-calamine undoes OOXML's escapes)."""
    book = CalamineWorkbook.from_path(str(path))
    return [
        value
        for name in book.sheet_names
        for row in book.get_sheet_by_name(name).to_python()
        for value in row
        if isinstance(value, str)
    ]


def test_no_export_holds_a_formula_and_every_text_reads_back_as_stored(cli, demo_db, tmp_path):
    texts = _mark(demo_db)
    db = ("--db", str(demo_db), "--lang", "zh")
    paths = {
        "ledger": tmp_path / "台账.xlsx",
        "report": tmp_path / "报告.xlsx",
        "rubric": tmp_path / "指标.xlsx",
        "self sheet": tmp_path / "自评表.xlsx",
    }
    results = [
        cli(*db, "export", "ledger", "-o", str(paths["ledger"])),
        cli(*db, "report", "unit", UNIT, "-o", str(paths["report"])),
        cli(*db, "rubric", "export", "-o", str(paths["rubric"])),
        cli(*db, "score", "sheet", "--unit", UNIT, "-o", str(paths["self sheet"])),
    ]
    assert [r.code for r in results] == [0] * 4, [r.err for r in results]

    for what, path in paths.items():
        book = openpyxl.load_workbook(path)
        formulas = [
            f"{sheet.title}!{cell.coordinate}"
            for sheet in book.worksheets
            for row in sheet.iter_rows()
            for cell in row
            if cell.data_type == "f"
        ]
        # The report writes texts as its paragraphs have them: blank space around trimmed
        # (services/reports/words.py), so a tab or CR start is not there to keep.
        expected = {text.strip() for text in texts} if what == "report" else texts
        cells = _cells(path)
        marked = [cell for cell in cells if WORD in cell]
        exact = [cell for cell in marked if cell in expected]
        starts = {cell[0] for cell in exact}

        assert formulas == [], what
        assert starts >= (set("=+-@") if what == "report" else set(STARTS)), (what, starts)
        # A cell that holds a marked text with words around it (被评估单位：…) holds it
        # whole: nothing added before its start, no character lost.
        for cell in marked:
            assert any(text in cell for text in expected), (what, cell)
