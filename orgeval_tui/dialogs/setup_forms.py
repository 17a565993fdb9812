"""The forms of day one: setting up an evaluation and registering a unit. Each calls the
service the CLI calls (`orgeval evaluation new`, `orgeval units add`), in a thread, and
returns what to tell the user."""

from __future__ import annotations

from ..domain.errors import UserError
from ..i18n import t
from .form import Field, FormScreen

QUOTAS = ("quota_admin", "quota_public", "quota_service", "quota_leaders")


def new_evaluation_form(database, units: list[str]) -> FormScreen:
    """``units``: the registered units' names; the form offers to take them all in."""
    fields = [
        Field("name", t("tui.evaluation_form.name"), required=True),
        Field("reference_date", t("tui.evaluation_form.reference_date"), "date", required=True),
        Field("prefix", t("tui.evaluation_form.prefix"), required=True),
        Field("periods", t("tui.evaluation_form.periods"), "lines"),
    ]
    if units:
        label = t("tui.evaluation_form.all_units", count=len(units))
        fields.append(Field("all_units", label, "check", default="1"))

    def run(values: dict) -> str:
        from ..services.evaluation_setup import parse_period
        from ..services.evaluations import create_evaluation

        lines = (values["periods"] or "").splitlines()
        periods = [parse_period(line) for line in lines if line.strip()]
        made = create_evaluation(
            database,
            values["name"],
            values["reference_date"],
            number_prefix=values["prefix"],
            periods=periods,
            units=units if values.get("all_units") else (),
        )
        return t("tui.evaluation_form.created", name=made.name)

    return FormScreen(
        t("tui.evaluation_form.title"), fields, run, note=t("tui.evaluation_form.note")
    )


def add_unit_form(database, units: list[str], evaluation: str | None) -> FormScreen:
    """``units``: the registered units' names (a parent to choose); ``evaluation``: the
    current evaluation's name, which the form offers to put the unit under."""
    from ..models.units import UNIT_KINDS

    fields = [
        Field("name", t("tui.unit_form.name"), required=True),
        Field("short", t("tui.unit_form.short_name")),
        Field(
            "parent",
            t("tui.unit_form.parent"),
            "choice",
            options=tuple((u, u) for u in units),
            prompt=t("tui.unit_form.no_parent"),
        ),
        Field(
            "kind",
            t("tui.unit_form.kind"),
            "choice",
            required=True,
            default="department",
            options=tuple((t(f"unit.kind.{kind}"), kind) for kind in UNIT_KINDS),
        ),
        *(Field(quota, t(f"tui.unit_form.{quota}"), default="0") for quota in QUOTAS),
    ]
    note = ""
    if evaluation is not None:
        note = t("tui.unit_form.current", name=evaluation)
        fields.append(
            Field("in_evaluation", t("tui.unit_form.in_evaluation"), "check", default="1")
        )

    def run(values: dict) -> str:
        from ..services.units import add_unit

        under = bool(values.get("in_evaluation"))
        node = add_unit(
            database,
            values["name"],
            short_name=values["short"],
            parent=values["parent"],
            kind=values["kind"],
            under_current_evaluation=under,
            **{quota: _whole(values[quota], quota) for quota in QUOTAS},
        )
        if under:
            return t("tui.unit_form.added_in", name=node.name, evaluation=evaluation)
        return t("tui.unit_form.added", name=node.name)

    return FormScreen(t("tui.unit_form.title"), fields, run, note=note)


def _whole(text: str | None, quota: str) -> int:
    """A quota as typed: empty is none (0); anything but a whole number is refused."""
    if not text:
        return 0
    try:
        return int(text)
    except ValueError:
        raise UserError(
            t("tui.unit_form.bad_quota", field=t(f"unit.field.{quota}"), value=text)
        ) from None
