"""A colleague's short writes while a 300,000-row import runs: the longest wait.

One process imports a 300,000-row cases file (`import_cases`, the 12345 hotline's export;
built once and cached under bench/.cache/); another does `ledger add` every 100 ms, as an
evaluator recording problems would, from before the import starts until it ends. Each
add's wait (call to return) is timed; an add that fails is counted with what it said.

Compared in one run, with the same short writer (this build's code):
  quiet      no import running: the short write alone;
  baseline   the import as built at --baseline (default: the commit before the staging
             change): rows inserted from Python under the write lock;
  staged     this build: rows staged in a scratch file outside the lock, then copied in
             with one INSERT … SELECT.

    uv run python bench/long_writes.py [--rows 300000] [--baseline e469584]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from datetime import date
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(__file__).parent / ".cache"
UNIT = "县工业和信息化局"
IMPORT = """
import sys, time
from orgeval_tui.storage.database import Database
from orgeval_tui.services.intake.cases import import_cases
db = Database.open(sys.argv[1], upgrade=False)
began = time.perf_counter()
summary = import_cases(db, sys.argv[2], channel="hotline")
print(summary.rows, round(time.perf_counter() - began, 2))
"""


def cases_file(rows: int) -> Path:
    path = CACHE / f"cases_{rows}.csv"
    if not path.exists():
        CACHE.mkdir(exist_ok=True)
        lines = ["工单编号,承办单位,受理时间,办结时间,满意度"]
        lines += [
            f"GD-{n:07d},{UNIT},2024-{1 + n % 12:02d}-{1 + n % 28:02d} 09:30,"
            f"2024-{1 + n % 12:02d}-{1 + n % 28:02d} 16:00,满意"
            for n in range(rows)
        ]
        path.write_text("\n".join(lines), encoding="utf-8")
    return path


def setup(folder: Path) -> str:
    from orgeval_tui.services.evaluations import create_evaluation
    from orgeval_tui.services.units import add_unit
    from orgeval_tui.storage.database import Database

    db = Database.open(str(folder / "bench.db"))
    add_unit(db, UNIT, short_name="县工信局")
    create_evaluation(db, "2021年度评估", date(2021, 6, 30), number_prefix="2021")
    db.dispose()
    return str(folder / "bench.db")


def short_writer(path: str, ready, stop, results) -> None:
    from orgeval_tui.services import ledger
    from orgeval_tui.storage.database import Database

    db = Database.open(path, upgrade=False)
    waits, errors = [], []
    ledger.add(db, UNIT, "预热")  # the first call loads the models: not a wait for the lock
    ready.set()
    while not stop.is_set():
        began = time.perf_counter()
        try:
            ledger.add(db, UNIT, f"短写入 {len(waits)}")
        except Exception as exc:  # noqa: BLE001 - counted, that is the measurement
            errors.append(str(exc).splitlines()[0][:160])
        waits.append(time.perf_counter() - began)
        time.sleep(0.1)
    results.put((waits, errors))
    db.dispose()


def baseline_tree(revision: str, folder: Path) -> Path:
    archive = subprocess.run(
        ["git", "archive", revision, "orgeval_tui"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def measure(path: str, data: Path | None, pythonpath: Path | None) -> dict:
    context = multiprocessing.get_context("spawn")
    ready, stop, results = context.Event(), context.Event(), context.Queue()
    writer = context.Process(target=short_writer, args=(path, ready, stop, results))
    writer.start()
    ready.wait()
    time.sleep(1.5)  # the writer's first adds, before the import
    imported = None
    if data is None:
        time.sleep(3)
    else:
        env = {**os.environ, "PYTHONPATH": str(pythonpath or ROOT)}
        done = subprocess.run(
            [sys.executable, "-c", IMPORT, path, str(data)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        imported = done.stdout.strip() or done.stderr.strip().splitlines()[-1]
    time.sleep(0.5)
    stop.set()
    waits, errors = results.get()
    writer.join()
    return {"waits": waits, "errors": errors, "import": imported}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=300_000)
    parser.add_argument("--baseline", default="e469584")
    args = parser.parse_args()
    data = cases_file(args.rows)
    print(f"{args.rows} cases imported while `ledger add` runs every 100 ms")
    print(f"{'run':9} {'adds':>5} {'failed':>6} {'longest s':>9} {'median s':>9}  import")
    runs = {}
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        old = baseline_tree(args.baseline, scratch / "baseline-code")
        for name, file, tree in (
            ("quiet", None, None),
            ("baseline", data, old),
            ("staged", data, None),
        ):
            folder = scratch / name
            folder.mkdir()
            result = measure(setup(folder), file, tree)
            runs[name] = result
            waits = sorted(result["waits"])
            print(
                f"{name:9} {len(waits):5d} {len(result['errors']):6d} {waits[-1]:9.3f}"
                f" {waits[len(waits) // 2]:9.3f}  {result['import'] or ''}"
            )
            for error in sorted(set(result["errors"])):
                print(f"          failed: {error}")
    longest = {name: max(run["waits"]) for name, run in runs.items()}
    print(
        f"longest wait: staged / quiet = {longest['staged'] / longest['quiet']:.1f}, "
        f"staged / baseline = {longest['staged'] / longest['baseline']:.2f}"
    )


if __name__ == "__main__":
    main()
