"""`orgeval calendar ...`: the working-day calendar the duty figures count on."""

from __future__ import annotations

from typing import Annotated

import typer

from ..i18n import t
from .common import JsonOption, open_db, parse_date, print_json
from .literal import plain

calendar_app = typer.Typer(help="The working-day calendar.", no_args_is_help=True)


@calendar_app.command("show")
def calendar_show(
    ctx: typer.Context,
    year: Annotated[int, typer.Option("--year", help="Year to show.")],
    as_json: JsonOption = False,
) -> None:
    """Working days of a year, with its holidays and adjusted workdays."""
    from datetime import date

    from ..services.calendar import special_days, workdays_between

    database = open_db(ctx)
    workdays = workdays_between(database, date(year, 1, 1), date(year, 12, 31))
    special = special_days(database, year)
    if as_json:
        print_json(
            {
                "year": year,
                "workdays": len(workdays.days),
                "assumed_days": workdays.assumed_days,
                "special_days": [
                    {
                        "day": d.day.isoformat(),
                        "is_workday": d.is_workday,
                        "name": d.name,
                        "source": d.source,
                    }
                    for d in special
                ],
            }
        )
        return
    from .views import calendar_table

    calendar_table(year, workdays, special)


@calendar_app.command("set")
def calendar_set(
    ctx: typer.Context,
    day: Annotated[str, typer.Argument(help="YYYY-MM-DD")],
    workday: Annotated[
        bool, typer.Option("--workday/--holiday", help="A working day or a day off.")
    ],
    name: Annotated[str | None, typer.Option("--name", help="e.g. 春节, 调休上班.")] = None,
) -> None:
    """Mark a day as a working day or a day off (the office's own calendar)."""
    from ..services.calendar import set_day

    view = set_day(open_db(ctx), parse_date(day, "DAY"), is_workday=workday, name=name)
    what = t("calendar.workday") if view.is_workday else t("calendar.holiday")
    what = f"{what} {view.name or ''}".strip()
    typer.echo(plain(t("calendar.set", day=view.day.isoformat(), what=what)))


@calendar_app.command("seed")
def calendar_seed(ctx: typer.Context) -> None:
    """Load the official PRC calendar for every year it covers (office edits are kept)."""
    from ..services.calendar import seed_calendar

    years = seed_calendar(open_db(ctx))
    if years:
        typer.echo(t("calendar.seeded", years=f"{years[0]}–{years[-1]}"))
    else:
        typer.echo(t("calendar.nothing_seeded"))
