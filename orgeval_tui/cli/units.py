"""`orgeval units ...`: register, list, edit and remove units."""

from __future__ import annotations

from typing import Annotated

import typer

from ..i18n import t
from .common import open_db, print_json
from .literal import plain

units_app = typer.Typer(help="Register, list, edit and remove units.", no_args_is_help=True)


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
    evaluated: Annotated[
        bool,
        typer.Option("--evaluated", help="Also put it under the current evaluation."),
    ] = False,
) -> None:
    """Register a unit."""
    from ..services.units import add_unit

    node = add_unit(
        open_db(ctx),
        name,
        short_name=short,
        parent=parent,
        kind=kind,
        under_current_evaluation=evaluated,
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


@units_app.command("edit")
def units_edit(
    ctx: typer.Context,
    unit: Annotated[str, typer.Argument(help="The unit, by full or short name.")],
    name: Annotated[str | None, typer.Option("--name", help="New full name.")] = None,
    short: Annotated[
        str | None, typer.Option("--short", help="New short name (empty to clear it).")
    ] = None,
    parent: Annotated[str | None, typer.Option("--parent", help="New parent unit.")] = None,
    no_parent: Annotated[
        bool, typer.Option("--no-parent", help="Make it a top-level unit.")
    ] = False,
    kind: Annotated[
        str | None, typer.Option("--kind", help="department, institution, township, other.")
    ] = None,
    quota_admin: Annotated[
        int | None, typer.Option("--quota-admin", help="New administrative quota.")
    ] = None,
    quota_public: Annotated[
        int | None, typer.Option("--quota-public", help="New public-institution quota.")
    ] = None,
    quota_service: Annotated[
        int | None, typer.Option("--quota-service", help="New workers' quota.")
    ] = None,
    quota_leaders: Annotated[
        int | None, typer.Option("--quota-leaders", help="New number of leadership posts.")
    ] = None,
    if_version: Annotated[
        int | None,
        typer.Option(
            "--if-version",
            help="Only if the unit is still at this version (as `units list --json` gave "
            "it); otherwise refuse, naming who changed it.",
        ),
    ] = None,
) -> None:
    """Change a unit's names, parent, kind or quotas."""
    from ..domain.errors import UserError
    from ..services.unit_edits import edit_unit

    if parent is not None and no_parent:
        raise UserError(t("unit.edit.both_parents"))
    node = edit_unit(
        open_db(ctx),
        unit,
        name=name,
        short_name=short,
        parent=parent,
        no_parent=no_parent,
        kind=kind,
        expected_version=if_version,
        quota_admin=quota_admin,
        quota_public=quota_public,
        quota_service=quota_service,
        quota_leaders=quota_leaders,
    )
    typer.echo(plain(t("unit.edited", name=node.name, version=node.version)))


@units_app.command("remove")
def units_remove(
    ctx: typer.Context,
    unit: Annotated[str, typer.Argument(help="The unit, by full or short name.")],
) -> None:
    """Remove a unit that has no data and no sub-units."""
    from ..services.unit_edits import remove_unit

    typer.echo(plain(t("unit.removed", name=remove_unit(open_db(ctx), unit))))
