"""The audit trail as a hash chain: each record carries the SHA-256 of the record before
it and of its own fields (actor, time, entity, row, action, field, old and new value).
A record edited, removed or slipped in by hand (with ``sqlite3`` or ``psql``) no longer
follows from the one before it, and ``verify`` names the first such record.

The head of the chain is read in the transaction that appends to it. SQLite writes one
transaction at a time (``BEGIN IMMEDIATE``); PostgreSQL takes a transaction-level
advisory lock first, so two evaluators' changes never hang from the same record.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import text

GENESIS = "0" * 64
# Any fixed number: the lock PostgreSQL transactions take to append to the chain.
CHAIN_LOCK = 0x6F726765
FIELDS = ("actor", "at", "entity", "entity_id", "action", "field", "old", "new")


def _instant(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def _digest(values: list) -> str:
    encoded = _JSON.encode(values).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()


_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def link(previous: str, record: dict) -> str:
    """The chain value of ``record`` (its FIELDS) following ``previous``."""
    return _digest(
        [previous] + [_instant(record[name]) if name == "at" else record[name] for name in FIELDS]
    )


def _stored_instant(value) -> str:
    """The instant as ``_instant`` writes it, from what the database gives back: an
    aware datetime (PostgreSQL), or SQLite's text, UTC without an offset."""
    if isinstance(value, datetime):
        return _instant(value if value.tzinfo else value.replace(tzinfo=UTC))
    if len(value) == 26:  # SQLAlchemy's own form: 2021-06-30 08:00:00.000000
        return f"{value[:10]}T{value[11:]}+00:00"
    return _instant(datetime.fromisoformat(value).replace(tzinfo=UTC))


def head(connection) -> str:
    """The chain value of the last record, in a transaction that may append after it."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHAIN_LOCK})
    last = connection.execute(
        text("SELECT chain FROM audit_event ORDER BY id DESC LIMIT 1")
    ).scalar()
    return last or GENESIS


def chained(previous: str, records: Iterable[dict]) -> list[dict]:
    """The records, each with its ``chain`` value, in the order they are appended."""
    out = []
    for record in records:
        previous = link(previous, record)
        out.append({**record, "chain": previous})
    return out


@dataclass(frozen=True)
class Break:
    record: int  # the id of the first record that does not follow
    kind: str  # edited | removed_before | outside | missing
    gap: tuple[int, int] | None = None  # for removed_before: the ids missing


@dataclass(frozen=True)
class Verdict:
    records: int
    first_break: Break | None


def _rows(connection, batch: int) -> Iterator[tuple]:
    after = 0
    columns = ", ".join(("id", "chain", *FIELDS))
    while True:
        rows = connection.execute(
            text(f"SELECT {columns} FROM audit_event WHERE id > :after ORDER BY id LIMIT :n"),
            {"after": after, "n": batch},
        ).all()
        if not rows:
            return
        yield from rows
        after = rows[-1][0]


def verify(connection, batch: int = 20000) -> Verdict:
    """Walk the chain from the first record; stop at the first that does not follow."""
    previous, previous_id, count = GENESIS, 0, 0
    for row in _rows(connection, batch):
        count += 1
        record_id, chain, actor, at, *rest = row
        if chain is None or len(chain) != 64:
            return Verdict(count, Break(record_id, "outside"))
        if chain != _digest([previous, actor, _stored_instant(at), *rest]):
            if record_id != previous_id + 1:
                gap = (previous_id + 1, record_id - 1)
                return Verdict(count, Break(record_id, "removed_before", gap))
            return Verdict(count, Break(record_id, "edited"))
        previous, previous_id = chain, record_id
    return Verdict(count, None)
