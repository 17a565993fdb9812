"""`orgeval analyze ...`: the figures of DOMAIN.md for one unit."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import JsonOption, PeriodFrom, PeriodTo, UnitOption, open_db, parse_date, print_json

analyze_app = typer.Typer(help="Compute the figures of a unit.", no_args_is_help=True)


@analyze_app.command("roster")
def analyze_roster(
    ctx: typer.Context,
    unit: UnitOption,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Reference date.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Roster figures: headcount, age, gender, education, rank, quota use, flags."""
    from ..services.figures import roster_for_unit

    name, when, figures = roster_for_unit(open_db(ctx), unit, parse_date(as_of, "--as-of"))
    _show_figures("roster", name, figures, as_json, {"unit": name, "as_of": when.isoformat()})


@analyze_app.command("duties")
def analyze_duties(
    ctx: typer.Context,
    unit: UnitOption,
    start: PeriodFrom,
    end: PeriodTo,
    as_json: JsonOption = False,
) -> None:
    """Duty figures: execution rate, business shares, fill rate, workload ratio."""
    from ..services.figures import duties_for_unit

    first, last = parse_date(start, "--from"), parse_date(end, "--to")
    name, figures = duties_for_unit(open_db(ctx), unit, first, last)
    period = {"unit": name, "from": first.isoformat(), "to": last.isoformat()}
    _show_figures("duties", name, figures, as_json, period)


@analyze_app.command("cases")
def analyze_cases(
    ctx: typer.Context,
    unit: UnitOption,
    channel: Annotated[str, typer.Option("--channel", help="hotline or service.")],
    start: PeriodFrom,
    end: PeriodTo,
    as_json: JsonOption = False,
) -> None:
    """Service figures: cases, per capita, on time, satisfaction, county average."""
    from ..services.figures import cases_for_unit

    first, last = parse_date(start, "--from"), parse_date(end, "--to")
    name, figures = cases_for_unit(open_db(ctx), unit, channel, first, last)
    period = {"unit": name, "channel": channel, "from": first.isoformat(), "to": last.isoformat()}
    _show_figures("cases", name, figures, as_json, period)


@analyze_app.command("peer")
def analyze_peer(ctx: typer.Context, unit: UnitOption, as_json: JsonOption = False) -> None:
    """Peer-evaluation score, responses and departments, in the current evaluation."""
    from ..services.figures import peer_for_unit

    name, evaluation, figures = peer_for_unit(open_db(ctx), unit)
    _show_figures("peer", name, figures, as_json, {"unit": name, "evaluation": evaluation})


@analyze_app.command("staff")
def analyze_staff(ctx: typer.Context, unit: UnitOption, as_json: JsonOption = False) -> None:
    """Staff-questionnaire item means and satisfaction, in the current evaluation."""
    from ..services.figures import staff_survey_for_unit

    name, evaluation, figures = staff_survey_for_unit(open_db(ctx), unit)
    _show_figures("staff", name, figures, as_json, {"unit": name, "evaluation": evaluation})


@analyze_app.command("evaluation")
def analyze_evaluation(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """The current evaluation: units, questionnaires, problems fed back."""
    from ..services.figures import evaluation_overview

    overview = evaluation_overview(open_db(ctx))
    if as_json:
        print_json(overview)
        return
    from .views import overview_table

    overview_table(overview)


def _show_figures(kind: str, unit: str, figures, as_json: bool, context: dict) -> None:
    if as_json:
        print_json({**context, **figures.to_json()})
        return
    from .views import figures_table

    figures_table(kind, unit, figures, context)
