"""How far a sheet's cells reach, known before the reader builds its grid.

The reader (calamine) turns a sheet into one dense rectangle from its first to its last
cell holding a value, and aborts the whole process when that rectangle does not fit in
memory: one stray value at XFD1048576 in a small roster asks for 512 GB. An .xlsx is
therefore measured first, from the cell references in its XML; a sheet whose rectangle
passes the limit is refused with the cell that stretches it. (.xls cannot be that large,
65,536 × 256; .ods is measured by the grid the reader built.)
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from xml.etree import ElementTree

# The largest rectangle read: 10 million cells (a roster of a million people in ten
# columns), about 0.4 GB in the reader and in Python together.
MAX_CELLS = 10_000_000

# A cell that holds something: <c r="B7" ...> with content, not the self-closing
# <c r="B7" s="3"/> nor the empty <c r="B7" s="3"></c> (openpyxl writes that one when
# lxml is installed) that only carry a format. Some writers prefix the names (<x:c>);
# matching that everywhere costs five times as long, so it is the second choice.
_NOT_EMPTY = rb"(?!\s*</(?:[A-Za-z_][\w.-]*:)?c>)"
_CELL = rb'c\s[^>]*?\br="([A-Z]{1,3})([0-9]{1,7})"[^>/]*>' + _NOT_EMPTY
_PLAIN_CELL = re.compile(b"<" + _CELL)
_PREFIXED_CELL = re.compile(rb"<[A-Za-z_][\w.-]*:" + _CELL)
_PLAIN_COLUMN = re.compile(rb'<c\s[^>]*?\br="([A-Z]{1,3})[0-9]{1,7}"[^>/]*>' + _NOT_EMPTY)
_PREFIXED_COLUMN = re.compile(
    rb'<[A-Za-z_][\w.-]*:c\s[^>]*?\br="([A-Z]{1,3})[0-9]{1,7}"[^>/]*>' + _NOT_EMPTY
)
# Every writer seen puts the reference first (<c r="B7" ...>), which lets a chunk be
# searched only for cells wider than the widest so far, a search with no match in an
# ordinary sheet; a chunk holding a cell written otherwise is measured cell by cell.
_R_LATER = re.compile(rb'<c (?!r=")')
_CHUNK = 1 << 23
# A number the reader panics on when its cell is formatted as a date: it turns the serial
# into milliseconds, which overflow below about -1.07e11 days (and at -inf). Seen only in
# damaged or hand-made files; any negative number of twelve digits or more, or written
# with an exponent, inf or nan, is taken as one, and the reading done apart (native.py).
_DATE_PANIC = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?v>\s*-\s*(?:[0-9]{12}|[0-9.]*[eEiInN])")
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


@dataclass(frozen=True)
class Extent:
    """The rectangle from A1 to the farthest cell with a value: what the reader builds."""

    rows: int
    columns: int
    # A value the reader may panic on (see _DATE_PANIC): read apart, where a panic is
    # kept off the terminal.
    panicking_value: bool = False

    @property
    def cells(self) -> int:
        return self.rows * self.columns

    @property
    def corner(self) -> str:
        return f"{column_letters(self.columns)}{self.rows}"

    def too_large(self) -> bool:
        return self.cells > MAX_CELLS


def column_letters(number: int) -> str:
    """1 → A, 27 → AA, 16384 → XFD."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_number(letters: bytes) -> int:
    number = 0
    for code in letters:
        number = number * 26 + code - 64
    return number


def oversized_xlsx_sheet(path) -> tuple[str | None, Extent] | None:
    """The first worksheet of an .xlsx too large to read, by name (None when the workbook's
    index of sheets cannot be followed), with its extent; None when every one fits."""
    return next((found for found in measure_xlsx(path) if found[1].too_large()), None)


def measure_xlsx(path) -> list[tuple[str | None, Extent]]:
    """Each worksheet of an .xlsx that holds a value, by name (None when the workbook's
    index of sheets cannot be followed), with its extent, in workbook order up to the
    first one too large to read."""
    measured = []
    with zipfile.ZipFile(path) as archive:
        for name, part in _worksheet_parts(archive):
            with archive.open(part) as stream:
                extent = _measure(stream)
            if extent is not None:
                measured.append((name, extent))
                if extent.too_large():
                    break
    return measured


def _measure(stream) -> Extent | None:
    """The extent the reader will build: its rows end at the last cell in document order
    (the reader takes rows as written), its columns at the widest cell."""
    widest, first_row, last_row = b"", None, 0
    tail, panicking = b"", False
    while chunk := stream.read(_CHUNK):
        data = tail + chunk
        # Keep the last, possibly unfinished, tag for the next chunk.
        cut = data.rfind(b"<")
        data, tail = data[:cut], data[cut:]
        cell, column = (
            (_PLAIN_CELL, _PLAIN_COLUMN) if b"<c " in data else (_PREFIXED_CELL, _PREFIXED_COLUMN)
        )
        if widest and b":c " not in data and not _R_LATER.search(data):
            wider = _wider_than(widest)
            if wider is not None and wider.search(data):
                widest = _widest(widest, column.findall(data))
        else:
            widest = _widest(widest, column.findall(data))
        panicking = panicking or _DATE_PANIC.search(data) is not None
        first = cell.search(data)
        if first is None:
            continue
        if first_row is None:
            first_row = int(first.group(2))
        last_row = int(_last_match(cell, data).group(2))
    if first_row is None:
        return None
    # Rows written out of order make the reader's rectangle wrap around: as large as can be.
    rows = last_row if last_row >= first_row else 1 << 20
    return Extent(rows=rows, columns=column_number(widest), panicking_value=panicking)


def _widest(widest: bytes, columns) -> bytes:
    return max((widest, *set(columns)), key=lambda letters: (len(letters), letters))


@lru_cache(maxsize=64)
def _wider_than(widest: bytes) -> re.Pattern | None:
    """Cells with a value in a column after ``widest`` (same-length column names sort as
    their letters do); None after ZZZ."""
    length = len(widest)
    options = [b"[A-Z]{%d,3}" % (length + 1)] if length < 3 else []
    for i, letter in enumerate(widest):
        if letter < ord("Z"):
            options.append(widest[:i] + b"[%c-Z]" % (letter + 1) + b"[A-Z]" * (length - i - 1))
    if not options:
        return None
    return re.compile(rb'<c r="(?:' + b"|".join(options) + rb')[0-9]{1,7}"[^>/]*>' + _NOT_EMPTY)


def _last_match(pattern: re.Pattern, data: bytes) -> re.Match:
    position = len(data)
    while True:
        position = data.rfind(b"<", 0, position)
        match = pattern.match(data, position)
        if match is not None:
            return match


def _worksheet_parts(archive: zipfile.ZipFile) -> list[tuple[str | None, str]]:
    """(sheet name, part) for each worksheet, in workbook order; every worksheet part,
    unnamed, when the workbook's own index cannot be followed."""
    names = set(archive.namelist())
    try:
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        relations = rels.iter(f"{_RELS}Relationship")
        targets = {rel.get("Id"): rel.get("Target", "") for rel in relations}
        parts = []
        for sheet in workbook.iter(f"{_MAIN}sheet"):
            target = targets.get(sheet.get(_REL_ID), "")
            part = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join("xl", target))
            )
            if part in names:
                parts.append((sheet.get("name"), part))
        if parts:
            return parts
    except (KeyError, ElementTree.ParseError):
        pass
    return [(None, n) for n in sorted(names) if re.fullmatch(r"xl/worksheets/[^/]+\.xml", n)]
