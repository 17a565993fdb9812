"""Models and migrations agree, on every backend, and the start-up check is one query."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import event, inspect

from orgeval_tui.db import Database
from orgeval_tui.migrations import HEAD
from orgeval_tui.migrations.runner import head_revision
from orgeval_tui.models import metadata


def test_head_constant_is_alembics_head():
    assert head_revision() == HEAD


def test_models_and_migrations_do_not_drift(database):
    with database.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "render_as_batch": database.is_sqlite}
        )
        diff = compare_metadata(context, metadata)

    assert diff == []


def test_upgrade_creates_every_table(database):
    tables = set(inspect(database.engine).get_table_names())

    assert set(metadata.tables) <= tables
    assert "alembic_version" in tables
    assert database.schema_revision() == HEAD


def test_a_current_database_is_checked_with_one_query(database_url):
    Database.open(database_url).dispose()
    database = Database(database_url)
    statements = []
    event.listen(
        database.engine,
        "before_cursor_execute",
        lambda conn, cursor, statement, *args: statements.append(statement),
    )

    database.ensure_schema()

    schema_queries = [s for s in statements if not s.upper().startswith(("PRAGMA", "BEGIN"))]
    assert schema_queries == ["SELECT version_num FROM alembic_version"]
    database.dispose()


@pytest.mark.sqlite_only
def test_foreign_keys_are_enforced_after_a_migration(database):
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
