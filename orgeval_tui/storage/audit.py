"""The append-only audit trail: every insert, update and delete of a casework row,
field by field, written in the same transaction as the change itself, each record
chained to the one before it (``audit_chain``).

Bulk imports of figures' inputs (rosters, work logs, cases, surveys) write with
SQLAlchemy Core and bypass this listener on purpose: their trace is the import record
(file, hash, rows, who, when). An import into an audited table (the problem ledger)
writes its records with ``record_inserted``.

The models are imported inside the functions: ``database`` imports this module to register the
listener, and opening a database must not build every model class (see ``tables``).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session

from ..domain.actor import current_actor
from ..domain.clock import office_tz, utcnow
from ..i18n import t

AUDITED_TABLES = frozenset(
    {
        "account",
        "account_unit",
        "unit",
        "section",
        "evaluation",
        "current_evaluation",
        "evaluation_period",
        "evaluation_unit",
        "indicator",
        "score",
        "score_lock",
        "onsite_activity",
        "finding",
        "finding_indicator",
        "activity_file",
        "interview_outline",
        "self_report",
        "problem",
        "benchmark",
        "calendar_day",
    }
)
_UNRECORDED_FIELDS = frozenset({"id", "version"})


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _entity_id(state) -> str:
    # From the instance, not state.identity: new rows get their identity only after flush.
    key = state.mapper.primary_key_from_instance(state.obj())
    return ",".join(str(part) for part in key)


def _changes(obj, action: str):
    state = inspect(obj)
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in _UNRECORDED_FIELDS:
            continue
        if action == "update":
            history = state.attrs[key].history
            if not history.has_changes():
                continue
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if _text(old) == _text(new):
                continue
            yield key, old, new
        else:
            # The instance dict, not attribute access: reading must not trigger a load.
            value = state.dict.get(key)
            if value is None:
                continue
            yield (key, None, value) if action == "insert" else (key, value, None)


def _audited(obj) -> bool:
    table = getattr(type(obj), "__tablename__", None)
    return table in AUDITED_TABLES


@event.listens_for(Session, "after_flush")
def _record_changes(session: Session, _flush_context) -> None:
    from ..models import AuditEvent

    actor = current_actor()
    at = utcnow()
    rows = []
    for action, objects in (
        ("insert", session.new),
        ("update", session.dirty),
        ("delete", session.deleted),
    ):
        for obj in objects:
            if not _audited(obj):
                continue
            state = inspect(obj)
            entity, entity_id = type(obj).__tablename__, _entity_id(state)
            for field, old, new in _changes(obj, action):
                rows.append(
                    {
                        "actor": actor,
                        "at": at,
                        "entity": entity,
                        "entity_id": entity_id,
                        "action": action,
                        "field": field,
                        "old": _text(old),
                        "new": _text(new),
                    }
                )
    if rows:
        from .audit_chain import chained, head

        connection = session.connection()
        connection.execute(insert(AuditEvent.__table__), chained(head(connection), rows))


def record_inserted(session: Session, table, rows: list[dict]) -> None:
    """The audit records of rows of an audited table inserted with Core (``rows``: the
    values written, each with its ``id``): one per field with a value, as the listener
    writes for a row the ORM inserts, by the account acting, chained after the last."""
    from ..models import AuditEvent

    assert table.name in AUDITED_TABLES, table.name
    actor = current_actor()
    at = utcnow()
    records = [
        {
            "actor": actor,
            "at": at,
            "entity": table.name,
            "entity_id": str(row["id"]),
            "action": "insert",
            "field": column.name,
            "old": None,
            "new": _text(row[column.name]),
        }
        for row in rows
        for column in table.columns
        if column.name not in _UNRECORDED_FIELDS and row.get(column.name) is not None
    ]
    if records:
        from .audit_chain import chained, head

        connection = session.connection()
        connection.execute(insert(AuditEvent.__table__), chained(head(connection), records))


def last_change(session: Session, entity: str, entity_id: str):
    """The audit trail's last record (an ``AuditEvent``) of a row, or None."""
    from sqlalchemy import select

    from ..models import AuditEvent

    return session.scalars(
        select(AuditEvent)
        .where(AuditEvent.entity == entity, AuditEvent.entity_id == entity_id)
        .order_by(AuditEvent.id.desc())
        .limit(1)
    ).first()


