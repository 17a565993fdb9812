"""Damaged, mistyped and misshapen files, made by hypothesis from real ones.

A seed is a file every importer reads as the office sends it (the practice files of
`orgeval demo --files`, a rubric and a self-evaluation sheet as orgeval exports them, the
fixtures' .xls and .ods). From a seed, ``bad_file`` makes one file of one of these kinds:

- its bytes cut off, flipped, zeroed or repeated (a truncated download, a bad disk);
- its table written again with cells replaced by what offices put in cells: dates as
  numbers, serials, text in many forms and out of range; formulas; huge text; control
  characters, markup and terminal escapes; duplicated header columns; empty sheets;
  rows dropped or repeated;
- that table as CSV in another encoding (GB18030, UTF-16, Latin-1, invalid bytes);
- that table as .xlsx with values in its XML that no writer writes (a date's serial out
  of any range, inf, a number that is not one, a cell's type changed).

Everything here is plain data: no database (that is ``bad_input_office``).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time

from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

Rows = list[list[object]]


@dataclass(frozen=True, repr=False)
class Seed:
    """A file an importer reads: its name, its bytes, and (for a table) its sheets."""

    name: str
    data: bytes
    sheets: tuple[tuple[str, Rows], ...] = ()

    def __repr__(self) -> str:  # hypothesis shows the strategy's arguments: keep it short
        return f"Seed({self.name!r})"

    @property
    def suffix(self) -> str:
        return self.name[self.name.rfind(".") :].lower()


@dataclass(frozen=True)
class BadFile:
    name: str
    data: bytes
    how: str  # what was done to the seed, for the report of a failure


# ---------------------------------------------------------------- what goes in a cell

_DATE_TEXTS = (
    "2021-13-45", "2021年6月31日", "21.6.30", "20210630", "2021/6/30 25:61", "June 30 2021",
    "２０２１－０６－３０", "0000-00-00", "9999999-01-01", "2021.02.29", "1900-02-29",
    "-2021-06-30", "2021-06", "2021", "6/30", "2021年", "二〇二一年六月", "T12:00", "nan",
    "1e309", "0x7E5", "  ", "\u3000", "2021-06-30\x00", "2021—06—30", "１９８１．０５",
)  # fmt: skip
_NUMBERS = (
    0, -1, 1, 2958465, 2958466, 44377, 44377.5, -44377, 10**18, 2**63, -(2**63), 1e308,
    -1e308, 1e-308, 0.1, 60, 61, 1.5, 3.0000001,
)  # fmt: skip
_FORMULAS = (
    "=1/0", "=SUM(A1:A3)", '=HYPERLINK("http://x","点我")', "=A1", "=NOW()", "=#REF!",
    "+1+1", "-1-1", "@SUM(A1)", "=" + "A" * 300,
)  # fmt: skip
_HOSTILE_TEXTS = (
    "[bold red]加粗[/]", "[link=file:///etc/passwd]x[/link]", "\x1b[2J\x1b[H",
    "\x1b]52;c;aGk=\x07", "\r\n\r\n", "\t", "\u202e反转", "\ufeff", "\U0001f600",
    "'; DROP TABLE staff; --", "#999", "#1",
    "NULL", "None", "不详", "是", "否", "男女", "X", "x" * 40, "　", "—", "#N/A", "#DIV/0!",
)  # fmt: skip
_TEMPORALS = (
    date(1, 1, 1), date(9999, 12, 31), date(1900, 1, 1), date(1900, 2, 28), date(2100, 1, 1),
    datetime(1899, 12, 30), datetime(2021, 6, 30, 23, 59, 59, 999999), time(12, 0),
)  # fmt: skip


def cell_values() -> st.SearchStrategy[object]:
    return st.one_of(
        st.sampled_from(_DATE_TEXTS),
        st.sampled_from(_NUMBERS),
        st.sampled_from(_FORMULAS),
        st.sampled_from(_HOSTILE_TEXTS),
        st.sampled_from(_TEMPORALS),
        st.booleans(),
        st.none(),
        st.floats(allow_nan=True, allow_infinity=True),
        st.integers(),
        st.text(max_size=30),
        st.builds(lambda ch, n: ch * n, st.sampled_from("长x\n0"), st.integers(1, 40_000)),
    )


# ---------------------------------------------------------------- changing a table


@st.composite
def changed_sheets(draw, seed: Seed) -> tuple[tuple[str, Rows], str]:
    """The seed's sheets with cells, rows, headers or sheets changed; and what changed."""
    sheets = [(name, [list(row) for row in rows]) for name, rows in seed.sheets]
    done = []
    for _ in range(draw(st.integers(1, 4))):
        operation = draw(st.sampled_from(_OPERATIONS))
        index = draw(st.integers(0, len(sheets) - 1)) if sheets else 0
        done.append(operation.__name__.lstrip("_"))
        operation(draw, sheets, index)
    return tuple((name, rows) for name, rows in sheets), "+".join(done)


