"""work log: a covering index for a period's figures

Revision ID: 0003_work_log_covering_index
Revises: 0002_ledger_search
Create Date: 2026-11-29 07:22:21

A unit's duty figures read its log of a period twice, grouped by duty and by (day,
section, person). With every column those reads need in the index on (unit, day), both
are answered from the index alone, and the second needs no sort.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003_work_log_covering_index"
down_revision: str | None = "0002_ledger_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COVERING = ["unit_id", "day", "section_id", "person", "duty_id", "times", "hours"]


def upgrade() -> None:
    op.drop_index("ix_work_log_entry_unit_day", table_name="work_log_entry")
    op.create_index("ix_work_log_entry_unit_day", "work_log_entry", COVERING)


def downgrade() -> None:
    op.drop_index("ix_work_log_entry_unit_day", table_name="work_log_entry")
    op.create_index("ix_work_log_entry_unit_day", "work_log_entry", ["unit_id", "day"])
