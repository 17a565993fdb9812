"""Eight evaluators at once: separate processes × 500 mixed writes through the services
(a problem through add, feedback, plan, report and verify; scores; on-site activities
and their notes), on SQLite and on PostgreSQL (with ``ORGEVAL_TEST_PG_URL``: a server
URL whose user may create databases, as for the tests).

Prints per backend: wall time, calls per second, the longest wait of one call, errors
(any: "database is locked" included), successes missing from the database, the audit
chain's verdict and the trail's replay (one record per change). Baseline in the same
run: one process alone making the same 500 calls (the throughput without contention).

    uv run python bench/load.py [--processes 8] [--calls 500] [--backend sqlite]...
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, make_url, text  # noqa: E402

from orgeval_tui.services.audit_trail import verify_audit  # noqa: E402
from orgeval_tui.storage.database import Database  # noqa: E402
from tests.robustness.workload import lost, prepare, replay_faults, run  # noqa: E402


def _postgres(server: str):
    name = f"orgeval_load_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(server).set(database=name).render_as_string(hide_password=False)

    def drop():
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()

    return url, drop


def measure(url: str, processes: int, calls: int) -> dict:
    db = Database.open(url)
    prepare(db, processes)
    outcomes, elapsed = run(url, processes, calls)
    errors = [e for o in outcomes for e in o.errors]
    result = {
        "seconds": elapsed,
        "calls": sum(o.calls for o in outcomes),
        "longest": max(w for o in outcomes for w in o.waits),
        "errors": errors,
        # The wait given up: SQLite's own words, or orgeval's DatabaseBusy naming the holder.
        "locked": sum("database is locked" in e or e.startswith("DatabaseBusy") for e in errors),
        "lost": lost(db, outcomes),
        "verified": verify_audit(db).intact,
        "replay": replay_faults(db),
    }
    db.dispose()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--calls", type=int, default=500)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), action="append")
    args = parser.parse_args()
    backends = [("sqlite", None)]
    if os.environ.get("ORGEVAL_TEST_PG_URL"):
        backends.append(("postgresql", os.environ["ORGEVAL_TEST_PG_URL"]))
    backends = [b for b in backends if args.backend is None or b[0] in args.backend]
    print(f"{args.processes} processes × {args.calls} mixed writes through the services")
    header = f"{'backend':11}{'procs':>6}{'calls':>7}{'s':>8}{'calls/s':>9}{'longest s':>10}"
    print(header + f"{'errors':>7}{'locked':>7}{'lost':>6}  audit verify, replay")
    for backend, server in backends:
        for processes in (1, args.processes):
            with tempfile.TemporaryDirectory() as folder:
                if server is None:
                    url, drop = f"sqlite:///{Path(folder) / 'load.db'}", None
                else:
                    url, drop = _postgres(server)
                try:
                    r = measure(url, processes, args.calls)
                finally:
                    if drop:
                        drop()
            print(
                f"{backend:11}{processes:6d}{r['calls']:7d}{r['seconds']:8.1f}"
                f"{r['calls'] / r['seconds']:9.1f}{r['longest']:10.3f}{len(r['errors']):7d}"
                f"{r['locked']:7d}{len(r['lost']):6d}  {'ok' if r['verified'] else 'BROKEN'},"
                f" {len(r['replay'])} faults"
            )
            for error in sorted(set(r["errors"]))[:5]:
                print(f"    error: {error}")


if __name__ == "__main__":
    main()
