"""How a problem reads on the ledger screen: its row, and its detail with the timeline.

Everything a user typed is added to rich ``Text`` as plain text, never as markup: a
title like ``[red]`` must show as written.
"""

from __future__ import annotations

from datetime import date

from rich.cells import cell_len
from rich.text import Text

from ..i18n import t
from ..services import ledger_facts
from ..timezone import office_tz


def labelled(key: str) -> str:
    """A label with its colon (full-width in Chinese)."""
    return t(key) + t("tui.ledger.colon")


def cut(text: str, cells: int) -> str:
    """``text`` cut to ``cells`` terminal cells (a CJK character takes two), with …."""
    if cell_len(text) <= cells:
        return text
    shown = Text(text)
    shown.truncate(cells, overflow="ellipsis")
    return shown.plain


def _day(value: date | None) -> str:
    return value.isoformat() if value else "—"


def due_text(problem, today: date) -> str:
    """Overdue by N days, N days left, or nothing (not open, or no deadline)."""
    overdue = ledger_facts.days_overdue(problem, today)
    if overdue is not None:
        return t("tui.ledger.overdue_days", days=overdue)
    left = ledger_facts.days_left(problem, today)
    return t("tui.ledger.days_left", days=left) if left is not None else ""


def row_cells(problem, today: date, selected: bool, title_cells: int) -> tuple:
    """The cells of a problem's row, in the order of ``tui.ledger.headers``."""
    due = due_text(problem, today)
    style = "bold red" if ledger_facts.is_overdue(problem, today) else ""
    return (
        "●" if selected else " ",
        problem.number,
        problem.unit_label,
        cut(problem.title, title_cells),
        t(f"ledger.status.{problem.status}"),
        _day(problem.deadline),
        Text(due, style=style),
    )


def _line(text: Text, label: str, value) -> None:
    if value in (None, ""):
        return
    text.append(f"{label}{t('tui.ledger.colon')}", style="bold")
    text.append(f"{value}\n")


def _event_line(event) -> Text:
    line = Text()
    when = event.at.astimezone(office_tz()).strftime("%Y-%m-%d %H:%M")
    line.append(f"{when}  ", style="dim")
    line.append(f"{event.actor}  ")
    line.append(t(f"ledger.action.{event.action}"), style="bold")
    before = t(f"ledger.status.{event.from_status}") if event.from_status else ""
    after = t(f"ledger.status.{event.to_status}")
    line.append(f"  {before} → {after}" if before and before != after else f"  → {after}")
    if event.reason:
        line.append(f"\n    {labelled('tui.ledger.reason')}{event.reason}")
    old = event.detail.get("old_deadline")
    if event.action == "extend":
        new = event.detail["deadline"]
        line.append(f"\n    {labelled('tui.ledger.deadline')}{old or '—'} → {new}")
    return line


def detail_text(detail, today: date) -> Text:
    problem = detail.problem
    text = Text()
    text.append(f"{problem.number}  ", style="bold")
    text.append(problem.unit)
    labels = [
        t(f"ledger.source.{problem.source}"),
        problem.category or "",
        t(f"ledger.severity.{problem.severity}"),
    ]
    text.append("  ·  " + " · ".join(label for label in labels if label) + "\n")
    text.append(f"{problem.title}\n", style="bold")
    if problem.description:
        text.append(f"{problem.description}\n")
    _line(text, t("tui.ledger.recommendation"), problem.recommendation)
    status = t(f"ledger.status.{problem.status}")
    due = due_text(problem, today)
    text.append(f"{labelled('tui.ledger.status')}", style="bold")
    text.append(status, style="bold red" if ledger_facts.is_overdue(problem, today) else "")
    text.append(f"  {labelled('tui.ledger.deadline')}{_day(problem.deadline)}")
    text.append(f"（{due}）\n" if due else "\n")
    _line(text, t("tui.ledger.fed_back_on"), problem.fed_back_on)
    _line(text, t("tui.ledger.measures"), problem.measures)
    _line(text, t("tui.ledger.responsible"), problem.responsible)
    report = problem.report_text or ""
    if problem.report_file_name:
        report += f"  [{problem.report_file_name}  SHA-256 {problem.report_file_hash[:12]}…]"
    _line(text, t("tui.ledger.report"), report.strip())
    _line(text, t("tui.ledger.reported_on"), problem.reported_on)
    if problem.verified_on:
        _line(
            text,
            t("tui.ledger.verified"),
            f"{problem.verified_on}  {problem.verifier}  {problem.verify_note or ''}".strip(),
        )
    if problem.withdrawn_on:
        _line(text, t("tui.ledger.withdrawn"), f"{problem.withdrawn_on}  {problem.withdraw_reason}")
    _line(text, t("tui.ledger.days_open"), detail.facts.days_open)
    text.append(f"\n{t('tui.ledger.timeline')}\n", style="bold underline")
    for event in detail.events:
        text.append_text(_event_line(event))
        text.append("\n")
    return text
