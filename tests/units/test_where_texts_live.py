"""The convention the README states: the Telegram handlers, steps and views hold no sentence of
their own. They name a msgid kept in `bot/texts` and translate it; button labels stay beside
the keyboards that lay them out."""

from __future__ import annotations

import ast
from pathlib import Path

TELEGRAM = Path(__file__).resolve().parents[2] / "bot" / "telegram"
GETTEXT = {"_", "N_", "gettext"}


def _sentences(path: Path) -> list[str]:
    """`_("…")`, `context._("…")` or `N_("…")` with a literal: a sentence written here."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and node.args):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        literal = isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
        if name in GETTEXT and literal:
            found.append(f"{path.relative_to(TELEGRAM.parent.parent)}:{node.lineno}")
    return found


def test_handlers_steps_and_views_hold_no_sentence() -> None:
    modules = [p for p in sorted(TELEGRAM.rglob("*.py")) if "keyboards" not in p.parts]
    assert len(modules) > 40  # the scan reads the whole Telegram layer
    assert [line for path in modules for line in _sentences(path)] == []
