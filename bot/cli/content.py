"""`elchi import`, `elchi export-cap`, `elchi export-feed` (validate: `bot.cli.validate`)."""

from __future__ import annotations

import sys
from pathlib import Path

from bot.admin.importer import import_folder
from bot.advisories.cap import export_cap
from bot.advisories.feed import export_feed
from bot.config import Settings
from bot.i18n import Translator
from bot.storage.stores import opened


async def import_command(settings: Settings, path: Path) -> int:
    """Validate and import a folder into the database; 1 if anything is wrong."""
    async with opened(settings) as stores:
        report = await import_folder(path, repository=stores.advisories, translator=Translator())
    for line in report.lines():
        print(line)
    return 1 if report.problems else 0


async def export_cap_command(
    settings: Settings, advisory_id: str | None, out: Path | None = None
) -> int:
    """Print one advisory as CAP 1.2 XML, or write each into `out` as one well-formed
    document a file (alert aggregators read one alert a document)."""
    if advisory_id is None and out is None:
        print("elchi: export-cap: give an advisory id, or --out FOLDER for all", file=sys.stderr)
        return 2
    async with opened(settings) as stores:
        repository = stores.advisories
        if advisory_id is None:
            advisories = await repository.all()
        else:
            found = await repository.get(advisory_id=advisory_id)
            if found is None:
                print(f"elchi: no advisory with id {advisory_id!r}", file=sys.stderr)
                return 1
            advisories = [found]
    if not advisories:
        print("nothing to export: no advisory in the database (run `elchi import` first)")
        return 1
    if advisory_id is not None and out is None:
        print(export_cap(advisories[0], sender=settings.cap_sender))
        return 0
    assert out is not None
    _write(out, {a.id: export_cap(a, sender=settings.cap_sender) for a in advisories})
    print(f"wrote {len(advisories)} CAP alert(s) to {out}")
    return 0


def _write(folder: Path, documents: dict[str, str]) -> None:
    """One `<id>.xml` a document (a short local write: no need to leave the event loop)."""
    folder.mkdir(parents=True, exist_ok=True)
    for advisory_id, document in documents.items():
        (folder / f"{advisory_id}.xml").write_text(document, encoding="utf-8")


async def export_feed_command(settings: Settings, country: str, locale: str) -> int:
    """Print the Atom feed of `country`'s advisories in force and earlier warnings."""
    async with opened(settings) as stores:
        shown = await stores.advisories.listing(country=country)
        advisories = shown.in_force + shown.earlier  # each entry carries its own date
    print(export_feed(advisories, country=country, locale=locale, sender=settings.cap_sender))
    return 0
