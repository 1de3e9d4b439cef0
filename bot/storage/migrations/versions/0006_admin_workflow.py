"""acknowledgements, drafts, corrections, and every message id of a delivery

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("deliveries") as batch:
        batch.add_column(sa.Column("more_ids", sa.String(length=40), nullable=True))
    op.create_table(
        "acknowledgements",
        sa.Column("advisory_id", sa.String(length=64), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("advisory_id", "chat_id"),
    )
    op.create_index("ix_acknowledgements_chat", "acknowledgements", ["chat_id"])
    op.create_table(
        "drafts",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("mode", sa.String(length=8), nullable=False),
        sa.Column("editor", sa.BigInteger(), nullable=True),
        sa.Column("asking", sa.String(length=32), nullable=True),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("request", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "corrections",
        sa.Column("advisory_id", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("cursor", sa.BigInteger(), nullable=False),
        sa.Column("notice", sa.Boolean(), nullable=False),
        sa.Column("edited", sa.Integer(), nullable=False),
        sa.Column("gone", sa.Integer(), nullable=False),
        sa.Column("failed", sa.Integer(), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("advisory_id"),
    )


def downgrade() -> None:
    op.drop_table("corrections")
    op.drop_table("drafts")
    op.drop_index("ix_acknowledgements_chat", table_name="acknowledgements")
    op.drop_table("acknowledgements")
    with op.batch_alter_table("deliveries") as batch:
        batch.drop_column("more_ids")
