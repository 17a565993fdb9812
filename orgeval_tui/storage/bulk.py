"""Writing many rows at once (imports, the demo).

SQLAlchemy's executemany builds and processes a parameter dictionary per row; for a
100,000-row roster that costs more than SQLite's own work. On SQLite the rows go to the
driver as tuples, each value passed through its column type's own bind processor (the
type's implementation for the dialect, as Core takes it), so what is stored is exactly
what Core would store (``tests/storage/test_bulk.py``). Other backends take the Core path.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter

from sqlalchemy import Table


def bulk_insert(session, table: Table, rows: list[dict]) -> None:
    """Insert dict rows (all with the keys of the first)."""
    if rows:
        keys = list(rows[0])
        pick = itemgetter(*keys)
        insert_tuples(session, table, keys, [pick(row) for row in rows])


def insert_tuples(session, table: Table, keys: Sequence[str], rows: list[tuple]) -> None:
    """Insert rows given as tuples of the columns ``keys``, in that order."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    if len(keys) == 1:
        rows = [row if isinstance(row, tuple) else (row,) for row in rows]
    if dialect.name != "sqlite":
        connection.execute(table.insert(), [dict(zip(keys, row, strict=True)) for row in rows])
        return
    rows = bound_rows(table, keys, rows, dialect)
    quote = dialect.identifier_preparer.quote
    columns = [table.columns[key] for key in keys]
    names = ", ".join(quote(column.name) for column in columns)
    marks = ", ".join("?" * len(columns))
    target = dialect.identifier_preparer.format_table(table)
    connection.exec_driver_sql(f"INSERT INTO {target} ({names}) VALUES ({marks})", rows)


def bound_rows(table: Table, keys: Sequence[str], rows: list[tuple], dialect) -> list[tuple]:
    """The rows with each value as the driver takes it: passed through its column type's
    bind processor for ``dialect``, as Core would."""
    columns = [table.columns[key] for key in keys]
    converted = [
        (index, process)
        for index, column in enumerate(columns)
        if (process := column.type.dialect_impl(dialect).bind_processor(dialect)) is not None
    ]
    if len(converted) == 1:
        index, process = converted[0]
        return [
            row if row[index] is None else (*row[:index], process(row[index]), *row[index + 1 :])
            for row in rows
        ]
    if converted:
        return [_processed(row, converted) for row in rows]
    return rows


def _processed(row: tuple, converted) -> tuple:
    values = list(row)
    for index, process in converted:
        if values[index] is not None:
            values[index] = process(values[index])
    return tuple(values)
