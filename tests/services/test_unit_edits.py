"""Editing and removing a unit: each change audited, each refusal naming the unit and
why, with nothing written."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlmodel import SQLModel

import orgeval_tui.models  # noqa: F401  (every table in the metadata)
from orgeval_tui.domain.errors import ConflictError, NotFound, UserError
from orgeval_tui.i18n import catalogues
from orgeval_tui.models import AuditEvent
from orgeval_tui.services.unit_edits import NOT_DATA, edit_unit, remove_unit
from orgeval_tui.services.units import add_unit, unit_tree
from orgeval_tui.storage.database import Database


@pytest.fixture
def county(database):
    add_unit(database, "县总工会", short_name="总工会", quota_admin=8)
    add_unit(database, "县工人文化宫", short_name="文化宫", parent="县总工会", kind="institution")
    add_unit(database, "县气象局", short_name="气象局")
    return database


def _flat(db) -> list[tuple]:
    rows = []

    def walk(nodes):
        for node in nodes:
            rows.append(
                (node.name, node.short_name, node.kind, node.parent_id, node.quota_admin)
                + (node.quota_public, node.quota_service, node.quota_leaders, node.version)
            )
            walk(node.children)

    walk(unit_tree(db))
    return rows


def _trail(db) -> list[tuple]:
    with db.read() as session:
        return [
            (e.actor, e.entity, e.action, e.field, e.old, e.new)
            for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))
        ]


def test_an_edit_changes_the_fields_given_and_is_audited(county, actor):
    actor("li.si")

    node = edit_unit(
        county, "总工会", name="县 总 工会联合会", short_name="工会", quota_leaders=3, kind="other"
    )

    assert (node.name, node.short_name, node.kind) == ("县总工会联合会", "工会", "other")
    assert (node.quota_admin, node.quota_leaders, node.version) == (8, 3, 2)
    changes = {row[3]: row for row in _trail(county) if row[2] == "update"}
    assert changes["name"] == ("li.si", "unit", "update", "name", "县总工会", "县总工会联合会")
    assert changes["short_name"][4:] == ("总工会", "工会")
    assert changes["quota_leaders"][4:] == ("0", "3")
    assert set(changes) == {"name", "short_name", "quota_leaders", "kind"}


def test_a_unit_moves_under_another_parent_or_to_the_top(county):
    moved = edit_unit(county, "文化宫", parent="气象局")
    assert [c.name for c in unit_tree(county)[1].children] == ["县工人文化宫"]
    assert moved.parent_id == unit_tree(county)[1].id

    edit_unit(county, "文化宫", no_parent=True)
    assert [n.name for n in unit_tree(county)] == ["县总工会", "县工人文化宫", "县气象局"]


def test_an_empty_short_name_clears_it(county):
    assert edit_unit(county, "气象局", short_name=" ").short_name is None


@pytest.mark.parametrize(
    ("ref", "changes", "message"),
    [
        ("县火星局", {"name": "甲"}, "no such unit: 县火星局"),
        ("气象局", {"name": "县总工会"}, "县气象局 cannot be renamed 县总工会"),
        ("气象局", {"name": "  "}, "县气象局: a unit needs a name"),
        (
            "气象局",
            {"short_name": "文化宫"},
            "县气象局 cannot take the short name 文化宫: 县工人文化宫",
        ),
        ("气象局", {"short_name": "县总工会"}, "县气象局 cannot take the short name 县总工会"),
        ("总工会", {"parent": "总工会"}, "县总工会 cannot be placed under 县总工会"),
        ("总工会", {"parent": "文化宫"}, "县总工会 cannot be placed under 县工人文化宫"),
        ("总工会", {"parent": "县火星局"}, "no such unit: 县火星局"),
        ("总工会", {"kind": "bureau"}, "县总工会: unknown unit kind bureau"),
        (
            "总工会",
            {"quota_public": -1},
            "县总工会: the public-institution quota cannot be negative",
        ),
    ],
)
def test_a_refused_edit_says_why_and_changes_nothing(county, ref, changes, message):
    before, trail = _flat(county), _trail(county)

    with pytest.raises(UserError, match=message):
        edit_unit(county, ref, **{"quota_leaders": 9, **changes})

    assert _flat(county) == before
    assert _trail(county) == trail


def test_a_stale_version_is_refused_naming_who_changed_it(county, actor):
    actor("zhang.san")
    edit_unit(county, "气象局", quota_admin=5)
    before = _flat(county)
    actor("li.si")

    with pytest.raises(ConflictError) as refused:
        edit_unit(county, "气象局", quota_admin=6, expected_version=1)

    message = str(refused.value)
    assert "县气象局 was changed by zhang.san" in message
    assert "(the administrative quota: 0 → 5)" in message, "in the user's words"
    assert _flat(county) == before
    assert edit_unit(county, "气象局", quota_admin=6, expected_version=2).quota_admin == 6


def test_a_unit_without_data_is_removed_and_the_removal_audited(county, actor):
    actor("li.si")

    assert remove_unit(county, "气象局") == "县气象局"

    assert [n.name for n in unit_tree(county)] == ["县总工会"]
    removed = [row for row in _trail(county) if row[2] == "delete"]
    assert ("li.si", "unit", "delete", "name", "县气象局", None) in removed


def test_a_unit_with_sub_units_is_not_removed(county):
    before = _flat(county)

    with pytest.raises(UserError, match="县总工会 has 1 sub-unit: remove them first"):
        remove_unit(county, "总工会")

    assert _flat(county) == before


def test_removing_an_unknown_unit_is_refused(county):
    with pytest.raises(NotFound, match="no such unit: 县火星局"):
        remove_unit(county, "县火星局")


def test_a_unit_with_data_names_its_data_and_stays(demo_db):
    database = Database.open(str(demo_db))
    before, trail = _flat(database), _trail(database)

    with pytest.raises(UserError) as refused:
        remove_unit(database, "县工信局")

    message = str(refused.value)
    assert message.startswith("县工业和信息化局 has ")
    assert "19 staff" in message and "12,255 log entries" in message
    assert "154 service cases" in message
    assert message.endswith(
        ", 1 evaluation membership, 1 self-evaluation report: remove them first"
    )
    assert (_flat(database), _trail(database)) == (before, trail)
    database.dispose()


def test_every_table_that_points_at_a_unit_has_words_for_its_rows():
    referring = {
        table.name
        for table in SQLModel.metadata.sorted_tables
        for fk in table.foreign_keys
        if fk.column.table.name == "unit"
    }
    for language in ("en", "zh"):
        missing = {
            key
            for name in referring - NOT_DATA
            for key in (f"unit.data.{name}", f"unit.data.{name}.one")
            if key not in catalogues()[language]
        }
        assert not missing, (language, missing)
