"""offer_reports: flagged job offers sent to the embassy with consent, never who sent them

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "offer_reports",
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("times", sa.BigInteger(), nullable=False),
        sa.Column("first_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("country", "digest"),
    )
    op.create_index("ix_offer_reports_last_at", "offer_reports", ["last_at"])


def downgrade() -> None:
    op.drop_index("ix_offer_reports_last_at", table_name="offer_reports")
    op.drop_table("offer_reports")
