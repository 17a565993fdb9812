"""`orgeval ledger ...`: quick lookups and the life of a problem, from a shell.

Light on purpose, like the rest of the CLI: the service, rich and the database are imported inside
the commands, and nothing here imports Textual, pandas or openpyxl.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

ledger_app = typer.Typer(
    help="The problem ledger (问题台账): look up problems and move them through their life.",
    no_args_is_help=True,
)

NumberArgument = Annotated[str, typer.Argument(help="Problem number, e.g. 2021-007.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]
IfVersion = Annotated[
    int | None,
    typer.Option(
        "--if-version",
        help="Only if the problem is still at this version (as `show` gave it); "
        "otherwise refuse, naming who changed it.",
    ),
]


def _open_db(ctx: typer.Context):
    from ..storage.database import Database

    return Database.open(ctx.find_root().obj.db)


def _date(value: str | None, option: str):
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date (YYYY-MM-DD)", param_hint=option
        ) from None


def _print_json(document) -> None:
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def _service():
    from ..services import ledger

    return ledger


@ledger_app.command("ls")
def ledger_ls(
    ctx: typer.Context,
    unit: Annotated[str | None, typer.Option("--unit", help="Unit name or short name.")] = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            help="identified, fed_back, rectifying, reported, closed, withdrawn, or open.",
        ),
    ] = None,
    overdue: Annotated[
        bool, typer.Option("--overdue", help="Deadline passed, not reported or closed.")
    ] = False,
    due_within: Annotated[
        int | None, typer.Option("--due-within", help="Open, deadline within DAYS from today.")
    ] = None,
    search: Annotated[
        str | None,
        typer.Option("--search", help="Any substring of the number or texts (e.g. 挂牌)."),
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="At most this many.")] = None,
    as_json: JsonOption = False,
) -> None:
    """List problems, in the order they were recorded."""
    ledger = _service()
    today = ledger.office_today()
    problems = ledger.list_problems(
        _open_db(ctx),
        unit=unit,
        status=status,
        overdue=overdue,
        due_within=due_within,
        search=search,
        today=today,
        limit=limit,
    )
    if as_json:
        from ..services.ledger.facts import facts

        _print_json([{**p.to_json(), "facts": facts(p, today).to_json()} for p in problems])
        return
    from ..i18n import t

    if not problems:
        typer.echo(t("ledger.none"))
        return
    _problems_table(problems, today)


@ledger_app.command("show")
def ledger_show(ctx: typer.Context, number: NumberArgument, as_json: JsonOption = False) -> None:
    """One problem: its fields, its facts today, and every event of its life."""
    detail = _service().show(_open_db(ctx), number)
    if as_json:
        _print_json(detail.to_json())
        return
    _detail_view(detail)


@ledger_app.command("add")
def ledger_add(
    ctx: typer.Context,
    unit: Annotated[str, typer.Option("--unit", help="Unit name or short name.")],
    title: Annotated[str, typer.Option("--title", help="The problem in one line.")],
    description: Annotated[str | None, typer.Option("--description")] = None,
    source: Annotated[
        str, typer.Option("--source", help="self, peer, onsite, roster, duties, cases.")
    ] = "onsite",
    category: Annotated[str | None, typer.Option("--category", help="e.g. 机构挂牌.")] = None,
    severity: Annotated[str, typer.Option("--severity", help="high, medium, low.")] = "medium",
    recommendation: Annotated[str | None, typer.Option("--recommendation")] = None,
    as_json: JsonOption = False,
) -> None:
    """Record a problem in the current evaluation; prints its new number."""
    problem = _service().add(
        _open_db(ctx),
        unit,
        title,
        description=description,
        source=source,
        category=category,
        severity=severity,
        recommendation=recommendation,
    )
    if as_json:
        _print_json(problem.to_json())
    else:
        typer.echo(problem.number)


def _done(problem, action: str, as_json: bool) -> None:
    if as_json:
        _print_json(problem.to_json())
        return
    from ..i18n import t
    from ..services.ledger import action_label, status_label

    if action == "extend":
        typer.echo(t("ledger.extended", number=problem.number, deadline=problem.deadline))
        return
    typer.echo(
        t(
            "ledger.done",
            number=problem.number,
            action=action_label(action),
            state=status_label(problem.status),
        )
    )


@ledger_app.command("feedback")
def ledger_feedback(
    ctx: typer.Context,
    number: NumberArgument,
    on: Annotated[str | None, typer.Option("--on", help="Day sent, YYYY-MM-DD (today).")] = None,
    if_version: IfVersion = None,
    as_json: JsonOption = False,
) -> None:
    """Fed back to the unit (反馈)."""
    problem = _service().feedback(
        _open_db(ctx), number, _date(on, "--on"), expected_version=if_version
    )
    _done(problem, "feedback", as_json)


@ledger_app.command("plan")
def ledger_plan(
    ctx: typer.Context,
    number: NumberArgument,
    measures: Annotated[str, typer.Option("--measures", help="Rectification measures.")],
    responsible: Annotated[str, typer.Option("--responsible", help="Person responsible.")],
    deadline: Annotated[str, typer.Option("--deadline", help="YYYY-MM-DD.")],
    if_version: IfVersion = None,
    as_json: JsonOption = False,
) -> None:
    """The unit's rectification plan (整改措施): measures, responsible person, deadline."""
    problem = _service().plan(
        _open_db(ctx),
        number,
        measures,
        responsible,
        _date(deadline, "--deadline"),
        expected_version=if_version,
    )
    _done(problem, "plan", as_json)


