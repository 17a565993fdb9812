"""The `orgeval` command: the global options, opening the application, and every
command group (one module each). Thin over services/.

Light on purpose: importing the CLI must not import Textual, pandas or openpyxl, so quick
lookups from a shell start fast. Heavy modules are imported inside the commands that
need them."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ..domain.errors import UserError, db_error_reason
from ..i18n import LANGUAGES, set_language, t
from ..i18n.os_errors import os_error_message
from .analyze import analyze_app
from .audit import audit_app
from .backups import backup, restore
from .benchmarks import benchmark_app
from .calendar import calendar_app
from .common import DAMAGED, Settings, open_db, refuse_damaged, require_terminal
from .demo import demo
from .evaluation import evaluation_app
from .export import export_app
from .fieldwork import fieldwork_app
from .imports import import_app
from .ledger import ledger_app
from .literal import plain
from .report import report_app
from .rubric import rubric_app
from .score import score_app
from .serve import serve
from .sharing import setup_shared
from .units import units_app
from .users import users_app

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    help="orgeval: establishment-evaluation casework (机构编制评估).",
)
for group, name in (
    (units_app, "units"),
    (evaluation_app, "evaluation"),
    (rubric_app, "rubric"),
    (import_app, "import"),
    (analyze_app, "analyze"),
    (calendar_app, "calendar"),
    (benchmark_app, "benchmark"),
    (export_app, "export"),
    (ledger_app, "ledger"),
    (score_app, "score"),
    (fieldwork_app, "fieldwork"),
    (report_app, "report"),
    (audit_app, "audit"),
    (users_app, "users"),
):
    app.add_typer(group, name=name)
app.command()(demo)
app.command()(backup)
app.command()(restore)
app.command()(serve)
app.command(name="setup-shared")(setup_shared)


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option("--db", envvar="ORGEVAL_DB", help="SQLite file path or SQLAlchemy URL."),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang", envvar="ORGEVAL_LANG", help="zh or en (default: ORGEVAL_LANG, else LANG)."
        ),
    ] = None,
) -> None:
    if lang is not None and lang not in LANGUAGES:
        raise typer.BadParameter(
            t("cli.bad_language", value=lang, languages=", ".join(LANGUAGES)), param_hint="--lang"
        )
    ctx.obj = Settings(db=db, lang=set_language(lang))
    if ctx.invoked_subcommand is None:
        _run_tui(ctx.obj.db)


def _run_tui(db: str | None) -> None:
    require_terminal()
    from ..storage.database import Database

    database = Database.open(db)
    refuse_damaged(database)
    from ..app import run_app

    run_app(database)


@app.command()
def init(ctx: typer.Context) -> None:
    """Create or upgrade the database."""
    from ..services.ledger.search_postgres import ensure_trigram_index

    database = open_db(ctx)
    typer.echo(t("db.initialised", url=database.display_url, revision=database.schema_revision()))
    reason = ensure_trigram_index(database)
    if reason is not None:
        typer.echo(plain(t("search.no_trigram", reason=reason)), err=True)


def main() -> None:
    from .help_language import language_in_arguments, translated_command

    set_language(language_in_arguments(sys.argv[1:]))
    try:
        translated_command(app)()
    except UserError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(os_error_message(exc))
    except Exception as exc:
        from sqlalchemy.exc import DBAPIError

        if not isinstance(exc, DBAPIError):
            raise
        reason = db_error_reason(exc)
        if any(sign in reason for sign in DAMAGED):
            _fail(t("db.damaged_file", reason=reason))
        _fail(t("db.error", reason=reason))


def _fail(message: str) -> None:
    sys.stderr.write(f"orgeval: {t('error.prefix')}: {plain(message)}\n")
    sys.exit(1)
