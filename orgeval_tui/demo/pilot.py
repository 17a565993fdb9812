"""The pilot of the source document: the county's evaluated units.

Quotas are illustrative; headcounts and every figure of DOMAIN.md come with the rosters
and logs of the intake work.
"""

from __future__ import annotations

from sqlalchemy import select

from ..db import Database
from ..models import Unit
from ..services.units import add_unit

PILOT_UNITS = (
    # name, short name, parent, kind, admin, public, service, leaders
    ("县总工会", "总工会", None, "department", 8, 0, 0, 4),
    ("县工人文化宫", "文化宫", "县总工会", "institution", 0, 13, 0, 1),
    ("县工业和信息化局", "县工信局", None, "department", 18, 0, 1, 5),
    ("县气象局", "气象局", None, "department", 9, 0, 0, 3),
)


def load_pilot(database: Database) -> bool:
    """Load the pilot into an empty database; a database with units is left alone."""
    with database.read() as session:
        if session.scalars(select(Unit.id).limit(1)).first() is not None:
            return False
    for name, short, parent, kind, admin, public, service, leaders in PILOT_UNITS:
        add_unit(
            database,
            name,
            short_name=short,
            parent=parent,
            kind=kind,
            quota_admin=admin,
            quota_public=public,
            quota_service=service,
            quota_leaders=leaders,
        )
    return True
