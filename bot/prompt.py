"""Asking the person at the terminal before something that cannot be undone."""

from __future__ import annotations

import asyncio


async def confirm(question: str, *, yes: bool) -> bool:
    """True if `--yes` was given or the person answers y (read without blocking the loop)."""
    if yes:
        return True
    answer = await asyncio.to_thread(input, f"{question} [y/N] ")
    return answer.strip().lower() in ("y", "yes")
