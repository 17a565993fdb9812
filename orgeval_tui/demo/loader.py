"""The demo database: a file in the user-data dir loaded with the pilot."""

from __future__ import annotations

from pathlib import Path

from ..storage.database import Database
from .pilot import load_pilot


def demo_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("orgeval", appauthor=False)) / "demo.db"


def open_demo_database(reset: bool = False, path: Path | None = None) -> Database:
    path = path or demo_db_path()
    if reset:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    database = Database.open(str(path))
    load_pilot(database)
    return database
