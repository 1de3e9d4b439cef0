"""Repositories are built once, in `bot.storage.stores`, and passed in: none is built where it
is used, so none misses the clock or the state the others share."""

from __future__ import annotations

import ast
from dataclasses import fields
from pathlib import Path

from bot.storage.stores import Stores

BOT = Path(__file__).resolve().parents[2] / "bot"


def _repository_classes() -> set[str]:
    # The annotations are strings (postponed evaluation): the classes' names.
    return {str(f.type) for f in fields(Stores) if f.name not in ("database", "clock")}


def _built_outside_stores() -> list[str]:
    wanted = _repository_classes()
    found = []
    for path in sorted(BOT.rglob("*.py")):
        if path == BOT / "storage" / "stores.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            called = isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            if called and node.func.id in wanted:  # type: ignore[attr-defined]
                found.append(f"{path.relative_to(BOT.parent)}:{node.lineno} {node.func.id}")  # type: ignore[attr-defined]
    return found


def test_every_repository_is_built_in_one_place() -> None:
    assert len(_repository_classes()) == 12  # the scan looks for each of them
    assert _built_outside_stores() == []
