"""Whether the database changed since a screen read it: a marker, cheap to read often.

Every change of casework leaves a row in the audit trail (``storage.audit``), and every
bulk import, which bypasses the trail on purpose, leaves an import record. Both only
grow, so their latest ids together change exactly when something was written, by this
evaluator or another. Reading them is two index look-ups, so a screen can ask every few
seconds and re-read its figures only when the answer moved.
"""

from __future__ import annotations

from sqlalchemy import func, select

from ..storage import tables as T
from ..storage.database import Database

DataMarker = tuple[int, int]


def data_marker(db: Database) -> DataMarker:
    with db.read() as session:
        audited = session.scalar(select(func.max(T.audit_event.c.id)))
        imported = session.scalar(select(func.max(T.import_record.c.id)))
    return (audited or 0, imported or 0)
