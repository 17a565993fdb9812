"""The problem ledger (问题台账) as an Excel workbook in the office's layout.

One sheet, 问题台账: a title row (the evaluation's name + 问题整改台账, merged across the
columns), a line saying as of which day overdue is marked and what was selected, then
one header row and one row per problem. Every field of a problem that
`orgeval import ledger` needs to restore it is a column (services/intake/ledger.py reads
the sheet back); the headers are the first names of ``ingest.aliases.LEDGER_ALIASES``,
so the writer and the reader cannot drift apart. 序号 and 是否逾期 are for people and
are not read back.

How it looks: the header is frozen (with 序号 and 问题编号 at the left), an auto-filter
covers header and data, columns are as wide as their content (a CJK character counts
two) up to a cap, long texts wrap, dates are real dates shown yyyy-mm-dd, source, status
and severity are their Chinese labels (the i18n catalogue's), and overdue problems
(``facts.is_overdue`` on the day of the export) have a red fill and 是否逾期 = 是;
withdrawn ones are grey. Printing: A3 landscape, one page wide, the header repeated on
every page, page numbers in the footer.

Safety: a text beginning with ``=``, ``+``, ``-``, ``@``, a tab or a CR is written as a
string cell with the style's quotePrefix set, never as a formula, so neither Excel nor
LibreOffice nor WPS evaluates it. Characters that XML cannot carry are dropped (they are
invisible control characters); a CR is written as ``_x000D_`` (XML would turn it into a
line feed) and a literal ``_xHHHH_`` is escaped, so texts come back as they were.

The file is written to a temporary file in the target folder and then renamed over the
target: a failure never leaves half a workbook behind. Which problems go in, and the
title, is the ledger service's (``services/ledger/workbook.py``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..analytics.ledger_facts import created_on, is_overdue
from ..i18n import catalogues
from ..ingest.aliases import display_name
from .atomic_file import write_atomically

if TYPE_CHECKING:
    from ..services.ledger.views import ProblemView

SHEET_LANGUAGE = "zh"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "yyyy-mm-dd"
HEADER_ROW = 3
FONT_NAME = "宋体"
OVERDUE_FILL = "FFC7CE"
OVERDUE_TEXT = "9C0006"
HEADER_FILL = "DDEBF7"
WITHDRAWN_TEXT = "808080"
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_ESCAPE_LIKE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")


@dataclass(frozen=True)
class Column:
    field: str  # LEDGER_ALIASES id, or "seq"
    value: Callable  # (problem, index, overdue) -> cell value
    kind: str = "text"  # text, date, number
    wrap: bool = False
    cap: int = 24  # widest the column gets, in character cells


def zh(key: str) -> str:
    return catalogues()[SHEET_LANGUAGE][key]


def _attr(name: str):
    return lambda p, i, o: getattr(p, name)


COLUMNS: tuple[Column, ...] = (
    Column("seq", lambda p, i, o: i, kind="number", cap=6),
    Column("problem_number", _attr("number"), cap=12),
    Column("problem_unit", _attr("unit"), cap=20),
    Column("problem_source", lambda p, i, o: zh(f"ledger.source.{p.source}"), cap=10),
    Column("problem_category", _attr("category"), cap=14),
    Column("problem_title", _attr("title"), wrap=True, cap=30),
    Column("problem_description", _attr("description"), wrap=True, cap=44),
    Column("problem_severity", lambda p, i, o: zh(f"ledger.severity.{p.severity}"), cap=10),
    Column("recommendation", _attr("recommendation"), wrap=True, cap=36),
    Column("recorded_on", lambda p, i, o: created_on(p), kind="date"),
    Column("fed_back_on", _attr("fed_back_on"), kind="date"),
    Column("measures", _attr("measures"), wrap=True, cap=36),
    Column("responsible", _attr("responsible"), wrap=True, cap=16),
    Column("rectify_deadline", _attr("deadline"), kind="date"),
    Column("problem_status", lambda p, i, o: zh(f"ledger.status.{p.status}"), cap=10),
    Column("report_text", _attr("report_text"), wrap=True, cap=36),
    Column("report_file_name", _attr("report_file_name"), wrap=True, cap=20),
    Column("report_file_hash", _attr("report_file_hash"), cap=14),
    Column("reported_on", _attr("reported_on"), kind="date"),
    Column("verifier", _attr("verifier"), wrap=True, cap=16),
    Column("verified_on", _attr("verified_on"), kind="date"),
    Column("verify_note", _attr("verify_note"), wrap=True, cap=30),
    Column("withdraw_reason", _attr("withdraw_reason"), wrap=True, cap=24),
    Column("withdrawn_on", _attr("withdrawn_on"), kind="date"),
    Column("overdue", lambda p, i, o: zh("ledger.yes") if o else zh("ledger.no"), cap=10),
)


def header(column: Column) -> str:
    return zh("ledger_excel.sheet.seq") if column.field == "seq" else display_name(column.field)


def write_ledger(
    path: Path, title: str, subtitle: str, problems: list[ProblemView], today: date
) -> int:
    """Write the workbook; returns how many of the problems are overdue on ``today``."""
    workbook, overdue = _build(title, subtitle, problems, today)
    save_atomically(workbook, path)
    return overdue


# Building the sheet.


def text_width(text: str) -> int:
    """Character cells of the widest line (CJK and full-width characters count two)."""
    lines = str(text).split("\n") or [""]
    return max(
        sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line) for line in lines
    )


def wrapped_lines(text: str, width: int) -> int:
    """Lines a wrapped text takes in a column ``width`` cells wide (an estimate)."""
    room = max(1, width - 1)
    return sum(max(1, -(-text_width(line) // room)) for line in str(text).split("\n"))


def _build(title: str, subtitle: str, problems: list[ProblemView], today: date):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = zh("ledger_excel.sheet.name")
    workbook.properties.title = title
    workbook.properties.creator = "orgeval"
    last_column = get_column_letter(len(COLUMNS))
    thin = Side(style="thin", color="808080")
    grid = Border(left=thin, right=thin, top=thin, bottom=thin)
    body_font = Font(name=FONT_NAME, size=10)

    sheet.merge_cells(f"A1:{last_column}1")
    write_text(sheet["A1"], title)  # the evaluation's name is typed by a user too
    sheet["A1"].font = Font(name=FONT_NAME, size=16, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 30
    sheet.merge_cells(f"A2:{last_column}2")
    write_text(sheet["A2"], subtitle)
    sheet["A2"].font = Font(name=FONT_NAME, size=10, color="595959")
    sheet["A2"].alignment = Alignment(horizontal="left", vertical="center")
    sheet.row_dimensions[2].height = 18

    header_font = Font(name=FONT_NAME, size=10, bold=True)
    header_fill = PatternFill("solid", fgColor=HEADER_FILL)
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=index, value=header(column))
        cell.font, cell.fill, cell.border = header_font, header_fill, grid
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.row_dimensions[HEADER_ROW].height = 30

    widths = [max(8, text_width(header(c)) + 2) for c in COLUMNS]
    rows = []
    overdue_count = 0
    for number, problem in enumerate(problems, start=1):
        overdue = is_overdue(problem, today)
        overdue_count += overdue
        values = [column.value(problem, number, overdue) for column in COLUMNS]
        rows.append((problem, overdue, values))
        for index, (column, value) in enumerate(zip(COLUMNS, values, strict=True)):
            if value is None or value == "":
                continue
            shown = 10 if column.kind == "date" else text_width(value)
            widths[index] = max(widths[index], min(column.cap, shown + 2))

    wrap_top = Alignment(vertical="top", wrap_text=True)
    top = Alignment(vertical="top")
    centre_top = Alignment(horizontal="center", vertical="top")
    overdue_fill = PatternFill("solid", fgColor=OVERDUE_FILL)
    overdue_font = Font(name=FONT_NAME, size=10, bold=True, color=OVERDUE_TEXT)
    withdrawn_font = Font(name=FONT_NAME, size=10, color=WITHDRAWN_TEXT)
    for offset, (problem, overdue, values) in enumerate(rows, start=1):
        row = HEADER_ROW + offset
        lines = 1
        for index, (column, value) in enumerate(zip(COLUMNS, values, strict=True), start=1):
            cell = sheet.cell(row=row, column=index)
            if isinstance(value, str):
                write_text(cell, value)
            elif value is not None:
                cell.value = value
            if column.kind == "date":
                cell.number_format = DATE_FORMAT
            cell.border = grid
            cell.font = withdrawn_font if problem.status == "withdrawn" else body_font
            if column.wrap:
                cell.alignment = wrap_top
                if isinstance(value, str) and value:
                    lines = max(lines, wrapped_lines(value, widths[index - 1]))
            elif column.kind in ("date", "number") or column.field == "overdue":
                cell.alignment = centre_top
            else:
                cell.alignment = top
            if overdue:
                cell.fill = overdue_fill
                if column.field == "overdue":
                    cell.font = overdue_font
        # Spreadsheets do not all fit a row to its wrapped text on opening; say it here.
        sheet.row_dimensions[row].height = min(409, 14 * lines + 4)

    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    last_row = HEADER_ROW + len(rows)
    sheet.freeze_panes = f"C{HEADER_ROW + 1}"
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last_column}{last_row}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    one_page_wide(sheet, "landscape", sheet.PAPERSIZE_A3)
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.oddFooter.center.text = zh("ledger_excel.sheet.footer")
    return workbook, overdue_count


def one_page_wide(sheet, orientation: str, paper_size: str) -> None:
    """Printed one page wide, as long as it needs, centred: how every workbook the
    office sends out prints."""
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.page_setup.orientation = orientation
    sheet.page_setup.paperSize = paper_size
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.print_options.horizontalCentered = True


def write_text(cell, text: str) -> None:
    """Put user text into a cell as a string, never a formula (see the module docstring)."""
    text = _ILLEGAL.sub("", text)
    cell.value = _escaped(text)
    cell.data_type = "s"
    if text.startswith(FORMULA_STARTS):
        cell.quotePrefix = True


def _escaped(text: str) -> str:
    """OOXML's own escapes: a literal _xHHHH_ is kept as such, a CR survives XML."""
    if "_x" in text:
        text = _ESCAPE_LIKE.sub(r"_x005F_\1", text)
    return text.replace("\r", "_x000D_")


# Saving.


def save_atomically(workbook, path: Path) -> None:
    write_atomically(path, workbook.save)
