"""What can go wrong when reading a file: one bad row, or the whole file."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..domain.errors import UserError
from ..i18n import t
from .text import shown


@dataclass(frozen=True, order=True)
class RowProblem:
    """One cell or row that cannot be read, located as the spreadsheet shows it.

    Sorting goes by sheet, then row (whole-sheet problems, row None, first), then field.
    """

    # Listed first so that ordering compares it before anything else: the public fields may be
    # None, and None does not compare with int or str.
    _order: tuple = dataclasses.field(init=False, repr=False)
    sheet: str
    row: int | None
    field: str | None
    message: str

    def __post_init__(self) -> None:
        row = -1 if self.row is None else self.row
        key = (self.sheet, row, self.field or "", self.message)
        object.__setattr__(self, "_order", key)

    def __str__(self) -> str:
        where = self.sheet
        if self.row is not None:
            where = f"{self.sheet}!{self.row}" if self.sheet else str(self.row)
        # A header is quoted as written, and a file may hold any header: cut it.
        parts = [p for p in (where, self.field and shown(self.field)) if p]
        return ": ".join([*parts, self.message])


class IngestError(UserError):
    """The file as a whole cannot be read; the message names the file (and sheet)."""

    @classmethod
    def about(cls, file: str, message: str, sheet: str | None = None) -> IngestError:
        if sheet:
            return cls(t("ingest.where.sheet", file=file, sheet=sheet, message=message))
        return cls(t("ingest.where.file", file=file, message=message))
