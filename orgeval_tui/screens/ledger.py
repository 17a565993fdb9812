"""The problem ledger (问题台账): every problem, filtered, sorted, searched; one in detail
with its timeline; each step of its life one key and a small form, for one problem or
for all selected ones.

The table holds one page (200 rows) at a time, read in a worker with the filters, so a
ledger of 100,000 problems opens and pages as fast as one of ten, and fitted again to
the terminal's width when it changes. The steps the footer offers are those the
highlighted problem (or any selected one) allows; a step's form names the selected
problems that refuse it.
"""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from ..dialogs import ledger_forms as forms
from ..dialogs.form import FormScreen
from ..domain.clock import office_today
from ..i18n import t
from ..services import ledger
from ..widgets.ledger_detail import describe_query, detail_text, fit_columns, row_cells
from ..widgets.live import LiveScreen
from ..widgets.paged_table import PagedTable
from ..widgets.translated import TranslatedBindings
from ..widgets.vim import literal
from ..widgets.workers import db_worker
from .ledger_steps import LedgerSteps

STEP_KEYS = (
    ("f", "feedback"),
    ("m", "plan"),
    ("r", "report"),
    ("v", "verify"),
    ("o", "reopen"),
    ("e", "extend"),
    ("w", "withdraw"),
)
STEPS_GROUP = Binding.Group("key.steps")  # the footer: "r v o e w 步骤"


def _step_binding(key: str, step: str, group: Binding.Group | None = None) -> Binding:
    """The footer says the step in a word (all a problem allows fit at 80 columns), or,
    for a selection open to more steps than fit, their keys under one word (``group``);
    `?` says each in full."""
    return Binding(
        key,
        f"{'steps' if group else 'step'}('{step}')",
        f"key.step.{step}",
        tooltip=f"ledger.action.{step}",
        id=f"ledger.{step}",
        group=group,
    )


class LedgerTable(PagedTable):
    """The ledger's pages: the footer keeps its room for the steps of a problem's life."""

    BINDINGS = [
        Binding("n", "next_page", "key.next_page", show=False, id="paged.next"),
        Binding("p", "previous_page", "key.previous_page", show=False, id="paged.previous"),
    ]


