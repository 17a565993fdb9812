"""How `orgeval fieldwork` prints: one line per thing recorded, a table of activities,
an activity in full, the outlines. Every value a user typed goes through ``plain`` or
``literal`` (cli/literal.py): shown as written, never as markup or terminal control."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..i18n import t
from ..services.fieldwork import kind_label
from .literal import literal, plain


def _severity(severity: str | None) -> str:
    return t(f"ledger.severity.{severity}") if severity else ""


def added_line(activity) -> str:
    """The new activity's number first, so that a script can take it."""
    return plain(
        t(
            "fieldwork_cli.added",
            id=activity.id,
            unit=activity.unit,
            kind=kind_label(activity.kind),
            on=activity.held_on.isoformat(),
        ),
        one_line=True,
    )


def finding_line(finding) -> str:
    key = "fieldwork_cli.finding_in_ledger" if finding.problem_number else "fieldwork_cli.finding"
    return plain(
        t(
            key,
            id=finding.id,
            activity=finding.activity_id,
            number=finding.problem_number,
        )
    )


def file_line(file) -> str:
    return plain(f"{file.path}  sha256:{file.sha256}", one_line=True)


def notes_saved_line(detail) -> str:
    return t("fieldwork_cli.notes_saved", id=detail.id, length=len(detail.notes))


def activities_table(rows, console: Console | None = None) -> None:
    console = console or Console()
    if not rows:
        console.print(Text(t("fieldwork_cli.none")))
        return
    headers = t("fieldwork_cli.headers").split("|")
    table = Table(*headers, box=None, pad_edge=False)
    table.columns[0].justify = table.columns[5].justify = "right"
    draft = t("fieldwork_cli.draft_mark")
    # One line per activity: only the unit and the place give way (…) on a narrow terminal.
    fixed = {
        0: max(len(str(row.id)) for row in rows),
        1: 10,
        3: max(cell_len(kind_label(row.kind)) for row in rows),
        5: max(len(str(row.findings)) for row in rows),
        6: cell_len(draft),
    }
    for index, column in enumerate(table.columns):
        column.no_wrap = True
        column.overflow = "ellipsis"
        if index in fixed:
            column.min_width = max(fixed[index], cell_len(headers[index]))
    for row in rows:
        table.add_row(
            str(row.id),
            row.held_on.isoformat(),
            literal(plain(row.unit, one_line=True)),
            kind_label(row.kind),
            literal(plain(row.place, one_line=True)),
            str(row.findings),
            Text(draft, style="yellow") if row.has_draft else "",
        )
    console.print(table)
    console.print(Text(t("fieldwork_cli.count", count=len(rows)), style="dim"))


def _nothing() -> Text:
    return Text(t("fieldwork_cli.nothing"), style="dim")


def _heading(text: str) -> Text:
    return Text(text, style="bold")


def activity_view(detail, console: Console | None = None) -> None:
    console = console or Console()
    console.print(
        Text.assemble(
            (f"#{detail.id}", "bold"),
            "  ",
            detail.held_on.isoformat(),
            "  ",
            literal(detail.unit),
            "  ",
            kind_label(detail.kind),
        )
    )
    fields = Table(box=None, show_header=False, pad_edge=False)
    fields.add_column(style="bold", no_wrap=True)
    fields.add_column(overflow="fold")
    people = t("ledger.list_sep").join(person.shown for person in detail.people_met)
    for key, value in (
        ("place", detail.place),
        ("evaluators", detail.evaluators),
        ("people_met", people),
        ("created_by", detail.created_by),
        ("version", detail.version),
    ):
        if value not in (None, ""):
            fields.add_row(Text(t(f"fieldwork_cli.field.{key}")), literal(value))
    console.print(fields)
    if detail.draft is not None:
        console.print(
            Text(t("fieldwork_cli.draft_pending", by=plain(detail.draft_by or "")), "yellow")
        )

    console.print()
    console.print(_heading(t("fieldwork_cli.notes")))
    console.print(literal(detail.notes.rstrip()) if detail.notes.strip() else _nothing())

    console.print()
    console.print(_heading(t("fieldwork_cli.answers")))
    answers = detail.answers
    for number, question in enumerate(detail.outline, start=1):
        console.print(Text.assemble(f"{number}. ", literal(question, "bold")))
        answer = answers.get(question)
        console.print(
            Text("   ") + (literal(answer) if answer else Text(t("fieldwork_cli.no_answer"), "dim"))
        )

    console.print()
    console.print(_heading(t("fieldwork_cli.files")))
    if not detail.files:
        console.print(_nothing())
    for file in detail.files:
        console.print(literal(file.path), overflow="fold")
        console.print(Text(f"   sha256:{file.sha256}", style="dim"), overflow="fold")

    console.print()
    console.print(_heading(t("fieldwork_cli.findings")))
    if not detail.findings:
        console.print(_nothing())
    findings_table(detail.findings, console)


def findings_table(findings, console: Console) -> None:
    """Each finding with its severity, the leaves it bears on and the ledger problem it
    became."""
    if not findings:
        return
    table = Table(
        *t("fieldwork_cli.finding_headers").split("|"), box=None, pad_edge=False, show_edge=False
    )
    for column in table.columns[:4]:
        column.no_wrap = True
    table.columns[4].overflow = "fold"
    for finding in findings:
        ledger = finding.problem_number or ""
        table.add_row(
            str(finding.id),
            _severity(finding.severity),
            literal(" ".join(finding.indicators)),
            literal(ledger),
            literal(finding.text),
        )
    console.print(table)


def problem_findings(findings, console: Console | None = None) -> None:
    """Under `ledger show`: the on-site findings the problem came from."""
    console = console or Console()
    console.print()
    console.print(_heading(t("fieldwork_cli.problem_findings")))
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold")
    for finding in findings:
        source = t(
            "fieldwork_cli.found_at",
            id=finding.id,
            activity=finding.activity_id,
            on=finding.held_on.isoformat(),
            kind=kind_label(finding.kind),
        )
        table.add_row(Text(source), literal(finding.text))
    console.print(table)


def outlines_view(outlines: dict, console: Console | None = None) -> None:
    from ..services.fieldwork import default_outlines

    console = console or Console()
    shipped = default_outlines()
    for index, (kind, questions) in enumerate(outlines.items()):
        if index:
            console.print()
        whose = "fieldwork_cli.shipped" if questions == shipped[kind] else "fieldwork_cli.own"
        console.print(Text.assemble((kind_label(kind), "bold"), f" ({kind})  ", (t(whose), "dim")))
        for number, question in enumerate(questions, start=1):
            console.print(Text(f"{number}. ") + literal(question))
