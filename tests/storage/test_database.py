"""Storage behaviour evaluators depend on: where the file is, how SQLite is set up,
how writes take the lock, and how instants are kept."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import StatementError

from orgeval_tui.models import Evaluation
from orgeval_tui.storage.database import Database, resolve_url


def test_db_option_wins_over_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("ORGEVAL_DB", str(tmp_path / "env.db"))

    assert resolve_url(str(tmp_path / "opt.db")) == f"sqlite:///{tmp_path / 'opt.db'}"
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'env.db'}"
    assert resolve_url("postgresql+psycopg://u@/db") == "postgresql+psycopg://u@/db"


def test_default_path_is_in_the_user_data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))

    assert resolve_url(None) == f"sqlite:///{tmp_path / 'share' / 'orgeval' / 'orgeval.db'}"


def test_relative_paths_become_absolute(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)

    assert resolve_url("cases/office.db") == f"sqlite:///{tmp_path / 'cases' / 'office.db'}"


@pytest.mark.sqlite_only
def test_sqlite_connections_are_set_up_for_sharing(database):
    with database.engine.connect() as conn:
        settings = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "busy_timeout", "foreign_keys", "synchronous")
        }

    assert settings == {
        "journal_mode": "wal",
        "busy_timeout": 5000,
        "foreign_keys": 1,
        "synchronous": 1,
    }


def _try_to_take_write_lock(path: Path) -> bool:
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError as exc:
        assert "locked" in str(exc)
        return False
    finally:
        other.close()


@pytest.mark.sqlite_only
def test_writes_take_the_lock_at_begin_and_reads_never_do(database):
    path = Path(database.engine.url.database)

    with database.write() as session:
        session.execute(text("SELECT 1"))
        assert not _try_to_take_write_lock(path), "a write must hold the lock from its BEGIN"
    with database.read() as session:
        session.execute(text("SELECT 1"))
        assert _try_to_take_write_lock(path), "a read must not block writers"
    assert _try_to_take_write_lock(path), "the lock is released after the write"


def test_a_failed_write_leaves_nothing(database):
    with pytest.raises(RuntimeError), database.write() as session:
        session.add(
            Evaluation(
                name="2021 pilot", reference_date=datetime(2021, 6, 30).date(), number_prefix="2021"
            )
        )
        session.flush()
        raise RuntimeError("the evaluator pressed escape")

    with database.read() as session:
        assert session.scalars(select(Evaluation)).all() == []


def test_instants_are_kept_in_utc_and_read_back_aware(database):
    east_eight = timezone(timedelta(hours=8))
    created = datetime(2021, 7, 1, 9, 30, tzinfo=east_eight)
    with database.write() as session:
        session.add(
            Evaluation(
                name="2021 pilot",
                reference_date=created.date(),
                number_prefix="2021",
                created_at=created,
            )
        )

    with database.read() as session:
        stored = session.scalars(select(Evaluation)).one().created_at

    assert stored == created
    assert stored.tzinfo is not None
    assert stored.astimezone(UTC).hour == 1


def test_naive_instants_are_refused(database):
    with pytest.raises(StatementError, match="naive datetime refused"), database.write() as s:
        s.add(
            Evaluation(
                name="x",
                reference_date=datetime(2021, 1, 1).date(),
                number_prefix="2021",
                created_at=datetime(2021, 1, 1, 8, 0),
            )
        )
        s.flush()


def test_reads_leave_no_transaction_open(database):
    with database.read() as session:
        session.execute(text("SELECT 1"))
    assert database.engine.pool.checkedout() == 0


def test_database_open_twice_on_one_file_is_harmless(database_url):
    Database.open(database_url).dispose()
    Database.open(database_url).dispose()
