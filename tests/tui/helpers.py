"""Driving the app in tests: wait for workers, read what the screen shows."""

from __future__ import annotations

from textual.widgets import DataTable


async def settle(pilot) -> None:
    """Let every database worker finish and its message be handled."""
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def table_rows(table: DataTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def tree_labels(tree) -> list[str]:
    labels = []

    def walk(node):
        for child in node.children:
            labels.append(str(child.label))
            walk(child)

    walk(tree.root)
    return labels
