"""`elchi import`: idempotent, reports what changed, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.admin.importer import import_folder
from bot.i18n import Translator
from bot.storage import Database
from bot.storage.advisories import AdvisoryRepository
from tests.conftest import on_every_backend


@on_every_backend
async def test_import_twice_then_after_a_correction(
    content: Path, translator: Translator, database: Database
) -> None:
    repository = AdvisoryRepository(database=database)
    first = await import_folder(content, repository=repository, translator=translator)
    assert first.lines()[-1] == "imported: 10 added, 0 changed, 0 unchanged"
    second = await import_folder(content, repository=repository, translator=translator)
    assert second.lines() == ["imported: 0 added, 0 changed, 10 unchanged"]
    path = content / "KG" / "legal-warning.yaml"
    path.write_text(path.read_text().replace("severity: severe", "severity: extreme"))
    third = await import_folder(content, repository=repository, translator=translator)
    assert third.lines() == [
        "changed: kg-legal-warning",
        "imported: 0 added, 1 changed, 9 unchanged",
    ]
    stored = await repository.get(advisory_id="kg-legal-warning")
    assert stored is not None
    assert stored.severity == "extreme"


async def test_import_does_not_undo_what_an_admin_cancelled(
    content: Path, translator: Translator, database: Database
) -> None:
    from bot.admin.cancel import cancel
    from bot.storage.stores import Stores

    repository = AdvisoryRepository(database=database)
    await import_folder(content, repository=repository, translator=translator)
    await cancel(
        stores=Stores.over(database, clock=lambda: datetime(2026, 12, 1, tzinfo=UTC)),
        translator=translator,
        advisory_id="kg-2022-09-21-embassy-warning",
    )
    again = await import_folder(content, repository=repository, translator=translator)  # restart
    assert again.lines() == [
        "kept: kg-2022-09-21-embassy-warning (changed by an admin; the file is not applied)",
        "imported: 0 added, 0 changed, 9 unchanged, 1 kept",
    ]
    in_force = await repository.in_force(country="KG", now=datetime(2026, 12, 2, tzinfo=UTC))
    assert "kg-2022-09-21-embassy-warning" not in [a.id for a in in_force]


@on_every_backend
async def test_in_force_hides_expired_and_drafts(
    content: Path, translator: Translator, database: Database
) -> None:
    path = content / "UZ" / "2022-08-10-embassy-warning.yaml"
    path.write_text(
        path.read_text().replace(
            "effective: 2022-08-10", "effective: 2022-08-10\nexpires: 2023-01-01"
        )
    )
    draft = content / "UZ" / "2022-09-21-prosecutor-warning.yaml"
    draft.write_text(draft.read_text().replace("status: actual", "status: draft"))
    repository = AdvisoryRepository(database=database)
    await import_folder(content, repository=repository, translator=translator)
    now = datetime(2026, 11, 26, tzinfo=UTC)
    ids = [a.id for a in await repository.in_force(country="UZ", now=now)]
    assert ids == ["uz-legal-warning"]
    standing = await repository.standing(country="UZ", now=now)
    assert standing is not None
    assert standing.id == "uz-legal-warning"
    kg = [a.id for a in await repository.in_force(country="KG", now=now)]
    assert kg == ["kg-legal-warning", "kg-2022-09-21-embassy-warning"]
    directory = await repository.directory(country="TJ")
    assert directory is not None
    assert [m.city for m in directory.missions][:2] == ["Moscow", "Saint Petersburg"]


@on_every_backend
async def test_reimporting_keeps_an_admins_schedule(
    content: Path, translator: Translator, database: Database
) -> None:
    repository = AdvisoryRepository(database=database)
    await import_folder(content, repository=repository, translator=translator)
    stored = await repository.get(advisory_id="tj-legal-warning")
    assert stored is not None
    at = datetime(2027, 1, 10, 6, 0, tzinfo=UTC)
    await repository.save(advisory=stored.model_copy(update={"publish_at": at}), origin="cli")
    report = await import_folder(content, repository=repository, translator=translator)
    assert report.lines() == ["imported: 0 added, 0 changed, 10 unchanged"]
    again = await repository.get(advisory_id="tj-legal-warning")
    assert again is not None
    assert again.publish_at == at
