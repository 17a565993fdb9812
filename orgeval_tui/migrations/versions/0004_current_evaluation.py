"""the current evaluation, chosen explicitly

Revision ID: 0004_current_evaluation
Revises: 0003_work_log_covering_index
Create Date: 2026-11-29 09:05:00

Which evaluation is current was the latest created; now it is a choice stored in one
row, so that every evaluator on the server works in the same one. A database upgraded
with evaluations and no row keeps the latest as current (services.evaluations).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_current_evaluation"
down_revision: str | None = "0003_work_log_covering_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "current_evaluation",
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("evaluation_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("slot = 1", name=op.f("ck_current_evaluation_one_row")),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["evaluation.id"],
            name=op.f("fk_current_evaluation_evaluation_id_evaluation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("slot", name=op.f("pk_current_evaluation")),
    )


def downgrade() -> None:
    op.drop_table("current_evaluation")
