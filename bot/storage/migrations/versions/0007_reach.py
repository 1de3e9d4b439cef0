"""arrivals (subscriptions counted by the way they came), channels and their posts

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "arrivals",
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("locale", sa.String(length=8), nullable=False),
        sa.Column("via", sa.String(length=8), nullable=False),
        sa.Column("count", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("country", "locale", "via"),
    )
    op.create_table(
        "channels",
        sa.Column("chat", sa.String(length=40), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("locale", sa.String(length=8), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("chat"),
    )
    op.create_table(
        "channel_posts",
        sa.Column("advisory_id", sa.String(length=64), nullable=False),
        sa.Column("chat", sa.String(length=40), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=False),
        sa.Column("digest", sa.String(length=16), nullable=False),
        sa.Column("marked", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("advisory_id", "chat"),
    )


def downgrade() -> None:
    op.drop_table("channel_posts")
    op.drop_table("channels")
    op.drop_table("arrivals")
