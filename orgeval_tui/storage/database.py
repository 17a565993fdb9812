"""Engines, sessions and the schema check that runs on every start.

Writes go through :meth:`Database.write` (SQLite: ``BEGIN IMMEDIATE``, so two writers
queue on the lock instead of both reading a value and one losing its update); reads go
through :meth:`Database.read` (a deferred transaction that never takes the write lock).
Sessions live for one unit of work only: nothing holds one open while a user types.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..domain.errors import (
    ConflictError,
    DatabaseBusy,
    SchemaError,
    UserError,
    db_error_reason,
)
from ..i18n import t
from ..i18n.os_errors import os_reason
from . import accounts, audit, file_access
from .audit_chain import CHAIN_LOCK
from .long_write import LongWrite, announced, holder, since_local
from .staging import Stage

ENV_DB = "ORGEVAL_DB"
_WRITE = "orgeval_write"


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("orgeval", appauthor=False)) / "orgeval.db"


def resolve_url(db: str | None = None) -> str:
    """``--db`` wins, then ``$ORGEVAL_DB``, then the user-data dir. A value with ``://``
    is an SQLAlchemy URL; anything else is a path to an SQLite file."""
    value = db or os.environ.get(ENV_DB) or str(default_db_path())
    if "://" in value:
        return value
    path = Path(value).expanduser().resolve()
    return f"sqlite:///{path}"


_VERSIONED_IN_FLUSH = "orgeval_versioned_in_flush"


@event.listens_for(Session, "before_flush")
def _remember_versioned_rows(session: Session, _context, _instances) -> None:
    """What a flush is about to write to versioned rows, kept so that a refused stale
    write can say whose change it ran into (a failed flush discards its objects)."""
    session.info[_VERSIONED_IN_FLUSH] = [
        (type(obj), inspect(obj).identity, inspect(obj).dict.get("version"))
        for obj in (*session.dirty, *session.deleted)
        if "version" in inspect(obj).mapper.columns and inspect(obj).identity is not None
    ]


BUSY_TIMEOUT_MS = 5000


def _sqlite_pragmas(busy_timeout_ms: int):
    def on_connect(dbapi_connection, _record) -> None:
        # Let SQLAlchemy's "begin" event decide how each transaction starts.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return on_connect


def _is_busy(exc: OperationalError) -> bool:
    """SQLite gave up waiting for another connection's write lock."""
    name = getattr(exc.orig, "sqlite_errorname", "") or ""
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in str(
        exc.orig
    )


# How long one try for the write lock waits. SQLite's own wait polls ever less often (up
# to every 100 ms), so a writer that has waited long loses the lock to every newcomer:
# with 8 evaluators writing at once one waited past 5 s (bench/load.py). Trying again
# every 50 ms starts its polls short again, and the writers waiting take turns.
_TRY_MS = 50


def _sqlite_begin(busy_timeout_ms: int):
    def begin(conn) -> None:
        if not conn.get_execution_options().get(_WRITE):
            conn.exec_driver_sql("BEGIN")
            return
        raw = conn.connection.driver_connection
        raw.execute(f"PRAGMA busy_timeout={min(_TRY_MS, busy_timeout_ms)}")
        deadline = time.monotonic() + busy_timeout_ms / 1000
        try:
            while True:
                try:
                    conn.exec_driver_sql("BEGIN IMMEDIATE")
                    return
                except OperationalError as exc:
                    if not _is_busy(exc) or time.monotonic() >= deadline:
                        raise
        finally:
            raw.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")

    return begin


def _kind_words(kind: str) -> str:
    from ..i18n import catalogues, current_language

    key = f"intake.kind.{kind}"
    return catalogues()[current_language()].get(key) or kind


