"""The self-evaluation sheet (自评得分表) as an Excel workbook, sent to a unit to fill in.

One sheet, 自评得分表: the title (the unit's name + 自评得分表), a line naming the unit
and a line naming the evaluation (both read back on import, so a sheet filled for one
unit cannot be imported as another's), the instructions, then the rubric: one row per
indicator in the rubric's order, its parts and areas as grouping rows (bold, shaded,
their maximum shown, nothing to fill in) and its leaves with 编号, 指标, 分值 and
评分标准, and the two columns the unit fills in: 自评得分 (shaded yellow, checked by
Excel/WPS as a number from 0 to the leaf's 分值 in steps of 0.5, or 不适用) and 佐证材料.
A 合计 row closes the table. The headers are ``ingest.aliases.SELF_SHEET_HEADERS``,
names the reader knows, so writer and reader cannot drift apart.

Texts go in through ``ledger_workbook.write_text`` (never a formula) and the file is
written whole or not at all (``ledger_workbook.save_atomically``). Printing: A4
portrait, one page wide, the header repeated on every page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..analytics.rubric_rules import Rubric
from ..ingest.aliases import SELF_SHEET_HEADERS
from .ledger_workbook import (
    FONT_NAME,
    HEADER_FILL,
    one_page_wide,
    save_atomically,
    text_width,
    write_text,
    zh,
)

FIELDS = (
    "rubric_code",
    "rubric_name",
    "rubric_max",
    "rubric_standard",
    "self_points",
    "evidence",
)
WIDTHS = (9, 22, 7, 52, 10, 30)
PART_FILL = "BDD7EE"
AREA_FILL = "EDEDED"
INPUT_FILL = "FFF2CC"


@dataclass(frozen=True)
class SelfSheet:
    unit: str
    evaluation: str
    rubric: Rubric


def unit_line(unit: str) -> str:
    return f"{zh('self_sheet.sheet.unit')}：{unit}"


def evaluation_line(evaluation: str) -> str:
    return f"{zh('self_sheet.sheet.evaluation')}：{evaluation}"


def write_self_sheet(path: Path, content: SelfSheet) -> None:
    save_atomically(_build(content), path)


def _height(texts_and_widths) -> float:
    """A row tall enough for its wrapped texts: spreadsheets do not all fit it on opening."""
    lines = 1
    for text, width in texts_and_widths:
        room = max(1, width - 1)
        lines = max(
            lines,
            sum(max(1, -(-text_width(line) // room)) for line in str(text).split("\n")),
        )
    return min(409, 14 * lines + 4)


def _build(content: SelfSheet):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = zh("self_sheet.sheet.name")
    title = zh("self_sheet.sheet.title").format(unit=content.unit)
    workbook.properties.title = title
    workbook.properties.creator = "orgeval"
    last = get_column_letter(len(FIELDS))
    thin = Side(style="thin", color="808080")
    grid = Border(left=thin, right=thin, top=thin, bottom=thin)
    body_font = Font(name=FONT_NAME, size=10)
    bold_font = Font(name=FONT_NAME, size=10, bold=True)
    wrap_top = Alignment(vertical="top", wrap_text=True)
    centre = Alignment(horizontal="center", vertical="top")

    def banner(row: int, text: str, font, height: float, align="left") -> None:
        sheet.merge_cells(f"A{row}:{last}{row}")
        cell = sheet[f"A{row}"]
        write_text(cell, text)
        cell.font = font
        cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=True)
        sheet.row_dimensions[row].height = height

    banner(1, title, Font(name=FONT_NAME, size=16, bold=True), 30, align="center")
    banner(2, unit_line(content.unit), bold_font, 18)
    banner(3, evaluation_line(content.evaluation), body_font, 18)
    instructions = zh("self_sheet.sheet.instructions")
    banner(4, instructions, Font(name=FONT_NAME, size=10, color="595959"), 0)
    sheet.row_dimensions[4].height = _height([(instructions, sum(WIDTHS))])
    header_row = 5

    for column, field in enumerate(FIELDS, start=1):
        cell = sheet.cell(row=header_row, column=column, value=SELF_SHEET_HEADERS[field])
        cell.font, cell.border = bold_font, grid
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.row_dimensions[header_row].height = 22

    rubric = content.rubric
    veto = zh("self_sheet.sheet.veto")
    inputs: list[tuple[str, float]] = []
    row = header_row
    for indicator in rubric.indicators:
        row += 1
        is_leaf = indicator.kind is not None
        name = indicator.name + (f"\n{veto}" if indicator.veto else "")
        values = (indicator.code, name, indicator.maximum, indicator.standard if is_leaf else "")
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=column)
            if isinstance(value, str):
                write_text(cell, value)
            else:
                cell.value = value
            cell.border = grid
            cell.alignment = centre if column == 3 else wrap_top
        for column in (5, 6):
            sheet.cell(row=row, column=column).border = grid
            sheet.cell(row=row, column=column).alignment = wrap_top
        if is_leaf:
            for column in range(1, len(FIELDS) + 1):
                sheet.cell(row=row, column=column).font = body_font
            points = sheet.cell(row=row, column=5)
            points.fill = PatternFill("solid", fgColor=INPUT_FILL)
            points.alignment = centre
            inputs.append((points.coordinate, indicator.maximum))
            sheet.row_dimensions[row].height = _height(
                [(name, WIDTHS[1]), (indicator.standard, WIDTHS[3])]
            )
        else:
            shade = PART_FILL if indicator.parent is None else AREA_FILL
            fill = PatternFill("solid", fgColor=shade)
            for column in range(1, len(FIELDS) + 1):
                cell = sheet.cell(row=row, column=column)
                cell.font, cell.fill = bold_font, fill
    row += 1
    write_text(sheet.cell(row=row, column=1), zh("self_sheet.sheet.total"))
    sheet.cell(row=row, column=3, value=sum(leaf.maximum for leaf in rubric.leaves()))
    for column in range(1, len(FIELDS) + 1):
        cell = sheet.cell(row=row, column=column)
        cell.font, cell.border = bold_font, grid
        cell.alignment = centre

    _validate_inputs(sheet, inputs, DataValidation)
    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    one_page_wide(sheet, "portrait", sheet.PAPERSIZE_A4)
    sheet.oddFooter.center.text = zh("ledger_excel.sheet.footer")
    return workbook


def _validate_inputs(sheet, inputs, DataValidation) -> None:  # noqa: N803
    """Excel and WPS check what is typed: 0 to the leaf's 分值 in steps of 0.5, or 不适用.
    The import checks the same again (a sheet may come from anywhere)."""
    na = zh("self_sheet.sheet.na")
    for coordinate, maximum in inputs:
        rule = DataValidation(
            type="custom",
            formula1=(
                f'OR({coordinate}="{na}",AND(ISNUMBER({coordinate}),{coordinate}>=0,'
                f"{coordinate}<={maximum:g},MOD({coordinate}*2,1)=0))"
            ),
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=zh("self_sheet.sheet.check_title"),
            error=zh("self_sheet.sheet.check").format(max=f"{maximum:g}"),
        )
        rule.add(coordinate)
        sheet.add_data_validation(rule)
