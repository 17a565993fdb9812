"""`orgeval demo`: the application on a database loaded with the pilot, or the pilot's
files for a new user to look at and practise imports on."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..i18n import t
from .common import refuse_damaged, require_terminal


def demo(
    reset: Annotated[
        bool, typer.Option("--reset", help="Start again from the pilot data.")
    ] = False,
    files: Annotated[
        Path | None,
        typer.Option(
            "--files",
            help="Write the pilot as the office's own files into DIR, with load.sh "
            "(the orgeval commands that load them), and exit.",
            metavar="DIR",
        ),
    ] = None,
) -> None:
    """Open the application on a demo database loaded with the pilot."""
    if files is not None:
        from ..demo.practice_files import LOAD_SCRIPT, write_practice_files

        written = write_practice_files(files)
        typer.echo(
            t(
                "demo.files_written",
                count=len(written),
                folder=str(files),
                script=str(files / LOAD_SCRIPT),
            )
        )
        for path in written:
            typer.echo(f"  {path.name}")
        return
    from ..demo.loader import open_demo_database

    database = open_demo_database(reset=reset)
    refuse_damaged(database)
    require_terminal()
    from ..app import run_app

    run_app(database)
