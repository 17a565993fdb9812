"""A sheet as read from a file: its name and its raw cell values, row by row."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sheet:
    """Row i of ``rows`` is the spreadsheet's row i + 1; column j is column j + 1 (A = 0).

    Cells hold str, int, float, bool, date, datetime, time (or timedelta) as read,
    and None where the cell is empty.
    """

    name: str
    rows: list[list[object]]

    def has_content(self) -> bool:
        for row in self.rows:
            for value in row:
                if value is not None and not (type(value) is str and value.isspace()):
                    return True
        return False
