"""Alembic driven from code: on start, by `elchi db upgrade`, and by the stairway test."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic Config for our migrations, bound to an open connection if given."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(connection: Connection, revision: str = "head") -> None:
    """Upgrade the schema on `connection` (called through AsyncConnection.run_sync)."""
    command.upgrade(alembic_config(connection), revision)


def downgrade(connection: Connection, revision: str) -> None:
    """Downgrade the schema on `connection` to `revision`."""
    command.downgrade(alembic_config(connection), revision)


def revisions() -> list[str]:
    """All revision ids, oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def heads() -> list[str]:
    """The head revisions (exactly one when the history is linear)."""
    return list(ScriptDirectory.from_config(alembic_config()).get_heads())
