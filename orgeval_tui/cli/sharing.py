"""`orgeval setup-shared`: a folder and a database in it for the OS accounts of a group."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..i18n import t
from .common import JsonOption, print_json
from .literal import plain


def setup_shared(
    folder: Annotated[
        str, typer.Argument(metavar="DIR", help="The folder to share (new, or empty).")
    ],
    group: Annotated[str, typer.Option("--group", help="The OS group whose members share it.")],
    as_json: JsonOption = False,
) -> None:
    """Make a folder and a database in it that every member of an OS group can write."""
    from ..services.sharing import setup_shared as run

    done = run(Path(folder), group)
    if as_json:
        print_json(done.to_json())
        return
    shown = t("shared.done", folder=done.folder, group=done.group, database=done.database,
              revision=done.revision)  # fmt: skip
    typer.echo(plain(shown))
