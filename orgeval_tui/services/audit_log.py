"""Reading the audit trail (`orgeval audit log`, the 审计 tabs): who changed what, when,
newest first, filtered by unit, problem, account and day.

A record names a row by its table and key. A unit's records are those of the unit's own
row and of every row that belongs to it (its problems, scores, sections, on-site
activities and what hangs from them): one SQL statement, each table's keys read once as
a set — the rows there now, and the rows whose recorded unit (or parent) was this one, so
a deleted problem stays in its unit's trail.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, time

from sqlalchemy import String, and_, cast, literal, or_, select, union
from sqlalchemy.orm import Session

from ..domain.clock import office_tz
from ..models import AuditEvent
from ..storage.audit import field_words, value_words
from ..storage.database import Database
from .audit_subjects import subjects

DEFAULT_LIMIT = 100

# Tables whose rows carry their unit, and tables whose rows hang from another's row
# (the linking column, the parent table); the unit's own row is named by its id.
OWNED_BY_UNIT = (
    "problem",
    "score",
    "score_lock",
    "section",
    "onsite_activity",
    "self_report",
    "evaluation_unit",
)
HANGING_FROM = {
    "finding": ("activity_id", "onsite_activity"),
    "activity_file": ("activity_id", "onsite_activity"),
    "finding_indicator": ("finding_id", "finding"),
}


@dataclass(frozen=True)
class AuditLine:
    """One audit record, as the user reads it; the raw values kept for JSON."""

    record: int
    at: datetime  # UTC
    actor: str
    action: str  # insert | update | delete
    entity: str
    entity_id: str
    subject: str  # the row in words: 问题 2021-001, 评分 A1.1 县工业和信息化局
    field: str | None
    field_label: str
    old: str | None
    new: str | None
    old_words: str
    new_words: str

    @property
    def local_time(self) -> str:
        return self.at.astimezone(office_tz()).strftime("%Y-%m-%d %H:%M")

    def to_json(self) -> dict:
        document = asdict(self)
        document["at"] = self.at.astimezone(office_tz()).isoformat()
        return document


@dataclass(frozen=True)
class AuditPage:
    lines: tuple[AuditLine, ...]
    limit: int
    more: bool  # older records match too

    def to_json(self) -> dict:
        return {
            "records": [line.to_json() for line in self.lines],
            "limit": self.limit,
            "more": self.more,
        }


def _table(name: str):
    return AuditEvent.metadata.tables[name]


def _key_text(table):
    """A row's key as the audit trail writes it: its key columns joined by commas."""
    parts = [cast(column, String) for column in table.primary_key.columns]
    key = parts[0]
    for part in parts[1:]:
        key = key + literal(",") + part
    return key


def _live_ids(name: str, unit_id: int):
    """The ids (integers) of the rows of ``name`` there now that belong to the unit."""
    table = _table(name)
    if name in HANGING_FROM:
        column, parent = HANGING_FROM[name]
        return select(table.c.id).where(table.c[column].in_(_live_ids(parent, unit_id)))
    return select(table.c.id).where(table.c.unit_id == unit_id)


def _links():
    """The trail's records of the columns that tie a row to a unit or to its parent row,
    read in one pass over the trail and kept for every table's use (``MATERIALIZED``:
    both SQLite and PostgreSQL would otherwise scan the trail once per table)."""
    audit = AuditEvent.__table__.c
    columns = {"unit_id", *(column for column, _ in HANGING_FROM.values())}
    return (
        select(audit.entity, audit.entity_id, audit.field, audit.old, audit.new)
        .where(audit.field.in_(sorted(columns)))
        .cte("unit_links")
        .prefix_with("MATERIALIZED")
    )


def _owned_keys(name: str, unit_id: int, links):
    """The keys (as the audit trail writes them) of the rows of ``name`` that belong or
    belonged to the unit: the rows there now, and the rows whose audit records put them
    in the unit (or under one of its rows), deleted ones included."""
    table = _table(name)
    if name in HANGING_FROM:
        column, parent = HANGING_FROM[name]
        live = select(_key_text(table)).where(table.c[column].in_(_live_ids(parent, unit_id)))
        parents = _owned_keys(parent, unit_id, links).subquery()
        recorded = or_(links.c.old.in_(select(parents.c[0])), links.c.new.in_(select(parents.c[0])))
    else:
        column = "unit_id"
        live = select(_key_text(table)).where(table.c.unit_id == unit_id)
        recorded = or_(links.c.old == str(unit_id), links.c.new == str(unit_id))
    traced = select(links.c.entity_id).where(
        links.c.entity == name, links.c.field == column, recorded
    )
    return union(live, traced)


def _about_unit(unit_id: int):
    audit, links = AuditEvent.__table__.c, _links()
    return or_(
        and_(audit.entity == "unit", audit.entity_id == str(unit_id)),
        *(
            and_(audit.entity == name, audit.entity_id.in_(_owned_keys(name, unit_id, links)))
            for name in (*OWNED_BY_UNIT, *HANGING_FROM)
        ),
    )


def _since(day: date) -> datetime:
    """The first instant of ``day`` at the office."""
    return datetime.combine(day, time(0), tzinfo=office_tz())


def _problem_id(session: Session, number: str) -> int:
    from .ledger.transitions import find_problem

    return find_problem(session, number).id


def read_audit(
    db: Database,
    *,
    unit: str | None = None,
    unit_id: int | None = None,
    problem: str | None = None,
    problem_id: int | None = None,
    actor: str | None = None,
    since: date | None = None,
    limit: int = DEFAULT_LIMIT,
) -> AuditPage:
    """The newest ``limit`` audit records that match, newest first. ``unit`` is a name
    or short name (or ``unit_id`` the unit's id); ``problem`` a problem's number (or
    ``problem_id`` its id)."""
    from .units import find_unit_id

    audit = AuditEvent.__table__.c
    with db.read() as session:
        conditions = []
        if unit is not None:
            unit_id = find_unit_id(session, unit)
        if unit_id is not None:
            conditions.append(_about_unit(unit_id))
        if problem is not None:
            problem_id = _problem_id(session, problem)
        if problem_id is not None:
            conditions += [audit.entity == "problem", audit.entity_id == str(problem_id)]
        if actor is not None:
            conditions.append(audit.actor == actor)
        if since is not None:
            conditions.append(audit.at >= _since(since))
        rows = session.execute(
            select(
                audit.id,
                audit.at,
                audit.actor,
                audit.action,
                audit.entity,
                audit.entity_id,
                audit.field,
                audit.old,
                audit.new,
            )
            .where(*conditions)
            .order_by(audit.id.desc())
            .limit(limit + 1)
        ).all()
        shown = rows[:limit]
        names = subjects(session, [(row.entity, row.entity_id) for row in shown])
    lines = tuple(
        AuditLine(
            record=row.id,
            at=row.at,
            actor=row.actor,
            action=row.action,
            entity=row.entity,
            entity_id=row.entity_id,
            subject=names[(row.entity, row.entity_id)],
            field=row.field,
            field_label=field_words(row.entity, row.field) if row.field else "",
            old=row.old,
            new=row.new,
            old_words=value_words(row.entity, row.field, row.old),
            new_words=value_words(row.entity, row.field, row.new),
        )
        for row in shown
    )
    return AuditPage(lines, limit, len(rows) > limit)
