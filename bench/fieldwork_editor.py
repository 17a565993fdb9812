"""The note editor with a 20,000-character note: a typed character to its paint, and the
pauses the draft kept every second causes, with the service (`save_draft`) included.

In one process, runs the app headless at 80×24 on a database filled through the services
(one unit, one interview whose notes are 20,000 Chinese characters in 400 lines under
the outline's headings), then types `--keys` Chinese characters, one every `--gap` ms,
into each of (the bare one twice, the first time to warm up):
  bare      a plain `Screen` holding a Textual `TextArea` (soft wrap, the same text):
            the baseline, what Textual itself costs;
  editor    `app.open_activity(id)`: the note editor, its draft written at most once a
            second in a thread (`fieldwork.save_draft`, one UPDATE of the 20,000
            characters), the outline's answered marks worked out on the way.
For every key: the key posted as the terminal would, until the first frame after the
text box took it, turned into the bytes a terminal would get (`render_segments`, which
headless mode skips). For the editor, the autosave's own time on the UI thread (taking
the text and arming the write; taking the answer and marking the outline) and the
event loop's longest stall while a draft was being written (a 5 ms ticker's lateness).
Targets: key → paint median under 16 ms; no autosave pause over 50 ms.

    uv run python bench/fieldwork_editor.py [--keys 200] [--gap 40]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

UNIT = "县工业和信息化局"
TYPED = "岗位职责基本清晰但窗口人员不足群众等候时间较长档案管理规范"
NOTE_LENGTH = 20_000


def build(path: Path) -> int:
    """The database, and the id of the interview with its 20,000-character note."""
    from orgeval_tui.services import fieldwork
    from orgeval_tui.services.evaluations import create_evaluation
    from orgeval_tui.services.units import add_unit
    from orgeval_tui.storage.database import Database

    database = Database.open(str(path))
    add_unit(database, UNIT)
    create_evaluation(
        database, "2026年度评估", date(2026, 6, 30), number_prefix="2026", units=[UNIT]
    )
    made = fieldwork.add_activity(database, UNIT, "interview", date(2026, 11, 20))
    lines, length, index = [], 0, 0
    while length < NOTE_LENGTH:
        if index % 80 == 0:
            line = fieldwork.heading(made.outline[index // 80 % len(made.outline)])
        else:
            line = (TYPED * 2)[index % 7 : index % 7 + 48]
        lines.append(line)
        length += len(line) + 1
        index += 1
    notes = "\n".join(lines)[:NOTE_LENGTH]
    fieldwork.save_notes(database, made.id, notes)
    database.dispose()
    return made.id


class Probe:
    """Times the first frame after a mark (as bench/scoring_screen.py does)."""

    def __init__(self, app) -> None:
        self.app, self.began, self.marked, self.painted = app, 0.0, None, None
        self.changed = asyncio.Event()
        display = app._display

        def timed_display(screen, update):
            display(screen, update)
            if update is None or self.marked is None or self.painted is not None:
                return
            update.render_segments(app.console)
            self.painted = time.perf_counter() - self.began
            self.changed.set()

        app._display = timed_display

    def start(self) -> None:
        self.marked, self.painted = None, None
        self.changed.clear()
        self.began = time.perf_counter()

    def mark(self) -> None:
        if self.marked is None:
            self.marked = time.perf_counter() - self.began

    async def until_painted(self, timeout: float = 10.0) -> float:
        await asyncio.wait_for(self.changed.wait(), timeout)
        return self.painted


class Stalls:
    """The event loop's lateness, sampled by a 5 ms ticker, kept while ``watching``."""

    def __init__(self) -> None:
        self.watching, self.worst, self._task = False, 0.0, None

    async def _tick(self) -> None:
        while True:
            before = time.perf_counter()
            await asyncio.sleep(0.005)
            late = time.perf_counter() - before - 0.005
            if self.watching:
                self.worst = max(self.worst, late)

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._tick())

    def stop(self) -> None:
        self._task.cancel()


