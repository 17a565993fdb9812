"""The 审计 tab of a unit's screen: the audit records of the unit and of its problems,
scores, sections and on-site work, newest first (``services.audit_log``), read in a
worker when the tab is first opened and again whenever the screen's data changes."""

from __future__ import annotations

from textual.message import Message

from ..widgets.audit_trail import AuditTrail
from ..widgets.workers import db_worker

AUDIT_SHOWN = 200  # the newest records; `orgeval audit log --unit` reads further back


class AuditTab:
    """``unit_id`` and ``app`` are the unit screen's."""

    audit_wanted = False

    class AuditRead(Message):
        def __init__(self, page) -> None:
            super().__init__()
            self.page = page

    def open_audit(self) -> None:
        """The tab came into view: read it the first time, then keep it current."""
        if not self.audit_wanted:
            self.audit_wanted = True
            self.read_audit()

    def reload_audit(self) -> None:
        if self.audit_wanted:
            self.read_audit()

    @db_worker(group="unit-audit")
    def read_audit(self) -> None:
        from ..services.audit_log import read_audit

        page = read_audit(self.app.database, unit_id=self.unit_id, limit=AUDIT_SHOWN)
        self.post_message(self.AuditRead(page))

    def on_audit_tab_audit_read(self, message: AuditRead) -> None:
        self.query_one("#audit-trail", AuditTrail).show(message.page)
