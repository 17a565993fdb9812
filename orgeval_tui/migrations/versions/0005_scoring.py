"""scoring: indicator kinds, score N/A and counts, finalised units

Revision ID: 0005_scoring
Revises: 0004_current_evaluation
Create Date: 2026-11-29 09:37:18

A leaf now says how it is scored (graded, deduction per instance, or a figure's bands)
and whether it is a veto item; a score may be 不适用 (no points) and keeps the count of
instances a deduction was made for; a unit's office scores can be finalised. Leaves
written before this revision were scored by hand: they become ``graded``. The ledger,
now kept to the current evaluation, reads that evaluation's problem ids as a range.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import orgeval_tui.storage.tables

revision: str = "0005_scoring"
down_revision: str | None = "0004_current_evaluation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "score_lock",
        sa.Column("evaluation_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("finalized", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column(
            "changed_at", orgeval_tui.storage.tables.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["evaluation.id"],
            name=op.f("fk_score_lock_evaluation_id_evaluation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_score_lock_unit_id_unit"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("evaluation_id", "unit_id", name=op.f("pk_score_lock")),
    )
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True)
        )
        batch_op.add_column(sa.Column("per_instance", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("categories", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("bands", sa.Text(), nullable=True))
        batch_op.add_column(
            sa.Column("veto", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    op.execute("UPDATE indicator SET kind = 'graded' WHERE max_points IS NOT NULL")
    with op.batch_alter_table("problem", schema=None) as batch_op:
        batch_op.create_index("ix_problem_evaluation_id_id", ["evaluation_id", "id"], unique=False)

    with op.batch_alter_table("score", schema=None) as batch_op:
        batch_op.add_column(sa.Column("count", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("not_applicable", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.alter_column("points", existing_type=sa.FLOAT(), nullable=True)
        batch_op.create_check_constraint(
            "points_or_not_applicable",
            "(not_applicable AND points IS NULL) OR (NOT not_applicable AND points IS NOT NULL)",
        )


def downgrade() -> None:
    with op.batch_alter_table("problem", schema=None) as batch_op:
        batch_op.drop_index("ix_problem_evaluation_id_id")
    op.execute("DELETE FROM score WHERE points IS NULL")
    with op.batch_alter_table("score", schema=None) as batch_op:
        batch_op.drop_constraint("points_or_not_applicable", type_="check")
        batch_op.alter_column("points", existing_type=sa.FLOAT(), nullable=False)
        batch_op.drop_column("not_applicable")
        batch_op.drop_column("count")

    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.drop_column("veto")
        batch_op.drop_column("bands")
        batch_op.drop_column("categories")
        batch_op.drop_column("per_instance")
        batch_op.drop_column("kind")

    op.drop_table("score_lock")
