"""Eight evaluators' processes writing at once through the services (a problem through
its steps, scores, on-site notes), on SQLite and PostgreSQL: nothing any of them saw
succeed is lost, no "database is locked" reaches one of them, the audit chain verifies,
and the audit trail holds one record per change. The full 8 × 500 is bench/load.py."""

from __future__ import annotations

from sqlalchemy import delete, func, select, update

from orgeval_tui.models import AuditEvent, Problem
from orgeval_tui.services.audit_trail import verify_audit

from .workload import lost, prepare, replay_faults, run

PROCESSES = 8
CALLS = 60


def test_eight_evaluators_at_once_lose_nothing_and_the_trail_holds_every_change(database):
    prepare(database, PROCESSES)

    outcomes, _ = run(database.url, PROCESSES, CALLS)

    assert [o.errors for o in outcomes] == [[]] * PROCESSES
    assert [o.calls for o in outcomes] == [CALLS] * PROCESSES
    # 60 calls: seven problems taken from 发现 to 销号, the eighth as far as 报告.
    assert [sorted(o.problems.values()) for o in outcomes] == [
        ["closed"] * 7 + ["reported"]
    ] * PROCESSES
    assert lost(database, outcomes) == []
    assert verify_audit(database).intact
    assert replay_faults(database) == []


def test_the_replay_finds_a_change_without_its_record_and_a_record_without_its_change(office):
    from orgeval_tui.services import ledger
    from tests.office import add_problem

    number = add_problem(office, "县工信局", "标牌不规范").number
    ledger.feedback(office, number)
    assert replay_faults(office) == []

    with office.write() as session:
        session.execute(update(Problem).values(title="改过的标题"))
    assert replay_faults(office) == ["problem 1 title: trail ends elsewhere"]

    with office.write() as session:
        session.execute(update(Problem).values(title="标牌不规范"))
        last = session.scalar(select(func.max(AuditEvent.id)).where(AuditEvent.field == "status"))
        session.execute(delete(AuditEvent).where(AuditEvent.id == last))
    assert "problem 1 status: trail ends elsewhere" in replay_faults(office)
