"""Shared fixtures: a database on every backend, settings for tests."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator

import asyncpg
import pytest

from bot.storage import Database
from tests.support.postgres import PostgresServer, find_bindir, start_server

IN_CI = os.environ.get("CI", "").lower() == "true"
# As `elchi` sets it at start (bot/__main__.py): a 429's retry_after as a timedelta.
os.environ.setdefault("PTB_TIMEDELTA", "1")
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One PostgreSQL server for the whole run; missing server fails under CI=true."""
    bindir = find_bindir()
    if bindir is None:
        reason = "PostgreSQL server binaries not found (apt-get install postgresql)"
        if IN_CI:
            pytest.fail(f"CI=true but {reason}")
        pytest.skip(reason)
    server = start_server(bindir)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
async def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[str]:
    """An empty database URL on the backend named by the test's `backend` parameter."""
    backend = getattr(request, "param", "sqlite")
    if backend == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('db')}/elchi.db"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(host="127.0.0.1", port=server.port, user="postgres")
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    yield server.url(name)
    admin = await asyncpg.connect(host="127.0.0.1", port=server.port, user="postgres")
    try:
        await admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    finally:
        await admin.close()


@pytest.fixture
async def database(database_url: str) -> AsyncIterator[Database]:
    """A migrated database, disposed afterwards (undisposed aiosqlite engines hang exit)."""
    db = Database(database_url)
    await db.migrate()
    try:
        yield db
    finally:
        await db.close()


def on_every_backend(func: object) -> object:
    """Parametrise a test over SQLite and PostgreSQL through the `database_url` fixture."""
    return pytest.mark.parametrize("database_url", BACKENDS, indirect=True)(func)