def _prepare_file(path: Path) -> None:
    """The folder made, and a new database file made with its mode (file_access): the
    owner's alone, or the group's in a shared folder."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        refused = file_access.refusal_for(path)
        shown = refused or t("db.no_folder", folder=folder, reason=os_reason(exc))
        raise UserError(shown) from exc
    try:
        file_access.create_database_file(path)
    except OSError as exc:
        refused = file_access.refusal_for(path)
        shown = refused or t("os.file_refused", file=str(path), reason=os_reason(exc))
        raise UserError(shown) from exc


def _refused_by_file_system(path: Path):
    """SQLite's words for a file it may not read or write, replaced by what refuses and
    how to fix it; any other error goes on as it is."""

    def explain(context) -> None:
        said = str(context.original_exception)
        if not any(sign in said for sign in file_access.REFUSAL_SIGNS):
            return
        refused = file_access.refusal_for(path)
        if refused is not None:
            raise UserError(refused) from context.original_exception

    return explain


class Database:
    def __init__(self, url: str, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS):
        self.url = url
        parsed = make_url(url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        self.busy_timeout_ms = busy_timeout_ms
        # The SQLite file: its mode (file_access), what lives beside it (a long write's
        # marker, staged rows).
        self.file: Path | None = None
        if self.is_sqlite and parsed.database and parsed.database != ":memory:":
            self.file = Path(parsed.database)
            _prepare_file(self.file)
        try:
            self.engine: Engine = create_engine(url, pool_pre_ping=not self.is_sqlite)
        except ImportError as exc:
            # The PostgreSQL driver is an extra (orgeval[postgres]): say how to get it.
            driver = exc.name or parsed.get_driver_name()
            raise UserError(t("db.no_driver", url=self.display_url, driver=driver)) from exc
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas(busy_timeout_ms))
            if self.file is not None:
                event.listen(self.engine, "handle_error", _refused_by_file_system(self.file))
            event.listen(self.engine, "begin", _sqlite_begin(busy_timeout_ms))
        self._write_engine = self.engine.execution_options(**{_WRITE: True})

    @classmethod
    def open(cls, db: str | None = None, *, upgrade: bool = True) -> Database:
        database = cls(resolve_url(db))
        if upgrade:
            database.ensure_schema()
        return database

    @contextmanager
    def write(self, *, derived: bool = False) -> Iterator[Session]:
        """One write transaction: committed on success, rolled back on any error.

        Refused before anything is written when the acting account may change nothing
        (``storage.accounts``). ``derived``: data that follows from a library or from other
        rows (the public-holiday calendar, the search index), not anyone's change, which
        a viewer's reading may need to fill in."""
        session = Session(self._write_engine, expire_on_commit=False)
        with self._ending(session):
            if not self.is_sqlite:
                # A change to an audited row appends to the chain under this lock. Taken
                # first, before any row lock, so two writers never each hold what the
                # other waits for (a row locked, then the chain: PostgreSQL's "deadlock
                # detected", measured with 8 evaluators at once). Writes queue, as on SQLite.
                session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHAIN_LOCK})
            if not derived:
                accounts.require_writer(session)
            yield session

    @contextmanager
    def write_staged(self, stage: Stage, what: LongWrite) -> Iterator[Session]:
        """The write transaction of a large import whose rows ``stage`` holds (read
        them with ``INSERT … SELECT`` from its tables); ``what`` names the import for a
        colleague who has to wait for it."""
        connection = self._write_engine.connect()
        try:
            if self.is_sqlite:
                stage.open_in(connection)
            # A session bound to a connection outside a transaction begins and ends its own.
            session = Session(bind=connection, expire_on_commit=False)
            with self._ending(session):
                staged_on = session.connection()
                if not self.is_sqlite:
                    stage.open_in(staged_on)
                accounts.require_writer(session)
                with announced(self.file, what):
                    yield session
                    session.flush()
        finally:
            try:
                if self.is_sqlite:
                    stage.close_in(connection)
            finally:
                connection.close()
                stage.discard()

    @contextmanager
    def _ending(self, session: Session) -> Iterator[None]:
        try:
            yield
            session.commit()
        except StaleDataError as exc:
            seen = session.info.get(_VERSIONED_IN_FLUSH, [])
            session.rollback()
            raise ConflictError(self._conflict_message(seen)) from exc
        except OperationalError as exc:
            session.rollback()
            if self.is_sqlite and _is_busy(exc):
                raise DatabaseBusy(self._busy_message()) from exc
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def _busy_message(self) -> str:
        seconds = f"{self.busy_timeout_ms / 1000:g}"
        marker = holder(self.file)
        if marker is None:
            return t("db.busy", seconds=seconds)
        return t(
            "db.busy_import",
            seconds=seconds,
            kind=_kind_words(marker.kind),
            file=marker.file,
            actor=marker.actor,
            since=since_local(marker),
        )

    def _conflict_message(self, seen: list) -> str:
        with self.read() as session:
            for model, identity, version in seen:
                current = session.get(model, identity)
                if current is None or current.version != version:
                    return audit.conflict_message(session, model, identity, current)
        return t("conflict.unknown")

    @contextmanager
    def read(self) -> Iterator[Session]:
        session = Session(self.engine, expire_on_commit=False)
        try:
            yield session
        finally:
            # close(), not rollback(): the pool ends the transaction on return, and the
            # objects read stay usable (rollback would expire them).
            session.close()

    @property
    def display_url(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    def schema_revision(self) -> str | None:
        """The revision the database is at, with one query; None for an empty database.
        A database that cannot be reached raises, rather than passing for an empty one."""
        with self.engine.connect() as conn:
            try:
                return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            except (OperationalError, ProgrammingError):
                return None

    def ensure_schema(self) -> None:
        from ..migrations import HEAD

        current = self.schema_revision()
        if current == HEAD:
            return
        # Alembic costs a noticeable import; load it only when an upgrade is due.
        from ..migrations.runner import upgrade

        try:
            upgrade(self)
        except UserError:
            raise
        except Exception as exc:  # noqa: BLE001 - any failure here must stop the start
            reason = db_error_reason(exc)
            raise SchemaError(t("db.upgrade_failed", url=self.display_url, reason=reason)) from exc

    def damage(self) -> str | None:
        """What SQLite's quick integrity check finds wrong with the file (its first
        line); None when it is sound, and always for PostgreSQL (the server keeps its
        own). About 10 ms for the demo: the application runs it as it starts."""
        from sqlalchemy.exc import DBAPIError

        if not self.is_sqlite:
            return None
        try:
            with self.engine.connect() as conn:
                rows = [row[0] for row in conn.exec_driver_sql("PRAGMA quick_check")]
        except DBAPIError as exc:
            return db_error_reason(exc)
        return None if rows == ["ok"] else str(rows[0]).strip().splitlines()[-1]

    def dispose(self) -> None:
        self.engine.dispose()
