"""What a screen shows, as lines of text, and what of it is the user's own data."""

from __future__ import annotations

import io
import re
import sqlite3
from pathlib import Path

CJK = re.compile(r"[\u3400-\u9fff]+")


def screen_texts(screen) -> list[str]:
    """What each widget of the screen says, whole (a cell, a label, a paragraph): the
    text before it is wrapped, cut short or hidden under a dialog."""
    from rich.console import Console
    from rich.text import Text
    from textual.content import Content
    from textual.widgets import DataTable, Input, OptionList, TextArea, Tree

    texts: list[str] = []
    for widget in screen.walk_children(with_self=False):
        if isinstance(widget, DataTable):
            if widget.show_header:
                texts += [str(column.label) for column in widget.columns.values()]
            for index in range(widget.row_count):
                texts += [str(cell) for cell in widget.get_row_at(index)]
        elif isinstance(widget, Tree):
            stack = [widget.root]
            while stack:
                node = stack.pop()
                texts.append(str(node.label))
                stack.extend(node.children)
        elif isinstance(widget, Input):
            texts += [widget.value, widget.placeholder]
        elif isinstance(widget, TextArea):
            texts += [widget.text, str(widget.placeholder)]
        elif isinstance(widget, OptionList):
            texts += [str(o.prompt) for o in widget.options]
        elif not widget.children:
            shown = widget.render()
            if isinstance(shown, (str, Text, Content)):
                texts.append(str(shown))
            elif hasattr(shown, "__rich_console__"):  # a table of keys, a chart
                console = Console(width=200, file=io.StringIO(), record=True, color_system=None)
                console.print(shown)
                texts += console.export_text().splitlines()
    return [text for text in texts if text.strip()]


# Tables that hold copies of other tables' values (the audit trail, the search index):
# a value left out of the user's texts must not come back through them.
COPIES = {
    "audit_event",
    "problem_search",
    "problem_search_data",
    "problem_search_idx",
    "problem_search_docsize",
    "problem_search_config",
    "alembic_version",
}


def _texts_in(value: str) -> list[str]:
    """A stored text, and each text of a JSON list stored as text (a rubric leaf's
    ledger categories)."""
    import json

    value = value.strip()
    if value.startswith("["):
        try:
            items = json.loads(value)
        except ValueError:
            items = None
        if isinstance(items, list) and all(isinstance(item, str) for item in items):
            return [value, *(item.strip() for item in items)]
    return [value]


class UserTexts:
    """Every text stored in the database: the user's own words (names, titles, people,
    duty codes…). A widget's text that is one of them is the user's; inside a longer
    text only the Chinese ones are blanked out, so a stored identifier (a state, a kind)
    cannot hide an untranslated word."""

    def __init__(self, path: Path, *, leave_out: frozenset[tuple[str, str]] = frozenset()):
        """``leave_out`` names (table, column) pairs that are not shown as written."""
        texts: set[str] = set()
        with sqlite3.connect(path) as connection:
            tables = [
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            ]
            for table in tables:
                if table in COPIES:
                    continue
                columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
                for column in columns:
                    if (table, column) in leave_out:
                        continue
                    query = (
                        f'SELECT DISTINCT "{column}" FROM "{table}" '
                        f"WHERE typeof(\"{column}\") = 'text'"
                    )
                    for (value,) in connection.execute(query):
                        texts.update(_texts_in(value))
        self.whole = texts
        self.chinese = sorted((t for t in texts if CJK.search(t)), key=len, reverse=True)

    def _cut_from_whole(self, shown: str) -> bool:
        """A stored text cut to its column's width (``信息化推…``)."""
        if not shown.endswith("…") or len(shown) < 2:
            return False
        start = shown[:-1]
        return any(text.startswith(start) for text in self.whole)

    def blank_out(self, shown: str) -> str:
        if shown.strip() in self.whole or self._cut_from_whole(shown.strip()):
            return ""
        for text in self.chinese:
            if text in shown:
                shown = shown.replace(text, " ")
        return shown
