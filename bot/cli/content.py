"""`elchi import`, `elchi export-cap`, `elchi export-feed` (validate: `bot.cli.validate`)."""

from __future__ import annotations

import sys
from pathlib import Path

from bot.admin.importer import import_folder
from bot.advisories.cap import export_cap
from bot.advisories.feed import export_feed
from bot.config import Settings
from bot.i18n import Translator
from bot.storage import Database
from bot.storage.advisories import AdvisoryRepository


async def import_command(settings: Settings, path: Path) -> int:
    """Validate and import a folder into the database; 1 if anything is wrong."""
    database = Database(settings.database_url)
    try:
        await database.migrate()
        report = await import_folder(
            path, repository=AdvisoryRepository(database=database), translator=Translator()
        )
    finally:
        await database.close()
    for line in report.lines():
        print(line)
    return 1 if report.problems else 0


async def export_cap_command(settings: Settings, advisory_id: str | None) -> int:
    """Print CAP 1.2 XML of one advisory, or of every advisory, from the database."""
    database = Database(settings.database_url)
    try:
        await database.migrate()
        repository = AdvisoryRepository(database=database)
        if advisory_id is None:
            advisories = await repository.all()
        else:
            found = await repository.get(advisory_id=advisory_id)
            if found is None:
                print(f"elchi: no advisory with id {advisory_id!r}", file=sys.stderr)
                return 1
            advisories = [found]
    finally:
        await database.close()
    for advisory in advisories:
        print(export_cap(advisory, sender=settings.cap_sender))
    return 0


async def export_feed_command(settings: Settings, country: str, locale: str) -> int:
    """Print the Atom feed of `country`'s advisories in force and earlier warnings."""
    database = Database(settings.database_url)
    try:
        await database.migrate()
        shown = await AdvisoryRepository(database=database).listing(country=country)
        advisories = shown.in_force + shown.earlier  # each entry carries its own date
    finally:
        await database.close()
    print(export_feed(advisories, country=country, locale=locale, sender=settings.cap_sender))
    return 0
