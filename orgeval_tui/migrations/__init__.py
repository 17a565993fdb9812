"""Alembic migrations shipped inside the package.

``HEAD`` names the newest revision so that a start can compare it with the database's
with one query, without importing Alembic; a test keeps it equal to Alembic's own head.
"""

HEAD = "0009_ledger_search_pg"
