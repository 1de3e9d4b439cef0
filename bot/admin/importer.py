"""`elchi import` and the import on start: all of a folder, or nothing if anything is wrong."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bot.advisories.content import load_content
from bot.advisories.files import Problem
from bot.i18n import Translator
from bot.storage.advisories import AdvisoryRepository, Change


class ContentError(Exception):
    """The content folder has problems; the message lists them, one `file:line:` a line."""


@dataclass
class ImportReport:
    """What an import found wrong, or what it changed."""

    problems: list[Problem] = field(default_factory=list)
    changes: dict[str, Change] = field(default_factory=dict)

    def lines(self) -> list[str]:
        """Human-readable lines: problems, else one line a change and a summary."""
        if self.problems:
            return [str(p) for p in self.problems] + [
                f"{len(self.problems)} problem(s); nothing was imported"
            ]
        changed = [
            f"{change}: {key}"
            + (" (changed by an admin; the file is not applied)" if change == "kept" else "")
            for key, change in self.changes.items()
            if change != "unchanged"
        ]
        counts = {
            c: list(self.changes.values()).count(c)
            for c in ("added", "changed", "unchanged", "kept")
        }
        summary = ", ".join(f"{n} {c}" for c, n in counts.items() if n or c != "kept")
        return [*changed, f"imported: {summary}"]


async def import_folder(
    root: Path, *, repository: AdvisoryRepository, translator: Translator
) -> ImportReport:
    """Validate `root`; if clean, save everything in one transaction (idempotent)."""
    content, problems = load_content(root, translator=translator, known_ids=await repository.ids())
    if problems:
        return ImportReport(problems=problems)
    advisories = [
        (a, "file:" + content.origin[a.id].rsplit(":", 1)[0]) for a in content.advisories
    ]
    changes = await repository.save_all(advisories=advisories, directories=content.directories)
    return ImportReport(changes=changes)
