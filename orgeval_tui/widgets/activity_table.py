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

    def action_add(self) -> None:
        self.post_message(self.AddWanted())
