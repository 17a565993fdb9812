"""Screens that show the database as it is now.

The app reads the data marker (``services.changes``) in a worker every few seconds and
whenever a screen comes back into view; a :class:`LiveScreen` whose figures were read at
another marker reads them again. An idle screen over an unchanged database costs two
index look-ups per poll and no redraw.
"""

from __future__ import annotations

from textual.message import Message


class MarkerRead(Message):
    """The data marker as a worker just read it."""

    def __init__(self, marker) -> None:
        super().__init__()
        self.marker = marker


class UnitIndexReady(Message, bubble=False):
    """The units' names and pinyin initials (for the palette and the tree's filter), read
    at ``marker``: posted to the app, which hands it on to every screen."""

    def __init__(self, entries, marker=None) -> None:
        super().__init__()
        self.entries, self.marker = entries, marker


class SetupRead(Message):
    """What a setting-up form offers to choose from: the units' names (parents first)
    and the current evaluation's name (None when there is none)."""

    def __init__(self, step: str, units: list[str], evaluation: str | None) -> None:
        super().__init__()
        self.step, self.units, self.evaluation = step, units, evaluation


class LiveScreen:
    """Mixed into a Screen: ``shown_marker`` is the marker its figures were read at (its
    load worker reads the marker first, then the figures, and hands both over);
    :meth:`refresh_data` reads them again, keeping the user's place."""

    shown_marker = None

    def refresh_data(self) -> None:
        raise NotImplementedError

    def marker_moved(self, marker) -> None:
        if self.shown_marker is None or self.shown_marker == marker:
            return  # still loading, or nothing changed
        self.shown_marker = marker  # one re-read per change, however many polls see it
        self.refresh_data()

    def on_screen_resume(self) -> None:
        self.app.check_for_changes()
