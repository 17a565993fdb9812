"""The TUI's problem ledger on a 100,000-problem ledger: opening it, paging, searching,
sorting, filtering and the detail pane, against a bare screen push.

Builds (once, cached under bench/.cache/, the same file as ledger_ls.py) the ledger of
ledger_data.py, copies it (the app may write: WAL, schema check) and, in one process,
runs the app headless at 80×24 in Chinese. After the home screen and its workers,
`--repeat` times, alternating:
  bare      push a plain `Screen` holding one Static: its first paint (the baseline);
  ledger    push `LedgerScreen()` and walk it, each step timed from the key (or the
            push) to
              handled  the screen's handler of the answer has returned
                       (`on_ledger_screen_page_loaded`, or `on_ledger_screen_detail_loaded`
                       for the problem the cursor is on);
              shown    the first frame after that which holds the new page (its first
                       row's number) or the new detail, laid out and rendered by the
                       compositor (`Screen._compositor_refresh` hands `app._display` an
                       update for the screen) and turned into terminal bytes
                       (`render_segments`, which headless mode skips);
            and for the open also its first paint (the table still loading).
            Steps: open; `n` (second page); `>` (last page, OFFSET 99,800); `!`
            (overdue only); `/` 挂牌 ⏎ and `/` 编制 ⏎ (timed from the Enter); `x`
            (untimed), `s` (by deadline); `>` (by deadline, last page); `!` (overdue,
            by deadline); `↓` (the detail of the next problem). Every worker ends
            and the screen settles between steps;
  service   the same reads without the UI: `ledger.read_page` with the query and offset
            the screen's worker asked for in that step, `ledger.show` for the
            detail's problem (both from `orgeval_tui.services.ledger`, `today` from
            `domain.clock.office_today`); the page read's split into its count and its
            list is taken by timing `count_problems` and `list_problems` where
            `read_page` calls them.
The time the screen's worker spent in `ledger.read_page` (or `ledger.show`) is
recorded too ("sql in worker": the screen looks them up on the module at call time,
where the bench wraps them), so what is left of "handled" is the screen: the worker's
start, the message, the table's 200 rows. "full GCs" counts the collector's
generation-2 passes inside the timed steps (summed over the rounds). The first round
(imports, the first ORM use) is reported apart and not in the medians. `--explain`
prints SQLite's query plan of each step's page read (`ledger.read_page` with the step's
query).

    uv run python bench/tui_ledger.py [--problems 100000] [--repeat 7] [--explain]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import inspect
import os
import platform
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from ledger_data import build  # noqa: E402

CACHE = Path(__file__).parent / ".cache"

# (name, key, what the screen shows after it); the key is None for the open.
STEPS = (
    ("open", None, "all, as recorded, page 1"),
    ("next", "n", "all, page 2"),
    ("last", "greater_than_sign", "all, last page"),
    ("overdue", "exclamation_mark", "overdue only, page 1"),
    ("search 挂牌", "enter", "search 挂牌, page 1"),
    ("search 编制", "enter", "search 编制, page 1"),
    ("by deadline", "s", "all, by deadline, page 1"),
    ("by deadline, last", "greater_than_sign", "all, by deadline, last page"),
    ("overdue by deadline", "exclamation_mark", "overdue, by deadline, page 1"),
    ("detail", "down", "the next problem's detail"),
)
KEY_CHARS = {"greater_than_sign": ">", "exclamation_mark": "!", "enter": "\r", "slash": "/"}


class Probe:
    """Times what the app does after a key, from inside its event loop."""

    def __init__(self, app) -> None:
        self.app = app
        self.began = 0.0
        self.target = None  # the screen class whose frames we watch
        self.watch = None  # "page" or "detail": which answer marks "handled"
        self.expect = None  # text the frame that shows the answer holds
        self.first_paint = self.handled = self.shown = self.home_paint = None
        self.sql = 0.0  # seconds the screen's worker spent in the services, this step
        self.asked = None  # the arguments of the worker's last such call, this step
        self.full_gcs = 0  # the collector's full (generation 2) passes, this step
        self.changed = asyncio.Event()
        display = app._display

        def timed_display(screen, update):
            display(screen, update)
            if update is None:
                return
            if self.target is not None and isinstance(screen, self.target):
                if self.first_paint is None:
                    update.render_segments(app.console)
                    self.first_paint = time.perf_counter() - self.began
                if self.handled is not None and self.shown is None:
                    text = update.render_segments(app.console)
                    if self.expect is None or self.expect in text:
                        self.shown = time.perf_counter() - self.began
            elif self.target is None and self.home_paint is None:
                self.home_paint = time.perf_counter() - self.began
            self.changed.set()

        app._display = timed_display

        def collected(phase, info):
            if phase == "start" and info["generation"] == 2 and self.shown is None:
                self.full_gcs += 1

        gc.callbacks.append(collected)

    def start(self, target, watch=None) -> None:
        self.target, self.watch, self.expect = target, watch, None
        self.first_paint = self.handled = self.shown = self.home_paint = None
        self.sql = 0.0
        self.asked = None
        self.full_gcs = 0
        self.began = time.perf_counter()

    def answered(self, kind: str, expect: str | None) -> None:
        if self.watch == kind and self.handled is None:
            self.expect = expect
            self.handled = time.perf_counter() - self.began
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


# An offset past the end: `read_page` answers it with the last page.
PAST_END = sys.maxsize


def step_queries() -> dict:
    """Each page step's query, and its offset for `--explain`; in the walk the offsets
    are the ones the screen asks for."""
    from orgeval_tui.services.ledger import PAGE_SIZE, LedgerQuery

    return {
        "open": (LedgerQuery(), 0),
        "next": (LedgerQuery(), PAGE_SIZE),
        "last": (LedgerQuery(), PAST_END),
        "overdue": (LedgerQuery(overdue=True), 0),
        "search 挂牌": (LedgerQuery(search="挂牌"), 0),
        "search 编制": (LedgerQuery(search="编制"), 0),
        "by deadline": (LedgerQuery(order="deadline"), 0),
        "by deadline, last": (LedgerQuery(order="deadline"), PAST_END),
        "overdue by deadline": (LedgerQuery(overdue=True, order="deadline"), 0),
    }


@contextmanager
def split(parts: dict[str, float]):
    """Time the count and the list `read_page` makes (it looks both up in its module)."""
    from orgeval_tui.services.ledger import queries

    saved = {name: getattr(queries, name) for name in ("count_problems", "list_problems")}

    def timed(function, key: str):
        def call(*args, **kwargs):
            began = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                parts[key] = parts.get(key, 0.0) + time.perf_counter() - began

        return call

    queries.count_problems = timed(saved["count_problems"], "count")
    queries.list_problems = timed(saved["list_problems"], "list")
    try:
        yield parts
    finally:
        for name, function in saved.items():
            setattr(queries, name, function)


async def measure(path: Path, repeat: int) -> tuple[dict, dict, dict, dict]:
    from textual import events
    from textual.screen import Screen
    from textual.widgets import Input, Static

    from orgeval_tui.app import OrgevalApp
    from orgeval_tui.domain.clock import office_today
    from orgeval_tui.i18n import set_language
    from orgeval_tui.screens.home import HomeScreen
    from orgeval_tui.services import ledger
    from orgeval_tui.services.ledger import PAGE_SIZE
    from orgeval_tui.storage.database import Database

    set_language("zh")
    database = Database.open(str(path))

    class BareScreen(Screen):
        def compose(self):
            yield Static("问题台账")

    app = OrgevalApp(database, keymap={})
    probe = Probe(app)

    # The screen's worker calls `ledger.read_page` and `ledger.show`, looked up on the
    # module at call time: time what it spends in them and keep what it asked for.
    originals = {"read_page": ledger.read_page, "show": ledger.show}

    def timed(function, kind: str):
        signature = inspect.signature(function)

        def call(*args, **kwargs):
            began = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                if probe.watch == kind and probe.handled is None:
                    probe.sql += time.perf_counter() - began
                    probe.asked = signature.bind(*args, **kwargs).arguments

        return call

    for name, function in originals.items():
        setattr(ledger, name, timed(function, "detail" if name == "show" else "page"))

    ui: dict[str, dict[str, list[float]]] = {}
    service: dict[str, dict[str, list[float]]] = {}
    cold: dict = {}
    bare_paints: list[float] = []

    async with app.run_test(size=(80, 24)) as pilot:

        async def settle() -> None:
            for _ in range(3):
                await pilot.pause()
                await app.workers.wait_for_complete()
            await pilot.pause()

        def press(key: str) -> None:
            event = events.Key(key, KEY_CHARS.get(key, key if len(key) == 1 else None))
            event.set_sender(app)
            app._driver.send_message(event)

        await settle()
        assert isinstance(app.screen, HomeScreen)
        from orgeval_tui.screens.ledger import LedgerScreen

        page_handler = LedgerScreen.on_ledger_screen_page_loaded
        detail_handler = LedgerScreen.on_ledger_screen_detail_loaded

        def on_page(screen, message):
            page_handler(screen, message)
            rows = message.page.rows
            probe.answered("page", rows[0].number if rows else None)

        def on_detail(screen, message):
            detail_handler(screen, message)
            number = message.detail.problem.number
            if number == screen._detail_for:
                probe.answered("detail", number)

        LedgerScreen.on_ledger_screen_page_loaded = on_page
        LedgerScreen.on_ledger_screen_detail_loaded = on_detail

        async def back_home() -> None:
            await settle()
            probe.start(None)
            app.pop_screen()
            await probe.until("home_paint")
            await settle()

        async def step(name: str, key: str) -> dict[str, float]:
            probe.start(LedgerScreen, "detail" if name == "detail" else "page")
            press(key)
            await probe.until("handled", "shown")
            result = {
                "handled": probe.handled,
                "shown": probe.shown,
                "sql": probe.sql,
                "full gcs": probe.full_gcs,
            }
            asked[name] = probe.asked
            await settle()
            return result

        for i in range(repeat + 1):
            probe.start(BareScreen)
            app.push_screen(BareScreen())
            await probe.until("first_paint")
            bare = probe.first_paint
            await back_home()

            run: dict[str, dict[str, float]] = {}
            asked: dict[str, dict] = {}  # step → the arguments of the worker's read
            probe.start(LedgerScreen, "page")
            app.push_screen(LedgerScreen())
            await probe.until("first_paint", "handled", "shown")
            run["open"] = {
                "first paint": probe.first_paint,
                "handled": probe.handled,
                "shown": probe.shown,
                "sql": probe.sql,
                "full gcs": probe.full_gcs,
            }
            asked["open"] = probe.asked
            await settle()
            screen = app.screen
            assert isinstance(screen, LedgerScreen)
            paged = screen.query_one("#ledger-table")
            total = paged.total
            position = str(screen.query_one(".paged-position", Static).render())
            assert paged.table.row_count == PAGE_SIZE, position

            run["next"] = await step("next", "n")
            assert paged.page_offset == PAGE_SIZE, paged.page_offset
            run["last"] = await step("last", "greater_than_sign")
            assert paged.page_offset + paged.table.row_count == total, paged.page_offset
            last_position = str(screen.query_one(".paged-position", Static).render())
            run["overdue"] = await step("overdue", "exclamation_mark")
            assert screen.query_state.overdue and paged.page_offset == 0
            overdue_total = paged.total
            press("exclamation_mark")  # off again, untimed
            await settle()
            assert not screen.query_state.overdue
            found = {}
            for term in ("挂牌", "编制"):
                press("slash")
                await settle()
                screen.query_one("#ledger-search", Input).value = term
                run[f"search {term}"] = await step(f"search {term}", "enter")
                assert screen.query_state.search == term
                found[term] = paged.total
            press("x")  # clear the search, untimed
            await settle()
            assert screen.query_state.search is None and paged.total == total
            run["by deadline"] = await step("by deadline", "s")
            assert screen.query_state.order == "deadline"
            run["by deadline, last"] = await step("by deadline, last", "greater_than_sign")
            assert paged.page_offset + paged.table.row_count == total, paged.page_offset
            run["overdue by deadline"] = await step("overdue by deadline", "exclamation_mark")
            assert screen.query_state.overdue and screen.query_state.order == "deadline"
            overdue_by_deadline = paged.total
            before = screen._detail_for
            run["detail"] = await step("detail", "down")
            number = screen._detail_for
            assert number != before and paged.table.cursor_coordinate.row == 1
            await back_home()

            # The same reads without the UI: what the worker asked for, step by step.
            expected = step_queries()
            assert asked["detail"]["number"] == number, asked["detail"]
            today = office_today()
            reads: dict[str, dict[str, float]] = {}
            for name, arguments in asked.items():
                if name == "detail":
                    began = time.perf_counter()
                    originals["show"](database, arguments["number"], today)
                    shown = time.perf_counter() - began
                    reads[name] = {"count": 0.0, "list": shown, "service": shown}
                    continue
                query, offset = arguments["query"], arguments["offset"]
                assert query == expected[name][0], (name, query)
                size = arguments.get("size", PAGE_SIZE)
                with split({}) as parts:
                    began = time.perf_counter()
                    page = originals["read_page"](database, query, offset, size=size, today=today)
                    read = time.perf_counter() - began
                assert page.offset == offset and page.rows, (name, page.offset, offset)
                reads[name] = {"count": parts["count"], "list": parts["list"], "service": read}

            if i == 0:
                cold = {"bare": bare, "ui": run, "service": reads}
                counts = (
                    f"{total:,} problems ({position}; last page {last_position}), "
                    f"overdue {overdue_total:,}, 挂牌 {found['挂牌']:,}, 编制 {found['编制']:,}, "
                    f"overdue by deadline {overdue_by_deadline:,}"
                )
                print(counts, flush=True)
                print("round 0 (cold): " + _line(bare, run, reads), flush=True)
                continue
            bare_paints.append(bare)
            for name, values in run.items():
                for key, value in values.items():
                    ui.setdefault(name, {}).setdefault(key, []).append(value)
            for name, values in reads.items():
                for key, value in values.items():
                    service.setdefault(name, {}).setdefault(key, []).append(value)
            print(f"round {i}: " + _line(bare, run, reads), flush=True)
    database.dispose()
    return {"bare": bare_paints}, ui, service, cold


def _line(bare: float, run: dict, reads: dict) -> str:
    parts = [f"bare {bare * 1000:.0f}"]
    for name, values in run.items():
        parts.append(
            f"{name} {values['shown'] * 1000:.0f} (sql {values['sql'] * 1000:.0f}"
            f"/{reads[name]['service'] * 1000:.0f})"
        )
    return ", ".join(parts) + " ms"


def explain(path: Path) -> None:
    """SQLite's plan for each step's page read, captured from the service's own SQL."""
    from sqlalchemy import event

    from orgeval_tui.domain.clock import office_today
    from orgeval_tui.services import ledger
    from orgeval_tui.storage.database import Database

    database = Database.open(str(path))
    statements: list[tuple[str, tuple]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        statements.append((statement, parameters))

    event.listen(database.engine, "before_cursor_execute", capture)
    today = office_today()
    plain = sqlite3.connect(path)
    for name, (query, offset) in step_queries().items():
        statements.clear()
        ledger.read_page(database, query, offset, today=today)
        print(f"\n== {name}")
        for statement, parameters in statements:
            if not statement.lstrip().upper().startswith("SELECT"):
                continue
            print("  " + " ".join(statement.split())[:300])
            for row in plain.execute(f"EXPLAIN QUERY PLAN {statement}", parameters):
                print(f"    {row[3]}")
    plain.close()
    database.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--problems", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--explain", action="store_true", help="print the page reads' plans")
    args = parser.parse_args()

    cached = CACHE / f"ledger-{args.problems}.db"
    if not cached.exists():
        print(f"building {cached} …", flush=True)
        began = time.perf_counter()
        build(cached, args.problems)
        print(f"built in {time.perf_counter() - began:.0f} s", flush=True)

    with tempfile.TemporaryDirectory(prefix="orgeval-tui-ledger-") as tmp:
        work = Path(tmp)
        os.environ.update(
            HOME=str(work), XDG_CONFIG_HOME=str(work / "config"), XDG_DATA_HOME=str(work / "d")
        )
        os.environ.pop("ORGEVAL_DB", None)
        path = work / "bench.db"
        shutil.copyfile(cached, path)  # the app may write (WAL, schema check): not the cache
        if args.explain:
            explain(path)
            return
        bare, ui, service, cold = asyncio.run(measure(path, args.repeat))

    ms = 1000

    def med(values: list[float]) -> float:
        return statistics.median(values) * ms

    def cell(values: list[float]) -> str:
        return f"{med(values):.1f} ({max(values) * ms:.0f})"

    base = med(bare["bare"])
    print(
        f"{platform.machine()}, Python {platform.python_version()}, SQLite "
        f"{sqlite3.sqlite_version}; {args.problems:,} problems, 80×24 headless"
    )
    print(f"median (max) of {args.repeat}, ms; ratios to the bare Screen push's first paint")
    print(f"  bare Screen push → first paint: {base:.1f} ({max(bare['bare']) * ms:.0f})")
    print(
        f"  {'step':22s} {'handled':>14s} {'shown':>14s} {'× bare':>7s}"
        f" {'sql in worker':>14s} {'service alone':>14s}"
        f" {'count':>6s} {'list':>6s} {'full GCs':>8s}"
    )
    for name, _key, _what in STEPS:
        values, reads = ui[name], service[name]
        if "first paint" in values:
            paint = values["first paint"]
            print(
                f"  {'open: first paint':22s} {'':>14s} {cell(paint):>14s} {med(paint) / base:7.1f}"
            )
        shown = values["shown"]
        print(
            f"  {name:22s} {cell(values['handled']):>14s} {cell(shown):>14s}"
            f" {med(shown) / base:7.1f} {cell(values['sql']):>14s}"
            f" {cell(reads['service']):>14s}"
            f" {med(reads['count']):6.1f} {med(reads['list']):6.1f}"
            f" {sum(values['full gcs']):8d}"
        )
    print(
        "  round 0 (cold): bare {:.0f}, open first paint {:.0f}, open shown {:.0f}, "
        "detail shown {:.0f} (service alone {:.0f})".format(
            cold["bare"] * ms,
            cold["ui"]["open"]["first paint"] * ms,
            cold["ui"]["open"]["shown"] * ms,
            cold["ui"]["detail"]["shown"] * ms,
            cold["service"]["detail"]["service"] * ms,
        )
    )


if __name__ == "__main__":
    main()
