"""`elchi validate`: the content folder checked without the database or the bot (fast)."""

from __future__ import annotations

import sys
from pathlib import Path

from bot.advisories.content import load_content
from bot.i18n import Translator


def validate(path: Path) -> int:
    """Print every problem as `file:line: field: what`; 1 if any, else 0."""
    content, problems = load_content(path, translator=Translator())
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) in {path}", file=sys.stderr)
        return 1
    advisories, directories = len(content.advisories), len(content.directories)
    print(f"{path}: {advisories} advisories, {directories} directories, valid")
    return 0
