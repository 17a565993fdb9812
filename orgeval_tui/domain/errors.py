"""Errors a user can act on. The CLI prints them as one line; the TUI shows them in a modal."""

from __future__ import annotations


class UserError(Exception):
    """Something the user asked for cannot be done as asked; the message says why.

    ``retry_with``: values that, given along with the same request, make it go through
    (the user's answer to a question the refusal asks); None when asking again cannot help.
    """

    retry_with: dict | None = None


class NotFound(UserError):
    pass


class ConflictError(UserError):
    """Someone else changed the record since it was read; nothing was written.
    ``retry_with``, when set, applies the same change on top of the record as it is now."""

    def __init__(self, message: str, retry_with: dict | None = None) -> None:
        super().__init__(message)
        self.retry_with = retry_with


class NeedsConfirmation(UserError):
    """Possible but unusual (a deadline already past): done only when asked again with
    ``retry_with`` among its values, which the user gives by confirming."""

    def __init__(self, message: str, retry_with: dict) -> None:
        super().__init__(message)
        self.retry_with = retry_with


class DatabaseBusy(UserError):
    """Another write held the database for longer than a write waits; nothing was
    written, and the same request may well go through a moment later."""


class SchemaError(UserError):
    pass


def db_error_reason(exc: BaseException) -> str:
    """The driver's own first line, without SQLAlchemy's statement dump and links."""
    original = getattr(exc, "orig", None) or exc
    lines = str(original).strip().splitlines()
    return lines[0] if lines else type(original).__name__
