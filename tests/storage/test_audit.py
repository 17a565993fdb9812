"""Every change to casework lands in the audit trail, in the same transaction."""

from __future__ import annotations

import os
import pwd

import pytest
from sqlalchemy import select

from orgeval_tui.domain.actor import current_actor, os_account
from orgeval_tui.models import AuditEvent, Unit
from orgeval_tui.services.units import add_unit


def _trail(database, entity="unit"):
    with database.read() as session:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.entity == entity).order_by(AuditEvent.id)
        ).all()
    return [(e.action, e.entity_id, e.field, e.old, e.new) for e in events]


def test_insert_update_delete_are_recorded_field_by_field(database):
    node = add_unit(database, "县气象局", short_name="气象局", quota_admin=9)
    uid = str(node.id)
    with database.write() as session:
        unit = session.get(Unit, node.id)
        unit.quota_admin = 10
        unit.short_name = "县气象"
    with database.write() as session:
        session.delete(session.get(Unit, node.id))

    trail = _trail(database)

    assert ("insert", uid, "name", None, "县气象局") in trail
    assert ("insert", uid, "quota_admin", None, "9") in trail
    assert ("update", uid, "quota_admin", "9", "10") in trail
    assert ("update", uid, "short_name", "气象局", "县气象") in trail
    assert ("delete", uid, "name", "县气象局", None) in trail
    updates = [row for row in trail if row[0] == "update"]
    assert len(updates) == 2, "unchanged fields are not recorded"
    assert not any(row[2] == "version" for row in trail)


def test_actor_and_time_are_recorded(database):
    add_unit(database, "县总工会")

    with database.read() as session:
        event = session.scalars(select(AuditEvent)).first()

    assert event.actor == pwd.getpwuid(os.getuid()).pw_name
    assert event.at.tzinfo is not None


def test_actor_is_the_account_not_the_environment(monkeypatch):
    monkeypatch.setenv("USER", "someone-else")
    monkeypatch.setenv("LOGNAME", "someone-else")
    os_account.cache_clear()

    assert current_actor() == pwd.getpwuid(os.getuid()).pw_name


def test_a_rolled_back_change_leaves_no_audit(database):
    add_unit(database, "县总工会", quota_admin=8)
    before = _trail(database)

    with pytest.raises(RuntimeError), database.write() as session:
        session.get(Unit, 1).quota_admin = 99
        session.flush()
        raise RuntimeError("cancelled")

    assert _trail(database) == before
    with database.read() as session:
        assert session.get(Unit, 1).quota_admin == 8
