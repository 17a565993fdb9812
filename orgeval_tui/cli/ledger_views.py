"""How `orgeval ledger ls` and `orgeval ledger show` print. Imported only when a
table is printed, so a command that fails or prints JSON never loads rich's tables."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.measure import Measurement
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from ..domain.clock import office_tz
from ..i18n import t
from ..services.ledger import action_label, status_label
from ..services.presentation import cut, due_note
from .literal import literal, plain

_SHOWN = {
    "create": ("category",),
    "feedback": ("fed_back_on",),
    "plan": ("deadline", "responsible", "measures"),
    "report": ("report_text", "report_file_name"),
    "verify": ("verify_note",),
    "extend": ("old_deadline", "deadline"),
}


_TONES = {"overdue": "red", "soon": "yellow", "struck_off": "dim"}


def _one_line(text: str, width: int) -> str:
    """``text`` on one line in exactly ``width`` terminal cells (CJK count two), cut
    with an ellipsis when longer."""
    return set_cell_size(cut(" ".join(text.split()), width), width)


def problems_table(problems, today, console=None) -> None:
    """One line per problem. Number, unit, status and deadline keep their widest cell;
    the title, then the note, give way (…) to what the terminal has left. Cells are cut
    and padded here and handed to the table as ready segments: rich's own per-cell text
    layout is what costs most when a unit has hundreds of problems (bench/ledger_ls.py)."""

    class Cell:
        """Text already cut and padded to its column: one segment, no layout."""

        __slots__ = ("text", "width", "style")

        def __init__(self, text: str, width: int, style: str | None = None):
            self.text, self.width, self.style = text, width, style

        def __rich_console__(self, _console, _options):
            yield Segment(self.text, console.get_style(self.style) if self.style else None)

        def __rich_measure__(self, _console, _options):
            return Measurement(self.width, self.width)

    console = console or Console()
    headers = t("ledger.headers").split("|")
    rows, styles = [], []
    for problem in problems:
        note, tone = due_note(problem, today)
        style = _TONES.get(tone, "")
        rows.append(
            (
                problem.number,
                plain(problem.unit_label, one_line=True),
                plain(problem.title, one_line=True),
                status_label(problem.status),
                problem.deadline.isoformat() if problem.deadline else "",
                note,
            )
        )
        styles.append(style or None)
    widest = [
        max([cell_len(header), *(cell_len(row[i]) for row in rows)])
        for i, header in enumerate(headers)
    ]
    gap = 2
    room = console.width - gap * (len(headers) - 1) - sum(widest[i] for i in (0, 1, 3, 4))
    widths = list(widest)
    widths[2] = max(6, min(widest[2], room - min(widest[5], 16)))
    widths[5] = max(4, min(widest[5], room - widths[2]))
    last = len(headers) - 1
    spans = [width + (gap if i < last else 0) for i, width in enumerate(widths)]

    def cells(values, style=None):
        return [
            Cell(
                _one_line(value, widths[i]) + (" " * gap if i < last else ""),
                spans[i],
                style if i == last else None,
            )
            for i, value in enumerate(values)
        ]

    table = Table(box=None, padding=0, show_header=False, show_edge=False)
    for span in spans:
        table.add_column(width=span, no_wrap=True, overflow="ignore")
    table.add_row(*cells(headers), style="bold")
    for row, style in zip(rows, styles, strict=True):
        table.add_row(*cells(row, style))
    console.print(table)
    console.print(t("ledger.count", count=len(problems)), style="dim", highlight=False)


def detail_view(detail, console=None) -> None:
    """Every value goes in through ``literal``, never as markup: a title may well hold
    "[...]", or an escape sequence."""

    console = console or Console()
    problem, facts = detail.problem, detail.facts

    def label(key):
        return t(f"ledger.field.{key}")

    console.print(Text.assemble((problem.number, "bold"), "  ", literal(problem.title)))
    fields = Table(box=None, show_header=False, pad_edge=False)
    fields.add_column(style="bold", no_wrap=True)
    fields.add_column(overflow="fold")
    rows = [
        ("unit", problem.unit),
        ("status", status_label(problem.status)),
        ("source", t(f"ledger.source.{problem.source}")),
        ("category", problem.category),
        ("severity", t(f"ledger.severity.{problem.severity}")),
        ("description", problem.description),
        ("recommendation", problem.recommendation),
        ("fed_back_on", problem.fed_back_on),
        ("measures", problem.measures),
        ("responsible", problem.responsible),
        ("deadline", problem.deadline),
        ("report_text", problem.report_text),
        (
            "report_file",
            f"{problem.report_file_name}  sha256:{problem.report_file_hash}"
            if problem.report_file_name
            else None,
        ),
        ("reported_on", problem.reported_on),
        ("verifier", problem.verifier),
        ("verified_on", problem.verified_on),
        ("verify_note", problem.verify_note),
        ("withdraw_reason", problem.withdraw_reason),
        ("withdrawn_on", problem.withdrawn_on),
        ("created_at", problem.created_at.astimezone(office_tz()).strftime("%Y-%m-%d %H:%M")),
        ("version", problem.version),
    ]
    for key, value in rows:
        if value is None or value == "":
            continue
        shown = value.isoformat() if hasattr(value, "isoformat") else str(value)
        fields.add_row(Text(label(key)), literal(shown))
    console.print(fields)

    console.print()
    console.print(Text(t("ledger.facts", today=facts.today.isoformat()), style="bold"))
    fact_table = Table(box=None, show_header=False, pad_edge=False)
    fact_table.add_column(style="bold", no_wrap=True)
    fact_table.add_column()
    yes, no = t("ledger.yes"), t("ledger.no")
    fact_table.add_row(label("overdue"), yes if facts.overdue else no)
    if facts.days_overdue is not None:
        fact_table.add_row(label("days_overdue"), str(facts.days_overdue))
    if facts.days_left is not None:
        fact_table.add_row(label("days_left"), str(facts.days_left))
    fact_table.add_row(label("days_open"), str(facts.days_open))
    allowed = t("ledger.list_sep").join(f"{action_label(a)} ({a})" for a in detail.allowed)
    allowed = allowed or t("ledger.nothing_allowed")
    fact_table.add_row(t("ledger.allowed_now"), Text(allowed))
    console.print(fact_table)

    console.print()
    console.print(Text(t("ledger.events"), style="bold"))
    events = Table(*t("ledger.event_headers").split("|"), box=None, pad_edge=False)
    for column in events.columns[:4]:
        column.no_wrap = True
    events.columns[4].overflow = "fold"
    for event in detail.events:
        states = status_label(event.to_status)
        if event.from_status and event.from_status != event.to_status:
            states = f"{status_label(event.from_status)} → {states}"
        values = [str(event.detail[k]) for k in _SHOWN.get(event.action, ()) if event.detail.get(k)]
        if event.action == "extend" and len(values) == 2:
            values = [" → ".join(values)]
        why = "；".join([*values, *([event.reason] if event.reason else [])])
        events.add_row(
            event.at.astimezone(office_tz()).strftime("%Y-%m-%d %H:%M"),
            literal(event.actor),
            action_label(event.action),
            states,
            literal(why),
        )
    console.print(events)
