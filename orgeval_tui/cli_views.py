"""Rich renderings of service results for the command line."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .presentation import unit_cells, unit_columns, walk_tree


def unit_tree_table(roots, console: Console | None = None) -> None:
    table = Table(*unit_columns(), box=None, pad_edge=False)
    for column in table.columns[3:]:
        column.justify = "right"
    for depth, node in walk_tree(roots):
        table.add_row(*unit_cells(node, depth))
    (console or Console()).print(table)
