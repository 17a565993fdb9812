"""The audit records of a unit or a problem: one row per changed field (time, account,
record, field, old → new), newest first, cut to the width; the highlighted record whole
below the table. Fed an ``AuditPage`` (plain data) by its screen's worker."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from ..domain.printable import printable
from ..i18n import t
from ..services.presentation import fit_cells
from .vim import VimDataTable, literal

# The change (old → new) takes what is left; the account, record and field are capped,
# the record and field wider on a terminal wider than 80 columns.
CHANGE, ACCOUNT_CAP, RECORD_CAP, FIELD_CAP, NARROW = 4, 8, 18, 12, 78
SCROLLBAR = 2


def _caps(width: int) -> dict[int, int]:
    room = max(0, width - NARROW)
    return {1: ACCOUNT_CAP, 2: RECORD_CAP + room // 3, 3: FIELD_CAP + room // 6}


def _change(line) -> str:
    return f"{line.old_words} → {line.new_words}"


def _action(line) -> str:
    return t(f"audit.action.{line.action}")


class AuditTrail(Vertical):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.page = None

    def compose(self) -> ComposeResult:
        yield Static(t("tui.audit.loading"), classes="audit-note")
        yield VimDataTable(cursor_type="row", zebra_stripes=True)
        yield Static("", classes="audit-record")

    @property
    def table(self) -> VimDataTable:
        return self.query_one(VimDataTable)

    def show(self, page) -> None:
        self.page = page
        self._fill()
        if not page.lines:
            note = t("audit.none")
        elif page.more:
            note = t("tui.audit.more", count=len(page.lines))
        else:
            note = t("tui.audit.count", count=len(page.lines))
        self.query_one(".audit-note", Static).update(literal(note))
        self._show_record()

    def _fill(self) -> None:
        """The cells whole (what a cell holds is the record's), each column as wide as
        ``fit_cells`` makes it; a longer cell ends in "…" on the screen."""
        headers = t("audit.headers").split("|")
        rows = [
            [
                printable(cell, one_line=True)
                for cell in (line.local_time, line.actor, line.subject, line.field_label)
            ]
            + [printable(_change(line), one_line=True)]
            for line in self.page.lines
        ]
        width = (self.size.width or self.app.size.width) - SCROLLBAR
        _, widths = fit_cells([list(row) for row in rows], headers, width, CHANGE, _caps(width))
        table = self.table
        cursor = table.cursor_row
        table.clear(columns=True)
        for label, cells in zip(headers, widths, strict=True):
            table.add_column(label, width=cells)
        for line, cells in zip(self.page.lines, rows, strict=True):
            table.add_row(
                *(Text(cell, no_wrap=True, overflow="ellipsis") for cell in cells),
                key=str(line.record),
            )
        if rows:
            table.move_cursor(row=min(cursor, len(rows) - 1))

    def on_resize(self) -> None:
        if self.page is not None:
            self.call_after_refresh(self._fill)

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._show_record()

    def _show_record(self) -> None:
        """The highlighted record whole: the table cuts long values."""
        box = self.query_one(".audit-record", Static)
        table = self.table
        if self.page is None or not self.page.lines or table.row_count == 0:
            box.update("")
            return
        line = self.page.lines[min(table.cursor_row, len(self.page.lines) - 1)]
        text = Text()
        text.append(f"#{line.record}  {line.local_time}  {line.actor}  ", style="dim")
        text.append(t("audit.what", subject=line.subject, action=_action(line)), style="bold")
        if line.field_label:
            text.append(f"  {line.field_label}{t('tui.ledger.colon')}")
        text.append(_change(line))
        box.update(literal(text))
