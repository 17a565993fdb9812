"""`orgeval audit ...`: the audit trail, checked."""

from __future__ import annotations

import typer

from .common import JsonOption, open_db, print_json
from .literal import plain

audit_app = typer.Typer(
    help="The audit trail: check that no record was changed.", no_args_is_help=True
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
