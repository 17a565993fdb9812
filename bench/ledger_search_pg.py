"""Substring search over a 100,000-problem PostgreSQL ledger: the indexes of migration
0009 against the scan PostgreSQL searched with before (and still would without them).

Creates a database `orgeval_bench_search` on the server of `--url` (default
$ORGEVAL_TEST_PG_URL; dropped first when `--rebuild`, else kept for the next run) and
writes the ledger of `ledger_data.py` into it through its triggers, as an import would.
Then, in one process on a warm cache, for each term, each of these `--repeat` times:
  scan      SELECT count(*) FROM problem WHERE evaluation_id = E AND (strpos(lower(number),
            t) > 0 OR … over the eight texts … OR EXISTS (an event's reason)): the search
            before the index, current evaluation only;
  sql       the statement count_problems sends, alone on the same cursor (the database's
            share; the service adds its transaction and its look-ups of the evaluation);
  count     services.ledger.count_problems(search=t);
  page      services.ledger.list_problems(search=t, limit=50): the first 50 as views;
  ids       services.ledger.matching_ids(t).
Then the terms of 3 characters or more again with the trigram index dropped (what an
account that may not create pg_trgm gets: the pairs index), and the index put back.
Before timing, every term's ids are checked against the scan's: the search must be
exact. Prints which indexes PostgreSQL's plan for each count uses (problem_search_pkey:
the current evaluation's range of ids).

    uv run python bench/ledger_search_pg.py [--problems 100000] [--repeat 7] [--rebuild]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, event, func, select
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).parent))

from ledger_data import fill  # noqa: E402

from orgeval_tui.models import Problem  # noqa: E402
from orgeval_tui.services import ledger  # noqa: E402
from orgeval_tui.services.evaluations import current_evaluation_id  # noqa: E402
from orgeval_tui.services.ledger import search_postgres  # noqa: E402
from orgeval_tui.services.ledger.search import PROBLEM_FIELDS  # noqa: E402
from orgeval_tui.storage.database import Database  # noqa: E402

NAME = "orgeval_bench_search"
TERMS = ["挂牌", "编制", "超编", "不规范", "超编人", "年龄老化", "机构编制", "挂"]
TEXTS = " OR ".join(f"strpos(lower({field}), %(t)s) > 0" for field in PROBLEM_FIELDS)
SCAN = (
    f"FROM problem AS p WHERE evaluation_id = %(e)s AND ({TEXTS} OR EXISTS (SELECT 1 FROM "
    "problem_event AS e WHERE e.problem_id = p.id AND strpos(lower(e.reason), %(t)s) > 0))"
)


def median_ms(function, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        began = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - began)
    return statistics.median(times) * 1000, result


def bench_database(url: str, problems: int, rebuild: bool) -> str:
    server = create_engine(url, isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        exists = conn.exec_driver_sql(
            "SELECT 1 FROM pg_database WHERE datname = %(n)s", {"n": NAME}
        ).scalar()
        if exists and rebuild:
            conn.exec_driver_sql(f"DROP DATABASE {NAME} WITH (FORCE)")
        if not exists or rebuild:
            conn.exec_driver_sql(f"CREATE DATABASE {NAME}")
    server.dispose()
    bench_url = make_url(url).set(database=NAME).render_as_string(hide_password=False)
    if not exists or rebuild:
        database = Database.open(bench_url)
        print(f"writing {problems:,} problems through the triggers …", flush=True)
        began = time.perf_counter()
        fill(database, problems)
        print(f"written in {time.perf_counter() - began:.0f} s", flush=True)
        database.dispose()
    return bench_url


def count_statement(database: Database, term: str) -> tuple[str, dict]:
    """The statement ``count_problems(search=term)`` sends, with its parameters."""
    statements = []

    def keep(conn, cursor, statement, parameters, *args):
        statements.append((statement, parameters))

    event.listen(database.engine, "before_cursor_execute", keep)
    ledger.count_problems(database, search=term)
    event.remove(database.engine, "before_cursor_execute", keep)
    return statements[-1]


def plan_indexes(cursor, statement: str, parameters: dict) -> str:
    plan = "\n".join(row[0] for row in cursor.execute("EXPLAIN " + statement, parameters))
    names = (search_postgres.GRAMS_INDEX, search_postgres.TRIGRAM_INDEX, "problem_search_pkey")
    return "+".join(name for name in names if name in plan) or "Seq Scan"


def measure(database, cursor, current, terms, repeat):
    header = (
        f"{'term':8} {'chars':>5} {'hits':>7}  {'scan':>6} {'sql':>6} {'ratio':>6}  "
        f"{'count':>6} {'ratio':>6}  {'page':>6} {'ratio':>6}  {'ids':>6} {'ratio':>6}  plan"
    )
    print(header)
    for term in terms:

        def scan(t=term):
            return cursor.execute(f"SELECT count(*) {SCAN}", {"e": current, "t": t}).fetchone()

        scan_ms, _ = median_ms(scan, repeat)
        statement, parameters = count_statement(database, term)
        sql_ms, _ = median_ms(
            lambda s=statement, p=parameters: cursor.execute(s, p).fetchone(), repeat
        )
        count_ms, hits = median_ms(lambda t=term: ledger.count_problems(database, search=t), repeat)
        page_ms, _ = median_ms(
            lambda t=term: ledger.list_problems(database, search=t, limit=50), repeat
        )
        ids_ms, _ = median_ms(lambda t=term: ledger.matching_ids(database, t), repeat)
        print(
            f"{term:8} {len(term):>5} {hits:>7,}  {scan_ms:>6.0f} {sql_ms:>6.1f} "
            f"{sql_ms / scan_ms:>6.3f}  {count_ms:>6.1f} {count_ms / scan_ms:>6.3f}  "
            f"{page_ms:>6.1f} {page_ms / scan_ms:>6.3f}  {ids_ms:>6.1f} {ids_ms / scan_ms:>6.3f}  "
            f"{plan_indexes(cursor, statement, parameters)}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("ORGEVAL_TEST_PG_URL"))
    parser.add_argument("--problems", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    if not args.url:
        sys.exit("give --url or set ORGEVAL_TEST_PG_URL (source .ci/pg-cluster.sh)")

    database = Database.open(bench_database(args.url, args.problems, args.rebuild))
    with database.read() as session:
        current = current_evaluation_id(session)
        total = session.scalar(select(func.count()).select_from(Problem))
        in_current = session.scalar(
            select(func.count()).select_from(Problem).where(Problem.evaluation_id == current)
        )
    with database.engine.connect() as conn:
        sizes = dict(
            conn.exec_driver_sql(
                "SELECT relname, pg_total_relation_size(oid) FROM pg_class WHERE relname IN "
                "('problem', 'problem_event', 'problem_search', %(g)s, %(t)s)",
                {"g": search_postgres.GRAMS_INDEX, "t": search_postgres.TRIGRAM_INDEX},
            ).all()
        )
        version = conn.exec_driver_sql("SHOW server_version").scalar()
    print(
        f"{total:,} problems, {in_current:,} in the current evaluation; sizes (MB, with "
        "indexes and TOAST): "
        + ", ".join(f"{name} {size / 1e6:.0f}" for name, size in sorted(sizes.items()))
    )

    raw = database.engine.raw_connection()
    cursor = raw.cursor()
    # As the service plans each search (psycopg prepares a statement run five times).
    cursor.execute("SET plan_cache_mode = force_custom_plan")
    print("checking every term against the scan …", flush=True)
    for term in TERMS:
        exact = [
            r[0] for r in cursor.execute(f"SELECT id {SCAN} ORDER BY id", {"e": current, "t": term})
        ]
        assert ledger.matching_ids(database, term) == exact, term

    print(f"median of {args.repeat}, milliseconds; with both indexes")
    measure(database, cursor, current, TERMS, args.repeat)

    longer = [term for term in TERMS if len(term) >= 3]
    raw.commit()  # the cursor's transaction would hold DROP INDEX off forever
    with database.engine.begin() as conn:
        conn.exec_driver_sql(f"DROP INDEX {search_postgres.TRIGRAM_INDEX}")
    database.dispose()  # new connections: they see that the trigram index is gone
    try:
        for term in longer:
            exact = [
                r[0]
                for r in cursor.execute(f"SELECT id {SCAN} ORDER BY id", {"e": current, "t": term})
            ]
            assert ledger.matching_ids(database, term) == exact, term
        print("without the trigram index (no pg_trgm): terms of 3+ characters through the pairs")
        measure(database, cursor, current, longer, args.repeat)
    finally:
        print("putting the trigram index back …", flush=True)
        assert search_postgres.ensure_trigram_index(database) is None
    raw.close()
    database.dispose()
    print(f"{platform.machine()}, Python {platform.python_version()}, PostgreSQL {version}")


if __name__ == "__main__":
    main()
