"""The 评议 tab of a unit's screen: self-evaluation (scores and report), the staff
questionnaire item by item, and the peer evaluation, in three sections.

The pane reads its view (``services.review.unit_review``) in its own thread worker,
each time the screen's figures are read (``reload``), so it follows the database and
the evaluation switched to as the other tabs do.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from ..analytics.display import missing, two_decimals
from ..analytics.peer_review import FAR_DEVIATIONS, FAR_POINTS
from ..domain.clock import office_tz
from ..i18n import t
from ..services.presentation import cut, figure_label, figure_value
from ..widgets.figures import Bar, BarChart, FigureTable
from ..widgets.translated import TranslatedBindings
from ..widgets.vim import VimDataTable
from ..widgets.workers import db_worker

SELF_KEYS = ("self_score", "self_maximum", "self_scored_items", "rubric_items")
ITEM_TEXT_MIN = 12
# The widest value of the columns beside an item's text: number, satisfaction, mean, answers.
ITEM_VALUE_CELLS = (2, 6, 4, 4)
CELL_PADDING = 2  # a table's cell has a space on either side
# The pane's scroll bar, and the item table's own: the table is at most as high as the
# pane and scrolls its 25 items itself.
SCROLL_BARS = 4


class ReviewPane(TranslatedBindings, VerticalScroll):
    BINDINGS = [
        Binding("r", "read_report", "key.report", tooltip="key.read_report", id="unit.read_report"),
    ]

    class Loaded(Message):
        def __init__(self, review) -> None:
            super().__init__()
            self.review = review

    def __init__(self, unit_id: int, **kwargs) -> None:
        super().__init__(**kwargs)
        self.unit_id = unit_id
        self.review = None

    def compose(self) -> ComposeResult:
        yield Static(t("review.self"), classes="pane-title")
        yield FigureTable(id="evaluations-table")
        yield Static(t("review.evidence_list"), id="review-evidence-title", classes="figure-title")
        yield FigureTable(id="review-evidence")
        yield Static(t("review.read_hint"), id="review-read-hint", classes="review-note")
        yield Static(t("review.staff"), classes="pane-title")
        yield FigureTable(id="review-staff")
        yield VimDataTable(id="review-items", cursor_type="row", zebra_stripes=True)
        yield Static(t("review.peer"), classes="pane-title")
        yield FigureTable(id="review-peer")
        yield BarChart(id="review-bands")
        yield Static(t("review.flagged"), classes="figure-title")
        yield FigureTable(id="review-flags")
        rule = t("review.flag_rule", points=FAR_POINTS, deviations=FAR_DEVIATIONS)
        yield Static(Text(rule), id="review-rule", classes="review-note")

    def on_mount(self) -> None:
        items = self.query_one("#review-items", VimDataTable)
        items.add_columns(*t("review.item_headers").split("|"))
        for widget in ("#review-evidence-title", "#review-evidence", "#review-read-hint"):
            self.query_one(widget).display = False

    def on_descendant_focus(self, event) -> None:
        # Textual scrolls a focused table to its own top edge, hiding the 自评 title
        # above the first table: with the first table in focus, the pane starts at its top.
        if event.widget.id == "evaluations-table":
            self.call_after_refresh(self.scroll_home, animate=False)

    def reload(self) -> None:
        self.load()

    @db_worker(group="unit-review")
    def load(self) -> None:
        from ..services.review import unit_review

        self.post_message(self.Loaded(unit_review(self.app.database, self.unit_id)))

    def on_review_pane_loaded(self, message: Loaded) -> None:
        message.stop()
        self.review = review = message.review
        self._show_self(review)
        self._show_staff(review)
        self._show_peer(review)

    def on_resize(self) -> None:
        if self.review is not None:
            self._show_items(self.review)

    def _show_self(self, review) -> None:
        rows = []
        if review.self_evaluation is not None:
            document = review.self_evaluation.to_json()
            rows += [
                (figure_label(k), figure_value(k, document.get(k), document)) for k in SELF_KEYS
            ]
        report = review.self_report
        if report is None:
            rows.append((t("review.report"), _no_report(review)))
        else:
            when = report.imported_at.astimezone(office_tz()).strftime("%Y-%m-%d %H:%M")
            rows += [
                (t("review.report"), report.file),
                (t("review.report_imported"), f"{when} {report.imported_by}"),
                (t("review.report_length"), t("review.report_characters", count=report.characters)),
                (t("review.evidence"), t("review.evidence_count", count=len(report.evidence))),
            ]
        self.query_one("#evaluations-table", FigureTable).show(rows)
        evidence = report.evidence if report is not None else ()
        for widget in ("#review-evidence-title", "#review-evidence"):
            self.query_one(widget).display = bool(evidence)
        self.query_one("#review-read-hint").display = report is not None
        self.query_one("#review-evidence", FigureTable).show(
            [(f"{number}.", item) for number, item in enumerate(evidence, start=1)],
            justify="left",
        )

    def _show_staff(self, review) -> None:
        staff = review.staff
        table = self.query_one("#review-staff", FigureTable)
        items = self.query_one("#review-items", VimDataTable)
        items.display = staff is not None
        if staff is None:
            table.show([(t("review.staff_responses"), missing())])
            return
        table.show(
            [
                (t("review.staff_responses"), str(staff.staff_responses)),
                (figure_label("item_count"), str(staff.item_count)),
                (figure_label("staff_satisfaction"), two_decimals(staff.staff_satisfaction)),
            ]
        )
        self._show_items(review)

    def _show_items(self, review) -> None:
        items = self.query_one("#review-items", VimDataTable)
        # The pane's own width, not its content's: the scroll bars come and go as the
        # content grows, without a resize to tell; _item_side_cells counts them always.
        room = self.size.width or self.app.size.width
        width = max(ITEM_TEXT_MIN, room - _item_side_cells())
        cursor = items.cursor_row
        items.clear()
        for item in review.staff_items:
            items.add_row(
                str(item.number),
                cut(item.text, width),
                Text(two_decimals(item.satisfaction), justify="right"),
                Text(two_decimals(item.mean), justify="right"),
                Text(str(item.answers), justify="right"),
            )
        items.move_cursor(row=cursor)

    def _show_peer(self, review) -> None:
        peer = review.peer
        table = self.query_one("#review-peer", FigureTable)
        bands = self.query_one("#review-bands", BarChart)
        flags = self.query_one("#review-flags", FigureTable)
        for widget in (bands, flags):
            widget.display = peer is not None
        if peer is None:
            table.show([(t("review.peer_responses"), missing())])
            return
        figures, departments = peer.figures, peer.departments
        not_responded = t("ingest.separator").join(departments.missing) or t("review.none")
        table.show(
            [
                (figure_label("peer_score"), two_decimals(figures.peer_score)),
                (t("review.peer_responses"), str(figures.peer_responses)),
                (
                    t("review.departments"),
                    t(
                        "review.departments_of",
                        responded=len(departments.responded),
                        asked=len(departments.asked),
                    ),
                ),
                (t("review.not_responded"), not_responded),
            ]
        )
        bands.show(
            t("review.distribution"), [Bar(b.label, b.count, str(b.count)) for b in peer.bands]
        )
        flags.show(
            [(flag.department, _flag_text(flag)) for flag in peer.flags]
            or [(t("review.none"), "")],
            justify="left",
        )

    def action_read_report(self) -> None:
        review = self.review
        if review is None or review.self_report is None:
            self.notify(_no_report(review) if review else t("review.no_report"), severity="warning")
            return
        from ..dialogs.self_report import SelfReportScreen

        self.app.push_screen(SelfReportScreen(review.unit, review.self_report))


def _no_report(review) -> str:
    """Why there is no report: not imported yet, or the unit is not one evaluated (no
    report can be imported for it)."""
    return t("review.no_report") if review.evaluated else t("review.not_evaluated")


def _item_side_cells() -> int:
    """The cells the item table takes beside its text: the other columns (as wide as
    their header or their widest value), every cell's padding, the scroll bars."""
    number, _text, *others = t("review.item_headers").split("|")
    widths = [
        max(cell_len(header), value)
        for header, value in zip([number, *others], ITEM_VALUE_CELLS, strict=True)
    ]
    return sum(widths) + CELL_PADDING * (len(widths) + 1) + SCROLL_BARS


def _flag_text(flag) -> str:
    if flag.rule == "same":
        return t("review.flag_same", score=two_decimals(flag.score))
    far = t(
        "review.flag_far",
        score=two_decimals(flag.score),
        mean=two_decimals(flag.others_mean),
        gap=two_decimals(abs(flag.gap)),
    )
    if flag.deviations is None:
        return far
    return far + t("review.flag_deviations", deviations=f"{flag.deviations:.1f}")
