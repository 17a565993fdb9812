"""Reading any workbook or CSV file into sheets of raw cell values."""

from __future__ import annotations

import csv
from pathlib import Path

from ..i18n import t
from ..i18n.os_errors import os_reason
from . import sniff as kinds
from .delimited import FieldTooLong, UndecodableText, read_delimited
from .errors import IngestError
from .native import read_native, read_native_apart
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
    elif kind == kinds.XLS:
        sheets = read_native_apart(path, file)
    elif kind in (kinds.XLSX, kinds.ODS):
        sheets = read_native(path, file, measure=kind == kinds.XLSX)
    elif kind == kinds.MARKUP:
        raise IngestError.about(file, t("ingest.file.markup"))
    elif kind == kinds.DAMAGED:
        raise IngestError.about(file, t("ingest.file.damaged"))
    elif kind == kinds.ENCRYPTED:
        raise IngestError.about(file, t("ingest.file.password"))
    else:
        raise IngestError.about(file, t("ingest.file.not_workbook"))
    if not any(sheet.has_content() for sheet in sheets):
        raise IngestError.about(file, t("ingest.file.empty"))
    return sheets


def _head(path: Path, file: str) -> bytes:
    return file_bytes(path, file, _HEAD)


def file_bytes(path: Path, file: str, size: int = -1) -> bytes:
    """The first ``size`` bytes of a file (all of it by default); a file that cannot be
    read is refused naming it, in the user's words (missing, a folder, unreadable)."""
    try:
        with path.open("rb") as handle:
            return handle.read(size)
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
    except FieldTooLong as exc:
        message = t("ingest.file.csv_field", line=exc.line, limit=exc.limit)
        raise IngestError.about(file, message) from None
    except csv.Error as exc:
        message = t("ingest.file.csv_line", line=exc.args[1] if len(exc.args) > 1 else "?")
        raise IngestError.about(file, message) from None
