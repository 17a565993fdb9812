"""Evaluators at work at once: separate processes, each doing a mix of writes through the
services (a problem through its steps, scores, on-site notes), and the checks of what
the database holds afterwards. Used by ``test_load.py`` (small) and ``bench/load.py``.

Each process has a unit of its own, so what it saw succeed can be checked against the
database one by one, while all of them contend for the same database, problem numbering
and audit chain.
"""

from __future__ import annotations

import multiprocessing
import time
import traceback
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

UNIT = "负载测试单位{n}"
LEAVES = ("A1.1", "A1.2", "B1.1", "B3.1")
STEPS = ("add", "feedback", "plan", "report", "verify", "score", "activity", "notes")


@dataclass
class Outcome:
    """What one process saw succeed, and every error it met (as the user would read it)."""

    problems: dict[str, str] = field(default_factory=dict)  # number → status
    scores: dict[str, float] = field(default_factory=dict)  # leaf → last points set
    notes: dict[int, str] = field(default_factory=dict)  # activity → last notes saved
    calls: int = 0
    errors: list[str] = field(default_factory=list)
    waits: list[float] = field(default_factory=list)


def prepare(db, processes: int) -> None:
    from orgeval_tui.services.evaluations import create_evaluation
    from orgeval_tui.services.units import add_unit

    names = [UNIT.format(n=n) for n in range(processes)]
    for name in names:
        add_unit(db, name)
    create_evaluation(db, "2021年度评估", date(2021, 6, 30), number_prefix="2021", units=names)


def _call(outcome: Outcome, step, *args, **values):
    began = time.perf_counter()
    try:
        result = step(*args, **values)
    except Exception as exc:  # noqa: BLE001 - every error is the measurement
        outcome.errors.append(f"{type(exc).__name__}: {exc}".splitlines()[0])
        return None
    finally:
        outcome.waits.append(time.perf_counter() - began)
        outcome.calls += 1
    return result


