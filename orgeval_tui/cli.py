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

from .errors import UserError, db_error_reason
from .i18n import LANGUAGES, set_language, t

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    help="orgeval: establishment-evaluation casework (机构编制评估).",
)
units_app = typer.Typer(help="Register and list units.", no_args_is_help=True)
app.add_typer(units_app, name="units")


@dataclass
class Settings:
    db: str | None
    lang: str


def _settings(ctx: typer.Context) -> Settings:
    return ctx.find_root().obj


def _open_db(ctx: typer.Context):
    from .db import Database

    return Database.open(_settings(ctx).db)


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
    from .db import Database

    database = Database.open(db)
    from .app import run_app

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
    from .demo.loader import open_demo_database

    database = open_demo_database(reset=reset)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UserError(t("tui.no_terminal"))
    from .app import run_app

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
    from .services.units import add_unit

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
    from .services.units import unit_tree

    roots = unit_tree(_open_db(ctx))
    if as_json:
        _print_json([node.to_json() for node in roots])
        return
    if not roots:
        typer.echo(t("unit.none"))
        return
    from .cli_views import unit_tree_table

    unit_tree_table(roots)


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
