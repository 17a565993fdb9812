"""The note editor's text box and lists, with their keys named in the user's language
(`?` / F1 lists them).

The text box shows user text, so no control character in it may reach the terminal:
Textual's TextArea writes an ESC as it is (a note holding ``ESC[2J`` would clear the
screen). The editor loads notes through ``printable`` and a paste goes through it here;
a key typed is never a control character."""

from __future__ import annotations

from textual import events
from textual.widgets import OptionList, TextArea

from ..domain.printable import printable
from .translated import TranslatedBindings


def typed_text(text: str) -> str:
    """Text as the notes keep it: line ends made ``\\n``, control characters visible."""
    return printable(text.replace("\r\n", "\n").replace("\r", "\n"))


class NotesArea(TranslatedBindings, TextArea):
    """Notes as typed: soft-wrapped, no line numbers, tab moves on to the outline."""

    async def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # instead of TextArea's own, which inserts it as it came
        if self.read_only:
            return
        result = self.replace(typed_text(event.text), *self.selection)
        self.move_cursor(result.end_location)
        self.focus()


class ChoiceList(TranslatedBindings, OptionList):
    """The outline's questions, the activity's findings."""
