"""What the note editor reads and writes, each in a thread: the activity, the draft as it
is typed, the notes when the editor is left, a finding sent to the ledger.

The draft is written at most once a second while the notes change: a key marks the
notes changed and, if no write is waiting, arms a timer for a second after the last
write began; the timer takes the text (on the UI thread: a join of the lines) and hands
it to a thread. A key never waits on the database, and a slow write (another evaluator's
transaction holding the file) only delays the next one. The writes of one editor go
through one lock, so a draft written late never lands after the notes were saved and
the draft cleared."""

from __future__ import annotations

import threading
from time import monotonic

from textual import work
from textual.message import Message

from ..domain.errors import ConflictError, UserError
from ..widgets.workers import WorkFailed, db_worker

AUTOSAVE_SECONDS = 1.0


class NotesIO:
    """Mixed into the note editor (``activity_id``, ``detail``, ``notes_text`` and
    ``outline_questions`` are its)."""

    class Read(Message):
        def __init__(self, detail) -> None:
            super().__init__()
            self.detail = detail

    class DraftWritten(Message):
        """A draft write's end: when it was kept (None: refused, ``error`` says why),
        and the questions the text answers."""

        def __init__(self, saved_at, answered, error: str | None = None) -> None:
            super().__init__()
            self.saved_at, self.answered, self.error = saved_at, answered, error

    class NotesSaved(Message):
        def __init__(self, detail) -> None:
            super().__init__()
            self.detail = detail

    class Refused(Message):
        """A write refused: ``reason`` says why; the editor stays, the text kept."""

        def __init__(self, reason: str, conflict: bool = False) -> None:
            super().__init__()
            self.reason, self.conflict = reason, conflict

    class FindingSent(Message):
        def __init__(self, finding) -> None:
            super().__init__()
            self.finding = finding

    def start_keeping(self) -> None:
        # Named apart from a message pump's own state (Textual's ``_closed``, ``_timer``):
        # a screen whose ``_closed`` is set takes no more messages.
        self._draft_lock = threading.Lock()
        self._notes_saving = False  # the notes are being (or were) saved: no draft after that
        self._notes_changed = False
        self._draft_writing = False
        self._draft_began = float("-inf")
        self._draft_timer = None

    @db_worker(group="fieldwork-read")
    def read_activity(self) -> None:
        from ..services import fieldwork

        self.post_message(self.Read(fieldwork.activity_detail(self.app.database, self.activity_id)))

    # ── the draft ──────────────────────────────────────────────────────────

    def notes_changed(self) -> None:
        """A key changed the notes: cheap, it only arms the timer."""
        self._notes_changed = True
        self._arm()

    def _arm(self) -> None:
        if self._draft_timer is not None or self._draft_writing or self._notes_saving:
            return
        # Textual's timers take no zero delay; the first key after a quiet second writes at once.
        delay = max(0.01, self._draft_began + AUTOSAVE_SECONDS - monotonic())
        self._draft_timer = self.set_timer(delay, self._write_now, name="draft")

    def _write_now(self) -> None:
        self._draft_timer = None
        if not self._notes_changed or self._draft_writing or self._notes_saving:
            return
        self._notes_changed = False
        self._draft_writing = True
        self._draft_began = monotonic()
        self.write_draft(self.notes_text())

    @work(thread=True, group="fieldwork-draft")
    def write_draft(self, text: str) -> None:
        from ..services import fieldwork

        with self._draft_lock:
            if self._notes_saving:
                self.post_message(self.DraftWritten(None, None))
                return
            try:
                saved_at = fieldwork.save_draft(self.app.database, self.activity_id, text)
            except Exception as exc:  # noqa: BLE001 - said on the editor's line, typing goes on
                self.post_message(self.DraftWritten(None, None, _reason(exc)))
                return
        answered = set(fieldwork.answers(text, self.outline_questions()))
        self.post_message(self.DraftWritten(saved_at, answered))

    def draft_written(self, message: DraftWritten) -> None:
        self._draft_writing = False
        if self._notes_changed:
            self._arm()

    def keep_draft_now(self) -> None:
        """The terminal is gone: what was typed since the last draft is written at once,
        in this thread, as there is no screen left to keep responsive (a draft being
        written is waited for through the lock)."""
        with self._draft_lock:
            if self._notes_changed and not self._notes_saving:
                self._notes_changed = False
                self._keep_draft(self.notes_text())

    def stop_keeping(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None

    # ── the notes ──────────────────────────────────────────────────────────

    @work(thread=True, group="fieldwork-save")
    def write_notes(self, text: str, version: int) -> None:
        """The notes saved and the draft cleared; a save made meanwhile by someone else
        is refused, and then the text is kept as the draft (the one typed since the last
        draft write included)."""
        from ..services import fieldwork

        with self._draft_lock:
            self._notes_saving = True
            try:
                detail = fieldwork.save_notes(self.app.database, self.activity_id, text, version)
            except ConflictError as exc:
                self._notes_saving = False
                self._keep_draft(text)
                self.post_message(self.Refused(str(exc), conflict=True))
                return
            except UserError as exc:
                self._notes_saving = False
                self._keep_draft(text)
                self.post_message(self.Refused(str(exc)))
                return
            except Exception as exc:  # noqa: BLE001 - the one handler shows it
                self._notes_saving = False
                self._keep_draft(text)
                self.app.post_message(WorkFailed(exc))
                self.post_message(self.Refused(_reason(exc)))
                return
        self.post_message(self.NotesSaved(detail))

    def _keep_draft(self, text: str) -> None:
        from ..services import fieldwork

        try:
            fieldwork.save_draft(self.app.database, self.activity_id, text)
        except Exception:  # noqa: BLE001, S110 - the refusal shown says the rest
            pass

    # ── findings ───────────────────────────────────────────────────────────

    @work(thread=True, group="fieldwork-ledger")
    def send_to_ledger(self, finding_id: int) -> None:
        from ..services import fieldwork

        try:
            sent = fieldwork.finding_to_ledger(self.app.database, finding_id)
        except UserError as exc:
            self.post_message(self.Refused(str(exc)))
            return
        except Exception as exc:  # noqa: BLE001 - the one handler shows it
            self.app.post_message(WorkFailed(exc))
            return
        self.post_message(self.FindingSent(sent))


def _reason(exc: BaseException) -> str:
    from ..i18n.os_errors import os_error_message

    if isinstance(exc, UserError):
        return str(exc)
    if isinstance(exc, OSError):
        return os_error_message(exc)
    return f"{type(exc).__name__}: {exc}"
