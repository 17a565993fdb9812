"""The office's clock: what "now" and "today" are, in one place.

Today is the office's calendar day (``$ORGEVAL_TZ``, default Asia/Shanghai), whatever
the server's own zone: a deadline is a day in the county, not on the machine. Exports
write local wall-clock times without an offset.

``clock_at`` sets the moment for the code it wraps (the demo replays the pilot's ledger
on the days it happened); everything that stamps a time (events, the audit trail,
import records) or asks for today reads it through ``utcnow`` and ``office_today``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime
from functools import cache
from zoneinfo import ZoneInfo

DEFAULT_OFFICE_TZ = "Asia/Shanghai"

_set_moment: ContextVar[datetime | None] = ContextVar("orgeval_moment", default=None)


@cache
def office_tz() -> ZoneInfo:
    return ZoneInfo(os.environ.get("ORGEVAL_TZ", DEFAULT_OFFICE_TZ))


def system_now() -> datetime:
    """The machine's clock, in UTC."""
    return datetime.now(UTC)


def utcnow() -> datetime:
    """Now, timezone-aware: the moment ``clock_at`` set, else the machine's clock."""
    moment = _set_moment.get()
    return moment if moment is not None else system_now()


def office_today() -> date:
    return utcnow().astimezone(office_tz()).date()


@contextmanager
def clock_at(moment: datetime) -> Iterator[None]:
    """Run the block as if it were ``moment`` (timezone-aware)."""
    if moment.tzinfo is None:
        raise ValueError(f"naive datetime refused: {moment!r}")
    token = _set_moment.set(moment.astimezone(UTC))
    try:
        yield
    finally:
        _set_moment.reset(token)
