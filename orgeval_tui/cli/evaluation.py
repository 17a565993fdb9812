"""`orgeval evaluation ...`: set up evaluation projects (评估项目), list and show them,
choose the current one, and change one afterwards."""

from __future__ import annotations

from typing import Annotated

import typer

from ..i18n import t
from .common import JsonOption, open_db, print_json
from .literal import literal, plain

evaluation_app = typer.Typer(
    help="Set up evaluations and choose the current one.", no_args_is_help=True
)

NameArgument = Annotated[
    str | None, typer.Argument(help="Evaluation name (default: the current one).")
]
PeriodsOption = Annotated[
    list[str] | None,
    typer.Option(
        "--period", help="A period, LABEL=START..END (e.g. 2020年度=2020-01-01..2020-12-31)."
    ),
]


def _reference_date(value: str):
    from datetime import date

    from ..domain.errors import UserError

    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UserError(t("evaluation.bad_reference_date", value=value)) from None


@evaluation_app.command("new")
def evaluation_new(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Name, e.g. 2021年度机构编制评估.")],
    reference_date: Annotated[
        str,
        typer.Option(
            "--reference-date", help="The day ages and headcounts are taken at, YYYY-MM-DD."
        ),
    ],
    prefix: Annotated[str, typer.Option("--prefix", help="Problem-number prefix (PREFIX-NNN).")],
    units: Annotated[
        list[str] | None, typer.Option("--unit", help="A unit under evaluation (repeatable).")
    ] = None,
    periods: PeriodsOption = None,
    copy_from: Annotated[
        str | None,
        typer.Option(
            "--copy-from", help="An earlier evaluation whose units and grade bands to start with."
        ),
    ] = None,
) -> None:
    """Set up an evaluation; it becomes the current one."""
    from ..services.evaluation_setup import parse_period
    from ..services.evaluations import create_evaluation

    day = _reference_date(reference_date)
    parsed = [parse_period(p) for p in periods or ()]
    made = create_evaluation(
        open_db(ctx),
        name,
        day,
        number_prefix=prefix,
        periods=parsed,
        units=units or (),
        copy_from=copy_from,
    )
    typer.echo(plain(t("evaluation.created", name=made.name, id=made.id)))


@evaluation_app.command("list")
def evaluation_list(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """List the evaluations; the current one is marked."""
    from rich.console import Console
    from rich.table import Column, Table

    from ..services.evaluation_setup import list_evaluations

    evaluations = list_evaluations(open_db(ctx))
    if as_json:
        print_json([e.to_json() for e in evaluations])
        return
    if not evaluations:
        typer.echo(t("evaluation.none"))
        return
    table = Table(
        "",
        # Folded, not cut short: the whole name is what `use` and `show` take.
        Column(t("evaluation.col.name"), overflow="fold"),
        t("evaluation.col.reference_date"),
        t("evaluation.col.prefix"),
        t("evaluation.col.units"),
        box=None,
    )
    for e in evaluations:
        table.add_row(
            "*" if e.current else "",
            literal(e.info.name),
            e.info.reference_date.isoformat(),
            literal(e.number_prefix),
            str(len(e.units)),
        )
    console = Console()
    console.print(table)
    console.print(f"* {t('evaluation.current_mark')}")


@evaluation_app.command("show")
def evaluation_show(
    ctx: typer.Context, name: NameArgument = None, as_json: JsonOption = False
) -> None:
    """Show an evaluation: dates, periods, units, grade bands."""
    from ..services.evaluation_setup import evaluation_details

    details = evaluation_details(open_db(ctx), name)
    if as_json:
        print_json(details.to_json())
        return
    _print_details(details)


def _print_details(details) -> None:
    from rich.console import Console
    from rich.table import Table

    info = details.info
    title = info.name + (f" ({t('evaluation.current_mark')})" if details.current else "")
    table = Table(box=None, show_header=False, title=literal(title), title_justify="left")
    table.add_row(t("evaluation.col.reference_date"), info.reference_date.isoformat())
    table.add_row(t("evaluation.col.prefix"), literal(details.number_prefix))
    grades = details.grades
    table.add_row(
        t("evaluation.col.grades"),
        t(
            "evaluation.grades",
            excellent=grades.excellent,
            good=grades.good,
            passing=grades.passing,
        ),
    )
    periods = [f"{p.shown}  {p.start.isoformat()} – {p.end.isoformat()}" for p in info.periods]
    table.add_row(t("evaluation.col.periods"), literal("\n".join(periods) or "—"))
    table.add_row(t("evaluation.col.units"), literal("\n".join(details.units) or "—"))
    Console().print(table)


@evaluation_app.command("use")
def evaluation_use(
    ctx: typer.Context, name: Annotated[str, typer.Argument(help="Evaluation name.")]
) -> None:
    """Make an evaluation the current one, for every evaluator."""
    from ..services.evaluations import use_evaluation

    chosen = use_evaluation(open_db(ctx), name)
    typer.echo(plain(t("evaluation.now_current", name=chosen.name)))


@evaluation_app.command("edit")
def evaluation_edit(
    ctx: typer.Context,
    name: NameArgument = None,
    add_units: Annotated[
        list[str] | None, typer.Option("--add-unit", help="A unit to take in (repeatable).")
    ] = None,
    remove_units: Annotated[
        list[str] | None,
        typer.Option(
            "--remove-unit",
            help="A unit to take out, if no problem of it is recorded (repeatable).",
        ),
    ] = None,
    periods: PeriodsOption = None,
    grades: Annotated[
        str | None,
        typer.Option(
            "--grades", help="Lowest totals of 优秀,良好,合格, high to low, e.g. 90,80,60."
        ),
    ] = None,
) -> None:
    """Change an evaluation: units, periods (a known label takes the new dates), grade bands."""
    from ..services.evaluation_setup import edit_evaluation, parse_grades, parse_period

    parsed = [parse_period(p) for p in periods or ()]
    bands = None if grades is None else parse_grades(grades)
    details = edit_evaluation(
        open_db(ctx),
        name,
        add_units=add_units or (),
        remove_units=remove_units or (),
        periods=parsed,
        grades=bands,
    )
    typer.echo(plain(t("evaluation.edited", name=details.info.name)))
