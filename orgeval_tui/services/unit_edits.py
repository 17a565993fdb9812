"""Editing and removing a registered unit.

Both go through the ORM, so the audit trail records who changed which field when, and
the unit's version guards against a change made meanwhile by another evaluator."""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..domain.errors import ConflictError, UserError
from ..domain.roles import Need
from ..i18n import t
from ..storage import audit
from ..storage.database import Database
from .access import require
from .units import QUOTA_FIELDS, UnitNode, clean_name, find_unit, unit_node

# Rows that point at a unit but are not its data: an import record is the trace of a
# file read, kept after the unit goes (its link is set to null by the database).
NOT_DATA = frozenset({"import_record"})
# The order a refusal names a unit's data in: its sub-units, then as an evaluator reads.
SHOWN_ORDER = (
    "unit",
    "section",
    "staff",
    "duty",
    "work_log_entry",
    "service_case",
    "survey_response",
    "onsite_activity",
    "problem",
    "score",
    "score_lock",
    "evaluation_unit",
)


def edit_unit(
    db: Database,
    ref: str,
    *,
    name: str | None = None,
    short_name: str | None = None,
    parent: str | None = None,
    no_parent: bool = False,
    kind: str | None = None,
    expected_version: int | None = None,
    **quotas: int | None,
) -> UnitNode:
    """Change the fields given (None leaves a field as it is; an empty short name clears
    it). Refused, with nothing written, when a name is taken, the parent would make a
    cycle, the kind is unknown, a quota is negative or the unit changed since
    ``expected_version``."""
    from ..models.units import UNIT_KINDS

    unknown = set(quotas) - set(QUOTA_FIELDS)
    if unknown:
        raise TypeError(f"unknown quota fields: {sorted(unknown)}")
    with db.write() as session:
        require(session, Need.ADMIN)
        unit = find_unit(session, ref)
        if expected_version is not None and unit.version != expected_version:
            raise ConflictError(audit.conflict_message(session, type(unit), (unit.id,), unit))
        if kind is not None and kind not in UNIT_KINDS:
            raise UserError(
                t("unit.edit.bad_kind", unit=unit.name, kind=kind, kinds=", ".join(UNIT_KINDS))
            )
        for key, value in quotas.items():
            if value is not None and value < 0:
                raise UserError(
                    t(
                        "unit.edit.negative_quota",
                        unit=unit.name,
                        field=t(f"unit.field.{key}"),
                        value=value,
                    )
                )
        # Every check before the first assignment: one edit is one new version.
        changes: dict[str, object] = {key: v for key, v in quotas.items() if v is not None}
        if name is not None:
            changes["name"] = _free_name(session, unit, clean_name(name))
        if short_name is not None:
            changes["short_name"] = _free_short_name(session, unit, clean_name(short_name) or None)
        if no_parent:
            changes["parent_id"] = None
        elif parent is not None:
            changes["parent_id"] = _acyclic_parent(session, unit, parent)
        if kind is not None:
            changes["kind"] = kind
        for key, value in changes.items():
            setattr(unit, key, value)
        session.flush()
        return unit_node(unit)


def _free_name(session: Session, unit, name: str) -> str:
    from ..models import Unit

    if not name:
        raise UserError(t("unit.edit.name_empty", unit=unit.name))
    taken = session.scalars(select(Unit.id).where(Unit.name == name, Unit.id != unit.id)).first()
    if taken is not None:
        raise UserError(t("unit.edit.name_taken", unit=unit.name, name=name))
    return name


def _free_short_name(session: Session, unit, short: str | None) -> str | None:
    from ..models import Unit

    if short is None:
        return None
    clash = session.scalars(
        select(Unit)
        .where(or_(Unit.name == short, Unit.short_name == short), Unit.id != unit.id)
        .limit(1)
    ).first()
    if clash is not None:
        raise UserError(t("unit.edit.short_taken", unit=unit.name, short=short, other=clash.name))
    return short


def _acyclic_parent(session: Session, unit, parent_ref: str) -> int:
    """The parent's id, refused when the parent is the unit itself or lies under it."""
    from ..models import Unit

    parent = find_unit(session, parent_ref)
    ancestor_id: int | None = parent.id
    seen: set[int] = set()
    while ancestor_id is not None and ancestor_id not in seen:
        if ancestor_id == unit.id:
            raise UserError(t("unit.edit.cycle", unit=unit.name, parent=parent.name))
        seen.add(ancestor_id)
        ancestor_id = session.scalar(select(Unit.parent_id).where(Unit.id == ancestor_id))
    return parent.id


def unit_data_counts(session: Session, unit_id: int) -> dict[str, int]:
    """How many rows of each table point at the unit (its sub-units under ``unit``),
    for every table with a reference to a unit, as the schema declares them."""
    from sqlmodel import SQLModel

    from .. import models  # noqa: F401  (every table registered in the metadata)

    counts: dict[str, int] = {}
    tables = sorted(
        SQLModel.metadata.sorted_tables,
        key=lambda table: (
            SHOWN_ORDER.index(table.name) if table.name in SHOWN_ORDER else len(SHOWN_ORDER)
        ),
    )
    for table in tables:
        if table.name in NOT_DATA:
            continue
        columns = [
            fk.parent
            for fk in table.foreign_keys
            if fk.column.table.name == "unit" and fk.column.name == "id"
        ]
        if not columns:
            continue
        count = session.scalar(
            select(func.count()).select_from(table).where(or_(*(c == unit_id for c in columns)))
        )
        if count:
            counts[table.name] = count
    return counts


def remove_unit(db: Database, ref: str) -> str:
    """Remove a unit that has no data and no sub-units; its name, for the user. Refused
    otherwise, naming what it still has."""
    from ..models import Unit

    with db.write() as session:
        require(session, Need.ADMIN)
        found = find_unit(session, ref)
        # Locked, so no row can be added under it between the count and the delete.
        unit = session.scalars(select(Unit).where(Unit.id == found.id).with_for_update()).one()
        counts = unit_data_counts(session, unit.id)
        if counts:
            what = t("unit.data.join").join(
                t(f"unit.data.{table}{'.one' if count == 1 else ''}", count=f"{count:,}")
                for table, count in counts.items()
            )
            raise UserError(t("unit.remove.has_data", unit=unit.name, what=what))
        session.delete(unit)
        session.flush()
        return unit.name
