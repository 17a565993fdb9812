"""fieldwork: activities with notes, drafts and files; findings on leaves; outlines; self reports

Revision ID: 0006_fieldwork
Revises: 0005_scoring
Create Date: 2026-11-29 12:22:03

An on-site activity now has a place, the evaluators present, the people met (by role),
notes and a draft written as they are typed, and files attached by path and SHA-256. A
finding names the rubric leaves it bears on. An evaluation may replace the shipped
interview outline of a kind, and a unit's self-evaluation report is kept as text.
The activity kinds take DOMAIN.md's names: ``archives`` becomes ``archive``, ``signage``
``site``; ``other`` becomes ``meeting``. The old ``participants`` become the evaluators
present and ``summary`` the notes.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import orgeval_tui.storage.tables

revision: str = "0006_fieldwork"
down_revision: str | None = "0005_scoring"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC = orgeval_tui.storage.tables.UTCDateTime
KIND_RENAMES = (("archives", "archive"), ("signage", "site"), ("other", "meeting"))


def upgrade() -> None:
    op.create_table(
        "interview_outline",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("evaluation_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("questions", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["evaluation.id"],
            name=op.f("fk_interview_outline_evaluation_id_evaluation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interview_outline")),
        sa.UniqueConstraint(
            "evaluation_id", "kind", name=op.f("uq_interview_outline_evaluation_id_kind")
        ),
    )
    op.create_table(
        "self_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("evaluation_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("imported_by", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("imported_at", UTC(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["evaluation.id"],
            name=op.f("fk_self_report_evaluation_id_evaluation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_self_report_unit_id_unit"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_self_report")),
        sa.UniqueConstraint(
            "evaluation_id", "unit_id", name=op.f("uq_self_report_evaluation_id_unit_id")
        ),
    )
    with op.batch_alter_table("self_report", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_self_report_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "activity_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("path", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("added_by", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("added_at", UTC(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["onsite_activity.id"],
            name=op.f("fk_activity_file_activity_id_onsite_activity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_file")),
    )
    with op.batch_alter_table("activity_file", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_activity_file_activity_id"), ["activity_id"], unique=False
        )

    op.create_table(
        "finding_indicator",
        sa.Column("finding_id", sa.Integer(), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["finding_id"],
            ["finding.id"],
            name=op.f("fk_finding_indicator_finding_id_finding"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("finding_id", "code", name=op.f("pk_finding_indicator")),
    )
    with op.batch_alter_table("finding", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True)
        )
        batch_op.add_column(sa.Column("created_at", UTC(timezone=True), nullable=True))

    with op.batch_alter_table("onsite_activity", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("place", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True)
        )
        batch_op.alter_column(
            "participants",
            new_column_name="evaluators",
            existing_type=sa.VARCHAR(length=500),
            existing_nullable=True,
        )
        batch_op.add_column(sa.Column("people_met", sa.Text(), nullable=True))
        batch_op.alter_column(
            "summary", new_column_name="notes", existing_type=sa.Text(), existing_nullable=False
        )
        batch_op.add_column(sa.Column("draft", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("draft_saved_at", UTC(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("draft_by", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True)
        )
        batch_op.add_column(
            sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True)
        )
        batch_op.add_column(sa.Column("created_at", UTC(timezone=True), nullable=True))
    for old, new in KIND_RENAMES:
        op.execute(f"UPDATE onsite_activity SET kind = '{new}' WHERE kind = '{old}'")


def downgrade() -> None:
    for old, new in KIND_RENAMES:
        op.execute(f"UPDATE onsite_activity SET kind = '{old}' WHERE kind = '{new}'")
    with op.batch_alter_table("onsite_activity", schema=None) as batch_op:
        batch_op.drop_column("created_at")
        batch_op.drop_column("created_by")
        batch_op.drop_column("draft_by")
        batch_op.drop_column("draft_saved_at")
        batch_op.drop_column("draft")
        batch_op.alter_column(
            "notes", new_column_name="summary", existing_type=sa.Text(), existing_nullable=False
        )
        batch_op.drop_column("people_met")
        batch_op.alter_column(
            "evaluators",
            new_column_name="participants",
            existing_type=sa.VARCHAR(length=500),
            existing_nullable=True,
        )
        batch_op.drop_column("place")

    with op.batch_alter_table("finding", schema=None) as batch_op:
        batch_op.drop_column("created_at")
        batch_op.drop_column("created_by")

    op.drop_table("finding_indicator")
    with op.batch_alter_table("activity_file", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_file_activity_id"))
    op.drop_table("activity_file")
    with op.batch_alter_table("self_report", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_self_report_unit_id"))
    op.drop_table("self_report")
    op.drop_table("interview_outline")
