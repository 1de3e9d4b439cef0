"""`elchi backup` / `elchi restore`: a database-independent archive (gzip, one JSON row a line).

It carries subscribers, advisories, directories, admins, broadcasts, deliveries of broadcasts in
progress, scheduled deletions, the audit log, acknowledgements, drafts and corrections — so an
operator can move from SQLite to PostgreSQL, or keep a copy.
"""

from __future__ import annotations

import gzip
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, func, insert, select, text

from bot.storage.db import Database
from bot.storage.models import Base, Broadcast, Delivery, UTCDateTime

FORMAT = 1
TABLES = (
    "subscribers",
    "advisories",
    "directories",
    "admins",
    "broadcasts",
    "deliveries",
    "scheduled_deletions",
    "audit",
    "acknowledgements",
    "drafts",
    "corrections",
    "arrivals",
    "channels",
    "channel_posts",
    "offer_reports",
)
BATCH = 2000


class BackupError(Exception):
    """The archive cannot be written or restored; the message says why."""


def _encode(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def _decode(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    decoded = {}
    for name, value in row.items():
        is_time = isinstance(table.columns[name].type, UTCDateTime)
        decoded[name] = datetime.fromisoformat(value) if is_time and value is not None else value
    return decoded


async def backup(database: Database, path: Path) -> dict[str, int]:
    """Write the archive; returns rows written per table."""
    counts: dict[str, int] = {}
    in_progress = select(Broadcast.advisory_id).where(Broadcast.state != "done")
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write(json.dumps({"elchi_backup": FORMAT}) + "\n")
        async with database.sessions() as session:
            for name in TABLES:
                table = Base.metadata.tables[name]
                query = select(table)
                if name == "deliveries":
                    query = query.where(Delivery.advisory_id.in_(in_progress))
                counts[name] = 0
                result = await session.stream(query)
                async for row in result.mappings():
                    record = {key: _encode(value) for key, value in row.items()}
                    out.write(
                        json.dumps({"table": name, "row": record}, ensure_ascii=False) + "\n"
                    )
                    counts[name] += 1
    return counts


async def restore(database: Database, path: Path) -> dict[str, int]:
    """Load an archive into an empty, migrated database; nothing is written if it is not empty."""
    async with database.sessions() as session:
        for name in ("subscribers", "advisories"):
            table = Base.metadata.tables[name]
            if await session.scalar(select(func.count()).select_from(table)):
                raise BackupError(
                    f"the target database already has {name}; restore needs an empty one"
                )
    counts = dict.fromkeys(TABLES, 0)
    try:
        with gzip.open(path, "rt", encoding="utf-8") as archive:
            header = json.loads(archive.readline())
            if header.get("elchi_backup") != FORMAT:
                raise BackupError(f"{path}: not an Elchi backup (format {FORMAT})")
            async with database.transaction() as session:  # all or nothing
                batch: list[dict[str, Any]] = []
                current = ""
                for line_number, line in enumerate(archive, 2):
                    item = json.loads(line)
                    if item["table"] not in TABLES:
                        raise BackupError(f"{path}:{line_number}: unknown table {item['table']!r}")
                    if item["table"] != current or len(batch) >= BATCH:
                        await _flush(session, current, batch)
                        current, batch = item["table"], []
                    batch.append(_decode(Base.metadata.tables[current], item["row"]))
                    counts[current] += 1
                await _flush(session, current, batch)
                if database.dialect == "postgresql":  # ids were given: move the sequence past them
                    await session.execute(
                        text(
                            "SELECT setval(pg_get_serial_sequence('audit', 'id'), "
                            "COALESCE((SELECT MAX(id) FROM audit), 0) + 1, false)"
                        )
                    )
    except (OSError, EOFError, ValueError, KeyError) as error:
        raise BackupError(f"{path}: cannot read the archive ({error})") from None
    return counts


async def _flush(session: Any, name: str, rows: list[dict[str, Any]]) -> None:
    if rows:
        await session.execute(insert(Base.metadata.tables[name]), rows)
