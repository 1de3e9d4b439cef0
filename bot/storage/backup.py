"""`elchi backup` / `elchi restore`: a database-independent archive (gzip, one JSON row a line).

It carries every table (`TABLES`; a test fails when one is forgotten), deliveries of finished
broadcasts too (a restored copy reports "sent 2/2" and a cancellation reaches its readers), so
an operator can move from SQLite to PostgreSQL, or keep a copy. The first line says the format,
the last line the rows of each table and a SHA-256 of every row line: a cut, damaged or edited
archive is refused, and so is any row that breaks the tables' or the application's rules
(`bot.storage.archive_checks`) — before anything is written.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.exc import IntegrityError

from bot.storage.archive_checks import RowProblem, check_values, decoded
from bot.storage.db import Database
from bot.storage.models import Base

FORMAT = 2
TABLES = (
    "subscribers",
    "advisories",
    "directories",
    "admins",
    "admin_profiles",
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
# The operator's configuration may already be in the target (`elchi admins add`, CHANNELS at a
# first start): rows of these tables that exist there are kept, the others added.
MERGED = ("admins", "admin_profiles", "channels")
BATCH = 2000


class BackupError(Exception):
    """The archive cannot be written or restored; the message says why."""


def _encode(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


async def backup(database: Database, path: Path) -> dict[str, int]:
    """Write the archive; returns rows written per table."""
    counts: dict[str, int] = {}
    digest = hashlib.sha256()
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write(json.dumps({"elchi_backup": FORMAT}) + "\n")
        async with database.sessions() as session:
            for name in TABLES:
                counts[name] = 0
                result = await session.stream(select(Base.metadata.tables[name]))
                async for row in result.mappings():
                    record = {key: _encode(value) for key, value in row.items()}
                    line = json.dumps({"table": name, "row": record}, ensure_ascii=False) + "\n"
                    digest.update(line.encode())
                    out.write(line)
                    counts[name] += 1
        out.write(json.dumps({"end": counts, "sha256": digest.hexdigest()}) + "\n")
    return counts


async def restore(database: Database, path: Path) -> dict[str, int]:
    """Load an archive into an empty, migrated database (its configured admins and channels
    kept); nothing is written unless every line of the archive checks out."""
    async with database.sessions() as session:
        for name in ("subscribers", "advisories"):
            table = Base.metadata.tables[name]
            if await session.scalar(select(func.count()).select_from(table)):
                raise BackupError(
                    f"the target database already has {name}; restore needs an empty one"
                )
    counts = _check(path)  # the whole archive, before anything is written
    try:
        await _load(database, path)
    except IntegrityError:  # rows the target has beyond its configuration: rolled back
        raise BackupError(
            "the target database already has rows the archive holds too; restore needs an "
            "empty one (nothing was written)"
        ) from None
    return counts


async def _load(database: Database, path: Path) -> None:
    """Write a checked archive's rows, in one transaction."""
    async with database.transaction() as session:  # all or nothing
        present = {name: await _keys(session, name) for name in MERGED}
        batch: list[dict[str, Any]] = []
        current = ""
        for name, row in _rows(path):
            if name in present and _key(name, row) in present[name]:
                continue  # configured in the target already: the operator's setting stays
            if name != current or len(batch) >= BATCH:
                await _flush(session, current, batch)
                current, batch = name, []
            batch.append(row)
        await _flush(session, current, batch)
        if database.dialect == "postgresql":  # ids were given: move the sequence past them
            await session.execute(
                text(
                    "SELECT setval(pg_get_serial_sequence('audit', 'id'), "
                    "COALESCE((SELECT MAX(id) FROM audit), 0) + 1, false)"
                )
            )


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as archive:
            yield from enumerate(archive, 1)
    except (OSError, EOFError, UnicodeDecodeError) as error:
        raise BackupError(f"{path}: cannot read the archive ({error})") from None


def _check(path: Path) -> dict[str, int]:
    """Every line of the archive checked; the rows per table, or BackupError naming why."""
    counts = dict.fromkeys(TABLES, 0)
    seen: dict[str, set[Any]] = {name: set() for name in TABLES}
    digest, header, end = hashlib.sha256(), None, None
    advisories: set[str] = set()
    for number, line in _lines(path):
        where = f"{path}:{number}"
        if end is not None:
            raise BackupError(f"{where}: lines after the closing line; the archive was altered")
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            raise BackupError(f"{where}: not a line of an Elchi archive") from None
        if header is None:
            header = item
            if not isinstance(item, dict) or item.get("elchi_backup") != FORMAT:
                raise BackupError(
                    f"{path}: not an Elchi backup of format {FORMAT} (an older one has no "
                    "checksum: make a new backup with this version)"
                )
            continue
        if isinstance(item, dict) and "end" in item:
            end = item
            continue
        name = _checked_row(item, where, seen, advisories)
        counts[name] += 1
        digest.update(line.encode())
    if end is None:
        raise BackupError(f"{path}: the archive ends early (no closing line): it was cut short")
    if end.get("end") != counts or end.get("sha256") != digest.hexdigest():
        raise BackupError(f"{path}: the rows differ from what the archive says it holds")
    return counts


def _checked_row(item: Any, where: str, seen: dict[str, set[Any]], advisories: set[str]) -> str:
    name = item.get("table") if isinstance(item, dict) else None
    if name not in TABLES:
        raise BackupError(f"{where}: unknown table {name!r}")
    try:
        row = decoded(Base.metadata.tables[name], item.get("row"))
        check_values(name, row)
    except RowProblem as problem:
        raise BackupError(f"{where}: {name}.{problem}") from None
    key = _key(name, row)
    if key in seen[name]:
        raise BackupError(f"{where}: {name}: the row {key} is there twice")
    seen[name].add(key)
    if name == "advisories":
        advisories.add(row["id"])
    elif name in ("broadcasts", "deliveries") and row["advisory_id"] not in advisories:
        raise BackupError(f"{where}: {name}: advisory {row['advisory_id']!r} is not in it")
    return str(name)


def _rows(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """The rows of a checked archive, decoded for the tables."""
    for number, line in _lines(path):
        item = json.loads(line)
        if number == 1 or "end" in item:
            continue
        name = item["table"]
        yield name, decoded(Base.metadata.tables[name], item["row"])


def _key(name: str, row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(row[c.name] for c in Base.metadata.tables[name].primary_key.columns)


async def _keys(session: Any, name: str) -> set[tuple[Any, ...]]:
    table = Base.metadata.tables[name]
    columns = list(table.primary_key.columns)
    return {tuple(r) for r in (await session.execute(select(*columns))).all()}


async def _flush(session: Any, name: str, rows: list[dict[str, Any]]) -> None:
    if rows:
        await session.execute(insert(Base.metadata.tables[name]), rows)
