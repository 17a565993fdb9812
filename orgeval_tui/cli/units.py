"""`orgeval units ...`: register and list units."""

from __future__ import annotations

from typing import Annotated

import typer

from ..i18n import t
from .common import open_db, print_json
from .literal import plain

units_app = typer.Typer(help="Register and list units.", no_args_is_help=True)


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
        open_db(ctx),
        name,
        short_name=short,
        parent=parent,
        kind=kind,
        quota_admin=quota_admin,
        quota_public=quota_public,
        quota_service=quota_service,
        quota_leaders=quota_leaders,
    )
    typer.echo(plain(t("unit.added", name=node.name, id=node.id)))


@units_app.command("list")
def units_list(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List units as a tree."""
    from ..services.units import unit_tree

    roots = unit_tree(open_db(ctx))
    if as_json:
        print_json([node.to_json() for node in roots])
        return
    if not roots:
        typer.echo(t("unit.none"))
        return
    from .views import unit_tree_table

    unit_tree_table(roots)
