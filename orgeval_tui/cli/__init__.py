"""The `orgeval` command: thin commands over services/.

This module stays light: it must not import Textual or pandas, so quick lookups from a
shell start fast. Heavy modules are imported inside the commands that need them.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from typing import Annotated

import typer

from ..domain.errors import UserError, db_error_reason
from ..i18n import LANGUAGES, set_language, t

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    help="orgeval: establishment-evaluation casework (机构编制评估).",
)
units_app = typer.Typer(help="Register and list units.", no_args_is_help=True)
app.add_typer(units_app, name="units")
import_app = typer.Typer(
    help="Import rosters, duty logs, cases, questionnaires and the problem ledger.",
    no_args_is_help=True,
)
app.add_typer(import_app, name="import")
analyze_app = typer.Typer(help="Compute the figures of a unit.", no_args_is_help=True)
app.add_typer(analyze_app, name="analyze")
calendar_app = typer.Typer(help="The working-day calendar.", no_args_is_help=True)
app.add_typer(calendar_app, name="calendar")
benchmark_app = typer.Typer(help="Entered comparison values.", no_args_is_help=True)
app.add_typer(benchmark_app, name="benchmark")
export_app = typer.Typer(help="Write workbooks: the problem ledger.", no_args_is_help=True)
app.add_typer(export_app, name="export")
from .ledger import ledger_app  # noqa: E402 - a sub-app in its own module

app.add_typer(ledger_app, name="ledger")

UnitOption = Annotated[str, typer.Option("--unit", help="Unit name or short name.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]
DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="Check the file and show what would change.")
]


@dataclass
class Settings:
    db: str | None
    lang: str


def _settings(ctx: typer.Context) -> Settings:
    return ctx.find_root().obj


def _open_db(ctx: typer.Context):
    from ..storage.database import Database

    return Database.open(_settings(ctx).db)


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
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n")


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option("--db", envvar="ORGEVAL_DB", help="SQLite file path or SQLAlchemy URL."),
    ] = None,
    lang: Annotated[
        str | None, typer.Option("--lang", help="zh or en (default: from LANG).")
    ] = None,
) -> None:
    if lang is not None and lang not in LANGUAGES:
        raise typer.BadParameter(f"use one of {', '.join(LANGUAGES)}", param_hint="--lang")
    ctx.obj = Settings(db=db, lang=set_language(lang))
    if ctx.invoked_subcommand is None:
        _run_tui(ctx.obj.db)


def _run_tui(db: str | None) -> None:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UserError(t("tui.no_terminal"))
    from ..storage.database import Database

    database = Database.open(db)
    from ..app import run_app

    run_app(database)


@app.command()
def init(ctx: typer.Context) -> None:
    """Create or upgrade the database."""
    database = _open_db(ctx)
    typer.echo(t("db.initialised", url=database.display_url, revision=database.schema_revision()))


@app.command()
def demo(
    ctx: typer.Context,
    reset: Annotated[
        bool, typer.Option("--reset", help="Start again from the pilot data.")
    ] = False,
) -> None:
    """Open the application on a demo database loaded with the pilot."""
    from ..demo.loader import open_demo_database

    database = open_demo_database(reset=reset)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UserError(t("tui.no_terminal"))
    from ..app import run_app

    run_app(database)


@units_app.command("add")
def units_add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Full name, e.g. 县工信局.")],
    short: Annotated[str | None, typer.Option("--short", help="Short name.")] = None,
    parent: Annotated[str | None, typer.Option("--parent", help="Parent unit.")] = None,
    kind: Annotated[
        str, typer.Option("--kind", help="department, institution, township, other.")
    ] = "department",
    quota_admin: Annotated[int, typer.Option("--quota-admin")] = 0,
    quota_public: Annotated[int, typer.Option("--quota-public")] = 0,
    quota_service: Annotated[int, typer.Option("--quota-service")] = 0,
    quota_leaders: Annotated[int, typer.Option("--quota-leaders")] = 0,
) -> None:
    """Register a unit."""
    from ..services.units import add_unit

    node = add_unit(
        _open_db(ctx),
        name,
        short_name=short,
        parent=parent,
        kind=kind,
        quota_admin=quota_admin,
        quota_public=quota_public,
        quota_service=quota_service,
        quota_leaders=quota_leaders,
    )
    typer.echo(t("unit.added", name=node.name, id=node.id))


@units_app.command("list")
def units_list(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List units as a tree."""
    from ..services.units import unit_tree

    roots = unit_tree(_open_db(ctx))
    if as_json:
        _print_json([node.to_json() for node in roots])
        return
    if not roots:
        typer.echo(t("unit.none"))
        return
    from .views import unit_tree_table

    unit_tree_table(roots)


def _report_import(summary, as_json: bool) -> None:
    if as_json:
        _print_json(summary.to_json())
        return
    key = "intake.summary_dry" if summary.dry_run else "intake.summary"
    typer.echo(
        t(
            key,
            unit=summary.unit or t("intake.all_units"),
            kind=t(f"intake.kind.{summary.kind}"),
            file=summary.file,
            rows=summary.rows,
            replaced=summary.replaced,
        )
    )
    if summary.skipped:
        typer.echo(t("intake.skipped", skipped=summary.skipped))


FileArgument = Annotated[str, typer.Argument(help="The exported file (.xlsx, .xls, .ods, .csv).")]


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

    _report_import(run(_open_db(ctx), file, unit=unit, sheet=sheet, dry_run=dry_run), as_json)


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

    _report_import(run(_open_db(ctx), file, unit=unit, dry_run=dry_run), as_json)


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

    _report_import(run(_open_db(ctx), file, channel=channel, unit=unit, dry_run=dry_run), as_json)


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

    _report_import(run(_open_db(ctx), file, kind=kind, unit=unit, dry_run=dry_run), as_json)


