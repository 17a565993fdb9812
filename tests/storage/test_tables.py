"""The light table handles name real tables and columns of the schema, with its types."""

from __future__ import annotations

import subprocess
import sys

import pytest

from orgeval_tui.models import metadata
from orgeval_tui.storage import tables


@pytest.mark.parametrize("handle", tables.ALL, ids=lambda handle: handle.name)
def test_each_handle_matches_the_models(handle):
    model = metadata.tables[handle.name]
    for column in handle.c:
        assert column.name in model.c, f"{handle.name}.{column.name} is not in the models"
        assert _kind(column.type) is _kind(model.c[column.name].type), (
            f"{handle.name}.{column.name}"
        )


def _kind(column_type) -> type:
    """The Python type of a column's values, through a TypeDecorator (sqlmodel's
    AutoString, our UTCDateTime) to what it wraps."""
    return getattr(column_type, "impl", column_type).python_type


def test_the_first_screens_reads_build_no_model_class(tmp_path):
    """Opening a database and reading the home screen's progress and unit tree leaves
    the models unimported (building them costs the first screen ≈ 0.15 s)."""
    probe = f"""
import sys
from orgeval_tui.storage.database import Database
from orgeval_tui.services.progress import evaluation_progress
from orgeval_tui.services.units import unit_tree
db = Database.open({str(tmp_path / "o.db")!r}, upgrade=False)
from sqlalchemy import text
with db.engine.begin() as conn:
    for ddl in {_ddl()!r}:
        conn.execute(text(ddl))
print(evaluation_progress(db)[0], len(unit_tree(db)), "orgeval_tui.models" in sys.modules)
"""
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["None", "0", "False"]


def _ddl() -> list[str]:
    from sqlalchemy.schema import CreateTable

    from orgeval_tui.storage.database import Database

    dialect = Database("sqlite://").engine.dialect
    return [str(CreateTable(table).compile(dialect=dialect)) for table in metadata.sorted_tables]
