"""Finding the table in a sheet: the header under the titles, the data rows under it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import NamedTuple

from ..i18n import t
from .aliases import (
    display_name,
    field_for_header,
    header_preference,
    item_for_header,
    normalise_header,
)
from .errors import IngestError, RowProblem
from .sheet import Sheet

SEARCH_ROWS = 30
_LINE_BREAKS = re.compile(r"\s*[\r\n\v\f\u2028\u2029]+\s*")
_TOTALS = ("合计", "总计", "小计")
# Lines under a table: 注：…, 说明：…, 制表人：…, 填报日期：… (always with a colon).
_NOTE = re.compile(
    r"\s*(?:注\s*\d*\s*[:：.、]|(?:备注|说明|附注|制表|制表人|制表单位|制表日期|填表人|填报人|"
    r"填报日期|审核人|审核|负责人|单位负责人|联系人|联系电话|经办人)\s*[:：])"
)


class SourceRow(NamedTuple):
    """One data row. A named tuple: a roster may have 100,000 of them, and a tuple is
    made in half the time of a frozen dataclass."""

    number: int  # the row number the spreadsheet shows (for CSV, the record number)
    values: dict[str, object]  # field id → raw cell value, None when blank
    items: dict[int, object]  # questionnaire item number → raw cell value


@dataclass(frozen=True)
class Table:
    file: str
    sheet: str
    header_row: int
    headers: dict[str, str]  # field id → header text as written (one line), for messages
    item_maxima: dict[int, float | None]
    rows: list[SourceRow]
    skipped_blank: int
    skipped_totals: int
    item_headers: dict[int, str] = field(default_factory=dict)  # item → header as written
    # Headers of the header row that were not read (unknown, not wanted, or a second
    # column for a field already read), as written, left to right.
    ignored: tuple[str, ...] = ()

    @property
    def used(self) -> tuple[str, ...]:
        """The headers read, as written: the fields' columns, then the items'."""
        return (*self.headers.values(), *self.item_headers.values())

    def problem(
        self, row: SourceRow | int | None, field_id: str | None, message: str
    ) -> RowProblem:
        """A RowProblem located in this table, the column named as the file names it."""
        number = row.number if isinstance(row, SourceRow) else row
        header = self.headers.get(field_id, field_id) if field_id else None
        return RowProblem(self.sheet, number, header, message)


def find_table(
    sheet: Sheet,
    required: Iterable[str],
    optional: Iterable[str] = (),
    *,
    file: str = "",
    items: bool = False,
    search_rows: int = SEARCH_ROWS,
) -> Table | None:
    """The table whose header is the first row (of the first ``search_rows``) naming every
    required field; None if there is no such row."""
    required = tuple(required)
    wanted = set(required).union(optional)
    for index, row in enumerate(sheet.rows[:search_rows]):
        columns = _field_columns(row, wanted)
        if not all(f in columns for f in required):
            continue
        item_columns = _item_columns(row, columns) if items else {}
        if not columns and not item_columns:
            continue
        rows, blank, totals = _data_rows(sheet.rows, index + 1, columns, item_columns)
        return Table(
            file=file,
            sheet=sheet.name,
            header_row=index + 1,
            headers={f: _one_line(row[c]) for f, c in columns.items()},
            item_maxima={n: top for n, (_, top) in item_columns.items()},
            rows=rows,
            skipped_blank=blank,
            skipped_totals=totals,
            item_headers={n: _one_line(row[c]) for n, (c, _) in item_columns.items()},
            ignored=_ignored(row, {*columns.values(), *(c for c, _ in item_columns.values())}),
        )
    return None


def missing_columns(
    sheets: list[Sheet], required: Iterable[str], file: str, *, search_rows: int = SEARCH_ROWS
) -> IngestError:
    """The error for a file where no sheet has the required header: it names what is
    missing from the row that came closest."""
    required = tuple(required)
    separator = t("ingest.separator")
    columns = separator.join(display_name(f) for f in required)
    best_sheet, best_found = None, set()
    for sheet in sheets:
        for row in sheet.rows[:search_rows]:
            found = set(_field_columns(row, set(required)))
            if len(found) > len(best_found):
                best_sheet, best_found = sheet.name, found
    if best_sheet is None:
        return IngestError(t("ingest.columns.none", file=file, columns=columns))
    missing = separator.join(display_name(f) for f in required if f not in best_found)
    return IngestError(
        t("ingest.columns.missing", file=file, columns=columns, sheet=best_sheet, missing=missing)
    )


def _header_text(value: object) -> str | None:
    if type(value) is str:
        return value if value.strip() else None
    if type(value) is int:
        return str(value)
    if type(value) is float and value.is_integer():
        return str(int(value))
    return None


def _one_line(value: object) -> str:
    """The header as written, but on one line: problems are listed one per line."""
    return _LINE_BREAKS.sub(" ", _header_text(value).strip())


def _field_columns(row: list[object], wanted: set[str]) -> dict[str, int]:
    """Field → column; of two columns naming one field, the more exact name wins."""
    columns: dict[str, int] = {}
    preferences: dict[str, int] = {}
    for col, value in enumerate(row):
        text = _header_text(value)
        if text is None:
            continue
        name = field_for_header(text)
        if name not in wanted:
            continue
        preference = header_preference(text)
        if name not in columns or preference < preferences[name]:
            columns[name], preferences[name] = col, preference
    return dict(sorted(columns.items(), key=lambda item: item[1]))


def _ignored(row: list[object], used: set[int]) -> tuple[str, ...]:
    return tuple(
        _one_line(value)
        for col, value in enumerate(row)
        if col not in used and _header_text(value) is not None
    )


def _item_columns(row: list[object], fields: dict[str, int]) -> dict[int, tuple[int, float | None]]:
    taken = set(fields.values())
    columns: dict[int, tuple[int, float | None]] = {}
    for col, value in enumerate(row):
        text = _header_text(value)
        if text is None or col in taken or field_for_header(text) is not None:
            continue
        item = item_for_header(text)
        if item is not None and item[0] not in columns:
            columns[item[0]] = (col, item[1])
    return columns


def _data_rows(rows, start, columns, item_columns):
    """The data rows under the header, with the count of blank and totals rows skipped.

    Written for speed (a roster may have 100,000 rows): cells are picked with itemgetter,
    and the per-cell whitespace test runs in C through map/filter.
    """
    field_names, item_numbers = tuple(columns), tuple(item_columns)
    cols = (*columns.values(), *(c for c, _ in item_columns.values()))
    pick = itemgetter(*cols) if len(cols) > 1 else lambda row: (row[cols[0]],)
    need = max(cols) + 1
    fields = len(field_names)
    data: list[SourceRow] = []
    blank = totals = 0
    for index in range(start, len(rows)):
        row = rows[index]
        first = row[0] if row else None
        if first is None or (
            first.__class__ is str and (first[:1] in _MARKS or first[:1].isspace() or not first)
        ):
            kind = _kind(row)
            if kind is _BLANK:
                blank += 1
                continue
            if kind is _TOTAL:
                totals += 1
                continue
        if len(row) < need:
            row = row + [None] * (need - len(row))
        cells = pick(row)
        # Empty cells are None already (workbook.py); whitespace-only ones are blank too.
        if any(map(str.isspace, filter(_is_str, cells))):
            cells = tuple(None if _is_str(v) and (not v or v.isspace()) else v for v in cells)
        items = dict(zip(item_numbers, cells[fields:], strict=True)) if item_numbers else _NO_ITEMS
        values = dict(zip(field_names, cells, strict=False))  # stops at the last field
        data.append(SourceRow(index + 1, values, items))
    return data, blank, totals


_BLANK, _TOTAL = "blank", "total"
_NO_ITEMS: dict[int, object] = {}  # shared by every row of a sheet without item columns
# First characters of totals and notes rows: only rows starting with one are looked at closely.
_MARKS = frozenset("合总小注备说附制填审负单联经")
_is_str = str.__instancecheck__


def _kind(row: list[object]) -> str | None:
    """_BLANK for a row with nothing (or only notes) in it, _TOTAL for a totals row."""
    first = _first_value(row)
    if first is None:
        return _BLANK
    if type(first) is str:
        if _is_total(first):
            return _TOTAL
        if _NOTE.match(first) and _only_notes(row):
            return _BLANK
    return None


def _first_value(row: list[object]) -> object:
    for value in row:
        if value is not None and not (type(value) is str and (value.isspace() or not value)):
            return value
    return None


def _is_total(text: str) -> bool:
    if text.lstrip()[:1] not in ("合", "总", "小"):
        return False
    word = normalise_header(text)
    return word in _TOTALS or word.startswith(("合计", "总计"))


def _only_notes(row: list[object]) -> bool:
    return all(
        value is None or (type(value) is str and (value.isspace() or _NOTE.match(value)))
        for value in row
    )