async def measure(path: Path, activity_id: int, keys: int, gap: float) -> dict:
    from textual import events
    from textual.screen import Screen
    from textual.widgets import TextArea

    from orgeval_tui.app import OrgevalApp
    from orgeval_tui.screens import fieldwork as editor_module
    from orgeval_tui.services import fieldwork
    from orgeval_tui.storage.database import Database

    notes = fieldwork.activity_detail(Database.open(str(path)), activity_id).notes
    database = Database.open(str(path))
    app = OrgevalApp(database, keymap={})
    probe = Probe(app)
    stalls = Stalls()
    autosave_ui: list[float] = []
    Editor = editor_module.FieldworkScreen

    class BareScreen(Screen):
        def compose(self):
            yield TextArea(notes, soft_wrap=True, compact=True, id="bare")

        def on_text_area_changed(self, event) -> None:
            probe.mark()

    changed, write_now, written = (
        Editor.on_text_area_changed,
        Editor._write_now,
        Editor.on_notes_io_draft_written,
    )

    def on_changed(screen, event):
        changed(screen, event)
        probe.mark()

    def timed(method):
        def run(screen, *args):
            began = time.perf_counter()
            method(screen, *args)
            autosave_ui.append(time.perf_counter() - began)

        return run

    writing = []
    keys_during_writes: list[float] = []  # with the editor only: the bare box writes none

    def watched_write_now(screen):
        stalls.watching = True
        writing.append(time.perf_counter())
        write_now(screen)

    def watched_written(screen, message):
        written(screen, message)
        stalls.watching = False

    Editor.on_text_area_changed = on_changed
    Editor._write_now = timed(watched_write_now)
    Editor.on_notes_io_draft_written = timed(watched_written)

    async def settle(pilot) -> None:
        for _ in range(3):
            await pilot.pause()
            await app.workers.wait_for_complete()
        await pilot.pause()

    async def type_into(area) -> list[float]:
        area.focus()
        area.move_cursor(area.document.end)
        await settle(pilot)
        latencies = []
        for index in range(keys):
            character = TYPED[index % len(TYPED)]
            probe.start()
            during_write = stalls.watching
            app.post_message(events.Key(character, character))
            latencies.append(await probe.until_painted())
            if during_write or stalls.watching:
                keys_during_writes.append(latencies[-1])
            await asyncio.sleep(gap)
        return latencies

    results: dict = {}
    async with app.run_test(size=(80, 24)) as pilot:
        stalls.start()
        await settle(pilot)
        app.push_screen(BareScreen())
        await settle(pilot)
        bare = app.screen.query_one("#bare", TextArea)
        await type_into(bare)  # warming up: the first keys pay for imports and caches
        bare.load_text(notes)
        results["bare"] = await type_into(bare)
        app.pop_screen()
        await settle(pilot)

        app.open_activity(activity_id)
        await settle(pilot)
        editor = app.screen
        results["editor"] = await type_into(editor.editor)
        await asyncio.sleep(1.5)  # the last draft written
        await settle(pilot)
        stalls.stop()
        kept = fieldwork.activity_detail(database, activity_id).draft
        assert kept == editor.editor.text, "the draft is what was typed"
    results["autosave_ui"] = autosave_ui
    results["stall"] = stalls.worst
    results["writes"] = len(writing)
    results["during_writes"] = keys_during_writes
    results["length"] = len(kept)
    database.dispose()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--gap", type=float, default=40, help="ms between keys")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="orgeval-fieldwork-") as tmp:
        work = Path(tmp)
        os.environ.update(
            HOME=str(work), XDG_CONFIG_HOME=str(work / "config"), XDG_DATA_HOME=str(work / "d")
        )
        os.environ.pop("ORGEVAL_DB", None)
        path = work / "bench.db"
        activity_id = build(path)
        results = asyncio.run(measure(path, activity_id, args.keys, args.gap / 1000))

    print(f"{platform.machine()}, Python {platform.python_version()}, {sys.platform}")
    print(
        f"{args.keys} Chinese characters, one every {args.gap:.0f} ms, into a "
        f"{NOTE_LENGTH:,}-character note (ending at {results['length']:,}), 80×24 headless:"
    )
    print(f"  {'':40s} {'median':>8s} {'p95':>8s} {'max':>8s}")
    for key, label in (
        ("bare", "bare TextArea: key → paint"),
        ("editor", "note editor: key → paint"),
    ):
        values = sorted(results[key])
        p95 = values[int(len(values) * 0.95) - 1]
        print(
            f"  {label:40s} {statistics.median(values) * 1000:6.1f} ms"
            f" {p95 * 1000:6.1f} ms {max(values) * 1000:6.1f} ms"
        )
    bare, editor = statistics.median(results["bare"]), statistics.median(results["editor"])
    ui = results["autosave_ui"]
    print(f"  drafts written: {results['writes']}")
    during = results["during_writes"]
    if during:
        print(
            f"  keys typed while a draft was written: {len(during)}, key → paint longest "
            f"{max(during) * 1000:.1f} ms"
        )
    print(f"  autosave on the UI thread, longest: {max(ui) * 1000:.1f} ms")
    print(
        f"  event loop's longest stall while a draft was written: {results['stall'] * 1000:.1f} ms"
    )
    print(f"  editor / bare median: {editor / bare:.2f}")
    pause = max(max(ui), results["stall"], *(during or [0.0]))
    print(
        f"  key → paint median {editor * 1000:.1f} ms (target < 16 ms: "
        f"{'met' if editor < 0.016 else 'not met'})"
    )
    print(
        f"  longest autosave pause {pause * 1000:.1f} ms (target < 50 ms: "
        f"{'met' if pause < 0.050 else 'not met'})"
    )


if __name__ == "__main__":
    main()
