"""Who may do what: the one rule behind every refusal of a change.

Three roles. A viewer reads everything and changes nothing. An evaluator does casework
(ledger steps, scores, field notes, a unit's own files); one limited to units does it
for those units only, and nothing that spans the county. An admin does everything,
including setting up evaluations, rubrics, units and accounts. An account the database
does not know has no role: it may read, as a viewer, and change nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    EVALUATOR = "evaluator"
    VIEWER = "viewer"


ROLES = tuple(Role)


class Need(StrEnum):
    """What a change needs. CASEWORK comes with the unit it is about; a change about
    several units at once (a county-wide file, the calendar) needs COUNTY."""

    CASEWORK = "casework"
    COUNTY = "county"
    ADMIN = "admin"


@dataclass(frozen=True)
class Grant:
    account: str
    role: Role
    # None: every unit. Only evaluators are ever limited.
    unit_ids: frozenset[int] | None = None

    @property
    def limited(self) -> bool:
        return self.unit_ids is not None


class Refusal(StrEnum):
    """Why a change is refused, for the message that names the role needed."""

    NO_ACCOUNT = "no_account"
    VIEWER = "viewer"
    NOT_ADMIN = "not_admin"
    OTHER_UNIT = "other_unit"
    LIMITED = "limited"


def may_write(grant: Grant | None) -> Refusal | None:
    """Whether the account may change anything at all."""
    if grant is None:
        return Refusal.NO_ACCOUNT
    if grant.role is Role.VIEWER:
        return Refusal.VIEWER
    return None


def refusal(grant: Grant | None, need: Need, unit_id: int | None = None) -> Refusal | None:
    """None when ``grant`` allows what ``need`` asks (about ``unit_id`` for casework)."""
    floor = may_write(grant)
    if floor is not None or grant.role is Role.ADMIN:
        return floor
    if need is Need.ADMIN:
        return Refusal.NOT_ADMIN
    if grant.unit_ids is None:
        return None
    if need is Need.COUNTY or unit_id is None:
        return Refusal.LIMITED
    return None if unit_id in grant.unit_ids else Refusal.OTHER_UNIT


def allows(grant: Grant | None, need: Need, unit_id: int | None = None) -> bool:
    return refusal(grant, need, unit_id) is None
