"""What kind of file this is, judged by its first bytes rather than its name, and whether
its container (the zip of an xlsx or ods, the compound file of an xls) is whole enough to
hand to the reader."""

from __future__ import annotations

import zipfile
from pathlib import Path

XLSX, XLS, ODS, TEXT, MARKUP, UNKNOWN = "xlsx", "xls", "ods", "text", "markup", "unknown"
DAMAGED, ENCRYPTED = "damaged", "encrypted"

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
# The stream that holds an .xls workbook: BIFF8 calls it Workbook, BIFF5 Book.
_XLS_STREAMS = ("Workbook", "Book")


def sniff(path: Path, head: bytes) -> str:
    """XLSX, XLS, ODS, TEXT (a CSV to decode), MARKUP (HTML or XML posing as a workbook),
    DAMAGED (a workbook's container that cannot be read whole), ENCRYPTED (an .xlsx
    with a password to open, which Office wraps in a compound file), or UNKNOWN. ``head`` is
    the start of the file (a few KB)."""
    if head.startswith(_OLE2):
        return _ole_kind(path, head)
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
    except (zipfile.BadZipFile, KeyError):
        return UNKNOWN
    # A zip that the standard library cannot take apart (an unknown "version needed", a
    # name flagged UTF-8 that is not, a method it lacks, a cut-off member) is damaged,
    # whatever else it may be; the reader would fail on it less clearly, or not at all.
    except (OSError, EOFError, NotImplementedError, UnicodeDecodeError, RuntimeError):
        return DAMAGED
    if any(name.startswith("xl/") for name in names):
        return XLSX
    if "content.xml" in names and "mimetype" not in names:
        return ODS
    return UNKNOWN


def _ole_kind(path: Path, head: bytes) -> str:
    """XLS when the compound file is whole: made of whole sectors, as every writer makes
    it, and its workbook stream readable to its end. A truncated file would otherwise
    reach the reader's native code, which reports it by panicking (and printing the panic
    on the terminal) instead of with an error."""
    import olefile

    sector_shift = int.from_bytes(head[30:32], "little")
    try:
        if sector_shift not in (9, 12) or path.stat().st_size % (1 << sector_shift):
            return DAMAGED
        with olefile.OleFileIO(str(path)) as ole:
            if ole.exists("EncryptedPackage"):
                return ENCRYPTED
            stream = next((name for name in _XLS_STREAMS if ole.exists(name)), None)
            if stream is None:
                return UNKNOWN  # a Word document or another compound file
            with ole.openstream(stream) as data:
                while data.read(1 << 20):
                    pass
    except (OSError, ValueError, IndexError, EOFError, NotImplementedError):
        return DAMAGED
    return XLS
