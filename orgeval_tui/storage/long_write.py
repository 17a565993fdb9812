"""Which long write holds an SQLite database, for the colleague whose write has to wait.

A long write (an import) leaves a small marker file beside the database while it holds the
write lock: what it writes, from which file, by which account, since when, from which
process. A write that cannot get the lock in time reads it and says who holds the
database, instead of SQLite's "database is locked". A marker whose process no longer runs
(killed) names nothing.
"""

from __future__ import annotations

import json
import os
import socket
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from ..domain.actor import current_actor
from ..domain.clock import utcnow


@dataclass(frozen=True)
class LongWrite:
    kind: str  # the import's kind: roster, duties, cases, ledger, …
    file: str
    actor: str = ""
    since: str = ""  # ISO instant, UTC
    pid: int = 0
    host: str = ""


def marker_path(database_file: str) -> Path:
    return Path(f"{database_file}.writing")


@contextmanager
def announced(database_file: str | None, what: LongWrite | None):
    """Leave the marker for the block (the write lock held); best effort: a folder the
    account cannot write to costs the colleague the detail, not the import."""
    if database_file is None or what is None:
        yield
        return
    path = marker_path(database_file)
    marker = LongWrite(
        kind=what.kind,
        file=what.file,
        actor=current_actor(),
        since=utcnow().isoformat(timespec="seconds"),
        pid=os.getpid(),
        host=socket.gethostname(),
    )
    written = False
    try:
        scratch = path.with_name(f"{path.name}.{os.getpid()}")
        scratch.write_text(json.dumps(asdict(marker), ensure_ascii=False), encoding="utf-8")
        scratch.replace(path)
        written = True
    except OSError:
        pass
    try:
        yield
    finally:
        if written:
            try:
                path.unlink(missing_ok=True)
            except OSError:
                pass


def holder(database_file: str | None) -> LongWrite | None:
    """The long write that holds the database now, if one announced itself and runs."""
    if database_file is None:
        return None
    try:
        data = json.loads(marker_path(database_file).read_text(encoding="utf-8"))
        marker = LongWrite(**data)
    except (OSError, ValueError, TypeError):
        return None
    if marker.host == socket.gethostname() and not running(marker.pid):
        return None
    return marker


def since_local(marker: LongWrite) -> str:
    from ..domain.clock import office_tz

    try:
        instant = datetime.fromisoformat(marker.since)
    except ValueError:
        return marker.since
    return instant.astimezone(office_tz()).strftime("%Y-%m-%d %H:%M:%S")


def running(pid: int) -> bool:
    """Whether process ``pid`` of this machine runs (under any account)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
