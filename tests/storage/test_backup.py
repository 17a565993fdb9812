"""`orgeval backup` and `orgeval restore`: a backup taken while others work round-trips
every table, on SQLite and PostgreSQL; a damaged file, a file from a newer orgeval, a
restore not confirmed, an existing target, each is refused and changes nothing."""

from __future__ import annotations

import sqlite3
import stat
import threading

import pytest
from sqlalchemy import inspect, text

from orgeval_tui.migrations import HEAD
from orgeval_tui.services import backups
from orgeval_tui.services.units import add_unit
from orgeval_tui.storage.database import Database
from tests.office import add_problem


def _contents(database: Database) -> dict[str, list[tuple]]:
    """Every table's rows, in a fixed order."""
    with database.engine.connect() as connection:
        names = sorted(inspect(connection).get_table_names())
        return {
            name: sorted(
                (
                    tuple(map(repr, row))
                    for row in connection.execute(text(f'SELECT * FROM "{name}"'))
                ),
            )
            for name in names
        }


@pytest.fixture
def filled(office):
    add_problem(
        office, "县工信局", "内设机构挂牌不规范", category="机构挂牌", recommendation="按三定挂牌"
    )
    return office


def test_a_backup_round_trips_every_table(filled, tmp_path):
    before = _contents(filled)
    done = backups.backup(filled, tmp_path / "备份.orgeval")
    assert done.path.stat().st_size == done.size > 0
    assert stat.S_IMODE(done.path.stat().st_mode) == 0o600
    add_unit(filled, "县新设局")
    add_problem(filled, "县气象局", "又一个问题")
    assert _contents(filled) != before

    with pytest.raises(Exception, match="--yes"):
        backups.restore(filled, done.path, confirmed=False)
    assert _contents(filled) != before
    restored = backups.restore(filled, done.path, confirmed=True)

    assert restored.revision == done.revision and restored.upgraded_to is None
    assert _contents(filled) == before


def test_the_demo_round_trips_whole(demo_db, tmp_path):
    database = Database.open(str(demo_db))
    before = _contents(database)
    taken = backups.backup(database, tmp_path / "demo.backup")
    with database.write() as session:
        session.execute(text("DELETE FROM work_log_entry"))
    backups.restore(database, taken.path, confirmed=True)
    after = _contents(database)
    database.dispose()
    assert after == before
    assert len(after["work_log_entry"]) == 12255


@pytest.mark.sqlite_only
def test_a_backup_is_taken_while_a_colleague_holds_a_write(demo_db, tmp_path):
    database = Database.open(str(demo_db))
    colleague = sqlite3.connect(demo_db, isolation_level=None)
    colleague.execute("BEGIN IMMEDIATE")
    colleague.execute("UPDATE unit SET short_name = '写到一半' WHERE id = 1")
    result: dict = {}
    worker = threading.Thread(
        target=lambda: result.setdefault("done", backups.backup(database, tmp_path / "b.db"))
    )
    worker.start()
    worker.join(timeout=20)
    colleague.execute("COMMIT")
    colleague.close()
    database.dispose()
    assert "done" in result
    copy = sqlite3.connect(tmp_path / "b.db")
    assert copy.execute("SELECT short_name FROM unit WHERE id = 1").fetchone()[0] != "写到一半"


@pytest.mark.sqlite_only
def test_a_damaged_backup_is_refused_and_the_database_is_untouched(filled, tmp_path):
    taken = backups.backup(filled, tmp_path / "b.db")
    data = bytearray(taken.path.read_bytes())
    data[4096 * 3 : 4096 * 3 + 2048] = b"\xff" * 2048  # a page torn
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(bytes(data))
    before = _contents(filled)
    with pytest.raises(Exception, match="damaged.db cannot be restored"):
        backups.restore(filled, damaged, confirmed=True)
    truncated = tmp_path / "truncated.db"
    truncated.write_bytes(taken.path.read_bytes()[:5000])
    with pytest.raises(Exception, match="truncated.db cannot be restored"):
        backups.restore(filled, truncated, confirmed=True)
    assert _contents(filled) == before


@pytest.mark.sqlite_only
def test_a_backup_from_a_newer_orgeval_is_refused(filled, tmp_path):
    taken = backups.backup(filled, tmp_path / "b.db")
    with sqlite3.connect(taken.path) as copy:
        copy.execute("UPDATE alembic_version SET version_num = '0099_future'")
    before = _contents(filled)
    with pytest.raises(Exception, match="0099_future.*upgrade orgeval"):
        backups.restore(filled, taken.path, confirmed=True)
    assert _contents(filled) == before


def test_a_backup_never_replaces_a_file_and_needs_its_folder(filled, tmp_path):
    existing = tmp_path / "已有.db"
    existing.write_bytes(b"keep me")
    with pytest.raises(Exception, match="already exists"):
        backups.backup(filled, existing)
    assert existing.read_bytes() == b"keep me"
    with pytest.raises(Exception, match="does not exist"):
        backups.backup(filled, tmp_path / "没有" / "b.db")
    assert not (tmp_path / "没有").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_the_commands_say_what_they_did_and_refuse_in_one_line(cli, demo_db, tmp_path):
    target = tmp_path / "b.db"
    done = cli("--db", str(demo_db), "--lang", "zh", "backup", "-o", str(target))
    assert done.code == 0 and "已备份到" in done.out and HEAD in done.out
    again = cli("--db", str(demo_db), "backup", "-o", str(target))
    assert again.code == 1 and "already exists" in again.err and "Traceback" not in again.err
    unconfirmed = cli("--db", str(demo_db), "restore", str(target))
    assert unconfirmed.code == 1 and "--yes" in unconfirmed.err
    restored = cli("--db", str(demo_db), "restore", str(target), "--yes", "--json").json()
    assert restored == {"path": str(target), "revision": HEAD, "upgraded_to": None}
    missing = cli("--db", str(demo_db), "restore", str(tmp_path / "无.db"), "--yes")
    assert missing.code == 1 and "does not exist" in missing.err
