"""`elchi validate`: the content folder checked without the database or the bot (fast)."""

from __future__ import annotations

import sys
from pathlib import Path

from bot.advisories.content import check_file, load_content
from bot.i18n import Translator


def validate(paths: list[Path]) -> int:
    """Check folders (every file, and across files) and single files; print every problem as
    `file:line: field: what`; 1 if any, else 0."""
    translator, problems, summary = Translator(), [], []
    for path in paths:
        if path.is_dir():
            content, found = load_content(path, translator=translator)
            advisories, directories = len(content.advisories), len(content.directories)
            summary.append(f"{path}: {advisories} advisories, {directories} directories")
        else:
            found = check_file(path, translator=translator)
            summary.append(f"{path}: one file")
        problems += found
    for problem in problems:
        print(problem)
    if problems:
        where = ", ".join(str(path) for path in paths)
        print(f"{len(problems)} problem(s) in {where}", file=sys.stderr)
        return 1
    print("; ".join(summary) + ": valid")
    return 0
