"""Alembic environment: batch mode on SQLite, foreign keys off while tables are rebuilt
and checked before the migration commits."""

from __future__ import annotations

from alembic import context

from orgeval_tui.models import metadata
from orgeval_tui.models.ledger import is_search_index_table
from orgeval_tui.storage.database import Database, resolve_url

config = context.config


def _database() -> Database:
    database = config.attributes.get("database")
    if database is not None:
        return database
    return Database(config.get_main_option("sqlalchemy.url") or resolve_url())


def include_name(name, type_, _parent_names) -> bool:
    """Compare every table but the search index, which is no SQLModel table (an FTS5
    virtual table and its shadow tables on SQLite; see models/ledger.py)."""
    return not (type_ == "table" and is_search_index_table(name))


def _sqlite_foreign_keys_off(connection) -> None:
    # The pragma is ignored inside a transaction, so it goes to the driver before BEGIN.
    connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")


def run_migrations_online() -> None:
    database = _database()
    with database.engine.connect() as connection:
        connection = connection.execution_options(orgeval_write=True)
        if database.is_sqlite:
            _sqlite_foreign_keys_off(connection)
        try:
            context.configure(
                connection=connection,
                target_metadata=metadata,
                render_as_batch=database.is_sqlite,
                # SQLite can roll DDL back; one transaction keeps a failed upgrade whole.
                transactional_ddl=True,
                compare_type=True,
                include_name=include_name,
            )
            with context.begin_transaction():
                context.run_migrations()
                if database.is_sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"foreign keys broken by the migration: {broken[:5]}")
        finally:
            if database.is_sqlite:
                # Never hand a connection without foreign keys back to the pool.
                connection.invalidate()


if context.is_offline_mode():
    raise SystemExit("orgeval migrations run online only: use `orgeval init`")
run_migrations_online()
