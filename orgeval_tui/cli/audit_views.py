"""`orgeval audit log` as a table: every value the user wrote shown as written."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from ..i18n import t
from .literal import literal


def audit_table(page, console: Console | None = None) -> None:
    console = console or Console()
    if not page.lines:
        console.print(literal(t("audit.none")))
        return
    table = Table(*t("audit.headers").split("|"), box=None, pad_edge=False)
    for column in table.columns[:2]:
        column.no_wrap = True
    for column in table.columns[2:]:
        column.overflow = "fold"
    for line in page.lines:
        table.add_row(
            literal(line.local_time),
            literal(line.actor),
            literal(
                t("audit.what", subject=line.subject, action=t(f"audit.action.{line.action}"))
            ),
            literal(line.field_label),
            literal(f"{line.old_words} → {line.new_words}"),
        )
    console.print(table)
    if page.more:
        console.print(literal(t("audit.more")))
