"""What the scoring screen reads and writes, each in a worker: the unit's score sheet
(with the data marker it was read at), a score, finalising the unit's scores and
reopening them. A write's answer comes back as :class:`ScoreIO.Answered`;
a refusal (a ``UserError``) is an answer too, shown on the screen with what was typed
kept, not an error dialog."""

from __future__ import annotations

from dataclasses import dataclass, replace

from textual.message import Message

from ..domain.errors import UserError
from ..i18n import t
from ..widgets.score_entry import Typed
from ..widgets.workers import db_worker


@dataclass(frozen=True)
class Pending:
    """A score sent to be saved: what the totals show meanwhile, and what was typed (put
    back if it is refused)."""

    points: float | None
    na: bool
    typed: Typed | None
    note: str


class ScoreIO:
    """Mixed into the scoring screen (``unit``, ``sheet``, ``say`` and ``ask`` are its)."""

    class Loaded(Message):
        def __init__(self, sheet, marker) -> None:
            super().__init__()
            self.sheet, self.marker = sheet, marker

    @db_worker(group="scoring")
    def load(self) -> None:
        from ..services.changes import data_marker
        from ..services.score_sheet import score_sheet

        marker = data_marker(self.app.database)
        try:
            sheet = score_sheet(self.app.database, self.unit)
        except UserError as exc:
            self.post_message(self.Answered(str(exc), refused=True))
            return
        self.post_message(self.Loaded(sheet, marker))

    def refresh_data(self) -> None:
        self.load()

    class Answered(Message):
        """A worker's answer: ``text`` to show, ``refused`` when nothing was done;
        ``code`` and ``saved`` for a score."""

        def __init__(self, text: str, refused: bool, code=None, saved=None) -> None:
            super().__init__()
            self.text, self.refused, self.code, self.saved = text, refused, code, saved

    @db_worker(group="scoring-save")
    def save(self, code: str, pending: Pending, count: int | None, expected: int) -> None:
        from ..services.scores import set_score

        value = (
            {"na": True}
            if pending.na
            else {"count": count}
            if count is not None
            else {"points": pending.points}
        )
        try:
            saved = set_score(
                self.app.database,
                self.unit,
                code,
                note=pending.note,
                expected_version=expected,
                **value,
            )
        except UserError as exc:
            self.post_message(self.Answered(str(exc), refused=True, code=code))
            return
        self.post_message(self.Answered("", refused=False, code=code, saved=saved))

    # ── finalising ─────────────────────────────────────────────────────────

    def action_finalize(self) -> None:
        if self.sheet is not None:
            self.finalize()

    @db_worker(group="scoring-lock")
    def finalize(self) -> None:
        from ..services.scores import finalize

        try:
            unit = finalize(self.app.database, self.unit)
        except UserError as exc:
            self.post_message(self.Answered(str(exc), refused=True))
            return
        self.post_message(self.Answered(t("scoring.finalized_done", unit=unit), refused=False))

    def action_reopen(self) -> None:
        if self.sheet is None:
            return
        if not self.sheet.finalized:
            self.say(t("scoring.not_finalized", unit=self.sheet.unit), refused=True)
            return
        self.ask("reopen", None, t("scoring.reopen_prompt", unit=self.sheet.unit), "")

    @db_worker(group="scoring-lock")
    def reopen(self, reason: str) -> None:
        from ..services.scores import reopen

        try:
            unit = reopen(self.app.database, self.unit, reason)
        except UserError as exc:
            self.post_message(self.Answered(str(exc), refused=True))
            return
        self.post_message(self.Answered(t("scoring.reopened_done", unit=unit), refused=False))


def with_saved(sheet, saved, note: str):
    """The sheet with a score just saved: my points, count, justification and version."""
    from ..services.score_sheet import GivenScore

    sheet = sheet.with_my_points(saved.code, saved.points, na=saved.points is None)
    mine = GivenScore(saved.points, saved.count, note, saved.version)
    lines = tuple(
        replace(line, mine=mine) if line.leaf.code == saved.code else line for line in sheet.lines
    )
    return replace(sheet, lines=lines)
