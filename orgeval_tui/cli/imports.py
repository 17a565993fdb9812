"""`orgeval import ...`: the office's exports, read, checked row by row, and written
whole or not at all."""

from __future__ import annotations

from typing import Annotated

import typer

from ..i18n import t
from .common import (
    DryRunOption,
    EvaluationOption,
    FileArgument,
    JsonOption,
    UnitOption,
    open_db,
    print_json,
)
from .literal import plain

import_app = typer.Typer(
    help=(
        "Import rosters, duty logs, cases, questionnaires, self-evaluation reports and the "
        "problem ledger."
    ),
    no_args_is_help=True,
)


def _report_import(summary, as_json: bool) -> None:
    if as_json:
        print_json(summary.to_json())
        return
    key = "intake.summary_dry" if summary.dry_run else "intake.summary"
    typer.echo(
        plain(
            t(
                key,
                unit=summary.unit or t("intake.all_units"),
                kind=t(f"intake.kind.{summary.kind}"),
                file=summary.file,
                rows=summary.rows,
                replaced=summary.replaced,
            )
        )
    )
    if summary.skipped:
        typer.echo(t("intake.skipped", skipped=summary.skipped))
    _report_columns(summary)


def _report_columns(summary) -> None:
    """Which columns were read and which were not, sheet by sheet: a column the import
    does not know (or a second one for the same field) is said, not dropped silently."""
    separator = t("ingest.separator")
    for use in summary.columns:
        typer.echo(
            t(
                "intake.columns",
                sheet=use.sheet,
                used=separator.join(use.used) or t("intake.columns_none"),
                ignored=separator.join(use.ignored) or t("intake.columns_none"),
            )
        )


@import_app.command("roster")
def import_roster(
    ctx: typer.Context,
    file: FileArgument,
    unit: UnitOption,
    sheet: Annotated[str | None, typer.Option("--sheet", help="Sheet to read.")] = None,
    dry_run: DryRunOption = False,
    as_json: JsonOption = False,
) -> None:
    """Replace a unit's roster with the staff in FILE."""
    from ..services.intake.roster import import_roster as run

    _report_import(run(open_db(ctx), file, unit=unit, sheet=sheet, dry_run=dry_run), as_json)


@import_app.command("duties")
def import_duties(
    ctx: typer.Context,
    file: FileArgument,
    unit: UnitOption,
    dry_run: DryRunOption = False,
    as_json: JsonOption = False,
) -> None:
    """Replace a unit's duty catalogue and work log with FILE's."""
    from ..services.intake.duties import import_duties as run

    _report_import(run(open_db(ctx), file, unit=unit, dry_run=dry_run), as_json)


@import_app.command("cases")
def import_cases(
    ctx: typer.Context,
    file: FileArgument,
    channel: Annotated[str, typer.Option("--channel", help="hotline or service.")],
    unit: Annotated[
        str | None, typer.Option("--unit", help="Keep this unit's rows, skip the others.")
    ] = None,
    dry_run: DryRunOption = False,
    as_json: JsonOption = False,
) -> None:
    """Load case records (12345 hotline or government service)."""
    from ..services.intake.cases import import_cases as run

    _report_import(run(open_db(ctx), file, channel=channel, unit=unit, dry_run=dry_run), as_json)


@import_app.command("survey")
def import_survey(
    ctx: typer.Context,
    file: FileArgument,
    kind: Annotated[str, typer.Option("--kind", help="peer or staff.")],
    unit: Annotated[str | None, typer.Option("--unit", help="Evaluated unit.")] = None,
    dry_run: DryRunOption = False,
    as_json: JsonOption = False,
) -> None:
    """Load questionnaire responses."""
    from ..services.intake.surveys import import_survey as run

    _report_import(run(open_db(ctx), file, kind=kind, unit=unit, dry_run=dry_run), as_json)


@import_app.command("ledger")
def import_ledger(
    ctx: typer.Context,
    file: FileArgument,
    evaluation: EvaluationOption = None,
    sheet: Annotated[str | None, typer.Option("--sheet", help="Sheet to read.")] = None,
    dry_run: DryRunOption = False,
    as_json: JsonOption = False,
) -> None:
    """Add the problems of a ledger workbook (as `export ledger` writes it) that are not
    in the ledger yet; rows already there must be unchanged."""
    from ..services.intake.ledger import import_ledger as run

    summary = run(open_db(ctx), file, evaluation=evaluation, sheet=sheet, dry_run=dry_run)
    if as_json:
        print_json(summary.to_json())
        return
    typer.echo(
        plain(
            t(
                "ledger_excel.summary_dry" if summary.dry_run else "ledger_excel.summary",
                file=summary.file,
                evaluation=summary.details["evaluation"],
                added=summary.details["added"],
                unchanged=summary.details["unchanged"],
            )
        )
    )
    _report_columns(summary)


@import_app.command("selfreport")
def import_self_report(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(help="The report (.docx, or .txt in UTF-8 or GB18030).")],
    unit: UnitOption,
    as_json: JsonOption = False,
) -> None:
    """Keep a unit's self-evaluation report (自评报告) as text with its list of evidence,
    replacing the one it had in the current evaluation."""
    from ..services.intake.self_report import import_self_report as run

    report = run(open_db(ctx), file, unit)
    if as_json:
        print_json(report.to_json())
        return
    typer.echo(
        plain(
            t(
                "review.replaced" if report.replaced else "review.imported",
                unit=report.unit,
                file=report.file,
                characters=report.characters,
                evidence=len(report.evidence),
                evaluation=report.evaluation,
            )
        )
    )
    for number, item in enumerate(report.evidence, start=1):
        typer.echo(plain(t("review.evidence_item", number=number, item=item)))
