"""A digest of everything a database holds: every table, every row, in a fixed order.

Two equal digests mean the same content, whatever the order rows were written in or the
pages SQLite put them on; a refused import must leave it unchanged."""

from __future__ import annotations

import hashlib

from sqlalchemy import inspect, text


def content_digest(database) -> str:
    """SHA-256 over every table's name, columns and rows (sorted by their text)."""
    digest = hashlib.sha256()
    with database.engine.connect() as connection:
        preparer = connection.dialect.identifier_preparer
        for name in sorted(inspect(connection).get_table_names()):
            result = connection.execute(text(f"SELECT * FROM {preparer.quote(name)}"))
            digest.update(f"\0table {name} {list(result.keys())}\n".encode())
            for row in sorted(repr(tuple(row)) for row in result):
                digest.update(row.encode())
                digest.update(b"\n")
    return digest.hexdigest()
