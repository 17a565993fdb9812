"""A table over many rows, holding one page at a time.

The owner supplies the pages (from a worker); the table asks for the next page when the
cursor runs off the end, and shows where it is: "201–400 / 100,000".
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from .translated import TranslatedBindings
from .vim import VimDataTable, literal

PAGE_KEYS = Binding.Group("key.pages")  # the footer: "n p 翻页"


class PagedTable(TranslatedBindings, Vertical):
    BINDINGS = [
        Binding(
            "n",
            "next_page",
            "key.next_page",
            tooltip="key.next_page",
            id="paged.next",
            group=PAGE_KEYS,
        ),
        Binding(
            "p",
            "previous_page",
            "key.previous_page",
            tooltip="key.previous_page",
            id="paged.previous",
            group=PAGE_KEYS,
        ),
        Binding("less_than_sign", "first_page", "key.first_page", show=False, id="paged.first"),
        Binding("greater_than_sign", "last_page", "key.last_page", show=False, id="paged.last"),
    ]

    class PageWanted(Message):
        def __init__(self, table: PagedTable, offset: int) -> None:
            super().__init__()
            self.table, self.offset = table, offset

    SCROLLBAR = 2  # the vertical scrollbar's cells, taken from the table's width

    def __init__(
        self,
        columns: list[str],
        page_size: int = 200,
        fit: tuple[int, dict[int, int]] | None = None,
        **kwargs,
    ) -> None:
        """``fit``: (the column of long text, {column: its most cells}): rows are cut to
        the table's width, so every column stays in view (``services.presentation.fit_cells``)."""
        super().__init__(**kwargs)
        self.columns, self.page_size, self.fit = columns, page_size, fit
        self.page_offset, self.total = 0, 0

    def compose(self) -> ComposeResult:
        yield Static("", classes="paged-position")
        yield VimDataTable(cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self.column_keys = self.query_one(VimDataTable).add_columns(*self.columns)

    @property
    def table(self) -> VimDataTable:
        return self.query_one(VimDataTable)

    def show_page(
        self,
        offset: int,
        total: int,
        rows: list[tuple],
        at_end: bool = False,
        keys: list[str] | None = None,
        note: str = "",
        widths: list[int] | None = None,
    ) -> None:
        """One page of rows; ``keys`` names each row (to find it again, or update it);
        ``note`` follows the position (what the rows are taken over); ``widths`` each
        column (else as wide as its widest cell). The columns are made again: a measured
        column grows to its widest cell but never shrinks, so a page of narrower cells
        (another filter, a narrower terminal) would keep the last widths."""
        self.page_offset, self.total = offset, total
        table = self.query_one(VimDataTable)
        if self.fit is not None:
            from ..services.presentation import fit_cells

            width = (self.size.width or self.app.size.width) - self.SCROLLBAR
            rows, widths = fit_cells([list(row) for row in rows], self.columns, width, *self.fit)
        table.clear(columns=True)
        self.column_keys = [
            table.add_column(label, width=width)
            for label, width in zip(self.columns, widths or [None] * len(self.columns), strict=True)
        ]
        for index, row in enumerate(rows):
            table.add_row(*row, key=keys[index] if keys else None)
        if at_end and rows:
            table.move_cursor(row=len(rows) - 1)
        first = offset + 1 if rows else 0
        position = f"{first:,}–{offset + len(rows):,} / {total:,}"
        self.query_one(".paged-position", Static).update(
            literal(f"{position}  {note}" if note else position)
        )

    def page_of(self, index: int) -> int:
        """The offset of the page the row at ``index`` (from 0) is on."""
        return index // self.page_size * self.page_size

    def _want(self, offset: int) -> None:
        if 0 <= offset < max(self.total, 1) and offset != self.page_offset:
            self.post_message(self.PageWanted(self, offset))

    def action_next_page(self) -> None:
        self._want(self.page_offset + self.page_size)

    def action_previous_page(self) -> None:
        self._want(max(0, self.page_offset - self.page_size))

    def action_first_page(self) -> None:
        self._want(0)

    def action_last_page(self) -> None:
        self._want(max(0, self.total - 1) // self.page_size * self.page_size)
