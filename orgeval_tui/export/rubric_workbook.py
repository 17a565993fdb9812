"""An evaluation's rubric (指标体系) as a workbook an office edits in Excel or WPS and
gives back to `orgeval rubric import` (services/rubric_sheet.py reads it).

Three sheets, in the user's language: the indicators, one row each under a title and a
note (the header is the third row; its names are ``ingest.aliases.RUBRIC_ALIASES``, so
the writer and the reader cannot drift apart); the grade bands (优秀, 良好, 合格 and their
lowest totals); and the instructions: what each column takes, in words. A group's row
(an indicator with indicators under it) is bold, its name indented by its depth, and has
only its code, name, parent and the sum of its leaves' maxima. The kind and veto cells
offer their words in a drop-down list (a hint only: the identifiers are read too).

Texts go through ``ledger_workbook.write_text`` (never a formula) and the file is saved
by ``ledger_workbook.save_atomically`` (never half a workbook).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..analytics.rubric_rules import FIGURE_IDS, GRADES, KINDS
from ..i18n import current_language, t
from ..ingest.aliases import rubric_header
from ..ingest.rubric_words import (
    bands_text,
    categories_text,
    figure_word,
    grade_word,
    kind_word,
    veto_word,
)
from .ledger_workbook import (
    FONT_NAME,
    HEADER_FILL,
    one_page_wide,
    save_atomically,
    text_width,
    write_text,
)

if TYPE_CHECKING:
    from ..analytics.rubric_rules import Indicator, Rubric

HEADER_ROW = 3
GROUP_FILL = "F2F2F2"
# Rows below the last indicator that still offer the drop-down lists, for rows added.
ROOM_FOR_MORE = 200


@dataclass(frozen=True)
class Column:
    field: str  # RUBRIC_ALIASES id
    width: int  # character cells (a CJK character counts two)
    wrap: bool = False
    number: bool = False


COLUMNS = (
    Column("rubric_code", 8),
    Column("rubric_name", 22, wrap=True),
    Column("rubric_parent", 10),
    Column("rubric_max", 8, number=True),
    Column("rubric_kind", 12),
    Column("rubric_per_instance", 10, number=True),
    Column("rubric_categories", 18, wrap=True),
    Column("rubric_figure", 16, wrap=True),
    Column("rubric_bands", 26, wrap=True),
    Column("rubric_veto", 9),
    Column("rubric_standard", 60, wrap=True),
)


def cells(indicator: Indicator, depth: int, language: str) -> dict[str, object]:
    """The row of one indicator: field → cell value (None for an empty cell)."""
    leaf = indicator.kind is not None
    row: dict[str, object] = {
        "rubric_code": indicator.code,
        "rubric_name": indicator.name,
        "rubric_parent": indicator.parent,
        "rubric_max": indicator.maximum,
    }
    if not leaf:
        return row
    row["rubric_kind"] = kind_word(indicator.kind, language)
    row["rubric_veto"] = veto_word(indicator.veto, language)
    row["rubric_standard"] = indicator.standard
    if indicator.kind == "deduction":
        row["rubric_per_instance"] = indicator.per_instance
        row["rubric_categories"] = categories_text(indicator.categories) or None
    elif indicator.kind == "figure":
        row["rubric_figure"] = figure_word(indicator.figure, language)
        row["rubric_bands"] = bands_text(indicator.bands)
    return row


def write_rubric(path: Path, rubric: Rubric, evaluation: str) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.properties.creator = "orgeval"
    workbook.properties.title = t("rubric_excel.title", evaluation=evaluation)
    language = current_language()
    _indicators_sheet(workbook.active, rubric, evaluation, language)
    _grades_sheet(workbook.create_sheet(), rubric, language)
    _notes_sheet(workbook.create_sheet(), language)
    save_atomically(workbook, path)


def _styles():
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="808080")
    return {
        "grid": Border(left=thin, right=thin, top=thin, bottom=thin),
        "body": Font(name=FONT_NAME, size=10),
        "bold": Font(name=FONT_NAME, size=10, bold=True),
        "title": Font(name=FONT_NAME, size=16, bold=True),
        "note": Font(name=FONT_NAME, size=10, color="595959"),
        "header_fill": PatternFill("solid", fgColor=HEADER_FILL),
        "group_fill": PatternFill("solid", fgColor=GROUP_FILL),
        "centre": Alignment(horizontal="center", vertical="center", wrap_text=True),
    }


def _title(sheet, title: str, note: str, last_column: str, style) -> None:
    from openpyxl.styles import Alignment

    sheet.merge_cells(f"A1:{last_column}1")
    write_text(sheet["A1"], title)
    sheet["A1"].font = style["title"]
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 30
    sheet.merge_cells(f"A2:{last_column}2")
    write_text(sheet["A2"], note)
    sheet["A2"].font = style["note"]
    sheet["A2"].alignment = Alignment(vertical="center", wrap_text=True)
    sheet.row_dimensions[2].height = 32


def _header(sheet, names: list[str], style) -> None:
    for index, name in enumerate(names, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=index)
        write_text(cell, name)
        cell.font, cell.fill, cell.border = style["bold"], style["header_fill"], style["grid"]
        cell.alignment = style["centre"]
    sheet.row_dimensions[HEADER_ROW].height = 30


def _lines(text: str, width: int) -> int:
    """Lines a wrapped text takes in a column ``width`` cells wide (an estimate)."""
    room = max(1, width - 1)
    return sum(max(1, -(-text_width(line) // room)) for line in str(text).split("\n"))


def _indicators_sheet(sheet, rubric: Rubric, evaluation: str, language: str) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    style = _styles()
    sheet.title = t("rubric_excel.sheet.indicators")
    last_column = get_column_letter(len(COLUMNS))
    _title(
        sheet,
        t("rubric_excel.title", evaluation=evaluation),
        t("rubric_excel.note.indicators", notes=t("rubric_excel.sheet.notes")),
        last_column,
        style,
    )
    _header(sheet, [rubric_header(c.field, language) for c in COLUMNS], style)
    depth = {code: len(rubric.ancestors(code)) for code in rubric.by_code()}
    row = HEADER_ROW
    for indicator in rubric.indicators:
        row += 1
        values = cells(indicator, depth[indicator.code], language)
        group = indicator.kind is None
        lines = 1
        for index, column in enumerate(COLUMNS, start=1):
            cell = sheet.cell(row=row, column=index)
            value = values.get(column.field)
            if isinstance(value, str):
                write_text(cell, value)
                if column.wrap:
                    lines = max(lines, _lines(value, column.width))
            elif value is not None:
                cell.value = value
            cell.border = style["grid"]
            cell.font = style["bold"] if group else style["body"]
            if group:
                cell.fill = style["group_fill"]
            indent = depth[indicator.code] if column.field == "rubric_name" else 0
            horizontal = "center" if column.number or column.field == "rubric_veto" else "left"
            cell.alignment = Alignment(
                horizontal=horizontal, vertical="top", wrap_text=column.wrap, indent=indent
            )
        # Not every spreadsheet fits a row to its wrapped text on opening: say it here.
        sheet.row_dimensions[row].height = min(409, 14 * lines + 4)
    for index, column in enumerate(COLUMNS, start=1):
        header = rubric_header(column.field, language)
        sheet.column_dimensions[get_column_letter(index)].width = max(
            column.width, text_width(header) + 2
        )
    _choices(sheet, "rubric_kind", [kind_word(kind, language) for kind in KINDS], row)
    veto = [veto_word(True, language), veto_word(False, language)]
    _choices(sheet, "rubric_veto", veto, row)
    sheet.freeze_panes = f"C{HEADER_ROW + 1}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    _print_setup(sheet)


def _choices(sheet, field: str, words: list[str], last_row: int) -> None:
    """A drop-down list of the words a column takes; typing anything else is allowed
    (the import reads the identifiers too, and says what it cannot read)."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    index = next(i for i, c in enumerate(COLUMNS, start=1) if c.field == field)
    letter = get_column_letter(index)
    listed = ",".join(words)
    validation = DataValidation(
        type="list", formula1=f'"{listed}"', allow_blank=True, showErrorMessage=False
    )
    sheet.add_data_validation(validation)
    validation.add(f"{letter}{HEADER_ROW + 1}:{letter}{last_row + ROOM_FOR_MORE}")


