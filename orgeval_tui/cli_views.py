"""Rich renderings of service results for the command line."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .i18n import t


def unit_tree_table(roots, console: Console | None = None) -> None:
    console = console or Console()
    headers = t("unit.headers").split("|")
    table = Table(*headers, box=None, pad_edge=False)
    for column in table.columns[3:]:
        column.justify = "right"

    def add(node, depth: int) -> None:
        indent = "  " * (depth - 1) + "└ " if depth else ""
        table.add_row(
            f"{indent}{node.name}",
            node.short_name or "",
            t(f"unit.kind.{node.kind}"),
            str(node.quota_admin),
            str(node.quota_public),
            str(node.quota_service),
            str(node.quota_leaders),
        )
        for child in node.children:
            add(child, depth + 1)

    for root in roots:
        add(root, 0)
    console.print(table)
