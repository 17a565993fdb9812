"""Who is acting: the OS account of the process, as the audit trail and the ledger's
events record it, unless ``acting_as`` names someone for the block it wraps (the demo
replays the pilot's ledger as the evaluators who did each step)."""

from __future__ import annotations

import os
import pwd
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

_named_actor: ContextVar[str | None] = ContextVar("orgeval_actor", default=None)


@cache
def os_account() -> str:
    # The uid's account name, not $USER: the environment is the user's to set, the uid is not.
    uid = os.getuid()
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"uid:{uid}"


def current_actor() -> str:
    return _named_actor.get() or os_account()


@contextmanager
def acting_as(name: str) -> Iterator[None]:
    token = _named_actor.set(name)
    try:
        yield
    finally:
        _named_actor.reset(token)
