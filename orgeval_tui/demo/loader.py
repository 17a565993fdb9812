"""The demo database: a file in the user-data dir loaded with the pilot.

It is built in a file beside its place and moved there only once complete, so a build
that fails (or is interrupted) never leaves a half-loaded demo that later starts would
take for a whole one.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..services.units import has_units
from ..storage.database import Database
from .office_files import OfficeFile
from .pilot import load_pilot

SQLITE_SIDE_FILES = ("-wal", "-shm")


def demo_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("orgeval", appauthor=False)) / "demo.db"


def _remove(path: Path) -> None:
    for suffix in ("", *SQLITE_SIDE_FILES):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def build_demo_database(path: Path, folder: Path | None = None) -> list[OfficeFile]:
    """Build the pilot into a new SQLite file at ``path`` (replacing any there); its
    office files, returned in the order they were imported, are written into ``folder``
    when given."""
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_name(f".{path.name}.building-{os.getpid()}")
    _remove(building)
    try:
        database = Database.open(str(building))
        try:
            files = load_pilot(database, folder)
        finally:
            database.dispose()  # the last connection checkpoints the WAL into the file
        _remove(path)
        os.replace(building, path)
    finally:
        _remove(building)
    return files


def open_demo_database(reset: bool = False, path: Path | None = None) -> Database:
    """The demo database at ``path`` (the user-data dir's), built when missing or empty,
    or anew with ``reset``."""
    path = path or demo_db_path()
    if not reset and path.exists():
        database = Database.open(str(path))
        if has_units(database):
            return database
        database.dispose()
    build_demo_database(path)
    return Database.open(str(path))
