"""Completion of a file path as it is typed: the first entry of the folder typed so far
whose name starts with what follows the last separator (a folder gets its separator)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.suggester import Suggester


def complete_path(value: str) -> str | None:
    if not value:
        return None
    typed = Path(value).expanduser()
    if value.endswith(("/", "\\")):
        folder, start = typed, ""
    else:
        folder, start = typed.parent, typed.name
    try:
        names = sorted(entry.name for entry in folder.iterdir())
    except OSError:
        return None
    for name in names:
        if not name.startswith(start) or (name.startswith(".") and not start.startswith(".")):
            continue
        tail = name[len(start) :] + ("/" if (folder / name).is_dir() else "")
        if tail:  # a file typed in full needs nothing more
            return value + tail
    return None


class PathSuggester(Suggester):
    def __init__(self) -> None:
        # Not cached: the folder may change while the form is open (a file just saved).
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        # The folder is read in a thread: a network share can be slow to list.
        return await asyncio.to_thread(complete_path, value)
