"""`orgeval setup-shared`: one database for the OS accounts of a group, in a folder of its
own (storage/shared_folder.py makes the folder; the database is made at the current
schema, and its files are left the group's)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..storage.database import Database
from ..storage.shared_folder import prepare_shared_folder, share_database_files


@dataclass(frozen=True)
class SharedSetup:
    folder: Path
    group: str
    database: Path
    revision: str | None

    def to_json(self) -> dict:
        return {
            "folder": str(self.folder),
            "group": self.group,
            "database": str(self.database),
            "revision": self.revision,
        }


def setup_shared(folder: Path, group: str) -> SharedSetup:
    shared = prepare_shared_folder(folder, group)
    database = Database(f"sqlite:///{shared.database}")
    try:
        database.ensure_schema()
        revision = database.schema_revision()
    finally:
        database.dispose()
    # The files this account's connections made (a -wal left behind) are the group's too.
    share_database_files(shared)
    return SharedSetup(shared.folder, group, shared.database, revision)
