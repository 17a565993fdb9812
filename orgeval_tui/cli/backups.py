"""`orgeval backup` and `orgeval restore`: the whole database to a file and back."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..i18n import t
from .common import JsonOption, open_db, print_json
from .literal import plain


def backup(
    ctx: typer.Context,
    output: Annotated[
        str, typer.Option("-o", "--output", help="The backup file to write (a new file).")
    ],
    as_json: JsonOption = False,
) -> None:
    """Back up the database while others work (SQLite: VACUUM INTO; PostgreSQL: pg_dump)."""
    from ..services.backups import backup as run

    done = run(open_db(ctx), Path(output))
    if as_json:
        print_json(done.to_json())
        return
    typer.echo(plain(t("backup.done", file=str(done.path), size=done.size, revision=done.revision)))


def restore(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(help="A backup written by `orgeval backup`.")],
    yes: Annotated[
        bool, typer.Option("--yes", help="Replace the whole database with the backup.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Replace the database with a backup, once it passes the integrity check."""
    from ..services.backups import restore as run

    database = open_db(ctx)
    done = run(database, Path(file), confirmed=yes)
    if as_json:
        print_json(done.to_json())
        return
    key = "restore.upgraded" if done.upgraded_to else "restore.done"
    shown = t(key, file=str(done.path), revision=done.revision, url=database.display_url,
              current=done.upgraded_to)  # fmt: skip
    typer.echo(plain(shown))