@ledger_app.command("report")
def ledger_report(
    ctx: typer.Context,
    number: NumberArgument,
    text: Annotated[str | None, typer.Option("--text", help="The report, or its summary.")] = None,
    file: Annotated[
        str | None,
        typer.Option("--file", help="The report file: its name and SHA-256 are kept."),
    ] = None,
    if_version: IfVersion = None,
    as_json: JsonOption = False,
) -> None:
    """The unit's written rectification report (整改报告) was received."""
    problem = _service().report(_open_db(ctx), number, text, file, expected_version=if_version)
    _done(problem, "report", as_json)


@ledger_app.command("verify")
def ledger_verify(
    ctx: typer.Context,
    number: NumberArgument,
    note: Annotated[str, typer.Option("--note", help="What the look-back found.")],
    if_version: IfVersion = None,
    as_json: JsonOption = False,
) -> None:
    """Look-back (回头看) passed: strike the problem off (销号)."""
    problem = _service().verify(_open_db(ctx), number, note, expected_version=if_version)
    _done(problem, "verify", as_json)


@ledger_app.command("reopen")
def ledger_reopen(
    ctx: typer.Context,
    number: NumberArgument,
    reason: Annotated[str, typer.Option("--reason", help="Why the look-back failed.")],
    if_version: IfVersion = None,
    as_json: JsonOption = False,
) -> None:
    """Look-back failed: back to rectifying."""
    problem = _service().reopen(_open_db(ctx), number, reason, expected_version=if_version)
    _done(problem, "reopen", as_json)


@ledger_app.command("extend")
def ledger_extend(
    ctx: typer.Context,
    number: NumberArgument,
    deadline: Annotated[str, typer.Option("--deadline", help="The new deadline, YYYY-MM-DD.")],
    reason: Annotated[str, typer.Option("--reason", help="Why (申请延期的理由).")],
    if_version: IfVersion = None,
    as_json: JsonOption = False,
) -> None:
    """Extend the deadline of a problem being rectified."""
    problem = _service().extend(
        _open_db(ctx), number, _date(deadline, "--deadline"), reason, expected_version=if_version
    )
    _done(problem, "extend", as_json)


@ledger_app.command("withdraw")
def ledger_withdraw(
    ctx: typer.Context,
    number: NumberArgument,
    reason: Annotated[str, typer.Option("--reason", help="Why it was recorded by mistake.")],
    if_version: IfVersion = None,
    as_json: JsonOption = False,
) -> None:
    """Withdraw a problem recorded by mistake; it stays listed as withdrawn."""
    problem = _service().withdraw(_open_db(ctx), number, reason, expected_version=if_version)
    _done(problem, "withdraw", as_json)


# Rendering (rich, imported when a table is printed).

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
    from rich.cells import set_cell_size

    from ..services.presentation import cut

    return set_cell_size(cut(" ".join(text.split()), width), width)


def _problems_table(problems, today, console=None) -> None:
    """One line per problem. Number, unit, status and deadline keep their widest cell;
    the title, then the note, give way (…) to what the terminal has left. Cells are cut
    and padded here and handed to the table as ready segments: rich's own per-cell text
    layout is what costs most when a unit has hundreds of problems (bench/ledger_ls.py)."""
    from rich.cells import cell_len
    from rich.console import Console
    from rich.measure import Measurement
    from rich.segment import Segment
    from rich.table import Table

    from ..i18n import t
    from ..services.ledger import status_label
    from ..services.presentation import due_note

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
                problem.unit_label,
                problem.title,
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


def _detail_view(detail, console=None) -> None:
    """Every value goes in as Text, never as markup: a title may well hold "[...]"."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from ..domain.clock import office_tz
    from ..i18n import t
    from ..services.ledger import action_label, status_label

    console = console or Console()
    problem, facts = detail.problem, detail.facts

    def label(key):
        return t(f"ledger.field.{key}")

    console.print(Text.assemble((problem.number, "bold"), "  ", problem.title))
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
        fields.add_row(Text(label(key)), Text(shown))
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
            Text(event.actor),
            action_label(event.action),
            states,
            Text(why),
        )
    console.print(events)
