"""accounts and their roles

Revision ID: 0008_accounts
Revises: 0007_audit_chain
Create Date: 2026-11-29 18:10:00

Each OS account that may change the database has a role (``domain/roles.py``); an
evaluator may be limited to units. The account that creates the database, or upgrades
it to this revision, becomes its first admin: it is the one that set the database up.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import orgeval_tui.storage.tables
from orgeval_tui.domain.actor import os_account
from orgeval_tui.domain.clock import utcnow

revision: str = "0008_accounts"
down_revision: str | None = "0007_audit_chain"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    account = op.create_table(
        "account",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("added_by", sa.String(length=64), nullable=False),
        sa.Column("added_at", orgeval_tui.storage.tables.UTCDateTime(), nullable=False),
        sa.CheckConstraint(
            "role IN ('admin', 'evaluator', 'viewer')", name=op.f("ck_account_known_role")
        ),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_account")),
    )
    op.create_table(
        "account_unit",
        sa.Column("account", sa.String(length=64), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account"],
            ["account.name"],
            name=op.f("fk_account_unit_account_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_account_unit_unit_id_unit"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("account", "unit_id", name=op.f("pk_account_unit")),
    )
    with op.batch_alter_table("account_unit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_account_unit_unit_id"), ["unit_id"], unique=False)
    founder = os_account()
    op.bulk_insert(
        account,
        [{"name": founder, "role": "admin", "added_by": founder, "added_at": utcnow()}],
    )


def downgrade() -> None:
    with op.batch_alter_table("account_unit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_account_unit_unit_id"))
    op.drop_table("account_unit")
    op.drop_table("account")
