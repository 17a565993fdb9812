"""the audit trail as a hash chain

Revision ID: 0007_audit_chain
Revises: 0006_fieldwork
Create Date: 2026-11-29 16:30:00

Each audit record carries the SHA-256 of the record before it and of its own fields
(``storage/audit_chain.py``), so a record edited, removed or added by hand is found by
``orgeval audit verify``. The records already written are chained in the order they
were written.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import orgeval_tui.storage.audit_chain as audit_chain
import orgeval_tui.storage.tables

revision: str = "0007_audit_chain"
down_revision: str | None = "0006_fieldwork"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 5000


def upgrade() -> None:
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("chain", sa.String(length=64), nullable=True))
    records = sa.table(
        "audit_event",
        sa.column("id", sa.Integer()),
        sa.column("at", orgeval_tui.storage.tables.UTCDateTime(timezone=True)),
        *(sa.column(name, sa.Text()) for name in audit_chain.FIELDS if name != "at"),
        sa.column("chain", sa.String(64)),
    )
    connection = op.get_bind()
    previous, after = audit_chain.GENESIS, 0
    while True:
        rows = connection.execute(
            sa.select(records).where(records.c.id > after).order_by(records.c.id).limit(BATCH)
        ).all()
        if not rows:
            break
        updates = []
        for row in rows:
            previous = audit_chain.link(previous, row._mapping)
            updates.append({"record": row.id, "value": previous})
        connection.execute(
            records.update()
            .where(records.c.id == sa.bindparam("record"))
            .values(chain=sa.bindparam("value")),
            updates,
        )
        after = rows[-1].id


def downgrade() -> None:
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_column("chain")
