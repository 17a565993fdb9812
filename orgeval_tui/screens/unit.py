"""One unit: overview, roster, duties, services, evaluations, on-site activities,
problems and the audit trail, in tabs.

The screen paints at once with its panes loading; the figures arrive from a worker.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

from ..analytics.display import one_decimal
from ..domain.printable import printable
from ..domain.roles import Need
from ..i18n import t
from ..services.presentation import figure_label
from ..widgets.activity_table import ActivityTable
from ..widgets.audit_trail import AuditTrail
from ..widgets.figures import BarChart, FigureTable
from ..widgets.live import LiveScreen
from ..widgets.paged_table import PagedTable
from ..widgets.translated import TranslatedBindings
from ..widgets.vim import VimDataTable
from ..widgets.workers import db_worker
from . import unit_tabs
from .unit_audit import AuditTab
from .unit_fieldwork import FieldworkTab
from .unit_review import ReviewPane

LOG_FIT = (4, {1: 6, 2: 10})  # the duty's name takes what is left; person, section capped
TAB_KEYS = Binding.Group("key.tabs", compact=False)  # the footer: "] [ 页签"
TABS = (
    "overview",
    "roster",
    "duties",
    "log",
    "services",
    "evaluations",
    "fieldwork",
    "problems",
    "audit",
)


class UnitScreen(FieldworkTab, AuditTab, LiveScreen, TranslatedBindings, Screen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "key.back", id="unit.back"),
        Binding(
            "right_square_bracket",
            "next_tab",
            "key.next_tab",
            tooltip="key.next_tab",
            id="unit.next_tab",
            group=TAB_KEYS,
        ),
        Binding(
            "left_square_bracket",
            "previous_tab",
            "key.prev_tab",
            tooltip="key.prev_tab",
            id="unit.prev_tab",
            group=TAB_KEYS,
        ),
        Binding("c", "copy_number", "key.copy", show=False, id="unit.copy_number"),
        Binding(
            "L", "unit_ledger", "key.ledger_short", tooltip="key.unit_ledger", id="unit.ledger"
        ),
        Binding("s", "score", "key.score", tooltip="key.score_unit", id="unit.score"),
        # Not in the footer: at 80 columns in English it has no room beside a chart's
        # or the log's keys. `?` and the palette (生成报告：…) say it.
        Binding(
            "R",
            "write_report",
            "key.write_report",
            tooltip="key.write_report_full",
            show=False,
            id="unit.write_report",
        ),
    ]

    class Loaded(Message):
        def __init__(self, figures, marker) -> None:
            super().__init__()
            self.figures, self.marker = figures, marker

    def __init__(self, unit_id: int) -> None:
        super().__init__()
        self.unit_id = unit_id
        self.figures = None

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="tabs"):
            with TabPane(t("tui.tab.overview"), id="overview"):
                with VerticalScroll():
                    yield FigureTable(id="overview-table")
            with TabPane(t("tui.tab.roster"), id="roster"):
                with VerticalScroll():
                    yield FigureTable(id="roster-table")
                    yield BarChart(id="roster-ages")
                    yield BarChart(id="roster-education")
                    yield BarChart(id="roster-ranks")
                    yield FigureTable(id="roster-children")
            with TabPane(t("tui.tab.duties"), id="duties"):
                with VerticalScroll():
                    yield FigureTable(id="duties-table")
                    yield BarChart(id="duties-categories")
                    yield BarChart(id="duties-sections")
                    yield BarChart(id="duties-months")
                    yield Static("", id="duties-never-title", classes="figure-title")
                    yield FigureTable(id="duties-never")
            with TabPane(t("tui.tab.log"), id="log"):
                yield PagedTable(t("tui.log.headers").split("|"), fit=LOG_FIT, id="log-table")
            with TabPane(t("tui.tab.services"), id="services"):
                with VerticalScroll():
                    yield FigureTable(id="services-table")
            with TabPane(t("tui.tab.evaluations"), id="evaluations"):
                yield ReviewPane(self.unit_id, id="review")
            with TabPane(t("tui.tab.fieldwork"), id="fieldwork"):
                yield Static(t("tui.fieldwork.none"), id="fieldwork-empty", classes="figure-title")
                yield ActivityTable(id="fieldwork-table", cursor_type="row", zebra_stripes=True)
            with TabPane(t("tui.tab.problems"), id="problems"):
                yield VimDataTable(id="problems-table", cursor_type="row", zebra_stripes=True)
            with TabPane(t("tui.tab.audit"), id="audit"):
                yield AuditTrail(id="audit-trail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        problems = self.query_one("#problems-table", VimDataTable)
        problems.add_columns(*t("tui.problems.headers").split("|"))
        self.setup_fieldwork()
        # Only the pane in view shows it is loading (and the next one viewed before the
        # figures come): each indicator animates, and seven of them take turns on the
        # interpreter with the worker computing the figures.
        self.query_one(TabPane).loading = True
        self.load()

    @db_worker(group="unit")
    def load(self) -> None:
        from ..services.changes import data_marker
        from ..services.workspace import unit_figures

        marker = data_marker(self.app.database)
        self.post_message(self.Loaded(unit_figures(self.app.database, self.unit_id), marker))

    def refresh_data(self) -> None:
        self.load()

    def on_unit_screen_loaded(self, message: Loaded) -> None:
        first = self.figures is None
        self.shown_marker = message.marker
        self.figures = figures = message.figures
        info = figures.info
        self.title = printable(info.name, one_line=True)
        self.sub_title = f"{t('unit.kind.' + info.kind)}  {figure_label('as_of')} {figures.as_of}"
        unit_tabs.show_overview(self, figures)
        unit_tabs.show_roster(self, figures)
        unit_tabs.show_duties(self, figures)
        unit_tabs.show_services(self, figures)
        unit_tabs.show_evaluations(self, figures)
        self._show_problems(figures)
        self.load_activities()
        self.reload_audit()
        if first:
            for pane in self.query(TabPane):
                pane.loading = False
            self.query_one("#overview-table", FigureTable).focus()
        if figures.duties and figures.log_span is not None:
            self.load_log_page(self.query_one("#log-table", PagedTable).page_offset)

    @db_worker(group="unit-log")
    def load_log_page(self, offset: int) -> None:
        from ..services.worklog import log_page

        period = self.figures.log_span
        page = log_page(self.app.database, self.unit_id, period.start, period.end, offset)
        self.post_message(self.LogPage(page))

    class LogPage(Message):
        def __init__(self, page) -> None:
            super().__init__()
            self.page = page

    def on_unit_screen_log_page(self, message: LogPage) -> None:
        page = message.page
        rows = [
            (
                line.day.isoformat(),
                line.person,
                line.section or "—",
                line.duty_code,
                line.duty_name,
                str(line.times),
                one_decimal(line.hours),
            )
            for line in page.lines
        ]
        note = t("tui.log.period", period=self.figures.log_span.shown)
        self.query_one("#log-table", PagedTable).show_page(page.offset, page.total, rows, note=note)

    def on_paged_table_page_wanted(self, message: PagedTable.PageWanted) -> None:
        self.load_log_page(message.offset)

    def _show_problems(self, figures) -> None:
        table = self.query_one("#problems-table", VimDataTable)
        cursor = table.cursor_row
        table.clear()
        for problem in figures.problems:
            status = t(f"tui.status.{problem.status}")
            deadline = problem.deadline.isoformat() if problem.deadline else "—"
            table.add_row(
                problem.number,
                problem.title,
                status,
                f"{deadline} !" if problem.overdue else deadline,
                key=problem.number,
            )
        table.move_cursor(row=cursor)

    def action_next_tab(self) -> None:
        self._step_tab(1)

    def action_previous_tab(self) -> None:
        self._step_tab(-1)

    def _step_tab(self, step: int) -> None:
        tabs = self.query_one("#tabs", TabbedContent)
        index = TABS.index(tabs.active) if tabs.active in TABS else 0
        tabs.active = TABS[(index + step) % len(TABS)]
        self.call_after_refresh(self._focus_active_pane)

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if self.figures is None:
            event.pane.loading = True
        if event.pane.id == "audit":
            self.open_audit()
        self.call_after_refresh(self._focus_active_pane)

    def _focus_active_pane(self) -> None:
        pane = self.query_one("#tabs", TabbedContent).active_pane
        if pane is None:
            return
        target = next(
            (
                w
                for w in pane.query("*")
                if w.focusable and w.display and isinstance(w, DataTable | BarChart)
            ),
            None,
        )
        if target is not None:
            target.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "problems-table" and self.figures is not None:
            self.app.open_problem(str(event.row_key.value), self.figures.info.name)
        elif event.data_table.id == "fieldwork-table":
            self.open_activity_row(str(event.row_key.value))

    def action_unit_ledger(self) -> None:
        if self.figures is not None:
            self.app.action_ledger(self.figures.info.name)

    def may_work_on_unit(self) -> bool:
        return self.app.may(Need.CASEWORK, self.unit_id)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "score":
            return True if self.may_work_on_unit() else None
        return True

    def action_score(self) -> None:
        if self.figures is not None and self.may_work_on_unit():
            self.app.open_scoring(self.figures.info.name)

    def action_write_report(self) -> None:
        from ..dialogs.report import report_dialog

        if self.figures is not None:
            self.app.push_screen(report_dialog(self.app.database, self.figures.info.name))

    def action_copy_number(self) -> None:
        table = self.query_one("#problems-table", VimDataTable)
        if table.row_count == 0:
            return
        number = str(table.get_row_at(table.cursor_row)[0])
        self.app.copy_to_clipboard(number)
        self.notify(t("tui.copied", text=number))
