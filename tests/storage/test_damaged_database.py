"""A damaged database file is said to be damaged, with the way back (restore the latest
backup), before the application reads half of it; and a backup restores it whole."""

from __future__ import annotations

import shutil

import pytest

from orgeval_tui.cli.common import refuse_damaged
from orgeval_tui.domain.errors import UserError
from orgeval_tui.services import backups
from orgeval_tui.storage.database import Database

PAGE = 4096


def _tear(path, page: int = 3) -> None:
    data = bytearray(path.read_bytes())
    data[PAGE * (page - 1) : PAGE * page] = b"\xff" * PAGE
    path.write_bytes(bytes(data))


def test_the_application_refuses_to_start_on_a_torn_file_and_says_how_to_recover(
    demo_db, tmp_path
):
    torn = tmp_path / "torn.db"
    shutil.copyfile(demo_db, torn)
    _tear(torn)
    database = Database.open(str(torn))
    with pytest.raises(UserError, match=r"damaged .*Page 3.*orgeval restore FILE --yes"):
        refuse_damaged(database)
    database.dispose()
    sound = Database.open(str(demo_db))
    refuse_damaged(sound)  # a sound file starts
    sound.dispose()


def test_a_file_that_is_no_database_is_named_so_by_every_command(cli, tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00\x01 not sqlite " * 4000)
    done = cli("--db", str(junk), "ledger", "ls")
    assert done.code == 1 and "Traceback" not in done.err
    assert "not a database" in done.err and "orgeval restore FILE --yes" in done.err


def test_restoring_the_latest_backup_mends_a_torn_database(demo_db, tmp_path):
    database = Database.open(str(demo_db))
    taken = backups.backup(database, tmp_path / "latest.db")
    database.dispose()
    _tear(demo_db, page=5)
    torn = Database.open(str(demo_db), upgrade=False)
    assert torn.damage() is not None
    backups.restore(torn, taken.path, confirmed=True)
    assert torn.damage() is None
    refuse_damaged(torn)
    torn.dispose()