def _print_setup(sheet, orientation: str = "landscape") -> None:
    """One page wide, on A4."""
    one_page_wide(sheet, orientation, sheet.PAPERSIZE_A4)


def _grades_sheet(sheet, rubric: Rubric, language: str) -> None:
    style = _styles()
    sheet.title = t("rubric_excel.sheet.grades")
    _title(sheet, t("rubric_excel.sheet.grades"), t("rubric_excel.note.grades"), "B", style)
    _header(sheet, [rubric_header(f, language) for f in ("grade_name", "grade_lowest")], style)
    for offset, grade in enumerate(GRADES, start=1):
        name = sheet.cell(row=HEADER_ROW + offset, column=1)
        write_text(name, grade_word(grade, language))
        lowest = sheet.cell(row=HEADER_ROW + offset, column=2, value=rubric.grades[grade])
        for cell in (name, lowest):
            cell.font, cell.border = style["body"], style["grid"]
            cell.alignment = style["centre"]
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 30
    sheet.row_dimensions[2].height = 48
    _print_setup(sheet, "portrait")


def _notes_sheet(sheet, language: str) -> None:
    from openpyxl.styles import Alignment

    style = _styles()
    sheet.title = t("rubric_excel.sheet.notes")
    wrap = Alignment(vertical="top", wrap_text=True)
    kinds = {kind: kind_word(kind, language) for kind in KINDS}
    figures = t("rubric_excel.or").join(
        f"{figure_word(f, language)} ({f})" for f in sorted(FIGURE_IDS)
    )
    paragraphs = [
        t("rubric_excel.notes.about", indicators=t("rubric_excel.sheet.indicators")),
        t("rubric_excel.notes.rows"),
        t("rubric_excel.notes.sum"),
        t("rubric_excel.notes.kinds", **kinds),
        t("rubric_excel.notes.bands", figure=kinds["figure"]),
        t("rubric_excel.notes.figures", figures=figures),
        t("rubric_excel.notes.veto", yes=veto_word(True, language), no=veto_word(False, language)),
        t("rubric_excel.notes.grades", grades=t("rubric_excel.sheet.grades")),
        t("rubric_excel.notes.import"),
    ]
    write_text(sheet["A1"], t("rubric_excel.sheet.notes"))
    sheet["A1"].font = style["title"]
    sheet.row_dimensions[1].height = 30
    width = 72
    sheet.column_dimensions["A"].width = width
    for row, paragraph in enumerate(paragraphs, start=2):
        cell = sheet.cell(row=row, column=1)
        write_text(cell, paragraph)
        cell.font, cell.alignment = style["body"], wrap
        sheet.row_dimensions[row].height = 15 * _lines(paragraph, width) + 6
    _print_setup(sheet, "portrait")
