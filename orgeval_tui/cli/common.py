"""What every command shares: the global settings, opening the database, dates,
JSON, and the options several commands take."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from typing import Annotated

import typer

UnitOption = Annotated[str, typer.Option("--unit", help="Unit name or short name.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]
DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="Check the file and show what would change.")
]
FileArgument = Annotated[str, typer.Argument(help="The exported file (.xlsx, .xls, .ods, .csv).")]
EvaluationOption = Annotated[
    str | None,
    typer.Option("--evaluation", help="Evaluation name (default: the current one)."),
]
PeriodFrom = Annotated[str, typer.Option("--from", help="First day, YYYY-MM-DD.")]
PeriodTo = Annotated[str, typer.Option("--to", help="Last day, YYYY-MM-DD.")]


@dataclass
class Settings:
    db: str | None
    lang: str


def settings(ctx: typer.Context) -> Settings:
    return ctx.find_root().obj


def open_db(ctx: typer.Context):
    from ..storage.database import Database

    return Database.open(settings(ctx).db)


# What SQLite says of a file that is damaged or is not a database at all.
DAMAGED = ("malformed", "not a database", "btreeInitPage", "corrupt")


def refuse_damaged(database) -> None:
    """The application does not start on a damaged database file: it says so, and how
    to get the data back, before anything reads half of it."""
    problem = database.damage()
    if problem is not None:
        from ..domain.errors import UserError
        from ..i18n import t

        raise UserError(t("db.damaged", url=database.display_url, reason=problem))


def parse_date(value: str | None, option: str):
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value)
    except ValueError:
        from ..i18n import t

        raise typer.BadParameter(t("cli.bad_date", value=value), param_hint=option) from None


# JSON escapes the C0 controls itself; DEL and the C1 controls (which some terminals obey
# like ESC) it leaves raw. They only occur inside strings, where \u escapes are JSON.
_RAW_CONTROLS = {code: f"\\u{code:04x}" for code in range(0x7F, 0xA0)}


def print_json(document) -> None:
    text = json.dumps(document, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write(text.translate(_RAW_CONTROLS) + "\n")


WEB_DRIVER = "textual.drivers.web_driver:WebDriver"


def require_terminal() -> None:
    """The application needs a terminal (``ssh -t``), not a pipe, unless `orgeval serve`
    runs it for a browser (Textual's web driver speaks over the pipes)."""
    if os.environ.get("TEXTUAL_DRIVER") == WEB_DRIVER:
        return
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        from ..domain.errors import UserError
        from ..i18n import t

        raise UserError(t("tui.no_terminal"))
