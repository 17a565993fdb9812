"""A unit's self-evaluation report, its text whole, to read and scroll (the 评议 tab's
`r`). The text is the unit's: shown as written, never as markup."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from ..domain.printable import printable
from ..i18n import t
from ..widgets.translated import TranslatedBindings


class ReportText(TranslatedBindings, VerticalScroll):
    """The text, scrolled by the arrows, page keys and the vim keys."""

    BINDINGS = [
        Binding("j", "scroll_down", "key.down", show=False, id="report.down"),
        Binding("k", "scroll_up", "key.up", show=False, id="report.up"),
        Binding("g", "scroll_home", "key.top", show=False, id="report.top"),
        Binding("G", "scroll_end", "key.bottom", show=False, id="report.bottom"),
    ]


class SelfReportScreen(TranslatedBindings, ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "dismiss", "key.back", id="report.close"),
        Binding("r", "dismiss", "key.back", show=False, id="report.close_again"),
    ]

    def __init__(self, unit: str, report) -> None:
        super().__init__()
        self.unit, self.report = unit, report

    def compose(self) -> ComposeResult:
        title = t("review.report_title", unit=self.unit, file=self.report.file)
        with Vertical(id="report-box"):
            yield Static(Text(printable(title, one_line=True)), id="report-title")
            with ReportText(id="report-scroll"):
                yield Static(Text(printable(self.report.text)), id="report-text")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#report-scroll").focus()
