"""The self-evaluation sheet's texts are written as text: a unit or evaluation name
that looks like a formula is never evaluated by Excel, LibreOffice or WPS."""

from __future__ import annotations

from openpyxl import load_workbook

from orgeval_tui.export.self_sheet_workbook import SelfSheet, write_self_sheet
from orgeval_tui.services.rubric_store import default_rubric


def test_names_that_look_like_formulas_stay_text(tmp_path):
    path = tmp_path / "sheet.xlsx"
    write_self_sheet(
        path, SelfSheet(unit='=HYPERLINK("http://x")', evaluation="+1", rubric=default_rubric())
    )

    sheet = load_workbook(path).active
    title, unit, evaluation = sheet["A1"], sheet["A2"], sheet["A3"]
    assert title.data_type == "s" and title.value == '=HYPERLINK("http://x")自评得分表'
    assert title.quotePrefix
    assert unit.data_type == "s" and unit.value == '被评估单位：=HYPERLINK("http://x")'
    assert evaluation.value == "评估项目：+1"
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row if cell.value)
