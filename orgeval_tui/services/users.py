"""`orgeval users`: the accounts of a database, their roles and the units an evaluator
is limited to. Only an admin changes them; the changes are in the audit trail."""

from __future__ import annotations

import pwd
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..domain.actor import current_actor
from ..domain.errors import NotFound, UserError
from ..domain.printable import printable
from ..domain.roles import Need, Role
from ..i18n import t
from ..models import Account, AccountUnit, Unit
from ..storage.database import Database
from .access import require
from .units import find_unit_id


@dataclass(frozen=True)
class AccountView:
    name: str
    role: Role
    units: tuple[str, ...]
    added_by: str
    added_at: str
    # Whether this machine has an OS account of that name (a typo names no one).
    known_here: bool

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "role": self.role.value,
            "units": list(self.units),
            "added_by": self.added_by,
            "added_at": self.added_at,
        }


def _role(value: str) -> Role:
    try:
        return Role(value)
    except ValueError:
        raise UserError(
            t("users.bad_role", role=value, roles=", ".join(role.value for role in Role))
        ) from None


def _name(value: str) -> str:
    name = value.strip()
    if not name or len(name) > 64 or printable(name) != name or any(c.isspace() for c in name):
        raise UserError(t("users.bad_name", name=value))
    return name


def _known_here(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def _account(session: Session, name: str) -> Account:
    account = session.get(Account, name)
    if account is None:
        raise NotFound(t("users.unknown", name=name))
    return account


def _unit_ids(session: Session, units: Iterable[str]) -> list[int]:
    return list(dict.fromkeys(find_unit_id(session, ref) for ref in units))


def _view(session: Session, account: Account) -> AccountView:
    units = tuple(
        session.scalars(
            select(Unit.name)
            .join(AccountUnit, AccountUnit.unit_id == Unit.id)
            .where(AccountUnit.account == account.name)
            .order_by(Unit.name)
        )
    )
    return AccountView(
        account.name,
        Role(account.role),
        units,
        account.added_by,
        account.added_at.date().isoformat(),
        _known_here(account.name),
    )


def _keep_an_admin(session: Session, account: Account) -> None:
    if account.role != Role.ADMIN:
        return
    admins = session.scalar(select(func.count()).where(Account.role == Role.ADMIN.value))
    if admins <= 1:
        raise UserError(t("users.last_admin", name=account.name))


def _limit(session: Session, account: Account, unit_ids: list[int]) -> None:
    if account.role != Role.EVALUATOR:
        raise UserError(
            t("users.units_only_evaluator", name=account.name, role=t(f"role.{account.role}"))
        )
    present = set(
        session.scalars(select(AccountUnit.unit_id).where(AccountUnit.account == account.name))
    )
    for unit_id in unit_ids:
        if unit_id not in present:
            session.add(AccountUnit(account=account.name, unit_id=unit_id))


def add_user(db: Database, name: str, role: str, units: Iterable[str] = ()) -> AccountView:
    name, chosen = _name(name), _role(role)
    with db.write() as session:
        require(session, Need.ADMIN)
        existing = session.get(Account, name)
        if existing is not None:
            raise UserError(t("users.exists", name=name, role=t(f"role.{existing.role}")))
        account = Account(name=name, role=chosen.value, added_by=current_actor())
        session.add(account)
        unit_ids = _unit_ids(session, units)
        session.flush()
        if unit_ids:
            _limit(session, account, unit_ids)
        session.flush()
        return _view(session, account)


def grant(
    db: Database,
    name: str,
    *,
    role: str | None = None,
    units: Iterable[str] = (),
    all_units: bool = False,
) -> AccountView:
    """Change an account's role, add units to an evaluator's, or (``all_units``) lift
    its limit. A role other than evaluator drops the limit: it means nothing there."""
    units = list(units)
    if not (role or units or all_units):
        raise UserError(t("users.grant_nothing", name=name))
    if units and all_units:
        raise UserError(t("users.units_and_all", name=name))
    with db.write() as session:
        require(session, Need.ADMIN)
        account = _account(session, name)
        if role is not None:
            chosen = _role(role)
            if chosen != Role.ADMIN:
                _keep_an_admin(session, account)
            account.role = chosen.value
            if chosen != Role.EVALUATOR:
                _drop_units(session, account.name)
        if all_units:
            _drop_units(session, account.name)
        if units:
            _limit(session, account, _unit_ids(session, units))
        session.flush()
        return _view(session, account)


def _drop_units(session: Session, name: str) -> None:
    for row in session.scalars(select(AccountUnit).where(AccountUnit.account == name)):
        session.delete(row)


def revoke(db: Database, name: str, units: Iterable[str] = ()) -> AccountView | None:
    """Take units from an evaluator (never the last: that would widen it to every
    unit), or, with no units named, take the account's role away altogether."""
    units = list(units)
    with db.write() as session:
        require(session, Need.ADMIN)
        account = _account(session, name)
        if not units:
            _keep_an_admin(session, account)
            session.execute(delete(AccountUnit).where(AccountUnit.account == name))
            session.delete(account)
            return None
        present = {
            row.unit_id: row
            for row in session.scalars(select(AccountUnit).where(AccountUnit.account == name))
        }
        taken = set()
        for ref in units:
            unit_id = find_unit_id(session, ref)
            if unit_id not in present:
                raise UserError(t("users.not_limited_to", name=name, unit=ref))
            taken.add(unit_id)
        if taken >= set(present):
            raise UserError(t("users.last_unit", name=name))
        for unit_id in taken:
            session.delete(present[unit_id])
        session.flush()
        return _view(session, account)


def list_users(db: Database) -> list[AccountView]:
    order = {role.value: index for index, role in enumerate(Role)}
    with db.read() as session:
        accounts = list(session.scalars(select(Account)))
        views = [_view(session, account) for account in accounts]
    return sorted(views, key=lambda view: (order[view.role.value], view.name))
