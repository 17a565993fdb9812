"""Backing up the database and restoring a backup (`orgeval backup`, `orgeval restore`).

A backup is refused a target that exists (a backup is never overwritten by mistake;
rotation is the timer's job, README). A restore is refused a file that is damaged, is
not an orgeval database, or comes from a newer orgeval (a schema this one does not
know); a backup from an older orgeval is upgraded once restored. Restoring replaces the
whole database, so it must be asked for by name (``confirmed``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import UserError
from ..i18n import t
from ..storage import backup as storage
from ..storage.database import Database


@dataclass(frozen=True)
class BackupDone:
    path: Path
    size: int
    revision: str | None

    def to_json(self) -> dict:
        return {"path": str(self.path), "size": self.size, "revision": self.revision}


@dataclass(frozen=True)
class RestoreDone:
    path: Path
    revision: str
    upgraded_to: str | None  # the schema it was upgraded to; None: already current

    def to_json(self) -> dict:
        return {
            "path": str(self.path),
            "revision": self.revision,
            "upgraded_to": self.upgraded_to,
        }


def backup(db: Database, target: Path) -> BackupDone:
    target = Path(target).expanduser()
    if target.exists():
        raise UserError(t("backup.exists", file=str(target)))
    if not target.parent.is_dir():
        raise UserError(t("backup.no_folder", folder=str(target.parent)))
    if db.is_sqlite:
        storage.backup_sqlite(db.url, target)
    else:
        storage.backup_postgres(db.url, target)
    return BackupDone(target, target.stat().st_size, db.schema_revision())


def check_backup(db: Database, source: Path) -> str:
    """The backup's schema revision, once it is known to be restorable here."""
    from ..migrations.runner import known_revisions

    if not source.is_file():
        raise UserError(t("restore.missing", file=str(source)))
    read = storage.read_sqlite_backup if db.is_sqlite else storage.read_postgres_backup
    found = read(source)
    if found.problem is not None or found.revision is None:
        raise UserError(t("restore.unsound", file=str(source), reason=found.problem))
    known = known_revisions()
    if found.revision not in known:
        raise UserError(
            t("restore.newer", file=str(source), revision=found.revision, head=known[-1])
        )
    return found.revision


def _require_admin(db: Database) -> None:
    """Only an admin replaces the whole database. A damaged file, or one from before
    roles, has no accounts to ask: then whoever may write the file may mend it."""
    from sqlalchemy.exc import DBAPIError

    from ..domain.roles import Need
    from .access import require

    if db.damage() is not None:
        return
    try:
        with db.read() as session:
            require(session, Need.ADMIN)
    except DBAPIError:
        return


def restore(db: Database, source: Path, *, confirmed: bool) -> RestoreDone:
    source = Path(source).expanduser()
    _require_admin(db)
    revision = check_backup(db, source)
    if not confirmed:
        raise UserError(t("restore.confirm", file=str(source), url=db.display_url))
    if db.is_sqlite:
        storage.restore_sqlite(db.url, source)
    else:
        storage.restore_postgres(db.url, source)
    db.engine.dispose()  # connections opened on the old database forget it
    db.ensure_schema()
    current = db.schema_revision()
    return RestoreDone(source, revision, current if current != revision else None)
