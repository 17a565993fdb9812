"""`A` on the ledger: the audit records of the highlighted problem (every field each
change set, who and when, newest first), read in a worker; escape closes it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Static

from ..i18n import t
from ..widgets.audit_trail import AuditTrail
from ..widgets.translated import TranslatedBindings
from ..widgets.vim import literal
from ..widgets.workers import db_worker

AUDIT_SHOWN = 200  # the newest records; `orgeval audit log` reads further back


class ProblemAuditScreen(TranslatedBindings, ModalScreen[None]):
    BINDINGS = [Binding("escape", "dismiss", "tui.close", id="problem_audit.close")]

    class Read(Message):
        def __init__(self, page) -> None:
            super().__init__()
            self.page = page

    def __init__(self, problem_id: int, number: str) -> None:
        super().__init__()
        self.problem_id, self.number = problem_id, number

    def compose(self) -> ComposeResult:
        with Vertical(id="problem-audit-box"):
            title = t("tui.audit.problem_title", number=self.number)
            yield Static(literal(title), id="problem-audit-title")
            yield AuditTrail(id="problem-audit")

    def on_mount(self) -> None:
        self.query_one(AuditTrail).table.focus()
        self.read()

    @db_worker(group="problem-audit")
    def read(self) -> None:
        from ..services.audit_log import read_audit

        page = read_audit(self.app.database, problem_id=self.problem_id, limit=AUDIT_SHOWN)
        self.post_message(self.Read(page))

    def on_problem_audit_screen_read(self, message: Read) -> None:
        self.query_one(AuditTrail).show(message.page)
