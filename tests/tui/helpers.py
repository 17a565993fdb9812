"""Driving the app in tests: wait for workers, read what the screen shows."""

from __future__ import annotations

from sqlmodel import select
from textual.widgets import DataTable

from orgeval_tui.models import Unit
from orgeval_tui.storage.database import Database


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


def unit_id(demo_db, name: str) -> int:
    """The id of the demo's unit ``name``."""
    database = Database.open(str(demo_db))
    try:
        with database.read() as session:
            return session.scalar(select(Unit.id).where(Unit.name == name))
    finally:
        database.dispose()


def bureau_id(demo_db) -> int:
    """The id of 县工业和信息化局, the demo's unit with every kind of data."""
    return unit_id(demo_db, "县工业和信息化局")


def footer_words(screen) -> list[str]:
    """What the screen's footer says, in order: each key with its word, and the one word
    of a group of keys (``] [ 页签``). Textual's footer parts are found by their type's
    name: the classes are not public."""
    from textual.widgets import Footer

    words = []
    for part in screen.query_one(Footer).walk_children():
        kind = type(part).__name__
        if kind == "FooterKey":
            words.append(f"{part.key_display} {part.description}".strip())
        elif kind == "FooterLabel":
            words.append(str(part.render()).strip())
    return words
