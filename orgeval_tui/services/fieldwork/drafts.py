"""Drafts: the notes as they are being typed, written within a second of typing so that
an editor that dies (the terminal closed, the connection dropped, the process killed)
comes back with them.

A draft is written with one Core UPDATE of three columns: short, off the audit trail
(it is not a change until saved) and without the version, so that saving a draft never
makes the editor's own save look stale."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.orm import Session

from ...domain.actor import current_actor
from ...domain.clock import utcnow
from ...domain.errors import NotFound
from ...i18n import t
from ...storage.database import Database
from ...storage.tables import onsite_activity as activity_table
from ..access import require_for_activity


def save_draft(db: Database, activity_id: int, text: str) -> datetime:
    """Keep ``text`` as the activity's draft; when it was kept."""
    now = utcnow()
    a = activity_table.c
    with db.write() as session:
        require_for_activity(session, activity_id)
        done = session.execute(
            update(activity_table)
            .where(a.id == activity_id)
            .values(draft=text, draft_saved_at=now, draft_by=current_actor())
        )
        if done.rowcount == 0:
            raise NotFound(t("fieldwork.no_activity", id=activity_id))
    return now


def clear_draft(session: Session, activity_id: int) -> None:
    a = activity_table.c
    session.execute(
        update(activity_table)
        .where(a.id == activity_id)
        .values(draft=None, draft_saved_at=None, draft_by=None)
    )


def discard_draft(db: Database, activity_id: int) -> None:
    """Forget what was typed since the last save."""
    with db.write() as session:
        require_for_activity(session, activity_id)
        clear_draft(session, activity_id)
