"""`orgeval benchmark ...`: entered comparison values, which win over computed ones."""

from __future__ import annotations

from typing import Annotated

import typer

from ..i18n import t
from .common import JsonOption, PeriodFrom, PeriodTo, open_db, parse_date, print_json

benchmark_app = typer.Typer(help="Entered comparison values.", no_args_is_help=True)


@benchmark_app.command("set")
def benchmark_set(
    ctx: typer.Context,
    figure: Annotated[str, typer.Argument(help="county_average_cases")],
    value: Annotated[float, typer.Argument(help="The value to compare with.")],
    channel: Annotated[str, typer.Option("--channel", help="hotline or service.")],
    start: PeriodFrom,
    end: PeriodTo,
    note: Annotated[str | None, typer.Option("--note", help="Where the value comes from.")] = None,
) -> None:
    """Enter a comparison value; it wins over the computed county average."""
    from ..services.benchmarks import set_benchmark

    view = set_benchmark(
        open_db(ctx),
        figure,
        channel=channel,
        start=parse_date(start, "--from"),
        end=parse_date(end, "--to"),
        value=value,
        note=note,
    )
    typer.echo(
        t(
            "benchmark.set",
            figure=view.figure,
            value=f"{view.value:g}",
            start=view.start.isoformat(),
            end=view.end.isoformat(),
        )
    )


@benchmark_app.command("list")
def benchmark_list(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """The entered comparison values."""
    from ..services.benchmarks import list_benchmarks

    views = list_benchmarks(open_db(ctx))
    if as_json:
        print_json([v.to_json() for v in views])
        return
    for v in views:
        typer.echo(
            f"{v.figure}  {v.channel}  {v.start.isoformat()} – {v.end.isoformat()}  "
            f"{v.value:g}  {v.note or ''}".rstrip()
        )
