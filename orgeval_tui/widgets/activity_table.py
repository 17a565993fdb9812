"""A unit's on-site activities as a table: Enter opens one, `a` starts one."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message

from .vim import VimDataTable


class ActivityTable(VimDataTable):
    BINDINGS = [
        Binding(
            "a",
            "add",
            "key.fieldwork.add_short",
            tooltip="key.fieldwork.add",
            id="fieldwork.add",
        ),
    ]

    class AddWanted(Message):
        """The user asked for a new activity of the unit shown."""

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "add":
            # The screen showing the table knows whose activities they are.
            may_add = getattr(self.screen, "may_work_on_unit", None)
            return True if may_add is None or may_add() else None
        return True

    def action_add(self) -> None:
        self.post_message(self.AddWanted())
