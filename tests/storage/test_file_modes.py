"""Who may read a database file orgeval creates: its owner alone (the roster's people are
in it), or the group of a shared (setgid) folder; the -wal and -shm files likewise."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from orgeval_tui.storage.database import Database


@pytest.fixture
def open_umask():
    """The loosest umask an account may have: the modes must not depend on it."""
    previous = os.umask(0)
    yield
    os.umask(previous)


def _modes(database: Path) -> dict[str, int]:
    return {
        path.name: stat.S_IMODE(path.stat().st_mode)
        for path in (database, Path(f"{database}-wal"), Path(f"{database}-shm"))
    }


def _opened_with_wal(path: Path) -> Database:
    database = Database.open(str(path))
    connection = database.engine.connect()  # held open: the -wal and -shm stay
    connection.exec_driver_sql("SELECT count(*) FROM unit").fetchall()
    database.held = connection
    return database


def test_a_new_database_is_its_owners_alone(tmp_path, open_umask):
    path = tmp_path / "data" / "orgeval.db"

    database = _opened_with_wal(path)
    try:
        assert set(_modes(path).values()) == {0o600}, _modes(path)
    finally:
        database.held.close()
        database.dispose()


def test_the_default_database_is_its_owners_alone(cli, open_umask):
    from orgeval_tui.storage.database import default_db_path

    assert cli("init").code == 0

    assert stat.S_IMODE(default_db_path().stat().st_mode) == 0o600


def test_a_new_database_in_a_shared_folder_is_the_groups(tmp_path, open_umask):
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o2770)
    folder.chmod(0o2770)
    path = folder / "orgeval.db"

    database = _opened_with_wal(path)
    try:
        assert set(_modes(path).values()) == {0o660}, _modes(path)
    finally:
        database.held.close()
        database.dispose()


def test_an_existing_database_keeps_its_mode(tmp_path):
    path = tmp_path / "orgeval.db"
    Database.open(str(path)).dispose()
    path.chmod(0o640)

    Database.open(str(path)).dispose()

    assert stat.S_IMODE(path.stat().st_mode) == 0o640
