"""Registering units and reading the unit tree.

The tree is read through the light table handles (the TUI's first screen shows it);
the models are imported where a unit is written or handed to a caller as a row."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..domain.errors import NotFound, UserError
from ..domain.roles import Need
from ..i18n import t
from ..ingest.text import as_text
from ..storage import tables as T
from ..storage.database import Database
from .access import require

QUOTA_FIELDS = ("quota_admin", "quota_public", "quota_service", "quota_leaders")
_SPACES = re.compile(r"[\s\u3000]+")


@dataclass(frozen=True)
class UnitNode:
    id: int
    name: str
    short_name: str | None
    kind: str
    parent_id: int | None
    quota_admin: int
    quota_public: int
    quota_service: int
    quota_leaders: int
    version: int
    children: list[UnitNode] = field(default_factory=list)

    def to_json(self) -> dict:
        return asdict(self)


def clean_name(value: object) -> str:
    """Unit names as typed or exported carry stray and full-width spaces; none belong. A
    cell holding a number or a date is read as the text the spreadsheet shows."""
    if value is None:
        return ""
    return _SPACES.sub("", value if type(value) is str else as_text(value))


def find_unit_id(session: Session, ref: str) -> int:
    """A unit's id by its full name, else by its short name (one plain query, no ORM);
    a short name that several units share is refused with their names."""
    wanted = clean_name(ref)
    u = T.unit.c
    rows = session.execute(
        select(u.id, u.name).where(or_(u.name == wanted, u.short_name == wanted)).order_by(u.id)
    ).all()
    named = [uid for uid, name in rows if name == wanted]
    if named:
        return named[0]
    if len(rows) == 1:
        return rows[0].id
    if rows:
        raise UserError(t("unit.ambiguous", ref=ref, names="、".join(name for _, name in rows)))
    raise NotFound(t("unit.not_found", ref=ref))


def find_unit(session: Session, ref: str):
    """A unit (the model's row) by its full name, else by its short name."""
    from ..models import Unit

    return session.get(Unit, find_unit_id(session, ref))


def unit_ids_by_name(session: Session) -> dict[str, int]:
    """Unit id by full name and by short name, for files that name units either way."""
    u = T.unit.c
    units = session.execute(select(u.id, u.name, u.short_name)).all()
    ids = {short: uid for uid, _, short in units if short}
    ids.update({name: uid for uid, name, _ in units})  # a full name wins over a short one
    return ids


_NODE_FIELDS = (
    "id",
    "name",
    "short_name",
    "kind",
    "parent_id",
    *QUOTA_FIELDS,
    "version",
)


def unit_node(unit) -> UnitNode:
    """A unit's node from its model row or a row of ``T.unit``."""
    return UnitNode(**{name: getattr(unit, name) for name in _NODE_FIELDS})


def add_unit(
    db: Database,
    name: str,
    *,
    short_name: str | None = None,
    parent: str | None = None,
    kind: str = "department",
    under_current_evaluation: bool = False,
    **quotas: int,
) -> UnitNode:
    """Register a unit; ``under_current_evaluation`` also puts it under the current
    evaluation, in the same transaction (refused when there is none)."""
    from ..models import EvaluationUnit, Unit
    from ..models.units import UNIT_KINDS

    name = clean_name(name)
    short_name = clean_name(short_name) or None
    if not name:
        raise UserError(t("unit.name_empty"))
    if kind not in UNIT_KINDS:
        raise UserError(t("unit.bad_kind", kind=kind, kinds=", ".join(UNIT_KINDS)))
    unknown = set(quotas) - set(QUOTA_FIELDS)
    if unknown:
        raise TypeError(f"unknown quota fields: {sorted(unknown)}")
    for key, value in quotas.items():
        if value < 0:
            raise UserError(t("unit.negative_quota", field=t(f"unit.field.{key}"), value=value))
    with db.write() as session:
        require(session, Need.ADMIN)
        if session.scalars(select(Unit.id).where(Unit.name == name)).first() is not None:
            raise UserError(t("unit.exists", name=name))
        if short_name:
            clash = session.scalars(
                select(Unit).where(or_(Unit.name == short_name, Unit.short_name == short_name))
            ).first()
            if clash is not None:
                raise UserError(t("unit.short_taken", short=short_name, other=clash.name))
        parent_id = find_unit_id(session, parent) if parent else None
        unit = Unit(name=name, short_name=short_name, kind=kind, parent_id=parent_id, **quotas)
        session.add(unit)
        try:
            session.flush()
        except IntegrityError as exc:
            raise UserError(t("unit.exists", name=name)) from exc
        if under_current_evaluation:
            # Here, not at the top: evaluations reads units (find_unit).
            from .evaluations import current_evaluation_id

            evaluation_id = current_evaluation_id(session)
            if evaluation_id is None:
                raise UserError(t("evaluation.none_to_join", name=name))
            session.add(EvaluationUnit(evaluation_id=evaluation_id, unit_id=unit.id))
        return unit_node(unit)


def has_units(db: Database) -> bool:
    """Whether any unit is registered (one light query)."""
    with db.read() as session:
        return session.scalar(select(T.unit.c.id).limit(1)) is not None


def unit_tree(db: Database) -> list[UnitNode]:
    """Every unit, each under its parent, in the order they were registered."""
    columns = [T.unit.c[name] for name in _NODE_FIELDS]
    with db.read() as session:
        nodes = [unit_node(row) for row in session.execute(select(*columns).order_by(T.unit.c.id))]
    by_id = {node.id: node for node in nodes}
    roots: list[UnitNode] = []
    for node in nodes:
        parent = by_id.get(node.parent_id) if node.parent_id is not None else None
        (parent.children if parent is not None else roots).append(node)
    return roots
