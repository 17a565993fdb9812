"""Reading any workbook or CSV file into sheets of raw cell values."""

from __future__ import annotations

import csv
from pathlib import Path

from ..i18n import t
from ..i18n.os_errors import os_reason
from . import sniff as kinds
from .delimited import UndecodableText, read_delimited
from .errors import IngestError
from .sheet import Sheet

__all__ = ["Sheet", "read_workbook"]

_HEAD = 4096


def read_workbook(path: str | Path) -> list[Sheet]:
    """Every worksheet of the file, in workbook order (a CSV file is one sheet).

    Raises IngestError, naming the file, when it is missing, empty, or not a workbook.
    """
    path = Path(path)
    file = path.name
    head = _head(path, file)
    if not head:
        raise IngestError.about(file, t("ingest.file.empty"))
    kind = kinds.sniff(path, head)
    if kind == kinds.TEXT:
        sheets = [_read_text(path, file)]
    elif kind in (kinds.XLSX, kinds.XLS, kinds.ODS):
        sheets = _read_calamine(path, file)
    elif kind == kinds.MARKUP:
        raise IngestError.about(file, t("ingest.file.markup"))
    else:
        raise IngestError.about(file, t("ingest.file.not_workbook"))
    if not any(sheet.has_content() for sheet in sheets):
        raise IngestError.about(file, t("ingest.file.empty"))
    return sheets


def _head(path: Path, file: str) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(_HEAD)
    except FileNotFoundError:
        raise IngestError.about(file, t("ingest.file.missing")) from None
    except IsADirectoryError:
        raise IngestError.about(file, t("ingest.file.folder")) from None
    except OSError as exc:
        raise IngestError.about(file, t("ingest.file.unopenable", reason=os_reason(exc))) from None


def _read_text(path: Path, file: str) -> Sheet:
    try:
        return read_delimited(path.read_bytes(), path.stem)
    except UndecodableText:
        raise IngestError.about(file, t("ingest.file.encoding")) from None
    except csv.Error:
        raise IngestError.about(file, t("ingest.file.not_workbook")) from None


def _read_calamine(path: Path, file: str) -> list[Sheet]:
    # Imported here: the CLI's other commands should not pay for loading the extension.
    from python_calamine import CalamineWorkbook, PasswordError, SheetTypeEnum

    try:
        # from_filelike decides the format by content; from_path would trust the extension.
        with path.open("rb") as handle, CalamineWorkbook.from_filelike(handle) as workbook:
            sheets = []
            for meta in workbook.sheets_metadata:
                if meta.typ != SheetTypeEnum.WorkSheet:
                    continue
                rows = workbook.get_sheet_by_name(meta.name).to_python(skip_empty_area=False)
                for row in rows:
                    _empty_to_none(row)
                sheets.append(Sheet(name=meta.name, rows=rows))
            return sheets
    except PasswordError:
        raise IngestError.about(file, t("ingest.file.password")) from None
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001
        # The Rust extension reports damage as CalamineError, but a panic inside it comes
        # out as pyo3's PanicException, which derives from BaseException; neither may
        # reach the user as a traceback.
        reason = _first_line(exc)
        raise IngestError.about(file, t("ingest.file.unreadable", reason=reason)) from exc


def _empty_to_none(row: list[object]) -> None:
    """Calamine gives "" for an empty cell. list.index finds them at C speed: a million-cell
    comprehension costs more than reading the file."""
    if "" not in row:
        return
    index = row.index("")
    try:
        while True:
            row[index] = None
            index = row.index("", index + 1)
    except ValueError:
        pass


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
