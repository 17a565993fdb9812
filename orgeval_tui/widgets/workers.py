"""How screens reach the database: always in a thread, never on the UI thread.

A failure inside such a worker is posted to the App as :class:`WorkFailed`; the App's
one handler shows it in a modal and the screen carries on.
"""

from __future__ import annotations

import functools

from textual import work
from textual.message import Message


class WorkFailed(Message):
    def __init__(self, error: BaseException) -> None:
        super().__init__()
        self.error = error


def db_worker(group: str):
    def decorate(method):
        @functools.wraps(method)
        def guarded(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except Exception as exc:  # noqa: BLE001 - every failure goes to the one handler
                self.app.post_message(WorkFailed(exc))
                return None

        return work(thread=True, exclusive=True, group=group)(guarded)

    return decorate
