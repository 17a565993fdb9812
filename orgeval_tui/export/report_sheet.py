"""One sheet of a report workbook written from the top down: a title, headings, lines
of text, blocks of figures and bordered tables, with charts beside their tables.

A ``Figure`` becomes a real number in its cell, shown as the screens show it (a count
as ``0``, a rate as ``0.00%``, a decimal or a score with as many decimals as its text
has); a figure whose inputs are unknown is its text (无数据), never 0. Every text goes
through ``write_text``, so no user text becomes a formula. Columns are as wide as what
they hold (a CJK character counts two) up to a cap; long texts wrap and their rows are
made tall enough, since spreadsheets do not all fit a row to wrapped text on opening.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from ..i18n import catalogues
from .ledger_workbook import (
    FONT_NAME,
    HEADER_FILL,
    one_page_wide,
    text_width,
    wrapped_lines,
    write_text,
)
from .report_content import Figure

CHART_ROWS = 17  # rows a chart beside a table takes (its 7.5 cm and a margin)
WIDTH_CAP = 40
MIN_WIDTH = 8
LINE_HEIGHT = 14
CM_PER_CHARACTER = 0.2
CM_PER_POINT = 2.54 / 72
DEFAULT_ROW_POINTS = 15
CHART_CM = 14.5
# A4's printable width and length in cm: margins of 0.4 in at the sides, 0.6 in at the
# top and the bottom, and a centimetre for the footer.
PAGE_CM = {"portrait": (18.9, 24.6), "landscape": (27.6, 15.9)}
_DECIMALS = re.compile(r"^-?\d+(?:\.(\d+))?%?$")
_DEFAULT_DECIMALS = {"rate": 2, "decimal": 1, "score": 2}

Cell = Figure | str | None


def label(key: str, **values) -> str:
    """A word of the report workbook, always Chinese like the documents: its own, else
    the figure's name as the screens give it."""
    words = catalogues()["zh"]
    return words.get(f"report_excel.{key}", words.get(f"figure.{key}", key)).format(**values)


def headers(*keys: str) -> list[str]:
    return [label(f"col.{key}") for key in keys]


def number_format(figure: Figure) -> str:
    """How a figure's number is shown: with the decimals its text shows."""
    if figure.kind == "count":
        return "0"
    decimals = _DEFAULT_DECIMALS.get(figure.kind, 2)
    shown = _DECIMALS.match(figure.text.strip())
    if shown:
        decimals = len(shown.group(1) or "")
    body = "0." + "0" * decimals if decimals else "0"
    return body + "%" if figure.kind == "rate" else body


@dataclass(frozen=True)
class Block:
    """Where a table landed: its header row and its data rows, columns from 1."""

    header_row: int
    first_row: int
    last_row: int
    columns: int


