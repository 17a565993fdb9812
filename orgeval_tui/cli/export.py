"""`orgeval export ...`: workbooks the office sends out."""

from __future__ import annotations

from typing import Annotated

import typer

from ..i18n import t
from .common import EvaluationOption, JsonOption, open_db, print_json
from .literal import plain

export_app = typer.Typer(help="Write workbooks: the problem ledger.", no_args_is_help=True)


@export_app.command("ledger")
def export_ledger(
    ctx: typer.Context,
    output: Annotated[str, typer.Option("-o", "--output", help="The workbook to write (.xlsx).")],
    evaluation: EvaluationOption = None,
    unit: Annotated[str | None, typer.Option("--unit", help="Only this unit's problems.")] = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            help="Only problems in this state: identified, fed_back, rectifying, reported, "
            "closed, withdrawn, or open.",
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Write the problem ledger (问题台账) in the office's layout, overdue rows marked."""
    from ..services.ledger.workbook import export_ledger as run

    done = run(open_db(ctx), output, evaluation=evaluation, unit=unit, status=status)
    if as_json:
        print_json(done.to_json())
        return
    typer.echo(
        plain(
            t(
                "ledger_excel.exported",
                file=str(done.path),
                evaluation=done.evaluation,
                rows=done.rows,
                overdue=done.overdue,
                today=done.today.isoformat(),
            )
        )
    )
