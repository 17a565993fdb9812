"""The audit trail is a hash chain, on SQLite and PostgreSQL: changes made through
orgeval (also by evaluators writing at once) keep it whole, and `orgeval audit verify`
names the first record changed, removed or added by hand with SQL."""

from __future__ import annotations

import threading

from alembic import command
from sqlalchemy import text

from orgeval_tui.migrations.runner import alembic_config
from orgeval_tui.services.audit_trail import verify_audit
from orgeval_tui.services.units import add_unit
from orgeval_tui.storage.database import Database
from tests.office import add_problem


def _filled(office):
    add_problem(office, "县工信局", "挂牌不规范", category="机构挂牌")
    add_unit(office, "县新设局", short_name="新设局")
    return office


def _sql(database, statement: str) -> None:
    with database.engine.begin() as connection:
        connection.execute(text(statement))


def test_changes_made_through_orgeval_keep_the_chain_whole(office):
    database = _filled(office)
    check = verify_audit(database)
    assert check.intact and check.records > 5
    assert "chain is whole" in check.message()


def test_a_record_changed_by_hand_is_named(office):
    database = _filled(office)
    _sql(database, "UPDATE audit_event SET new = '伪造' WHERE id = 3")
    check = verify_audit(database)
    assert (check.first_break.record, check.first_break.kind) == (3, "edited")
    assert "#3" in check.message()


def test_a_record_removed_by_hand_is_named_with_the_gap(office):
    database = _filled(office)
    _sql(database, "DELETE FROM audit_event WHERE id = 4")
    found = verify_audit(database).first_break
    assert (found.record, found.kind, found.gap) == (5, "removed_before", (4, 4))


def test_a_record_added_by_hand_is_named(office):
    database = _filled(office)
    with database.engine.connect() as connection:
        last = connection.execute(text("SELECT max(id) FROM audit_event")).scalar()
    _sql(
        database,
        "INSERT INTO audit_event (actor, at, entity, entity_id, action, field, old, new) "
        "VALUES ('someone', '2021-07-01 00:00:00', 'problem', '1', 'update', 'status', "
        "'identified', 'closed')",
    )
    found = verify_audit(database).first_break
    assert (found.record, found.kind) == (last + 1, "outside")


def test_evaluators_writing_at_once_hang_no_two_records_from_the_same_one(office):
    errors = []

    def evaluator(n: int) -> None:
        try:
            for i in range(15):
                add_unit(office, f"县第{n}局{i}")
        except Exception as exc:  # noqa: BLE001 - the test reports any failure
            errors.append(exc)

    threads = [threading.Thread(target=evaluator, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    check = verify_audit(office)
    assert check.intact, check.message()


def test_records_written_before_the_chain_are_chained_by_the_upgrade(database_url):
    database = Database(database_url)
    command.upgrade(alembic_config(database), "0006_fieldwork")
    with database.engine.begin() as connection:
        for n in range(3):
            connection.execute(
                text(
                    "INSERT INTO audit_event (actor, at, entity, entity_id, action, field, "
                    "old, new) VALUES ('老王', :at, 'unit', :id, 'insert', 'name', NULL, :new)"
                ),
                {"at": f"2021-06-0{n + 1} 08:00:00", "id": str(n + 1), "new": f"县{n}局"},
            )
    database.ensure_schema()
    assert verify_audit(database).intact
    add_unit(database, "县升级后局")
    assert verify_audit(database).intact
    command.downgrade(alembic_config(database), "0006_fieldwork")
    database.dispose()


def test_the_command_exits_1_naming_the_record(cli, office):
    _filled(office)
    assert cli("--db", office.url, "audit", "verify").code == 0
    _sql(office, "UPDATE audit_event SET actor = 'nobody' WHERE id = 2")
    done = cli("--db", office.url, "--lang", "zh", "audit", "verify", "--json")
    assert done.code == 1
    assert done.json()["first_break"] == {"record": 2, "kind": "edited", "missing": None}