def _deleted_label(session: Session, entity: str, entity_id: str) -> str | None:
    from sqlalchemy import select

    from ..models import AuditEvent

    return session.scalars(
        select(AuditEvent.old).where(
            AuditEvent.entity == entity,
            AuditEvent.entity_id == entity_id,
            AuditEvent.action == "delete",
            AuditEvent.field.in_(("number", "name")),
        )
    ).first()


# How the user knows an audited table's fields and coded values: the catalogue keys
# ``<prefix>.<field>`` and ``<prefix>.<value>``; a column no table names has its word
# under ``audit.field.<column>`` (the links between rows, who and when), else its name.
FIELD_NAMES = {
    "problem": "ledger.field",
    "unit": "unit.field",
    "score": "score.field",
    "evaluation": "evaluation.field",
    "onsite_activity": "fieldwork.field",
}
VALUE_WORDS = {
    "problem": {
        "status": "ledger.status",
        "source": "ledger.source",
        "severity": "ledger.severity",
    },
    "finding": {"severity": "ledger.severity"},
    "unit": {"kind": "unit.kind"},
    "onsite_activity": {"kind": "fieldwork.kind"},
    "score": {"not_applicable": "audit.yes_no", "source": "audit.score_source"},
    "calendar_day": {"is_workday": "audit.yes_no"},
}


def _worded(key: str, fallback: str) -> str:
    from ..i18n import catalogues, current_language

    return catalogues()[current_language()].get(key, fallback)


def field_words(entity: str, field: str) -> str:
    """An audited column as the user calls it."""
    shared = _worded(f"audit.field.{field}", field)
    return _worded(f"{FIELD_NAMES[entity]}.{field}", shared) if entity in FIELD_NAMES else shared


def value_words(entity: str, field: str, value: str | None) -> str:
    """A recorded value as the user reads it: a coded value in words, none as a dash."""
    if value in (None, ""):
        return "—"
    words = VALUE_WORDS.get(entity, {}).get(field)
    if words:
        return _worded(f"{words}.{value}", value)
    return _local_instant(value)


def _local_instant(value: str) -> str:
    """An instant the trail wrote (ISO 8601 with its offset) at the office's time, as
    every other time is shown; any other value as it is."""
    if len(value) < 25 or value[10:11] != "T":
        return value
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is None:
        return value
    return moment.astimezone(office_tz()).strftime("%Y-%m-%d %H:%M")


def _change_words(entity: str, field: str, old, new) -> str:
    """A field's change as the user reads it: its name and coded values in words."""
    old, new = (value_words(entity, field, None if v is None else str(v)) for v in (old, new))
    return f"{field_words(entity, field)}{t('conflict.colon')}{old} → {new}"


def _score_label(session: Session, entity: str, current) -> str | None:
    """A score is named by its unit and leaf, as the evaluator knows it."""
    if entity != "score" or current is None:
        return None
    from ..models import Indicator, Unit

    unit = session.get(Unit, current.unit_id)
    leaf = session.get(Indicator, current.indicator_id)
    return f"{unit.name} {leaf.code} {leaf.name}"


def conflict_message(session: Session, model, identity, current) -> str:
    """Who changed a row since it was read, for the refusal of a stale write, at the
    office's local time and in the user's words for its fields (as everything the user
    reads). ``current`` is the row as it is now, or None when it was deleted."""
    entity = model.__tablename__
    entity_id = ",".join(str(part) for part in identity)
    change = last_change(session, entity, entity_id)
    label = (
        getattr(current, "number", None)
        or getattr(current, "name", None)
        or _score_label(session, entity, current)
    )
    if label is None and change is not None and change.action == "delete":
        label = _deleted_label(session, entity, entity_id)
    label = label or f"{entity} {entity_id}"
    if change is None:
        return t("conflict.by_someone", label=label)
    when = change.at.astimezone(office_tz()).strftime("%Y-%m-%d %H:%M")
    if change.action == "delete":
        return t("conflict.deleted", label=label, actor=change.actor, when=when)
    what = (
        _change_words(entity, change.field, change.old, change.new)
        if change.field
        else change.action
    )
    return t("conflict.by", label=label, actor=change.actor, when=when, what=what)
