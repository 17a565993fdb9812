"""The 实地 (on-site) tab of a unit's screen: the unit's activities of the current
evaluation, read in a worker; Enter opens one in the note editor, `a` starts one.

Mixed into the unit screen, which calls :meth:`load_activities` once it knows the
unit's name and whenever it comes back into view (a draft left by the editor is not an
audited change, so the data marker alone would not show it)."""

from __future__ import annotations

from textual.message import Message
from textual.widgets import Static

from ..i18n import t
from ..widgets.activity_table import ActivityTable
from ..widgets.workers import db_worker


def activity_cells(row) -> tuple[str, ...]:
    from ..services import fieldwork

    return (
        row.held_on.isoformat(),
        fieldwork.kind_label(row.kind),
        row.place or "—",
        str(row.findings),
        t("tui.fieldwork.draft_mark") if row.has_draft else "",
    )


class FieldworkTab:
    """``figures`` (its ``info.name``) and ``app`` are the unit screen's."""

    class ActivitiesRead(Message):
        def __init__(self, rows) -> None:
            super().__init__()
            self.rows = rows

    def setup_fieldwork(self) -> None:
        table = self.query_one("#fieldwork-table", ActivityTable)
        table.add_columns(*t("tui.fieldwork.headers").split("|"))
        self.query_one("#fieldwork-empty", Static).display = False

    def on_screen_resume(self) -> None:
        """Textual calls this besides the live screen's own (each class's handler runs)."""
        self.load_activities()

    def load_activities(self) -> None:
        if self.figures is not None:
            self.read_activities(self.figures.info.name)

    @db_worker(group="unit-fieldwork")
    def read_activities(self, unit: str) -> None:
        from ..services import fieldwork

        self.post_message(self.ActivitiesRead(fieldwork.list_activities(self.app.database, unit)))

    def on_fieldwork_tab_activities_read(self, message: ActivitiesRead) -> None:
        table = self.query_one("#fieldwork-table", ActivityTable)
        cursor = table.cursor_row
        table.clear()
        for row in message.rows:
            table.add_row(*activity_cells(row), key=str(row.id))
        table.move_cursor(row=cursor)
        self.query_one("#fieldwork-empty", Static).display = not message.rows

    def open_activity_row(self, key: str) -> None:
        self.app.open_activity(int(key))

    def on_activity_table_add_wanted(self, message: ActivityTable.AddWanted) -> None:
        from ..dialogs.fieldwork_forms import new_activity_form

        if self.figures is None or not self.may_work_on_unit():
            return
        form = new_activity_form(self.app.database, self.figures.info.name)
        self.app.push_screen(form, self._activity_started)

    def _activity_started(self, activity_id: int | None) -> None:
        if activity_id is not None:
            self.load_activities()
            self.app.open_activity(activity_id)
