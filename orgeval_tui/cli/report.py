"""`orgeval report ...`: the documents the office sends out (Word and Excel)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..i18n import t
from .common import JsonOption, open_db, parse_date, print_json
from .literal import plain

report_app = typer.Typer(
    help="Write reports: a unit's evaluation report, its feedback letter, the special "
    "report to the leadership, and the templates they are filled from.",
    no_args_is_help=True,
)

UnitArgument = Annotated[str, typer.Argument(help="The unit: its name or short name.")]
Output = Annotated[
    str,
    typer.Option("-o", "--output", help="The file to write (.docx, or .xlsx for a unit report)."),
]
Template = Annotated[
    str | None,
    typer.Option(
        "--template", help="A Word template to fill instead of the office's or the shipped one."
    ),
]
On = Annotated[str | None, typer.Option("--on", help="The report's date, YYYY-MM-DD (today).")]
Deadline = Annotated[
    str | None,
    typer.Option(
        "--deadline",
        help="Rectification complete by, YYYY-MM-DD (60 days after the report's date).",
    ),
]
ReportDue = Annotated[
    str | None,
    typer.Option(
        "--report-due", help="Written rectification report due by, YYYY-MM-DD (the deadline)."
    ),
]


def _write(
    ctx, kind: str, unit, output, template, on, deadline=None, report_due=None, as_json=False
):
    from ..services.reports.writing import ReportRequest, write_report

    request = ReportRequest(
        kind=kind,
        path=Path(output),
        unit=unit,
        template=Path(template) if template else None,
        on=parse_date(on, "--on"),
        deadline=parse_date(deadline, "--deadline"),
        report_due=parse_date(report_due, "--report-due"),
    )
    written = write_report(open_db(ctx), request)
    if as_json:
        print_json(
            {
                "path": str(written.path),
                "title": written.title,
                "template": written.template or None,
            }
        )
        return
    key = "report.written_from" if written.template else "report.written"
    typer.echo(
        plain(t(key, file=str(written.path), title=written.title, template=written.template))
    )


def _unit_command(kind: str, summary: str):
    """`report unit` and `report feedback` take the same arguments: one unit's document."""

    def command(
        ctx: typer.Context,
        unit: UnitArgument,
        output: Output,
        template: Template = None,
        on: On = None,
        deadline: Deadline = None,
        report_due: ReportDue = None,
        as_json: JsonOption = False,
    ) -> None:
        _write(ctx, kind, unit, output, template, on, deadline, report_due, as_json)

    command.__doc__ = summary
    report_app.command(kind)(command)


_unit_command(
    "unit", "A unit's evaluation report (评估报告): Word to send, or Excel with its charts."
)
_unit_command(
    "feedback",
    "The letter feeding a unit's problems back (问题反馈函), with what it must do by when.",
)


@report_app.command("summary")
def report_summary(
    ctx: typer.Context,
    output: Output,
    template: Template = None,
    on: On = None,
    as_json: JsonOption = False,
) -> None:
    """The special report to the county leadership (专报): every evaluated unit side by side."""
    _write(ctx, "summary", None, output, template, on, as_json=as_json)


@report_app.command("templates")
def report_templates(
    output: Annotated[str, typer.Option("-o", "--output", help="The folder to write them into.")],
    force: Annotated[
        bool, typer.Option("--force", help="Replace templates already in the folder.")
    ] = False,
) -> None:
    """Write the Word templates and their field list, for the office to edit."""
    from ..services.reports.writing import write_templates

    written = write_templates(Path(output), overwrite=force)
    typer.echo(
        plain(
            t("report.templates_written", folder=output, files="、".join(p.name for p in written))
        )
    )
