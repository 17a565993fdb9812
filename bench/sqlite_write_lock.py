"""Parallel read-modify-write on one SQLite file: how many updates survive.

Each of P processes runs N ORM transactions that read a counter and write it back + 1.
Compared in one run:
  deferred   a plain SQLAlchemy engine (pysqlite's default transaction handling), the
             way most applications open SQLite;
  orgeval    the project's own session factory (Database.write: BEGIN IMMEDIATE, WAL,
             busy_timeout).
Prints lost updates, errors seen by the caller, and wall time for each.

    uv run python bench/sqlite_write_lock.py [--processes 8] [--transactions 500]
"""

from __future__ import annotations

import argparse
import multiprocessing
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from orgeval_tui.storage.database import Database


class _Base(DeclarativeBase):
    pass


class Counter(_Base):
    """No version column: what keeps updates here is the transaction alone."""

    __tablename__ = "bench_counter"
    id: Mapped[int] = mapped_column(primary_key=True)
    value: Mapped[int]


def _deferred(url: str, counter_id: int, count: int, start, results) -> None:
    engine = create_engine(url, connect_args={"timeout": 5})
    start.wait()
    errors = 0
    for _ in range(count):
        try:
            with Session(engine) as session, session.begin():
                counter = session.get(Counter, counter_id)
                counter.value += 1
        except Exception as exc:  # noqa: BLE001 - counted, that is the measurement
            if errors == 0:
                print("deferred:", type(exc).__name__, str(exc).splitlines()[0])
            errors += 1
    results.put(errors)


def _orgeval(url: str, counter_id: int, count: int, start, results) -> None:
    database = Database(url)
    start.wait()
    errors = 0
    for _ in range(count):
        try:
            with database.write() as session:
                counter = session.get(Counter, counter_id)
                counter.value += 1
        except Exception:  # noqa: BLE001
            errors += 1
    results.put(errors)


def run(target, processes: int, transactions: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        database = Database.open(str(Path(folder) / "bench.db"))
        _Base.metadata.create_all(database.engine)
        with database.write() as session:
            session.add(Counter(id=1, value=0))
        url, counter_id = database.url, 1
        database.dispose()
        context = multiprocessing.get_context("fork")
        start, results = context.Event(), context.Queue()
        workers = [
            context.Process(target=target, args=(url, counter_id, transactions, start, results))
            for _ in range(processes)
        ]
        for worker in workers:
            worker.start()
        began = time.perf_counter()
        start.set()
        for worker in workers:
            worker.join()
        elapsed = time.perf_counter() - began
        errors = sum(results.get() for _ in workers)
        database = Database(url)
        with database.read() as session:
            final = session.get(Counter, counter_id).value
        database.dispose()
    attempted = processes * transactions
    committed = attempted - errors
    return {
        "attempted": attempted,
        "errors": errors,
        "final": final,
        "lost": committed - final,
        "lost_share": (committed - final) / committed if committed else 0.0,
        "seconds": elapsed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--transactions", type=int, default=500)
    args = parser.parse_args()
    print(f"{args.processes} processes x {args.transactions} read-modify-write transactions")
    print(f"{'path':10} {'errors':>7} {'final':>7} {'lost':>7} {'lost %':>7} {'seconds':>8}")
    for name, target in (("orgeval", _orgeval), ("deferred", _deferred)):
        r = run(target, args.processes, args.transactions)
        print(
            f"{name:10} {r['errors']:7d} {r['final']:7d} {r['lost']:7d}"
            f" {100 * r['lost_share']:6.1f}% {r['seconds']:8.2f}"
        )


if __name__ == "__main__":
    main()