def _cells(draw, sheets, index):
    rows = sheets[index][1] if sheets else []
    for _ in range(draw(st.integers(1, 12))):
        if not rows:
            return
        row = rows[draw(st.integers(0, len(rows) - 1))]
        width = max(len(row), 1)
        column = draw(st.integers(0, width))
        while len(row) <= column:
            row.append(None)
        row[column] = draw(cell_values())


def _duplicate_column(draw, sheets, index):
    rows = sheets[index][1] if sheets else []
    width = max((len(r) for r in rows), default=0)
    if not width:
        return
    column = draw(st.integers(0, width - 1))
    for row in rows:
        row.insert(column, row[column] if column < len(row) else None)


def _drop_rows(draw, sheets, index):
    rows = sheets[index][1] if sheets else []
    if rows:
        start = draw(st.integers(0, len(rows) - 1))
        del rows[start : start + draw(st.integers(1, len(rows)))]


def _repeat_rows(draw, sheets, index):
    rows = sheets[index][1] if sheets else []
    if rows:
        start = draw(st.integers(0, len(rows) - 1))
        rows[start:start] = rows[start : start + 3] * draw(st.integers(1, 100))


def _empty_sheet(draw, sheets, index):
    position = draw(st.integers(0, len(sheets)))
    sheets.insert(position, (draw(st.sampled_from(["Sheet1", "空表", "", "x" * 31])), []))


def _blank_sheet(draw, sheets, index):
    if sheets:
        sheets[index] = (sheets[index][0], [[None] * 3 for _ in range(draw(st.integers(0, 5)))])


def _header_only(draw, sheets, index):
    if sheets:
        rows = sheets[index][1]
        sheets[index] = (sheets[index][0], rows[: draw(st.integers(0, 4))])


def _wide_row(draw, sheets, index):
    if sheets:
        rows = sheets[index][1]
        rows.append([draw(cell_values())] * draw(st.integers(20, 400)))


_OPERATIONS = (
    _cells, _cells, _cells, _duplicate_column, _drop_rows, _repeat_rows, _empty_sheet,
    _blank_sheet, _header_only, _wide_row,
)  # fmt: skip


# ---------------------------------------------------------------- writing it out


def xlsx_bytes(sheets) -> bytes:
    book = Workbook(write_only=True)  # streamed: several times faster to save
    used = set()
    for number, (name, rows) in enumerate(sheets):
        title = _sheet_title(name, number, used)
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append([_xlsx_value(value) for value in row])
    if not book.sheetnames:
        book.create_sheet("Sheet1")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet_title(name: str, number: int, used: set) -> str:
    title = "".join(ch for ch in name if ch not in "[]:*?/\\")[:31] or f"Sheet{number + 1}"
    while title in used:
        title = f"{title[:28]}{number}"
    used.add(title)
    return title


def _xlsx_value(value):
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)[:32_767]
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 2**53:
        return str(value)  # openpyxl writes it as a float it cannot read back
    return value


ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "utf-16", "latin-1", "cp1252", "big5", "shift_jis")


def csv_bytes(rows: Rows, encoding: str, delimiter: str = ",") -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter)
    for row in rows:
        writer.writerow(["" if value is None else value for value in row])
    return out.getvalue().encode(encoding, errors="replace")


# ---------------------------------------------------------------- damaging bytes


@st.composite
def damaged_bytes(draw, data: bytes) -> tuple[bytes, str]:
    if not data:
        return data, "empty"
    kind = draw(st.sampled_from(("cut", "flip", "zero", "repeat", "cut", "flip")))
    at = _place(draw, data)
    if kind == "cut":
        return data[:at], f"cut at {at}"
    buffer = bytearray(data)
    if kind == "flip":
        places = [_place(draw, data) for _ in range(draw(st.integers(1, 8)))]
        for place in places:
            buffer[place] ^= draw(st.integers(1, 255))
        return bytes(buffer), f"flipped {sorted(places)}"
    length = draw(st.integers(1, 4096))
    if kind == "zero":
        buffer[at : at + length] = bytes(len(buffer[at : at + length]))
        return bytes(buffer), f"zeroed {at}+{length}"
    return bytes(buffer[:at] + buffer[at : at + length] * 2 + buffer[at + length :]), (
        f"repeated {at}+{length}"
    )


