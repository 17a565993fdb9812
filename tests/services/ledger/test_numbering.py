"""Problem numbers: PREFIX-NNN, unique per evaluation, also when evaluators add at once."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import insert, select

from orgeval_tui.domain.clock import utcnow
from orgeval_tui.domain.errors import UserError
from orgeval_tui.models import Evaluation, Problem, Unit
from orgeval_tui.services import ledger
from orgeval_tui.services.ledger import numbering
from orgeval_tui.services.units import add_unit
from orgeval_tui.storage.database import Database
from tests.office import add_evaluation


def test_numbers_count_up_in_the_current_evaluation(office):
    numbers = [ledger.add(office, "县工信局", f"问题{i}").number for i in range(3)]

    assert numbers == ["2021-001", "2021-002", "2021-003"]


def test_a_new_evaluation_numbers_from_one_with_its_prefix(office):
    ledger.add(office, "县工信局", "旧问题")
    add_evaluation(office, name="2022年度评估", prefix="2022")

    assert ledger.add(office, "县工信局", "新问题").number == "2022-001"
    assert ledger.add(office, "县气象局", "新问题").number == "2022-002"


def test_numbers_go_past_999_and_ignore_numbers_of_another_shape(office):
    with office.write() as session:
        evaluation_id = session.scalar(select(Evaluation.id))
        unit_id = session.scalar(select(Unit.id).where(Unit.short_name == "县工信局"))
        session.execute(
            insert(Problem),
            [
                dict(
                    evaluation_id=evaluation_id,
                    unit_id=unit_id,
                    number=n,
                    source="onsite",
                    title=n,
                    description="",
                    recommendation="",
                    severity="low",
                    status="identified",
                    created_at=utcnow(),
                )
                for n in ("2021-998", "2021-999", "2021-12a", "2021-", "20210-5000", "X-77777")
            ],
        )

    assert ledger.add(office, "县工信局", "t").number == "2021-1000"
    assert ledger.add(office, "县工信局", "t").number == "2021-1001"


def test_without_an_evaluation_a_problem_cannot_be_numbered(database):
    add_unit(database, "县气象局")

    with pytest.raises(UserError, match="no evaluation is set up yet"):
        ledger.add(database, "县气象局", "问题")


def test_evaluators_adding_at_the_same_moment_get_distinct_numbers(office):
    """Each thread has its own Database (engine, pool), like separate processes would.
    SQLite queues them on the write lock; PostgreSQL lets them collide on the unique
    constraint and the loser numbers again."""
    threads, per_thread = 4, 8
    errors, numbers = [], []
    start = threading.Barrier(threads)

    def work():
        database = Database(office.url)
        try:
            start.wait()
            for i in range(per_thread):
                numbers.append(ledger.add(database, "县工信局", f"并发问题{i}").number)
        except Exception as exc:  # noqa: BLE001 - the test reports it
            errors.append(exc)
        finally:
            database.dispose()

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)

    assert errors == []
    assert sorted(numbers) == [f"2021-{i:03d}" for i in range(1, threads * per_thread + 1)]


def test_a_clash_on_the_number_is_retried(office, monkeypatch):
    """Force the race PostgreSQL can have: the first attempt computes a taken number."""
    ledger.add(office, "县工信局", "第一个")
    real = numbering.next_number
    calls = []

    def stale_then_real(session, evaluation):
        calls.append(1)
        return "2021-001" if len(calls) == 1 else real(session, evaluation)

    monkeypatch.setattr(numbering, "next_number", stale_then_real)

    assert ledger.add(office, "县工信局", "第二个").number == "2021-002"
    assert len(calls) == 2