class SheetWriter:
    def __init__(self, workbook, name: str, span: int) -> None:
        self.sheet = workbook.create_sheet(name)
        self.row = 1
        self.span = span  # the columns a title or a line of text is merged across
        self.widths: dict[int, int] = {}
        self._tall: list[tuple[int, int, int, str]] = []  # row, first, last column, text
        self._parts: list[int] = []  # the first row of each part (see ``heading``)
        self._chart_columns = 0  # the widest table a chart stands beside
        thin = Side(style="thin", color="808080")
        self._grid = Border(left=thin, right=thin, top=thin, bottom=thin)
        self._font = Font(name=FONT_NAME, size=10)
        self._bold = Font(name=FONT_NAME, size=10, bold=True)
        self._fill = PatternFill("solid", fgColor=HEADER_FILL)

    # Text.

    def title(self, text: str) -> None:
        # Not merged: a long title runs on over the empty cells beside it.
        cell = self.sheet.cell(row=self.row, column=1)
        write_text(cell, text)
        cell.font = Font(name=FONT_NAME, size=16, bold=True)
        cell.alignment = Alignment(vertical="center")
        self.sheet.row_dimensions[self.row].height = 30
        self.row += 2

    def heading(self, text: str) -> None:
        """A heading starts a part that a page break never cuts (unless it is longer
        than a page)."""
        self._parts.append(self.row)
        self._merged(text, Font(name=FONT_NAME, size=12, bold=True))
        self.sheet.row_dimensions[self.row].height = 20
        self.row += 1

    def line(self, text: str) -> None:
        cell = self._merged(text, self._font)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        self._tall.append((self.row, 1, self.span, text))
        self.row += 1

    def gap(self) -> None:
        self.row += 1

    def _merged(self, text: str, font: Font):
        cell = self.sheet.cell(row=self.row, column=1)
        write_text(cell, text)
        cell.font = font
        if self.span > 1:
            self.sheet.merge_cells(
                start_row=self.row, start_column=1, end_row=self.row, end_column=self.span
            )
        return cell

    # Figures and tables.

    def figures(self, pairs: list[tuple[str, Cell]]) -> None:
        """A label and its value on each row, in the first two columns."""
        for label, value in pairs:
            self._put(self.row, 1, label, header=True)
            self._put(self.row, 2, value, wrap=True)
            self.row += 1
        self.gap()

    def table(
        self, headers: list[str], rows: list[list[Cell]], wrap: frozenset[int] = frozenset()
    ) -> Block:
        """A bordered table; ``wrap`` names the (1-based) columns whose texts wrap."""
        header_row = self.row
        for column, text in enumerate(headers, start=1):
            self._put(header_row, column, text, header=True)
        for offset, values in enumerate(rows, start=1):
            for column, value in enumerate(values, start=1):
                self._put(header_row + offset, column, value, wrap=column in wrap)
        self.row = header_row + len(rows) + 1
        block = Block(header_row, header_row + 1, header_row + len(rows), len(headers))
        self.gap()
        return block

    def place_chart(self, chart, block: Block) -> None:
        """The chart beside its table, the next block below both."""
        anchor = f"{get_column_letter(block.columns + 2)}{block.header_row}"
        self.sheet.add_chart(chart, anchor)
        self._chart_columns = max(self._chart_columns, block.columns + 1)
        self.row = max(self.row, block.header_row + CHART_ROWS + 1)

    def _put(self, row: int, column: int, value: Cell, header=False, wrap=False) -> None:
        cell = self.sheet.cell(row=row, column=column)
        cell.border = self._grid
        cell.font = self._bold if header else self._font
        if header:
            cell.fill = self._fill
        if isinstance(value, Figure) and value.value is not None:
            number = value.value
            cell.value = int(number) if value.kind == "count" and number == int(number) else number
            cell.number_format = number_format(value)
            cell.alignment = Alignment(horizontal="right", vertical="top")
            self._widen(column, value.text)
            return
        text = value.text if isinstance(value, Figure) else (value or "")
        write_text(cell, text)
        horizontal = "right" if isinstance(value, Figure) else None
        cell.alignment = Alignment(horizontal=horizontal, vertical="top", wrap_text=wrap)
        self._widen(column, text)
        if wrap:
            self._tall.append((row, column, column, text))

    def _widen(self, column: int, text: str) -> None:
        shown = min(WIDTH_CAP, text_width(text) + 2)
        self.widths[column] = max(self.widths.get(column, MIN_WIDTH), shown)

    # Page.

    def finish(self, orientation: str, footer: str, title_row: int | None = None) -> None:
        for column, width in self.widths.items():
            self.sheet.column_dimensions[get_column_letter(column)].width = width
        heights: dict[int, int] = {}
        for row, first, last, text in self._tall:
            room = sum(self.widths.get(c, MIN_WIDTH) for c in range(first, last + 1))
            heights[row] = max(heights.get(row, 1), wrapped_lines(text, room))
        for row, lines in heights.items():
            if lines > 1:
                self.sheet.row_dimensions[row].height = min(409, LINE_HEIGHT * lines + 4)
        one_page_wide(self.sheet, orientation, self.sheet.PAPERSIZE_A4)
        self.sheet.page_margins.top = self.sheet.page_margins.bottom = 0.6
        self._page_breaks(orientation)
        if title_row is not None:
            self.sheet.print_title_rows = f"{title_row}:{title_row}"
        self.sheet.oddFooter.center.text = footer

    def _page_breaks(self, orientation: str) -> None:
        """A break before each part that would run over the foot of its page. The
        page's length in rows follows from the scale that fits the sheet to the page's
        width (estimated: a character of column width is about 0.2 cm)."""
        from openpyxl.worksheet.pagebreak import Break

        last_column = max([*self.widths, self._chart_columns, 1])
        content = sum(self.widths.get(c, MIN_WIDTH) for c in range(1, last_column + 1))
        content_cm = content * CM_PER_CHARACTER + (CHART_CM if self._chart_columns else 0)
        page_width, page_height = PAGE_CM[orientation]
        scale = min(1.0, page_width / content_cm)
        room = page_height / scale
        top_of = [0.0]
        for row in range(1, self.row + 1):
            points = self.sheet.row_dimensions[row].height or DEFAULT_ROW_POINTS
            top_of.append(top_of[-1] + points * CM_PER_POINT)
        starts = self._parts + [self.row]
        page_top = 1
        for start, end in zip(starts, starts[1:], strict=False):
            if start > page_top and top_of[end - 1] - top_of[page_top - 1] > room:
                self.sheet.row_breaks.append(Break(id=start - 1))
                page_top = start
