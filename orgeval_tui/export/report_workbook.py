"""A unit's evaluation report (评估报告) as an Excel workbook with native charts.

One sheet per part of the report, in the report's order: 概况, 人员结构, 履职情况,
业务办理, 三项评议, 评分表, 问题及整改 (``report_sheets`` lays them out). Numbers are
numeric cells and every chart is drawn from the cells of its table, so the office can
re-use both; a figure whose inputs are unknown reads 无数据 and is never drawn as 0.

The same report gives the same bytes: the document's dates are the report's date and
its author "orgeval", and the zip is written with fixed entry dates and order
(``reproducible_zip``). The file is written beside the target and renamed over it, so a
failure leaves neither half a workbook nor a stray temporary file.
"""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

from .atomic_file import write_bytes_atomically
from .report_content import UnitReport
from .reproducible_zip import normalise_zip

AUTHOR = "orgeval"


def unit_report_workbook(report: UnitReport, path: Path, report_date: date) -> None:
    from .report_sheets import build

    workbook = build(report)
    stamp = datetime(report_date.year, report_date.month, report_date.day)
    properties = workbook.properties
    properties.title = report.report.title
    properties.creator = properties.lastModifiedBy = AUTHOR
    properties.created = properties.modified = stamp
    write_bytes_atomically(path, normalise_zip(workbook_bytes(workbook), report_date))


def workbook_bytes(workbook) -> bytes:
    """The .xlsx as openpyxl writes it, keeping the document's own dates (``save``
    would stamp "modified" with the time of saving)."""
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl.writer.excel import ExcelWriter

    buffer = io.BytesIO()
    with ZipFile(buffer, "w", ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(workbook, archive).save()
    return buffer.getvalue()
