"""What kind of file this is, judged by its first bytes rather than its name."""

from __future__ import annotations

import zipfile
from pathlib import Path

XLSX, XLS, ODS, TEXT, MARKUP, UNKNOWN = "xlsx", "xls", "ods", "text", "markup", "unknown"

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


def sniff(path: Path, head: bytes) -> str:
    """XLSX, XLS, ODS, TEXT (a CSV to decode), MARKUP (HTML or XML posing as a workbook),
    or UNKNOWN. ``head`` is the start of the file (a few KB)."""
    if head.startswith(_OLE2):
        return XLS
    if head.startswith(_ZIP):
        return _zip_kind(path)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    # Many government systems "export to Excel" by writing an HTML table or Excel 2003
    # XML under a .xls name; say so instead of calling the file garbage.
    if stripped.startswith((b"<html", b"<!doctype", b"<table", b"<?xml", b"<meta")):
        return MARKUP
    if path.suffix.lower() in _TEXT_SUFFIXES and (
        head.startswith(_UTF16_BOMS) or b"\x00" not in head
    ):
        return TEXT
    return UNKNOWN


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip() == _ODS_MIMETYPE:
                return ODS
    except (zipfile.BadZipFile, OSError, KeyError):
        return UNKNOWN
    if any(name.startswith("xl/") for name in names):
        return XLSX
    if "content.xml" in names and "mimetype" not in names:
        return ODS
    return UNKNOWN
