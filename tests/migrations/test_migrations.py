"""Models and migrations agree, on every backend, and the start-up check is one query."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import event, inspect

from orgeval_tui.domain.ledger_words import SEARCH_INDEX
from orgeval_tui.migrations import HEAD
from orgeval_tui.migrations.runner import head_revision
from orgeval_tui.models import metadata
from orgeval_tui.models.ledger import SEARCH_INDEX_TABLES, is_search_index_table
from orgeval_tui.storage.database import Database


def test_head_constant_is_alembics_head():
    assert head_revision() == HEAD


def _include_name(name, type_, _parent_names) -> bool:
    # The same rule as migrations/env.py: only the search index is no SQLModel table.
    return not (type_ == "table" and is_search_index_table(name))


def _drift(database) -> list:
    with database.engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "render_as_batch": database.is_sqlite,
                "include_name": _include_name,
            },
        )
        return compare_metadata(context, metadata)


def test_models_and_migrations_do_not_drift(database):
    assert _drift(database) == []


def test_the_drift_check_still_sees_drift(database):
    """Guard the guard: skipping the search index must not hide a real difference."""
    with database.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE problem_search_stray (id INTEGER PRIMARY KEY)")
        conn.exec_driver_sql("DROP INDEX ix_problem_unit_status")

    found = {(entry[0], getattr(entry[1], "name", None)) for entry in _drift(database)}

    assert ("remove_table", "problem_search_stray") in found
    assert ("add_index", "ix_problem_unit_status") in found


def test_only_the_search_index_is_left_out_of_the_comparison(database):
    tables = set(inspect(database.engine).get_table_names())

    expected = SEARCH_INDEX_TABLES if database.is_sqlite else {SEARCH_INDEX}
    assert tables - set(metadata.tables) - {"alembic_version"} == expected


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


def test_the_account_that_upgrades_an_older_database_becomes_its_admin(database_url):
    from alembic import command

    from orgeval_tui.domain.actor import os_account
    from orgeval_tui.migrations.runner import alembic_config
    from orgeval_tui.services.users import list_users

    database = Database(database_url)
    command.upgrade(alembic_config(database), "0007_audit_chain")

    database.ensure_schema()

    assert [(view.name, view.role.value) for view in list_users(database)] == [
        (os_account(), "admin")
    ]
    database.dispose()
