"""Photos and scans attached to an activity: each recorded by its absolute path, size and
SHA-256, while the file itself stays where it is. Several attached together go all or
none: every file is read before anything is written."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from ...domain.actor import current_actor
from ...domain.errors import UserError
from ...domain.roles import Need
from ...i18n import t
from ...i18n.os_errors import os_reason
from ...storage.database import Database
from ..access import require
from .activities import load_activity
from .views import FileView


def file_facts(path: str | Path) -> tuple[Path, str, int]:
    """A file's absolute path, SHA-256 and size; refused naming the file when it cannot
    be read."""
    path = Path(path).expanduser()
    try:
        resolved = path.resolve(strict=True)
        if not resolved.is_file():
            raise UserError(t("fieldwork.not_a_file", path=str(path)))
        with resolved.open("rb") as handle:
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
        return resolved, digest, resolved.stat().st_size
    except OSError as exc:
        raise UserError(t("fieldwork.bad_file", path=str(path), reason=os_reason(exc))) from exc


def attach_files(db: Database, activity_id: int, paths: Iterable[str | Path]) -> list[FileView]:
    """Record several photos or scans of an activity: every file is read first, and one
    that cannot be leaves none attached."""
    from ...models import ActivityFile

    facts = [file_facts(path) for path in paths]
    with db.write() as session:
        require(session, Need.CASEWORK, load_activity(session, activity_id).unit_id)
        rows = [
            ActivityFile(
                activity_id=activity_id,
                path=str(path),
                sha256=digest,
                size=size,
                added_by=current_actor(),
            )
            for path, digest, size in facts
        ]
        session.add_all(rows)
        session.flush()
        return [FileView(r.id, r.path, r.sha256, r.size, r.added_by, r.added_at) for r in rows]


def attach_file(db: Database, activity_id: int, path: str | Path) -> FileView:
    """Record one photo or scan of an activity."""
    return attach_files(db, activity_id, [path])[0]
