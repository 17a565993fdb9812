"""Substring search over a 1,000,000-problem SQLite ledger, against a LIKE scan of the
same table in the same run.

Builds (once, cached under bench/.cache/) the ledger of `ledger_data.py`, then, in one
process on a warm cache, for each term, each of these `--repeat` times:
  scan      SELECT count(*) FROM problem WHERE evaluation_id = E AND (number LIKE '%t%'
            OR title LIKE … over the eight texts search covers): the ledger searches the
            current evaluation E's problems only (event reasons left out: the scan's
            floor is the problem table alone);
  count     services.ledger.count_problems(search=t): how many problems contain t;
  page      services.ledger.list_problems(search=t, limit=50): the first 50 as views;
  ids       services.ledger.matching_ids(t), against the scan returning its ids.
Prints medians, the hits, and each ratio to the scan (target: at most 1/10 for 2-, 3-
and 4-character terms).
Before timing, every term's ids are checked against a full scan that includes the
event reasons: the search must be exact.

    uv run python bench/ledger_search.py [--problems 1000000] [--repeat 7]
"""

from __future__ import annotations

import argparse
import platform
import sqlite3
import statistics
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).parent))

from ledger_data import build  # noqa: E402

from orgeval_tui.models import Problem  # noqa: E402
from orgeval_tui.services import ledger  # noqa: E402
from orgeval_tui.services.evaluations import current_evaluation_id  # noqa: E402
from orgeval_tui.services.ledger.search import PROBLEM_FIELDS  # noqa: E402
from orgeval_tui.storage.database import Database  # noqa: E402

CACHE = Path(__file__).parent / ".cache"
TERMS = ["挂牌", "编制", "超编", "不规范", "超编人", "年龄老化", "机构编制", "挂"]
TEXTS = " OR ".join(f"{field} LIKE ?" for field in PROBLEM_FIELDS)
SCAN = f"evaluation_id = ? AND ({TEXTS})"


def median_ms(function, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        began = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - began)
    return statistics.median(times) * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--problems", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    path = CACHE / f"ledger-{args.problems}.db"
    if not path.exists():
        print(f"building {path} (about 10 minutes for a million) …", flush=True)
        began = time.perf_counter()
        build(path, args.problems)
        print(f"built in {time.perf_counter() - began:.0f} s", flush=True)
    database = Database.open(str(path))
    with database.engine.connect() as conn:
        total = conn.exec_driver_sql("SELECT count(*) FROM problem").scalar()
        sizes = dict(
            conn.exec_driver_sql(
                "SELECT CASE WHEN name LIKE 'problem_search%' THEN 'index' ELSE 'tables' END, "
                "sum(pgsize) FROM dbstat GROUP BY 1"
            ).all()
        )
    print(
        f"{total:,} problems; index {sizes.get('index', 0) / 1e6:.0f} MB, "
        f"everything else {sizes.get('tables', 0) / 1e6:.0f} MB"
    )

    with database.read() as session:
        current = current_evaluation_id(session)
        in_current = session.scalar(
            select(func.count()).select_from(Problem).where(Problem.evaluation_id == current)
        )
    print(f"the current evaluation (id {current}) has {in_current:,} of them")

    raw = database.engine.raw_connection()
    cursor = raw.cursor()

    def scan_count(term):
        return cursor.execute(
            f"SELECT count(*) FROM problem WHERE {SCAN}", [current, *[f"%{term}%"] * 8]
        )

    def scan_ids(term):
        return cursor.execute(
            f"SELECT id FROM problem WHERE {SCAN} ORDER BY id", [current, *[f"%{term}%"] * 8]
        ).fetchall()

    print("checking every term against a full scan (event reasons included) …", flush=True)
    for term in TERMS:
        exact = [
            row[0]
            for row in cursor.execute(
                f"SELECT id FROM problem p WHERE evaluation_id = ? AND ({TEXTS} OR EXISTS "
                "(SELECT 1 FROM problem_event e WHERE e.problem_id = p.id AND e.reason LIKE ?)) "
                "ORDER BY id",
                [current, *[f"%{term}%"] * 9],
            )
        ]
        assert ledger.matching_ids(database, term) == exact, term

    one_column, _ = median_ms(
        lambda: cursor.execute(
            "SELECT count(*) FROM problem WHERE description LIKE ?", ("%编制%",)
        ).fetchone(),
        args.repeat,
    )
    print(f"for reference, one column: description LIKE '%编制%' takes {one_column:.0f} ms")
    header = (
        f"{'term':8} {'chars':>5} {'hits':>8}  {'scan':>7} {'count':>7} {'ratio':>6}  "
        f"{'page':>6} {'ratio':>6}  {'scan ids':>8} {'ids':>6} {'ratio':>6}"
    )
    print(f"median of {args.repeat}, milliseconds\n{header}")
    for term in TERMS:
        scan_c, _ = median_ms(lambda t=term: scan_count(t).fetchone(), args.repeat)
        ours_c, hits = median_ms(
            lambda t=term: ledger.count_problems(database, search=t), args.repeat
        )
        page, _ = median_ms(
            lambda t=term: ledger.list_problems(database, search=t, limit=50), args.repeat
        )
        scan_i, _ = median_ms(lambda t=term: scan_ids(t), args.repeat)
        ours_i, _ = median_ms(lambda t=term: ledger.matching_ids(database, t), args.repeat)
        print(
            f"{term:8} {len(term):>5} {hits:>8,}  {scan_c:>7.0f} {ours_c:>7.1f} "
            f"{ours_c / scan_c:>6.3f}  {page:>6.1f} {page / scan_c:>6.3f}  "
            f"{scan_i:>8.0f} {ours_i:>6.0f} {ours_i / scan_i:>6.3f}",
            flush=True,
        )
    raw.close()
    database.dispose()
    print(
        f"{platform.machine()}, Python {platform.python_version()}, SQLite "
        f"{sqlite3.sqlite_version}; target: each 2-, 3-, 4-character ratio ≤ 0.100"
    )


if __name__ == "__main__":
    main()
