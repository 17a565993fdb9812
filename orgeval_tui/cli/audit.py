"""`orgeval audit ...`: the audit trail, checked and read."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import JsonOption, open_db, print_json
from .literal import plain

audit_app = typer.Typer(
    help="The audit trail: check that no record was changed, and read who changed what.",
    no_args_is_help=True,
)


@audit_app.command("verify")
def audit_verify(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Walk the audit chain; name the first record edited, removed or added by hand."""
    from ..services.audit_trail import verify_audit

    check = verify_audit(open_db(ctx))
    if as_json:
        print_json(check.to_json())
    else:
        typer.echo(plain(check.message()), err=not check.intact)
    if not check.intact:
        raise typer.Exit(1)


@audit_app.command("log")
def audit_log(
    ctx: typer.Context,
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit",
            help="Unit name or short name: the unit's own records and those of its "
            "problems, scores, sections and on-site work.",
        ),
    ] = None,
    actor: Annotated[
        str | None, typer.Option("--actor", help="Only the changes of this account.")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", help="Only changes on or after this day, YYYY-MM-DD."),
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", help="At most this many records, the newest.")
    ] = 100,
    as_json: JsonOption = False,
) -> None:
    """Who changed what and when, newest first: each changed field with its old and new value."""
    from ..services.audit_log import read_audit

    if limit < 1:
        from ..domain.errors import UserError
        from ..i18n import t

        raise UserError(t("audit.bad_limit", value=limit))
    page = read_audit(
        open_db(ctx), unit=unit, actor=actor, since=_day(since, "--since"), limit=limit
    )
    if as_json:
        print_json(page.to_json())
        return
    from .audit_views import audit_table

    audit_table(page)


def _day(value: str | None, option: str):
    """A day the user typed; a wrong one is refused in one line (exit 1)."""
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value)
    except ValueError:
        from ..domain.errors import UserError
        from ..i18n import t

        raise UserError(f"{option}: {t('cli.bad_date', value=value)}") from None
