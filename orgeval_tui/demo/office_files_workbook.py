"""Workbooks as the office's systems export them, saved byte for byte the same each time.

openpyxl's own ``save`` stamps the workbook's properties with the current time and the
zip entries with the time each part was written; here both carry the one fixed moment
the pilot's files were exported, so the same data always gives the same bytes.
"""

from __future__ import annotations

import os
import zipfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

# When the office exported the pilot's files (the week after the reference date).
EXPORTED_AT = datetime(2021, 7, 5, 9, 30, 0)

_TITLE_FONT = Font(name="宋体", size=16, bold=True)
_HEADER_FONT = Font(name="宋体", size=11, bold=True)
_CENTRED = Alignment(horizontal="center", vertical="center")


class _FixedTimeZip(zipfile.ZipFile):
    """A zip archive whose entries all carry EXPORTED_AT, whatever the clock says."""

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            info = zipfile.ZipInfo(zinfo_or_arcname, date_time=EXPORTED_AT.timetuple()[:6])
            info.compress_type = self.compression
            info.external_attr = 0o600 << 16
            zinfo_or_arcname = info
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        # openpyxl streams each worksheet through a temporary file: take its bytes, not
        # its modification time.
        with open(filename, "rb") as handle:
            data = handle.read()
        self.writestr(arcname or os.path.basename(filename), data, compress_type, compresslevel)


def new_workbook() -> Workbook:
    """A streaming workbook (no default sheet)."""
    return Workbook(write_only=True)


def save(workbook: Workbook, path: Path) -> None:
    properties = workbook.properties
    properties.created = properties.modified = EXPORTED_AT
    properties.creator = properties.lastModifiedBy = "沂水县委编办"
    with _FixedTimeZip(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(workbook, archive).save()


def set_widths(sheet, widths: list[float]) -> None:
    """Column widths; on a streaming sheet they must come before the first row."""
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def title_row(sheet, row: int, text: str, width: int, *, big: bool = True) -> None:
    """A line of text merged across the table's ``width`` columns (the ``row``-th row)."""
    cell = WriteOnlyCell(sheet, value=text)
    if big:
        cell.font, cell.alignment = _TITLE_FONT, _CENTRED
    sheet.append([cell])
    sheet.merged_cells.add(f"A{row}:{get_column_letter(width)}{row}")


def header_row(sheet, headers: list[str]) -> None:
    cells = []
    for text in headers:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font, cell.alignment = _HEADER_FONT, _CENTRED
        cells.append(cell)
    sheet.append(cells)


def number(value: float) -> int | float:
    """A score or an amount as typed: 10, 9.5 (not 10.0)."""
    return int(value) if float(value).is_integer() else value
