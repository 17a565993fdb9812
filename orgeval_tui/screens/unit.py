"""One unit: overview, roster, duties, services, evaluations and problems, in tabs.

The screen paints at once with its panes loading; the figures arrive from a worker.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, TabbedContent, TabPane

from ..analytics.display import one_decimal, percent, two_decimals
from ..analytics.ladders import EDUCATION_KEYS, RANK_KEYS
from ..domain.printable import printable
from ..i18n import t
from ..services.presentation import figure_label, figure_value
from ..widgets.figures import Bar, BarChart, FigureTable
from ..widgets.paged_table import PagedTable
from ..widgets.translated import TranslatedBindings
from ..widgets.vim import VimDataTable
from ..widgets.workers import db_worker

TABS = ("overview", "roster", "duties", "log", "services", "evaluations", "problems")


def _rows(figures, keys) -> list[tuple[str, str]]:
    document = figures.to_json()
    return [(figure_label(k), figure_value(k, document.get(k))) for k in keys if k in document]


class UnitScreen(TranslatedBindings, Screen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "key.back", id="unit.back"),
        Binding("right_square_bracket", "next_tab", "key.next_tab", id="unit.next_tab"),
        Binding("left_square_bracket", "previous_tab", "key.prev_tab", id="unit.prev_tab"),
        Binding("c", "copy_number", "key.copy", show=False, id="unit.copy_number"),
        Binding("L", "unit_ledger", "key.unit_ledger", id="unit.ledger"),
    ]

    class Loaded(Message):
        def __init__(self, figures) -> None:
            super().__init__()
            self.figures = figures

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
                    yield FigureTable(id="duties-never")
            with TabPane(t("tui.tab.log"), id="log"):
                yield PagedTable(t("tui.log.headers").split("|"), id="log-table")
            with TabPane(t("tui.tab.services"), id="services"):
                with VerticalScroll():
                    yield FigureTable(id="services-table")
            with TabPane(t("tui.tab.evaluations"), id="evaluations"):
                with VerticalScroll():
                    yield FigureTable(id="evaluations-table")
                    yield BarChart(id="evaluations-items")
            with TabPane(t("tui.tab.problems"), id="problems"):
                yield VimDataTable(id="problems-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        problems = self.query_one("#problems-table", VimDataTable)
        problems.add_columns(*t("tui.problems.headers").split("|"))
        for pane in self.query(TabPane):
            pane.loading = True
        self.load()

    @db_worker(group="unit")
    def load(self) -> None:
        from ..services.workspace import unit_figures

        self.post_message(self.Loaded(unit_figures(self.app.database, self.unit_id)))

    def on_unit_screen_loaded(self, message: Loaded) -> None:
        self.figures = figures = message.figures
        info = figures.info
        self.title = printable(info.name, one_line=True)
        self.sub_title = f"{t('unit.kind.' + info.kind)}  {figure_label('as_of')} {figures.as_of}"
        self._show_overview(figures)
        self._show_roster(figures)
        self._show_duties(figures)
        self._show_services(figures)
        self._show_evaluations(figures)
        self._show_problems(figures)
        for pane in self.query(TabPane):
            pane.loading = False
        self.query_one("#overview-table", FigureTable).focus()
        if figures.duties:
            self.load_log_page(0)

    @db_worker(group="unit-log")
    def load_log_page(self, offset: int) -> None:
        from ..services.worklog import log_page

        period = self.figures.duties[0][0]
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
        self.query_one("#log-table", PagedTable).show_page(page.offset, page.total, rows)

    def on_paged_table_page_wanted(self, message: PagedTable.PageWanted) -> None:
        self.load_log_page(message.offset)

    def _show_overview(self, figures) -> None:
        info = figures.info
        rows = [(t("tui.overview.unit"), info.name)]
        if info.parent:
            rows.append((t("tui.overview.parent"), info.parent))
        if info.children:
            rows.append((t("tui.overview.children"), "、".join(info.children)))
        rows += [
            (
                t("tui.overview.quota"),
                f"{info.quota_total} ({info.quota_admin}/{info.quota_public}/{info.quota_service})",
            ),
            (t("tui.overview.leaders"), str(info.quota_leaders)),
            (t("tui.overview.headcount"), str(info.headcount)),
            (t("tui.overview.vacancies"), str(info.vacancies)),
        ]
        roster = figures.roster
        if roster is not None:
            rows += [
                (figure_label("avg_age"), one_decimal(roster.avg_age)),
                (figure_label("female_share"), percent(roster.female_share)),
                (
                    figure_label("section_level_or_above_share"),
                    percent(roster.section_level_or_above_share),
                ),
            ]
        for period, duty in figures.duties[:1]:
            rows += [
                (f"{period.label} {figure_label('execution_rate')}", percent(duty.execution_rate)),
                (f"{period.label} {figure_label('fill_rate')}", percent(duty.fill_rate)),
                (f"{period.label} {figure_label('workload_ratio')}", percent(duty.workload_ratio)),
            ]
        for period, cases in figures.cases:
            rows.append((f"{period.label} {figure_label('cases')}", str(cases.cases)))
        if figures.peer is not None:
            rows.append((figure_label("peer_score"), two_decimals(figures.peer.peer_score)))
        if roster is not None:
            for flag in roster.flags:
                rows.append((t("tui.overview.flags"), figure_value("id", flag.id)))
        self.query_one("#overview-table", FigureTable).show(rows)

    def _show_roster(self, figures) -> None:
        roster = figures.roster
        table = self.query_one("#roster-table", FigureTable)
        if roster is None:
            table.show([(t("tui.overview.headcount"), t("tui.overview.no_data"))])
            return
        keys = (
            "headcount",
            "female",
            "female_share",
            "avg_age",
            "college_or_above_share",
            "bachelor_or_above_share",
            "section_level_or_above_share",
            "quota_total",
            "quota_usage",
            "vacancies",
        )
        table.show(_rows(roster, keys))
        bands = roster.age_bands
        self.query_one("#roster-ages", BarChart).show(
            figure_label("age_bands"),
            [Bar(figure_label(k), bands[k], str(bands[k])) for k in bands if k != "unknown"],
        )
        self.query_one("#roster-education", BarChart).show(
            figure_label("education"),
            [
                Bar(figure_label(k), roster.education[k], str(roster.education[k]))
                for k in EDUCATION_KEYS.values()
            ],
        )
        self.query_one("#roster-ranks", BarChart).show(
            figure_label("rank"),
            [Bar(figure_label(k), roster.rank[k], str(roster.rank[k])) for k in RANK_KEYS.values()],
        )
        comparison = self.query_one("#roster-children", FigureTable)
        comparison.display = bool(figures.children)
        comparison.show(
            [
                (
                    name,
                    f"{figure_label('headcount')} {child.headcount}  "
                    f"{figure_label('avg_age')} {one_decimal(child.avg_age)}  "
                    f"{figure_label('college_or_above_share')} "
                    f"{percent(child.college_or_above_share)}",
                )
                for name, child in figures.children
            ]
        )

    def _show_duties(self, figures) -> None:
        table = self.query_one("#duties-table", FigureTable)
        if not figures.duties:
            table.show([(figure_label("duties_defined"), t("tui.overview.no_data"))])
            return
        period, duty = figures.duties[0]
        keys = (
            "duties_defined",
            "duties_executed",
            "execution_rate",
            "business_share_by_count",
            "business_share_by_hours",
            "workdays",
            "persons",
            "fill_rate",
            "workload_ratio",
        )
        table.show([(t("tui.overview.period"), period.label), *_rows(duty, keys)])
        self.query_one("#duties-categories", BarChart).show(
            figure_label("share_by_hours"),
            [
                Bar(figure_label(k), v["share_by_hours"] or 0, percent(v["share_by_hours"]))
                for k, v in duty.to_json()["by_category"].items()
                if k != "unknown"
            ],
        )
        self.query_one("#duties-sections", BarChart).show(
            f"{figure_label('per_section')} {figure_label('hours')}",
            [Bar(r.section or "—", r.hours, one_decimal(r.hours)) for r in duty.per_section],
        )
        self.query_one("#duties-months", BarChart).show(
            f"{figure_label('per_month')} {figure_label('hours')}",
            [Bar(r.month, r.hours, one_decimal(r.hours)) for r in duty.per_month],
        )
        self.query_one("#duties-never", FigureTable).show(
            [(f"{d.code}", d.name) for d in duty.never_executed]
        )

    def _show_services(self, figures) -> None:
        rows = []
        for period, cases in figures.cases:
            rows.append((t("tui.overview.period"), period.label))
            rows += _rows(
                cases,
                (
                    "cases",
                    "cases_per_capita",
                    "on_time_rate",
                    "satisfaction_rate",
                    "county_average_cases",
                    "vs_county_average",
                    "above_county_average",
                ),
            )
        self.query_one("#services-table", FigureTable).show(
            rows or [(figure_label("cases"), t("tui.overview.no_data"))]
        )

    def _show_evaluations(self, figures) -> None:
        rows = []
        if figures.self_evaluation is not None:
            rows += _rows(
                figures.self_evaluation,
                ("self_score", "self_maximum", "self_scored_items", "rubric_items"),
            )
        if figures.peer is not None:
            rows += _rows(figures.peer, ("peer_score", "peer_responses", "peer_departments"))
        survey = figures.staff_survey
        if survey is not None:
            rows += _rows(survey, ("staff_responses", "item_count", "staff_satisfaction"))
            self.query_one("#evaluations-items", BarChart).show(
                figure_label("item_means"),
                [Bar(f"{i.number}", i.mean or 0, two_decimals(i.mean)) for i in survey.item_means],
            )
        self.query_one("#evaluations-table", FigureTable).show(
            rows or [(figure_label("peer_score"), t("tui.overview.no_data"))]
        )

    def _show_problems(self, figures) -> None:
        table = self.query_one("#problems-table", VimDataTable)
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

    def action_next_tab(self) -> None:
        self._step_tab(1)

    def action_previous_tab(self) -> None:
        self._step_tab(-1)

    def _step_tab(self, step: int) -> None:
        tabs = self.query_one("#tabs", TabbedContent)
        index = TABS.index(tabs.active) if tabs.active in TABS else 0
        tabs.active = TABS[(index + step) % len(TABS)]
        self.call_after_refresh(self._focus_active_pane)

    def on_tabbed_content_tab_activated(self, _event: TabbedContent.TabActivated) -> None:
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

    def action_unit_ledger(self) -> None:
        if self.figures is not None:
            self.app.action_ledger(self.figures.info.name)

    def action_copy_number(self) -> None:
        table = self.query_one("#problems-table", VimDataTable)
        if table.row_count == 0:
            return
        number = str(table.get_row_at(table.cursor_row)[0])
        self.app.copy_to_clipboard(number)
        self.notify(t("tui.copied", text=number))