def work(url: str, n: int, calls: int) -> Outcome:
    """``calls`` writes as evaluator ``n`` would make them, cycling through STEPS."""
    from orgeval_tui.services import fieldwork, ledger
    from orgeval_tui.services.scores import set_score
    from orgeval_tui.storage.database import Database

    db = Database(url)
    unit = UNIT.format(n=n)
    outcome = Outcome()
    number = activity = None
    today = date.today()
    try:
        for i in range(calls):
            step = STEPS[i % len(STEPS)]
            if step == "add":
                added = _call(outcome, ledger.add, db, unit, f"问题 {n}-{i}", description="说明")
                number = added.number if added else None
                if number:
                    outcome.problems[number] = "identified"
            elif step in ("feedback", "plan", "report", "verify") and number:
                done = _call(outcome, *_ledger_step(ledger, db, step, number, today))
                if done:
                    outcome.problems[number] = done.status
            elif step == "score":
                leaf, points = LEAVES[(i // len(STEPS)) % len(LEAVES)], float(i % 3)
                if _call(outcome, set_score, db, unit, leaf, points=points, note="依据访谈"):
                    outcome.scores[leaf] = points
            elif step == "activity":
                held = _call(outcome, fieldwork.add_activity, db, unit, "interview", today)
                activity = held.id if held else None
            elif step == "notes" and activity:
                text = f"访谈记录 {n}-{i}"
                if _call(outcome, fieldwork.save_notes, db, activity, text):
                    outcome.notes[activity] = text
    finally:
        db.dispose()
    return outcome


def _ledger_step(ledger, db, step, number, today):
    if step == "feedback":
        return ledger.feedback, db, number
    if step == "plan":
        return ledger.plan, db, number, "整改措施", "办公室主任", today + timedelta(days=30)
    if step == "report":
        return ledger.report, db, number, "已整改"
    return ledger.verify, db, number, "核查属实"


def _worker(url: str, n: int, calls: int, start, results) -> None:
    start.wait()
    try:
        results.put((n, work(url, n, calls)))
    except BaseException:  # noqa: BLE001 - the parent fails on it
        results.put((n, Outcome(errors=[traceback.format_exc()])))


def run(url: str, processes: int, calls: int, timeout: float = 1200) -> tuple[list, float]:
    """Every process's Outcome (spawned: nothing shared with this one), and the wall time."""
    context = multiprocessing.get_context("spawn")
    start, results = context.Event(), context.Queue()
    workers = [
        context.Process(target=_worker, args=(url, n, calls, start, results))
        for n in range(processes)
    ]
    for worker in workers:
        worker.start()
    time.sleep(0.5)
    began = time.perf_counter()
    start.set()
    outcomes = dict(results.get(timeout=timeout) for _ in workers)
    elapsed = time.perf_counter() - began
    for worker in workers:
        worker.join(timeout=60)
    return [outcomes[n] for n in range(processes)], elapsed


# Checks.


def lost(db, outcomes: list[Outcome]) -> list[str]:
    """Every success a process saw that the database does not hold."""
    from sqlalchemy import select

    from orgeval_tui.models import Indicator, OnsiteActivity, Problem, Score, Unit

    missing = []
    with db.read() as session:
        status = dict(session.execute(select(Problem.number, Problem.status)).all())
        notes = dict(session.execute(select(OnsiteActivity.id, OnsiteActivity.notes)).all())
        scored = {
            (unit, code): points
            for unit, code, points in session.execute(
                select(Unit.name, Indicator.code, Score.points)
                .join(Unit, Unit.id == Score.unit_id)
                .join(Indicator, Indicator.id == Score.indicator_id)
            )
        }
    for n, outcome in enumerate(outcomes):
        unit = UNIT.format(n=n)
        missing += [
            f"problem {number}: {state}"
            for number, state in outcome.problems.items()
            if status.get(number) != state
        ]
        missing += [
            f"score {unit} {leaf}: {points}"
            for leaf, points in outcome.scores.items()
            if scored.get((unit, leaf)) != points
        ]
        missing += [f"notes {a}" for a, text in outcome.notes.items() if notes.get(a) != text]
    return missing


def _instant_or_text(value):
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is None and len(value) > 10:
        moment = moment.replace(tzinfo=UTC)
    return moment if len(value) > 10 else value


def replay_faults(db, tables=("problem", "score", "onsite_activity")) -> list[str]:
    """The audit trail replayed field by field: each update's old value must be what the
    trail last said, and the trail must end at every row's value as stored. A change
    without its record, or recorded twice, breaks one or the other."""
    from sqlalchemy import select
    from sqlmodel import SQLModel

    from orgeval_tui.models import AuditEvent
    from orgeval_tui.storage.audit import _text

    state: dict[tuple[str, str], dict[str, str | None]] = {}
    faults = []
    with db.read() as session:
        trail = session.execute(
            select(
                AuditEvent.id,
                AuditEvent.entity,
                AuditEvent.entity_id,
                AuditEvent.action,
                AuditEvent.field,
                AuditEvent.old,
                AuditEvent.new,
            )
            .where(AuditEvent.entity.in_(tables))
            .order_by(AuditEvent.id)
        ).all()
        for record, entity, entity_id, action, name, old, new in trail:
            fields = state.setdefault((entity, entity_id), {})
            if action == "delete":
                state.pop((entity, entity_id))
                continue
            was = fields.get(name)
            if _instant_or_text(was) != _instant_or_text(old):
                faults.append(
                    f"record {record}: {entity} {entity_id} {name} was {was!r}, not {old!r}"
                )
            fields[name] = new
        for entity in tables:
            table = SQLModel.metadata.tables[entity]
            for row in session.execute(select(table)).mappings():
                recorded = state.get((entity, str(row["id"])), {})
                for column in table.columns:
                    if column.name in ("id", "version"):
                        continue
                    stored = _instant_or_text(_text(row[column.name]))
                    if _instant_or_text(recorded.get(column.name)) != stored:
                        faults.append(f"{entity} {row['id']} {column.name}: trail ends elsewhere")
    return faults