class LedgerScreen(LedgerSteps, LiveScreen, TranslatedBindings, Screen):
    BINDINGS = [
        Binding("escape", "back", "key.back", show=False, id="ledger.back"),
        Binding("slash", "search", "key.search", id="ledger.search"),
        Binding("F", "filters", "key.filter", id="ledger.filters"),
        Binding(
            "exclamation_mark", "toggle_overdue", "key.overdue", show=False, id="ledger.overdue"
        ),
        Binding("x", "clear_filters", "key.clear_filters", show=False, id="ledger.clear"),
        Binding("s", "next_order", "key.sort", show=False, id="ledger.sort"),
        Binding("S", "reverse_order", "key.reverse", show=False, id="ledger.reverse"),
        Binding("space", "toggle_selected", "key.select", show=False, id="ledger.select"),
        Binding("asterisk", "select_page", "key.select_page", show=False, id="ledger.select_page"),
        Binding("a", "add", "key.step.create", tooltip="ledger.action.create", id="ledger.add"),
        *(_step_binding(key, step) for key, step in STEP_KEYS),
        *(_step_binding(key, step, STEPS_GROUP) for key, step in STEP_KEYS),
        Binding("c", "copy_number", "key.copy", show=False, id="ledger.copy_number"),
        Binding("X", "app.export_ledger", "key.export", show=False, id="ledger.export"),
        Binding(
            "A", "audit", "key.audit", tooltip="key.problem_audit", show=False, id="ledger.audit"
        ),
    ]

    class PageLoaded(Message):
        def __init__(self, page: ledger.Page, at_end: bool, marker=None) -> None:
            super().__init__()
            self.page, self.at_end, self.marker = page, at_end, marker

    class DetailLoaded(Message):
        def __init__(self, detail, today) -> None:
            super().__init__()
            self.detail, self.today = detail, today

    class ChoicesLoaded(Message):
        def __init__(self, units, categories, then: str) -> None:
            super().__init__()
            self.units, self.categories, self.then = units, categories, then

    def __init__(self, query: ledger.LedgerQuery | None = None) -> None:
        super().__init__()
        self.query_state = query or ledger.LedgerQuery()
        self.page_rows: dict[str, object] = {}  # number → ProblemView, this page
        self.selected: dict[str, int] = {}  # number → the version the user saw
        self.units: list[tuple[str, str]] = []
        self.categories: list[str] = []
        self._choices_loaded = False
        self.today = office_today()
        self._detail_for: str | None = None
        self._page: ledger.Page | None = None  # the page shown, fitted again on a resize
        self._cursor_to: str | None = None  # a problem to put the cursor on when shown

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="ledger-filters")
        yield Input(placeholder=t("tui.ledger.search_hint"), id="ledger-search")
        yield LedgerTable(t("tui.ledger.headers").split("|"), ledger.PAGE_SIZE, id="ledger-table")
        with VerticalScroll(id="ledger-detail"):
            yield Static(t("tui.ledger.no_problem"), id="ledger-detail-text")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = t("tui.ledger.title")
        self.query_one(PagedTable).table.focus()
        self.query_one(PagedTable).loading = True
        self.reload(0)

    # Reading, in workers.

    def reload(self, offset: int | None = None, at_end: bool = False) -> None:
        table = self.query_one(PagedTable)
        self._show_filters()
        self.load_page(table.page_offset if offset is None else offset, at_end)

    def _show_filters(self) -> None:
        line = describe_query(self.query_state, selected=len(self.selected))
        self.query_one("#ledger-filters", Static).update(literal(line))

    @db_worker(group="ledger-page")
    def load_page(self, offset: int, at_end: bool) -> None:
        from ..services.changes import data_marker

        marker = data_marker(self.app.database)
        page = ledger.read_page(self.app.database, self.query_state, offset)
        self.post_message(self.PageLoaded(page, at_end, marker))

    def refresh_data(self) -> None:
        self._detail_for = None  # the highlighted problem may have changed too
        self.reload()

    @db_worker(group="ledger-detail")
    def load_detail(self, number: str) -> None:
        today = office_today()
        self.post_message(self.DetailLoaded(ledger.show(self.app.database, number, today), today))

    def _with_choices(self, then: str) -> bool:
        """Whether the units and categories to choose from are there; if not, they are
        read (when a form first wants them, not when the screen opens) and ``then``, an
        action of this screen, runs again."""
        if not self._choices_loaded:
            self.load_choices(then)
        return self._choices_loaded

    @db_worker(group="ledger-choices")
    def load_choices(self, then: str) -> None:
        from ..services.presentation import walk_tree
        from ..services.units import unit_tree

        database = self.app.database
        units = [(node.name, node.name) for _, node in walk_tree(unit_tree(database))]
        self.post_message(self.ChoicesLoaded(units, ledger.categories(database), then))

    def on_ledger_screen_choices_loaded(self, message: ChoicesLoaded) -> None:
        self.units, self.categories = message.units, message.categories
        self._choices_loaded = True
        getattr(self, f"action_{message.then}")()

    def on_ledger_screen_page_loaded(self, message: PageLoaded) -> None:
        self.shown_marker = message.marker
        page = message.page
        self._page = page
        self.today = page.today
        self.page_rows = {p.number: p for p in page.rows}
        highlighted = self._cursor_to or self._highlighted_number()
        self._cursor_to = None
        self._show_page(highlighted, message.at_end)
        self.query_one(PagedTable).loading = False
        if not self.page_rows:
            self._detail_for = None
            self.query_one("#ledger-detail-text", Static).update(t("tui.ledger.no_problem"))
        self._show_highlighted()
        self.refresh_bindings()

    def _show_page(self, highlighted: str | None, at_end: bool = False) -> None:
        """The page's rows, the titles cut to the room the table has now."""
        table, page = self.query_one(PagedTable), self._page
        rows, widths = fit_columns(
            [row_cells(p, self.today, p.number in self.selected) for p in page.rows],
            table.columns,
            table.table.size.width or self.size.width,
        )
        table.show_page(
            page.offset, page.total, rows, at_end=at_end, keys=list(self.page_rows), widths=widths
        )
        if highlighted in self.page_rows and not at_end:
            table.table.move_cursor(row=list(self.page_rows).index(highlighted))

    def on_resize(self) -> None:
        # After the layout has its new sizes: the table's width is what the titles fit.
        self.call_after_refresh(self._refit)

    def _refit(self) -> None:
        if self._page is not None:
            self._show_page(self._highlighted_number())

    def on_paged_table_page_wanted(self, message: PagedTable.PageWanted) -> None:
        at_end = message.offset < message.table.page_offset
        self.load_page(message.offset, at_end)

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._show_highlighted()
        self.refresh_bindings()

    def _show_highlighted(self) -> None:
        number = self._highlighted_number()
        if number is not None and number != self._detail_for:
            self._detail_for = number
            self.load_detail(number)

    def on_ledger_screen_detail_loaded(self, message: DetailLoaded) -> None:
        if message.detail.problem.number != self._detail_for:
            return  # the cursor has moved on
        text = detail_text(message.detail, message.today)
        self.query_one("#ledger-detail-text", Static).update(text)

    def _highlighted_number(self) -> str | None:
        table = self.query_one(PagedTable).table
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    # Filters, search, order.

    def _requery(self, **changes) -> None:
        self.query_state = replace(self.query_state, **changes)
        self.selected.clear()
        self.reload(0)

    def action_search(self) -> None:
        box = self.query_one("#ledger-search", Input)
        box.value = self.query_state.search or ""
        box.display = True
        box.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "ledger-search":
            return
        self._close_search()
        self._requery(search=event.value.strip() or None)

    def _close_search(self) -> None:
        self.query_one("#ledger-search", Input).display = False
        self.query_one(PagedTable).table.focus()

    def action_back(self) -> None:
        if self.query_one("#ledger-search", Input).display:
            self._close_search()
        else:
            self.app.pop_screen()

    def action_toggle_overdue(self) -> None:
        self._requery(overdue=not self.query_state.overdue)

    def action_clear_filters(self) -> None:
        query = self.query_state
        self.query_state = ledger.LedgerQuery(order=query.order, descending=query.descending)
        self.selected.clear()
        self.reload(0)

    def action_next_order(self) -> None:
        orders = ledger.ORDERS
        self._requery(order=orders[(orders.index(self.query_state.order) + 1) % len(orders)])

    def action_reverse_order(self) -> None:
        self._requery(descending=not self.query_state.descending)

    def action_filters(self) -> None:
        if not self._with_choices("filters"):
            return
        fields = forms.filter_fields(self.query_state, self.units, self.categories)

        def chosen(values) -> None:
            if values is not None:
                self._requery(**values)

        self.app.push_screen(FormScreen(t("tui.ledger.filters_title"), fields, dict), chosen)

    def action_audit(self) -> None:
        from ..dialogs.problem_audit import ProblemAuditScreen

        problem = self.page_rows.get(self._highlighted_number())
        if problem is not None:
            self.app.push_screen(ProblemAuditScreen(problem.id, problem.number))

    def action_copy_number(self) -> None:
        number = self._highlighted_number()
        if number is not None:
            self.app.copy_to_clipboard(number)
            self.notify(t("tui.copied", text=number))
