"""Reading an account's grant, and the floor every write stands on: an account with no
role, or a viewer, changes nothing, whichever service it calls (``Database.write``).
What each change needs beyond that is asked by the services (``services.access``)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.actor import current_actor
from ..domain.errors import UserError
from ..domain.roles import Grant, Refusal, Role, may_write
from ..i18n import t
from . import tables as T

_GRANT = "orgeval_grant"


def grant_of(session: Session, account: str) -> Grant | None:
    role = session.scalar(select(T.account.c.role).where(T.account.c.name == account))
    if role is None:
        return None
    units = frozenset(
        session.scalars(select(T.account_unit.c.unit_id).where(T.account_unit.c.account == account))
    )
    return Grant(account, Role(role), units or None)


def acting_grant(session: Session) -> Grant | None:
    """The acting account's grant, read once per transaction."""
    account = current_actor()
    cached = session.info.get(_GRANT)
    if cached is None or cached[0] != account:
        cached = (account, grant_of(session, account))
        session.info[_GRANT] = cached
    return cached[1]


class AccessRefused(UserError):
    """The acting account's role does not allow the change; the message names the role
    it needs. Nothing was written."""


def refuse(session: Session, grant: Grant | None, reason: Refusal, unit_id: int | None) -> None:
    account = current_actor()
    values = {"account": account}
    if grant is not None and grant.unit_ids:
        names = session.scalars(
            select(T.unit.c.name).where(T.unit.c.id.in_(grant.unit_ids)).order_by(T.unit.c.name)
        )
        values["units"] = t("access.list_separator").join(names)
    if unit_id is not None:
        values["unit"] = session.scalar(select(T.unit.c.name).where(T.unit.c.id == unit_id))
    raise AccessRefused(t(f"access.{reason.value}", **values))


def require_writer(session: Session) -> None:
    grant = acting_grant(session)
    reason = may_write(grant)
    if reason is not None:
        refuse(session, grant, reason, None)