EvaluationOption = Annotated[
    str | None,
    typer.Option("--evaluation", help="Evaluation name (default: the current, latest one)."),
]


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

    summary = run(_open_db(ctx), file, evaluation=evaluation, sheet=sheet, dry_run=dry_run)
    if as_json:
        _print_json(summary.to_json())
        return
    typer.echo(
        t(
            "ledger_excel.summary_dry" if summary.dry_run else "ledger_excel.summary",
            file=summary.file,
            evaluation=summary.details["evaluation"],
            added=summary.details["added"],
            unchanged=summary.details["unchanged"],
        )
    )


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
    from ..export.ledger_workbook import export_ledger as run

    done = run(_open_db(ctx), output, evaluation=evaluation, unit=unit, status=status)
    if as_json:
        _print_json(done.to_json())
        return
    typer.echo(
        t(
            "ledger_excel.exported",
            file=str(done.path),
            evaluation=done.evaluation,
            rows=done.rows,
            overdue=done.overdue,
            today=done.today.isoformat(),
        )
    )


@analyze_app.command("roster")
def analyze_roster(
    ctx: typer.Context,
    unit: UnitOption,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Reference date.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Roster figures: headcount, age, gender, education, rank, quota use, flags."""
    from ..services.figures import roster_for_unit

    name, when, figures = roster_for_unit(_open_db(ctx), unit, _date(as_of, "--as-of"))
    _show_figures("roster", name, figures, as_json, {"unit": name, "as_of": when.isoformat()})


PeriodFrom = Annotated[str, typer.Option("--from", help="First day, YYYY-MM-DD.")]
PeriodTo = Annotated[str, typer.Option("--to", help="Last day, YYYY-MM-DD.")]


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

    first, last = _date(start, "--from"), _date(end, "--to")
    name, figures = duties_for_unit(_open_db(ctx), unit, first, last)
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

    first, last = _date(start, "--from"), _date(end, "--to")
    name, figures = cases_for_unit(_open_db(ctx), unit, channel, first, last)
    period = {"unit": name, "channel": channel, "from": first.isoformat(), "to": last.isoformat()}
    _show_figures("cases", name, figures, as_json, period)


@analyze_app.command("peer")
def analyze_peer(ctx: typer.Context, unit: UnitOption, as_json: JsonOption = False) -> None:
    """Peer-evaluation score, responses and departments."""
    from ..services.figures import peer_for_unit

    name, figures = peer_for_unit(_open_db(ctx), unit)
    _show_figures("peer", name, figures, as_json, {"unit": name})


@analyze_app.command("staff")
def analyze_staff(ctx: typer.Context, unit: UnitOption, as_json: JsonOption = False) -> None:
    """Staff-questionnaire item means and satisfaction."""
    from ..services.figures import staff_survey_for_unit

    name, figures = staff_survey_for_unit(_open_db(ctx), unit)
    _show_figures("staff", name, figures, as_json, {"unit": name})


@analyze_app.command("evaluation")
def analyze_evaluation(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """The current evaluation: units, questionnaires, problems fed back."""
    from ..services.figures import evaluation_overview

    overview = evaluation_overview(_open_db(ctx))
    if as_json:
        _print_json(overview)
        return
    from .views import overview_table

    overview_table(overview)


def _show_figures(kind: str, unit: str, figures, as_json: bool, context: dict) -> None:
    if as_json:
        _print_json({**context, **figures.to_json()})
        return
    from .views import figures_table

    figures_table(kind, unit, figures, context)


@calendar_app.command("show")
def calendar_show(
    ctx: typer.Context,
    year: Annotated[int, typer.Option("--year", help="Year to show.")],
    as_json: JsonOption = False,
) -> None:
    """Working days of a year, with its holidays and adjusted workdays."""
    from datetime import date

    from ..services.calendar import special_days, workdays_between

    database = _open_db(ctx)
    workdays = workdays_between(database, date(year, 1, 1), date(year, 12, 31))
    special = special_days(database, year)
    if as_json:
        _print_json(
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

    view = set_day(_open_db(ctx), _date(day, "DAY"), is_workday=workday, name=name)
    what = t("calendar.workday") if view.is_workday else t("calendar.holiday")
    typer.echo(
        t("calendar.set", day=view.day.isoformat(), what=f"{what} {view.name or ''}".strip())
    )


@calendar_app.command("seed")
def calendar_seed(ctx: typer.Context) -> None:
    """Load the official PRC calendar for every year it covers (office edits are kept)."""
    from ..services.calendar import seed_calendar

    years = seed_calendar(_open_db(ctx))
    if years:
        typer.echo(t("calendar.seeded", years=f"{years[0]}–{years[-1]}"))
    else:
        typer.echo(t("calendar.nothing_seeded"))


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
        _open_db(ctx),
        figure,
        channel=channel,
        start=_date(start, "--from"),
        end=_date(end, "--to"),
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

    views = list_benchmarks(_open_db(ctx))
    if as_json:
        _print_json([v.to_json() for v in views])
        return
    for v in views:
        typer.echo(
            f"{v.figure}  {v.channel}  {v.start.isoformat()} – {v.end.isoformat()}  "
            f"{v.value:g}  {v.note or ''}".rstrip()
        )


def main() -> None:
    try:
        app()
    except UserError as exc:
        _fail(str(exc))
    except Exception as exc:
        from sqlalchemy.exc import DBAPIError

        if not isinstance(exc, DBAPIError):
            raise
        _fail(t("db.error", reason=db_error_reason(exc)))


def _fail(message: str) -> None:
    sys.stderr.write(f"orgeval: {t('error.prefix')}: {message}\n")
    sys.exit(1)
