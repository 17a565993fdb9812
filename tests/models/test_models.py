"""Properties of the data model that casework relies on."""

from __future__ import annotations

import re

from orgeval_tui.models import metadata
from orgeval_tui.storage.audit import AUDITED_TABLES

ID_NUMBER_NAMES = re.compile(r"id_?card|id_?number|identity|citizen|身份证", re.IGNORECASE)


def test_no_table_can_hold_an_identity_card_number():
    columns = [f"{t.name}.{c.name}" for t in metadata.tables.values() for c in t.columns]

    assert [c for c in columns if ID_NUMBER_NAMES.search(c)] == []
    assert "staff.birth_date" in columns and "staff.gender" in columns


def test_every_edited_table_is_versioned_and_audited():
    edited = {"unit", "evaluation", "score", "onsite_activity", "finding", "problem"}
    for name in edited:
        assert "version" in metadata.tables[name].columns, name
    assert edited <= AUDITED_TABLES
    assert AUDITED_TABLES <= set(metadata.tables)


def test_constraints_are_named():
    for table in metadata.tables.values():
        for constraint in table.constraints:
            assert constraint.name, f"unnamed constraint on {table.name}: {constraint}"