_RAW_VALUES = (
    b"-1e308", b"-inf", b"inf", b"nan", b"1e308", b"-123456789012345", b"abc", b"", b"-0",
    b"1e-320", b"2958466", b"-1", b"0x10", b" 1 ", b"1,5", b"\xef\xbc\x91",
)  # fmt: skip
_CELL_TYPES = (b"n", b"s", b"str", b"b", b"e", b"d", b"inlineStr", b"zz")
_VALUE = re.compile(rb"<v>([^<]*)</v>")


@st.composite
def odd_values(draw, data: bytes) -> tuple[bytes, str]:
    """The workbook with some values of its sheets written in the XML as no writer writes
    them (a date cell's serial out of any range, a number that is not one, a cell's type
    changed), the zip whole: what only the reader's own parsing meets."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = [(info, archive.read(info)) for info in archive.infolist()]
    done = []
    changed = []
    for info, part in parts:
        if info.filename.startswith("xl/worksheets/") and _VALUE.search(part):
            values = list(_VALUE.finditer(part))
            for _ in range(draw(st.integers(1, 4))):
                found = values[draw(st.integers(0, 2**32)) % len(values)]
                raw = draw(st.sampled_from(_RAW_VALUES))
                part = part[: found.start(1)] + raw + part[found.end(1) :]
                done.append(raw.decode(errors="replace"))
                values = list(_VALUE.finditer(part))
            if draw(st.booleans()):
                kind = draw(st.sampled_from(_CELL_TYPES))
                part = re.sub(rb'(<c [^>]*?)t="\w+"', rb'\1t="' + kind + rb'"', part, count=1)
                done.append(f"t={kind.decode()}")
        changed.append((info, part))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, part in changed:
            archive.writestr(info, part)
    return out.getvalue(), "values " + ", ".join(done)


def _place(draw, data: bytes) -> int:
    """A position in ``data`` drawn whatever its length: a workbook written twice differs
    in its timestamps, and so may in length, and hypothesis must draw the same way."""
    return draw(st.integers(0, 2**32)) % max(len(data), 1)


# ---------------------------------------------------------------- one bad file


@st.composite
def bad_file(draw, seeds: tuple[Seed, ...]) -> BadFile:
    seed = draw(st.sampled_from(seeds))
    stem = seed.name[: -len(seed.suffix)] if seed.suffix else seed.name
    if not seed.sheets:
        return _bad_document(draw, seed, stem)
    way = draw(st.sampled_from(("table", "table", "csv", "bytes", "table-bytes", "xml")))
    if way == "bytes":
        data, how = draw(damaged_bytes(seed.data))
        return BadFile(seed.name, data, f"{seed.name}: {how}")
    sheets, how = draw(changed_sheets(seed))
    if way == "csv":
        encoding = draw(st.sampled_from(ENCODINGS))
        rows = sheets[0][1] if sheets else []
        delimiter = draw(st.sampled_from((",", ",", "\t", ";")))
        data = csv_bytes(rows, encoding, delimiter)
        if draw(st.booleans()):
            at = _place(draw, data)
            invalid = draw(st.sampled_from((b"\xff\xfe\x00", b"\x81", b"\xc3(", b"\x00")))
            data = data[:at] + invalid + data[at:]
        return BadFile(f"{stem}.csv", data, f"{seed.name}: {how} as {encoding} CSV")
    data = xlsx_bytes(sheets)
    if way == "table-bytes":
        data, damage = draw(damaged_bytes(data))
        how = f"{how}, then {damage}"
    elif way == "xml":
        data, damage = draw(odd_values(data))
        how = f"{how}, then {damage}"
    return BadFile(f"{stem}.xlsx", data, f"{seed.name}: {how}")


def _bad_document(draw, seed: Seed, stem: str) -> BadFile:
    """A report (.docx, .txt) or a rubric in TOML: its bytes damaged, or its text."""
    way = draw(st.sampled_from(("bytes", "text", "renamed")))
    if way == "bytes" or seed.suffix == ".docx":
        data, how = draw(damaged_bytes(seed.data))
        return BadFile(seed.name, data, f"{seed.name}: {how}")
    if way == "renamed":
        suffix = draw(st.sampled_from((".docx", ".txt", ".toml", ".xlsx", ".doc", "")))
        return BadFile(stem + suffix, seed.data, f"{seed.name} renamed {suffix!r}")
    text = _seed_text(seed.data)
    at = draw(st.integers(0, len(text)))
    inserted = draw(cell_values())
    text = text[:at] + str(inserted) + text[at:]
    encoding = draw(st.sampled_from(ENCODINGS))
    data = text.encode(encoding, errors="replace")
    return BadFile(seed.name, data, f"{seed.name}: {inserted!r:.40} at {at} as {encoding}")


def _seed_text(data: bytes) -> str:
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")
