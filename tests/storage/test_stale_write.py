"""Two evaluators editing the same row: the second is refused, told who changed it,
and the first's change stands."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from orgeval_tui.domain.errors import ConflictError
from orgeval_tui.models import Unit
from orgeval_tui.services.units import add_unit


def test_stale_write_is_refused_naming_who_changed_it(database):
    node = add_unit(database, "县工业和信息化局", short_name="县工信局", quota_admin=18)
    with database.read() as session:
        seen_by_second = session.get(Unit, node.id)  # read, then the evaluator types

    with database.write() as session:
        session.get(Unit, node.id).quota_admin = 19

    with pytest.raises(ConflictError) as refused, database.write() as session:
        stale = session.merge(seen_by_second, load=False)
        stale.quota_admin = 17

    message = str(refused.value)
    assert "县工业和信息化局 was changed by" in message
    assert "(the administrative quota: 18 → 19)" in message, "the field in the user's words"
    assert "nothing was saved" in message
    with database.read() as session:
        unit = session.scalars(select(Unit)).one()
        assert (unit.quota_admin, unit.version) == (19, 2)


def test_a_fresh_write_after_a_conflict_succeeds(database):
    node = add_unit(database, "县气象局")
    with database.read() as session:
        stale_copy = session.get(Unit, node.id)
    with database.write() as session:
        session.get(Unit, node.id).quota_admin = 9
    with pytest.raises(ConflictError), database.write() as session:
        session.merge(stale_copy, load=False).quota_admin = 1

    with database.write() as session:
        session.get(Unit, node.id).quota_leaders = 3

    with database.read() as session:
        unit = session.get(Unit, node.id)
        assert (unit.quota_admin, unit.quota_leaders, unit.version) == (9, 3, 3)


def test_editing_a_row_someone_deleted_says_so(database):
    node = add_unit(database, "县气象局")
    with database.read() as session:
        stale_copy = session.get(Unit, node.id)
    with database.write() as session:
        session.delete(session.get(Unit, node.id))

    with pytest.raises(ConflictError) as refused, database.write() as session:
        session.merge(stale_copy, load=False).quota_admin = 9

    assert "县气象局 was deleted by" in str(refused.value)
    with database.read() as session:
        assert session.scalars(select(Unit)).all() == []
