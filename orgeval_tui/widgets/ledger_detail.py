"""How a problem reads on the ledger screen: its row, and its detail with the timeline.

Everything a user typed is added to rich ``Text`` as plain text, never as markup: a
title like ``[red]`` must show as written; the detail goes out through ``literal``, which
makes control characters visible.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text

from ..domain.clock import office_tz
from ..i18n import t
from ..services.presentation import due_note, fit_cells
from .vim import literal


def labelled(key: str) -> str:
    """A label with its colon (full-width in Chinese)."""
    return t(key) + t("tui.ledger.colon")


def _day(value: date | None) -> str:
    return value.isoformat() if value else "—"


_TONES = {"overdue": "bold red", "soon": "yellow", "struck_off": "dim"}


TITLE_COLUMN = 3
CELL_PADDING = 2  # DataTable's padding around each cell
SCROLLBAR = 2


def row_cells(problem, today: date, selected: bool) -> list:
    """The cells of a problem's row, in the order of ``tui.ledger.headers``; the title
    whole (``fit_columns`` cuts it to the room left)."""
    due, tone = due_note(problem, today)
    return [
        "●" if selected else " ",
        problem.number,
        problem.unit_label,
        problem.title,
        t(f"ledger.status.{problem.status}"),
        _day(problem.deadline),
        Text(due, style=_TONES.get(tone, "")),
    ]


def fit_columns(rows: list[list], headers: list[str], width: int) -> tuple[list[list], list]:
    """The ledger's rows with each title cut to what the other columns leave of
    ``width`` (never below 12 cells), and the width of each column."""
    return fit_cells(
        rows, headers, width - SCROLLBAR, TITLE_COLUMN, padding=CELL_PADDING, minimum=12
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


def _finding_line(finding) -> Text:
    """An on-site finding the problem came from: when, which activity, what it found,
    and the leaves it bears on."""
    line = Text()
    line.append(f"{finding.held_on.isoformat()}  ", style="dim")
    line.append(t(f"fieldwork.kind.{finding.kind}"), style="bold")
    line.append(f"  {finding.text}")
    if finding.indicators:
        line.append(f"  （{'、'.join(finding.indicators)}）", style="dim")
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
    due, tone = due_note(problem, today)
    text.append(f"{labelled('tui.ledger.status')}", style="bold")
    text.append(status, style=_TONES["overdue"] if tone == "overdue" else "")
    text.append(f"  {labelled('tui.ledger.deadline')}{_day(problem.deadline)}")
    # The day it was struck off has its own line below.
    text.append(f"（{due}）\n" if due and tone != "struck_off" else "\n")
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
    if detail.findings:
        text.append(f"\n{t('tui.ledger.findings')}\n", style="bold underline")
        for finding in detail.findings:
            text.append_text(_finding_line(finding))
            text.append("\n")
    text.append(f"\n{t('tui.ledger.timeline')}\n", style="bold underline")
    for event in detail.events:
        text.append_text(_event_line(event))
        text.append("\n")
    return literal(text)


def describe_query(query, selected: int = 0) -> str:
    """The filter line above the table: what is shown, in which order, and how many
    problems are selected."""
    parts = []
    if query.unit:
        parts.append(query.unit)
    if query.status:
        parts.append(t(f"ledger.status.{query.status}"))
    if query.source:
        parts.append(t(f"ledger.source.{query.source}"))
    if query.category:
        parts.append(query.category)
    if query.severity:
        parts.append(t(f"ledger.severity.{query.severity}"))
    if query.overdue:
        parts.append(t("tui.ledger.only_overdue"))
    if query.due_within is not None:
        parts.append(t("tui.ledger.due_within", days=query.due_within))
    if query.search:
        parts.append(t("tui.ledger.searching", text=query.search))
    shown = " · ".join(parts) if parts else t("tui.ledger.all")
    arrow = "↓" if query.descending else "↑"
    order = t(f"tui.ledger.order.{query.order}")
    sort = f"{labelled('tui.ledger.sort')}{order}{arrow}"
    line = f"{labelled('tui.ledger.filter')}{shown}    {sort}"
    return line + ("    " + t("tui.ledger.selected", count=selected) if selected else "")
