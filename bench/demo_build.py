"""Building the demo from the pilot's office files, against its 15 s budget.

In one process, alternating `--repeat` times: write the pilot's office files alone
(`write_office_files`, the files the build reads), and build the whole demo into a new
SQLite file (`build_demo_database`: the same files written, then units, calendar,
evaluation, every file through its import service, on-site activities, the ledger's
ten lives replayed through the lifecycle, and the units' and the office's scores given
through the scoring service). The build's phases are timed by wrapping the
production functions it calls. Prints medians and the build's ratio to writing the files.

    uv run python bench/demo_build.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import platform
import sqlite3
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from orgeval_tui.demo import loader, pilot
from orgeval_tui.demo.office_files import write_office_files
from orgeval_tui.demo.pilot_data import pilot_data

PHASES = (
    "add_units",
    "add_evaluation",
    "write_office_files",
    "import_file",
    "replay_ledger",
    "score_pilot",
)


def timed_phases(spent: dict[str, float]) -> dict:
    """Wrap the build's steps on the module the build calls them from."""
    originals = {name: getattr(pilot, name) for name in PHASES}

    def wrap(name, function):
        def call(*args, **kwargs):
            began = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - began

        return call

    for name, function in originals.items():
        setattr(pilot, name, wrap(name, function))
    return originals


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    data = pilot_data()
    writes, builds = [], []
    phases: dict[str, list[float]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as scratch:
        for round_ in range(args.repeat + 1):  # round 0 warms imports and caches
            folder = Path(scratch) / f"files-{round_}"
            began = time.perf_counter()
            write_office_files(data, folder)
            wrote = time.perf_counter() - began

            spent: dict[str, float] = defaultdict(float)
            originals = timed_phases(spent)
            began = time.perf_counter()
            try:
                loader.build_demo_database(Path(scratch) / f"demo-{round_}.db")
            finally:
                for name, function in originals.items():
                    setattr(pilot, name, function)
            built = time.perf_counter() - began
            if round_ == 0:
                continue
            writes.append(wrote)
            builds.append(built)
            for name in PHASES:
                phases[name].append(spent[name])
    w, b = statistics.median(writes), statistics.median(builds)
    print(
        f"{platform.machine()}, Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )
    print(f"median of {args.repeat}")
    print(f"write the office files   {w:7.2f} s")
    print(f"build the demo           {b:7.2f} s   ({b / w:.1f} × writing the files; budget 15 s)")
    for name in PHASES:
        print(f"  {name:22} {statistics.median(phases[name]):7.2f} s")
    others = b - sum(statistics.median(phases[name]) for name in PHASES)
    print(f"  {'the rest':22} {others:7.2f} s   (calendar, on-site activities, the file's move)")


if __name__ == "__main__":
    main()
