"""The note editor's text box and lists, with their keys named in the user's language
(`?` / F1 lists them)."""

from __future__ import annotations

from textual.widgets import OptionList, TextArea

from .translated import TranslatedBindings


class NotesArea(TranslatedBindings, TextArea):
    """Notes as typed: soft-wrapped, no line numbers, tab moves on to the outline."""


class ChoiceList(TranslatedBindings, OptionList):
    """The outline's questions, the activity's findings."""
