"""The scoring screen on the demo: time to first paint, to the sheet on screen, and from
a typed key to the totals that count it, with the save (the service call) included.

In one process, runs the app headless at 80×24 on a copy of the demo database, waits
for the home screen, then `--repeat` times, alternating:
  bare          pushes a plain `Screen` holding one Static (the baseline for a push);
  scoring       calls `app.open_scoring("县工业和信息化局")`, timed until
    first paint   the screen's first frame (the table loading), turned into the bytes a
                  terminal would get (`render_segments`, which headless mode skips);
    sheet paint   the first frame after `ScoringScreen.Loaded` is handled (the sheet,
                  read by `score_sheet` in a worker, drawn);
  then, on the open screen, on leaf A1.1 (maximum 4):
    typed → totals   the key "4" posted as the terminal would, until the first frame
                     after the screen redrew its totals with it (`with_my_points`);
    Enter → sent     Enter posted, until the first frame after the score was handed to
                     the saving worker (the totals count it, shown as being saved);
    Enter → saved    until the first frame after the worker's answer (`set_score`
                     done, the sheet updated) is handled.
The first open of the process (imports) is reported on its own, not in the medians.
Targets (medians): first paint under 300 ms; typed score to updated totals under 100 ms
with the service call included (Enter → saved).

    uv run python bench/scoring_screen.py [--repeat 9]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

BUREAU = "县工业和信息化局"
STAGES = ("bare", "first_paint", "sheet_paint", "typed_paint", "sent_paint", "saved_paint")


class Probe:
    """Marks what a handler did, and times the first frame of the screen after it."""

    def __init__(self, app) -> None:
        self.app, self.began, self.target = app, 0.0, None
        self.marks: dict[str, float] = {}
        self.paints: dict[str, float] = {}
        self.changed = asyncio.Event()
        display = app._display

        def timed_display(screen, update):
            display(screen, update)
            if update is None or self.target is None or not isinstance(screen, self.target):
                return
            rendered = False
            for name in ("first", *self.marks):
                if name not in self.paints:
                    if not rendered:
                        update.render_segments(app.console)
                        rendered = True
                    self.paints[name] = time.perf_counter() - self.began
            self.changed.set()

        app._display = timed_display

    def start(self, target) -> None:
        self.target, self.marks, self.paints = target, {}, {}
        self.began = time.perf_counter()

    def mark(self, name: str) -> None:
        self.marks[name] = time.perf_counter() - self.began

    async def until(self, *names: str, timeout: float = 60.0) -> None:
        deadline = time.perf_counter() + timeout
        while any(name not in self.paints for name in names):
            self.changed.clear()
            if time.perf_counter() > deadline:
                raise TimeoutError(f"never painted {names}")
            try:
                await asyncio.wait_for(self.changed.wait(), 0.5)
            except TimeoutError:
                pass


async def measure(path: Path, repeat: int) -> dict[str, list[float]]:
    from textual import events
    from textual.screen import Screen
    from textual.widgets import Static

    from orgeval_tui.app import OrgevalApp
    from orgeval_tui.screens.scoring import ScoringScreen
    from orgeval_tui.storage.database import Database

    class BareScreen(Screen):
        def compose(self):
            yield Static(BUREAU)

    database = Database.open(str(path))
    app = OrgevalApp(database, keymap={})
    probe = Probe(app)
    loaded, answered, redraw, send = (
        ScoringScreen.on_score_io_loaded,
        ScoringScreen.on_score_io_answered,
        ScoringScreen.redraw,
        ScoringScreen.send,
    )

    def sent(screen, *args, **kwargs):
        send(screen, *args, **kwargs)
        probe.mark("sent")

    def on_loaded(screen, message):
        loaded(screen, message)
        probe.mark("loaded")

    def on_answered(screen, message):
        answered(screen, message)
        if message.saved is not None:
            probe.mark("saved")

    def redrawn(screen):
        redraw(screen)
        if screen.typed is not None:
            probe.mark("typed")

    ScoringScreen.on_score_io_loaded = on_loaded
    ScoringScreen.on_score_io_answered = on_answered
    ScoringScreen.redraw = redrawn
    ScoringScreen.send = sent
    results: dict[str, list[float]] = {stage: [] for stage in STAGES}

    async def settle(pilot) -> None:
        for _ in range(3):
            await pilot.pause()
            await app.workers.wait_for_complete()
        await pilot.pause()

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for i in range(repeat + 1):
            probe.start(BareScreen)
            app.push_screen(BareScreen())
            await probe.until("first")
            run = {"bare": probe.paints["first"]}
            await settle(pilot)
            app.pop_screen()
            await settle(pilot)

            probe.start(ScoringScreen)
            app.open_scoring(BUREAU)
            await probe.until("first", "loaded")
            run["first_paint"], run["sheet_paint"] = probe.paints["first"], probe.paints["loaded"]
            await settle(pilot)
            screen = app.screen
            table = screen.query_one("#score-table")
            table.move_cursor(row=table.codes.index("A1.1"))
            await settle(pilot)

            probe.start(ScoringScreen)
            probe.paints["first"] = 0.0
            app.post_message(events.Key("4", "4"))
            await probe.until("typed")
            run["typed_paint"] = probe.paints["typed"]
            await settle(pilot)

            probe.start(ScoringScreen)
            probe.paints["first"] = 0.0
            app.post_message(events.Key("enter", "\r"))
            await probe.until("sent", "saved")
            run["sent_paint"], run["saved_paint"] = probe.paints["sent"], probe.paints["saved"]
            assert screen.sheet.line("A1.1").mine.points == 4
            await settle(pilot)
            app.pop_screen()
            await settle(pilot)

            print(("first open (cold): " if i == 0 else f"run {i}: ") + _line(run), flush=True)
            if i:
                for stage, value in run.items():
                    results[stage].append(value)
    database.dispose()
    return results


def _line(values: dict[str, float]) -> str:
    return ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in values.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    from orgeval_tui.demo.loader import open_demo_database

    with tempfile.TemporaryDirectory(prefix="orgeval-scoring-") as tmp:
        work = Path(tmp)
        os.environ.update(
            HOME=str(work), XDG_CONFIG_HOME=str(work / "config"), XDG_DATA_HOME=str(work / "d")
        )
        os.environ.pop("ORGEVAL_DB", None)
        built = work / "demo.db"
        open_demo_database(path=built).dispose()
        path = work / "bench.db"
        shutil.copyfile(built, path)
        results = asyncio.run(measure(path, args.repeat))

    print(f"{platform.machine()}, Python {platform.python_version()}, {sys.platform}")
    print(f"median of {args.repeat}, the demo, 80×24 headless:")
    labels = {
        "bare": "bare Screen push → first paint",
        "first_paint": "open_scoring → first paint (loading)",
        "sheet_paint": "open_scoring → first paint with the sheet",
        "typed_paint": "key typed → totals on screen",
        "sent_paint": "Enter → totals with the score being saved",
        "saved_paint": "Enter → saved, totals on screen (set_score)",
    }
    print(f"  {'':46s} {'median':>8s}    {'max':>6s}")
    for key, label in labels.items():
        values = results[key]
        print(
            f"  {label:46s} {statistics.median(values) * 1000:8.1f} ms {max(values) * 1000:6.0f} ms"
        )
    bare = statistics.median(results["bare"])
    targets = (
        ("first_paint", 300),
        ("typed_paint", 100),
        ("sent_paint", 100),
        ("saved_paint", 100),
    )
    for key, target in targets:
        median = statistics.median(results[key])
        verdict = "met" if median * 1000 < target else "not met"
        print(f"  {key} / bare first paint: {median / bare:.2f} (target < {target} ms: {verdict})")


if __name__ == "__main__":
    main()
