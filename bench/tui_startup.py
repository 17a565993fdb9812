"""Time to the first screen: orgeval's home screen with its units, against a bare Textual
app that also imports sqlmodel.

Each run is a fresh interpreter (imports count), headless, 80×24. Alternating, each
`--repeat` times:
  bare      a script that imports sqlmodel and Textual, mounts one Static and exits right
            after its first refresh;
  orgeval   a script that opens OrgevalApp on a copy of the demo database (made once,
            before timing) and exits right after the home screen has filled its
            progress table (HomeScreen.on_home_screen_loaded, then one refresh).
The parent times `subprocess.run` with time.perf_counter (process start to exit). Each
child also stamps time.perf_counter (CLOCK_MONOTONIC, the same clock across processes
on Linux) when its first screen is there, so the time to first screen without the
interpreter's shutdown is shown too.
Prints medians and the ratio orgeval / bare (target: at most 1.5).

Bytecode: an installed application runs from compiled .pyc files, but this workplace
sets PYTHONDONTWRITEBYTECODE=1 and its .venv holds no .pyc, so every child would compile
every module it imports, which triples the import times of both sides. By default the
children write and reuse bytecode under bench/.cache/pycache (PYTHONPYCACHEPREFIX; the
.venv is left alone) and the warm-up run fills it; `--no-pyc` measures without it.

    uv run python bench/tui_startup.py [--repeat 7] [--no-pyc]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """\
import sys, time

import sqlmodel  # noqa: F401 - the baseline pays for the ORM import like orgeval does
from textual.app import App
from textual.widgets import Static


class Bare(App):
    def compose(self):
        yield Static("县总工会  县工信局  县气象局")

    def on_mount(self):
        self.call_after_refresh(self.shown)

    def shown(self):
        print(f"SHOWN {time.perf_counter()!r}", file=sys.stderr)
        self.exit()


Bare().run(headless=True)
"""

ORGEVAL = """\
import sys, time

from orgeval_tui.app import OrgevalApp
from orgeval_tui.storage.database import Database
from orgeval_tui.screens.home import HomeScreen

original = HomeScreen.on_home_screen_loaded


def loaded(self, message):
    original(self, message)
    assert self.query_one("#progress").row_count > 0

    def shown():
        print(f"SHOWN {time.perf_counter()!r}", file=sys.stderr)
        self.app.exit()

    self.app.call_after_refresh(shown)


HomeScreen.on_home_screen_loaded = loaded
OrgevalApp(Database.open(sys.argv[1]), keymap={}).run(headless=True)
"""


CACHE = Path(__file__).parent / ".cache"


def run(script: Path, *args: str) -> tuple[float, float]:
    """Wall time of the process, and time from its start to its first screen."""
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(script), *args], capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - began
    if done.returncode != 0:
        raise SystemExit(f"{script.name} failed:\n{done.stderr}")
    stamps = [line for line in done.stderr.splitlines() if line.startswith("SHOWN ")]
    if not stamps:
        raise SystemExit(f"{script.name} never showed its first screen:\n{done.stderr}")
    return elapsed, float(stamps[-1].split()[1]) - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument(
        "--no-pyc", action="store_true", help="children compile every module (no bytecode)"
    )
    args = parser.parse_args()
    if args.no_pyc:
        os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
        os.environ.pop("PYTHONPYCACHEPREFIX", None)
    else:
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["PYTHONPYCACHEPREFIX"] = str(CACHE / "pycache")

    with tempfile.TemporaryDirectory(prefix="orgeval-startup-") as tmp:
        work = Path(tmp)
        # Keep the children away from the user's own config and data.
        os.environ.update(
            HOME=str(work),
            XDG_CONFIG_HOME=str(work / "config"),
            XDG_DATA_HOME=str(work / "data"),
            LANG="zh_CN.UTF-8",
        )
        os.environ.pop("ORGEVAL_DB", None)
        bare, orgeval = work / "bare.py", work / "orgeval_first_screen.py"
        bare.write_text(BARE, encoding="utf-8")
        orgeval.write_text(ORGEVAL, encoding="utf-8")
        db = work / "demo.db"
        print("building the demo database …", flush=True)
        from orgeval_tui.demo.loader import open_demo_database

        open_demo_database(path=db).dispose()

        run(bare)  # warm the page cache (and write the .pyc files) for both sides
        run(orgeval, str(db))
        walls: dict[str, list[float]] = {"bare": [], "orgeval": []}
        firsts: dict[str, list[float]] = {"bare": [], "orgeval": []}
        for i in range(args.repeat):
            for name, script, extra in (("bare", bare, ()), ("orgeval", orgeval, (str(db),))):
                wall, first = run(script, *extra)
                walls[name].append(wall)
                firsts[name].append(first)
            bare_s, ours_s = walls["bare"][-1], walls["orgeval"][-1]
            print(f"run {i + 1}: bare {bare_s:.3f} s, orgeval {ours_s:.3f} s", flush=True)

    bare_wall, ours_wall = statistics.median(walls["bare"]), statistics.median(walls["orgeval"])
    bare_first, ours_first = statistics.median(firsts["bare"]), statistics.median(firsts["orgeval"])
    print(
        f"{platform.machine()}, Python {platform.python_version()}, "
        f"{'no bytecode' if args.no_pyc else 'bytecode cached'}"
    )
    print(f"median of {args.repeat}     process start → exit   start → first screen")
    print(f"bare Textual + sqlmodel  {bare_wall:8.3f} s          {bare_first:8.3f} s")
    print(f"orgeval home screen      {ours_wall:8.3f} s          {ours_first:8.3f} s")
    print(
        f"ratio                    {ours_wall / bare_wall:8.2f}            "
        f"{ours_first / bare_first:8.2f}   (target ≤ 1.5 on process time)"
    )


if __name__ == "__main__":
    main()
