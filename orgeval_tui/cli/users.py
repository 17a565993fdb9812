"""`orgeval users ...`: who may do what in this database."""

from __future__ import annotations

from typing import Annotated

import typer

from ..i18n import t
from .common import JsonOption, open_db, print_json
from .literal import literal, plain

users_app = typer.Typer(
    help="Accounts and their roles: admin, evaluator (optionally limited to units), viewer.",
    no_args_is_help=True,
)

UnitsOption = Annotated[
    list[str] | None,
    typer.Option("--unit", help="A unit the evaluator is limited to (repeat for more)."),
]


def _summary(view) -> str:
    units = t("users.for_units", units=t("access.list_separator").join(view.units))
    return plain(
        t(
            "users.changed",
            name=view.name,
            role=t(f"role.{view.role}"),
            units=units if view.units else "",
        )
    )


def _echo_account(view) -> None:
    typer.echo(_summary(view))
    if not view.known_here:
        typer.echo(plain(t("users.not_on_machine", name=view.name)), err=True)


@users_app.command("add")
def users_add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The OS account name.")],
    role: Annotated[str, typer.Option("--role", help="admin, evaluator or viewer.")],
    units: UnitsOption = None,
) -> None:
    """Give an OS account a role in this database (admin only)."""
    from ..services.users import add_user

    _echo_account(add_user(open_db(ctx), name, role, units or ()))


@users_app.command("grant")
def users_grant(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The OS account name.")],
    role: Annotated[
        str | None, typer.Option("--role", help="The new role: admin, evaluator or viewer.")
    ] = None,
    units: UnitsOption = None,
    all_units: Annotated[
        bool, typer.Option("--all-units", help="Lift the evaluator's limit to units.")
    ] = False,
) -> None:
    """Change an account's role, or the units an evaluator may work on (admin only)."""
    from ..services.users import grant

    _echo_account(grant(open_db(ctx), name, role=role, units=units or (), all_units=all_units))


@users_app.command("revoke")
def users_revoke(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The OS account name.")],
    units: Annotated[
        list[str] | None,
        typer.Option("--unit", help="Take only this unit from the evaluator (repeat for more)."),
    ] = None,
) -> None:
    """Take units from an evaluator, or with no --unit the account's role (admin only)."""
    from ..services.users import revoke

    view = revoke(open_db(ctx), name, units or ())
    if view is None:
        typer.echo(plain(t("users.removed", name=name)))
    else:
        _echo_account(view)


@users_app.command("list")
def users_list(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """List the accounts with a role, and their units."""
    from rich.console import Console
    from rich.table import Table

    from ..services.users import list_users

    views = list_users(open_db(ctx))
    if as_json:
        print_json([view.to_json() for view in views])
        return
    if not views:
        typer.echo(t("users.none"))
        return
    table = Table(
        *(t(f"users.column.{key}") for key in ("name", "role", "units", "added")),
        box=None,
        pad_edge=False,
    )
    for view in views:
        units = t("access.list_separator").join(view.units) if view.units else ""
        if view.role == "evaluator" and not view.units:
            units = t("users.all_units")
        table.add_row(
            literal(view.name),
            literal(t(f"role.{view.role}")),
            literal(units),
            literal(f"{view.added_at} {view.added_by}"),
        )
    Console().print(table)
