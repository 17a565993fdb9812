"""Rows of a large import staged outside the database's write lock, then copied in with
one ``INSERT … SELECT`` in a short write transaction.

SQLite lets one writer at a time hold the file, and a colleague's write waits at most
five seconds. Inserting 300,000 rows from Python holds the lock for longer than that
(each row bound from Python objects, every index updated). So on SQLite the rows go first
to a scratch file beside the database, with no lock of the database held; the write
transaction then attaches that file and copies the rows in C, which takes a fraction of the
time, and the import stays one transaction: all of it or none of it is in the database.
A scratch file left by a killed process is removed by the next import in that folder.

PostgreSQL locks rows, not the database, so the rows are staged in a temporary table of the
write transaction itself (the same ``INSERT … SELECT`` reads it).
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import Column, MetaData, Table
from sqlalchemy.dialects import sqlite as sqlite_dialect

from .bulk import bound_rows
from .long_write import running

SCHEMA = "orgeval_stage"
_PREFIX = ".orgeval-stage-"
# The copy updates every index of the table at once: with SQLite's default cache (2 MB)
# their pages go back and forth to the file for each row; the copy's own is larger.
_COPY_CACHE_KIB = -256_000
_DEFAULT_CACHE_KIB = -2000
_TEMPORARY = {"prefixes": ["TEMPORARY"], "postgresql_on_commit": "DROP"}


class Stage:
    """Named tables of rows, written before the write transaction opens."""

    def __init__(self, url_path: str | None):
        """``url_path``: the SQLite database's file, or None (PostgreSQL, or in memory)."""
        self._metadata = MetaData()
        self._pending: dict[str, list[tuple]] = {}
        self.path: Path | None = None
        if url_path:
            folder = Path(url_path).parent
            _remove_abandoned(folder)
            self.path = folder / f"{_PREFIX}{os.getpid()}-{secrets.token_hex(4)}.db"
        self._schema = SCHEMA if self.path is not None else None

    def add(self, name: str, columns: Sequence[Column], rows: list[tuple]) -> Table:
        """Stage ``rows`` (tuples in the order of ``columns``) as table ``name``."""
        table = Table(
            f"stage_{name}",
            self._metadata,
            *(Column(c.name, c.type) for c in columns),
            schema=self._schema,
            **({} if self.path is not None else _TEMPORARY),
        )
        if self.path is None:
            self._pending[table.name] = rows
            return table
        try:
            self._write_scratch(table, rows)
        except BaseException:
            self.discard()
            raise
        return table

    def _write_scratch(self, table: Table, rows: list[tuple]) -> None:
        dialect = sqlite_dialect.dialect()
        keys = [column.name for column in table.columns]
        rows = bound_rows(table, keys, rows, dialect)
        # Created private: the rows are the office's data as much as the database is.
        fd = os.open(self.path, os.O_CREAT | os.O_RDWR, 0o600)
        os.close(fd)
        connection = sqlite3.connect(self.path, isolation_level=None)
        try:
            # A scratch file: nothing in it must outlive a crash, so no journal.
            connection.execute("PRAGMA journal_mode=OFF")
            connection.execute("PRAGMA synchronous=OFF")
            names = ", ".join(f'"{key}"' for key in keys)
            connection.execute(f'CREATE TABLE "{table.name}" ({names})')
            connection.execute("BEGIN")
            marks = ", ".join("?" * len(keys))
            connection.executemany(f'INSERT INTO "{table.name}" VALUES ({marks})', rows)
            connection.execute("COMMIT")
        finally:
            connection.close()

    def open_in(self, connection) -> None:
        """Make the staged tables readable on ``connection``: on SQLite before its
        transaction begins (a file cannot be attached inside one), on PostgreSQL in it."""
        if self.path is not None:
            raw = connection.connection.driver_connection
            raw.execute(f"ATTACH DATABASE ? AS {SCHEMA}", (str(self.path),))
            raw.execute(f"PRAGMA main.cache_size={_COPY_CACHE_KIB}")
            return
        for table in self._metadata.sorted_tables:
            table.drop(connection, checkfirst=True)  # SQLite in memory keeps them
            table.create(connection)
            rows = self._pending.pop(table.name)
            if rows:
                keys = [column.name for column in table.columns]
                params = [dict(zip(keys, row, strict=True)) for row in rows]
                connection.execute(table.insert(), params)

    def close_in(self, connection) -> None:
        if self.path is not None:
            raw = connection.connection.driver_connection
            raw.execute(f"DETACH DATABASE {SCHEMA}")
            raw.execute(f"PRAGMA main.cache_size={_DEFAULT_CACHE_KIB}")

    def discard(self) -> None:
        if self.path is not None:
            self.path.unlink(missing_ok=True)


def _remove_abandoned(folder: Path) -> None:
    """Scratch files of processes that no longer run (killed in the middle of an import)."""
    try:
        leftovers = list(folder.glob(f"{_PREFIX}*.db"))
    except OSError:
        return
    for path in leftovers:
        pid = path.name.removeprefix(_PREFIX).split("-", 1)[0]
        if pid.isdigit() and not running(int(pid)):
            try:
                path.unlink()
            except OSError:
                pass
