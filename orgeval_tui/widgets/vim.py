"""Lists that move with vim keys as well as the arrows (every binding has an id).

Their text is shown as written: Textual reads a plain string in a table cell or a tree
label as markup, so a unit or a problem titled ``挂牌[/b]不规范`` would stop the
application, and ``[red]…`` would colour it; and it writes control characters to the
terminal as they are, so an escape sequence in a title would clear the screen. Every
string is turned into a rich ``Text``, through ``printable``, on its way in: here for
every table and tree of the application, and by ``literal`` wherever else user text is
shown (the ledger's detail, forms, the error dialog).
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable, Tree

from ..domain.printable import printable
from .translated import TranslatedBindings


def literal(value, style: str = ""):
    """A string as literal text (never markup, no control characters); styled ``Text``
    with its control characters made visible; anything else as it is."""
    if isinstance(value, str):
        return Text(printable(value), style=style)
    if isinstance(value, Text):
        return Text(
            printable(value.plain),
            style=value.style,
            justify=value.justify,
            overflow=value.overflow,
            no_wrap=value.no_wrap,
            end=value.end,
            spans=value.spans,
        )
    return value


class VimDataTable(TranslatedBindings, DataTable):
    BINDINGS = [
        Binding("j", "cursor_down", "key.down", show=False, id="table.down"),
        Binding("k", "cursor_up", "key.up", show=False, id="table.up"),
        Binding("h", "cursor_left", "key.left", show=False, id="table.left"),
        Binding("l", "cursor_right", "key.right", show=False, id="table.right"),
        Binding("g", "scroll_top", "key.top", show=False, id="table.top"),
        Binding("G", "scroll_bottom", "key.bottom", show=False, id="table.bottom"),
    ]

    def add_row(self, *cells, **kwargs):
        return super().add_row(*(literal(cell) for cell in cells), **kwargs)

    def _column_edges(self) -> list[int]:
        edges, x = [], 0
        for column in self.ordered_columns:
            edges.append(x)
            x += column.get_render_width(self)
        return edges

    def action_cursor_right(self) -> None:
        """With a row cursor, `l` brings the next column to the left edge: a column a
        press, not a cell."""
        if self.cursor_type != "row":
            return super().action_cursor_right()
        later = [edge for edge in self._column_edges() if edge > self.scroll_x]
        self.scroll_to(
            x=min(later[0], self.max_scroll_x) if later else self.max_scroll_x, animate=False
        )

    def action_cursor_left(self) -> None:
        if self.cursor_type != "row":
            return super().action_cursor_left()
        earlier = [edge for edge in self._column_edges() if edge < self.scroll_x]
        self.scroll_to(x=earlier[-1] if earlier else 0, animate=False)

    def add_rows(self, rows):
        return super().add_rows([literal(cell) for cell in row] for row in rows)

    def update_cell(self, row_key, column_key, value, **kwargs) -> None:
        super().update_cell(row_key, column_key, literal(value), **kwargs)

    def update_cell_at(self, coordinate, value, **kwargs) -> None:
        super().update_cell_at(coordinate, literal(value), **kwargs)


class VimTree(TranslatedBindings, Tree):
    BINDINGS = [
        Binding("j", "cursor_down", "key.down", show=False, id="tree.down"),
        Binding("k", "cursor_up", "key.up", show=False, id="tree.up"),
        Binding("h", "cursor_parent", "key.parent", show=False, id="tree.parent"),
        Binding("l", "toggle_node", "key.expand", show=False, id="tree.expand"),
        Binding("g", "scroll_home", "key.top", show=False, id="tree.top"),
        Binding("G", "scroll_end", "key.bottom", show=False, id="tree.bottom"),
    ]

    def process_label(self, label) -> Text:
        return super().process_label(literal(label))
