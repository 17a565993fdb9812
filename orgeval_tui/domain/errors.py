"""Errors a user can act on. The CLI prints them as one line; the TUI shows them in a modal."""

from __future__ import annotations


class UserError(Exception):
    """Something the user asked for cannot be done as asked; the message says why."""


class NotFound(UserError):
    pass


class ConflictError(UserError):
    """Someone else changed the record since it was read; nothing was written."""


class SchemaError(UserError):
    pass


def db_error_reason(exc: BaseException) -> str:
    """The driver's own first line, without SQLAlchemy's statement dump and links."""
    original = getattr(exc, "orig", None) or exc
    lines = str(original).strip().splitlines()
    return lines[0] if lines else type(original).__name__
