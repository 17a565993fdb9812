"""What the acting account may do: asked by every service before it changes anything,
so the CLI and the TUI refuse alike, and read by the screens to grey what is refused.

The rule is ``domain.roles``; the floor (no role, or a viewer, changes nothing) is kept
by every write transaction itself (``storage.accounts``)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.actor import current_actor
from ..domain.roles import Grant, Need, Role, allows, refusal
from ..storage import tables as T
from ..storage.accounts import acting_grant, grant_of, refuse
from ..storage.database import Database


def require(session: Session, need: Need, unit_id: int | None = None) -> None:
    """Raise ``AccessRefused``, naming the role needed, unless the acting account may do
    what ``need`` asks (about ``unit_id``, for casework)."""
    grant = acting_grant(session)
    reason = refusal(grant, need, unit_id)
    if reason is not None:
        refuse(session, grant, reason, unit_id)


def require_for_activity(session: Session, activity_id: int) -> None:
    unit_id = session.scalar(
        select(T.onsite_activity.c.unit_id).where(T.onsite_activity.c.id == activity_id)
    )
    require(session, Need.CASEWORK, unit_id)


@dataclass(frozen=True)
class Access:
    """The acting account's rights, as the screens ask about them."""

    account: str
    grant: Grant | None
    unit_names: tuple[str, ...] = ()

    @property
    def role(self) -> Role | None:
        return self.grant.role if self.grant else None

    def may(self, need: Need, unit_id: int | None = None) -> bool:
        return allows(self.grant, need, unit_id)

    def may_for_unit_name(self, need: Need, name: str) -> bool:
        """``may`` for a unit known by its full name (as the ledger's rows carry it)."""
        if self.grant is None or self.grant.unit_ids is None or need is not Need.CASEWORK:
            return self.may(need)
        return self.may_change_anything and name in self.unit_names

    @property
    def may_change_anything(self) -> bool:
        return self.role in (Role.ADMIN, Role.EVALUATOR)


def my_access(db: Database) -> Access:
    account = current_actor()
    with db.read() as session:
        grant = grant_of(session, account)
        names: tuple[str, ...] = ()
        if grant is not None and grant.unit_ids:
            names = tuple(
                session.scalars(
                    select(T.unit.c.name)
                    .where(T.unit.c.id.in_(grant.unit_ids))
                    .order_by(T.unit.c.name)
                )
            )
    return Access(account, grant, names)
