"""Opening a unit screen whose unit has a large duty log: time to first paint, and to its
figures.

Builds (once, cached under bench/.cache/) the pilot demo database plus N extra work-log
entries (default 100,000) for 县工业和信息化局 over 2020, drawn from its own duty
catalogue, people and sections. Then, in one process, runs the app headless at 80×24,
waits for the home screen (and its workers), and `--repeat` times, alternating:
  bare      pushes a plain `Screen` holding one Static (the baseline for a screen push);
  unit      calls `app.open_unit(bureau)`;
each time from the call until
  first paint   the pushed screen's first frame: the compositor has laid it out and
                rendered it (`Screen._compositor_refresh` hands `app._display` an update
                for that screen), and that update has been turned into the bytes a
                terminal would get (`render_segments`, which headless mode skips);
  figures       (unit only) `UnitScreen.Loaded` handled, i.e. `on_unit_screen_loaded`
                has returned: every pane is filled, from the worker's `unit_figures`;
  figures paint the first frame after that;
  log page      the first page of the work log tab handled (a second worker).
Then it waits for every worker, pops the screen and waits for the home screen's frame.
The first unit open of the process (imports of the unit screen and the analytics) is
reported on its own, and not in the medians.
Targets (medians): the unit screen's first paint under 300 ms; its figures on screen
(the first paint with figures) under 300 ms on the demo (`--entries 0`) and under 500 ms
with 100,000 more entries. The bare screen push is the baseline, measured in the same run.

    uv run python bench/tui_unit_open.py [--entries 100000] [--repeat 9]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

CACHE = Path(__file__).parent / ".cache"
BUREAU = "县工业和信息化局"
START, END = date(2020, 1, 1), date(2020, 12, 31)


def build(path: Path, entries: int) -> None:
    from sqlalchemy import select

    from orgeval_tui.demo.loader import open_demo_database
    from orgeval_tui.models import Unit, WorkLogEntry
    from orgeval_tui.storage.bulk import insert_tuples

    partial = path.with_suffix(".partial")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    database = open_demo_database(path=partial)
    with database.read() as session:
        unit_id = session.scalar(select(Unit.id).where(Unit.name == BUREAU))
        # What the bureau's own log holds: its people with their sections, its duties.
        people = sorted(
            set(
                session.execute(
                    select(WorkLogEntry.person, WorkLogEntry.section_id).where(
                        WorkLogEntry.unit_id == unit_id
                    )
                ).all()
            )
        )
        duty_ids = sorted(
            set(
                session.scalars(select(WorkLogEntry.duty_id).where(WorkLogEntry.unit_id == unit_id))
            )
        )
    rng = random.Random(100_000)
    days = [START + timedelta(days=i) for i in range((END - START).days + 1)]
    days = [d for d in days if d.weekday() < 5]
    keys = ("unit_id", "duty_id", "section_id", "person", "day", "times", "hours")
    rows = []
    for _ in range(entries):
        person, section_id = rng.choice(people)
        rows.append(
            (
                unit_id,
                rng.choice(duty_ids),
                section_id,
                person,
                rng.choice(days),
                rng.randint(1, 3),
                rng.randint(1, 12) / 2,
            )
        )
    with database.write() as session:
        insert_tuples(session, WorkLogEntry.__table__, keys, rows)
    database.dispose()
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    partial.rename(path)


class Probe:
    """Times what the app does after a call, from inside its event loop."""

    def __init__(self, app) -> None:
        self.app = app
        self.began = 0.0
        self.target = None  # the screen class whose first frame we wait for
        self.first_paint = None
        self.after_loaded = None
        self.loaded = None
        self.figures_paint = None
        self.log_page = None
        self.home_paint = None
        self.changed = asyncio.Event()
        display = app._display

        def timed_display(screen, update):
            display(screen, update)
            if update is None:
                return
            now = None
            if self.target is not None and isinstance(screen, self.target):
                if self.first_paint is None:
                    update.render_segments(app.console)
                    now = time.perf_counter()
                    self.first_paint = now - self.began
                if self.loaded is not None and self.figures_paint is None:
                    update.render_segments(app.console)
                    now = now or time.perf_counter()
                    self.figures_paint = now - self.began
            elif self.target is None and self.home_paint is None:
                self.home_paint = time.perf_counter() - self.began
            self.changed.set()

        app._display = timed_display

    def start(self, target) -> None:
        self.target = target
        self.first_paint = self.loaded = self.figures_paint = self.log_page = None
        self.home_paint = None
        self.began = time.perf_counter()

    def mark(self, what: str) -> None:
        setattr(self, what, time.perf_counter() - self.began)
        self.changed.set()

    async def until(self, *names: str, timeout: float = 120.0) -> None:
        deadline = time.perf_counter() + timeout
        while any(getattr(self, name) is None for name in names):
            self.changed.clear()
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"never reached {names}")
            try:
                await asyncio.wait_for(self.changed.wait(), left)
            except TimeoutError:
                pass


async def measure(path: Path, repeat: int) -> dict[str, list[float]]:
    from sqlalchemy import select
    from textual.screen import Screen
    from textual.widgets import Static

    from orgeval_tui.app import OrgevalApp
    from orgeval_tui.models import Unit
    from orgeval_tui.screens.home import HomeScreen
    from orgeval_tui.storage.database import Database

    database = Database.open(str(path))
    with database.read() as session:
        unit_id = session.scalar(select(Unit.id).where(Unit.name == BUREAU))

    class BareScreen(Screen):
        def compose(self):
            yield Static(BUREAU)

    app = OrgevalApp(database, keymap={})
    probe = Probe(app)
    results: dict[str, list[float]] = {
        k: [] for k in ("bare", "first_paint", "loaded", "figures_paint", "log_page")
    }
    cold: dict[str, float] = {}

    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(3):
            await pilot.pause()
            await app.workers.wait_for_complete()
        assert isinstance(app.screen, HomeScreen) and app.screen.query_one("#progress").row_count

        from orgeval_tui.screens.unit import UnitScreen

        loaded_handler = UnitScreen.on_unit_screen_loaded
        log_handler = UnitScreen.on_unit_screen_log_page

        def on_loaded(screen, message):
            loaded_handler(screen, message)
            probe.mark("loaded")

        def on_log_page(screen, message):
            log_handler(screen, message)
            probe.mark("log_page")

        UnitScreen.on_unit_screen_loaded = on_loaded
        UnitScreen.on_unit_screen_log_page = on_log_page

        async def back_home() -> None:
            await app.workers.wait_for_complete()
            await pilot.pause()
            probe.start(None)
            app.pop_screen()
            await probe.until("home_paint")
            await pilot.pause()

        for i in range(repeat + 1):
            probe.start(BareScreen)
            app.push_screen(BareScreen())
            await probe.until("first_paint")
            bare = probe.first_paint
            await back_home()

            probe.start(UnitScreen)
            app.open_unit(unit_id)
            await probe.until("first_paint", "loaded", "figures_paint", "log_page")
            unit = {k: getattr(probe, k) for k in results if k != "bare"}
            assert app.screen.figures.info.name == BUREAU
            await back_home()

            if i == 0:
                cold = {"bare": bare, **unit}
                print("first open (cold): " + _line(cold), flush=True)
                continue
            results["bare"].append(bare)
            for k, v in unit.items():
                results[k].append(v)
            print(f"run {i}: " + _line({"bare": bare, **unit}), flush=True)
    database.dispose()
    return results


def _line(values: dict[str, float]) -> str:
    return ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in values.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    CACHE.mkdir(exist_ok=True)
    cached = CACHE / f"unit-open-{args.entries}.db"
    if not cached.exists():
        print(f"building {cached} …", flush=True)
        build(cached, args.entries)

    with tempfile.TemporaryDirectory(prefix="orgeval-unit-open-") as tmp:
        work = Path(tmp)
        os.environ.update(
            HOME=str(work), XDG_CONFIG_HOME=str(work / "config"), XDG_DATA_HOME=str(work / "d")
        )
        os.environ.pop("ORGEVAL_DB", None)
        path = work / "bench.db"
        shutil.copyfile(cached, path)  # the app may write (WAL, schema check): not the cache
        results = asyncio.run(measure(path, args.repeat))

    print(f"{platform.machine()}, Python {platform.python_version()}, {sys.platform}")
    print(f"median of {args.repeat}, {args.entries:,} extra log entries, 80×24 headless:")
    labels = {
        "bare": "bare Screen push → first paint",
        "first_paint": "open_unit → first paint (panes loading)",
        "loaded": "open_unit → figures handled (Loaded)",
        "figures_paint": "open_unit → first paint with figures",
        "log_page": "open_unit → first log page handled",
    }
    print(f"  {'':44s} {'median':>8s}    {'max':>6s}")
    for key, label in labels.items():
        values = results[key]
        print(
            f"  {label:44s} {statistics.median(values) * 1000:8.1f} ms {max(values) * 1000:6.0f} ms"
        )
    bare = statistics.median(results["bare"])
    ratio = statistics.median(results["first_paint"]) / bare
    print(f"  unit first paint / bare first paint: {ratio:.2f} (target: first paint < 300 ms)")
    figures = statistics.median(results["figures_paint"])
    target = 300 if args.entries == 0 else 500
    print(
        f"  figures on screen / bare first paint: {figures / bare:.1f} "
        f"(target: figures on screen < {target} ms: {'met' if figures * 1000 < target else 'not'})"
    )


if __name__ == "__main__":
    main()
